package desktop

import "golang.org/x/sys/windows"

// systemMessageBox shows Windows' own message box, which needs no OpenGL.
func systemMessageBox(title, text string) {
	t, err1 := windows.UTF16PtrFromString(text)
	c, err2 := windows.UTF16PtrFromString(title)
	if err1 != nil || err2 != nil {
		return
	}
	windows.MessageBox(0, t, c, windows.MB_OK|windows.MB_ICONERROR|windows.MB_SETFOREGROUND)
}
