"""What a leader leads (包案), on his or her home page: the open formal cases (信访事项) and the
register entries (排查化解) together, each marked as which, nearest deadline first, the overdue
ones in the alert red. A case opened (double-click or Enter) shows as the letters desk shows it;
an entry shows what it is and every progress note. The logged-in user is the leader whose name
is on the leaders' list (the 领导接访 duty roster), as the meeting names them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hall import clock
from hall.deadlines import Alert
from hall.mechanisms import leading
from hall.mechanisms.leading import CASE, LedRow
from kit.alerts import alert_colours
from kit.context import AppContext, HallEvent
from kit.list_table import Picking, list_table
from kit.operations import Operation, Problem
from windows.letters.case_dialog import CaseDialog
from windows.mechanisms.overdue import VISIBLE_ROWS, open_dispute

# What the home page reads: None when the user's name is not on the leaders' list.
Led = list[LedRow] | None


class LedEntries(QWidget):
    """The logged-in leader's own 包案 cases and entries, a few rows high (the page is
    shared)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[LedRow] = []
        self.dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        # Not wrapped: a wrapping label makes the home page ask for its preferred height.
        self.title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.title)
        self.title.setToolTip(self.tr("Nearest deadline first; overdue ones in red"))
        self.table: QTableWidget = list_table(
            [
                self.tr("Kind"),
                self.tr("Number"),
                self.tr("Parties"),
                self.tr("State or risk"),
                self.tr("Deadline"),
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
        if event.kind.startswith("dispute.") or event.entity == "case":
            self.refresh()

    def refresh(self) -> None:
        name, today = self.ctx.user.name.strip(), clock.now().date()

        Operation(
            self,
            self.ctx.database,
            lambda s: leading.led_home(s, name, today),
            read_only=True,
        ).success(self._show).failure(self._failed).run()

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
            # Half the page's width holds the deadline only without the place and the unit,
            # which the row's tip and the opened case or entry tell.
            tip = "　".join(part for part in (r.place, r.unit) if part)
            for column, text in enumerate(self._cells(r, today)):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                if r.overdue and red is not None:
                    item.setBackground(red[0])
                    item.setForeground(red[1])
                self.table.setItem(number, column, item)

    def _cells(self, r: LedRow, today: dt.date) -> list[str]:
        if r.due_on is None:
            due, left = self.tr("not set"), ""
        elif r.overdue:
            due = r.due_on.isoformat()
            left = self.tr("{days} days overdue").format(days=(today - r.due_on).days)
        else:
            due, left = r.due_on.isoformat(), str((r.due_on - today).days)
        kind = self.tr("Formal case") if r.kind == CASE else self.tr("Register entry")
        return [kind, r.number, r.parties, r.standing, due, left]

    def open_entry(self, row: int) -> QDialog | None:
        """The case as the letters desk shows it, or the register entry, over the page."""
        if not 0 <= row < len(self.rows):
            return None
        chosen = self.rows[row]
        if chosen.kind == CASE:
            dialog = CaseDialog(self.ctx, chosen.id, self)
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()
            self.dialog = dialog
        else:
            self.dialog = open_dispute(self, self.ctx, chosen.id, self._failed)
        return self.dialog
