package packaging

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/josephspurrier/goversioninfo"

	"github.com/minutebook/minutebook/version"
)

// Manifest is Minutebook.exe's application manifest. It declares per-monitor DPI awareness
// (V2, falling back to V1, and "true/pm" for Windows before 10 1607), so that Windows does
// not stretch the window's bitmap on a high-DPI laptop screen and Fyne scales it itself;
// Windows 7 to 11 as supported (without which Windows 10 reports itself as 8); UTF-8 as the
// process's code page, so that a path with Welsh or Polish letters survives any API that
// takes the ANSI one; long paths; no elevation; and Common Controls 6 for the message box.
func Manifest() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<assembly xmlns="urn:schemas-microsoft-com:asm.v1" manifestVersion="1.0">
  <assemblyIdentity type="win32" name="` + AppID + `" version="` + version.FileVersion() + `" processorArchitecture="amd64"/>
  <description>` + Name + `</description>
  <compatibility xmlns="urn:schemas-microsoft-com:compatibility.v1">
    <application>
      <supportedOS Id="{8e0f7a12-bfb3-4fe8-b9a5-48fd50a15a9a}"/>
      <supportedOS Id="{1f676c76-80e1-4239-95bb-83d0f6d0da78}"/>
      <supportedOS Id="{4a2f28e3-53b9-4441-ba9c-d69d4a4a6e38}"/>
      <supportedOS Id="{35138b9a-5d96-4fbd-8e2d-a2440225f93a}"/>
    </application>
  </compatibility>
  <application xmlns="urn:schemas-microsoft-com:asm.v3">
    <windowsSettings>
      <dpiAware xmlns="http://schemas.microsoft.com/SMI/2005/WindowsSettings">true/pm</dpiAware>
      <dpiAwareness xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">PerMonitorV2, PerMonitor</dpiAwareness>
      <longPathAware xmlns="http://schemas.microsoft.com/SMI/2016/WindowsSettings">true</longPathAware>
      <activeCodePage xmlns="http://schemas.microsoft.com/SMI/2019/WindowsSettings">UTF-8</activeCodePage>
    </windowsSettings>
  </application>
  <trustInfo xmlns="urn:schemas-microsoft-com:asm.v3">
    <security>
      <requestedPrivileges>
        <requestedExecutionLevel level="asInvoker" uiAccess="false"/>
      </requestedPrivileges>
    </security>
  </trustInfo>
  <dependency>
    <dependentAssembly>
      <assemblyIdentity type="win32" name="Microsoft.Windows.Common-Controls" version="6.0.0.0" processorArchitecture="*" publicKeyToken="6595b64144ccf1df" language="*"/>
    </dependentAssembly>
  </dependency>
</assembly>
`
}

// VersionInfo is the version resource: what Explorer shows in the file's Properties →
// Details, and what IT's software inventory reads.
func VersionInfo(exe, description string) *goversioninfo.VersionInfo {
	var fv goversioninfo.FileVersion
	fmt.Sscanf(version.FileVersion(), "%d.%d.%d.%d", &fv.Major, &fv.Minor, &fv.Patch, &fv.Build)
	vi := &goversioninfo.VersionInfo{}
	vi.FixedFileInfo.FileVersion = fv
	vi.FixedFileInfo.ProductVersion = fv
	vi.FixedFileInfo.FileFlagsMask = "3f"
	vi.FixedFileInfo.FileOS = "040004" // VOS_NT_WINDOWS32
	vi.FixedFileInfo.FileType = "01"   // VFT_APP
	vi.StringFileInfo = goversioninfo.StringFileInfo{
		CompanyName:      version.Company,
		FileDescription:  description,
		FileVersion:      version.FileVersion(),
		InternalName:     strings.TrimSuffix(exe, ".exe"),
		LegalCopyright:   version.Copyright + ". " + version.Licence + ".",
		OriginalFilename: exe,
		ProductName:      Name,
		ProductVersion:   version.FileVersion(), // as the fixed part says, or goversioninfo warns
		Comments:         Summary,
	}
	vi.VarFileInfo.Translation = goversioninfo.Translation{LangID: 0x0809, CharsetID: 0x04B0} // English (UK), Unicode
	return vi
}

// WriteSyso writes the resource object for exe (icon, manifest and version resource) to
// path: a .syso file that go build links into the program in its folder. Its name must end
// in _windows_amd64.syso so that only a Windows build picks it up.
func WriteSyso(path, exe, description string, iconPNG []byte) error {
	if !strings.HasSuffix(path, "_windows_amd64.syso") {
		return fmt.Errorf("%s must end in _windows_amd64.syso, or every build would link it", path)
	}
	ico, err := ICO(iconPNG, IconSizes)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "minutebook-winres-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	icoPath := filepath.Join(tmp, "minutebook.ico")
	manifestPath := filepath.Join(tmp, exe+".manifest")
	if err := os.WriteFile(icoPath, ico, 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(manifestPath, []byte(Manifest()), 0o644); err != nil {
		return err
	}
	vi := VersionInfo(exe, description)
	vi.IconPath = icoPath
	vi.ManifestPath = manifestPath
	vi.Build()
	vi.Walk()
	return vi.WriteSyso(path, "amd64")
}
