//go:build linux

package desktop

import (
	"os"
	"syscall"
)

// systemFileSystems asks statfs(2).
type systemFileSystems struct{}

func (systemFileSystems) Type(path string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, err
	}
	return int64(st.Type), nil
}

// MountInfo reads this process's view of the mounts.
func (systemFileSystems) MountInfo() (string, error) {
	b, err := os.ReadFile("/proc/self/mountinfo")
	return string(b), err
}

// systemDrives is not used off Windows.
type systemDrives struct{}

func (systemDrives) DriveType(string) uint32 { return DriveUnknown }
