; Inno Setup script for AgentsGT Desktop (Windows): wraps the PyInstaller one-folder build.
; Per-user install, no admin rights needed. Build with packaging/windows/build_windows.ps1, which
; passes the version and publisher read from pyproject.toml:
;   iscc /DAppVersion=0.1.0 /DAppPublisher="AgentsGT Desktop team" packaging\windows\agentsgt-desktop.iss

#ifndef AppVersion
  #error AppVersion must be passed with /DAppVersion=<version from pyproject.toml>
#endif
#ifndef AppPublisher
  #define AppPublisher "AgentsGT Desktop team"
#endif
#define AppName "AgentsGT Desktop"
#define AppExe "agentsgt-desktop.exe"
#define SourceDir "..\out\dist\agentsgt-desktop"

[Setup]
; A stable AppId: upgrades replace the old version instead of installing beside it.
AppId={{6E0C4B7A-2F4D-4C65-9C1B-8A5F2D3E7B10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
AppPublisherURL=https://agentsgt.com
VersionInfoVersion={#AppVersion}
; Per-user ({autopf} is %LOCALAPPDATA%\Programs when installing without admin rights).
DefaultDirName={autopf}\AgentsGT Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\out
OutputBaseFilename=agentsgt-desktop-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\agentsgt-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the whole program folder, so no stale file of an older version survives.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
