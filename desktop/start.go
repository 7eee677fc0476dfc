package desktop

import "os/exec"

// startDetached starts a helper program without waiting for it (it is reaped when it ends).
func startDetached(cmd *exec.Cmd) error {
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait()
	return nil
}
