"""The administrator's risk rules for the dispute register: a dispute of a category (or of any)
involving at least so many people is at least of a level (一般/较大/重大). The table is saved
whole; the rules give the level of entries registered from then on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from db.mechanism_models import RISK_NAMES
from hall.mechanisms import risk
from hall.mechanisms.risk import Rule
from kit.context import AppContext
from kit.list_table import Picking, read_only
from kit.operations import Operation, Problem

CATEGORY, PEOPLE, LEVEL = range(3)


class RiskRulesScreen(QWidget):
    """One row per rule, each cell a field to type in; add, remove, save."""

    saved = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Risk rules of the dispute register"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        layout.addWidget(title)
        explain = QLabel(
            self.tr(
                "A dispute of the category (blank: any category) involving at least the number "
                "of people is at least of the level. An entry gets the highest level any rule "
                "gives it, and 一般 when none applies. Changed rules apply to entries registered "
                "from then on; entries already registered keep their level."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Category"), self.tr("At least, people"), self.tr("Risk level")]
        )
        read_only(self.table, None, Picking.ONE_ROW)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add a rule"))
        add.clicked.connect(lambda: self.add_row(Rule("", 1, "general")))
        remove = QPushButton(self.tr("Remove the chosen rule"))
        # Pressing it leaves the focus in the rule being typed: that is the rule removed.
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.clicked.connect(self.remove_chosen)
        save = QPushButton(self.tr("Save the rules"))
        save.clicked.connect(self.save)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(save)
        layout.addLayout(buttons)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        Operation(self, self.ctx.database, risk.risk_rules, read_only=True).success(
            self._show
        ).failure(self._failed).run()

    def _show(self, rules: list[Rule]) -> None:
        self.table.setRowCount(0)
        for rule in rules:
            self.add_row(rule)

    def add_row(self, rule: Rule) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        category = QLineEdit(rule.category)
        category.setPlaceholderText(self.tr("Any category"))
        people = QSpinBox()
        people.setRange(1, risk.MAX_RULE_PEOPLE)
        people.setValue(rule.min_people)
        level = QComboBox()
        for code, name in RISK_NAMES.items():
            level.addItem(name, code)
        level.setCurrentIndex(max(0, level.findData(rule.level)))
        self.table.setCellWidget(row, CATEGORY, category)
        self.table.setCellWidget(row, PEOPLE, people)
        self.table.setCellWidget(row, LEVEL, level)
        self.table.setCurrentCell(row, CATEGORY)

    def field(self, row: int, column: int) -> QWidget:
        widget = self.table.cellWidget(row, column)
        assert widget is not None, "every cell holds its field"
        return widget

    def rules(self) -> list[Rule]:
        """The table as typed."""
        found = []
        for row in range(self.table.rowCount()):
            category, people, level = (self.field(row, c) for c in (CATEGORY, PEOPLE, LEVEL))
            assert isinstance(category, QLineEdit) and isinstance(people, QSpinBox)
            assert isinstance(level, QComboBox)
            found.append(Rule(category.text(), people.value(), str(level.currentData())))
        return found

    def chosen_row(self) -> int:
        """The rule whose field has the focus, else the table's current row (-1 for none)."""
        for row in range(self.table.rowCount()):
            if any(self.field(row, c).hasFocus() for c in (CATEGORY, PEOPLE, LEVEL)):
                return row
        return self.table.currentRow()

    def remove_chosen(self) -> None:
        row = self.chosen_row()
        if row < 0:
            self.message.setText(self.tr("Choose a rule in the table first."))
            return
        self.table.removeRow(row)

    def _failed(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def save(self) -> None:
        rules, user = self.rules(), self.ctx.user

        def done(_: None) -> None:
            self.message.setText(
                self.tr(
                    "{count} rules saved; they apply to entries registered from now on."
                ).format(count=len(rules))
            )
            self.saved.emit()

        Operation(self, self.ctx.database, lambda s: risk.set_risk_rules(s, rules, user)).success(
            done
        ).failure(self._failed).run()
