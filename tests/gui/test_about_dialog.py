"""Help → About: version, MIT licence, Qt's LGPL notice and the bundled packages, folders."""

from __future__ import annotations

from PySide6.QtCore import QUrl

import desktop_app
from desktop_app.core.paths import app_paths
from desktop_app.gui.about_dialog import AboutDialog, bundled_packages


def test_about_shows_version_licences_and_folders(qtbot) -> None:
    paths = app_paths().ensure()
    opened: list[QUrl] = []
    dialog = AboutDialog(paths, opener=opened.append)
    qtbot.addWidget(dialog)
    assert desktop_app.__version__ in dialog.version.text()
    assert dialog.licence.toPlainText().startswith("MIT License")
    notice = dialog.qt_notice.text()
    assert "LGPLv3" in notice and "PySide6" in notice and "href=" in notice
    names = [dialog.packages.item(row, 0).text() for row in range(dialog.packages.rowCount())]
    pyside = next(i for i, name in enumerate(names) if name.startswith("PySide6"))
    assert "httpx" in names and "shiboken6" in names
    assert "LGPL" in dialog.packages.item(pyside, 2).text()
    dialog.folder_buttons["data"].click()
    dialog.folder_buttons["log"].click()
    assert [url.toLocalFile() for url in opened] == [str(paths.data_dir), str(paths.log_dir)]


def test_every_bundled_package_has_a_licence_line() -> None:
    packages = bundled_packages()
    assert packages == sorted(packages, key=lambda p: p.name.lower())
    assert all(p.licence for p in packages)
