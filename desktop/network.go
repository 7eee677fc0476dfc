package desktop

import (
	"runtime"
	"strings"
)

// Place says whether a file is on this computer, and where it is when it is not, in a clerk's
// words ("the network drive H:").
type Place struct {
	Remote bool
	Where  string
}

// Why a network drive matters: SQLite keeps the minute book in WAL mode, whose shared-memory
// index works only when every program using the file is on one computer; over a network
// share (SMB, NFS) locking is not reliable either, and SQLite's own documentation warns that
// the file can be damaged. So Minutebook says so when the minute book is on one, and offers
// to move it to this computer.

// DriveTypes is Windows' GetDriveTypeW: the kind of drive a root such as `H:\` is.
type DriveTypes interface {
	DriveType(root string) uint32
}

// The kinds GetDriveTypeW reports (winbase.h); DRIVE_REMOTE is a mapped network drive.
const (
	DriveUnknown   = 0
	DriveNoRootDir = 1
	DriveRemovable = 2
	DriveFixed     = 3
	DriveRemote    = 4
	DriveCDROM     = 5
	DriveRAMDisk   = 6
)

// WindowsPlace says whether the Windows path p is on another computer: a UNC path
// (\\server\share\…, also as \\?\UNC\…, and \\tsclient\…, a drive of the computer a remote
// desktop session is run from) always is; a drive letter is when Windows reports it as a
// network drive (mapped with net use, or by the council's logon script). Device paths
// (\\.\, \\?\Volume{…}) are local.
func WindowsPlace(p string, drives DriveTypes) Place {
	p = strings.ReplaceAll(p, "/", `\`)
	if rest, ok := strings.CutPrefix(p, `\\?\`); ok {
		if unc, ok := cutFold(rest, `UNC\`); ok {
			return uncPlace(unc)
		}
		if !hasDriveLetter(rest) {
			return Place{} // \\?\Volume{GUID}\…: a local volume
		}
		p = rest
	}
	if strings.HasPrefix(p, `\\.\`) {
		return Place{}
	}
	if unc, ok := strings.CutPrefix(p, `\\`); ok {
		return uncPlace(unc)
	}
	if hasDriveLetter(p) && drives != nil {
		letter := strings.ToUpper(p[:2])
		if drives.DriveType(letter+`\`) == DriveRemote {
			return Place{Remote: true, Where: "the network drive " + letter}
		}
	}
	return Place{}
}

// uncPlace describes server\share\… (the part after \\).
func uncPlace(unc string) Place {
	parts := strings.SplitN(unc, `\`, 3)
	share := `\\` + parts[0]
	if len(parts) > 1 && parts[1] != "" {
		share += `\` + parts[1]
	}
	if strings.EqualFold(parts[0], "tsclient") {
		return Place{Remote: true, Where: "a drive of the computer this remote desktop is run from (" + share + ")"}
	}
	return Place{Remote: true, Where: "the network share " + share}
}

func hasDriveLetter(p string) bool {
	return len(p) >= 2 && p[1] == ':' && (p[0]|0x20 >= 'a' && p[0]|0x20 <= 'z')
}

func cutFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

// FileSystems is statfs(2) on Linux: the magic number of the file system holding a path.
type FileSystems interface {
	Type(path string) (int64, error)
}

// networkFileSystems are statfs magic numbers (linux/magic.h) of file systems on another
// computer, or shared from another system, where SQLite's locking and WAL cannot be trusted.
var networkFileSystems = map[uint32]string{
	0x6969:     "an NFS network share",
	0x517B:     "an SMB network share",
	0xFF534D42: "an SMB network share", // CIFS
	0xFE534D42: "an SMB network share", // SMB2
	0x5346414F: "an AFS network share",
	0x73757245: "a Coda network share",
	0x564C:     "a NetWare network share",
	0x00C36400: "a Ceph network share",
	0x01021997: "a folder shared from another system (9P, as WSL's Windows drives are)",
}

// UnixPlace says whether path is on a network file system, by the kind statfs reports.
func UnixPlace(path string, fsys FileSystems) Place {
	if fsys == nil {
		return Place{}
	}
	magic, err := fsys.Type(path)
	if err != nil {
		return Place{}
	}
	// The magic is 32 bits; some systems hand it back sign-extended.
	if where, ok := networkFileSystems[uint32(magic)]; ok {
		return Place{Remote: true, Where: where}
	}
	return Place{}
}

// PlaceOf says whether the file (or folder) at path is on another computer, asking this
// system. A path that does not exist yet is judged by its nearest folder that does.
func PlaceOf(path string) Place {
	if runtime.GOOS == "windows" {
		return WindowsPlace(path, systemDrives{})
	}
	return UnixPlace(existingParent(path), systemFileSystems{})
}
