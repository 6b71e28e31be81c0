"""The list behind a figure: the items or the formal cases it counts, a page at a time, with
the officers' confidentiality rules already applied by ``hall.figures.drill_down``; the list
saved to Excel as it is shown."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.statistics.panels import note
from hall import outputs
from hall.figures import DrillList, Period, Scope, drill_down
from hall.figures.tabs import suggested_name
from kit.context import AppContext
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, file_not_written
from kit.save_file import ask_save_path
from printing.spreadsheet import Cell, Column, Sheet

XLSX_FILTER = "Excel (*.xlsx)"


def save_file(path: Path, content: bytes) -> str:
    """Write an export; returns what to tell the user (saved, or why not)."""
    try:
        path.write_bytes(content)
    except OSError as error:
        return file_not_written(f"{path}：{error.strerror or error}")
    return QCoreApplication.translate("DrillDialog", "Saved {path}.").format(path=path)


def cell_text(value: Cell) -> str:
    """A typed cell as the list shows it."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class DrillDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        figure: str,
        period: Period,
        scope: Scope,
        parent: QWidget | None = None,
        key: str = "",
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figure = figure
        self.key = key
        self.period = period
        self.scope = scope
        # The list as read (typed cells, for the export) and as shown.
        self.cells: list[list[Cell]] = []
        self.rows: list[list[str]] = []
        self.columns: list[Column] = []
        self.total = 0
        self.setWindowTitle(self.tr("Items behind the figure"))
        self.resize(1100, 600)
        self.heading = QLabel()
        self.definition = note("")
        self.table = list_table([""], stretch=None, picking=Picking.ROWS)
        self.status = QLabel()
        self.more_button = QPushButton(self.tr("Show &more"))
        self.more_button.clicked.connect(self.load_more)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.definition)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.loading = False
        self.load_more()

    def load_more(self) -> None:
        offset = len(self.rows)
        self.loading = True
        self.more_button.setEnabled(False)
        self.status.setText(self.tr("Reading the list…"))
        figure, key, period, scope, viewer = (
            self.figure,
            self.key,
            self.period,
            self.scope,
            self.ctx.user,
        )
        Operation(
            self,
            self.ctx.database,
            # Writing: an accusation on the page is logged as opened by this user.
            lambda s: drill_down(s, figure, period, scope, viewer, offset=offset, key=key),
        ).success(self._show).failure(self._failed).run_in_background()

    def _failed(self, problem: object) -> None:
        self.loading = False
        self.status.setText(str(getattr(problem, "message", problem)))

    def _show(self, found: DrillList) -> None:
        self.loading = False
        self.heading.setText(f"{found.title}　{self.period.label}")
        self.definition.setText(found.definition)
        self.columns = found.columns
        self.total = found.total
        self.cells += found.cells
        self.rows += [[cell_text(value) for value in row] for row in found.cells]
        self.table.setColumnCount(len(self.columns))
        self.table.setHorizontalHeaderLabels([column.title for column in self.columns])
        fill_cells(self.table, self.rows)
        # The widest column (a summary, a content) takes the room the others leave.
        widest = max(range(len(self.columns)), key=lambda i: self.columns[i].width, default=0)
        header = self.table.horizontalHeader()
        for index in range(len(self.columns)):
            header.setSectionResizeMode(
                index,
                QHeaderView.ResizeMode.Stretch
                if index == widest
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        more = len(self.rows) < self.total
        self.more_button.setEnabled(more)
        self.status.setText(
            self.tr("{count} of {total} shown, more to show").format(
                count=len(self.rows), total=self.total
            )
            if more
            else self.tr("{count} in all").format(count=len(self.rows))
        )

    def export(self) -> None:
        title = self.heading.text().split("　")[0] or self.tr("List")
        ask_save_path(
            self,
            self.tr("Export the list"),
            suggested_name(title, self.period, "xlsx"),
            XLSX_FILTER,
            "xlsx",
            self.save,
        )

    def save(self, path: Path) -> None:
        sheet = Sheet(
            self.heading.text().split("　")[0] or "清单",
            self.columns,
            self.cells,
            [self.heading.text(), self.definition.text()],
        )
        user = self.ctx.user
        # The export is audited; the entry is kept only when the file was written.
        audited = Operation(
            self, self.ctx.database, lambda s: outputs.drill_workbook(s, user, sheet.name, sheet)
        )
        content = audited.failure(lambda problem: self.status.setText(problem.message)).run()
        if content is not None:
            self.status.setText(save_file(path, content))
