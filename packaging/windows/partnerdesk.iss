; Inno Setup script: build the PyInstaller folder first (dist/PartnerDesk), then compile this.
[Setup]
AppName=PartnerDesk
AppVersion=0.1.0
AppPublisher=PartnerDesk
DefaultDirName={autopf}\PartnerDesk
DefaultGroupName=PartnerDesk
OutputBaseFilename=PartnerDesk-0.1.0-setup
PrivilegesRequired=lowest
Compression=lzma2
SolidCompression=yes

[Languages]
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\PartnerDesk\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\PartnerDesk"; Filename: "{app}\partnerdesk.exe"
Name: "{userdesktop}\PartnerDesk"; Filename: "{app}\partnerdesk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Run]
Filename: "{app}\partnerdesk.exe"; Description: "{cm:LaunchProgram,PartnerDesk}"; Flags: nowait postinstall skipifsilent
