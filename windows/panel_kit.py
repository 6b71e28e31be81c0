"""What the service windows' pages and dialogs build the same way: a list that counts what it
shows before it reloads and exports to Excel, a search over a date range, a dialog that keeps
what was typed until the rules accept it, and combo boxes filled from the administrators' lists.

Nothing here calls ``tr()``: the words stay in the page or dialog that shows them, so each
keeps its own translation context.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from db.engine import Database, Session
from hall import clock, lists
from kit.context import AppContext
from kit.dates import date_edit
from kit.export import Export, ExportButton, ExportColumn, every_row, sheet
from kit.fields import FieldMessage
from kit.form_errors import FormErrors
from kit.lazy_table import Column, LazyTableModel
from kit.list_table import Picking, list_view
from kit.operations import Operation, Problem
from printing.spreadsheet import Sheet

T = TypeVar("T")
Row = TypeVar("Row")
Wanted = TypeVar("Wanted")

# How far back a search looks unless the user says otherwise.
DEFAULT_DAYS = 30


def fill_list(combo: QComboBox, database: Database, list_code: str, first: str) -> None:
    """The items of one of the administrators' lists (:mod:`hall.lists`), ``first`` meaning
    none of them."""
    combo.clear()
    combo.addItem(first, None)
    found = Operation(
        combo,
        database,
        lambda s: [(item.name, item.id) for item in lists.items(s, list_code)],
        read_only=True,
    )
    # Without the database the list offers ``first`` alone; it is filled again when the
    # form is next opened.
    for name, item_id in found.failure(quietly).run() or []:
        combo.addItem(name, item_id)


def quietly(problem: Problem) -> None:
    """A read that fills a form or a list failed: what is shown stays as it was, and the main
    window's banner already says the database is away (the operation logged it)."""


def read_quietly(parent: QObject, database: Database, work: Callable[[Session], T]) -> T | None:
    """What fills a form or a list, read through the operation helper (None: the database could
    not be read, and the form starts without it)."""
    return Operation(parent, database, work, read_only=True).failure(quietly).run()


class ListPage(QWidget, Generic[Row]):
    """A list read a page at a time (:meth:`_rows`) and counted (:meth:`_count`). A list the
    database cannot give keeps what it shows, so a lost connection does not blank the screen."""

    model: LazyTableModel[Row]
    view: QTableView

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def show_rows(
        self, columns: Sequence[Column[Row]], stretch: int, picking: Picking = Picking.ONE_ROW
    ) -> None:
        """Make ``model`` and ``view`` for ``columns``; see :func:`kit.list_table.list_view`."""
        self.model = LazyTableModel(columns, self._fetch, parent=self)
        self.view = list_view(self.model, stretch, picking)

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[Row]:
        raise NotImplementedError

    def _count(self, s: Session) -> int:
        raise NotImplementedError

    def _counted(self, count: int) -> None:
        """The list is read again and holds ``count`` rows: say so."""
        raise NotImplementedError

    def _fetch(self, offset: int, limit: int) -> Sequence[Row]:
        page = Operation(
            self, self.ctx.database, lambda s: self._rows(s, offset, limit), read_only=True
        )
        return page.failure(quietly).run() or []

    def excel_button(self, name: str, columns: Sequence[ExportColumn[Row]]) -> ExportButton:
        """导出 Excel… for this list: every row it shows, read on the worker by the page's own
        :meth:`_rows` (the same ``hall`` function, so what the viewer may not see is withheld
        in the file too), in ``columns``, under the lines of :meth:`_export_caption`."""

        def prepare() -> Export:
            caption = self._export_caption(name)

            def sheets(s: Session) -> list[Sheet]:
                rows = every_row(lambda offset, limit: self._rows(s, offset, limit))
                return [sheet(name, columns, rows, caption)]

            return Export(f"{name}_{clock.now():%Y%m%d}", sheets)

        return ExportButton(self.ctx, prepare, self)

    def _export_caption(self, name: str) -> list[str]:
        return [f"{name}（导出于 {clock.now():%Y-%m-%d %H:%M}）"]

    def refresh(self) -> bool:
        """Read the list again; False where the database could not be read."""
        counting = Operation(self, self.ctx.database, self._count, read_only=True)
        count = counting.failure(quietly).run()
        if count is None:
            return False
        self.model.reload()
        self._counted(count)
        return True


class SearchPage(ListPage[Row], Generic[Row, Wanted]):
    """A list of what the user searched for: words, a date range (``days`` back to today),
    and the page's own filters, which :meth:`_filter` reads into ``wanted``."""

    def __init__(
        self, ctx: AppContext, wanted: Wanted, days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.wanted = wanted
        self.search_edit = QLineEdit()
        self.search_edit.returnPressed.connect(self.search)
        today = clock.now().date()
        self.from_edit = date_edit(today - dt.timedelta(days=days))
        self.to_edit = date_edit(today)
        self.search_button = QPushButton()
        self.search_button.clicked.connect(self.search)
        self.count_label = QLabel()

    def add_dates(self, layout: QBoxLayout, from_text: str, to_text: str) -> None:
        """The date range into ``layout``, read as "from <day> to <day>"."""
        layout.addWidget(QLabel(from_text))
        layout.addWidget(self.from_edit)
        layout.addWidget(QLabel(to_text))
        layout.addWidget(self.to_edit)

    def start(self) -> dt.date:
        return self.from_edit.date().toPython()  # type: ignore[return-value]

    def end(self) -> dt.date:
        return self.to_edit.date().toPython()  # type: ignore[return-value]

    def _filter(self) -> Wanted:
        raise NotImplementedError

    def search(self) -> None:
        self.wanted = self._filter()
        self.refresh()

    def _export_caption(self, name: str) -> list[str]:
        # The filters typed but not yet searched are applied first, so the file holds what
        # the list then shows.
        self.search()
        period = f"{self.start():%Y-%m-%d} 至 {self.end():%Y-%m-%d}"
        words = self.search_edit.text().strip()
        found = f"，查找“{words}”" if words else ""
        return [f"{name}（{period}{found}；导出于 {clock.now():%Y-%m-%d %H:%M}）"]


class FormDialog(QDialog):
    """A dialog that saves one unit of work and stays open, with what was typed, until the rules
    accept it, its mistakes shown the one way (:mod:`kit.form_errors`): each under its field
    (``errors.field``, by the rules' field names), counted in ``summary`` above the buttons,
    where a refusal that names no field is said too."""

    saved = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.errors = FormErrors(self.summary)
        self.messages: dict[str, FieldMessage] = self.errors.messages
        self.save_button = QPushButton()

    def button_row(self, save_text: str, back_text: str) -> QHBoxLayout:
        """Back (nothing saved) and the default button, Save, at the right."""
        self.save_button.setText(save_text)
        self.save_button.setDefault(True)
        back = QPushButton(back_text)
        back.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(back)
        buttons.addWidget(self.save_button)
        return buttons

    def write(self, database: Database, work: Callable[[Session], object]) -> None:
        """Do ``work`` in one unit of work; saved, emit ``saved`` and close."""
        self.errors.clear()
        Operation(self, database, work).success(self._written).failure(self._refused).run()

    def _written(self, _result: object) -> None:
        self.saved.emit()
        self.accept()

    def _refused(self, problem: Problem) -> None:
        self.errors.show_problem(problem)
