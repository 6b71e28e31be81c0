"""One way of showing a form's mistakes, on every form (issue 16): the field marked, the rules'
message under it, and a summary line that counts what is still to fix and follows the fields as
they are fixed — the count goes down as each is corrected, the mark goes as soon as the field is
changed, and the summary goes when nothing is left. Nothing typed is ever cleared to show a
mistake.

    errors = FormErrors(summary_label)
    form.addRow(label, errors.field("summary", summary_edit))
    ...
    problems = letters.validate(letter, today)      # the hall's check, every mistake at once
    if problems:
        errors.show(problems)
    else:
        Operation(...).failure(errors.show_problem).run()

A form whose check needs no database can also have a field checked as the user leaves it
(:meth:`FormErrors.check_on_leave`), as the front desk does with a phone number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from hall.errors import InvalidInput
from kit.fields import ERROR_COLOUR, FieldMessage, with_message
from kit.operations import Failure, Problem

_NOT_LEAVING = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


def on_edit(editor: QWidget, callback: Callable[[], object]) -> None:
    """Call ``callback`` whenever the user changes what ``editor`` holds."""

    def edited(*_args: object) -> None:
        callback()

    if isinstance(editor, QLineEdit):
        editor.textEdited.connect(edited)
    elif isinstance(editor, (QPlainTextEdit, QTextEdit)):
        editor.textChanged.connect(edited)
    elif isinstance(editor, QComboBox):
        editor.currentIndexChanged.connect(edited)
        if editor.isEditable():
            editor.editTextChanged.connect(edited)
    elif isinstance(editor, QDateTimeEdit):
        editor.dateTimeChanged.connect(edited)
    elif isinstance(editor, QSpinBox):
        editor.valueChanged.connect(edited)
    elif isinstance(editor, QAbstractButton):
        editor.toggled.connect(edited)
    elif isinstance(editor, QAbstractItemView):
        model = editor.model()
        model.rowsInserted.connect(edited)
        model.rowsRemoved.connect(edited)
        model.dataChanged.connect(edited)
    elif isinstance(editor, QAbstractSpinBox):
        editor.editingFinished.connect(edited)
    else:
        # A cell of several editors (a row of buttons, a date and a box): any of them.
        for child in editor.findChildren(QWidget):
            if not isinstance(child, QLabel):
                on_edit(child, callback)


def marked_field(messages: dict[str, FieldMessage], name: str, editor: QWidget) -> QWidget:
    """``editor`` with its message line under it, known to the rules as ``name`` in
    ``messages``; changing it withdraws its mark (the check comes again on saving)."""
    message = FieldMessage(editor)
    messages[name] = message
    on_edit(editor, message.clear_error)
    return with_message(editor, message)


class FormErrors(QObject):
    """A form's mistakes: each at its field (``messages``, by the rules' field names) and
    counted in ``summary``, which also says a refusal that is about no field. With
    ``hide_when_empty`` the summary line takes no room while it has nothing to say."""

    def __init__(
        self,
        summary: QLabel,
        messages: dict[str, FieldMessage] | None = None,
        hide_when_empty: bool = True,
    ) -> None:
        super().__init__(summary)
        self.summary = summary
        self.messages: dict[str, FieldMessage] = {}
        self.hide_when_empty = hide_when_empty
        # Mistakes of the last refusal that have no field here; None while the summary counts
        # nothing (nothing refused yet, or something else said since).
        self._unplaced: list[str] | None = None
        self._checks: list[Callable[[], Sequence[InvalidInput]]] = []
        self._left: dict[QWidget, str] = {}
        summary.setWordWrap(True)
        if hide_when_empty and not summary.text():
            summary.hide()
        self.adopt(messages or {})

    # -- the fields -------------------------------------------------------------------------

    def field(self, name: str, editor: QWidget) -> QWidget:
        """``editor`` with its message line, as one cell of the form's layout."""
        cell = marked_field(self.messages, name, editor)
        self._watch(name, self.messages[name])
        return cell

    def adopt(self, messages: dict[str, FieldMessage]) -> None:
        """Fields whose messages a part of the form made (a window's own panel)."""
        for name, message in messages.items():
            self.messages[name] = message
            self._watch(name, message)

    def _watch(self, name: str, message: FieldMessage) -> None:
        message.error_changed.connect(self.recount)
        self._left[message.field] = name
        message.field.installEventFilter(self)

    def check_on_leave(self, check: Callable[[], Sequence[InvalidInput]]) -> None:
        """Check a field with the form's own check (no database) when the user leaves it
        having typed something, marking or clearing that field alone."""
        self._checks.append(check)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self._checks
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            # The user moved on within the form, not to another window or a drop-down list.
            and event.reason() not in _NOT_LEAVING
            and isinstance(watched, QWidget)
            and watched.isVisible()
            and watched in self._left
        ):
            self._check_field(self._left[watched])
        return False

    def _check_field(self, name: str) -> None:
        message = self.messages[name]
        if not _has_input(message.field):
            return
        found = [p for check in self._checks for p in check() if p.field == name]
        if found:
            message.show_error(found[0].message)
        else:
            message.clear_error()

    # -- showing ----------------------------------------------------------------------------

    def show(self, problems: Iterable[InvalidInput]) -> None:
        """Every mistake of a refused save at once: each at its field (the first of a field),
        the others in the summary; the focus goes to the first field marked."""
        self.clear()
        unplaced: list[str] = []
        first: QWidget | None = None
        # A field the form hides (a part that does not apply) cannot show its mark.
        form = self.summary.parentWidget()
        for problem in problems:
            message = self.messages.get(problem.field or "")
            if message is None or (form is not None and not message.field.isVisibleTo(form)):
                unplaced.append(problem.message)
                continue
            if message.is_error:
                continue
            message.show_error(problem.message)
            first = first or message.field
        self._unplaced = unplaced
        self.recount()
        if first is not None:
            first.setFocus()

    def show_problem(self, problem: Problem, parts: Sequence[InvalidInput] = ()) -> None:
        """What the operation helper reported: a mistake (with ``parts``, all of a form's) at
        its fields, anything else (a refusal, a lost database) in the summary."""
        if problem.failure is Failure.INVALID:
            self.show(parts or problem.parts or [InvalidInput(problem.message, problem.field)])
        else:
            self.clear()
            self.say(problem.message, error=True)

    @property
    def remaining(self) -> int:
        """How many mistakes are still to fix."""
        marked = sum(message.is_error for message in self.messages.values())
        return marked + len(self._unplaced or ())

    def recount(self) -> None:
        """The summary follows the fields: called whenever a mark comes or goes."""
        if self._unplaced is None:
            return
        count = self.remaining
        if count:
            text = " ".join([self.summary_text(count), *self._unplaced])
            self._set_summary(text, error=True)
        else:
            self._set_summary(self.done_text(), error=False)

    def summary_text(self, count: int) -> str:
        return QCoreApplication.translate(
            "FormErrors", "{count} item(s) to correct (marked in red); nothing was saved."
        ).format(count=count)

    def done_text(self) -> str:
        """What the summary says once every mistake is fixed (nothing: it goes)."""
        return ""

    def say(self, text: str, error: bool = False) -> None:
        """Something else in the summary line (a refusal, what was saved); it stops counting."""
        self._unplaced = None
        self._set_summary(text, error)

    def clear(self) -> None:
        """No marks and an empty summary (a new save is under way, or the form is new)."""
        self._unplaced = None
        for message in self.messages.values():
            message.clear_error()
        self._set_summary("", error=False)

    def _set_summary(self, text: str, error: bool) -> None:
        self.summary.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.summary.setText(text)
        if self.hide_when_empty:
            self.summary.setVisible(bool(text))


def _has_input(editor: QWidget) -> bool:
    """Whether the user has typed into a text field (a choice is checked on saving only)."""
    if isinstance(editor, QLineEdit):
        return bool(editor.text().strip())
    if isinstance(editor, (QPlainTextEdit, QTextEdit)):
        return bool(editor.toPlainText().strip())
    return False
