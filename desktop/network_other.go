//go:build !linux && !windows

package desktop

import "errors"

// systemFileSystems knows no file system kinds here (macOS reports names, not numbers).
type systemFileSystems struct{}

func (systemFileSystems) Type(string) (int64, error) { return 0, errors.New("not known here") }

type systemDrives struct{}

func (systemDrives) DriveType(string) uint32 { return DriveUnknown }

func (systemFileSystems) MountInfo() (string, error) { return "", errors.New("not known here") }
