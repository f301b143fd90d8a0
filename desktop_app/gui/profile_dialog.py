"""The Profiles & keys dialog: create, edit, duplicate, delete, import; keys only in the keyring."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.api_types import Agent
from desktop_app.core.errors import InvalidInputError
from desktop_app.core.models import DEFAULT_BASE_URL, Credentials
from desktop_app.core.profiles import Profile, duplicate, new_profile, normalize_base_url
from desktop_app.core.validation import validate_credentials
from desktop_app.gui.profile_controller import ConnectionReport, ProfileController
from desktop_app.gui.services import Services

_ID_ROLE = Qt.ItemDataRole.UserRole


class ProfileDialog(QDialog):
    """Lists the saved profiles on the left and edits the selected one on the right.

    Opened with `open()` (window-modal, never `exec()`); every network or keyring call runs in
    the ProfileController's task. `profiles_changed` tells the window to reload its picker.
    """

    profiles_changed = Signal(str)  # the id of the profile to select ("" for none)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        select_id: str | None = None,
        focus_keys: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Profiles & keys"))
        self.setAccessibleName(self.tr("Profiles and keys"))
        self.resize(760, 480)
        self.services = services
        self.controller = ProfileController(services, self)
        self._profiles: list[Profile] = []
        self._editing: Profile | None = None
        self._agents: list[Agent] = []
        self._focus_before_busy: QWidget | None = None
        self._build()
        self._connect_signals()
        self._reload(select_id)
        if focus_keys:
            self.public_key.setFocus()

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        self.profile_list = QListWidget(self)
        self.profile_list.setAccessibleName(self.tr("Saved profiles"))
        self.new_button = QPushButton(self.tr("New"), self)
        self.new_button.setAccessibleName(self.tr("New profile"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"), self)
        self.duplicate_button.setAccessibleName(self.tr("Duplicate profile"))
        self.delete_button = QPushButton(self.tr("Delete…"), self)
        self.delete_button.setAccessibleName(self.tr("Delete profile"))
        list_buttons = QHBoxLayout()
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            list_buttons.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.profile_list, 1)
        left.addLayout(list_buttons)

        self.display_name = QLineEdit(self)
        self.display_name.setAccessibleName(self.tr("Display name"))
        self.base_url = QLineEdit(DEFAULT_BASE_URL, self)
        self.base_url.setAccessibleName(self.tr("Base URL"))
        self.public_key = QLineEdit(self)
        self.public_key.setAccessibleName(self.tr("Public key"))
        self.public_key.setPlaceholderText(self.tr("pk_…"))
        self.secret_key = QLineEdit(self)
        self.secret_key.setAccessibleName(self.tr("Secret key"))
        self.secret_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_key.setPlaceholderText(self.tr("sk_…"))
        self.agent = QComboBox(self)
        self.agent.setEditable(True)
        self.agent.setAccessibleName(self.tr("Agent"))
        agent_line = self.agent.lineEdit()
        assert agent_line is not None  # an editable combo box has one
        self.agent_line = agent_line
        agent_line.setPlaceholderText(self.tr("Pick after loading, or paste the agent's UUID"))
        self.load_agents_button = QPushButton(self.tr("Load agents"), self)
        self.load_agents_button.setAccessibleName(self.tr("Load agents with these keys"))
        agent_row = QHBoxLayout()
        agent_row.addWidget(self.agent, 1)
        agent_row.addWidget(self.load_agents_button)
        self.agent_details = QLabel(self)
        self.agent_details.setObjectName("welcomeText")
        self.agent_details.setWordWrap(True)
        self.agent_details.setTextFormat(Qt.TextFormat.PlainText)
        self.identifier = QLineEdit(self)
        self.identifier.setAccessibleName(self.tr("X-Agent-Identifier"))
        self.identifier.setToolTip(
            self.tr("Sent as X-Agent-Identifier so AgentsGT can group your chats.")
        )
        self.key_storage = QLabel(self)
        self.key_storage.setWordWrap(True)
        self.key_storage.setAccessibleName(self.tr("Where the key is stored"))
        self.session_only = QCheckBox(self.tr("Use the key for this session only"), self)
        self.session_only.setAccessibleName(self.tr("Use the key for this session only"))
        form = QFormLayout()
        form.addRow(self.tr("Display &name:"), self.display_name)
        form.addRow(self.tr("&Base URL:"), self.base_url)
        form.addRow(self.tr("&Public key:"), self.public_key)
        form.addRow(self.tr("&Secret key:"), self.secret_key)
        # A row holding a layout gets a label with no buddy, whose "&" would show as text.
        agent_label = QLabel(self.tr("&Agent:"), self)
        agent_label.setBuddy(self.agent)
        form.addRow(agent_label, agent_row)
        form.addRow("", self.agent_details)
        form.addRow(self.tr("&Identifier:"), self.identifier)
        form.addRow(self.tr("Key storage:"), self.key_storage)
        form.addRow("", self.session_only)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Result"))
        self.test_button = QPushButton(self.tr("Test connection"), self)
        self.test_button.setAccessibleName(self.tr("Test connection"))
        self.import_button = QPushButton(self.tr("Import all agents"), self)
        self.import_button.setAccessibleName(self.tr("Import all agents"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setAccessibleName(self.tr("Save profile"))
        self.save_button.setDefault(True)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        # Enter saves wherever focus landed (a button disabled while busy passes focus on):
        # no other button may make itself the default by having focus.
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(button is self.save_button)
        actions = QHBoxLayout()
        actions.addWidget(self.test_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.status)
        right.addStretch(1)
        right.addLayout(actions)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addSpacing(8)
        layout.addLayout(right, 5)

    def _connect_signals(self) -> None:
        self.profile_list.currentItemChanged.connect(self._on_profile_list_current_item_changed)
        self.new_button.clicked.connect(self._on_new_button_clicked)
        self.duplicate_button.clicked.connect(self._on_duplicate_button_clicked)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.load_agents_button.clicked.connect(self._on_load_agents_button_clicked)
        self.agent.currentIndexChanged.connect(self._on_agent_current_index_changed)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.controller.agents_loaded.connect(self._on_controller_agents_loaded)
        self.controller.connection_tested.connect(self._on_controller_connection_tested)
        self.controller.profile_saved.connect(self._on_controller_profile_saved)
        self.controller.profiles_imported.connect(self._on_controller_profiles_imported)
        self.controller.profile_deleted.connect(self._on_controller_profile_deleted)
        self.controller.operation_failed.connect(self._on_controller_operation_failed)
        self.controller.busy_changed.connect(self._on_controller_busy_changed)
        self.finished.connect(self.controller.cancel)

    # -- loading ---------------------------------------------------------------------------------

    def _reload(self, select_id: str | None) -> None:
        self._profiles = self.services.database.list_profiles()
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        selected: QListWidgetItem | None = None
        for profile in self._profiles:
            item = QListWidgetItem(profile.display_name)
            item.setData(_ID_ROLE, profile.id)
            self.profile_list.addItem(item)
            if profile.id == select_id:
                selected = item
        self.profile_list.blockSignals(False)
        if selected is None and self._profiles and select_id != "":
            selected = self.profile_list.item(0)
        if selected is not None:
            self.profile_list.setCurrentItem(selected)
            self._edit(self._profile(selected.data(_ID_ROLE)))
        else:
            self._edit(None)
        self.duplicate_button.setEnabled(bool(self._profiles))
        self.delete_button.setEnabled(bool(self._profiles))

    def _profile(self, profile_id: str) -> Profile | None:
        return next((p for p in self._profiles if p.id == profile_id), None)

    def _edit(self, profile: Profile | None) -> None:
        """Fill the form with `profile` (None: a blank new profile)."""
        self._editing = profile
        self.display_name.setText(profile.display_name if profile else "")
        self.base_url.setText(profile.base_url if profile else DEFAULT_BASE_URL)
        public = profile.key_ref.rsplit("@", 1)[0] if profile and profile.key_ref else ""
        self.public_key.setText(public)
        self.secret_key.clear()
        has_key = bool(profile and profile.key_ref)
        self.secret_key.setPlaceholderText(
            self.tr("Leave empty to keep the saved secret key") if has_key else self.tr("sk_…")
        )
        self.agent.clear()
        self._agents = []
        if profile is not None:
            label = f"{profile.agent_name} ({profile.agent_id})" if profile.agent_name else ""
            self.agent.addItem(label or profile.agent_id, profile.agent_id)
            self.agent_line.setCursorPosition(0)
        self.agent_details.setText(
            " · ".join(x for x in (profile.agent_description, profile.model_name) if x)
            if profile
            else ""
        )
        self.identifier.setText(profile.identifier if profile else self.services.identifier)
        self._show_key_storage()
        self.status.clear()

    def _show_key_storage(self) -> None:
        from desktop_app.gui.demo import DEMO_PROFILE_ID

        secrets = self.services.secrets
        if self._editing is not None and self._editing.id == DEMO_PROFILE_ID:
            # The demo's key is the in-process emulator's: in memory, never in a keyring.
            self.key_storage.setText(self.tr("Demo key, kept for this session."))
            return
        problem = secrets.problem()
        if secrets.session_only:
            self.key_storage.setText(self.tr("Keys are kept in memory for this session only."))
            self.session_only.setChecked(True)
        elif problem:
            self.key_storage.setText(
                self.tr("{problem} Keys are never written to a file.").format(problem=problem)
            )
            self.session_only.setChecked(True)
            self.session_only.setEnabled(False)
        else:
            self.key_storage.setText(
                self.tr("Stored in {backend}.").format(backend=secrets.backend_name)
            )

    # -- reading the form ------------------------------------------------------------------------

    def _agent_id(self) -> str:
        data = self.agent.currentData()
        typed = self.agent.currentText().strip()
        if data and self.agent.itemText(self.agent.currentIndex()) == typed:
            return str(data)
        return typed

    def _credentials(self, *, required: bool) -> Credentials | str | None:
        """The typed key pair; with an empty secret, the saved entry's name (or None)."""
        public, secret = self.public_key.text().strip(), self.secret_key.text().strip()
        if not secret:
            if self._editing is not None and self._editing.key_ref:
                return self._editing.key_ref if required else None
            raise InvalidInputError(self.tr("Enter the public key and the secret key."))
        return validate_credentials(Credentials(public, secret))

    def edited_profile(self) -> Profile:
        """The profile as the form describes it (not validated yet)."""
        agent_id = self._agent_id()
        agent = next((a for a in self._agents if a.id == agent_id), None)
        base_url = normalize_base_url(self.base_url.text() or DEFAULT_BASE_URL)
        fields = {
            "display_name": self.display_name.text().strip(),
            "base_url": base_url,
            "identifier": self.identifier.text().strip(),
        }
        if self._editing is None:
            profile = new_profile(
                fields["display_name"],
                agent_id,
                **{k: v for k, v in fields.items() if k != "display_name"},
            )
        else:
            profile = self._editing.replace(agent_id=agent_id, **fields)
        if agent is not None:
            model = agent.model
            profile = profile.replace(
                agent_name=agent.name,
                agent_description=agent.description,
                model_name=(model.display_name or model.name) if model else "",
            )
        if not profile.display_name and profile.agent_name:
            profile = profile.replace(display_name=profile.agent_name)
        return profile

    # -- slots -----------------------------------------------------------------------------------

    def _on_profile_list_current_item_changed(self, current: QListWidgetItem | None) -> None:
        if current is not None:
            self._edit(self._profile(current.data(_ID_ROLE)))

    def _on_new_button_clicked(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.setCurrentRow(-1)
        self.profile_list.clearSelection()
        self.profile_list.blockSignals(False)
        self._edit(None)
        self.display_name.setFocus()

    def _on_duplicate_button_clicked(self) -> None:
        if self._editing is None:
            return
        self.controller.save(duplicate(self._editing), None)

    def _on_delete_button_clicked(self) -> None:
        profile = self._editing
        if profile is None:
            return
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete profile?"))
        box.setText(
            self.tr("Delete {name!r} and its conversations on this computer?").format(
                name=profile.display_name
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.finished.connect(
            lambda result: (
                self.controller.delete(profile)
                if result == QMessageBox.StandardButton.Yes.value
                else None
            )
        )
        self.confirm_box = box
        box.open()

    def _on_load_agents_button_clicked(self) -> None:
        self._guard(lambda: self.controller.load_agents(self._base_url(), self._required_keys()))

    def _on_test_button_clicked(self) -> None:
        self._guard(
            lambda: self.controller.test_connection(
                self._base_url(), self._required_keys(), self._agent_id()
            )
        )

    def _on_import_button_clicked(self) -> None:
        self._guard(
            lambda: self.controller.import_all(
                self._base_url(),
                self._required_keys(),
                self.identifier.text().strip(),
                session_only=self.session_only.isChecked(),
            )
        )

    def _on_save_button_clicked(self) -> None:
        self._guard(
            lambda: self.controller.save(
                self.edited_profile(),
                self._typed_keys(),
                session_only=self.session_only.isChecked(),
            )
        )

    def _on_agent_current_index_changed(self, index: int) -> None:
        # A long "Name (uuid)" shows from its start, not scrolled to its end.
        self.agent_line.setCursorPosition(0)
        agent = self._agents[index] if 0 <= index < len(self._agents) else None
        if agent is None:
            return
        model = agent.model
        details = [agent.description, (model.display_name or model.name) if model else ""]
        self.agent_details.setText(" · ".join(x for x in details if x))
        if not self.display_name.text().strip():
            self.display_name.setText(agent.name)

    def _on_controller_agents_loaded(self, agents: list[Agent]) -> None:
        current = self._agent_id()
        self._agents = list(agents)
        self.agent.clear()
        for agent in agents:
            self.agent.addItem(f"{agent.name} ({agent.id})", agent.id)
        match = next((i for i, a in enumerate(agents) if a.id == current), 0)
        if agents:
            self.agent.setCurrentIndex(match)
            self._on_agent_current_index_changed(match)
        self.status.setText(
            self.tr("%n agent(s) found.", "", len(agents))
            if agents
            else self.tr("No agents found.")
        )

    def _on_controller_connection_tested(self, report: ConnectionReport) -> None:
        self.status.setText(report.sentence())

    def _on_controller_profile_saved(self, profile: Profile) -> None:
        self._reload(profile.id)
        self.status.setText(self.tr("Saved {name!r}.").format(name=profile.display_name))
        self.profiles_changed.emit(profile.id)

    def _on_controller_profiles_imported(self, profiles: list[Profile]) -> None:
        first = profiles[0].id if profiles else (self._editing.id if self._editing else None)
        self._reload(first)
        self.status.setText(
            self.tr("Imported %n agent(s).", "", len(profiles))
            if profiles
            else self.tr("Every agent was already saved.")
        )
        self.profiles_changed.emit(first or "")

    def _on_controller_profile_deleted(self, profile_id: str) -> None:
        self._reload(None)
        self.status.setText(self.tr("Profile deleted."))
        self.profiles_changed.emit("")

    def _on_controller_operation_failed(self, sentence: str) -> None:
        self.status.setText(sentence)

    def _on_controller_busy_changed(self, busy: bool) -> None:
        for button in (
            self.test_button,
            self.import_button,
            self.save_button,
            self.load_agents_button,
        ):
            if busy and button.hasFocus():
                self._focus_before_busy = button
            button.setEnabled(not busy)
        if busy:
            self.status.setText(self.tr("Working…"))
        elif self._focus_before_busy is not None:
            # Disabling the pressed button moved focus on; give it back where it was.
            self._focus_before_busy.setFocus()
            self._focus_before_busy = None

    # -- helpers ---------------------------------------------------------------------------------

    def _typed_keys(self) -> Credentials | None:
        keys = self._credentials(required=False)
        return keys if isinstance(keys, Credentials) else None

    def _base_url(self) -> str:
        return normalize_base_url(self.base_url.text() or DEFAULT_BASE_URL)

    def _required_keys(self) -> Credentials | str:
        credentials = self._credentials(required=True)
        assert credentials is not None
        return credentials

    def _guard(self, start: Callable[[], object]) -> None:
        """Run a form action, turning a bad field into the status sentence."""
        try:
            start()
        except InvalidInputError as error:
            self.status.setText(error.message)
