package packaging

import (
	"html"

	"github.com/minutebook/minutebook/version"
)

// DesktopEntry is the .desktop file that puts Minutebook in the desktop's menu, under
// Office. Exec is the command as installed; the Makefile writes the full path there.
func DesktopEntry() string {
	return `[Desktop Entry]
Type=Application
Name=` + Name + `
GenericName=Committee minutes
Comment=` + Summary + `
Exec=minutebook
Icon=` + AppID + `
Terminal=false
Categories=Office;
Keywords=minutes;agenda;committee;scrutiny;council;action log;resolutions;
StartupNotify=true
`
}

// Metainfo is the AppStream file that software centres (GNOME Software, KDE Discover) read.
func Metainfo() string {
	e := html.EscapeString
	return `<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>` + AppID + `</id>
  <metadata_license>MIT</metadata_license>
  <project_license>MIT</project_license>
  <name>` + Name + `</name>
  <summary>` + e(Summary) + `</summary>
  <description>
    <p>` + e("Minutebook is an offline desktop app for the clerk of a UK scrutiny body — a Police and Crime Panel or a council's overview and scrutiny committee. "+
		"The clerk records each meeting as it happens: attendance, declarations of interest, agenda items, the minutes, members' questions and the answers given, resolutions and actions.") + `</p>
    <p>` + e("Everything is kept in one file on the computer and saved as it is typed. Minutebook prints the formal minutes and the action log for the next agenda pack as PDF, Word or accessible HTML, and never lets an exempt item reach a public document.") + `</p>
  </description>
  <developer id="io.github.minutebook">
    <name>` + e(version.Company) + `</name>
  </developer>
  <launchable type="desktop-id">` + AppID + `.desktop</launchable>
  <url type="homepage">https://github.com/minutebook/minutebook</url>
  <url type="bugtracker">https://github.com/minutebook/minutebook/issues</url>
  <categories>
    <category>Office</category>
  </categories>
  <keywords>
    <keyword>minutes</keyword>
    <keyword>committee</keyword>
    <keyword>scrutiny</keyword>
  </keywords>
  <provides>
    <binary>minutebook</binary>
  </provides>
  <content_rating type="oars-1.1"/>
  <releases>
    <release version="` + version.Number + `" date="` + version.ReleaseDate + `"/>
  </releases>
</component>
`
}

// InstallMakefile is the Makefile in the tarball. make install puts Minutebook under PREFIX
// (/usr/local unless given), make user-install under ~/.local for this user alone; both
// honour DESTDIR, as packagers expect. The .desktop file is given the full path of the
// program, since ~/.local/bin is not on every desktop's PATH.
func InstallMakefile() string {
	s := `# Minutebook ` + version.Number + ` for Linux: make install (as root) or make user-install.
PREFIX ?= /usr/local
DESTDIR ?=
APPID := ` + AppID + `

FILES := bin/minutebook share/applications/$(APPID).desktop share/metainfo/$(APPID).metainfo.xml \
	share/icons/hicolor/256x256/apps/$(APPID).png share/icons/hicolor/512x512/apps/$(APPID).png \
	share/icons/hicolor/scalable/apps/$(APPID).svg share/doc/minutebook/LICENSE share/doc/minutebook/GO-FONTS-LICENSE \
	share/doc/minutebook/THIRD-PARTY-LICENSES

.PHONY: default install user-install uninstall user-uninstall

default:
	@echo "make install        install for everyone under $(PREFIX) (as root)"
	@echo "make user-install   install for you alone under ~/.local"
	@echo "make uninstall, make user-uninstall   take it away again"

install:
	install -Dm755 bin/minutebook "$(DESTDIR)$(PREFIX)/bin/minutebook"
	install -d "$(DESTDIR)$(PREFIX)/share/applications"
	sed 's|^Exec=minutebook|Exec=$(PREFIX)/bin/minutebook|' share/applications/$(APPID).desktop > "$(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop"
	chmod 644 "$(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop"
	install -Dm644 share/metainfo/$(APPID).metainfo.xml "$(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml"
	install -Dm644 share/icons/hicolor/256x256/apps/$(APPID).png "$(DESTDIR)$(PREFIX)/share/icons/hicolor/256x256/apps/$(APPID).png"
	install -Dm644 share/icons/hicolor/512x512/apps/$(APPID).png "$(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(APPID).png"
	install -Dm644 share/icons/hicolor/scalable/apps/$(APPID).svg "$(DESTDIR)$(PREFIX)/share/icons/hicolor/scalable/apps/$(APPID).svg"
	install -Dm644 LICENSE "$(DESTDIR)$(PREFIX)/share/doc/minutebook/LICENSE"
	install -Dm644 GO-FONTS-LICENSE "$(DESTDIR)$(PREFIX)/share/doc/minutebook/GO-FONTS-LICENSE"
	if [ -f share/doc/minutebook/THIRD-PARTY-LICENSES ]; then install -Dm644 share/doc/minutebook/THIRD-PARTY-LICENSES "$(DESTDIR)$(PREFIX)/share/doc/minutebook/THIRD-PARTY-LICENSES"; fi
	@if [ -z "$(DESTDIR)" ]; then \
		command -v update-desktop-database >/dev/null && update-desktop-database -q "$(PREFIX)/share/applications" || true; \
		command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$(PREFIX)/share/icons/hicolor" || true; \
	fi
	@echo "Minutebook is installed: find it in the menu under Office, or run $(PREFIX)/bin/minutebook"

user-install:
	$(MAKE) install PREFIX="$(HOME)/.local"

uninstall:
	rm -f $(addprefix "$(DESTDIR)$(PREFIX)/,$(addsuffix ",$(FILES)))

user-uninstall:
	$(MAKE) uninstall PREFIX="$(HOME)/.local"
`
	return s
}

// ReadMe is the short note at the top of each archive.
func ReadMe(goos string) string {
	if goos == "windows" {
		return crlf(`Minutebook ` + version.Number + ` for Windows

Run Minutebook.exe. Nothing needs installing: keep this folder where you like
(Documents, or C:\Program Files\Minutebook if IT installs it for everyone) and
pin Minutebook.exe to the Start menu or the taskbar.

Your minute book is kept in %LocalAppData%\Minutebook\minutebook.db, and a
backup is made each day you open it in Documents\Minutebook backups (the last
seven). Help > About shows where everything is.

minutebook-cli.exe runs the same commands from cmd.exe or PowerShell and in
scripts (minutebook-cli.exe help lists them). Minutebook.exe is a windowed
program, which cmd.exe does not wait for.

LICENSE.txt is Minutebook's licence (MIT); GO-FONTS-LICENSE.txt is the licence
of the Go fonts, which are in every PDF it prints; THIRD-PARTY-LICENSES.txt has
the licences of the libraries it is built from.
`)
	}
	return `Minutebook ` + version.Number + ` for Linux

make user-install    install for you alone, under ~/.local
sudo make install    install for everyone, under /usr/local (PREFIX=/usr for /usr)

Or run bin/minutebook from here. Minutebook needs OpenGL 2.1 and X11 or XWayland.
Your minute book is ~/.config/Minutebook/minutebook.db; each day's backup is in
~/Documents/Minutebook backups (the last seven). Help > About shows where everything is.

LICENSE is Minutebook's licence (MIT); GO-FONTS-LICENSE is the licence of the
Go fonts, which are in every PDF it prints; share/doc/minutebook/THIRD-PARTY-LICENSES
has the licences of the libraries it is built from.
`
}
