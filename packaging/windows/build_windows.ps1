# Build the Windows installer: PyInstaller one-folder build (the windowed app and its console
# companion agentsgt-desktop-cli.exe), frozen self-test, optional code signing, Inno Setup.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
# Needs Python 3.11+ and Inno Setup 6 (iscc on PATH, or in its default folder). Uses $env:PYTHON
# as it is (the release build makes one from the lock file), else .venv with the `package` extra.
# Signing runs only when the certificate is in the environment:
#   WINDOWS_CERTIFICATE           the code-signing .pfx, base64-encoded
#   WINDOWS_CERTIFICATE_PASSWORD  its password
#   WINDOWS_TIMESTAMP_URL         an RFC 3161 timestamp server (default: DigiCert's)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
if ($env:PYTHON) {
  $Python = $env:PYTHON
} else {
  $Python = "$Root\.venv\Scripts\python.exe"
  if (-not (Test-Path $Python)) { py -3 -m venv .venv }
  & $Python -m pip install -q --disable-pip-version-check -e ".[package]"
}

$Version = & $Python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
$Publisher = & $Python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['authors'][0]['name'])"
$Dist = "packaging\out\dist\agentsgt-desktop"

& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
  --distpath packaging\out\dist --workpath packaging\out\build packaging\agentsgt-desktop.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

function Invoke-SelfTest {
  $env:QT_QPA_PLATFORM = "offscreen"
  $env:AGENTSGT_DESKTOP_HOME = Join-Path $env:TEMP "agentsgt-selftest"
  $proc = Start-Process -FilePath "$Dist\agentsgt-desktop.exe" `
    -ArgumentList "--self-test", "--self-test-report", "packaging\out\self-test.txt" -Wait -PassThru -NoNewWindow
  Get-Content packaging\out\self-test.txt
  if ($proc.ExitCode -ne 0) { throw "frozen self-test failed" }
  # The console companion prints what the windowed program cannot.
  $said = & "$Dist\agentsgt-desktop-cli.exe" --version
  if ($said -ne "agentsgt-desktop $Version") { throw "agentsgt-desktop-cli.exe --version said '$said'" }
}
Invoke-SelfTest

$SignTool = $null
if ($env:WINDOWS_CERTIFICATE) {
  $SignTool = Get-ChildItem "${env:ProgramFiles(x86)}\Windows Kits\10\bin\*\x64\signtool.exe" |
    Sort-Object FullName -Descending | Select-Object -First 1 -ExpandProperty FullName
  $Pfx = Join-Path $env:TEMP "agentsgt-signing.pfx"
  [IO.File]::WriteAllBytes($Pfx, [Convert]::FromBase64String($env:WINDOWS_CERTIFICATE))
  $Timestamp = if ($env:WINDOWS_TIMESTAMP_URL) { $env:WINDOWS_TIMESTAMP_URL } else { "http://timestamp.digicert.com" }
  function Invoke-Sign([string[]]$Files) {
    & $SignTool sign /f $Pfx /p $env:WINDOWS_CERTIFICATE_PASSWORD /fd sha256 /tr $Timestamp /td sha256 $Files
    if ($LASTEXITCODE -ne 0) { throw "signtool failed" }
  }
  Write-Output "== signing the programs"
  Invoke-Sign @("$Dist\agentsgt-desktop.exe", "$Dist\agentsgt-desktop-cli.exe")
  Write-Output "== frozen self-test again, signed"
  Invoke-SelfTest
} else {
  Write-Output "== WINDOWS_CERTIFICATE not set: the programs and installer are not signed (SmartScreen will warn)"
}

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DAppPublisher=$Publisher" packaging\windows\agentsgt-desktop.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }

if ($SignTool) {
  Write-Output "== signing the installer"
  Invoke-Sign @(Get-ChildItem packaging\out\*-setup.exe | Select-Object -ExpandProperty FullName)
  Remove-Item $Pfx
}
