"""The window's records (办理记录): every service and what it came to, searched and filtered a
page at a time, opened one by one, exported as CSV.

Lists and exports never carry an accusation's visitor or content; opening one shows it to
those allowed and logs the opening (:func:`hall.outcomes.read_record`).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from db.window_models import OUTCOME_NAMES
from desktop.widgets.context import AppContext
from desktop.widgets.fields import ERROR_COLOUR
from desktop.widgets.lazy_table import CENTRE, Column, LazyTableModel
from hall import clock, outcomes
from hall.errors import HallError
from windows.background import Background
from windows.record import qdate
from windows.save_file import ask_save_path

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30


def date_edit(day: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


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


class RecordsPage(QWidget):
    def __init__(self, ctx: AppContext, window_code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window_code = window_code
        self.dialog: RecordDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.wanted = outcomes.RecordFilter(window_code=window_code)

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Name, visit code, words of the summary or the notes")
        )
        self.search_edit.returnPressed.connect(self.search)
        self.outcome_combo = QComboBox()
        self.outcome_combo.addItem(self.tr("All outcomes"), "")
        for code, name in OUTCOME_NAMES.items():
            self.outcome_combo.addItem(name, code)
        today = clock.now().date()
        self.from_edit = date_edit(today - dt.timedelta(days=DEFAULT_DAYS))
        self.to_edit = date_edit(today)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.clicked.connect(self.export)
        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.outcome_combo, 1)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(self.search_button)
        filters.addWidget(self.export_button)

        columns: list[Column[outcomes.RecordRow]] = [
            Column(self.tr("Time"), lambda r: r.recorded_at.strftime("%m-%d %H:%M"), CENTRE),
            Column(self.tr("Number"), lambda r: r.ticket, CENTRE),
            Column(self.tr("Visitor"), lambda r: r.visitor_name),
            Column(self.tr("Matter"), lambda r: r.purpose),
            Column(self.tr("Summary"), lambda r: r.summary),
            Column(self.tr("Outcome"), lambda r: r.outcome_name),
            Column(self.tr("Unit"), lambda r: r.unit),
            Column(self.tr("Officer"), lambda r: r.officer),
            Column(self.tr("Rating"), lambda r: r.rating or self.tr("unrated")),
        ]
        self.model = LazyTableModel(columns, self._fetch, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setToolTip(self.tr("Double-click or press Enter to open a record"))
        self.view.activated.connect(self.open_record)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.count_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)

        self.background = Background(self)
        self.background.done.connect(self._exported)
        self.background.failed.connect(self._export_failed)

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
            start=self.from_edit.date().toPython(),  # type: ignore[arg-type]
            end=self.to_edit.date().toPython(),  # type: ignore[arg-type]
        )

    def _fetch(self, offset: int, limit: int) -> Sequence[outcomes.RecordRow]:
        with self.ctx.database.read() as s:
            return outcomes.search_records(s, self.wanted, self.ctx.user, offset, limit)

    def search(self) -> None:
        self.wanted = self._filter()
        self.refresh()

    def refresh(self) -> None:
        try:
            with self.ctx.database.read() as s:
                count = outcomes.count_records(s, self.wanted, self.ctx.user)
        except SQLAlchemyError:
            log.exception("records not read")
            return
        self.model.reload()
        self.count_label.setText(self.tr("{count} records").format(count=count))

    def open_record(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.row(index.row())
        try:
            # Opening an accusation is logged: a writing unit of work.
            with self.ctx.database.write() as s:
                detail = outcomes.read_record(s, row.id, self.ctx.user)
        except (HallError, SQLAlchemyError) as error:
            self.status_label.setText(str(error))
            return
        dialog = RecordDialog(detail, self)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def export(self) -> None:
        wanted = self._filter()
        suggested = f"办理记录_{wanted.start}_{wanted.end}.csv"
        self.file_dialog = ask_save_path(
            self,
            self.tr("Export the records"),
            suggested,
            self.tr("CSV files (*.csv)"),
            "csv",
            lambda path: self._export_to(path, wanted),
        )

    def _export_to(self, path: Path, wanted: outcomes.RecordFilter) -> None:
        database, viewer = self.ctx.database, self.ctx.user
        self.status_label.setText(self.tr("Exporting…"))

        def job() -> object:
            with database.read() as s:
                text = outcomes.export_records(s, wanted, viewer)
            path.write_text(text, encoding="utf-8")
            return path

        self.background.run(job)

    def _exported(self, path: object) -> None:
        self.status_label.setText(self.tr("Exported to {path}.").format(path=path))

    def _export_failed(self, reason: str) -> None:
        self.status_label.setText(reason)
