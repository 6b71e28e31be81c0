"""What the officer records at the end of a service: the window's own panel (a subclass of
:class:`WindowPanel` per window), and the :class:`OutcomeBox` every window shares — the
outcome, the unit a matter is forwarded to, the follow-up, and the visitor's rating.

Both keep what was typed until it is saved, and mark a refused field with the rules' message
under it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.engine import Database
from db.window_models import FOLLOW_UP, FORWARDED, OUTCOME_NAMES, RESOLVED, SCORE_NAMES
from hall import clock, outcomes, satisfaction, units
from kit.fields import FieldMessage
from kit.fit import FlowLayout, flow
from kit.form_errors import marked_field
from windows.panel_kit import read_quietly

# The follow-up date offered when the officer ticks "follow up".
FOLLOW_UP_DAYS = 14


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def fill_units(combo: QComboBox, database: Database, blank: str | None = None) -> None:
    """The active responsible units, grouped by kind, each with its contact as a tip; with
    ``blank``, a first item meaning none."""
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    found = read_quietly(
        combo,
        database,
        lambda s: [(u.name, u.id, f"{u.kind}　{u.contact}".strip()) for u in units.units(s)],
    )
    for name, unit_id, tip in found or []:
        combo.addItem(name, unit_id)
        combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)


def select_data(combo: QComboBox, value: object) -> None:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)


class WindowPanel(QGroupBox):
    """A window's own part of the record. Subclasses build their fields, say what was typed
    (:meth:`entry`), take the visitor at the counter (:meth:`load`) and name the field each of
    the rules' field names stands for (``messages``)."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.messages: dict[str, FieldMessage] = {}

    def field(self, name: str, widget: QWidget) -> QWidget:
        """``widget`` with its message line, known to the rules as ``name``."""
        return marked_field(self.messages, name, widget)

    def entry(self) -> outcomes.WindowEntry | None:
        raise NotImplementedError

    def load(self, card: outcomes.VisitCard | None) -> None:
        """A new visitor is at the counter (None: nobody): start the form for them."""
        raise NotImplementedError

    def first_field(self) -> QWidget:
        raise NotImplementedError

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear()


class RatingRow(QWidget):
    """The visitor's rating as the officer presses it (Ctrl+1/2/3), at most one; all left up
    lets the visitor rate on the evaluator. The outcome box has one, and so has the court
    hand-off, which finishes the service as well."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons: dict[str, QPushButton] = {}
        # Beside the waiting list and the visitor on 1024 pixels the three wrap.
        row = FlowLayout(self)
        for number, code in enumerate(satisfaction.SCORES, start=1):
            button = QPushButton(f"{SCORE_NAMES[code]}  [Ctrl+{number}]")
            button.setCheckable(True)
            button.setShortcut(QKeySequence(f"Ctrl+{number}"))
            button.setToolTip(self.tr("What the visitor said; leave all up to let them rate it"))
            button.toggled.connect(lambda checked, b=button: self._toggled(b, checked))
            self.buttons[code] = button
            row.addWidget(button)

    def score(self) -> str | None:
        return next((code for code, b in self.buttons.items() if b.isChecked()), None)

    def set_score(self, score: str | None) -> None:
        for code, button in self.buttons.items():
            button.setChecked(code == score)

    def _toggled(self, button: QPushButton, checked: bool) -> None:
        # One rating at most; pressing the chosen one again takes it back.
        if checked:
            for other in self.buttons.values():
                if other is not button and other.isChecked():
                    other.setChecked(False)


class OutcomeBox(QGroupBox):
    """The outcome and the next step, and the rating the visitor gave (if they said)."""

    outcome_changed = Signal(str)

    def __init__(self, database: Database, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Outcome"))
        self.database = database
        self.window_code = window_code
        self.messages: dict[str, FieldMessage] = {}

        self.outcome_combo = QComboBox()
        for code in outcomes.outcomes_for(window_code):
            self.outcome_combo.addItem(OUTCOME_NAMES[code], code)
        self.outcome_combo.currentIndexChanged.connect(self._outcome_changed)

        self.unit_combo = QComboBox()
        self.unit_combo.setMinimumContentsLength(14)
        self.unit_request_edit = QLineEdit()
        self.unit_request_edit.setPlaceholderText(self.tr("What the unit is asked to do"))
        fill_units(self.unit_combo, database, self.tr("(choose a unit)"))

        self.follow_check = QCheckBox(self.tr("Follow &up on"))
        self.follow_date = QDateEdit()
        self.follow_date.setCalendarPopup(True)
        self.follow_date.setDisplayFormat("yyyy-MM-dd")
        self.follow_subject_edit = QLineEdit()
        self.follow_subject_edit.setPlaceholderText(self.tr("What the follow-up finds out"))
        self.follow_check.toggled.connect(self._follow_toggled)

        self.rating_row = RatingRow()
        self.rating_buttons = self.rating_row.buttons

        # Beside the waiting list and the visitor on 1024 pixels, what is asked of the unit and
        # what the follow-up finds out go under the unit and the date, the width of the form.
        unit_cell = QWidget()
        unit_cell.setLayout(
            flow(
                self._field("unit", self.unit_combo),
                self._field("unit_request", self.unit_request_edit),
            )
        )
        follow_cell = QWidget()
        follow_cell.setLayout(
            flow(
                self.follow_check,
                self._field("follow_up_on", self.follow_date),
                self._field("follow_up_subject", self.follow_subject_edit),
            )
        )

        form = QFormLayout(self)
        form.addRow(self.tr("&Outcome"), self._field("outcome", self.outcome_combo))
        form.addRow(self.tr("Forwarded &to"), unit_cell)
        form.addRow(self.tr("Follow-up"), follow_cell)
        form.addRow(self.tr("Visitor's rating"), self._field("score", self.rating_row))
        self.default_outcome = outcomes.DEFAULT_OUTCOMES.get(window_code, RESOLVED)
        self.reset()

    def _field(self, name: str, widget: QWidget) -> QWidget:
        return marked_field(self.messages, name, widget)

    def reload_units(self) -> None:
        chosen = self.unit_combo.currentData()
        fill_units(self.unit_combo, self.database, self.tr("(choose a unit)"))
        select_data(self.unit_combo, chosen)

    # -- what was chosen --------------------------------------------------------------------

    def outcome(self) -> str:
        return str(self.outcome_combo.currentData())

    def set_outcome(self, code: str) -> None:
        select_data(self.outcome_combo, code)

    def unit_id(self) -> int | None:
        value = self.unit_combo.currentData()
        return int(value) if value is not None else None

    def follow_up_on(self) -> dt.date | None:
        if not self.follow_check.isChecked():
            return None
        day = self.follow_date.date().toPython()
        assert isinstance(day, dt.date)
        return day

    def score(self) -> str | None:
        return self.rating_row.score()

    def fill(self, chosen: outcomes.Outcome) -> None:
        """Put the shared choices into an outcome the workstation is building."""
        chosen.outcome = self.outcome()
        if chosen.outcome == FORWARDED:
            chosen.unit_id = self.unit_id()
            chosen.unit_request = self.unit_request_edit.text()
        chosen.follow_up_on = self.follow_up_on()
        chosen.follow_up_subject = self.follow_subject_edit.text() if chosen.follow_up_on else ""
        chosen.score = self.score()

    def reset(self, follow_up: bool = False, subject: str = "") -> None:
        """Start afresh for the next visitor."""
        self.set_outcome(self.default_outcome)
        self.unit_combo.setCurrentIndex(0)
        self.unit_request_edit.clear()
        today = clock.now().date()
        self.follow_date.setMinimumDate(qdate(today + dt.timedelta(days=1)))
        self.follow_date.setDate(qdate(today + dt.timedelta(days=FOLLOW_UP_DAYS)))
        self.follow_subject_edit.setText(subject)
        self.follow_check.setChecked(follow_up or self.outcome() == FOLLOW_UP)
        self._follow_toggled(self.follow_check.isChecked())
        self.rating_row.set_score(None)
        self._outcome_changed()
        self.clear_messages()

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.clear()

    # -- reacting ---------------------------------------------------------------------------

    def _outcome_changed(self) -> None:
        forwarded = self.outcome() == FORWARDED
        self.unit_combo.setEnabled(forwarded)
        self.unit_request_edit.setEnabled(forwarded)
        if self.outcome() == FOLLOW_UP:
            self.follow_check.setChecked(True)
        self.outcome_changed.emit(self.outcome())

    def _follow_toggled(self, on: bool) -> None:
        self.follow_date.setEnabled(on)
        self.follow_subject_edit.setEnabled(on)
