"""The letters desk's case list: a summary strip of the alerts, filters, and the cases read a
page at a time, each row coloured by how much of its time limit is used; the chosen case
opens beside the list.

Lists never show an accusation's petitioner or matter (``hall.cases.row`` blanks them for
everyone); only opening the case, which is logged, shows it to those allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.case_models import STATE_NAMES
from db.engine import Session
from db.event_kinds import EventKind
from hall import case_views, cases, clock
from hall.case_views import AlertSummary
from hall.cases import CaseRow
from hall.deadlines import ALERT_NAMES, Alert
from kit.alerts import ALERT_COLOURS, alert_colours
from kit.context import AppContext, HallEvent
from kit.export import Export, ExportButton, ExportColumn, every_row, sheet
from kit.lazy_table import CENTRE, Column, LazyTableModel
from kit.operations import Operation, Problem
from printing.spreadsheet import Sheet
from windows.deadline_notices import ADJUSTED, DeadlineNotice, notice_for
from windows.letters.case_view import CaseViewPage

ALERT_COLUMN = 7
# What the court does with a hand-off the letters desk made (hall.court's event kinds).
COURT_DECISIONS = frozenset({EventKind.COURT_ACCEPTED, EventKind.COURT_RETURNED})


def case_columns(on: dt.date) -> list[ExportColumn[CaseRow]]:
    """The file's columns on ``on``: what the list shows, with the unit, officer and 包案领导
    it has no room for."""
    return [
        ExportColumn("编号", lambda r: r.number, 16),
        ExportColumn("状态", lambda r: r.state_name, 8),
        ExportColumn("信访目的", lambda r: r.purpose_name, 10),
        ExportColumn("信访人", lambda r: r.petitioner, 10),
        ExportColumn("事由摘要", lambda r: r.summary, 40),
        ExportColumn("承办单位", lambda r: r.unit or "", 18),
        ExportColumn("承办人", lambda r: r.officer or "", 10),
        ExportColumn("包案领导", lambda r: r.leader, 10),
        ExportColumn("登记日期", lambda r: r.received_on, 11),
        ExportColumn("期限", lambda r: r.due_on, 11),
        ExportColumn("预警", lambda r: r.alert_name, 8),
        ExportColumn("剩余天数", lambda r: (r.due_on - on).days if r.due_on else None, 8),
    ]


class LetterCaseTableModel(LazyTableModel[CaseRow]):
    """Case rows painted in their alert's colours."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            index.isValid()
            and index.row() < self.rowCount()
            and role
            in (
                Qt.ItemDataRole.BackgroundRole,
                Qt.ItemDataRole.ForegroundRole,
            )
        ):
            colours = alert_colours(self.row(index.row()).alert)
            if colours is None:
                return None
            return colours[0] if role == Qt.ItemDataRole.BackgroundRole else colours[1]
        return super().data(index, role)


def _days(row: CaseRow, on: dt.date) -> str:
    if row.due_on is None:
        return ""
    left = (row.due_on - on).days
    return str(left)


class LetterCasesPage(QWidget):
    """The case list on the left, the chosen case on the right."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = clock.now().date()
        layout = QVBoxLayout(self)

        self.strip = QHBoxLayout()
        self.strip_labels: dict[Alert, QLabel] = {}
        for level in ALERT_COLOURS:
            label = QLabel()
            background, text = ALERT_COLOURS[level]
            label.setStyleSheet(
                f"background: {background}; color: {text}; padding: 4px 10px; border-radius: 3px;"
            )
            self.strip_labels[level] = label
            self.strip.addWidget(label)
        self.strip.addStretch(1)
        layout.addLayout(self.strip)
        self.calendar_warning = QLabel()
        self.calendar_warning.setObjectName("calendarWarning")
        self.calendar_warning.setWordWrap(True)
        self.calendar_warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.calendar_warning.hide()
        layout.addWidget(self.calendar_warning)
        self.notice = DeadlineNotice()
        layout.addWidget(self.notice)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("State")))
        self.state_filter = QComboBox()
        self.state_filter.addItem(self.tr("All"), None)
        for code, name in STATE_NAMES.items():
            self.state_filter.addItem(name, code)
        self.state_filter.currentIndexChanged.connect(self.reload)
        filters.addWidget(self.state_filter)
        self.mine_only = QCheckBox(self.tr("&Mine only"))
        self.mine_only.toggled.connect(self.reload)
        filters.addWidget(self.mine_only)
        filters.addSpacing(20)
        filters.addWidget(QLabel(self.tr("Case number or barcode")))
        self.find_edit = QLineEdit()
        self.find_edit.setPlaceholderText("XF2026-0001")
        self.find_edit.returnPressed.connect(self.find_case)
        filters.addWidget(self.find_edit, 1)
        self.export_button = ExportButton(ctx, self._export, self)
        self.export_button.told.connect(self._say)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)

        on = self.today
        columns: list[Column[CaseRow]] = [
            Column(self.tr("Number"), lambda r: r.number),
            Column(self.tr("State"), lambda r: r.state_name, CENTRE),
            Column(self.tr("Purpose"), lambda r: r.purpose_name, CENTRE),
            Column(self.tr("Petitioner"), lambda r: r.petitioner),
            Column(self.tr("Summary"), lambda r: r.summary),
            Column(self.tr("Received"), lambda r: r.received_on.isoformat(), CENTRE),
            Column(self.tr("Due"), lambda r: r.due_on.isoformat() if r.due_on else "", CENTRE),
            Column(self.tr("Alert"), lambda r: r.alert_name, CENTRE),
            Column(self.tr("Days left"), lambda r: _days(r, on), CENTRE),
        ]
        self.model = LetterCaseTableModel(columns, self._fetch, parent=self)
        self.table = QTableView()
        self.table.setObjectName("caseList")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._open_row)
        self.table.doubleClicked.connect(self._open_row)
        open_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        open_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        open_shortcut.activated.connect(lambda: self._open_row(self.table.currentIndex()))

        self.view = CaseViewPage(ctx)
        # On 1024 pixels the list gives way to the case, down to its number and state; the
        # case keeps the width of its details and actions.
        self.view.setMinimumWidth(self.fontMetrics().height() * 38)
        self.view.changed.connect(lambda _id: self.reload())
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([800, 640])
        layout.addWidget(splitter, 1)

        ctx.events.received.connect(self._event)
        ctx.events.connection_restored.connect(self.reload)
        self.reload()

    def _officer(self) -> int | None:
        return self.ctx.user.id if self.mine_only.isChecked() else None

    def _fetch(self, offset: int, limit: int) -> Sequence[CaseRow]:
        state, officer, today = self.state_filter.currentData(), self._officer(), self.today
        read = Operation(
            self,
            self.ctx.database,
            lambda s: cases.list_cases(
                s, today, state=state, officer_id=officer, limit=limit, offset=offset
            ),
            read_only=True,
        )
        return read.failure(self._problem).run() or []

    def _export(self) -> Export:
        """The cases the list shows, its filters applied, read by the list's own function (so
        an accusation's petitioner and matter are withheld in the file as on the screen)."""
        state, officer, today = self.state_filter.currentData(), self._officer(), self.today
        filters = [self.state_filter.currentText()]
        if officer is not None:
            filters.append(f"{self.ctx.user.name}承办")
        caption = f"信访事项（{'，'.join(filters)}；导出于 {clock.now():%Y-%m-%d %H:%M}）"

        def sheets(s: Session) -> list[Sheet]:
            rows = every_row(
                lambda offset, limit: cases.list_cases(
                    s, today, state=state, officer_id=officer, limit=limit, offset=offset
                )
            )
            return [sheet("信访事项", case_columns(today), rows, [caption])]

        return Export(f"信访事项_{clock.now():%Y%m%d}", sheets)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def reload(self) -> None:
        self.today = clock.now().date()
        self.message.hide()
        self.model.reload()
        today, officer = self.today, self._officer()
        Operation(
            self,
            self.ctx.database,
            lambda s: case_views.alert_summary(s, today, officer),
            read_only=True,
        ).success(self._summarised).failure(self._problem).run()

    def _summarised(self, summary: AlertSummary) -> None:
        for level, label in self.strip_labels.items():
            label.setText(
                self.tr("{alert}: {count}").format(
                    alert=ALERT_NAMES[level], count=summary.counts.get(level, 0)
                )
            )
        self.calendar_warning.setText(summary.calendar_warning)
        self.calendar_warning.setVisible(bool(summary.calendar_warning))

    def _problem(self, problem: Problem) -> None:
        self.message.setText(problem.message)
        self.message.show()

    def _event(self, event: HallEvent) -> None:
        told = notice_for(event, self.ctx.user.id)
        if told is not None:
            self.notice.tell(told)
        if event.entity == "case":
            self.reload()
            opened = self.view.case
            if event.kind == ADJUSTED and opened is not None and opened.id == event.entity_id:
                # The open case shows its new limit and the move on its timeline.
                self.view.reload()
        elif event.kind in COURT_DECISIONS and self._open_case_at_court():
            # The clerk took the matter over or sent it back: the case shows where it stands.
            self.view.reload()

    def _open_case_at_court(self) -> bool:
        case = self.view.case
        return case is not None and case.court_handoff is not None

    def _open_row(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_case(self.model.row(index.row()).id)

    def open_case(self, case_id: int) -> None:
        self.view.open_case(case_id)

    def find_case(self) -> None:
        text = self.find_edit.text().strip()
        if not text:
            return
        Operation(
            self, self.ctx.database, lambda s: cases.by_number(s, text).id, read_only=True
        ).success(self._found).failure(self._problem).run()

    def _found(self, case_id: int) -> None:
        self.message.hide()
        self.open_case(case_id)
