"""The front desk form's problems: each at its field, and a count in the status line that
follows the fields as they are fixed (the issue's "one way of showing errors")."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from hall.errors import InvalidInput
from kit.fields import ERROR_COLOUR, FieldMessage


class FormProblems:
    """Mixed into the desk's form, which owns ``_messages`` (a field's name to its message)
    and ``status_label``."""

    _messages: dict[str, FieldMessage]
    _unplaced: list[str] | None
    status_label: QLabel

    def _show_problems(self, problems: list[InvalidInput]) -> None:
        unplaced = []
        first_field: QWidget | None = None
        for problem in problems:
            message = self._messages.get(problem.field or "")
            if message is None:
                unplaced.append(problem.message)
                continue
            message.show_error(problem.message)
            if first_field is None:
                first_field = message.field
        self._show_status("", error=True)
        self._unplaced = unplaced
        self._count_problems_again()
        if first_field is not None:
            first_field.setFocus()

    def _count_problems_again(self) -> None:
        """The status line's count of problems follows the fields as they are fixed."""
        if self._unplaced is None:
            return
        marked = sum(message.is_error for message in self._messages.values())
        if not marked and not self._unplaced:
            self.status_label.setStyleSheet("")
            self.status_label.setText(
                QCoreApplication.translate(
                    "DeskForm", "Every marked item is corrected: press Issue ticket again."
                )
            )
            return
        summary = QCoreApplication.translate(
            "DeskForm", "Please correct the {count} marked item(s); nothing was saved."
        ).format(count=marked + len(self._unplaced))
        self.status_label.setText(" ".join([summary, *self._unplaced]))

    def _clear_errors(self) -> None:
        self._unplaced = None
        for message in self._messages.values():
            message.clear_error()
        self.status_label.clear()

    def _show_status(self, text: str, error: bool = False) -> None:
        self._unplaced = None
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.status_label.setText(text)
