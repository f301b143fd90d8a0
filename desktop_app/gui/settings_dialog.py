"""The Settings dialog: look, language, sending, proxy, timeouts, updates; bad values explained."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.errors import InvalidInputError
from desktop_app.core.settings import (
    CONNECT_TIMEOUT_RANGE,
    FONT_SIZE_RANGE,
    IDLE_TIMEOUT_RANGE,
    Language,
    ProxyMode,
    SendShortcut,
    Settings,
    Theme,
)
from desktop_app.gui.i18n import AUTONYMS, QT_TRANSLATE_NOOP

# Labels marked for lupdate here, translated when the dialog is built.
_THEMES = (
    (Theme.SYSTEM, QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system")),
    (Theme.LIGHT, QT_TRANSLATE_NOOP("SettingsDialog", "Light")),
    (Theme.DARK, QT_TRANSLATE_NOOP("SettingsDialog", "Dark")),
)
_SHORTCUTS = (
    (
        SendShortcut.ENTER,
        QT_TRANSLATE_NOOP("SettingsDialog", "Enter sends, Shift+Enter adds a line"),
    ),
    (
        SendShortcut.CTRL_ENTER,
        QT_TRANSLATE_NOOP("SettingsDialog", "Ctrl+Enter sends, Enter adds a line"),
    ),
)
_PROXIES = (
    (ProxyMode.SYSTEM, QT_TRANSLATE_NOOP("SettingsDialog", "Use the system proxy settings")),
    (ProxyMode.NONE, QT_TRANSLATE_NOOP("SettingsDialog", "No proxy")),
    (ProxyMode.CUSTOM, QT_TRANSLATE_NOOP("SettingsDialog", "Custom proxy")),
)


def _combo(parent: QWidget, choices: tuple, name: str) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in choices:
        combo.addItem(QCoreApplication.translate("SettingsDialog", label), value.value)
    combo.setAccessibleName(name)
    return combo


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


class SettingsDialog(QDialog):
    """Edits a Settings value. `settings_accepted` carries the new, validated Settings.

    Nothing is saved here: the window saves atomically and applies the change.
    """

    settings_accepted = Signal(object)  # Settings

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._original = settings
        self.theme = _combo(self, _THEMES, self.tr("Theme"))
        self.font_size = QSpinBox(self)
        self.font_size.setRange(*FONT_SIZE_RANGE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setAccessibleName(self.tr("Font size"))
        self.language = self._language_choice()
        # Every text is translated when its widget is built: the window is not rebuilt.
        self.language_note = QLabel(self.tr("Takes effect the next time the app starts."), self)
        self.language_note.setWordWrap(True)
        self.send_shortcut = _combo(self, _SHORTCUTS, self.tr("Send shortcut"))
        self.proxy_mode = _combo(self, _PROXIES, self.tr("Proxy"))
        self.proxy_url = QLineEdit(self)
        self.proxy_url.setPlaceholderText("http://proxy.example.com:8080")
        self.proxy_url.setAccessibleName(self.tr("Proxy URL"))
        self.connect_timeout = QDoubleSpinBox(self)
        self.connect_timeout.setRange(*CONNECT_TIMEOUT_RANGE)
        self.connect_timeout.setSuffix(self.tr(" s"))
        self.connect_timeout.setAccessibleName(self.tr("Connect timeout"))
        self.idle_timeout = QDoubleSpinBox(self)
        self.idle_timeout.setRange(*IDLE_TIMEOUT_RANGE)
        self.idle_timeout.setSuffix(self.tr(" s"))
        self.idle_timeout.setAccessibleName(self.tr("Idle timeout"))
        self.idle_timeout.setToolTip(
            self.tr("Give up on a reply when nothing arrives for this long.")
        )
        self.check_for_updates = QCheckBox(self.tr("Tell me when a new version is out"), self)
        self.check_for_updates.setAccessibleName(self.tr("Check for updates"))
        self.check_for_updates.setToolTip(
            self.tr(
                "At most once a day, read the list of releases and show a link to a newer one. "
                "Nothing is downloaded or installed by itself."
            )
        )
        self.problem = QLabel(self)
        self.problem.setObjectName("errorBannerText")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem with the settings"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("&Font size:"), self.font_size)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Send &with:"), self.send_shortcut)
        form.addRow(self.tr("&Proxy:"), self.proxy_mode)
        form.addRow(self.tr("Proxy &URL:"), self.proxy_url)
        form.addRow(self.tr("&Connect timeout:"), self.connect_timeout)
        form.addRow(self.tr("&Idle timeout:"), self.idle_timeout)
        form.addRow(self.tr("&Updates:"), self.check_for_updates)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._load(settings)
        self._connect_signals()

    def _language_choice(self) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(self.tr("Same as the system"), Language.SYSTEM.value)
        for language in Language:
            if language is not Language.SYSTEM:
                combo.addItem(AUTONYMS[language.value], language.value)
        combo.setAccessibleName(self.tr("Language"))
        return combo

    def _connect_signals(self) -> None:
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.proxy_mode.currentIndexChanged.connect(self._on_proxy_mode_changed)

    def _load(self, settings: Settings) -> None:
        _select(self.theme, settings.theme.value)
        self.font_size.setValue(settings.font_size)
        _select(self.language, settings.language.value)
        _select(self.send_shortcut, settings.send_shortcut.value)
        _select(self.proxy_mode, settings.proxy_mode.value)
        self.proxy_url.setText(settings.proxy_url or "")
        self.connect_timeout.setValue(settings.connect_timeout)
        self.idle_timeout.setValue(settings.idle_timeout)
        self.check_for_updates.setChecked(settings.check_for_updates)
        self._on_proxy_mode_changed()

    def edited_settings(self) -> Settings:
        """The settings as edited; raises InvalidInputError naming the bad field."""
        return self._original.replace(
            theme=self.theme.currentData(),
            font_size=self.font_size.value(),
            language=self.language.currentData(),
            send_shortcut=self.send_shortcut.currentData(),
            proxy_mode=self.proxy_mode.currentData(),
            proxy_url=self.proxy_url.text().strip() or None,
            connect_timeout=self.connect_timeout.value(),
            idle_timeout=self.idle_timeout.value(),
            check_for_updates=self.check_for_updates.isChecked(),
        )

    def _on_proxy_mode_changed(self) -> None:
        self.proxy_url.setEnabled(self.proxy_mode.currentData() == ProxyMode.CUSTOM.value)

    def _on_buttons_accepted(self) -> None:
        try:
            settings = self.edited_settings()
        except InvalidInputError as error:
            self.problem.setText(error.message)
            self.problem.show()
            return
        self.problem.hide()
        self.settings_accepted.emit(settings)
        self.accept()
