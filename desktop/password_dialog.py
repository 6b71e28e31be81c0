"""Changing one's own password: at log-in when the administrator reset it or it expired, or
whenever the user wishes. The rules (length, kinds, not the login, not one of the last five)
are ``hall.accounts``'; their refusal is shown under the fields."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from db.engine import Database
from hall import accounts
from kit.fields import ERROR_COLOUR
from kit.operations import Operation


class ChangePasswordDialog(QDialog):
    """Accepted once the password is changed. ``required``: the user cannot go on without."""

    def __init__(
        self, database: Database, user_id: int, required: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.user_id = user_id
        self.setWindowTitle(self.tr("Change password"))
        self.setMinimumWidth(480)
        reason = QLabel(
            self.tr("Your password was reset or has expired: choose a new one before you go on.")
            if required
            else self.tr("Choose a new password.")
        )
        reason.setWordWrap(True)
        rules = QLabel(
            self.tr(
                "At least 8 characters of three kinds (capitals, small letters, digits, "
                "symbols), not containing your login, and none of your last 5 passwords."
            )
        )
        rules.setWordWrap(True)
        self.old_edit = self._secret("old")
        self.new_edit = self._secret("new")
        self.again_edit = self._secret("again")
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Log out") if required else self.tr("Cancel")
        )
        form = QFormLayout(self)
        form.addRow(reason)
        form.addRow(self.tr("&Current password:"), self.old_edit)
        form.addRow(self.tr("&New password:"), self.new_edit)
        form.addRow(self.tr("New password &again:"), self.again_edit)
        form.addRow(rules)
        form.addRow(self.error_label)
        form.addRow(buttons)

    def _secret(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def accept(self) -> None:
        old, new = self.old_edit.text(), self.new_edit.text()
        if new != self.again_edit.text():
            self.error_label.setText(self.tr("The two new passwords differ: type them again."))
            self.again_edit.clear()
            self.again_edit.setFocus()
            return
        user_id = self.user_id
        changed: list[None] = []
        Operation(
            self, self.database, lambda s: accounts.change_password(s, user_id, old, new)
        ).success(changed.append).failure(
            lambda problem: self.error_label.setText(problem.message)
        ).run()
        if changed:
            super().accept()
