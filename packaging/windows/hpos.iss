; Inno Setup 6 script of the HPOS Windows installer.
;
; It packages the one-folder build (dist\HPOS, from scripts/build) for a per-user
; install: no administrator rights, into %LOCALAPPDATA%\Programs\HPOS, a Start-menu
; shortcut, an uninstaller (Settings > Apps). The version comes from the package:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\hpos.iss
;   (the release workflow passes hpos.__version__)
;
; Output: dist\HPOS-<version>-windows-x64-setup.exe. Silent install for a test:
;   HPOS-<version>-windows-x64-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /CURRENTUSER
; The shop's profile (settings, journal) lives outside {app} and survives an uninstall.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=x.y.z packaging\windows\hpos.iss
#endif
#define SourceDir "..\..\dist\HPOS"

[Setup]
; Never change AppId: it identifies HPOS across versions (upgrades, uninstall).
AppId={{8D2EAA4C-D3EB-46C7-889B-3A8C97EC7F54}
AppName=HPOS
AppVersion={#AppVersion}
AppVerName=HPOS {#AppVersion}
AppPublisher=HPOS
VersionInfoVersion={#AppVersion}
VersionInfoProductName=HPOS
; Per user, no elevation: {autopf} becomes %LOCALAPPDATA%\Programs.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline
DefaultDirName={autopf}\HPOS
DisableProgramGroupPage=yes
DisableDirPage=auto
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
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

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\HPOS"; Filename: "{app}\HPOS.exe"; Comment: "Point of sale: card payments through HPAY"
Name: "{autoprograms}\HPOS demo"; Filename: "{app}\HPOS.exe"; Parameters: "--demo"; Comment: "Try HPOS on the built-in sandbox"
Name: "{autodesktop}\HPOS"; Filename: "{app}\HPOS.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\HPOS.exe"; Description: "{cm:LaunchProgram,HPOS}"; Flags: nowait postinstall skipifsilent
