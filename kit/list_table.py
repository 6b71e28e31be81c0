"""The read-only lists of the workstation and the court desk: rows to read and pick, never to
type into, one column taking the width the others leave."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum
from typing import TypeVar

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
)

View = TypeVar("View", bound=QTableView)


class Picking(Enum):
    """What a click on the list picks."""

    CELLS = "cells"  # Qt's own way: a list that is read rather than worked from
    ROWS = "rows"  # whole rows
    ONE_ROW = "one row"  # one whole row at a time: the row is what the page works on


def read_only(view: View, stretch: int | None, picking: Picking = Picking.CELLS) -> View:
    """Set ``view`` up as a list: no row numbers, no editing. Column ``stretch`` takes the width
    left over, the others fit their contents; None: every column shares the width."""
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    if picking is not Picking.CELLS:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    if picking is Picking.ONE_ROW:
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    if stretch is None:
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    else:
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def list_table(
    headers: Sequence[str], stretch: int | None, picking: Picking = Picking.CELLS
) -> QTableWidget:
    """An empty list with these column headers, filled row by row by its page."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    return read_only(table, stretch, picking)


def fill_cells(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    """A :func:`list_table` holds ``rows`` of cell texts now."""
    table.setRowCount(len(rows))
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            table.setItem(row, column, QTableWidgetItem(text))


def list_view(
    model: QAbstractItemModel, stretch: int, picking: Picking = Picking.CELLS
) -> QTableView:
    """A list over ``model`` (a lazy model that reads its rows as they are shown)."""
    view = QTableView()
    view.setModel(model)
    return read_only(view, stretch, picking)


def columns_read_whole(view: QTableView) -> None:
    """``view`` no narrower than its columns side by side, each as wide as its heading and what
    it shows now (and its scroll bar): a narrow list beside a form on 1024 pixels stays
    readable, the form gives way. Measured again whenever the rows change."""

    def fit() -> None:
        header = view.horizontalHeader()
        columns = sum(
            max(header.sectionSizeHint(column), view.sizeHintForColumn(column))
            for column in range(header.count())
        )
        frame = 2 * view.frameWidth() + view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(columns + frame)

    model = view.model()
    model.modelReset.connect(fit)
    model.rowsInserted.connect(fit)
    model.dataChanged.connect(fit)
    fit()
