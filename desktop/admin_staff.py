"""Who may serve which window: one row per window officer or court clerk, one tick box per
window. Each tick is saved at once (the queue refuses an officer at a window not ticked)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hall import staffing
from kit.context import AppContext
from kit.fields import ERROR_COLOUR
from kit.operations import Operation, Problem

FIXED_COLUMNS = 3


class StaffPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.members: list[staffing.StaffMember] = []
        self.status_label = QLabel(
            self.tr("Tick the windows each officer or clerk may serve; each tick is saved at once.")
        )
        self.status_label.setWordWrap(True)
        self.windows: list[tuple[str, str]] = (
            Operation(self, ctx.database, staffing.window_names, read_only=True)
            .failure(self._refused)
            .run()
            or []
        )
        self.table = QTableWidget(0, FIXED_COLUMNS + len(self.windows))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Login"), self.tr("Name"), self.tr("Roles"), *(n for _c, n in self.windows)]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._ticked)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status_label)
        self._filling = False
        self.reload()

    def reload(self) -> None:
        members = (
            Operation(self, self.ctx.database, staffing.staff, read_only=True)
            .failure(self._refused)
            .run()
        )
        if members is None:
            return
        self.members = members
        self._filling = True
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            for column, text in enumerate((member.login, member.name, member.roles)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            for offset, (code, _name) in enumerate(self.windows):
                tick = QTableWidgetItem()
                tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                tick.setCheckState(
                    Qt.CheckState.Checked if code in member.windows else Qt.CheckState.Unchecked
                )
                self.table.setItem(row, FIXED_COLUMNS + offset, tick)
        self._filling = False

    def tick(self, login: str, window_code: str) -> QTableWidgetItem:
        """The tick box of ``login`` at ``window_code``."""
        row = [m.login for m in self.members].index(login)
        column = FIXED_COLUMNS + [c for c, _n in self.windows].index(window_code)
        item = self.table.item(row, column)
        assert item is not None
        return item

    def _ticked(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() < FIXED_COLUMNS:
            return
        member = self.members[item.row()]
        codes = [
            code
            for offset, (code, _name) in enumerate(self.windows)
            if (box := self.table.item(item.row(), FIXED_COLUMNS + offset)) is not None
            and box.checkState() == Qt.CheckState.Checked
        ]
        user = self.ctx.user
        (
            Operation(
                self,
                self.ctx.database,
                lambda s: staffing.set_windows(s, member.id, codes, actor=user),
            )
            .success(lambda _done: self._saved(member, codes))
            .failure(self._refused)
            .run()
        )
        self.reload()

    def _refused(self, problem: Problem) -> None:
        self.status_label.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.status_label.setText(problem.message)

    def _saved(self, member: staffing.StaffMember, codes: list[str]) -> None:
        names = dict(self.windows)
        self.status_label.setStyleSheet("")
        self.status_label.setText(
            self.tr("{name} serves: {windows}.").format(
                name=member.name, windows="、".join(names[c] for c in codes) or self.tr("none")
            )
        )
