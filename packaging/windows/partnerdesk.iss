; PartnerDesk's Windows installer (Inno Setup 6), per user, no administrator rights.
; Build the PyInstaller folder first (dist\PartnerDesk, by packaging\windows\build.ps1), then:
;     ISCC packaging\windows\partnerdesk.iss
; The version is read from partnerdesk.exe's version info, itself written from
; partnerdesk/__init__.py (packaging/version.py): nothing here is edited at a release.

#define BundleDir AddBackslash(SourcePath) + "..\..\dist\PartnerDesk"
#define AppExe "partnerdesk.exe"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(BundleDir + "\" + AppExe, "ProductVersion")
#endif
#if AppVersion == ""
  #error dist\PartnerDesk\partnerdesk.exe is missing or has no version info: build the bundle first
#endif

[Setup]
; Never change AppId: Windows knows an installed PartnerDesk by it (upgrades, uninstall).
AppId={{B9C4E9B2-66BB-4519-A6A9-8E7FB580FD11}
AppName=PartnerDesk
AppVersion={#AppVersion}
AppVerName=PartnerDesk {#AppVersion}
AppPublisher=PartnerDesk
VersionInfoVersion={#GetVersionNumbersString(BundleDir + "\" + AppExe)}
VersionInfoProductName=PartnerDesk
; The app holds this mutex (partnerdesk/app_mutex.py): setup asks to close it before replacing files.
AppMutex=PartnerDesk.fr.epn.PartnerDesk,Global\PartnerDesk.fr.epn.PartnerDesk
CloseApplications=yes
PrivilegesRequired=lowest
DefaultDirName={autopf}\PartnerDesk
DisableProgramGroupPage=yes
DisableDirPage=auto
LicenseFile=..\..\LICENSE
SetupIconFile=..\..\resources\icons\partnerdesk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=PartnerDesk
OutputDir=..\..\dist
OutputBaseFilename=PartnerDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
french.UninstallTitle=Désinstaller PartnerDesk
french.UninstallText=PartnerDesk va être retiré de cet ordinateur.%n%nVos données restent dans le dossier :%n%1%n(fiches, photos, sauvegardes). Pour les emporter sur un autre ordinateur, ouvrez d'abord PartnerDesk et utilisez Fichier → Exporter toutes les données.
french.UninstallDeleteData=Supprimer aussi mes données (définitif)
french.UninstallButton=Désinstaller
english.UninstallTitle=Uninstall PartnerDesk
english.UninstallText=PartnerDesk will be removed from this computer.%n%nYour data stays in the folder:%n%1%n(cards, photos, backups). To take it to another computer, first open PartnerDesk and use File → Export all the data.
english.UninstallDeleteData=Also delete my data (cannot be undone)
english.UninstallButton=Uninstall

[InstallDelete]
; An upgrade replaces the whole program folder: no file of the previous version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{autoprograms}\PartnerDesk"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\PartnerDesk"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,PartnerDesk}"; Flags: nowait postinstall skipifsilent

[Code]
var
  DeleteData: Boolean;

function DataFolder(): String;
begin
  { partnerdesk/paths.py: %LOCALAPPDATA%\PartnerDesk, unless the user chose another folder }
  Result := ExpandConstant('{localappdata}\PartnerDesk');
end;

{ Before uninstalling: where the data stays, and an unticked box to delete it too. }
function InitializeUninstall(): Boolean;
var
  Form: TSetupForm;
  Note: TNewStaticText;
  Box: TNewCheckBox;
  OkButton, CancelButton: TNewButton;
begin
  Result := True;
  DeleteData := False;
  if UninstallSilent() then
    Exit;
#if VER >= EncodeVer(6, 6, 0)
  Form := CreateCustomForm(ScaleX(480), ScaleY(220), False, False);
#else
  Form := CreateCustomForm();
  Form.ClientWidth := ScaleX(480);
  Form.ClientHeight := ScaleY(220);
#endif
  try
    Form.Caption := CustomMessage('UninstallTitle');
    Note := TNewStaticText.Create(Form);
    Note.Parent := Form;
    Note.Left := ScaleX(16);
    Note.Top := ScaleY(16);
    Note.Width := Form.ClientWidth - ScaleX(32);
    Note.AutoSize := False;
    Note.WordWrap := True;
    Note.Height := ScaleY(120);
    Note.Caption := FmtMessage(CustomMessage('UninstallText'), [DataFolder()]);
    Box := TNewCheckBox.Create(Form);
    Box.Parent := Form;
    Box.Left := ScaleX(16);
    Box.Top := ScaleY(144);
    Box.Width := Form.ClientWidth - ScaleX(32);
    Box.Height := ScaleY(20);
    Box.Caption := CustomMessage('UninstallDeleteData');
    Box.Checked := False;
    OkButton := TNewButton.Create(Form);
    OkButton.Parent := Form;
    OkButton.Caption := CustomMessage('UninstallButton');
    OkButton.Width := ScaleX(110);
    OkButton.Height := ScaleY(25);
    OkButton.Left := Form.ClientWidth - ScaleX(16 + 110 + 8 + 90);
    OkButton.Top := Form.ClientHeight - ScaleY(25 + 12);
    OkButton.ModalResult := mrOk;
    CancelButton := TNewButton.Create(Form);
    CancelButton.Parent := Form;
    CancelButton.Caption := SetupMessage(msgButtonCancel);
    CancelButton.Width := ScaleX(90);
    CancelButton.Height := ScaleY(25);
    CancelButton.Left := Form.ClientWidth - ScaleX(16 + 90);
    CancelButton.Top := OkButton.Top;
    CancelButton.ModalResult := mrCancel;
    CancelButton.Cancel := True;
    Form.ActiveControl := CancelButton;
    Result := Form.ShowModal() = mrOk;
    DeleteData := Result and Box.Checked;
  finally
    Form.Free();
  end;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and DeleteData and DirExists(DataFolder()) then
    DelTree(DataFolder(), True, True, True);
end;
