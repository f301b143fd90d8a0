"""Static checks of the packaging files: they agree with pyproject and with each other.

The PyInstaller spec, the Inno Setup script, the macOS and Linux build scripts and the release
workflow all restate the app's name, version source, icons and bundle layout; these tests keep
them in step. The spec's file filters are run on real file names, and the .desktop file is
validated against the freedesktop Desktop Entry rules.
"""

from __future__ import annotations

import ast
import re
import struct
import tomllib
from pathlib import Path

import pytest

from desktop_app import APP_ID
from tests.fixtures.scripts import load_script

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
    minimum = entries["LSMinimumSystemVersion"]
    assert isinstance(minimum, ast.Name) and minimum.id == "MACOS_MINIMUM"
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
    assert {"QtQml", "QtQuick", "QtPdf", "QtWebEngineCore", "QtOpenGL"} <= excluded


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6QuickWidgets.so.6",
        "PySide6/Qt/lib/libQt6NetworkAuth.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/Qt/lib/QtQml.framework/QtQml",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qt_es.qm",
        "PySide6/Qt/translations/qtdeclarative_es.qm",
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
        "PySide6/Qt/lib/libQt6Network.so.6",  # QLocalServer: one window per data folder
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
        "resources/i18n/agentsgt_desktop_es.qm",
        "PySide6/Qt/translations/qtbase_es.qm",  # Spanish standard buttons and dialogs
        "PySide6\\translations\\qtbase_es.qm",
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
    return load_script(ROOT / "scripts" / "dev.py")


def test_workflow_builds_every_os_with_the_same_scripts() -> None:
    matrix = re.search(r"os: \[([^\]]+)\]", WORKFLOW)
    assert matrix
    systems = [name.strip() for name in matrix.group(1).split(",")]
    assert [name.split("-")[0] for name in systems] == ["ubuntu", "macos", "macos", "windows"]
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
            assert re.match(
                r"\s+((MACOS|WINDOWS)_\w+: \$\{\{ secrets\.(MACOS|WINDOWS)_\w+ \}\}"
                r"|HAS_(MACOS|WINDOWS)_CERTIFICATE: \$\{\{ secrets\.\w+ != '' \}\})$",
                line,
            ), line


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
    # The Desktop Entry spec version desktop-file-validate 0.26 (Debian 12, Ubuntu 22.04) knows.
    assert entry["Version"] == "1.4"
    assert entry["Name"] == "AgentsGT Desktop"
    for key in LIST_KEYS & entry.keys():
        assert entry[key].endswith(";"), f"{key} must end with ';'"
    for key in BOOLEAN_KEYS & entry.keys():
        assert entry[key] in ("true", "false"), key
    # No %U or %F: the app takes no files or URLs, so a launcher must not pass any.
    assert entry["Exec"] == NAME == entry["TryExec"]
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


# --- the release job ----------------------------------------------------------------------


def job_block(name: str) -> str:
    """The text of the workflow job `name` (from its key to the next job at that depth)."""
    match = re.search(rf"^  {name}:\n(.*?)(?=^  [\w-]+:\n|\Z)", WORKFLOW, re.MULTILINE | re.DOTALL)
    assert match, f"the workflow has no job {name}"
    return match.group(1)


def permissions_of(block: str, indent: str) -> dict[str, str]:
    match = re.search(
        rf"^{indent}permissions:\n((?:{indent}  [\w-]+: \w+\n)+)", block, re.MULTILINE
    )
    assert match, "no permissions block"
    return dict(re.findall(r"([\w-]+): (\w+)", match.group(1)))


def test_workflow_reads_only_except_the_release_job() -> None:
    assert permissions_of(WORKFLOW, "") == {"contents": "read"}
    assert "permissions:" not in job_block("build")
    release = job_block("release")
    assert permissions_of(release, "    ") == {
        "contents": "write",
        "id-token": "write",
        "attestations": "write",
    }


def test_release_job_publishes_every_installer_with_checksums_and_provenance() -> None:
    release = job_block("release")
    assert "needs: build" in release
    assert "if: startsWith(github.ref, 'refs/tags/v')" in release
    assert re.search(r'tags: \["v\*"\]', WORKFLOW)
    order = [
        '[ "$GITHUB_REF_NAME" = "v$version" ]',
        "actions/download-artifact@",
        "bash packaging/checksums.sh release",
        "actions/attest-build-provenance@",
        "gh release create",
    ]
    positions = [release.find(step) for step in order]
    assert -1 not in positions and positions == sorted(positions), positions
    for kind in ("*.tar.gz", "*.deb", "*.AppImage", "*.dmg", "*-setup.exe"):
        assert f"packaging/out/{kind}" in job_block("build"), kind
        assert f"release/{kind}" in release, kind
    checksums = (PACKAGING / "checksums.sh").read_text(encoding="utf-8")
    assert "files=(*.tar.gz *.deb *.AppImage *.dmg *-setup.exe)" in checksums
    assert "sha256sum -c SHA256SUMS" in checksums
    assert "release-feed.json" in release  # the update check's feed entry


def test_workflow_builds_from_the_lock_file_after_validating_metadata() -> None:
    build = job_block("build")
    order = [
        "python scripts/dev.py test",
        "bash packaging/validate_metadata.sh",
        "packaging/make_build_env.py",
        "bash packaging/build_linux.sh",
        "bash packaging/macos/build_macos.sh",
        "build_windows.ps1",
    ]
    positions = [build.find(step) for step in order]
    assert -1 not in positions and positions == sorted(positions), positions
    assert '>> "$GITHUB_ENV"' in build  # PYTHON for every later build step
    assert "desktop-file-utils appstream" in build
    assert "AGENTSGT_REQUIRE_APPIMAGE=1" in build and "APPIMAGETOOL=" in build
    make_env = (PACKAGING / "make_build_env.py").read_text(encoding="utf-8")
    assert '"--require-hashes", "--no-deps", "-r", str(LOCK)' in make_env
    for script in ("build_linux.sh", "macos/build_macos.sh"):
        assert "PYTHON" in (PACKAGING / script).read_text(encoding="utf-8"), script
    assert "$env:PYTHON" in (PACKAGING / "windows" / "build_windows.ps1").read_text("utf-8")


def test_ci_runs_the_workflows_checks_the_same_way() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for step in (
        "bash packaging/validate_metadata.sh",
        "packaging/make_build_env.py",
        "bash packaging/build_linux.sh",
        "bash packaging/smoke_test_linux.sh",
        "bash packaging/linux/build_appimage.sh",
    ):
        assert step in ci, step
    assert "desktop-file-utils" in ci and "appstream" in ci
    validate = (PACKAGING / "validate_metadata.sh").read_text(encoding="utf-8")
    assert f"desktop-file-validate resources/{NAME}.desktop" in validate
    assert "appstreamcli validate --no-net resources/com.agentsgt.desktop.metainfo.xml" in validate
    assert "packaging/check_lock.py" in validate


def test_signing_runs_only_when_its_secrets_exist() -> None:
    build = job_block("build")
    assert re.search(
        r"if: runner\.os == 'macOS' && env\.HAS_MACOS_CERTIFICATE == 'true'\n.*\n.*\n.*\n"
        r"\s+run: bash packaging/macos/import_certificate\.sh",
        build,
    )
    assert "if: always() && runner.os == 'macOS' && env.HAS_MACOS_CERTIFICATE == 'true'" in build
    keychain = (PACKAGING / "macos" / "import_certificate.sh").read_text(encoding="utf-8")
    for command in ("security create-keychain", "security import", "set-key-partition-list"):
        assert command in keychain
    windows = (PACKAGING / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
    assert "if ($env:WINDOWS_CERTIFICATE) {" in windows and "/fd sha256 /tr" in windows


# --- macOS --------------------------------------------------------------------------------


def test_macos_minimum_is_what_the_pyside6_wheel_needs_and_intel_is_built() -> None:
    # PySide6-Essentials 6.11's macOS wheel: ...-cp310-abi3-macosx_13_0_universal2.whl.
    assert spec_constant("MACOS_MINIMUM") == "13.0"
    matrix = re.search(r"os: \[([^\]]+)\]", WORKFLOW)
    assert matrix and {"macos-14", "macos-15-intel"} <= {
        name.strip() for name in matrix.group(1).split(",")
    }
    assert "$(uname -m).dmg" in (PACKAGING / "macos" / "build_macos.sh").read_text("utf-8")


def test_macos_build_signs_notarises_staples_and_retries_hdiutil() -> None:
    script = (PACKAGING / "macos" / "build_macos.sh").read_text(encoding="utf-8")
    order = ["self_test\n", "codesign --force --deep", "self_test\n", "hdiutil create",
             "xcrun notarytool submit", "xcrun stapler staple"]  # fmt: skip
    start = 0
    for step in order:  # each after the one before (index raises when it is missing)
        start = script.index(step, start) + 1
    assert 'grep -q "Resource busy"' in script and "for attempt in 1 2 3 4 5" in script


# --- Windows: the console companion, PATH and version information -------------------------


def test_windows_build_has_a_console_companion_with_version_information() -> None:
    assert spec_constant("CLI_NAME") == f"{NAME}-cli"
    calls = [
        node
        for node in ast.walk(SPEC)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE"
    ]
    keywords = [{k.arg: k.value for k in call.keywords if k.arg} for call in calls]
    console = [kw for kw in keywords if getattr(kw.get("name"), "id", "") == "CLI_NAME"]
    assert len(console) == 1 and ast.literal_eval(console[0]["console"]) is True
    assert all(getattr(kw.get("version"), "id", "") == "VERSION_INFO" for kw in keywords)
    assert "COLLECT(\n        *programs," in SPEC_TEXT
    assert 'StringStruct("ProductVersion", VERSION)' in SPEC_TEXT


def test_installer_can_put_the_command_on_path() -> None:
    assert re.search(r'^Name: "addtopath";.*Flags: unchecked$', ISS, re.MULTILINE)
    assert iss_setting("ChangesEnvironment") == "yes"
    assert re.search(r'^Root: HKCU; Subkey: "Environment";.*\{app\}\\bin.*Tasks: addtopath', ISS,
                     re.MULTILINE)  # fmt: skip
    assert "procedure CurUninstallStepChanged" in ISS  # and off PATH again on uninstall
    assert re.search(r'^Source: "agentsgt-desktop\.cmd"; DestDir: "\{app\}\\bin"', ISS, re.M)
    shim = (PACKAGING / "windows" / "agentsgt-desktop.cmd").read_text(encoding="utf-8")
    assert '"%~dp0..\\agentsgt-desktop-cli.exe" %*' in shim
    script = (PACKAGING / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
    assert 'agentsgt-desktop-cli.exe" --version' in script


# --- Linux: AppStream, .deb documents, AppImage -------------------------------------------

METAINFO = ROOT / "resources" / "com.agentsgt.desktop.metainfo.xml"


def test_metainfo_matches_the_app() -> None:
    import xml.etree.ElementTree as ET

    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == "com.agentsgt.desktop"
    assert component.findtext("launchable") == DESKTOP_FILE.name
    assert component.findtext("project_license") == PROJECT["license"]
    assert component.findtext("provides/binary") == NAME
    newest = component.find("releases/release")
    assert newest is not None and newest.get("version") == PROJECT["version"]
    bundle = spec_call_keywords("BUNDLE")
    assert ast.literal_eval(bundle["bundle_identifier"]) == component.findtext("id")
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "LICENSE" in PROJECT["license-files"]


def _run_validator(command: list[str]) -> None:
    import shutil
    import subprocess

    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (.ci/run and the workflow install it)")
    done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_file_passes_desktop_file_validate() -> None:
    _run_validator(["desktop-file-validate", str(DESKTOP_FILE)])


def test_metainfo_passes_appstreamcli_validate() -> None:
    _run_validator(["appstreamcli", "validate", "--no-net", str(METAINFO)])


def _deb_docs():
    return load_script(PACKAGING / "linux" / "deb_docs.py")


def test_deb_gets_copyright_and_changelog(tmp_path: Path) -> None:
    import gzip

    docs = _deb_docs()
    assert docs.main(["deb_docs.py", str(tmp_path)]) == 0
    copyright_text = (tmp_path / "copyright").read_text(encoding="utf-8")
    assert copyright_text.startswith("Format: https://www.debian.org/doc/packaging-manuals/")
    assert "\nFiles: *\nCopyright: 2026 AgentsGT Desktop team\nLicense: MIT\n" in copyright_text
    changelog = gzip.decompress((tmp_path / "changelog.gz").read_bytes()).decode()
    assert changelog.startswith(f"{NAME} ({PROJECT['version']}) stable; urgency=medium\n")
    assert re.search(r"^ -- .+ <.+>  \w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$", changelog,
                     re.MULTILINE)  # fmt: skip
    script = (PACKAGING / "build_linux.sh").read_text(encoding="utf-8")
    assert 'packaging/linux/deb_docs.py "$DEBROOT/usr/share/doc/$NAME"' in script
    assert '"$DEBROOT/usr/share/metainfo/com.agentsgt.desktop.metainfo.xml"' in script


def test_appimage_bundles_the_xcb_libraries_the_deb_depends_on() -> None:
    script = (PACKAGING / "linux" / "build_appimage.sh").read_text(encoding="utf-8")
    assert "grep -E '/(libxcb-[a-z0-9-]+|libxkbcommon-x11|libX11-xcb)\\.so'" in script
    assert 'cp -L "$lib" "$APPDIR/usr/lib/xcb/' in script
    assert 'LD_LIBRARY_PATH="$HERE/usr/lib/xcb${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"' in script
    assert "usr/share/metainfo/com.agentsgt.desktop.metainfo.xml" in script
    assert "AppImage SKIPPED: appimagetool is not available here" in script
    dev = _dev_module()
    xcb = {package for package in dev.QT_WINDOW_DEBS if "xcb" in package}
    assert xcb and all(re.search(r"libxcb-|libx11-xcb|libxkbcommon-x11", p) for p in xcb)


# --- the lock file and the dependencies ---------------------------------------------------


def _check_lock():
    return load_script(PACKAGING / "check_lock.py")


LOCK_TEXT = (PACKAGING / "requirements-release.txt").read_text(encoding="utf-8")


def test_lock_file_agrees_with_pyprojects_bounds() -> None:
    assert _check_lock().problems(PYPROJECT, LOCK_TEXT) == []
    assert "pyinstaller==" in LOCK_TEXT and "pyside6-essentials==6.11." in LOCK_TEXT
    assert "://" not in LOCK_TEXT.replace("# via", "")


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        (lambda text: text.replace("httpx==0.", "httpx==1."), "httpx 1."),
        (lambda text: "--index-url http://mirror.test/simple\n" + text, "name no index"),
        (lambda text: re.sub(r"(qasync==[\d.]+) \\\n(\s+--hash=\S+\s*\\?\n)+", r"\1\n", text),
         "qasync has no sha256 hash"),
        (lambda text: re.sub(r"^keyring==.*?(?=^\S)", "", text, flags=re.M | re.S),
         "keyring is not in the lock file"),
    ],
)  # fmt: skip
def test_lock_check_catches_drift(change, complaint: str) -> None:
    found = _check_lock().problems(PYPROJECT, change(LOCK_TEXT))
    assert any(complaint in problem for problem in found), found


def test_linters_are_pinned_and_httpx_sse_is_only_for_the_benchmark() -> None:
    extras = PROJECT["optional-dependencies"]
    test_extra = {re.split(r"[<>=]", item)[0]: item for item in extras["test"]}
    assert re.fullmatch(r"ruff>=0\.\d+,<0\.\d+", test_extra["ruff"])
    assert re.fullmatch(r"mypy>=\d+\.\d+,<\d+\.\d+", test_extra["mypy"])
    assert "httpx-sse" not in test_extra and extras["bench"] == ["httpx-sse>=0.4,<0.5"]
    users = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "tests").rglob("*.py")
        if "httpx_sse" in path.read_text(encoding="utf-8") and path.name != Path(__file__).name
    ]
    assert users == ["tests/perf/bench_stream.py"]
