"""The window's records (办理记录): every service and what it came to, searched and filtered a
page at a time, opened one by one, exported to Excel.

Lists and exports never carry an accusation's visitor or content; opening one shows it to
those allowed and logs the opening (:func:`hall.outcomes.read_record`).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.window_models import OUTCOME_NAMES
from hall import outcomes
from kit.context import AppContext
from kit.export import ExportButton, ExportColumn
from kit.fields import ERROR_COLOUR
from kit.lazy_table import CENTRE, Column
from kit.operations import Operation, Problem
from windows.panel_kit import DEFAULT_DAYS, SearchPage


class RecordDialog(QDialog):
    """One record, opened: every line the window recorded."""

    def __init__(self, detail: outcomes.RecordDetail, parent: QWidget) -> None:
        super().__init__(parent)
        row = detail.row
        self.setWindowTitle(
            self.tr("{number} at {window}, {time}").format(
                number=row.ticket,
                window=row.window_name,
                time=row.recorded_at.strftime("%Y-%m-%d %H:%M"),
            )
        )
        form = QFormLayout(self)
        self.values: dict[str, QLabel] = {}
        if detail.withheld:
            notice = QLabel(
                self.tr("An accusation: its content is kept from you, and this opening is logged.")
            )
            notice.setWordWrap(True)
            notice.setStyleSheet(f"color: {ERROR_COLOUR};")
            form.addRow(notice)
        for label, text in detail.lines:
            value = QLabel(text or "—")
            value.setWordWrap(True)
            self.values[label] = value
            form.addRow(label, value)
        close = QPushButton(self.tr("Close"))
        close.setDefault(True)
        close.clicked.connect(self.accept)
        form.addRow(close)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)


class RecordsPage(SearchPage[outcomes.RecordRow, outcomes.RecordFilter]):
    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, outcomes.RecordFilter(window_code=window_code), DEFAULT_DAYS, parent)
        self.window_code = window_code
        self.dialog: RecordDialog | None = None
        # The upper bound of the last count, for its label: equal to the count when exact.
        self.at_most = 0

        self.search_edit.setPlaceholderText(
            self.tr("Name, visit code, words of the summary or the notes")
        )
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("All outcomes"), "")
        for code, name in OUTCOME_NAMES.items():
            self.outcome_combo.addItem(name, code)
        self.search_button.setText(self.tr("Search"))
        self.status_label = QLabel()
        self.export_button = self.export_button_for()
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.outcome_combo, 1)
        self.add_dates(filters, self.tr("From"), self.tr("to"))
        filters.addWidget(self.search_button)
        filters.addWidget(self.export_button)

        self.show_rows(
            [
                Column(self.tr("Time"), lambda r: r.recorded_at.strftime("%m-%d %H:%M"), CENTRE),
                Column(self.tr("Number"), lambda r: r.ticket, CENTRE),
                Column(self.tr("Visitor"), lambda r: r.visitor_name),
                Column(self.tr("Matter"), lambda r: r.purpose),
                Column(self.tr("Summary"), lambda r: r.summary),
                Column(self.tr("Outcome"), lambda r: r.outcome_name),
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Officer"), lambda r: r.officer),
                Column(self.tr("Rating"), lambda r: r.rating or self.tr("unrated")),
            ],
            stretch=4,
        )
        self.view.setToolTip(self.tr("Double-click or press Enter to open a record"))
        self.view.activated.connect(self.open_record)
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        self.refresh()

    def _filter(self) -> outcomes.RecordFilter:
        return outcomes.RecordFilter(
            window_code=self.window_code,
            text=self.search_edit.text(),
            outcome=str(self.outcome_combo.currentData()),
            start=self.start(),
            end=self.end(),
        )

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[outcomes.RecordRow]:
        return outcomes.search_records(s, self.wanted, self.ctx.user, offset, limit)

    def _count(self, s: Session) -> int:
        found = outcomes.count_records(s, self.wanted, self.ctx.user)
        self.at_most = found.high
        return found.low

    def _counted(self, count: int) -> None:
        if count == self.at_most:
            self.count_label.setText(self.tr("{count} records").format(count=count))
            return
        # A common phrase of the summary, not every candidate checked: said as a range.
        self.count_label.setText(
            self.tr("at least {count} records (at most {high})").format(
                count=count, high=self.at_most
            )
        )

    def open_record(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row(index.row())
        # Opening an accusation is logged: a writing unit of work.
        opening = Operation(
            self, self.ctx.database, lambda s: outcomes.read_record(s, row.id, self.ctx.user)
        )
        opening.success(self._show_record).failure(self._not_opened).run()

    def _not_opened(self, problem: Problem) -> None:
        self.status_label.setText(problem.message)

    def _show_record(self, detail: outcomes.RecordDetail) -> None:
        dialog = RecordDialog(detail, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def export_button_for(self) -> ExportButton:
        button = self.excel_button(
            "办理记录",
            [
                ExportColumn("办理时间", lambda r: r.recorded_at, 17),
                ExportColumn("号码", lambda r: r.ticket, 8),
                ExportColumn("窗口", lambda r: r.window_name, 10),
                ExportColumn("来访编号", lambda r: r.visit_code, 16),
                ExportColumn("来访人", lambda r: r.visitor_name, 10),
                ExportColumn("诉求类别", lambda r: r.purpose, 10),
                ExportColumn("摘要", lambda r: r.summary, 40),
                ExportColumn("办理结果", lambda r: r.outcome_name, 12),
                ExportColumn("转交单位", lambda r: r.unit, 18),
                ExportColumn("经办人", lambda r: r.officer, 10),
                ExportColumn("评价", lambda r: r.rating or "未评价", 10),
            ],
        )
        button.told.connect(self.status_label.setText)
        return button
