package desktop

import (
	"errors"
	"io/fs"
	"os"
	"runtime"
	"syscall"
)

// Problem is a file error in a clerk's words: Why finishes "Minutebook could not save the
// file: …" and Next says what to do about it.
type Problem struct {
	Why  string
	Next string
	// DiskFull, InUse and ReadOnly say which of the common faults it is.
	DiskFull, InUse, ReadOnly bool
}

// The advice that follows a problem; tryAgain when there is nothing better to say.
const (
	tryAgain     = "Choose another folder and try again."
	freeSpace    = "Free some space on the disk, or choose another folder, and try again."
	closeIt      = "Close the file in the program that has it open (Acrobat, Word or a browser), or save under another name, and try again."
	notReadOnly  = "Choose another folder, or save under another name, and try again."
	reconnect    = "Check the network connection, or choose a folder on this computer, and try again."
	driveNotHere = "Put the memory stick or disk back, or choose another folder, and try again."
)

// FileProblem puts a file error in a clerk's words, reading the operating system's own code
// for it; ok is false when it is not one it knows (the caller then says what it can).
func FileProblem(err error) (p Problem, ok bool) {
	if err == nil {
		return Problem{}, false
	}
	if p, ok := sqliteProblem(err); ok {
		return p, true
	}
	if runtime.GOOS == "windows" {
		return WindowsFileProblem(err)
	}
	return unixFileProblem(err)
}

// Windows' error codes (winerror.h) for the faults a clerk meets when saving.
const (
	errorFileNotFound       = 2
	errorPathNotFound       = 3
	errorAccessDenied       = 5
	errorWriteProtect       = 19
	errorNotReady           = 21
	errorSharingViolation   = 32
	errorLockViolation      = 33
	errorHandleDiskFull     = 39
	errorBadNetpath         = 53
	errorUnexpNetErr        = 59
	errorNetnameDeleted     = 64
	errorBadNetName         = 67
	errorFileExists         = 80
	errorDiskFull           = 112
	errorInvalidName        = 123
	errorAlreadyExists      = 183
	errorFilenameExcedRange = 206
	errorVirusInfected      = 225
	errorVirusDeleted       = 226
	errorCloudNotRunning    = 362
	errorIODevice           = 1117
	errorUserMappedFile     = 1224
	errorFileCorrupt        = 1392
	errorDiskQuotaExceeded  = 1295
)

// WindowsFileProblem reads err's Windows error code (the syscall.Errno inside the os
// package's PathError or LinkError) and says what it means for the file being written.
//
// Windows answers "access denied" both for a read-only file and for one another program
// holds open without letting it be replaced, which is what a PDF open in Acrobat does to the
// rename that puts a new export in place; so for that code the file itself is looked at: a
// read-only file is read-only, another existing file is taken to be open elsewhere, and a new
// file means the folder does not take it.
func WindowsFileProblem(err error) (Problem, bool) {
	var code syscall.Errno
	if !errors.As(err, &code) {
		return Problem{}, false
	}
	switch code {
	case errorDiskFull, errorHandleDiskFull:
		return Problem{Why: "the disk is full", Next: freeSpace, DiskFull: true}, true
	case errorDiskQuotaExceeded:
		return Problem{Why: "your share of the disk is full", Next: freeSpace, DiskFull: true}, true
	case errorSharingViolation, errorLockViolation, errorUserMappedFile:
		return Problem{Why: "the file is open in another program", Next: closeIt, InUse: true}, true
	case errorWriteProtect:
		return Problem{Why: "the disk is write-protected (read-only)", Next: notReadOnly, ReadOnly: true}, true
	case errorAccessDenied:
		target := targetOf(err)
		st, statErr := os.Stat(target)
		switch {
		case target != "" && statErr == nil && !st.IsDir() && st.Mode().Perm()&0o200 == 0:
			return Problem{Why: "the file is read-only", Next: notReadOnly, ReadOnly: true}, true
		case target != "" && statErr == nil && !st.IsDir():
			return Problem{Why: "the file is open in another program, or you may not change it", Next: closeIt, InUse: true}, true
		}
		return Problem{Why: "you do not have permission to save in that folder", Next: tryAgain}, true
	case errorPathNotFound, errorFileNotFound:
		return Problem{Why: "there is no such folder", Next: tryAgain}, true
	case errorNotReady:
		return Problem{Why: "the drive is not ready (a memory stick or disk taken out?)", Next: driveNotHere}, true
	case errorBadNetpath, errorBadNetName, errorNetnameDeleted, errorUnexpNetErr:
		return Problem{Why: "the network drive cannot be reached", Next: reconnect}, true
	case errorCloudNotRunning:
		return Problem{Why: "OneDrive is not running, so its folder cannot be written", Next: "Start OneDrive, or choose a folder outside OneDrive, and try again."}, true
	case errorInvalidName:
		return Problem{Why: `the name has a character Windows does not allow (one of \ / : * ? " < > |)`, Next: "Change the name and try again."}, true
	case errorFilenameExcedRange:
		return Problem{Why: "the name is too long", Next: "Choose a shorter name or a folder nearer the top of the disk, and try again."}, true
	case errorFileExists, errorAlreadyExists:
		return Problem{Why: "a file of that name already exists", Next: "Choose another name and try again."}, true
	case errorVirusInfected, errorVirusDeleted:
		return Problem{Why: "the antivirus program stopped the file being written", Next: "Ask IT to let Minutebook write there, or choose another folder, and try again."}, true
	case errorIODevice, errorFileCorrupt:
		return Problem{Why: "the disk could not be written (it may be failing)", Next: tryAgain}, true
	}
	return Problem{}, false
}

// unixFileProblem is WindowsFileProblem's counterpart for Linux and macOS codes.
func unixFileProblem(err error) (Problem, bool) {
	var code syscall.Errno
	if !errors.As(err, &code) {
		return Problem{}, false
	}
	switch {
	case code == syscall.ENOSPC:
		return Problem{Why: "the disk is full", Next: freeSpace, DiskFull: true}, true
	case code == syscall.EDQUOT:
		return Problem{Why: "your share of the disk is full", Next: freeSpace, DiskFull: true}, true
	case code == syscall.EROFS:
		return Problem{Why: "the disk or folder is read-only", Next: notReadOnly, ReadOnly: true}, true
	case code == syscall.ETXTBSY || code == syscall.EBUSY:
		return Problem{Why: "the file is in use by another program", Next: closeIt, InUse: true}, true
	case errors.Is(code, fs.ErrPermission):
		target := targetOf(err)
		if st, err := os.Stat(target); target != "" && err == nil && !st.IsDir() && st.Mode().Perm()&0o200 == 0 {
			return Problem{Why: "the file is read-only", Next: notReadOnly, ReadOnly: true}, true
		}
		return Problem{Why: "you do not have permission to save in that folder", Next: tryAgain}, true
	}
	return Problem{}, false
}

// targetOf is the file an error is about: the new name of a rename (where the file was going),
// or the path of any other file operation.
func targetOf(err error) string {
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.New
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Path
	}
	return ""
}

// sqliteFull is SQLite's result code for a full disk (SQLITE_FULL), which VACUUM INTO (a
// backup) gives instead of the system's code.
const sqliteFull = 13

// sqliteProblem reads SQLite's own result code, which modernc.org/sqlite's errors carry.
func sqliteProblem(err error) (Problem, bool) {
	var coded interface{ Code() int }
	if errors.As(err, &coded) && coded.Code()&0xff == sqliteFull {
		return Problem{Why: "the disk is full", Next: freeSpace, DiskFull: true}, true
	}
	return Problem{}, false
}
