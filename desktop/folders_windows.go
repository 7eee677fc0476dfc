package desktop

import "golang.org/x/sys/windows"

// systemFolders asks Windows' Known Folders API.
type systemFolders struct{}

// Documents is FOLDERID_Documents: where Windows keeps Documents now, which OneDrive's folder
// backup moves to C:\Users\name\OneDrive\Documents and folder redirection to a share.
func (systemFolders) Documents() (string, error) {
	return windows.KnownFolderPath(windows.FOLDERID_Documents, windows.KF_FLAG_DEFAULT)
}
