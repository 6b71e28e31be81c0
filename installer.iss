; Inno Setup script: the Windows installer of 群众工作部接待大厅系统.
;
; It packages PyInstaller's one-folder build, dist\hall\ (hall.exe, hall-admin.exe and their
; _internal\ folder, which holds resources\ and db\migrations\). On Windows, from the
; repository root:
;
;   pyinstaller --noconfirm --clean hall.spec
;   iscc installer.iss                      -> dist\hall-setup-<version>.exe
;
; Neither step can run here (no Windows; PyInstaller is not a dependency), so this script
; has not been compiled. It is written against the Inno Setup 6 documentation (sections
; [Setup], [Languages], [Tasks], [Files], [Icons], [Run], [InstallDelete], [UninstallDelete],
; and the preprocessor's ReadIni, FileExists, #error and #pragma warning), and checks at
; compile time what it relies on, so a wrong build fails loudly instead of installing a
; broken program.

; x64compatible below needs Inno Setup 6.3, which also reads UTF-8 scripts without a BOM.
#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required to compile this script
#endif

#define AppName "群众工作部接待大厅系统"
#define AppExe "hall.exe"
#define AdminExe "hall-admin.exe"
#define Build AddBackslash(SourcePath) + "dist\hall"

; The version is pyproject.toml's, read as an INI file: its [project] table has the line
; version = "x.y.z" (Windows' INI reader usually drops the quotes; StringChange makes sure).
; `iscc /DAppVersion=...` overrides it.
#ifndef AppVersion
  #define AppVersion StringChange(ReadIni(AddBackslash(SourcePath) + "pyproject.toml", "project", "version", ""), '"', '')
#endif
#if AppVersion == ""
  #error No version found in pyproject.toml ([project] version = "..."); pass /DAppVersion=x.y.z
#endif

#if !FileExists(Build + "\" + AppExe) || !FileExists(Build + "\" + AdminExe)
  #error dist\hall\ lacks hall.exe or hall-admin.exe: run "pyinstaller --noconfirm --clean hall.spec" first
#endif
#if !FileExists(Build + "\_internal\resources\fonts\wqy-microhei.ttc")
  #error dist\hall\_internal\resources\ is missing: the PyInstaller build did not bundle resources\
#endif

[Setup]
; The AppId identifies the program across upgrades and in Add/Remove Programs: never change it.
AppId={{BA55A6F6-B204-417F-A537-FC922FB640ED}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=群众工作部
; An ASCII folder name: the program's own files never need a Chinese path, and some DLL
; loaders and older tools still stumble over non-ASCII paths on GBK systems.
DefaultDirName={autopf}\HallReception
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Installed for all users by an administrator (a workstation is set up once, by IT), or
; for the current user only when no administrator is at hand.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
; PyInstaller bundles the 64-bit Python and Qt it was run with.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=dist
OutputBaseFilename=hall-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupLogging=yes

[Languages]
; Chinese Simplified is an unofficial Inno Setup translation, not shipped with the compiler:
; put ChineseSimplified.isl (from https://jrsoftware.org/files/istrans/) in the compiler's
; Languages\ folder, or in Languages\Unofficial\. Without it the wizard falls back to English;
; the program itself is Chinese either way.
#if FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\Unofficial\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\Unofficial\ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found in the compiler's Languages folder: the installer will be in English only"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundled runtime as a whole: files a newer build no longer has
; (an old DLL, a renamed migration) must not linger and be picked up.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Build}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{group}\{#AppName}（演示）"; Filename: "{app}\{#AppExe}"; Parameters: "--demo"; WorkingDir: "{app}"; Comment: "打开演示大厅（单独的演示数据库，可随意操作）"
Name: "{group}\管理命令行（hall-admin）"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AdminExe}"" --help"; WorkingDir: "{app}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Alembic runs the migration scripts from source, so Python may have cached their bytecode
; next to them; the installer did not put these there, so it must remove them itself.
; The hall's database and its backups live in the user's data folder
; (%LOCALAPPDATA%\hall) and are deliberately kept: uninstalling the program must never
; delete visitors' records.
Type: filesandordirs; Name: "{app}\_internal\db\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\db\migrations\versions\__pycache__"
