"""导出 Excel: every list exports what it shows, filters applied, as an .xlsx workbook.

A list page gives an :class:`ExportButton` a function, called on the GUI thread when pressed,
that reads the page's filters and returns an :class:`Export`: the file's name and the work
that, on the worker, reads every row through the same ``hall`` function the list shows (so
what the viewer may not see is withheld in the file as on the screen) and lays them out in
typed columns (:class:`ExportColumn`) through :mod:`printing.spreadsheet`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from db.engine import Session
from hall import outputs
from kit.context import AppContext
from kit.operations import Operation, Problem
from kit.save_file import ask_save_path
from printing.spreadsheet import Cell, Column, Sheet

Row = TypeVar("Row")
# Rows read per query while exporting: the lists' own page size.
PAGE = 500


@dataclass(frozen=True)
class ExportColumn(Generic[Row]):
    """A column of the file: Chinese heading, the row's value as a typed cell (a number, a
    date, a time), and a width in characters (a CJK character counts two)."""

    title: str
    value: Callable[[Row], Cell]
    width: float = 12
    number_format: str = ""


def every_row(page: Callable[[int, int], Sequence[Row]], size: int = PAGE) -> Iterator[Row]:
    """Every row of a paged list (``page(offset, limit)``), page after page."""
    offset = 0
    while True:
        rows = page(offset, size)
        yield from rows
        if len(rows) < size:
            return
        offset += size


def sheet(
    name: str,
    columns: Sequence[ExportColumn[Row]],
    rows: Iterator[Row] | Sequence[Row],
    caption: Sequence[str] = (),
) -> Sheet:
    return Sheet(
        name,
        [Column(c.title, c.width, c.number_format) for c in columns],
        [[c.value(row) for c in columns] for row in rows],
        tuple(caption),
    )


@dataclass(frozen=True)
class Export:
    """What one press exports: the suggested file name (without .xlsx) and the sheets, read on
    the worker (the work must not touch a widget)."""

    name: str
    sheets: Callable[[Session], Sequence[Sheet]]


class ExportButton(QPushButton):
    """导出 Excel…: asks where to save, then writes the workbook on the worker, the export
    audited in the same unit of work (a file that could not be written is not recorded).
    ``exported`` carries the path written; ``told`` what to say on the page (exporting, done,
    or the problem in the user's words)."""

    exported = Signal(object)  # Path
    told = Signal(str)

    def __init__(
        self, ctx: AppContext, prepare: Callable[[], Export], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setText(self.tr("Export Excel…"))
        self.setToolTip(self.tr("Save what the list shows, filters applied, as an Excel file"))
        self._ctx = ctx
        self._prepare = prepare
        self.file_dialog: QFileDialog | None = None
        self.clicked.connect(self.ask)

    def ask(self) -> None:
        export = self._prepare()
        self.file_dialog = ask_save_path(
            self,
            self.tr("Export to Excel"),
            f"{export.name}.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
            "xlsx",
            lambda path: self._write(export, path),
        )

    def export_to(self, path: Path) -> None:
        """Export to ``path`` without asking (what the save dialog does once a file is chosen)."""
        self._write(self._prepare(), path)

    def _write(self, export: Export, path: Path) -> None:
        self.setEnabled(False)
        self.told.emit(self.tr("Exporting…"))

        user = self._ctx.user

        def work(s: Session) -> Path:
            path.write_bytes(outputs.workbook(s, user, export.name, export.sheets(s)))
            return path

        operation = Operation(self, self._ctx.database, work)
        operation.success(self._done).failure(self._not_done).run_in_background()

    def _done(self, path: Path) -> None:
        self.setEnabled(True)
        self.told.emit(self.tr("Exported to {path}.").format(path=path))
        self.exported.emit(path)

    def _not_done(self, problem: Problem) -> None:
        self.setEnabled(True)
        self.told.emit(problem.message)
