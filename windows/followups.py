"""The window's follow-ups (回访) whose day has come, and the result of each call or visit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.window_models import FOLLOW_UP_METHOD_NAMES
from hall import clock, followup
from kit.context import AppContext, HallEvent
from kit.dates import date_edit
from kit.export import ExportColumn
from kit.lazy_table import CENTRE, Column
from windows.panel_kit import FormDialog, ListPage

NEXT_DAYS = 30


class FollowUpDialog(FormDialog):
    """What the follow-up found; stays open, with what was typed, until it is saved."""

    def __init__(self, ctx: AppContext, row: followup.FollowUpRow, parent: QWidget) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setWindowTitle(
            self.tr("Follow-up of {visitor}").format(visitor=row.visitor_name or row.visit_code)
        )
        self.method_combo = QComboBox()
        for code, name in FOLLOW_UP_METHOD_NAMES.items():
            self.method_combo.addItem(name, code)
        self.result_edit = QPlainTextEdit()
        self.result_edit.setTabChangesFocus(True)
        self.result_edit.setPlaceholderText(self.tr("What the visitor said; how the matter stands"))
        self.next_check = QCheckBox(self.tr("Follow up again on"))
        today = clock.now().date()
        self.next_date = date_edit(
            today + dt.timedelta(days=NEXT_DAYS), earliest=today + dt.timedelta(days=1)
        )
        self.next_date.setEnabled(False)
        self.next_subject_edit = QLineEdit(row.subject if not row.withheld else "")
        self.next_subject_edit.setEnabled(False)
        self.next_check.toggled.connect(self.next_date.setEnabled)
        self.next_check.toggled.connect(self.next_subject_edit.setEnabled)
        buttons = self.button_row(self.tr("Save the result"), self.tr("Back"))
        self.save_button.clicked.connect(self.save)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_check)
        next_row.addWidget(self.errors.field("follow_up_on", self.next_date))
        next_row.addWidget(self.errors.field("follow_up_subject", self.next_subject_edit), 1)

        form = QFormLayout(self)
        form.addRow(self.tr("About"), QLabel(row.subject))
        form.addRow(self.tr("Phone"), QLabel(row.phone or "—"))
        form.addRow(self.tr("&How"), self.errors.field("method", self.method_combo))
        form.addRow(self.tr("&Result"), self.errors.field("result", self.result_edit))
        form.addRow(next_row)
        form.addRow(self.summary)
        form.addRow(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.result_edit.setFocus()

    def save(self) -> None:
        next_on = self.next_date.date().toPython() if self.next_check.isChecked() else None

        def work(s: Session) -> object:
            return followup.record_result(
                s,
                self.row.id,
                str(self.method_combo.currentData()),
                self.result_edit.toPlainText(),
                self.ctx.user,
                next_on=next_on,  # type: ignore[arg-type]
                next_subject=self.next_subject_edit.text(),
            )

        self.write(self.ctx.database, work)


class FollowUpPage(ListPage[followup.FollowUpRow]):
    """The follow-ups due at this window, the longest waiting first."""

    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.window_code = window_code
        self.dialog: FollowUpDialog | None = None
        self.count = 0
        self.summary_label = QLabel()
        self.show_rows(
            [
                Column(self.tr("Due"), lambda r: r.due_on.isoformat(), CENTRE),
                Column(
                    self.tr("Late"),
                    lambda r: self.tr("{days} d").format(days=r.days_late) if r.days_late else "",
                    CENTRE,
                ),
                Column(self.tr("Visit"), lambda r: r.visit_code),
                Column(self.tr("Visitor"), lambda r: r.visitor_name),
                Column(self.tr("Phone"), lambda r: r.phone),
                Column(self.tr("What to find out"), lambda r: r.subject),
            ],
            stretch=5,
        )
        self.view.activated.connect(self._open)
        self.record_button = QPushButton(self.tr("Record the result…"))
        self.record_button.clicked.connect(lambda: self._open(self.view.currentIndex()))
        self.export_button = self.excel_button(
            "回访",
            [
                ExportColumn("应回访日期", lambda r: r.due_on, 11),
                ExportColumn("逾期天数", lambda r: r.days_late, 8),
                ExportColumn("状态", lambda r: r.state_name, 8),
                ExportColumn("窗口", lambda r: r.window_name, 10),
                ExportColumn("来访编号", lambda r: r.visit_code, 16),
                ExportColumn("来访人", lambda r: r.visitor_name, 10),
                ExportColumn("联系电话", lambda r: r.phone, 14),
                ExportColumn("回访事项", lambda r: r.subject, 40),
            ],
        )
        self.export_button.told.connect(self.summary_label.setText)
        row = QHBoxLayout()
        row.addWidget(self.summary_label, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.view, 1)
        ctx.events.received.connect(self._event)

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[followup.FollowUpRow]:
        return followup.due(s, self.window_code, clock.now().date(), self.ctx.user, offset, limit)

    def _count(self, s: Session) -> int:
        return followup.count_due(s, self.window_code, clock.now().date())

    def _counted(self, count: int) -> None:
        self.count = count
        self.summary_label.setText(
            self.tr("{count} follow-ups due today or overdue.").format(count=self.count)
            if self.count
            else self.tr("No follow-up is due.")
        )
        self.record_button.setEnabled(self.count > 0)
        if self.count and not self.view.currentIndex().isValid():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self.count_changed.emit(self.count)

    def _event(self, event: HallEvent) -> None:
        if event.entity == "follow_up" and event.payload.get("window") == self.window_code:
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        dialog = FollowUpDialog(self.ctx, self.model.row(index.row()), self)
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
