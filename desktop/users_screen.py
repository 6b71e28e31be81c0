"""用户与安全: users managed in the program, under the separation of duties (三员分立).

The system administrator adds users, edits their names and windows, disables or enables them
and resets passwords; the security administrator grants roles, unlocks accounts and sets the
password and lock rules. Each sees every button, but only those of their own duty are enabled,
so nobody wonders where a task went; the rules refuse the others anyway (``hall.user_admin``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from hall import catalog, user_admin, users
from kit.context import AppContext
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation

Dialog = TypeVar("Dialog", bound=QDialog)


class ChoiceBoxes(QWidget):
    """A tick box per choice (roles, windows), in columns."""

    def __init__(self, choices: list[tuple[str, str]], ticked: set[str]) -> None:
        super().__init__()
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for number, (code, name) in enumerate(choices):
            box = QCheckBox(name)
            box.setChecked(code in ticked)
            self.boxes[code] = box
            grid.addWidget(box, number // 4, number % 4)

    def ticked(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]


class UserDialog(QDialog):
    """A new user (login, name, first password, windows) or an existing one's name and windows.
    ``save`` runs the hall call; the dialog closes only when it succeeded."""

    def __init__(
        self,
        parent: QWidget,
        windows: list[tuple[str, str]],
        row: user_admin.UserRow | None,
        save: Callable[[UserDialog], bool],
    ) -> None:
        super().__init__(parent)
        self.save = save
        self.setWindowTitle(self.tr("Edit user") if row else self.tr("Add user"))
        self.login_edit = QLineEdit(row.login if row else "")
        self.login_edit.setReadOnly(row is not None)
        self.name_edit = QLineEdit(row.name if row else "")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.windows = ChoiceBoxes(windows, set(row.windows) if row else set())
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Login:"), self.login_edit)
        form.addRow(self.tr("Name:"), self.name_edit)
        if row is None:
            form.addRow(self.tr("First password:"), self.password_edit)
            form.addRow(
                QLabel(
                    self.tr(
                        "At least 8 characters of three kinds (capitals, small letters, digits, "
                        "symbols); the user changes it at the first log-in. Roles are granted "
                        "by the security administrator."
                    )
                )
            )
        form.addRow(self.tr("Windows:"), self.windows)
        form.addRow(self.error_label)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.save(self):
            super().accept()


class UsersScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[user_admin.UserRow] = []
        self.window_names: list[tuple[str, str]] = []
        system = ctx.has_role(users.ADMIN)
        security = ctx.has_role(users.SECURITY)
        self.table = list_table(
            [
                self.tr("Login"),
                self.tr("Name"),
                self.tr("Roles"),
                self.tr("Windows"),
                self.tr("State"),
            ],
            3,
            Picking.ONE_ROW,
        )
        self.add_button = self._button(self.tr("&Add user…"), self.add_user, system)
        self.edit_button = self._button(self.tr("&Edit…"), self.edit_user, system)
        self.active_button = self._button(self.tr("&Disable / enable"), self.toggle_active, system)
        self.reset_button = self._button(self.tr("&Reset password…"), self.reset_password, system)
        self.roles_button = self._button(self.tr("R&oles…"), self.edit_roles, security)
        self.unlock_button = self._button(self.tr("&Unlock"), self.unlock, security)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.max_failures = self._spin(3, 10)
        self.lock_minutes = self._spin(1, 24 * 60)
        self.expiry_days = self._spin(0, 365)
        self.idle_minutes = self._spin(1, 60)
        self.save_rules_button = self._button(self.tr("&Save rules"), self.save_rules, security)
        rules = QGroupBox(self.tr("Password and lock rules (security administrator)"))
        rules_form = QFormLayout(rules)
        rules_form.addRow(self.tr("Failed log-ins before the lock:"), self.max_failures)
        rules_form.addRow(self.tr("Lock for (minutes):"), self.lock_minutes)
        rules_form.addRow(self.tr("Passwords expire after (days, 0: never):"), self.expiry_days)
        rules_form.addRow(self.tr("Lock an idle workstation after (minutes):"), self.idle_minutes)
        rules_form.addRow(self.save_rules_button)
        for spin in (self.max_failures, self.lock_minutes, self.expiry_days, self.idle_minutes):
            spin.setEnabled(security)

        buttons = QVBoxLayout()
        for button in (
            self.add_button,
            self.edit_button,
            self.active_button,
            self.reset_button,
            self.roles_button,
            self.unlock_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(rules)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.status_label)
        self.reload()

    def _button(self, text: str, slot: Callable[[], object], allowed: bool) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        button.setEnabled(allowed)
        return button

    def _spin(self, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        return spin

    def reload(self) -> None:
        actor = self.ctx.user

        def read(
            s: Session,
        ) -> tuple[list[user_admin.UserRow], list[tuple[str, str]], user_admin.Rules]:
            windows = [(w.code, w.name) for w in catalog.windows(s, enabled_only=False)]
            return user_admin.list_users(s, actor), windows, user_admin.get_rules(s)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).run()

    def _show(
        self, result: tuple[list[user_admin.UserRow], list[tuple[str, str]], user_admin.Rules]
    ) -> None:
        self.rows, self.window_names, rules = result
        names = dict(self.window_names)
        fill_cells(
            self.table,
            [
                (
                    row.login,
                    row.name,
                    "、".join(users.ROLE_NAMES.get(r, r) for r in row.roles),
                    "、".join(names.get(w, w) for w in row.windows),
                    self._state(row),
                )
                for row in self.rows
            ],
        )
        self.max_failures.setValue(rules.max_failures)
        self.lock_minutes.setValue(rules.lock_minutes)
        self.expiry_days.setValue(rules.expiry_days)
        self.idle_minutes.setValue(rules.idle_minutes)

    def _state(self, row: user_admin.UserRow) -> str:
        if not row.active:
            return self.tr("disabled")
        if row.locked:
            return self.tr("locked")
        if row.must_change:
            return self.tr("must change password")
        return self.tr("active")

    def selected(self) -> user_admin.UserRow | None:
        row = self.table.currentRow()
        if 0 <= row < len(self.rows):
            return self.rows[row]
        self.status_label.setText(self.tr("Pick a user in the list first."))
        return None

    def select(self, login: str) -> None:
        self.table.selectRow([r.login for r in self.rows].index(login))

    def _act(self, work: Callable[[Session], object], done: str) -> None:
        Operation(self, self.ctx.database, work).success(
            lambda _result: self.status_label.setText(done)
        ).run()
        self.reload()

    def add_user(self) -> UserDialog:
        actor = self.ctx.user

        def save(dialog: UserDialog) -> bool:
            login, name = dialog.login_edit.text(), dialog.name_edit.text()
            password, windows = dialog.password_edit.text(), dialog.windows.ticked()
            return self._dialog_act(
                dialog,
                lambda s: user_admin.add_user(s, actor, login, name, password, windows),
                self.tr("User {login} added; the security administrator grants the roles.").format(
                    login=login
                ),
            )

        return self._open(UserDialog(self, self.window_names, None, save))

    def edit_user(self) -> UserDialog | None:
        row, actor = self.selected(), self.ctx.user
        if row is None:
            return None

        def save(dialog: UserDialog) -> bool:
            name, windows = dialog.name_edit.text(), dialog.windows.ticked()
            return self._dialog_act(
                dialog,
                lambda s: user_admin.edit_user(s, actor, row.id, name, windows),
                self.tr("User {login} saved.").format(login=row.login),
            )

        return self._open(UserDialog(self, self.window_names, row, save))

    def _dialog_act(self, dialog: UserDialog, work: Callable[[Session], object], done: str) -> bool:
        results: list[object] = []
        Operation(self, self.ctx.database, work).success(results.append).failure(
            lambda problem: dialog.error_label.setText(problem.message)
        ).run()
        if results:
            self.status_label.setText(done)
            self.reload()
        return bool(results)

    def _open(self, dialog: Dialog) -> Dialog:
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        row, actor = self.selected(), self.ctx.user
        if row is None:
            return
        done = (
            self.tr("{login} disabled: their records keep their name.")
            if row.active
            else self.tr("{login} enabled again.")
        )
        self._act(
            lambda s: user_admin.set_active(s, actor, row.id, not row.active),
            done.format(login=row.login),
        )

    def reset_password(self, password: str | None = None) -> None:
        """Give the picked user a temporary password (asked for when not given)."""
        row, actor = self.selected(), self.ctx.user
        if row is None:
            return
        if password is None:
            dialog = PasswordDialog(self, row.login)
            dialog.accepted.connect(lambda: self.reset_password(dialog.password_edit.text()))
            self._open(dialog)
            return
        self._act(
            lambda s: user_admin.reset_password(s, actor, row.id, password),
            self.tr("Password of {login} reset: they must change it at the next log-in.").format(
                login=row.login
            ),
        )

    def edit_roles(self, roles: list[str] | None = None) -> None:
        row, actor = self.selected(), self.ctx.user
        if row is None:
            return
        if roles is None:
            dialog = RolesDialog(self, set(row.roles))
            dialog.accepted.connect(lambda: self.edit_roles(dialog.roles.ticked()))
            self._open(dialog)
            return
        self._act(
            lambda s: user_admin.set_roles(s, actor, row.id, roles),
            self.tr("Roles of {login} saved.").format(login=row.login),
        )

    def unlock(self) -> None:
        row, actor = self.selected(), self.ctx.user
        if row is None:
            return
        self._act(
            lambda s: user_admin.unlock(s, actor, row.id),
            self.tr("{login} unlocked.").format(login=row.login),
        )

    def save_rules(self) -> None:
        actor = self.ctx.user
        rules = user_admin.Rules(
            self.max_failures.value(),
            self.lock_minutes.value(),
            self.expiry_days.value(),
            self.idle_minutes.value(),
        )
        self._act(
            lambda s: user_admin.put_rules(s, actor, rules),
            self.tr("Rules saved; the idle lock's time applies at each workstation's next log-in."),
        )


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget, login: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset password"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("A temporary password for {login}:").format(login=login)))
        form.addRow(self.password_edit)
        form.addRow(buttons)


class RolesDialog(QDialog):
    def __init__(self, parent: QWidget, held: set[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roles"))
        self.roles = ChoiceBoxes(list(users.ROLE_NAMES.items()), held)
        note = QLabel(
            self.tr("The system, security and audit administrators must be three different people.")
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.roles)
        layout.addWidget(note)
        layout.addWidget(buttons)
