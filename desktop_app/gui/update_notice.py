"""The opt-in update check of a window, and the non-modal notice that a newer release exists."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, QUrl
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app import APP_NAME
from desktop_app.core.errors import AgentsGTError
from desktop_app.core.update_check import FEED_URL, Update, check_due, check_for_update

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.core.settings import Settings
    from desktop_app.gui.services import Services
    from desktop_app.gui.window_tasks import WindowTasks

log = logging.getLogger(__name__)

#: How often a long-running window asks `check_due` again (the check itself stays daily).
RECHECK_MS = 60 * 60 * 1000


class UpdateNotice(QDialog):
    """Says which newer version exists and links to its release page; installs nothing."""

    def __init__(
        self,
        update: Update,
        current_version: str,
        opener: Callable[[QUrl], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.release = update
        self._opener = opener
        self.setWindowTitle(self.tr("Update available"))
        self.setAccessibleName(self.tr("Update available"))
        self.setModal(False)  # the window stays usable; a reply may be streaming
        self.label = QLabel(
            self.tr(
                "{app} {version} is available (you have {current}).\n"
                "Download it from the release page when it suits you."
            ).format(app=APP_NAME, version=update.version, current=current_version),
            self,
        )
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open the release page"), self)
        self.open_button.setToolTip(update.url)
        self.open_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Not now"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.close_button.clicked.connect(self.close)

    def _on_open_button_clicked(self) -> None:
        self._opener(QUrl(self.release.url))
        self.close()


class UpdateWatcher(QObject):
    """Reads the release feed when `check_due` says so: at start and hourly after, so the
    user's opt-in (Settings) and the once-a-day limit are both honoured while the window runs."""

    def __init__(
        self,
        window: QWidget,
        services: Services,
        tasks: WindowTasks,
        link_opener: Callable[[QUrl], object],
        save_settings: Callable[[Settings], None],
        *,
        url: str = FEED_URL,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._services = services
        self._tasks = tasks
        self._link_opener = link_opener
        self._save_settings = save_settings
        self._url = url
        self.notice: UpdateNotice | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(RECHECK_MS)
        self._timer.timeout.connect(self.check_if_due)
        self._timer.start()

    def check_if_due(self) -> None:
        """Start a check when the user opted in and a day has passed since the last one."""
        now = time.time()
        settings = self._services.settings
        if not check_due(settings, now):
            return
        # Remembered before the check: a failing feed is not asked again within the day.
        self._save_settings(settings.replace(last_update_check=now))
        self._tasks.run(self._check())

    async def _check(self) -> None:
        from desktop_app import __version__

        try:
            client = await self._services.ahttp_client()
            update = await check_for_update(client, __version__, url=self._url)
        except AgentsGTError as error:
            # Quiet: a missing feed is no reason to interrupt the user; tomorrow's check retries.
            log.info("update check failed: %s", error)
            return
        if update is not None:
            self.notice = UpdateNotice(update, __version__, self._link_opener, self._window)
            self.notice.show()


def watch_for_updates(
    window: QWidget,
    services: Services,
    tasks: WindowTasks,
    link_opener: Callable[[QUrl], object],
    save_settings: Callable[[Settings], None],
    *,
    url: str = FEED_URL,
) -> UpdateWatcher:
    """Check now if due, and keep checking while the window is open (notices go on `window`)."""
    watcher = UpdateWatcher(window, services, tasks, link_opener, save_settings, url=url)
    watcher.check_if_due()
    return watcher
