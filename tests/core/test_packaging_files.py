"""Static checks of the packaging files: they agree with pyproject and with each other.

The PyInstaller spec, the Inno Setup script, the macOS and Linux build scripts and the release
workflow all restate the app's name, version source, icons and bundle layout; these tests keep
them in step. The spec's file filters are run on real file names, and the .desktop file is
validated against the freedesktop Desktop Entry rules.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import struct
import tomllib
from pathlib import Path

import pytest

from desktop_app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
NAME = PROJECT["name"]
SPEC_TEXT = (PACKAGING / "agentsgt-desktop.spec").read_text(encoding="utf-8")
SPEC = ast.parse(SPEC_TEXT)
ISS = (PACKAGING / "windows" / "agentsgt-desktop.iss").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
DESKTOP_FILE = ROOT / "resources" / f"{NAME}.desktop"


def spec_constant(name: str):
    """The literal value assigned to `name` at the spec's top level."""
    for node in SPEC.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"the spec assigns no literal {name}")


def spec_call_keywords(function: str) -> dict[str, ast.expr]:
    """The keyword arguments of the spec's call to `function` (e.g. BUNDLE)."""
    for node in ast.walk(SPEC):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == function:
            return {keyword.arg: keyword.value for keyword in node.keywords if keyword.arg}
    raise AssertionError(f"the spec never calls {function}")


def qt_excludes() -> list[str]:
    """The Qt module names in the spec's QT_EXCLUDES (a comprehension over one split string)."""
    for node in SPEC.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "QT_EXCLUDES":
            assert isinstance(node.value, ast.ListComp)
            names = node.value.generators[0].iter
            assert isinstance(names, ast.Call) and isinstance(names.func, ast.Attribute)
            return ast.literal_eval(names.func.value).split()
    raise AssertionError("the spec has no QT_EXCLUDES")


def drop_pattern() -> re.Pattern[str]:
    return re.compile("|".join(spec_constant("DROP_PATTERNS")), re.IGNORECASE)


def system_lib_pattern() -> re.Pattern[str]:
    for node in SPEC.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == (
            "LINUX_SYSTEM_LIBS"
        ):
            return re.compile(ast.literal_eval(node.value.args[0]))
    raise AssertionError("the spec has no LINUX_SYSTEM_LIBS")


# --- the PyInstaller spec -----------------------------------------------------------------


def test_spec_takes_name_and_version_from_pyproject() -> None:
    assert spec_constant("NAME") == NAME == APP_ID
    assert NAME in PROJECT["scripts"]
    assert re.search(r'tomllib\.loads\(\(ROOT / "pyproject\.toml"\)', SPEC_TEXT)
    assert 'VERSION = PROJECT["version"]' in SPEC_TEXT
    assert 'os.environ.get("AGENTSGT_ONEFILE") == "1"' in SPEC_TEXT


def test_spec_macos_bundle_has_identity_version_and_retina_keys() -> None:
    bundle = spec_call_keywords("BUNDLE")
    assert ast.literal_eval(bundle["bundle_identifier"]) == "com.agentsgt.desktop"
    assert ast.literal_eval(bundle["name"]) == "AgentsGT Desktop.app"
    assert isinstance(bundle["version"], ast.Name) and bundle["version"].id == "VERSION"
    plist = bundle["info_plist"]
    assert isinstance(plist, ast.Dict)
    entries = {
        ast.literal_eval(key): value for key, value in zip(plist.keys, plist.values, strict=True)
    }
    for key in ("CFBundleShortVersionString", "CFBundleVersion"):
        assert isinstance(entries[key], ast.Name) and entries[key].id == "VERSION"
    assert ast.literal_eval(entries["NSHighResolutionCapable"]) is True
    assert re.fullmatch(r"\d+\.\d+", ast.literal_eval(entries["LSMinimumSystemVersion"]))
    assert ast.literal_eval(entries["CFBundleName"]) == "AgentsGT Desktop"


def test_spec_icons_exist_for_each_os() -> None:
    for icon in re.findall(r'"(agentsgt-desktop\.(?:icns|ico))"', SPEC_TEXT):
        assert (ROOT / "resources" / "icons" / icon).is_file(), icon
    assert {"agentsgt-desktop.icns", "agentsgt-desktop.ico"} <= set(
        re.findall(r'"(agentsgt-desktop\.\w+)"', SPEC_TEXT)
    )


def test_spec_bundles_keyring_metadata_and_never_keyrings_alt() -> None:
    assert 'copy_metadata("keyring")' in SPEC_TEXT
    assert 'collect_submodules("keyring.backends")' in SPEC_TEXT
    assert "keyrings.alt" in spec_constant("PY_EXCLUDES")
    for package in ("secretstorage", "jeepney", "cryptography"):
        assert package in SPEC_TEXT


def _imported_qt_modules() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "desktop_app").rglob("*.py"):
        found.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return found


def test_spec_excludes_no_qt_module_the_app_imports() -> None:
    excluded = set(qt_excludes())
    imported = _imported_qt_modules()
    assert {"QtCore", "QtGui", "QtWidgets"} <= imported
    assert imported & excluded == set()
    assert {"QtQml", "QtQuick", "QtNetwork", "QtPdf", "QtWebEngineCore", "QtOpenGL"} <= excluded


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QuickWidgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt/lib/QtQml.framework/QtQml",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libivi-shell.so",
        "PySide6/opengl32sw.dll",
        "PySide6/d3dcompiler_47.dll",
        "libgtk-3.so.0",
    ],
)
def test_spec_drops_what_the_app_does_not_use(path: str) -> None:
    assert drop_pattern().search(path), path


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/lib/libQt6Core.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/lib/libicudata.so.73",
        "resources/icons/agentsgt-desktop.svg",
    ],
)
def test_spec_keeps_what_the_app_needs(path: str) -> None:
    assert not drop_pattern().search(path), path


def test_spec_leaves_desktop_libraries_to_the_system_but_bundles_pythons() -> None:
    system = system_lib_pattern()
    for name in ("libstdc++.so.6", "libX11.so.6", "libxcb-cursor.so.0", "libglib-2.0.so.0",
                 "libfontconfig.so.1", "libdbus-1.so.3", "libEGL.so.1", "libwayland-client.so.0",
                 "libgcrypt.so.20", "libepoxy.so.0"):  # fmt: skip
        assert system.search(name), name
    for name in ("libpython3.11.so.1.0", "libcrypto.so.3", "libssl.so.3", "libsqlite3.so.0",
                 "libffi.so.8", "libz.so.1", "libexpat.so.1", "libicudata.so.73"):  # fmt: skip
        assert not system.search(name), name


# --- Windows ------------------------------------------------------------------------------


def iss_setting(key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", ISS, re.MULTILINE)
    assert match, f"the .iss has no {key}"
    return match.group(1).strip()


def test_iss_is_a_stable_per_user_install_without_admin() -> None:
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", iss_setting("AppId"))
    assert iss_setting("PrivilegesRequired") == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in ISS
    assert iss_setting("DefaultDirName").startswith("{autopf}\\")
    assert "Uninstallable=no" not in ISS
    assert iss_setting("UninstallDisplayIcon") == "{app}\\{#AppExe}"
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"',
                     ISS, re.MULTILINE)  # fmt: skip


def test_iss_version_and_publisher_come_from_pyproject() -> None:
    assert iss_setting("AppVersion") == "{#AppVersion}"
    assert iss_setting("VersionInfoVersion") == "{#AppVersion}"
    assert "#error AppVersion must be passed" in ISS
    fallback = re.search(r'#define AppPublisher "([^"]+)"', ISS)
    assert fallback and fallback.group(1) == PROJECT["authors"][0]["name"]
    assert re.search(rf'#define AppExe "{NAME}\.exe"', ISS)
    assert re.search(rf'#define SourceDir "\.\.\\out\\dist\\{NAME}"', ISS)
    assert "{#AppVersion}" in iss_setting("OutputBaseFilename")
    icon = iss_setting("SetupIconFile").replace("\\", "/")
    assert (PACKAGING / "windows" / icon).resolve().is_file()
    script = (PACKAGING / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "['project']['version']" in script and "['authors'][0]['name']" in script
    assert '"/DAppVersion=$Version"' in script and '"/DAppPublisher=$Publisher"' in script
    assert '"--self-test", "--self-test-report"' in script


# --- macOS --------------------------------------------------------------------------------


def test_macos_script_uses_the_bundle_the_spec_builds() -> None:
    import plistlib

    script = (PACKAGING / "macos" / "build_macos.sh").read_text(encoding="utf-8")
    assert 'APP="$OUT/dist/AgentsGT Desktop.app"' in script
    assert '"$APP/Contents/MacOS/agentsgt-desktop" --self-test' in script
    assert "hdiutil create" in script
    # Signing and notarisation only with their secrets.
    assert 'if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then' in script
    assert "xcrun notarytool submit" in script
    entitlements = plistlib.loads((PACKAGING / "macos" / "entitlements.plist").read_bytes())
    assert entitlements["com.apple.security.cs.allow-unsigned-executable-memory"] is True
    assert entitlements["com.apple.security.network.client"] is True


# --- Linux --------------------------------------------------------------------------------


def _make_icons_module():
    spec = importlib.util.spec_from_file_location("make_icons_source", PACKAGING / "make_icons.py")
    assert spec and spec.loader
    source = (PACKAGING / "make_icons.py").read_text(encoding="utf-8")
    # Only the constants: running the module would import Qt.
    tree = ast.parse(source)
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign)
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id.endswith("SIZES")
        and node.targets[0].id != "ICNS_TYPES"
    }


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    return struct.unpack(">II", data[16:24])


def test_icons_exist_at_every_size_the_deb_installs() -> None:
    sizes = _make_icons_module()["PNG_SIZES"]
    script = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    loop = re.search(r"for size in ([\d ]+); do", script)
    assert loop and tuple(int(size) for size in loop.group(1).split()) == tuple(sizes)
    for size in sizes:
        assert png_size(ROOT / "resources" / "icons" / f"{NAME}-{size}.png") == (size, size)


def test_linux_build_lays_out_the_deb_as_desktops_expect() -> None:
    script = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    assert '["project"]["version"]' in script
    assert 'cp -a "$APPDIR" "$DEBROOT/opt/$NAME"' in script
    assert 'exec /opt/$NAME/$NAME "\\$@"' in script
    assert '"$DEBROOT/usr/share/applications/$NAME.desktop"' in script
    assert "usr/share/icons/hicolor/scalable/apps/$NAME.svg" in script
    assert "Depends: $DEPENDS" in script and "deb_depends.py" in script
    assert "NAME=agentsgt-desktop" in script


# --- the release workflow -----------------------------------------------------------------


def _dev_module():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "scripts" / "dev.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_workflow_builds_every_os_with_the_same_scripts() -> None:
    matrix = re.search(r"os: \[([^\]]+)\]", WORKFLOW)
    assert matrix
    systems = [name.strip() for name in matrix.group(1).split(",")]
    assert [name.split("-")[0] for name in systems] == ["ubuntu", "macos", "windows"]
    python = re.search(r'python-version: "(\d+\.\d+)"', WORKFLOW)
    assert python and PROJECT["requires-python"] == f">={python.group(1)}"
    order = [
        "python scripts/dev.py test",
        "bash packaging/build_linux.sh",
        "bash scripts/with-secret-service.sh bash packaging/smoke_test_linux.sh",
        "bash packaging/linux/build_appimage.sh",
        "bash packaging/macos/build_macos.sh",
        "packaging\\windows\\build_windows.ps1",
        "actions/upload-artifact@",
    ]
    positions = [WORKFLOW.find(step) for step in order]
    assert -1 not in positions, dict(zip(order, positions, strict=True))
    assert positions == sorted(positions)
    assert "QT_QPA_PLATFORM: offscreen" in WORKFLOW


def test_workflow_installs_what_the_dev_script_would() -> None:
    dev = _dev_module()
    wanted = {*dev.QT_OFFSCREEN_DEBS, *dev.QT_WINDOW_DEBS, *dev.TEST_DEBS}
    step = re.search(r"sudo apt-get install[^\n]*\n((?:\s+[^\n]*\\\n)*\s+[^\n]*)", WORKFLOW)
    assert step
    listed = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", step.group(1).replace("\\", " ")))
    assert wanted <= listed, wanted - listed


def test_workflow_uses_secrets_only_for_signing() -> None:
    for line in WORKFLOW.splitlines():
        if "secrets." in line:
            assert re.match(r"\s+MACOS_\w+: \$\{\{ secrets\.MACOS_\w+ \}\}$", line), line


# --- the .desktop file --------------------------------------------------------------------

DESKTOP_KEYS = {
    "Type", "Version", "Name", "GenericName", "NoDisplay", "Comment", "Icon", "Hidden",
    "OnlyShowIn", "NotShowIn", "DBusActivatable", "TryExec", "Exec", "Path", "Terminal",
    "Actions", "MimeType", "Categories", "Implements", "Keywords", "StartupNotify",
    "StartupWMClass", "URL", "PrefersNonDefaultGPU", "SingleMainWindow",
}  # fmt: skip
MAIN_CATEGORIES = {
    "AudioVideo", "Audio", "Video", "Development", "Education", "Game", "Graphics", "Network",
    "Office", "Science", "Settings", "System", "Utility",
}  # fmt: skip
LIST_KEYS = {"OnlyShowIn", "NotShowIn", "Actions", "MimeType", "Categories", "Implements",
             "Keywords"}  # fmt: skip
BOOLEAN_KEYS = {"NoDisplay", "Hidden", "DBusActivatable", "Terminal", "StartupNotify",
                "PrefersNonDefaultGPU", "SingleMainWindow"}  # fmt: skip


def parse_desktop_entry(text: str) -> dict[str, dict[str, str]]:
    """Groups of key=value pairs; raises AssertionError on anything the spec forbids."""
    groups: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        header = re.fullmatch(r"\[([^\[\]]+)\]", line)
        if header:
            assert header.group(1) not in groups, f"line {number}: duplicate group"
            current = groups[header.group(1)] = {}
            continue
        assert current is not None, f"line {number}: a key before the first group"
        match = re.fullmatch(r"([A-Za-z0-9-]+)(\[[^\]]+\])? ?= ?(.*)", line)
        assert match, f"line {number}: not a key=value line: {line!r}"
        key = match.group(1) + (match.group(2) or "")
        assert key not in current, f"line {number}: duplicate key {key}"
        current[key] = match.group(3)
    assert list(groups)[:1] == ["Desktop Entry"], "the first group must be [Desktop Entry]"
    return groups


def test_desktop_file_is_a_valid_application_entry() -> None:
    text = DESKTOP_FILE.read_text(encoding="utf-8")
    entry = parse_desktop_entry(text)["Desktop Entry"]
    for key in entry:
        base = key.split("[", 1)[0]
        assert base in DESKTOP_KEYS or base.startswith("X-"), f"unknown key {key}"
    assert entry["Type"] == "Application"
    assert entry["Version"] == "1.5"
    assert entry["Name"] == "AgentsGT Desktop"
    for key in LIST_KEYS & entry.keys():
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    for key in BOOLEAN_KEYS & entry.keys():
        assert entry[key] in ("true", "false"), key
    exec_line = entry["Exec"].split()
    assert exec_line[0] == NAME == entry["TryExec"]
    assert all(re.fullmatch(r"%[fFuUick]", arg) for arg in exec_line[1:] if "%" in arg)
    assert entry["Icon"] == NAME
    assert (ROOT / "resources" / "icons" / f"{NAME}.svg").is_file()
    categories = [name for name in entry["Categories"].split(";") if name]
    assert len(MAIN_CATEGORIES & set(categories)) >= 1
    assert entry["StartupWMClass"] == APP_ID
    assert entry["Terminal"] == "false"


def test_desktop_parser_rejects_what_validators_reject() -> None:
    with pytest.raises(AssertionError, match="duplicate key"):
        parse_desktop_entry("[Desktop Entry]\nName=a\nName=b\n")
    with pytest.raises(AssertionError, match="first group"):
        parse_desktop_entry("[Other]\nName=a\n")
    with pytest.raises(AssertionError, match="not a key=value"):
        parse_desktop_entry("[Desktop Entry]\nName\n")
