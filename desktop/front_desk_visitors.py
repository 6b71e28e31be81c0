"""The front desk's side panels: finding earlier visitors as the receptionist types, a returning
visitor's history with their open and finally closed matters, and a receipt's look-up.

Searching runs on a worker after a short pause in typing, so a million visitors never hold up
the keyboard; only the newest search's result is shown. Opening a visitor's history or a
receipt is a single indexed read and happens at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.court_models import VISIT_STATUS_NAMES
from db.models import User
from hall import visitors
from hall.catalog import PURPOSES
from hall.desk import LookedUp, Returning, shown_summary
from hall.visitors import QUERY_ALPHABET, QUERY_CODE_LENGTH, VISIT_CODE, VisitorMatch
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, worker_of

# A pause this long ends a burst of typing; a barcode scanner types faster still.
SEARCH_DELAY_MS = 200
WARNING_COLOUR = "#e65100"
_QUERY_CODE = re.compile(f"^[{QUERY_ALPHABET}]{{{QUERY_CODE_LENGTH}}}$")


def looks_like_receipt(text: str) -> bool:
    """A visit code (a receipt's barcode) or a query code, as scanned or typed."""
    code = text.strip().upper()
    return bool(VISIT_CODE.match(code) or _QUERY_CODE.match(code))


# -- searching ------------------------------------------------------------------------------


class SearchBox(QLineEdit):
    """The search box: what it finds is a key press away (Down goes to the visitors found)."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class SearchResult:
    text: str
    source: str  # which field asked: "box", "name", "id_number", "phone"
    matches: list[VisitorMatch]


class VisitorSearch(QObject):
    """Search for earlier visitors a moment after typing stops, on the screen's worker. One
    search runs at a time: what is typed meanwhile waits, and only the newest is searched for
    when the worker is free, so a fast typist never queues up stale searches."""

    found = Signal(object)  # SearchResult
    failed = Signal(str)  # the user's words for what went wrong

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._pending = ("", "")
        self._number = 0
        self._running = False
        self._waiting = False

    def request(self, text: str, source: str) -> None:
        """Search for ``text`` once typing pauses; a newer request replaces this one."""
        self._pending = (text, source)
        self._timer.start()

    def run_now(self, text: str, source: str) -> None:
        self._pending = (text, source)
        self._timer.stop()
        self._start()

    def cancel(self) -> None:
        """Forget what is pending or under way: its result will not be shown."""
        self._timer.stop()
        self._waiting = False
        self._number += 1

    def _start(self) -> None:
        self._number += 1
        if self._running:
            self._waiting = True
            return
        number = self._number
        text, source = self._pending
        self._running = True
        Operation(
            self,
            self.ctx.database,
            lambda s: SearchResult(text, source, visitors.search(s, text)),
            read_only=True,
        ).success(lambda result: self._done(number, result, None)).failure(
            lambda problem: self._done(number, None, problem.message)
        ).run_in_background()

    def _done(self, number: int, result: SearchResult | None, failure: str | None) -> None:
        self._running = False
        if self._waiting:
            # Something newer was typed while this ran: search for that instead.
            self._waiting = False
            self._start()
            return
        if number != self._number:
            return
        if result is not None:
            self.found.emit(result)
        elif failure is not None:
            self.failed.emit(failure)

    def wait(self) -> None:
        worker_of(self).wait()


# -- a returning visitor ------------------------------------------------------------------


class MatchList(QListWidget):
    """The visitors found; Enter or a double click picks one."""

    picked = Signal(object)  # VisitorMatch

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.itemActivated.connect(self._activated)

    def _activated(self, item: QListWidgetItem) -> None:
        self.picked.emit(item.data(Qt.ItemDataRole.UserRole))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # itemActivated follows the platform's idea of activation; Enter always picks here.
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
            self._activated(item)
            return
        super().keyPressEvent(event)


class VisitorPanel(QWidget):
    """Who matches what is typed, and the picked visitor's earlier visits and matters."""

    picked = Signal(object)  # VisitorMatch
    reprint_requested = Signal(str)  # visit code

    HISTORY_COLUMNS = 6

    def __init__(self, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.matches = MatchList()
        self.matches.picked.connect(self.picked)
        self.visitor_label = QLabel()
        self.visitor_label.setWordWrap(True)
        font = self.visitor_label.font()
        font.setBold(True)
        self.visitor_label.setFont(font)
        self.matters_label = QLabel()
        self.matters_label.setWordWrap(True)
        self.matters_label.setTextFormat(Qt.TextFormat.RichText)
        self.history = QTableWidget(0, self.HISTORY_COLUMNS)
        self.history.setHorizontalHeaderLabels(
            [
                self.tr("Date"),
                self.tr("Purpose"),
                self.tr("Summary"),
                self.tr("Window"),
                self.tr("Tickets"),
                self.tr("Query code"),
            ]
        )
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.history.setWordWrap(False)
        header = self.history.horizontalHeader()
        for column in range(self.HISTORY_COLUMNS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history.itemSelectionChanged.connect(self._selection_changed)
        self.reprint_button = QPushButton(self.tr("Reprint this visit's receipt"))
        self.reprint_button.setEnabled(False)
        self.reprint_button.clicked.connect(self._reprint)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.matches, 2)
        layout.addWidget(self.visitor_label)
        layout.addWidget(self.matters_label)
        layout.addWidget(self.history, 3)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        layout.addLayout(buttons)
        # Takes the room the list and the history leave when they are hidden.
        layout.addStretch(0)
        self._layout = layout
        self.reset()

    def reset(self) -> None:
        """Nothing searched for, no one picked."""
        self.heading.setText(
            self.tr(
                "Type a name, its pinyin initials, an ID number or a phone number to find "
                "earlier visitors."
            )
        )
        self.matches.clear()
        self.matches.hide()
        self.show_visitor(None)

    def _fill_when_empty(self) -> None:
        empty = self.matches.isHidden() and self.history.isHidden()
        self._layout.setStretch(self._layout.count() - 1, 1 if empty else 0)

    def show_matches(self, result: SearchResult) -> None:
        self.matches.clear()
        for match in result.matches:
            item = QListWidgetItem(self._match_text(match))
            item.setData(Qt.ItemDataRole.UserRole, match)
            self.matches.addItem(item)
        if result.matches:
            self.heading.setText(
                self.tr("{count} earlier visitor(s) match “{text}”: Enter picks one.").format(
                    count=len(result.matches), text=result.text.strip()
                )
            )
            self.matches.setCurrentRow(0)
        elif result.text.strip():
            self.heading.setText(
                self.tr("No earlier visitor matches “{text}”: a first visit.").format(
                    text=result.text.strip()
                )
            )
        self.matches.setVisible(bool(result.matches))
        self._fill_when_empty()

    def show_failure(self, message: str) -> None:
        self.heading.setText(message)

    def _match_text(self, match: VisitorMatch) -> str:
        parts = [match.name, match.gender, match.masked_id, match.masked_phone]
        first = "　".join(p for p in parts if p)
        if match.last_visit is None:
            second = self.tr("no visits on record")
        else:
            second = self.tr("{count} visit(s), last on {date}").format(
                count=match.visits, date=f"{match.last_visit:%Y-%m-%d}"
            )
        if match.address:
            second = f"{match.address}　{second}"
        return f"{first}\n{second}"

    def show_visitor(self, returning: Returning | None) -> None:
        """The picked visitor's history, or nothing when no one is picked. While a visitor
        is picked, the list they were picked from steps aside."""
        self.history.setRowCount(0)
        for widget in (self.visitor_label, self.matters_label, self.history):
            widget.setVisible(returning is not None)
        self.heading.setVisible(returning is None)
        self.matches.setVisible(returning is None and self.matches.count() > 0)
        self.reprint_button.setVisible(returning is not None)
        self._fill_when_empty()
        if returning is None:
            return
        match = returning.match
        self.visitor_label.setText(
            self.tr("Earlier visits of {name} ({count})").format(
                name=match.name, count=len(returning.visits)
            )
        )
        self.matters_label.setText(self._matters_text(returning))
        self.matters_label.setVisible(bool(self.matters_label.text()))
        self.history.setRowCount(len(returning.visits))
        for row, visit in enumerate(returning.visits):
            summary = shown_summary(visit.purpose_code, visit.summary, self.user)
            where = visit.window_name
            if visit.status in VISIT_STATUS_NAMES:
                where = f"{where}（{VISIT_STATUS_NAMES[visit.status]}）"
            cells = [
                f"{visit.created_at:%Y-%m-%d}",
                visit.purpose,
                summary if summary is not None else self.tr("(accusation: confidential)"),
                where,
                " → ".join(visit.tickets),
                visit.query_code,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, visit.code)
                if column == 2:
                    item.setToolTip(text)
                self.history.setItem(row, column, item)

    def _matters_text(self, returning: Returning) -> str:
        lines = []
        for matter in returning.open_matters:
            state = matter.state_name + (self.tr(", overdue") if matter.overdue else "")
            lines.append(
                f'<span style="color:{WARNING_COLOUR};">'
                + self.tr("Open case {number} ({purpose}, {state}, open until {date})").format(
                    number=matter.number,
                    purpose=PURPOSES.get(matter.purpose, matter.purpose),
                    state=state,
                    date=f"{matter.open_until:%Y-%m-%d}",
                )
                + "</span>"
            )
        for final in returning.final_matters:
            lines.append(
                f'<span style="color:{ERROR_COLOUR};">'
                + self.tr("Finally closed {number} ({purpose}): not accepted again").format(
                    number=final.number, purpose=PURPOSES.get(final.purpose, final.purpose)
                )
                + "</span>"
            )
        return "<br>".join(lines)

    def selected_code(self) -> str | None:
        items = self.history.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def _selection_changed(self) -> None:
        self.reprint_button.setEnabled(self.selected_code() is not None)

    def _reprint(self) -> None:
        code = self.selected_code()
        if code is not None:
            self.reprint_requested.emit(code)


# -- a receipt's look-up ------------------------------------------------------------------


class LookupPanel(QWidget):
    """What a scanned or typed receipt code finds."""

    reprint_requested = Signal(str)  # visit code

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(
            self.tr(
                "Scan a receipt's barcode, or type its query code, into the search box and "
                "press Enter."
            )
        )
        self.heading.setWordWrap(True)
        self.visit_label = QLabel()
        self.visitor_label = QLabel()
        self.matter_label = QLabel()
        self.ticket_label = QLabel()
        self.standing_label = QLabel()
        self.case_label = QLabel()
        self.form = QFormLayout()
        self.form.addRow(self.tr("Visit"), self.visit_label)
        self.form.addRow(self.tr("Visitor"), self.visitor_label)
        self.form.addRow(self.tr("Matter"), self.matter_label)
        self.group_label = QLabel()
        self.form.addRow(self.tr("Group"), self.group_label)
        self.form.addRow(self.tr("Ticket"), self.ticket_label)
        self.form.addRow(self.tr("Now"), self.standing_label)
        self.form.addRow(self.tr("Case"), self.case_label)
        for label in (
            self.visit_label,
            self.visitor_label,
            self.matter_label,
            self.group_label,
            self.ticket_label,
            self.standing_label,
            self.case_label,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QWidget()
        self.details.setLayout(self.form)
        self.reprint_button = QPushButton(self.tr("Reprint receipt"))
        self.reprint_button.clicked.connect(self._reprint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.reprint_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._code: str | None = None
        self.show_visit(None)

    @property
    def code(self) -> str | None:
        return self._code

    def show_not_found(self, message: str) -> None:
        self.show_visit(None)
        self.heading.setText(message)
        self.heading.setStyleSheet(f"color: {ERROR_COLOUR};")

    def show_visit(self, found: LookedUp | None) -> None:
        self._code = found.code if found else None
        self.details.setVisible(found is not None)
        self.reprint_button.setVisible(found is not None and found.ticket is not None)
        self.heading.setStyleSheet("")
        if found is None:
            return
        self.heading.setText(
            self.tr("Receipt {code} (query code {query}).").format(
                code=found.code, query=found.query_code
            )
        )
        self.visit_label.setText(
            self.tr("{code}, registered {time}, {channel}").format(
                code=found.code, time=f"{found.created_at:%Y-%m-%d %H:%M}", channel=found.channel
            )
        )
        self.visitor_label.setText(found.visitor_name)
        summary = (
            found.summary if found.summary is not None else self.tr("(accusation: confidential)")
        )
        self.matter_label.setText(f"{found.purpose}：{summary}" if summary else found.purpose)
        self.form.setRowVisible(self.group_label, found.group_size > 1)
        self.group_label.setText(
            self.tr("{size} people; representatives: {names}").format(
                size=found.group_size, names="、".join(found.representatives) or "—"
            )
        )
        ticket = found.ticket
        if ticket is None:
            self.ticket_label.setText(self.tr("No ticket"))
            self.standing_label.setText("—")
        else:
            self.ticket_label.setText(
                self.tr("{number}, {window} ({location})").format(
                    number=ticket.number, window=ticket.window_name, location=ticket.window_location
                )
            )
            if found.ahead is None and found.ticket_of_today:
                self.standing_label.setText(ticket.status_name)
            elif found.ahead is None:
                self.standing_label.setText(
                    self.tr("{status} (a ticket of {date})").format(
                        status=ticket.status_name, date=f"{ticket.service_date:%Y-%m-%d}"
                    )
                )
            elif found.ahead:
                self.standing_label.setText(
                    self.tr(
                        "{status}, {count} waiting ahead, about {minutes} minutes' wait"
                    ).format(
                        status=ticket.status_name, count=found.ahead, minutes=found.wait_minutes
                    )
                )
            else:
                self.standing_label.setText(
                    self.tr("{status}, next to be called").format(status=ticket.status_name)
                )
        case = found.case
        if case is None:
            self.case_label.setText(self.tr("Not registered as a case"))
        else:
            text = (
                self.tr("{number} ({state}, linked as a repeat visit)")
                if case.repeat
                else self.tr("{number} ({state})")
            ).format(number=case.number, state=case.state_name)
            if case.due_on is not None:
                text += self.tr(", due {date}").format(date=f"{case.due_on:%Y-%m-%d}")
            self.case_label.setText(text)

    def _reprint(self) -> None:
        if self._code is not None:
            self.reprint_requested.emit(self._code)
