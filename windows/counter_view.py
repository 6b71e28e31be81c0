"""What a window's workstation shows: the line above it, the waiting list, the visitor at the
counter with their registration and history, and the column where the service is recorded.
:class:`windows.base.WindowWorkstation` adds the actions on them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hall import clock, counter, outcomes, queue
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.fit import scrolled_content
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.list_table import Picking, columns_read_whole, list_table, list_view
from kit.operations import Operation
from windows.followups import FollowUpPage
from windows.outcome_form import OutcomeBox, WindowPanel
from windows.panel_kit import quietly


def desk_heading(parts: Sequence[str], font: QFont) -> QLabel:
    """The line above a desk: where it is and who works there (the empty parts left out), in
    a larger bold ``font``."""
    heading = QLabel("　·　".join(p for p in parts if p))
    large = QFont(font)
    large.setPointSize(max(large.pointSize(), 9) + 5)
    large.setBold(True)
    heading.setFont(large)
    return heading


def minutes_waited(ticket: queue.TicketView) -> int:
    """From taking a place in the queue (kept across transfers) to being called, or to now."""
    until = ticket.called_at or clock.now()
    return max(0, int((until - ticket.queued_at).total_seconds() // 60))


class CounterView(QWidget):
    """The workstation's widgets and how they show the counter; built by the workstation."""

    current_changed = Signal(object)  # CounterTicket, or None when the counter is free

    ctx: AppContext
    seat: int | None
    window_code: str
    window_name: str
    window_location: str
    panel: WindowPanel | None
    outcome_box: OutcomeBox
    follow_ups: FollowUpPage
    tabs: QTabWidget
    _reason_names: dict[str, str]
    current: counter.CounterTicket | None
    card: outcomes.VisitCard | None
    _current_id: int | None
    # The actions' buttons, made by the workstation; enabled here by the ticket's state.
    call_button: QPushButton
    recall_button: QPushButton
    no_show_button: QPushButton
    start_button: QPushButton
    finish_button: QPushButton
    court_button: QPushButton
    transfer_button: QPushButton
    cancel_button: QPushButton
    out_of_turn_button: QPushButton
    requeue_button: QPushButton

    def _build_header(self) -> QLabel:
        parts = [self.window_name, self.window_location]
        if self.seat is not None:
            parts.append(self.tr("Seat {seat}").format(seat=self.seat))
        # Who is logged in is said once, in the main window's status bar.
        return desk_heading(parts, self.font())

    def _build_counter_page(self) -> QWidget:
        page = QWidget()
        columns = QHBoxLayout(page)
        columns.setContentsMargins(0, 4, 0, 0)
        columns.addWidget(self._build_waiting_list(), 2)
        columns.addWidget(self._build_counter(), 4)
        columns.addWidget(self._build_record(), 5)
        return page

    def _build_waiting_list(self) -> QGroupBox:
        self.waiting_box = QGroupBox()
        columns: list[Column[queue.TicketView]] = [
            Column(self.tr("Number"), lambda t: t.number, CENTRE),
            Column(self.tr("Name"), lambda t: t.visitor_name),
            Column(
                self.tr("Priority"), lambda t: self._reason_names.get(t.priority_reason or "", "")
            ),
            Column(
                self.tr("Waiting"),
                lambda t: self.tr("{minutes} min").format(minutes=minutes_waited(t)),
                CENTRE,
            ),
        ]
        self.waiting_model = LazyTableModel(columns, self._fetch_waiting, parent=self)
        self.waiting_view = list_view(self.waiting_model, stretch=1, picking=Picking.ROWS)
        columns_read_whole(self.waiting_view)
        self.waiting_view.setToolTip(
            self.tr("Double-click or press Enter on a visitor to call them out of turn")
        )
        layout = QVBoxLayout(self.waiting_box)
        layout.addWidget(self.waiting_view)
        return self.waiting_box

    def _build_counter(self) -> QGroupBox:
        box = QGroupBox(self.tr("At the counter"))
        layout = QVBoxLayout(box)
        self.number_label = QLabel("—")
        big = QFont(self.font())
        big.setPointSize(max(big.pointSize(), 9) * 3)
        big.setBold(True)
        self.number_label.setFont(big)
        self.state_label = QLabel(self.tr("Free: press F1 to call the next visitor."))
        emphasis = QFont(self.font())
        emphasis.setPointSize(max(emphasis.pointSize(), 9) + 3)
        self.state_label.setFont(emphasis)
        self.state_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.number_label)
        top.addWidget(self.state_label, 1)
        layout.addLayout(top)

        details = QFormLayout()
        self.name_value = QLabel()
        self.id_value = QLabel()
        self.contact_value = QLabel()
        self.contact_value.setWordWrap(True)
        self.matter_value = QLabel()
        self.matter_value.setWordWrap(True)
        self.priority_value = QLabel()
        self.queued_value = QLabel()
        self.summary_value = QLabel()
        self.summary_value.setWordWrap(True)
        self.request_value = QLabel()
        self.request_value.setWordWrap(True)
        self.cases_value = QLabel()
        self.cases_value.setWordWrap(True)
        details.addRow(self.tr("Visitor"), self.name_value)
        details.addRow(self.tr("ID number"), self.id_value)
        details.addRow(self.tr("Contact"), self.contact_value)
        details.addRow(self.tr("Matter"), self.matter_value)
        details.addRow(self.tr("Priority"), self.priority_value)
        details.addRow(self.tr("Queued"), self.queued_value)
        details.addRow(self.tr("Summary"), self.summary_value)
        details.addRow(self.tr("Request"), self.request_value)
        details.addRow(self.tr("Open cases"), self.cases_value)
        layout.addLayout(details)

        self.history_label = QLabel(self.tr("Earlier visits"))
        self.history_table = list_table(
            [
                self.tr("Date"),
                self.tr("Window"),
                self.tr("Matter"),
                self.tr("What it came to"),
                self.tr("Rating"),
            ],
            stretch=2,
            picking=Picking.ROWS,
        )
        self.history_table.setWordWrap(False)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history_table, 1)
        return box

    def _build_record(self) -> QWidget:
        column = QWidget()
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        if self.panel is not None:
            layout.addWidget(self.panel)
        layout.addWidget(self.outcome_box)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            self.tr("What was done; saved with the outcome when you finish (F5)")
        )
        notes_label = QLabel(self.tr("&Notes"))
        notes_label.setBuddy(self.notes_edit)
        layout.addWidget(notes_label)
        layout.addWidget(self.notes_edit, 1)
        return column

    def _fetch_waiting(self, offset: int, limit: int) -> Sequence[queue.TicketView]:
        day = clock.now().date()
        page = Operation(
            self,
            self.ctx.database,
            lambda s: counter.waiting_views(s, self.window_code, day, offset, limit),
            read_only=True,
        )
        return page.failure(quietly).run() or []

    def _show_current(self, current: counter.CounterTicket | None) -> None:
        self.current = current
        self._current_id = current.ticket.id if current else None
        status = current.ticket.status if current else None
        card = self.card if current is not None else None
        if current is None:
            self.number_label.setText("—")
            self.state_label.setText(self.tr("Free: press F1 to call the next visitor."))
        else:
            t = current.ticket
            self.number_label.setText(t.number)
            state = t.status_name
            if t.recall_count:
                state += "　" + self.tr("recalled {count}×").format(count=t.recall_count)
            self.state_label.setText(state)
            self.priority_value.setText(current.priority or self.tr("none"))
            self.queued_value.setText(
                self.tr("{time}, waited {minutes} min").format(
                    time=t.queued_at.strftime("%H:%M"), minutes=minutes_waited(t)
                )
            )
        self._show_card(card, current)
        free = status is None or status in queue.TERMINAL
        self.call_button.setEnabled(free)
        self.out_of_turn_button.setEnabled(free)
        self.requeue_button.setEnabled(status == queue.NO_SHOW)
        self.recall_button.setEnabled(status == queue.CALLED)
        self.no_show_button.setEnabled(status == queue.CALLED)
        self.start_button.setEnabled(status == queue.CALLED)
        self.finish_button.setEnabled(status == queue.SERVING)
        self.court_button.setEnabled(status == queue.SERVING and card is not None)
        self.transfer_button.setEnabled(status in (queue.CALLED, queue.SERVING))
        self.cancel_button.setEnabled(status == queue.CALLED)
        self.current_changed.emit(current)

    def _show_card(
        self, card: outcomes.VisitCard | None, current: counter.CounterTicket | None
    ) -> None:
        if current is None:
            for label in (self.priority_value, self.queued_value):
                label.clear()
        if card is None:
            for label in (
                self.name_value,
                self.id_value,
                self.contact_value,
                self.matter_value,
                self.summary_value,
                self.request_value,
                self.cases_value,
            ):
                label.clear()
            if current is not None:
                self.name_value.setText(current.ticket.visitor_name or self.tr("(not registered)"))
            self.history_table.setRowCount(0)
            self.history_label.setText(self.tr("Earlier visits"))
            return
        name = card.name
        if card.gender:
            name += f"（{card.gender}）"
        if card.proxy_name:
            name += "　" + self.tr("by proxy {proxy}").format(proxy=card.proxy_name)
        self.name_value.setText(name)
        self.id_value.setText(card.id_number or "—")
        self.contact_value.setText("　".join(p for p in (card.phone, card.address) if p) or "—")
        matter = f"{card.purpose}　{card.channel}"
        if card.group_size > 1:
            matter += "　" + self.tr("{count} people").format(count=card.group_size)
            if card.representatives:
                matter += (
                    "（"
                    + self.tr("representatives: {names}").format(
                        names="、".join(card.representatives)
                    )
                    + "）"
                )
        flags = [
            self.tr("litigation-related") if card.litigation else "",
            self.tr("urgent") if card.urgent else "",
            self.tr("confidential") if card.confidential else "",
        ]
        self.matter_value.setText("　".join(p for p in (matter, *flags) if p))
        self.summary_value.setText(card.summary or "—")
        self.summary_value.setStyleSheet(f"color: {ERROR_COLOUR};" if card.withheld else "")
        self.request_value.setText(card.request or "—")
        self.cases_value.setText("；".join(card.open_cases) or self.tr("none"))
        self.history_label.setText(
            self.tr("Earlier visits: {count}").format(count=len(card.history))
        )
        self.history_table.setRowCount(len(card.history))
        for row, entry in enumerate(card.history):
            cells = (
                entry.created_at.strftime("%Y-%m-%d"),
                entry.window_name,
                f"{entry.purpose}　{entry.summary}",
                entry.outcomes or "—",
                entry.rating or self.tr("unrated"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.history_table.setItem(row, column, item)

    def _follow_ups_counted(self, count: int) -> None:
        index = self.tabs.indexOf(self.follow_ups)
        title = (
            self.tr("Follow-ups ({count} due)").format(count=count)
            if count
            else self.tr("Follow-ups")
        )
        self.tabs.setTabText(index, title)

    def _tab_shown(self, index: int) -> None:
        page = scrolled_content(self.tabs.widget(index))
        reload = getattr(page, "refresh", None)
        counter_page = scrolled_content(self.tabs.widget(0))
        if page is not None and page is not counter_page and callable(reload):
            reload()
