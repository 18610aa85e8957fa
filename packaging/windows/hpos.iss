; Inno Setup 6 script of the HPOS Windows installer.
;
; It packages the one-folder build (dist\HPOS, from scripts/build) for a per-user
; install: no administrator rights, into %LOCALAPPDATA%\Programs\HPOS, a Start-menu
; shortcut, an uninstaller (Settings > Apps). The version is the one of hpos/__init__.py,
; read back from the built HPOS.exe's version resource (build_installer.spec writes it):
;
;   iscc packaging\windows\hpos.iss
;   (the release workflow may pass /DAppVersion=<hpos --version>: it must be the same)
;
; Output: dist\HPOS-<version>-windows-x64-setup.exe. Silent install for a test:
;   HPOS-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; The shop's profile (settings, journal, logs: %LOCALAPPDATA%\HPOS) lives outside {app}
; and survives an upgrade and an uninstall.

#define SourceDir "..\..\dist\HPOS"
#define AppExe AddBackslash(SourcePath) + SourceDir + "\HPOS.exe"
#if !FileExists(AppExe)
  #error dist\HPOS\HPOS.exe is missing: build first (scripts/build)
#endif
; The text version (0.2.0rc1) and Windows' four numbers (0.2.0.0), both from HPOS.exe.
#define BuiltVersion GetFileProductVersionString(AppExe)
#define AppNumericVersion GetVersionNumbersString(AppExe)
#if BuiltVersion == "" || AppNumericVersion == ""
  #error HPOS.exe has no version resource (build_installer.spec writes one)
#endif
#ifndef AppVersion
  #define AppVersion BuiltVersion
#elif AppVersion != BuiltVersion
  #error /DAppVersion differs from the version of the built HPOS.exe
#endif

[Setup]
; Never change AppId: it identifies HPOS across versions (upgrades, uninstall).
AppId={{8D2EAA4C-D3EB-46C7-889B-3A8C97EC7F54}
AppName=HPOS
AppVersion={#AppVersion}
AppVerName=HPOS {#AppVersion}
AppPublisher=HPOS
; Four numbers only: the pre-release suffix lives in AppVersion and VersionInfoTextVersion.
VersionInfoVersion={#AppNumericVersion}
VersionInfoTextVersion={#AppVersion}
VersionInfoProductVersion={#AppNumericVersion}
VersionInfoProductTextVersion={#AppVersion}
VersionInfoProductName=HPOS
; Per user, no elevation: {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\HPOS
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6.11 needs Windows 10 1809 (build 17763) or later.
MinVersion=10.0.17763
OutputDir=..\..\dist
OutputBaseFilename=HPOS-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\hpos.ico
UninstallDisplayIcon={app}\HPOS.exe
UninstallDisplayName=HPOS
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from an empty _internal: otherwise the old version's files stay next
; to the new ones (two metadata folders of one package, stale Qt plugins that get loaded).
; Only {app}\_internal: the executables are overwritten, the profile is elsewhere.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\HPOS"; Filename: "{app}\HPOS.exe"; Comment: "Point of sale: card payments through HPAY"
Name: "{autoprograms}\HPOS demo"; Filename: "{app}\HPOS.exe"; Parameters: "--demo"; Comment: "Try HPOS on the built-in sandbox"
Name: "{autodesktop}\HPOS"; Filename: "{app}\HPOS.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\HPOS.exe"; Description: "{cm:LaunchProgram,HPOS}"; Flags: nowait postinstall skipifsilent
