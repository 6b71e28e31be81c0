"""The front desk's side panels: finding earlier visitors as the receptionist types, a returning
visitor's history with their open and finally closed matters, and a receipt's look-up.

Searching runs on a worker after a short pause in typing, so a million visitors never hold up
the keyboard; only the newest search's result is shown. Opening a visitor's history or a
receipt is a single indexed read and happens at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.court_models import VISIT_STATUS_NAMES
from db.models import User, Visitor
from hall import cases, queue, visitors
from hall.catalog import CHANNELS, PURPOSES
from hall.masking import mask_id_number
from hall.visitors import QUERY_ALPHABET, QUERY_CODE_LENGTH, VISIT_CODE, VisitorMatch
from kit.context import AppContext
from kit.fields import ERROR_COLOUR

# A pause this long ends a burst of typing; a barcode scanner types faster still.
SEARCH_DELAY_MS = 200
WARNING_COLOUR = "#e65100"
_QUERY_CODE = re.compile(f"^[{QUERY_ALPHABET}]{{{QUERY_CODE_LENGTH}}}$")


def looks_like_receipt(text: str) -> bool:
    """A visit code (a receipt's barcode) or a query code, as scanned or typed."""
    code = text.strip().upper()
    return bool(VISIT_CODE.match(code) or _QUERY_CODE.match(code))


# -- searching ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchResult:
    text: str
    source: str  # which field asked: "box", "name", "id_number", "phone"
    matches: list[VisitorMatch]


class _Relay(QObject):
    found = Signal(int, object)  # search number, SearchResult
    failed = Signal(int, str)


class VisitorSearch(QObject):
    """Search for earlier visitors a moment after typing stops, on a worker thread."""

    found = Signal(object)  # SearchResult
    failed = Signal(str)

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Made before the relay so that, destroyed first, it waits for a search under way.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.found.connect(self._found)
        self._relay.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._start)
        self._pending = ("", "")
        self._number = 0

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
        self._number += 1

    def _start(self) -> None:
        self._number += 1
        number = self._number
        text, source = self._pending
        database, relay = self.ctx.database, self._relay

        def job() -> None:
            try:
                with database.read() as session:
                    matches = visitors.search(session, text)
            except SQLAlchemyError as error:
                relay.failed.emit(number, str(error))
                return
            relay.found.emit(number, SearchResult(text, source, matches))

        # A search waiting for the worker is stale now: drop it.
        self._pool.clear()
        self._pool.start(job)

    def _found(self, number: int, result: SearchResult) -> None:
        if number == self._number:
            self.found.emit(result)

    def _failed(self, number: int, reason: str) -> None:
        if number == self._number:
            self.failed.emit(reason)

    def wait(self) -> None:
        self._pool.waitForDone()


def find_by_id_number(session: Session, id_number: str) -> VisitorMatch | None:
    """The visitor with exactly this ID number, if registered before."""
    masked = mask_id_number(id_number)
    found = [m for m in visitors.search(session, id_number) if m.masked_id == masked]
    return found[0] if len(found) == 1 else None


# -- a returning visitor ------------------------------------------------------------------


@dataclass(frozen=True)
class FinalMatter:
    """A matter closed at the third level (三级终结): not taken up again."""

    number: str
    purpose: str
    reason: str


@dataclass(frozen=True)
class Returning:
    """A visitor picked from the search, with what the front desk needs to see of them."""

    match: VisitorMatch
    gender: str
    id_type: str
    township: str
    village: str
    address: str
    visits: list[visitors.VisitSummary]
    open_matters: list[cases.OpenMatter]
    final_matters: list[FinalMatter]

    def open_matter(self, purpose: str) -> cases.OpenMatter | None:
        """The open case the same kind of matter, raised again, belongs to."""
        return next((m for m in self.open_matters if m.purpose == purpose), None)

    def final_matter(self, purpose: str) -> FinalMatter | None:
        return next((m for m in self.final_matters if m.purpose == purpose), None)


def load_returning(session: Session, match: VisitorMatch, today: dt.date) -> Returning:
    visitor = session.get_one(Visitor, match.id)
    return Returning(
        match=match,
        gender=visitor.gender,
        id_type=visitor.id_type,
        township=visitor.township,
        village=visitor.village,
        address=visitor.address,
        visits=visitors.history(session, match.id),
        open_matters=cases.open_matters(session, match.id, today),
        final_matters=[
            FinalMatter(case.number, case.purpose, cases.final_closure_reason(case))
            for case in cases.finally_closed(session, match.id)
        ],
    )


def shown_summary(purpose_code: str, summary: str, user: User) -> str | None:
    """The summary as this user may see it; None when it is an accusation they may not read."""
    if purpose_code in cases.CONFIDENTIAL_PURPOSES and not cases.may_read_confidential(user):
        return None
    return summary


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

    def show_failure(self, reason: str) -> None:
        self.heading.setText(
            self.tr("The search could not reach the database: {reason}").format(reason=reason)
        )

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


@dataclass(frozen=True)
class LookedUp:
    """A visit as its receipt's look-up shows it: the ticket, where it stands, its case."""

    code: str
    query_code: str
    created_at: dt.datetime
    visitor_name: str
    channel: str
    purpose: str
    summary: str | None  # None: an accusation this user may not read
    ticket: queue.TicketView | None
    ticket_of_today: bool
    ahead: int | None  # while the ticket waits in today's queue
    case: visitors.VisitCase | None


def look_up(session: Session, code: str, user: User, today: dt.date) -> LookedUp:
    """The visit a receipt names (its barcode or query code); NotFound if none. The people
    ahead are counted only for a ticket of today's queue."""
    visit = visitors.visit_by_code(session, code)
    tickets = queue.visit_tickets(session, visit)
    latest = tickets[-1] if tickets else None
    of_today = latest is not None and latest.service_date == today
    waiting_today = of_today and latest is not None and latest.status == queue.WAITING
    return LookedUp(
        code=visit.code,
        query_code=visit.query_code,
        created_at=visit.created_at,
        visitor_name=visit.visitor.name,
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        summary=shown_summary(visit.purpose, visit.summary, user),
        ticket=queue.view(latest) if latest else None,
        ticket_of_today=of_today,
        ahead=queue.people_ahead(session, latest) if latest and waiting_today else None,
        case=visitors.case_of_visit(session, visit.id),
    )


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
        self.form.addRow(self.tr("Ticket"), self.ticket_label)
        self.form.addRow(self.tr("Now"), self.standing_label)
        self.form.addRow(self.tr("Case"), self.case_label)
        for label in (
            self.visit_label,
            self.visitor_label,
            self.matter_label,
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
                    self.tr("{status}, {count} waiting ahead").format(
                        status=ticket.status_name, count=found.ahead
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
