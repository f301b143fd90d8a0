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
; The console companion: the same program built with a console, for --help, --version and the
; commands (a windowed exe cannot print). bin\agentsgt-desktop.cmd runs it, so with the
; "addtopath" task `agentsgt-desktop ...` works in any terminal.
#define CliExe "agentsgt-desktop-cli.exe"
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
; The PATH task edits the user's environment: tell running programs (Explorer, new terminals).
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the agentsgt-desktop command to PATH (for terminals and scripts)"; GroupDescription: "Command line:"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "agentsgt-desktop.cmd"; DestDir: "{app}\bin"; Flags: ignoreversion

[InstallDelete]
; An update replaces the whole program folder, so no stale file of an older version survives.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; Per-user PATH (HKCU: no admin rights); added once, removed again on uninstall.
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}\bin"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}\bin'))

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
    Path := '';
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Path, Dir: string;
  Index: Integer;
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
    exit;
  Dir := ExpandConstant('{app}\bin');
  Index := Pos(';' + Uppercase(Dir), Uppercase(Path));
  if Index > 0 then
  begin
    Delete(Path, Index, Length(Dir) + 1);
    RegWriteExpandStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path);
  end;
end;

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
