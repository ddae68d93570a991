; Inno Setup 6.3+ script: the Windows installer of the one-folder CritMin app (docs/packaging.md, "Windows").
; Saved as UTF-8 with a byte-order mark: it holds Chinese text.
;
;   pyinstaller --noconfirm --clean build_installer.spec        (on Windows: makes dist\CritMin\CritMin.exe)
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\critmin.iss
;
; Result: dist\installer\CritMin-<version>-setup.exe.  The version is read from CritMin.exe's version
; resource (build_installer.spec writes it from desktop/__init__.py); /DAppVersion=x.y.z overrides it.
; Installs per user by default (no administrator rights needed on a ministry's locked-down PC); the
; installer offers "for all users" when it is run as an administrator.  Nothing is downloaded: the
; installer holds the whole app, and the app never touches the network.

#define AppName "CritMin"
#define AppExe "CritMin.exe"
#define Dist AddBackslash(SourcePath) + "..\dist\CritMin"
#if !FileExists(Dist + "\" + AppExe)
  #error dist\CritMin\CritMin.exe is missing: build it first with PyInstaller (docs/packaging.md)
#endif
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Dist + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\CritMin\CritMin.exe has no version resource: build it with build_installer.spec
#endif

[Setup]
; The AppId identifies CritMin to Windows (upgrades and the uninstaller): never change it.
AppId={{06B8B70B-EAFB-4057-9D46-B37CE13A2947}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
AppComments=Critical-mineral supply-chain security workbench / 关键矿产供应链安全分析工作台
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
LicenseFile=..\LICENSE
SetupIconFile=..\desktop\resources\icons\critmin.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
ChangesAssociations=yes
; An upgrade over a running CritMin: ask to close it (the project file is locked while it is open).
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese is not among Inno Setup's bundled translations: put ChineseSimplified.isl (Inno Setup's
; unofficial translations) into its Languages folder and the installer speaks Chinese too (docs/packaging.md).
#define Chinese FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
#if Chinese
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[CustomMessages]
english.Association=Open .critmin projects with %1
english.ProjectType=CritMin project
english.Comment=Critical-mineral supply-chain security workbench
#if Chinese
chinesesimplified.Association=用 %1 打开 .critmin 项目
chinesesimplified.ProjectType=CritMin 项目
chinesesimplified.Comment=关键矿产供应链安全分析工作台
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "association"; Description: "{cm:Association,{#AppName}}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An upgrade replaces the whole app folder: files a newer build no longer has must not stay behind
; (PyInstaller's _internal folder changes from one build to the next).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The one-folder app exactly as PyInstaller laid it out.  The analyst's projects, settings and log live
; elsewhere (Documents\CritMin, %APPDATA%\CritMin) and are never touched by installing or uninstalling.
Source: "{#Dist}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "{cm:Comment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; .critmin → CritMin (HKA: the current user's classes for a per-user install, the machine's for all users).
Root: HKA; Subkey: "Software\Classes\.critmin"; ValueType: string; ValueName: ""; ValueData: "CritMin.Project"; Flags: uninsdeletevalue; Tasks: association
Root: HKA; Subkey: "Software\Classes\CritMin.Project"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectType}"; Flags: uninsdeletekey; Tasks: association
Root: HKA; Subkey: "Software\Classes\CritMin.Project\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: association
Root: HKA; Subkey: "Software\Classes\CritMin.Project\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: association

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
