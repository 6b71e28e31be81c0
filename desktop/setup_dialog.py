"""A real hall's first start: its name and codes, and the administrator's account."""

from __future__ import annotations

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
from hall import setup
from kit.operations import Failure, Operation, Problem

# hall.setup.initialise and hall.users.add_user name the field at fault in InvalidInput.field;
# the admin account's fields are named as add_user knows them.
HALL_NAME = "hall_name"
CITY_CODE = "city_code"
COURT_CODE = "court_code"
LOGIN = "login"
NAME = "name"
PASSWORD = "password"
CONFIRM = "confirm"


class SetupDialog(QDialog):
    """Accepted once the hall is set up; :attr:`admin` is then the new administrator."""

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.admin: User | None = None
        self.setWindowTitle(self.tr("First start: set up the hall"))
        self.setMinimumWidth(560)

        intro = QLabel(
            self.tr(
                "This database has not been set up yet. Enter the hall's name and codes and "
                "the administrator's account; the administrator then adds the other users."
            )
        )
        intro.setWordWrap(True)

        self.edits: dict[str, QLineEdit] = {}
        self.errors: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows = (
            (HALL_NAME, self.tr("&Hall name:"), self.tr("e.g. Yima City Mass Work Department")),
            (CITY_CODE, self.tr("&City code:"), self.tr("6-digit division code, e.g. 411281")),
            (COURT_CODE, self.tr("C&ourt code:"), self.tr("as in case numbers, e.g. 豫1281")),
            (LOGIN, self.tr("Administrator &login:"), "admin"),
            (NAME, self.tr("Administrator &name:"), ""),
            (PASSWORD, self.tr("&Password:"), self.tr("at least 6 characters")),
            (CONFIRM, self.tr("Password &again:"), ""),
        )
        for field, label, placeholder in rows:
            edit = QLineEdit()
            edit.setObjectName(field)
            edit.setPlaceholderText(placeholder)
            if field in (PASSWORD, CONFIRM):
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            error = QLabel()
            error.setObjectName(f"{field}_error")
            error.setWordWrap(True)
            error.setStyleSheet("color: #b00020;")
            error.hide()
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(error)
            form.addRow(label, column)
            self.edits[field] = edit
            self.errors[field] = error

        # Errors that belong to no one field (the database refusing the write).
        self.general_error = QLabel()
        self.general_error.setObjectName("general_error")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet("color: #b00020;")
        self.general_error.hide()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Set up"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)

    def text(self, field: str) -> str:
        return self.edits[field].text()

    def accept(self) -> None:
        self._clear_errors()
        if self.text(PASSWORD) != self.text(CONFIRM):
            self._show_error(CONFIRM, self.tr("The two passwords differ. Please type them again."))
            return
        hall_name, city, court = (self.text(f) for f in (HALL_NAME, CITY_CODE, COURT_CODE))
        login, name, password = (self.text(f) for f in (LOGIN, NAME, PASSWORD))
        admin = (
            Operation(
                self,
                self.database,
                lambda s: setup.initialise(s, hall_name, city, court, login, name, password),
            )
            .failure(self._refused)
            .run()
        )
        if admin is not None:
            self.admin = admin
            super().accept()

    def _refused(self, problem: Problem) -> None:
        if problem.failure is Failure.INVALID and problem.field in self.edits:
            self._show_error(problem.field, problem.message)
        else:
            self._show_general(problem.message)

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), self.general_error):
            label.clear()
            label.hide()

    def _show_error(self, field: str, message: str) -> None:
        self.errors[field].setText(message)
        self.errors[field].show()
        self.edits[field].setFocus()
        self.edits[field].selectAll()

    def _show_general(self, message: str) -> None:
        self.general_error.setText(message)
        self.general_error.show()
