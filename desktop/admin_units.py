"""Administration of the responsible units (责任单位): departments, townships, enterprises,
legal-aid offices, with whom to contact there. Units in use are retired, not deleted."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.case_models import ResponsibleUnit
from db.engine import Session
from hall import units
from kit.context import AppContext
from kit.form_errors import FormErrors
from kit.operations import Operation, Problem


class UnitsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # (id, name, kind, contact, active) of each row
        self.rows: list[tuple[int, str, str, str, bool]] = []
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Kind"), self.tr("Contact"), self.tr("In use")]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))

        self.name_edit = QLineEdit()
        self.kind_combo = QComboBox()
        self.kind_combo.setEditable(True)
        self.kind_combo.addItems(units.KINDS)
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("Office, person and phone to contact"))
        self.add_button = QPushButton(self.tr("Add as a new unit"))
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("Save changes"))
        self.save_button.clicked.connect(self.save)
        self.active_button = QPushButton(self.tr("Retire"))
        self.active_button.clicked.connect(self.toggle_active)
        self.status_label = QLabel()
        self.errors = FormErrors(self.status_label, hide_when_empty=False)
        self.messages = self.errors.messages
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.active_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.errors.field("name", self.name_edit))
        form.addRow(self.tr("&Kind"), self.errors.field("kind", self.kind_combo))
        form.addRow(self.tr("&Contact"), self.errors.field("contact", self.contact_edit))
        form.addRow(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.status_label)
        self.reload()

    def reload(self, select: int | None = None) -> None:
        found = (
            Operation(self, self.ctx.database, lambda s: units.units(s, False), read_only=True)
            .failure(self._refused)
            .run()
        )
        if found is None:
            return
        rows = [(u.id, u.name, u.kind, u.contact, u.active) for u in found]
        self.rows = rows
        self.table.setRowCount(len(rows))
        for number, (_unit_id, name, kind, contact, active) in enumerate(rows):
            cells = (name, kind, contact, self.tr("yes") if active else self.tr("retired"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(number, column, item)
        ids = [row[0] for row in rows]
        if select in ids:
            self.table.selectRow(ids.index(select))
        self._chosen(self.table.currentRow())

    def chosen_id(self) -> int | None:
        row = self.table.currentRow()
        return self.rows[row][0] if 0 <= row < len(self.rows) else None

    def _chosen(self, row: int) -> None:
        has = 0 <= row < len(self.rows)
        self.save_button.setEnabled(has)
        self.active_button.setEnabled(has)
        if not has:
            return
        _unit_id, name, kind, contact, active = self.rows[row]
        self.name_edit.setText(name)
        self.kind_combo.setCurrentText(kind)
        self.contact_edit.setText(contact)
        self.active_button.setText(self.tr("Retire") if active else self.tr("Bring back into use"))

    def _act(
        self,
        work: Callable[[Session], ResponsibleUnit],
        done: Callable[[ResponsibleUnit], str],
    ) -> None:
        self.errors.clear()

        def succeeded(unit: ResponsibleUnit) -> None:
            self._say(done(unit))
            self.reload(unit.id)

        Operation(self, self.ctx.database, work).success(succeeded).failure(self._refused).run()

    def _refused(self, problem: Problem) -> None:
        self.errors.show_problem(problem)

    def add(self) -> None:
        user, name, kind, contact = self.ctx.user, *self._typed()
        self._act(
            lambda s: units.add_unit(s, name, kind, contact, actor=user),
            lambda _unit: self.tr("{name} added.").format(name=name.strip()),
        )

    def save(self) -> None:
        chosen, user = self.chosen_id(), self.ctx.user
        if chosen is None:
            return
        name, kind, contact = self._typed()
        self._act(
            lambda s: units.update_unit(s, chosen, name, kind, contact, actor=user),
            lambda _unit: self.tr("Changes saved."),
        )

    def toggle_active(self) -> None:
        chosen, user = self.chosen_id(), self.ctx.user
        if chosen is None:
            return
        self._act(
            lambda s: units.toggle_unit_active(s, chosen, actor=user),
            lambda unit: (
                self.tr("{name} is in use again.")
                if unit.active
                else self.tr("{name} is retired: no longer offered.")
            ).format(name=unit.name),
        )

    def _typed(self) -> tuple[str, str, str]:
        return self.name_edit.text(), self.kind_combo.currentText(), self.contact_edit.text()

    def _say(self, text: str, error: bool = False) -> None:
        self.errors.say(text, error)
