"""Log-in: login name and password, checked against the users in the hall's database."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.models import User
from hall import accounts
from kit.operations import Operation


class LoginDialog(QDialog):
    """Accepted once a user has logged in; :attr:`user` is then that user."""

    def __init__(
        self,
        database: Database,
        hall_name: str,
        login: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.user: User | None = None
        self.setWindowTitle(self.tr("Log in"))
        self.setMinimumWidth(520)
        # The first screen of the day, for people who are not at ease with computers.
        larger = self.font()
        larger.setPointSizeF(larger.pointSizeF() * 1.25)
        self.setFont(larger)

        heading = QLabel(hall_name)
        heading.setObjectName("heading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading.setWordWrap(True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("login")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel()
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.hide()

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("&Login:"), self.login_edit)
        form.addRow(self.tr("&Password:"), self.password_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        self.ok_button.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 20)
        layout.setSpacing(16)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        (self.password_edit if login else self.login_edit).setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The unknown-login hash is made while the user types, not before the window shows.
        QTimer.singleShot(0, accounts.dummy_hash)

    def accept(self) -> None:
        login = self.login_edit.text()
        password = self.password_edit.text()
        if not login.strip():
            self._refuse(self.tr("Please enter your login."), self.login_edit)
            return
        result = (
            Operation(self, self.database, lambda s: accounts.log_in(s, login, password))
            .failure(lambda problem: self._refuse(problem.message, self.password_edit))
            .run()
        )
        if result is None:
            return
        # A refusal is returned, not raised, so that its failure count and audit entry commit.
        if result.user is None:
            self._refuse(result.message, self.password_edit)
            return
        self.user = result.user
        # A lambda, not ``super().accept``: Qt would call a bound method by its name, this accept.
        # The security pages (users, audit, password rules) load once someone has logged in.
        from desktop import security_pages

        security_pages.after_log_in(self, self.database, result, lambda: QDialog.accept(self))

    def _refuse(self, message: str, focus: QLineEdit) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.password_edit.clear()
        focus.setFocus()
