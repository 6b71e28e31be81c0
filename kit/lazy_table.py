"""A table model that reads its rows a page at a time.

The view asks ``canFetchMore``/``fetchMore`` as the user scrolls, so a queue or a ledger of any
length costs what its visible rows cost. Rows are plain data (dataclasses read inside a
session), never ORM objects, so painting never touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
# Qt's "no parent": a table has only top-level rows.
_ROOT = QModelIndex()

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTRE = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    align: Qt.AlignmentFlag = LEFT


class LazyTableModel(QAbstractTableModel, Generic[Row]):
    """Rows from ``fetch(offset, limit)``, a page at a time; ``reload()`` reads them again."""

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch: Callable[[int, int], Sequence[Row]],
        page_size: int = 50,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch = fetch
        self.page_size = page_size
        self._rows: list[Row] = []
        self._exhausted = False

    def row(self, number: int) -> Row:
        return self._rows[number]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(self._rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        return None

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self._exhausted:
            return
        page = list(self._fetch(len(self._rows), self.page_size))
        self._exhausted = len(page) < self.page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    def reload(self) -> None:
        """Read the rows again, as many as were loaded (at least a page), so a refresh neither
        loses the user's scroll position nor reads the whole list."""
        wanted = max(self.page_size, len(self._rows))
        rows = list(self._fetch(0, wanted))
        self.beginResetModel()
        self._rows = rows
        self._exhausted = len(rows) < wanted
        self.endResetModel()

    def refresh_column(self, column: int) -> None:
        """Repaint a column whose text changes with time (waiting minutes)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
