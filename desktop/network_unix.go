//go:build linux

package desktop

import "syscall"

// systemFileSystems asks statfs(2).
type systemFileSystems struct{}

func (systemFileSystems) Type(path string) (int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return 0, err
	}
	return int64(st.Type), nil
}

// systemDrives is not used off Windows.
type systemDrives struct{}

func (systemDrives) DriveType(string) uint32 { return DriveUnknown }
