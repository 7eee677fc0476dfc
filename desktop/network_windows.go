package desktop

import "golang.org/x/sys/windows"

// systemDrives asks GetDriveTypeW.
type systemDrives struct{}

func (systemDrives) DriveType(root string) uint32 {
	p, err := windows.UTF16PtrFromString(root)
	if err != nil {
		return DriveUnknown
	}
	return windows.GetDriveType(p)
}

// systemFileSystems is not used on Windows (PlaceOf asks the drive's type).
type systemFileSystems struct{}

func (systemFileSystems) Type(string) (int64, error) { return 0, windows.ERROR_NOT_SUPPORTED }

func (systemFileSystems) MountInfo() (string, error) { return "", windows.ERROR_NOT_SUPPORTED }
