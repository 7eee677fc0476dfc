package desktop

import (
	"fmt"
	"path/filepath"
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

// FileSystems is statfs(2) on Linux: the magic number of the file system holding a path; and
// /proc/self/mountinfo, which says what a FUSE file system is (statfs says only "FUSE").
type FileSystems interface {
	Type(path string) (int64, error)
	MountInfo() (string, error)
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
	if uint32(magic) == fuseMagic {
		info, err := fsys.MountInfo()
		if err != nil {
			return Place{}
		}
		return FusePlace(info, path)
	}
	return Place{}
}

// fuseMagic is FUSE_SUPER_MAGIC: a file system run by a program (fuse.sshfs, fuse.rclone,
// GNOME's gvfsd-fuse, but also ntfs-3g on a USB disk), so statfs alone cannot say where it is.
const fuseMagic = 0x65735546

// networkFuse are the FUSE programs (the subtype in mountinfo's "fuse.sshfs") that reach
// another computer, where SQLite's locking and WAL cannot be trusted, and how to say so; the
// source (user@host:/path for sshfs, remote:path for rclone) is put in for %s. A FUSE file
// system not listed (ntfs-3g, exfat, encfs, gocryptfs, bindfs, the Flatpak document portal)
// is taken to be on this computer.
var networkFuse = map[string]string{
	"sshfs":                  "the folder %s, reached over SSH (sshfs)",
	"rclone":                 "the cloud or network storage %s (rclone)",
	"s3fs":                   "the cloud storage %s (s3fs)",
	"gcsfuse":                "the cloud storage %s (gcsfuse)",
	"goofys":                 "the cloud storage %s (goofys)",
	"blobfuse":               "the cloud storage %s (blobfuse)",
	"blobfuse2":              "the cloud storage %s (blobfuse)",
	"davfs":                  "the web folder %s (WebDAV)",
	"curlftpfs":              "the FTP folder %s",
	"smbnetfs":               "an SMB network share (smbnetfs)",
	"glusterfs":              "the GlusterFS network share %s",
	"ceph-fuse":              "a Ceph network share",
	"juicefs":                "the JuiceFS network share %s",
	"onedriver":              "OneDrive (onedriver)",
	"google-drive-ocamlfuse": "Google Drive (google-drive-ocamlfuse)",
	"kio-fuse":               "a place KDE's file manager has opened (kio-fuse)",
}

// FusePlace says whether path, on a FUSE file system, is on another computer, from mountinfo
// (the text of /proc/self/mountinfo): the mount holding path is the longest mount point above
// it. GNOME's gvfs (the smb://, sftp:// and other places Files opens, under
// /run/user/UID/gvfs) always is; so are the programs in networkFuse.
func FusePlace(mountinfo, path string) Place {
	m, ok := mountOf(mountinfo, path)
	if !ok {
		return Place{}
	}
	kind, isFuse := strings.CutPrefix(m.fstype, "fuse.")
	if !isFuse {
		// Old sshfs mounts say "fuse" and name the program in the source: sshfs#host:/path.
		if prog, src, ok := strings.Cut(m.source, "#"); ok && (m.fstype == "fuse" || m.fstype == "fuseblk") {
			kind, m.source = prog, src
		}
	}
	if kind == "gvfsd-fuse" {
		return Place{Remote: true, Where: gvfsPlace(strings.TrimPrefix(path, m.point))}
	}
	if where, ok := networkFuse[kind]; ok {
		if strings.Contains(where, "%s") {
			where = fmt.Sprintf(where, m.source)
		}
		return Place{Remote: true, Where: where}
	}
	return Place{}
}

// gvfsPlace says which place gvfs opened, from the part of the path below its mount point,
// whose first folder names it: smb-share:server=fs01,share=minutes, sftp:host=files.example,
// dav:host=…, google-drive:host=…, mtp:host=… (a phone).
func gvfsPlace(rest string) string {
	first, _, _ := strings.Cut(strings.TrimPrefix(rest, "/"), "/")
	scheme, params, _ := strings.Cut(first, ":")
	p := map[string]string{}
	for _, kv := range strings.Split(params, ",") {
		if k, v, ok := strings.Cut(kv, "="); ok {
			p[k] = v
		}
	}
	const opened = " (opened in the file manager)"
	switch scheme {
	case "smb-share":
		if p["server"] != "" && p["share"] != "" {
			return "the network share smb://" + p["server"] + "/" + p["share"] + opened
		}
		return "an SMB network share" + opened
	case "sftp", "ssh":
		if p["host"] != "" {
			return "a folder on " + p["host"] + ", reached over SSH" + opened
		}
	case "dav", "davs":
		if p["host"] != "" {
			return "the web folder on " + p["host"] + " (WebDAV)" + opened
		}
	case "ftp", "ftps":
		if p["host"] != "" {
			return "the FTP folder on " + p["host"] + opened
		}
	case "nfs":
		if p["host"] != "" {
			return "the NFS network share on " + p["host"] + opened
		}
	case "google-drive":
		return "Google Drive" + opened
	case "onedrive":
		return "OneDrive" + opened
	case "mtp", "gphoto2", "afc":
		return "a phone or camera" + opened
	}
	return "a place the file manager has opened (gvfs), not this computer's own disk"
}

// mount is one line of mountinfo: where it is mounted, its type and what it mounts.
type mount struct{ point, fstype, source string }

// mountOf finds the mount holding path: the longest mount point that is path or a folder
// above it, the later line when two are mounted on one point (the one on top).
func mountOf(mountinfo, path string) (mount, bool) {
	var best mount
	found := false
	for _, line := range strings.Split(mountinfo, "\n") {
		// 36 35 98:0 /root /mnt/point rw,noatime master:1 - fuse.sshfs clerk@host:/srv rw
		before, after, ok := strings.Cut(line, " - ")
		f, g := strings.Fields(before), strings.Fields(after)
		if !ok || len(f) < 5 || len(g) < 2 {
			continue
		}
		point := unescapeMount(f[4])
		if !under(path, point) || (found && len(point) < len(best.point)) {
			continue
		}
		best, found = mount{point: point, fstype: g[0], source: unescapeMount(g[1])}, true
	}
	return best, found
}

// under reports whether path is dir or inside it.
func under(path, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(path, "/")
	}
	rest, ok := strings.CutPrefix(path, dir)
	return ok && (rest == "" || rest[0] == '/')
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space, \011 a tab, \012 a
// newline, \134 a backslash).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) && isOctal(s[i+1]) && isOctal(s[i+2]) && isOctal(s[i+3]) {
			b.WriteByte((s[i+1]-'0')<<6 | (s[i+2]-'0')<<3 | (s[i+3] - '0'))
			i += 3
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isOctal(c byte) bool { return c >= '0' && c <= '7' }

// PlaceOf says whether the file (or folder) at path is on another computer, asking this
// system. A path that does not exist yet is judged by its nearest folder that does.
func PlaceOf(path string) Place {
	if runtime.GOOS == "windows" {
		return WindowsPlace(path, systemDrives{})
	}
	p := existingParent(path)
	// statfs follows links, and mountinfo names the real folders: a link in the home to a
	// share under /run/user/UID/gvfs must be followed to find its mount.
	if real, err := filepath.EvalSymlinks(p); err == nil {
		p = real
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	return UnixPlace(p, systemFileSystems{})
}
