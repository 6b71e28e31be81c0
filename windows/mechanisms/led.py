"""The register entries a leader leads (包案), on his or her home page: nearest deadline first,
the overdue ones in the alert red; an entry opened (double-click or Enter) shows what it is
and every progress note. The logged-in user is the leader whose name is on the leaders' list
(the 领导接访 duty roster), as the meeting names them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from db.engine import Session
from hall import clock
from hall.deadlines import Alert
from hall.mechanisms import disputes
from hall.mechanisms.disputes import DisputeRow
from kit.alerts import alert_colours
from kit.context import AppContext, HallEvent
from kit.list_table import Picking, list_table
from kit.operations import Operation, Problem
from windows.mechanisms.overdue import VISIBLE_ROWS, DisputeDialog, open_dispute

# What the home page reads: None when the user's name is not on the leaders' list.
Led = list[DisputeRow] | None


class LedEntries(QWidget):
    """The logged-in leader's own 包案 entries, a few rows high (the page is shared)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DisputeRow] = []
        self.dialog: DisputeDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        # Not wrapped: a wrapping label makes the home page ask for its preferred height.
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.title.setToolTip(self.tr("Nearest deadline first; overdue ones in red"))
        self.table: QTableWidget = list_table(
            [
                self.tr("Number"),
                self.tr("Place"),
                self.tr("Parties"),
                self.tr("Risk"),
                self.tr("Unit"),
                self.tr("Settle by"),
                self.tr("Days left"),
            ],
            2,
            Picking.ONE_ROW,
        )
        header = self.table.horizontalHeader().sizeHint().height()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMaximumHeight(header + VISIBLE_ROWS * row + 4)
        self.table.doubleClicked.connect(lambda index: self.open_entry(index.row()))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self.open_entry(self.table.currentRow()))
        layout.addWidget(self.table)
        ctx.events.received.connect(self._event)
        self.refresh()

    def _event(self, event: HallEvent) -> None:
        if event.kind.startswith("dispute."):
            self.refresh()

    def refresh(self) -> None:
        name, today = self.ctx.user.name.strip(), clock.now().date()

        def read(s: Session) -> Led:
            if name not in disputes.leaders(s):
                return None
            return disputes.led_by(s, name, today)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).failure(
            self._failed
        ).run()

    def _failed(self, problem: Problem) -> None:
        self.title.setText(problem.message)

    def _show(self, rows: Led) -> None:
        self.rows = rows or []
        if rows is None:
            self.title.setText(
                self.tr("My entries (包案): {name} is not on the leaders' list.").format(
                    name=self.ctx.user.name
                )
            )
        elif rows:
            overdue = sum(r.overdue for r in rows)
            self.title.setText(
                self.tr(
                    "My entries (包案): {count}, {overdue} overdue (open one to see it)"
                ).format(count=len(rows), overdue=overdue)
            )
        else:
            self.title.setText(self.tr("My entries (包案): none open."))
        self.table.setVisible(bool(rows))
        today = clock.now().date()
        red = alert_colours(Alert.OVERDUE)
        self.table.setRowCount(len(self.rows))
        for number, r in enumerate(self.rows):
            for column, text in enumerate(self._cells(r, today)):
                item = QTableWidgetItem(text)
                if r.overdue and red is not None:
                    item.setBackground(red[0])
                    item.setForeground(red[1])
                self.table.setItem(number, column, item)

    def _cells(self, r: DisputeRow, today: dt.date) -> list[str]:
        if r.due_on is None:
            due, left = self.tr("not set"), ""
        elif r.overdue:
            due = r.due_on.isoformat()
            left = self.tr("{days} days overdue").format(days=(today - r.due_on).days)
        else:
            due, left = r.due_on.isoformat(), str((r.due_on - today).days)
        return [r.number, f"{r.township}{r.village}", r.parties, r.risk, r.unit, due, left]

    def open_entry(self, row: int) -> DisputeDialog | None:
        if not 0 <= row < len(self.rows):
            return None
        self.dialog = open_dispute(self, self.ctx, self.rows[row].id, self._failed)
        return self.dialog
