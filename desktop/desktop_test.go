package desktop

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// explorerArgument is what Explorer reads after /select, in the command line: the path
// inside the quotes, which must be exactly the file.
func explorerArgument(t *testing.T, line string) string {
	t.Helper()
	_, rest, ok := strings.Cut(line, ` /select,"`)
	if !ok || !strings.HasSuffix(rest, `"`) {
		t.Fatalf("command line %q has no /select,\"…\"", line)
	}
	return strings.TrimSuffix(rest, `"`)
}

func TestExplorerCommandLineKeepsThePathWhole(t *testing.T) {
	cases := []struct{ file, want string }{
		{`C:\Users\clerk\Documents\Minutes 15 September 2023 (public).pdf`, `C:\Users\clerk\Documents\Minutes 15 September 2023 (public).pdf`},
		{`C:\Users\clerk\Documents\Panel, Police and Crime\Action log, as at 20 September 2024.pdf`, `C:\Users\clerk\Documents\Panel, Police and Crime\Action log, as at 20 September 2024.pdf`},
		{`C:\Users\Siân Llŷr\OneDrive - Cyngor Sir\Dogfennau\Cofnodion Łódź – 15 Medi.pdf`, `C:\Users\Siân Llŷr\OneDrive - Cyngor Sir\Dogfennau\Cofnodion Łódź – 15 Medi.pdf`},
		{`C:/Users/clerk/Documents/Minutes 1.pdf`, `C:\Users\clerk\Documents\Minutes 1.pdf`}, // from a file dialog's URI
		{`\\?\C:\Users\clerk\Documents\a b.pdf`, `C:\Users\clerk\Documents\a b.pdf`},
		{`\\?\UNC\fileserver\democratic services\a b.pdf`, `\\fileserver\democratic services\a b.pdf`},
		{`\\fileserver\democratic services\minutebook.db`, `\\fileserver\democratic services\minutebook.db`},
	}
	for _, c := range cases {
		line, err := ExplorerCommandLine(`C:\Windows\explorer.exe`, c.file)
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		if !strings.HasPrefix(line, `C:\Windows\explorer.exe /select,"`) {
			t.Errorf("%s: line %q does not start with the program and /select,", c.file, line)
		}
		if got := explorerArgument(t, line); got != c.want {
			t.Errorf("%s: Explorer is given %q, want %q", c.file, got, c.want)
		}
	}
	// The old way: Go's quoting of one argument "/select,<path>" puts the quote before the
	// switch, which is the fault this replaces.
	line, _ := ExplorerCommandLine("explorer.exe", `C:\a b.pdf`)
	if line != `explorer.exe /select,"C:\a b.pdf"` || strings.Contains(line, `"/select`) {
		t.Errorf("line = %q", line)
	}
}

func TestExplorerCommandLineQuotesAProgramWithASpaceAndRefusesQuotes(t *testing.T) {
	line, err := ExplorerCommandLine(`C:\Program Files\x\explorer.exe`, `C:\a.pdf`)
	if err != nil || line != `"C:\Program Files\x\explorer.exe" /select,"C:\a.pdf"` {
		t.Errorf("line = %q, %v", line, err)
	}
	// "C:\\a\xffb.pdf" is not UTF-8: CreateProcessW takes UTF-16, and the conversion
	// (windows.UTF16FromString) would make the byte U+FFFD, so Explorer would look for a file
	// of another name.
	for _, bad := range []string{`C:\a" /e,"C:\b.pdf`, "", "C:\\a\nb.pdf", "C:\\a\xffb.pdf"} {
		if line, err := ExplorerCommandLine("explorer.exe", bad); err == nil {
			t.Errorf("%q gave %q, want an error", bad, line)
		}
	}
}

func TestWindowsErrorCodesBecomeTheClerksSentence(t *testing.T) {
	dir := t.TempDir()
	pe := func(code uintptr) error {
		return &fs.PathError{Op: "write", Path: filepath.Join(dir, "Minutes.pdf"), Err: syscall.Errno(code)}
	}
	cases := []struct {
		err                       error
		why                       string
		diskFull, inUse, readOnly bool
	}{
		{pe(112), "the disk is full", true, false, false},                       // ERROR_DISK_FULL
		{pe(39), "the disk is full", true, false, false},                        // ERROR_HANDLE_DISK_FULL
		{pe(1295), "your share of the disk is full", true, false, false},        // ERROR_DISK_QUOTA_EXCEEDED
		{pe(32), "the file is open in another program", false, true, false},     // ERROR_SHARING_VIOLATION
		{pe(33), "the file is open in another program", false, true, false},     // ERROR_LOCK_VIOLATION
		{pe(1224), "the file is open in another program", false, true, false},   // ERROR_USER_MAPPED_FILE
		{pe(19), "the disk is write-protected (read-only)", false, false, true}, // ERROR_WRITE_PROTECT
		{pe(3), "there is no such folder", false, false, false},                 // ERROR_PATH_NOT_FOUND
		{pe(64), "the network drive cannot be reached", false, false, false},    // ERROR_NETNAME_DELETED
		{pe(21), "the drive is not ready (a memory stick or disk taken out?)", false, false, false},
		{pe(206), "the name is too long", false, false, false},
		{pe(362), "OneDrive is not running, so its folder cannot be written", false, false, false},
		{pe(5), "you do not have permission to save in that folder", false, false, false}, // nothing there yet
		{&os.SyscallError{Syscall: "WriteFile", Err: syscall.Errno(112)}, "the disk is full", true, false, false},
	}
	for _, c := range cases {
		p, ok := WindowsFileProblem(c.err)
		if !ok || p.Why != c.why || p.DiskFull != c.diskFull || p.InUse != c.inUse || p.ReadOnly != c.readOnly {
			t.Errorf("%v: got %+v (%v), want %q", c.err, p, ok, c.why)
		}
		if !strings.HasSuffix(p.Next, "try again.") {
			t.Errorf("%v: next %q does not say to try again", c.err, p.Next)
		}
	}
	if _, ok := WindowsFileProblem(errors.New("something else")); ok {
		t.Error("an error without a code was claimed")
	}
	if _, ok := WindowsFileProblem(pe(9999)); ok {
		t.Error("an unknown code was claimed")
	}
}

// Access denied means three things on Windows; the file itself says which.
func TestWindowsAccessDeniedReadsTheFile(t *testing.T) {
	dir := t.TempDir()
	readOnly := filepath.Join(dir, "Minutes (read-only).pdf")
	open := filepath.Join(dir, "Minutes open in Acrobat.pdf")
	for _, p := range []string{readOnly, open} {
		if err := os.WriteFile(p, []byte("%PDF-1.4"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(readOnly, 0o444); err != nil { // what Windows' read-only attribute looks like to Go
		t.Fatal(err)
	}
	// The export writes a temporary file and renames it over the old one: the rename fails.
	rename := func(to string) error {
		return &os.LinkError{Op: "rename", Old: filepath.Join(dir, ".minutebook-export-1.tmp"), New: to, Err: syscall.Errno(5)}
	}
	if p, _ := WindowsFileProblem(rename(readOnly)); p.Why != "the file is read-only" || !p.ReadOnly {
		t.Errorf("read-only file: %+v", p)
	}
	if p, _ := WindowsFileProblem(rename(open)); !strings.HasPrefix(p.Why, "the file is open in another program") || !p.InUse || !strings.Contains(p.Next, "Acrobat") {
		t.Errorf("file open elsewhere: %+v", p)
	}
	if p, _ := WindowsFileProblem(rename(filepath.Join(dir, "new.pdf"))); p.Why != "you do not have permission to save in that folder" {
		t.Errorf("new file: %+v", p)
	}
}

func TestUnixFileProblemsFromRealErrors(t *testing.T) {
	// /dev/full answers every write with ENOSPC: a real full disk.
	err := os.WriteFile("/dev/full", []byte("minutes"), 0o644)
	if err == nil {
		t.Fatal("writing /dev/full succeeded")
	}
	if p, ok := unixFileProblem(err); !ok || p.Why != "the disk is full" || !p.DiskFull {
		t.Errorf("/dev/full: %+v, %v (%v)", p, ok, err)
	}
	if p, ok := FileProblem(err); !ok || !p.DiskFull {
		t.Errorf("FileProblem(/dev/full) = %+v, %v", p, ok)
	}
	if p, ok := unixFileProblem(&fs.PathError{Op: "open", Path: "/mnt/usb/a.pdf", Err: syscall.EROFS}); !ok || !p.ReadOnly {
		t.Errorf("EROFS: %+v", p)
	}
}

// sqliteError is what modernc.org/sqlite's errors offer: the result code.
type sqliteError int

func (e sqliteError) Error() string { return "database or disk is full" }
func (e sqliteError) Code() int     { return int(e) }

func TestSQLiteFullIsADiskFull(t *testing.T) {
	if p, ok := FileProblem(errors.Join(errors.New("back up"), sqliteError(13))); !ok || !p.DiskFull {
		t.Errorf("SQLITE_FULL: %+v, %v", p, ok)
	}
	if _, ok := FileProblem(sqliteError(5)); ok { // SQLITE_BUSY is not a file problem
		t.Error("SQLITE_BUSY was claimed")
	}
}

// knownFolders is a Known Folders API that answers as told.
type knownFolders struct {
	docs string
	err  error
}

func (k knownFolders) Documents() (string, error) { return k.docs, k.err }

func TestDocumentsComesFromTheKnownFoldersAPI(t *testing.T) {
	home := t.TempDir()
	oneDrive := filepath.Join(home, "OneDrive - Berkshire Council", "Documents")
	plain := filepath.Join(home, "Documents")
	for _, d := range []string{oneDrive, plain} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if got := DocumentsIn(knownFolders{docs: oneDrive}, home); got != oneDrive {
		t.Errorf("OneDrive's Documents: got %s", got)
	}
	if got := DocumentsIn(knownFolders{err: errors.New("E_FAIL")}, home); got != plain {
		t.Errorf("API failed: got %s, want %s", got, plain)
	}
	if got := DocumentsIn(knownFolders{docs: filepath.Join(home, "gone")}, home); got != plain {
		t.Errorf("API names a missing folder: got %s, want %s", got, plain)
	}
	bare := t.TempDir()
	if got := DocumentsIn(nil, bare); got != bare {
		t.Errorf("no Documents at all: got %s, want the home %s", got, bare)
	}
}

func TestUserDirsDocuments(t *testing.T) {
	text := "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\nXDG_DOCUMENTS_DIR=\"$HOME/Dokumente\"\n"
	if got := UserDirsDocuments(text, "/home/clerk"); got != "/home/clerk/Dokumente" {
		t.Errorf("got %q", got)
	}
	if got := UserDirsDocuments(`XDG_DOCUMENTS_DIR="/srv/papers"`, "/home/clerk"); got != "/srv/papers" {
		t.Errorf("absolute: got %q", got)
	}
	if got := UserDirsDocuments(`XDG_DOCUMENTS_DIR="$HOME/"`, "/home/clerk"); got != "/home/clerk" {
		t.Errorf("disabled: got %q", got)
	}
	if got := UserDirsDocuments("XDG_MUSIC_DIR=\"$HOME/Music\"\n", "/home/clerk"); got != "" {
		t.Errorf("none: got %q", got)
	}
}

// drives is GetDriveTypeW as the test says: H: mapped to a share, the rest fixed disks.
type drives map[string]uint32

func (d drives) DriveType(root string) uint32 {
	if t, ok := d[root]; ok {
		return t
	}
	return DriveFixed
}

func TestWindowsPlaceFindsNetworkDrives(t *testing.T) {
	d := drives{`H:\`: DriveRemote, `E:\`: DriveRemovable}
	cases := []struct {
		path  string
		where string // "" for this computer
	}{
		{`C:\Users\clerk\AppData\Local\Minutebook\minutebook.db`, ""},
		{`E:\minutebook.db`, ""},
		{`H:\Democratic Services\minutebook.db`, "the network drive H:"},
		{`h:\minutebook.db`, "the network drive H:"},
		{`\\fileserver\democratic$\Panel\minutebook.db`, `the network share \\fileserver\democratic$`},
		{`//fileserver/users/clerk/AppData/Roaming/Minutebook/minutebook.db`, `the network share \\fileserver\users`},
		{`\\?\UNC\fileserver\home\minutebook.db`, `the network share \\fileserver\home`},
		{`\\?\unc\fileserver\home\minutebook.db`, `the network share \\fileserver\home`},
		{`\\?\H:\minutebook.db`, "the network drive H:"},
		{`\\?\C:\minutebook.db`, ""},
		{`\\?\Volume{1b3b1146-4076-11e1-84aa-806e6f6e6963}\minutebook.db`, ""},
		{`\\.\C:\minutebook.db`, ""},
		{`\\tsclient\C\Users\clerk\minutebook.db`, `a drive of the computer this remote desktop is run from (\\tsclient\C)`},
		{`\\server`, `the network share \\server`},
		{`minutebook.db`, ""},
	}
	for _, c := range cases {
		p := WindowsPlace(c.path, d)
		if p.Remote != (c.where != "") || p.Where != c.where {
			t.Errorf("%s: got %+v, want %q", c.path, p, c.where)
		}
	}
}

// fileSystems is statfs as the test says.
type fileSystems map[string]int64

func (f fileSystems) Type(path string) (int64, error) {
	if t, ok := f[path]; ok {
		return t, nil
	}
	return 0, os.ErrNotExist
}

func (f fileSystems) MountInfo() (string, error) { return "", os.ErrNotExist }

// fuseMounts is a machine whose every path statfs calls FUSE, with the mounts in mountinfo.
type fuseMounts string

func (fuseMounts) Type(string) (int64, error)   { return 0x65735546, nil }
func (m fuseMounts) MountInfo() (string, error) { return string(m), nil }

// A GNOME desktop's /proc/self/mountinfo (trimmed) with a share opened in Files, an sshfs
// and an rclone mount, a USB disk under ntfs-3g and the Flatpak document portal.
const desktopMountinfo = `22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw
45 22 0:40 / /run/user/1000 rw,nosuid,nodev,relatime shared:250 - tmpfs tmpfs rw,size=1620900k,mode=700,uid=1000,gid=1000
47 45 0:42 / /run/user/1000/gvfs rw,nosuid,nodev,relatime shared:252 - fuse.gvfsd-fuse gvfsd-fuse rw,user_id=1000,group_id=1000
48 45 0:43 / /run/user/1000/doc rw,nosuid,nodev,relatime shared:262 - fuse.portal portal rw,user_id=1000,group_id=1000
52 22 0:47 / /home/clerk/Council\040files rw,nosuid,nodev,relatime shared:270 - fuse.sshfs clerk@files.council.example:/srv/committees rw,user_id=1000,group_id=1000
53 22 0:48 / /home/clerk/OneDrive rw,nosuid,nodev,relatime shared:271 - fuse.rclone onedrive: rw,user_id=1000,group_id=1000
54 22 8:17 / /media/clerk/USB\040DISK rw,nosuid,nodev,relatime shared:272 - fuseblk /dev/sdb1 rw,user_id=0,group_id=0,allow_other,blksize=4096
55 22 0:49 / /mnt/old rw,relatime shared:273 - fuse sshfs#clerk@old.example:/home/clerk rw,user_id=1000,group_id=1000
`

// FUSE file systems all have one statfs number; which are on another computer is read from
// mountinfo: gvfs (GNOME's smb:// and sftp:// places), sshfs and rclone are, a USB disk
// under ntfs-3g and the document portal are not.
func TestUnixPlaceFindsNetworkFuseMounts(t *testing.T) {
	cases := []struct{ path, where string }{
		{"/run/user/1000/gvfs/smb-share:server=fs01,share=committees/Panel/minutebook.db", "the network share smb://fs01/committees (opened in the file manager)"},
		{"/run/user/1000/gvfs/sftp:host=files.council.example,user=clerk/home/clerk", "a folder on files.council.example, reached over SSH (opened in the file manager)"},
		{"/run/user/1000/gvfs/dav:host=sharepoint.example,ssl=true/Shared", "the web folder on sharepoint.example (WebDAV) (opened in the file manager)"},
		{"/run/user/1000/gvfs/archive:host=file%253A%252F%252F%252Fhome", "a place the file manager has opened (gvfs), not this computer's own disk"},
		{"/run/user/1000/gvfs", "a place the file manager has opened (gvfs), not this computer's own disk"},
		{"/home/clerk/Council files/Panel", "the folder clerk@files.council.example:/srv/committees, reached over SSH (sshfs)"},
		{"/home/clerk/OneDrive/Minutes/minutebook.db", "the cloud or network storage onedrive: (rclone)"},
		{"/mnt/old/minutes", "the folder clerk@old.example:/home/clerk, reached over SSH (sshfs)"},
		{"/media/clerk/USB DISK/minutes", ""},
		{"/run/user/1000/doc/1a2b3c/minutebook.db", ""},
		{"/home/clerk/Council filesystem", ""}, // not inside "Council files"
		{"/run/user/1000/gvfsx", ""},
	}
	for _, c := range cases {
		p := UnixPlace(c.path, fuseMounts(desktopMountinfo))
		if p.Remote != (c.where != "") || p.Where != c.where {
			t.Errorf("%s: got %+v, want %q", c.path, p, c.where)
		}
	}
	// Without mountinfo a FUSE file system cannot be told apart: it is taken to be here.
	if p := UnixPlace("/run/user/1000/gvfs/smb-share:server=a,share=b", fuseMounts("")); p.Remote {
		t.Errorf("no mountinfo: %+v", p)
	}
}

func TestUnixPlaceFindsNetworkFileSystems(t *testing.T) {
	f := fileSystems{"/home": 0xEF53, "/mnt/nfs": 0x6969, "/mnt/smb": 0xFF534D42, "/mnt/smb-signed": int64(int32(-11317950)), "/mnt/c": 0x01021997}
	for path, remote := range map[string]bool{"/home": false, "/mnt/nfs": true, "/mnt/smb": true, "/mnt/smb-signed": true, "/mnt/c": true, "/nowhere": false} {
		if p := UnixPlace(path, f); p.Remote != remote || (remote && p.Where == "") {
			t.Errorf("%s: %+v", path, p)
		}
	}
	// This machine's own temporary folder is on this machine, and a file not yet made there
	// is judged by its folder.
	dir := t.TempDir()
	if p := PlaceOf(filepath.Join(dir, "not yet", "minutebook.db")); p.Remote {
		t.Errorf("%s is on %s", dir, p.Where)
	}
	if _, err := (systemFileSystems{}).Type(dir); err != nil {
		t.Errorf("statfs %s: %v", dir, err)
	}
}

func TestNoScreenSaysWhatToDo(t *testing.T) {
	n := NoScreen{Cause: "APIUnavailable: WGL: The driver does not appear to support OpenGL", Log: `C:\Users\clerk\AppData\Local\Minutebook\minutebook.log`}
	s := n.Sentence()
	if strings.Count(s, "\n") > 0 || !strings.HasSuffix(s, "need no window.") || !strings.Contains(s, "OpenGL graphics ("+n.Cause+");") {
		t.Errorf("sentence %q", s)
	}
	m := n.Message()
	for _, want := range []string{"remote desktop", "ask IT", "has not been changed", n.Cause, n.Log} {
		if !strings.Contains(m, want) {
			t.Errorf("message lacks %q: %s", want, m)
		}
	}
	var shown []string
	was := messageBox
	messageBox = func(title, text string) { shown = append(shown, title, text) }
	t.Cleanup(func() { messageBox = was })
	var b strings.Builder
	n.Tell(&b)
	if b.String() != s+"\n" {
		t.Errorf("Tell wrote %q", b.String())
	}
	if len(shown) != 2 || shown[0] != n.Title() || shown[1] != m {
		t.Errorf("the message box showed %q", shown)
	}
}

// On Linux the message box is zenity's, kdialog's or xmessage's, whichever is installed
// (kdialog first on KDE; xmessage only on X); with none, there is none.
func TestAlertCommandIsTheFirstInstalled(t *testing.T) {
	const title, text = "Minutebook cannot open its window", "Minutebook cannot draw its window on this screen, because the computer offers no OpenGL graphics (this happens over some remote desktop connections).\n\nFor IT: <GLX> & more"
	cases := []struct {
		name      string
		desktop   string
		display   string
		installed string
		want      string // the program, or "" for none
	}{
		{"GNOME with all three", "ubuntu:GNOME", ":0", "zenity kdialog xmessage", "zenity"},
		{"KDE with all three", "KDE", ":0", "zenity kdialog xmessage", "kdialog"},
		{"KDE without kdialog", "KDE", ":0", "zenity xmessage", "zenity"},
		{"XFCE with xmessage only", "XFCE", ":0", "xmessage", "xmessage"},
		{"Wayland without X, xmessage only", "GNOME", "", "xmessage", ""},
		{"Wayland without X, zenity", "GNOME", "", "zenity xmessage", "zenity"},
		{"nothing installed", "GNOME", ":0", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			env := map[string]string{"XDG_CURRENT_DESKTOP": c.desktop, "DISPLAY": c.display}
			look := func(name string) (string, error) {
				if strings.Contains(" "+c.installed+" ", " "+name+" ") {
					return "/usr/bin/" + name, nil
				}
				return "", errors.New("not found")
			}
			argv := alertCommand(title, text, func(k string) string { return env[k] }, look)
			if c.want == "" {
				if argv != nil {
					t.Fatalf("got %q, want none", argv)
				}
				return
			}
			if len(argv) == 0 || argv[0] != "/usr/bin/"+c.want {
				t.Fatalf("got %q, want %s", argv, c.want)
			}
			all := strings.Join(argv, "\x00")
			switch c.want {
			case "zenity":
				// --no-markup: the cause may hold < and &, which Pango would take as markup.
				for _, a := range []string{"--error", "--title=" + title, "--no-markup", "--text=" + text} {
					if !strings.Contains(all, a) {
						t.Errorf("zenity lacks %q: %q", a, argv)
					}
				}
			case "kdialog":
				if strings.Join(argv[1:], "|") != "--title|"+title+"|--error|"+text {
					t.Errorf("kdialog %q", argv)
				}
			case "xmessage":
				last := argv[len(argv)-1]
				if strings.Join(strings.Fields(last), " ") != strings.Join(strings.Fields(text), " ") {
					t.Errorf("xmessage's text %q", last)
				}
				for _, line := range strings.Split(last, "\n") {
					if len(line) > 76 {
						t.Errorf("xmessage line of %d: %q", len(line), line)
					}
				}
				if !strings.Contains(last, "\n\nFor IT:") || !strings.Contains(all, "-title\x00"+title) {
					t.Errorf("xmessage %q", argv)
				}
			}
		})
	}
}

func TestConsoleNeeded(t *testing.T) {
	if ConsoleNeeded(true, true) {
		t.Error("both redirected: no console needed")
	}
	if !ConsoleNeeded(false, true) || !ConsoleNeeded(true, false) || !ConsoleNeeded(false, false) {
		t.Error("a standard stream with nowhere to go needs the console")
	}
}
