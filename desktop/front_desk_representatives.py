"""The representatives a group elects, on the front desk's registration form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from hall import reception


class RepresentativesEditor(QWidget):
    """The people a group elects to speak for it (at most five, 信访工作条例 第十八条): a row
    each for name, ID number and phone, added as needed; empty rows are ignored."""

    row_added = Signal(list)  # the new row's edits
    refused = Signal()  # a row beyond the limit was asked for

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        for column, title in enumerate((self.tr("Name"), self.tr("ID number"), self.tr("Phone"))):
            self._grid.addWidget(QLabel(title), 0, column + 1)
        self._grid.setColumnStretch(1, 2)
        self._grid.setColumnStretch(2, 3)
        self._grid.setColumnStretch(3, 2)
        self._rows: list[tuple[QLabel, QLineEdit, QLineEdit, QLineEdit]] = []
        self.add_button = QPushButton(self.tr("Add a representative"))
        self.add_button.clicked.connect(self.add_row)
        self._add_row_widgets()
        self.setFocusProxy(self._rows[0][1])

    def _add_row_widgets(self) -> list[QWidget]:
        number = len(self._rows) + 1
        label = QLabel(str(number))
        name, id_number, phone = QLineEdit(), QLineEdit(), QLineEdit()
        id_number.setMaxLength(18)
        self._grid.addWidget(label, number, 0)
        for column, edit in enumerate((name, id_number, phone)):
            self._grid.addWidget(edit, number, column + 1)
        self._grid.addWidget(self.add_button, number + 1, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        self._rows.append((label, name, id_number, phone))
        # A layout shows a new child only once the event loop comes round; the new row must
        # take the cursor now.
        if self.isVisible():
            for widget in (label, name, id_number, phone):
                widget.show()
        return [name, id_number, phone]

    def add_row(self) -> None:
        """One more row, unless the group already has as many representatives as it may."""
        if len(self._rows) >= reception.MAX_GROUP_REPRESENTATIVES:
            self.refused.emit()
            return
        self.row_added.emit(self._add_row_widgets())

    def row_count(self) -> int:
        return len(self._rows)

    def edits(self) -> list[QWidget]:
        """Row by row, in the order Tab should visit them."""
        return [edit for _label, *row in self._rows for edit in row]

    def representatives(self) -> list[reception.Representative]:
        return [
            reception.Representative(name.text(), id_number.text(), phone.text())
            for _label, name, id_number, phone in self._rows
            if name.text().strip() or id_number.text().strip() or phone.text().strip()
        ]

    def show_rows(self, count: int) -> None:
        """At least ``count`` rows (a form put back after it was cleared)."""
        while len(self._rows) < min(count, reception.MAX_GROUP_REPRESENTATIVES):
            self.row_added.emit(self._add_row_widgets())

    def clear(self) -> None:
        """Back to one empty row."""
        for label, *edits in self._rows[1:]:
            for widget in (label, *edits):
                self._grid.removeWidget(widget)
                widget.deleteLater()
        del self._rows[1:]
        self._grid.addWidget(self.add_button, 2, 1, 1, 3, Qt.AlignmentFlag.AlignLeft)
        for edit in self._rows[0][1:]:
            edit.setText("")  # its own undo emptied too
