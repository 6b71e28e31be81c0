"""The register's overdue entries (open past their target date), for the leaders' home page
and the supervisors' screen: a count and a short list; an entry opened (double-click or Enter)
shows what it is, who leads it and every progress note."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from hall import clock
from hall.mechanisms import disputes
from hall.mechanisms.disputes import DisputeDetail, DisputeRow
from kit.context import AppContext, HallEvent
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, Problem

# Rows shown before the list scrolls: the widget shares its page with others.
VISIBLE_ROWS = 4


def overdue_title() -> str:
    return QCoreApplication.translate("OverdueDisputes", "Overdue dispute entries")


class OverdueDisputes(QWidget):
    """``compact``: a few rows, for a page it shares; else the list takes the room it gets."""

    def __init__(
        self, ctx: AppContext, compact: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[DisputeRow] = []
        self.dialog: DisputeDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold; color: #C00000;")
        layout.addWidget(self.title)
        self.table = list_table(
            [
                self.tr("Number"),
                self.tr("Place"),
                self.tr("Parties"),
                self.tr("Risk"),
                self.tr("Leader"),
                self.tr("Unit"),
                self.tr("Due"),
            ],
            2,
            Picking.ONE_ROW,
        )
        if compact:
            header = self.table.horizontalHeader().sizeHint().height()
            row = self.table.verticalHeader().defaultSectionSize()
            self.table.setMaximumHeight(header + VISIBLE_ROWS * row + 4)
        self.table.doubleClicked.connect(lambda index: self.open_entry(index.row()))
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(lambda: self.open_entry(self.table.currentRow()))
        layout.addWidget(self.table, 0 if compact else 1)
        ctx.events.received.connect(self._event)
        self.refresh()

    def _event(self, event: HallEvent) -> None:
        if event.kind.startswith("dispute."):
            self.refresh()

    def refresh(self) -> None:
        Operation(self, self.ctx.database, disputes.overdue, read_only=True).success(
            self._show
        ).failure(self._failed).run()

    def _failed(self, problem: Problem) -> None:
        self.title.setText(problem.message)

    def _show(self, rows: list[DisputeRow]) -> None:
        self.rows = rows
        self.title.setText(
            self.tr("Dispute entries overdue and not settled: {count} (open one to see it)").format(
                count=len(rows)
            )
            if rows
            else self.tr("No dispute entry is overdue.")
        )
        self.table.setVisible(bool(rows))
        fill_cells(
            self.table,
            [
                [
                    r.number,
                    f"{r.township}{r.village}",
                    r.parties,
                    r.risk,
                    r.leader,
                    r.unit,
                    r.due_on.isoformat() if r.due_on else "",
                ]
                for r in rows
            ],
        )

    def open_entry(self, row: int) -> DisputeDialog | None:
        if not 0 <= row < len(self.rows):
            return None
        self.dialog = open_dispute(self, self.ctx, self.rows[row].id, self._failed)
        return self.dialog


def open_dispute(
    owner: QWidget, ctx: AppContext, dispute_id: int, failed: Callable[[Problem], None]
) -> DisputeDialog | None:
    """The entry in its read-only dialog over ``owner``, for every list that opens one."""
    opened: list[DisputeDialog] = []

    def show(detail: DisputeDetail) -> None:
        dialog = DisputeDialog(detail, owner)
        dialog.open()
        opened.append(dialog)

    Operation(
        owner,
        ctx.database,
        lambda s: disputes.detail(s, dispute_id, clock.now().date()),
        read_only=True,
    ).success(show).failure(failed).run()
    return opened[0] if opened else None


class DisputeDialog(QDialog):
    """One entry, read only: where, who, what, who leads it, by when, and its progress."""

    def __init__(self, detail: DisputeDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = detail.row
        self.setWindowTitle(self.tr("Dispute entry {number}").format(number=row.number))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        due = row.due_on.isoformat() if row.due_on else ""
        if row.overdue:
            due += self.tr(" (overdue)")
        fields = [
            (self.tr("Source"), row.source),
            (self.tr("Found on"), row.found_on.isoformat()),
            (self.tr("Place"), f"{row.township}{row.village}"),
            (self.tr("Parties"), row.parties),
            (self.tr("Category"), row.category),
            (self.tr("People involved"), str(row.people)),
            (self.tr("Risk"), row.risk),
            (self.tr("Leader in charge"), row.leader),
            (self.tr("Responsible unit"), row.unit),
            (self.tr("Person keeping it stable"), row.keeper),
            (self.tr("Assignment"), row.assignment_number),
            (self.tr("Settle by"), due),
        ]
        self.values: dict[str, QLabel] = {}
        for name, value in fields:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = label
            form.addRow(name, label)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("What happened")))
        summary = QPlainTextEdit(detail.summary)
        summary.setReadOnly(True)
        summary.setFixedHeight(70)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Progress")))
        self.progress = QPlainTextEdit(
            "\n".join(f"{day.isoformat()}  {text}" for day, text in detail.progress)
            or self.tr("No progress noted yet.")
        )
        self.progress.setReadOnly(True)
        layout.addWidget(self.progress, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 560)
