"""Form fields that say what is wrong right where it is wrong.

A receptionist fixes a form faster when each problem sits under its own field, in Chinese,
than when one dialog lists them all; and nothing typed is ever cleared to show an error.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from hall.errors import InvalidInput
from hall.identity import ResidentId, check_resident_id

ERROR_COLOUR = "#c62828"
NOTE_COLOUR = "#37474f"


class FieldMessage(QLabel):
    """The line under one form field: an error (red text, red border on the field) or a note."""

    # The error shown or withdrawn: a summary of the form's errors counts again.
    error_changed = Signal()

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._is_error = False
        self.setWordWrap(True)
        self.hide()

    @property
    def is_error(self) -> bool:
        return self._is_error

    def show_error(self, message: str) -> None:
        was_error = self._is_error
        self._is_error = True
        self.setText(message)
        self.setStyleSheet(f"color: {ERROR_COLOUR};")
        # The class selector keeps the border off the field's inner widgets (a spin box's
        # line edit, a combo box's list).
        self.field.setStyleSheet(
            f"{self.field.metaObject().className()} {{ border: 2px solid {ERROR_COLOUR};"
            " border-radius: 3px; }"
        )
        self.field.setAccessibleDescription(message)
        self.show()
        if not was_error:
            self.error_changed.emit()

    def show_note(self, message: str) -> None:
        self._clear_field()
        self.setText(message)
        self.setStyleSheet(f"color: {NOTE_COLOUR};")
        self.show()

    def clear(self) -> None:
        self._clear_field()
        self.setText("")
        self.hide()

    def clear_error(self) -> None:
        """Withdraw the error (the user is fixing it); a note stays."""
        if self._is_error:
            self.clear()

    def _clear_field(self) -> None:
        was_error = self._is_error
        self._is_error = False
        self.field.setStyleSheet("")
        self.field.setAccessibleDescription("")
        if was_error:
            self.error_changed.emit()


def with_message(field: QWidget, message: FieldMessage) -> QWidget:
    """The field with its message line under it, as one cell of a form layout."""
    cell = QWidget()
    layout = QVBoxLayout(cell)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    # A form label's mnemonic and a focus request on the cell land in the field.
    cell.setFocusProxy(field)
    return cell


class IdNumberField(QLineEdit):
    """A resident ID number, checked as the user finishes typing it: the line under it says
    exactly what is wrong, or the birth date and gender the number encodes."""

    checked = Signal(object)  # the ResidentId when the number is valid, else None

    # Other documents (passports, travel permits) have numbers of up to 24 characters.
    OTHER_DOCUMENT_LENGTH = 24

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = FieldMessage(self)
        self._resident = True
        self._resident_validator = QRegularExpressionValidator(
            QRegularExpression("[0-9]{0,17}[0-9Xx]?"), self
        )
        self._other_validator = QRegularExpressionValidator(
            QRegularExpression(f"[A-Za-z0-9()（）-]{{0,{self.OTHER_DOCUMENT_LENGTH}}}"), self
        )
        self.set_resident(True)
        self.editingFinished.connect(self.check)
        self.textEdited.connect(self._edited)

    @property
    def resident(self) -> bool:
        return self._resident

    def set_resident(self, resident: bool) -> None:
        """Take a resident ID number, checked as typed (the default), or another document's
        number, which the rules check when the form is saved."""
        self._resident = resident
        self.message.clear()
        if resident:
            self.setValidator(self._resident_validator)
            self.setMaxLength(18)
        else:
            self.setValidator(self._other_validator)
            self.setMaxLength(self.OTHER_DOCUMENT_LENGTH)
        self.setPlaceholderText(self.default_placeholder())

    def default_placeholder(self) -> str:
        """What the empty field asks for."""
        if self._resident:
            return self.tr("18 characters; the last may be X")
        return self.tr("The document's number: letters and digits")

    def _edited(self, text: str) -> None:
        if len(text) == self.maxLength():
            self.check()
        else:
            # The user is correcting it; the verdict comes again when they finish.
            self.message.clear_error()

    def check(self) -> ResidentId | None:
        """Check what is typed now, show the verdict under the field, and return the number."""
        if not self._resident:
            self.checked.emit(None)
            return None
        if not self.text().strip():
            self.message.clear()
            self.checked.emit(None)
            return None
        try:
            resident = check_resident_id(self.text())
        except InvalidInput as error:
            self.message.show_error(error.message)
            self.checked.emit(None)
            return None
        if self.text() != resident.number:
            self.setText(resident.number)
        born = resident.birth_date
        self.message.show_note(
            self.tr("Born {year}-{month}-{day}, {gender}").format(
                year=born.year, month=born.month, day=born.day, gender=resident.gender
            )
        )
        self.checked.emit(resident)
        return resident
