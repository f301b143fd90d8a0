# Build the Windows installer: PyInstaller one-folder build, frozen self-test, Inno Setup.
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_windows.ps1
# Needs Python 3.11+ and Inno Setup 6 (iscc on PATH, or in its default folder).
$ErrorActionPreference = "Stop"
$Root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $Root
$Python = if ($env:PYTHON) { $env:PYTHON } else { "$Root\.venv\Scripts\python.exe" }
if (-not (Test-Path $Python)) { py -3 -m venv .venv; $Python = "$Root\.venv\Scripts\python.exe" }
& $Python -m pip install -q --disable-pip-version-check -e ".[package]"

$Version = & $Python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
$Publisher = & $Python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['authors'][0]['name'])"

& $Python -m PyInstaller --noconfirm --clean --log-level WARN `
  --distpath packaging\out\dist --workpath packaging\out\build packaging\agentsgt-desktop.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

$env:QT_QPA_PLATFORM = "offscreen"
$env:AGENTSGT_DESKTOP_HOME = Join-Path $env:TEMP "agentsgt-selftest"
$proc = Start-Process -FilePath "packaging\out\dist\agentsgt-desktop\agentsgt-desktop.exe" `
  -ArgumentList "--self-test", "--self-test-report", "packaging\out\self-test.txt" -Wait -PassThru -NoNewWindow
Get-Content packaging\out\self-test.txt
if ($proc.ExitCode -ne 0) { throw "frozen self-test failed" }

$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" "/DAppPublisher=$Publisher" packaging\windows\agentsgt-desktop.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
