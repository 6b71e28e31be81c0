"""What a form held when it was cleared, so that Ctrl+Z can put it back: the values of its
fields by position, and the key that asks for them while the form is still blank."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

Value = str | int | bool | None


def value_of(widget: QWidget) -> Value:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    return None


def put_value(widget: QWidget, value: Value) -> None:
    if isinstance(widget, QLineEdit) and isinstance(value, str):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit) and isinstance(value, str):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and isinstance(value, int):
        widget.setCurrentIndex(value)
    elif isinstance(widget, QSpinBox) and isinstance(value, int):
        widget.setValue(value)
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


def typed_in(widgets: list[QWidget]) -> bool:
    """Whether anything was typed or ticked (a choice from a list alone is not a filled form:
    a cleared form has its lists at their defaults)."""
    for widget in widgets:
        value = value_of(widget)
        if isinstance(widget, QLineEdit | QPlainTextEdit) and value:
            return True
        if isinstance(widget, QAbstractButton) and value is True:
            return True
    return False


class UndoClear(QObject):
    """Watches a form's fields for Ctrl+Z while the form is blank and something cleared from
    it is kept (``armed``): the key then asks for it back (``wanted``). Once anything is typed,
    Ctrl+Z is the field's own undo again."""

    wanted = Signal()

    def __init__(self, fields: Callable[[], list[QWidget]], parent: QObject) -> None:
        super().__init__(parent)
        self._fields = fields
        self.armed = False

    def watch(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if (
            event.type() in kinds
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Undo)
            and self.armed
            and not typed_in(self._fields())
        ):
            # Taken over: a field's own undo would bring back only its own text.
            event.accept()
            if event.type() == QEvent.Type.KeyPress:
                self.wanted.emit()
            return True
        return super().eventFilter(watched, event)
