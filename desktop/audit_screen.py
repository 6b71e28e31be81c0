"""审计: the audit administrator reads the audit, filtered by user, kind and period, and exports
it to Excel. Nothing here changes an entry; reading it is all the audit administrator does."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from hall import audit, clock
from kit.context import AppContext
from kit.dates import date_edit
from kit.list_table import Picking, list_table
from kit.operations import Operation
from kit.save_file import ask_save_path

# The period shown at first: the last week, where an auditor's question usually is.
FIRST_DAYS = 7


def _day(edit_date: QDate) -> dt.date:
    return dt.date(edit_date.year(), edit_date.month(), edit_date.day())


class AuditScreen(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[audit.Row] = []
        today = clock.now().date()
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText(self.tr("Login (all when empty)"))
        self.login_edit.returnPressed.connect(self.search)
        self.kind_combo = QComboBox()
        self.start_edit = date_edit(today - dt.timedelta(days=FIRST_DAYS), latest=today)
        self.end_edit = date_edit(today, latest=today)
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.clicked.connect(self.search)
        self.more_button = QPushButton(self.tr("&More"))
        self.more_button.clicked.connect(self.more)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.clicked.connect(self.ask_export)
        self.table = list_table(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Workstation"),
                self.tr("Event"),
                self.tr("Object"),
                self.tr("Outcome"),
                self.tr("Details"),
            ],
            7,
            Picking.ROWS,
        )
        self.status_label = QLabel()

        filters = QHBoxLayout()
        for label, field in (
            (self.tr("User:"), self.login_edit),
            (self.tr("Event:"), self.kind_combo),
            (self.tr("From:"), self.start_edit),
            (self.tr("To:"), self.end_edit),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(field)
        filters.addWidget(self.search_button)
        filters.addStretch(1)
        filters.addWidget(self.export_button)
        footer = QHBoxLayout()
        footer.addWidget(self.status_label, 1)
        footer.addWidget(self.more_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)
        self._load_kinds()
        self.search()

    def wanted(self) -> audit.Filter:
        return audit.Filter(
            login=self.login_edit.text(),
            kind=str(self.kind_combo.currentData() or ""),
            start=_day(self.start_edit.date()),
            end=_day(self.end_edit.date()),
        )

    def _load_kinds(self) -> None:
        user = self.ctx.user

        def fill(kinds: list[tuple[str, str]]) -> None:
            self.kind_combo.clear()
            self.kind_combo.addItem(self.tr("All events"), "")
            for code, name in kinds:
                self.kind_combo.addItem(name, code)

        Operation(
            self, self.ctx.database, lambda s: audit.kinds_present(s, user), read_only=True
        ).success(fill).run()

    def search(self) -> None:
        self.rows = []
        self._fetch()

    def more(self) -> None:
        self._fetch()

    def _fetch(self) -> None:
        user, wanted, offset = self.ctx.user, self.wanted(), len(self.rows)

        def page(s: Session) -> tuple[list[audit.Row], int]:
            return audit.entries(s, user, wanted, offset), audit.count(s, user, wanted)

        Operation(self, self.ctx.database, page, read_only=True).success(self._show).run()

    def _show(self, result: tuple[list[audit.Row], int]) -> None:
        fetched, total = result
        self.rows.extend(fetched)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            cells = (
                str(row.seq),
                f"{row.at:%Y-%m-%d %H:%M:%S}",
                row.login,
                row.workstation,
                row.kind,
                row.target,
                row.outcome,
                row.detail,
            )
            for column, text in enumerate(cells):
                self.table.setItem(number, column, QTableWidgetItem(text))
        self.more_button.setEnabled(len(self.rows) < total)
        self.status_label.setText(
            self.tr("{shown} of {total} entries shown, newest first.").format(
                shown=len(self.rows), total=total
            )
        )

    def ask_export(self) -> None:
        suggested = f"审计记录-{clock.now():%Y%m%d}.xlsx"
        ask_save_path(
            self, self.tr("Export the audit"), suggested, "Excel (*.xlsx)", "xlsx", self.export
        )

    def export(self, path: Path) -> None:
        user, wanted = self.ctx.user, self.wanted()

        def work(s: Session) -> Path:
            path.write_bytes(audit.export(s, user, wanted))
            return path

        def done(written: Path) -> None:
            self.status_label.setText(self.tr("Exported to {path}.").format(path=written))

        Operation(self, self.ctx.database, work).success(done).run_in_background()
