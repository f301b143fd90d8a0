"""Help → About: version, the app's licence, third-party licences (Qt's LGPL), data folders."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import desktop_app
from desktop_app import APP_NAME
from desktop_app.core.paths import AppPaths
from desktop_app.gui.conversation_actions import open_data_folder
from desktop_app.gui.i18n import QT_TRANSLATE_NOOP

QT_NOTICE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "This app uses Qt for Python (PySide6) and the Qt libraries under the GNU Lesser General "
    "Public License version 3 (LGPLv3). You may replace the Qt libraries with your own "
    "build. Qt's source code and licence: "
    '<a href="https://www.qt.io/licensing/open-source-lgpl-obligations">'
    "qt.io/licensing/open-source-lgpl-obligations</a>.",
)


@dataclass(frozen=True, slots=True)
class PackageLicence:
    """One installed Python package and the licence its metadata declares."""

    name: str
    version: str
    licence: str


def _field(dist: metadata.Distribution, name: str) -> str:
    data = dist.metadata
    return str(data[name] or "") if name in data else ""


def _declared_licence(dist: metadata.Distribution) -> str:
    data = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    classifiers = [
        c.split(" :: ")[-1] for c in data.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    if classifiers:
        return ", ".join(classifiers)
    text = _field(dist, "License").strip()
    # Some packages put the whole licence text in this field: its first line names it.
    return (
        text.splitlines()[0][:80]
        if text
        else QCoreApplication.translate("AboutDialog", "Not declared")
    )


def bundled_packages() -> list[PackageLicence]:
    """Every Python package installed with the app, by name (read now, not at start-up)."""
    found: dict[str, PackageLicence] = {}
    for dist in metadata.distributions():
        name = _field(dist, "Name")
        if not name or name.lower() in found:
            continue
        found[name.lower()] = PackageLicence(str(name), dist.version, _declared_licence(dist))
    return sorted(found.values(), key=lambda p: p.name.lower())


def app_licence() -> str:
    """The app's own licence text (MIT): from the installed metadata, else the source tree."""
    try:
        files = metadata.distribution("agentsgt-desktop").files or []
        for file in files:
            if file.name == "LICENSE":
                return file.read_text(encoding="utf-8")
    except (metadata.PackageNotFoundError, OSError):
        pass
    source = Path(desktop_app.__file__).resolve().parent.parent / "LICENSE"
    try:
        return source.read_text(encoding="utf-8")
    except OSError:
        return "MIT License"


class AboutDialog(QDialog):
    """Name and version, then tabs: the licence, third-party licences, the app's folders."""

    def __init__(
        self,
        paths: AppPaths,
        parent: QWidget | None = None,
        *,
        opener: Callable[[QUrl], object] = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self._opener = opener
        title = QLabel(f"<h2>{APP_NAME}</h2>", self)
        self.version = QLabel(
            self.tr("Version {version}").format(version=desktop_app.__version__), self
        )
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(self.tr("A desktop chat client for AgentsGT agents. MIT License."), self)
        summary.setWordWrap(True)
        tabs = QTabWidget(self)
        tabs.addTab(self._folders(paths), self.tr("Folders"))
        self.licence = QPlainTextEdit(app_licence(), self)
        self.licence.setReadOnly(True)
        tabs.addTab(self.licence, self.tr("Licence"))
        tabs.addTab(self._third_party(), self.tr("Third-party licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.version)
        layout.addWidget(summary)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _folders(self, paths: AppPaths) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        self.folder_buttons: dict[str, QPushButton] = {}
        rows = (
            (
                "data",
                self.tr("History and data:"),
                self.tr("Open the history and data folder"),
                paths.data_dir,
            ),
            ("log", self.tr("Logs:"), self.tr("Open the logs folder"), paths.log_dir),
        )
        for row, (key, label, open_name, folder) in enumerate(rows):
            shown = QLabel(str(folder), page)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            button = QPushButton(self.tr("Open"), page)
            button.setAccessibleName(open_name)
            button.clicked.connect(lambda _=False, folder=folder: self._open(folder))
            self.folder_buttons[key] = button
            grid.addWidget(QLabel(label, page), row, 0)
            grid.addWidget(shown, row, 1)
            grid.addWidget(button, row, 2)
        self.folder_problem = QLabel(page)
        self.folder_problem.setWordWrap(True)
        self.folder_problem.hide()
        grid.addWidget(self.folder_problem, len(rows), 0, 1, 3)
        grid.setRowStretch(len(rows) + 1, 1)
        grid.setColumnStretch(1, 1)
        return page

    def _open(self, folder: Path) -> None:
        if not open_data_folder(folder, self._opener):
            self.folder_problem.setText(
                self.tr("Could not open the folder {folder}.").format(folder=folder)
            )
            self.folder_problem.show()

    def _third_party(self) -> QWidget:
        page = QWidget(self)
        notice = QLabel(self.tr(QT_NOTICE), page)
        notice.setWordWrap(True)
        notice.setTextFormat(Qt.TextFormat.RichText)
        notice.setOpenExternalLinks(False)
        notice.linkActivated.connect(lambda url: self._opener(QUrl(url)))
        self.qt_notice = notice
        self.icons_notice = QLabel(
            self.tr("Interface icons: Lucide (ISC licence), see {file}.").format(
                file="resources/icons/ui/LICENSE"
            ),
            page,
        )
        self.icons_notice.setWordWrap(True)
        packages = bundled_packages()
        self.packages = QTableWidget(len(packages), 3, page)
        self.packages.setHorizontalHeaderLabels(
            [self.tr("Package"), self.tr("Version"), self.tr("Licence")]
        )
        self.packages.verticalHeader().hide()
        self.packages.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, package in enumerate(packages):
            for column, text in enumerate((package.name, package.version, package.licence)):
                self.packages.setItem(row, column, QTableWidgetItem(text))
        self.packages.resizeColumnsToContents()
        self.packages.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(page)
        layout.addWidget(notice)
        layout.addWidget(self.icons_notice)
        layout.addWidget(self.packages, 1)
        return page


def open_about(parent: QWidget, paths: AppPaths) -> AboutDialog:
    """Show the About dialog (non-modal, deleted on close)."""
    dialog = AboutDialog(paths, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
