"""The list behind a figure: the items or the formal cases it counts, a page at a time, with
the officers' confidentiality rules already applied by ``hall.figures.drill_down``; the list
saved to Excel as it is shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.statistics.panels import note
from hall import outputs
from hall.figures import DrillList, Period, Scope, drill_down
from hall.figures.drill import PAGE
from hall.figures.tabs import suggested_name
from kit.context import AppContext
from kit.list_table import Picking, fill_cells, list_table
from kit.operations import Operation, file_not_written
from kit.save_file import ask_save_path
from printing.spreadsheet import Column, Sheet

XLSX_FILTER = "Excel (*.xlsx)"


def save_file(path: Path, content: bytes) -> str:
    """Write an export; returns what to tell the user (saved, or why not)."""
    try:
        path.write_bytes(content)
    except OSError as error:
        return file_not_written(f"{path}：{error.strerror or error}")
    return QCoreApplication.translate("DrillDialog", "Saved {path}.").format(path=path)


class DrillDialog(QDialog):
    def __init__(
        self,
        ctx: AppContext,
        figure: str,
        period: Period,
        scope: Scope,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.figure = figure
        self.period = period
        self.scope = scope
        self.rows: list[list[str]] = []
        self.headers: list[str] = []
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
        figure, period, scope, viewer = self.figure, self.period, self.scope, self.ctx.user
        Operation(
            self,
            self.ctx.database,
            lambda s: drill_down(s, figure, period, scope, viewer, offset=offset),
            read_only=True,
        ).success(self._show).failure(self._failed).run_in_background()

    def _failed(self, problem: object) -> None:
        self.loading = False
        self.status.setText(str(getattr(problem, "message", problem)))

    def _show(self, found: DrillList) -> None:
        self.loading = False
        self.heading.setText(f"{found.title}　{self.period.label}")
        self.definition.setText(found.definition)
        if found.case_rows or (not found.item_rows and not self.headers):
            self.headers = [
                self.tr("Number"),
                self.tr("State"),
                self.tr("Purpose"),
                self.tr("Petitioner"),
                self.tr("Summary"),
                self.tr("Unit"),
                self.tr("Received"),
                self.tr("Due"),
                self.tr("Days overdue"),
            ]
            new = [
                [
                    r.number,
                    r.state_name,
                    r.purpose_name,
                    r.petitioner,
                    r.summary,
                    r.unit or "",
                    r.received_on.isoformat(),
                    r.due_on.isoformat() if r.due_on else "",
                    str(r.days_overdue) if r.days_overdue else "",
                ]
                for r in found.case_rows
            ]
        else:
            self.headers = [
                self.tr("Kind"),
                self.tr("Date"),
                self.tr("Channel"),
                self.tr("Purpose"),
                self.tr("People"),
                self.tr("Petitioner"),
                self.tr("Summary"),
            ]
            new = [
                [
                    r.kind,
                    r.day.isoformat(),
                    r.channel,
                    r.purpose,
                    str(r.people),
                    r.petitioner,
                    r.summary,
                ]
                for r in found.item_rows
            ]
        self.rows += new
        self.table.setColumnCount(len(self.headers))
        self.table.setHorizontalHeaderLabels(self.headers)
        fill_cells(self.table, self.rows)
        more = len(new) == PAGE
        self.more_button.setEnabled(more)
        self.status.setText(
            self.tr("{count} shown, more to show").format(count=len(self.rows))
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
            [Column(h, 30 if i in (4, 6) else 14) for i, h in enumerate(self.headers)],
            self.rows,
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
