"""What the letters desk's pages share: the responsible units' list, a dialog that asks what an
action needs and keeps it open on a refusal."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.case_models import OUTCOME_NAMES
from db.engine import Database, Session
from hall import case_views
from kit.dates import date_edit
from kit.form_errors import FormErrors
from kit.operations import Operation, Problem


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def fill_units(combo: QComboBox, database: Database) -> None:
    """The active responsible units; a list that cannot be read stays empty, and the action
    that needs a unit then asks for one."""
    combo.clear()
    read = Operation(combo, database, case_views.unit_choices, read_only=True)
    for unit in read.failure(lambda _problem: None).run() or []:
        combo.addItem(unit.name, unit.id)


# What an action asks for: a line, a longer text, a unit, a date, a number of days, an outcome.
LINE, TEXT, UNIT, DATE, DAYS, OUTCOME = "line", "text", "unit", "date", "days", "outcome"


@dataclass(frozen=True)
class Ask:
    name: str
    label: str
    kind: str = TEXT
    default: object = None


Values = dict[str, object]


class ActionDialog(QDialog):
    """Asks what one action needs, runs it in one unit of work, and closes only when it
    succeeded: a refusal is shown in the rules' words at the field at fault, and what was
    typed stays."""

    def __init__(
        self,
        title: str,
        intro: str,
        asks: Sequence[Ask],
        database: Database,
        perform: Callable[[Session, Values], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.database = database
        self.perform = perform
        self.fields: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        self.error_label = QLabel()
        self.error_label.setObjectName("actionError")
        self.errors = FormErrors(self.error_label)
        form = QFormLayout()
        for ask in asks:
            widget = self._make(ask)
            self.fields[ask.name] = widget
            form.addRow(ask.label, self.errors.field(ask.name, widget))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.run)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _make(self, ask: Ask) -> QWidget:
        if ask.kind == LINE:
            line = QLineEdit(str(ask.default or ""))
            return line
        if ask.kind == UNIT:
            combo = QComboBox()
            fill_units(combo, self.database)
            if ask.default is not None:
                index = combo.findData(ask.default)
                if index >= 0:
                    combo.setCurrentIndex(index)
            return combo
        if ask.kind == OUTCOME:
            combo = QComboBox()
            for code, name in OUTCOME_NAMES.items():
                combo.addItem(name, code)
            return combo
        if ask.kind == DATE:
            assert isinstance(ask.default, dt.date)
            return date_edit(ask.default)
        if ask.kind == DAYS:
            spin = QSpinBox()
            spin.setRange(0, 99)
            spin.setValue(int(str(ask.default or 0)))
            return spin
        text = QPlainTextEdit(str(ask.default or ""))
        text.setTabChangesFocus(True)
        text.setFixedHeight(90)
        return text

    def values(self) -> Values:
        values: Values = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QLineEdit):
                values[name] = widget.text()
            elif isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            elif isinstance(widget, QDateEdit):
                values[name] = to_date(widget.date())
            elif isinstance(widget, QSpinBox):
                values[name] = widget.value()
        return values

    def run(self) -> None:
        self.errors.clear()
        values = self.values()
        action = Operation(self, self.database, lambda s: self.perform(s, values))
        action.success(lambda _none: self.accept()).failure(self.show_problem).run()

    def show_problem(self, problem: Problem) -> None:
        self.errors.show_problem(problem)
