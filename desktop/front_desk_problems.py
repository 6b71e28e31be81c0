"""The front desk form's problems, shown the one way every form shows them
(:mod:`kit.form_errors`): each at its field, and a count in the status line that follows the
fields as they are fixed, in the desk's own words."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from hall.errors import InvalidInput
from kit.fields import FieldMessage
from kit.form_errors import FormErrors


class DeskErrors(FormErrors):
    """The status line speaks of issuing a ticket."""

    def summary_text(self, count: int) -> str:
        return QCoreApplication.translate(
            "DeskForm", "Please correct the {count} marked item(s); nothing was saved."
        ).format(count=count)

    def done_text(self) -> str:
        return QCoreApplication.translate(
            "DeskForm", "Every marked item is corrected: press Issue ticket again."
        )


class FormProblems:
    """Mixed into the desk's form, which owns ``_messages`` (a field's name to its message)
    and ``status_label``."""

    _messages: dict[str, FieldMessage]
    status_label: QLabel
    _desk_errors: DeskErrors | None = None

    def _errors(self) -> DeskErrors:
        if self._desk_errors is None:
            # Made on first use: the form's fields are all built by then.
            self._desk_errors = DeskErrors(self.status_label, self._messages, hide_when_empty=False)
        return self._desk_errors

    def _show_problems(self, problems: list[InvalidInput]) -> None:
        self._errors().show(problems)

    def _count_problems_again(self) -> None:
        self._errors().recount()

    def _clear_errors(self) -> None:
        self._errors().clear()

    def _show_status(self, text: str, error: bool = False) -> None:
        self._errors().say(text, error)
