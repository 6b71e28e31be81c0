"""The letters desk's inbox of the township stations' requests (群众工作站报送, channel 网信): the
requests not yet answered, newest first; the officer's reply goes back to the station, whose
screen shows it against its entry."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.event_kinds import EventKind
from hall.mechanisms import stations
from hall.mechanisms.stations import EntryRow
from kit.context import AppContext, HallEvent
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, Problem

STATION_KINDS = frozenset({EventKind.STATION_ENTRY, EventKind.STATION_REPLY})


def station_requests_title() -> str:
    return QCoreApplication.translate("StationRequestsPage", "Station requests")


class StationRequestsPage(QWidget):
    replied = Signal(int)  # the station entry's id

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[EntryRow] = []
        layout = QVBoxLayout(self)
        self.count = QLabel()
        self.count.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.count)
        self.table = list_table(
            [
                self.tr("Arrived"),
                self.tr("Station"),
                self.tr("Township"),
                self.tr("Who raised it"),
                self.tr("What it is"),
            ],
            4,
            Picking.ONE_ROW,
        )
        self.table.itemSelectionChanged.connect(self._chosen_changed)
        layout.addWidget(self.table, 1)
        self.chosen_text = QLabel()
        self.chosen_text.setWordWrap(True)
        layout.addWidget(self.chosen_text)
        row = QHBoxLayout()
        self.reply_text = QPlainTextEdit()
        self.reply_text.setPlaceholderText(self.tr("The answer the station passes on"))
        self.reply_text.setFixedHeight(70)
        row.addWidget(self.reply_text, 1)
        self.reply_button = QPushButton(self.tr("Reply to the station"))
        self.reply_button.clicked.connect(self.reply)
        row.addWidget(self.reply_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        ctx.events.received.connect(self._event)
        self.refresh()

    def _event(self, event: HallEvent) -> None:
        if event.kind in STATION_KINDS:
            self.refresh()

    def refresh(self) -> None:
        Operation(self, self.ctx.database, stations.letters_inbox, read_only=True).success(
            self._show
        ).failure(self._failed).run()

    def _show(self, rows: list[EntryRow]) -> None:
        chosen = self.chosen()
        self.rows = rows
        self.count.setText(
            self.tr("Requests from the stations awaiting a reply: {count}").format(count=len(rows))
        )
        fill_cells(
            self.table,
            [
                [
                    r.arrived_at.strftime("%Y-%m-%d %H:%M"),
                    r.station,
                    r.township,
                    r.person,
                    r.content,
                ]
                for r in rows
            ],
        )
        for n, row in enumerate(rows):
            if chosen is not None and row.id == chosen.id:
                self.table.selectRow(n)
        self._chosen_changed()

    def chosen(self) -> EntryRow | None:
        row = self.table.currentRow()
        if not self.table.selectedItems() or not 0 <= row < len(self.rows):
            return None
        return self.rows[row]

    def _chosen_changed(self) -> None:
        row = self.chosen()
        self.chosen_text.setText(f"{row.person}：{row.content}" if row else "")

    def _failed(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def reply(self) -> None:
        row = self.chosen()
        if row is None:
            self.message.setText(self.tr("Choose a request in the list first."))
            return
        text, user = self.reply_text.toPlainText(), self.ctx.user

        def work(s: Session) -> int:
            return stations.reply(s, row.id, text, user).id

        def done(entry_id: int) -> None:
            self.reply_text.clear()
            self.message.setText(
                self.tr("The reply to {station} is sent.").format(station=row.station)
            )
            self.refresh()
            self.replied.emit(entry_id)

        Operation(self, self.ctx.database, work).success(done).failure(self._failed).run()
