"""What the service windows' pages and dialogs build the same way: a list that counts what it
shows before it reloads, a search over a date range with its CSV export, a dialog that keeps
what was typed until the rules accept it, and combo boxes filled from the administrators' lists.

Nothing here calls ``tr()``: the words stay in the page or dialog that shows them, so each
keeps its own translation context.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.engine import Database
from hall import clock, lists
from hall.errors import HallError, InvalidInput
from kit.background import Background
from kit.context import AppContext
from kit.dates import date_edit
from kit.fields import FieldMessage
from kit.lazy_table import Column, LazyTableModel
from kit.list_table import Picking, list_view

# Re-exported: windows.supervision still imports it from here.
from kit.save_file import ask_save_path

log = logging.getLogger(__name__)

Row = TypeVar("Row")
Wanted = TypeVar("Wanted")

# How far back a search looks unless the user says otherwise.
DEFAULT_DAYS = 30


def fill_list(combo: QComboBox, database: Database, list_code: str, first: str) -> None:
    """The items of one of the administrators' lists (:mod:`hall.lists`), ``first`` meaning
    none of them."""
    combo.clear()
    combo.addItem(first, None)
    with database.read() as s:
        for item in lists.items(s, list_code):
            combo.addItem(item.name, item.id)


class ListPage(QWidget, Generic[Row]):
    """A list read a page at a time (:meth:`_rows`) and counted (:meth:`_count`). A list the
    database cannot give keeps what it shows, so a lost connection does not blank the screen."""

    # What the log calls the list when it cannot be read.
    listed = "list"

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
        with self.ctx.database.read() as s:
            return self._rows(s, offset, limit)

    def refresh(self) -> bool:
        """Read the list again; False where the database could not be read."""
        try:
            with self.ctx.database.read() as s:
                count = self._count(s)
        except SQLAlchemyError:
            log.exception("%s not read", self.listed)
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


class ExportingPage(SearchPage[Row, Wanted]):
    """A search page whose findings also go to a CSV file, written on a worker; how it went is
    said on ``status_label`` (``background`` tells the page when it is done or failed)."""

    def __init__(
        self, ctx: AppContext, wanted: Wanted, days: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, wanted, days, parent)
        self.file_dialog: QFileDialog | None = None
        self.status_label = QLabel()
        self.background = Background(self)

    def export_csv(
        self,
        title: str,
        suggested: str,
        csv_files: str,
        exporting: str,
        text: Callable[[Session], str],
    ) -> None:
        """Ask where to save (``title``, ``suggested`` name, ``csv_files`` filter), then write
        ``text`` there off the GUI thread, ``exporting`` said meanwhile. ``text`` runs on the
        worker: it must not touch a widget."""

        def chosen(path: Path) -> None:
            database = self.ctx.database
            self.status_label.setText(exporting)

            def job() -> object:
                with database.read() as s:
                    written = text(s)
                path.write_text(written, encoding="utf-8")
                return path

            self.background.run(job)

        self.file_dialog = ask_save_path(self, title, suggested, csv_files, "csv", chosen)


class FormDialog(QDialog):
    """A dialog that saves one unit of work and stays open, with what was typed, until the rules
    accept it: a refused field's message shows under the field (``messages``, by the rules'
    field names), any other refusal where :meth:`_refuse` puts it."""

    saved = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.messages: dict[str, FieldMessage] = {}
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

    def _refuse(self, text: str) -> None:
        raise NotImplementedError

    def _unreachable(self, error: SQLAlchemyError) -> None:
        """The database failed: by default the error as it came."""
        self._refuse(str(error))

    def write(self, database: Database, work: Callable[[Session], object]) -> None:
        """Do ``work`` in one unit of work; saved, emit ``saved`` and close."""
        for message in self.messages.values():
            message.clear()
        try:
            with database.write() as s:
                work(s)
        except InvalidInput as error:
            found = self.messages.get(error.field or "")
            if found is None:
                self._refuse(error.message)
            else:
                found.show_error(error.message)
            return
        except HallError as error:
            self._refuse(error.message)
            return
        except SQLAlchemyError as error:
            self._unreachable(error)
            return
        self.saved.emit()
        self.accept()
