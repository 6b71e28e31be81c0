"""Administration of the lists the windows' forms offer: opinion topics, policy topics, aid
kinds. Entries in use are retired, not deleted; their order is the forms' order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.window_models import LIST_NAMES
from hall import lists
from kit.context import AppContext
from kit.form_errors import FormErrors
from kit.operations import Operation, Problem


class ListsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.list_combo = QComboBox()
        for code, name in LIST_NAMES.items():
            self.list_combo.addItem(name, code)
        self.list_combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.items = QListWidget()
        self.items.currentItemChanged.connect(self._chosen)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("The entry's name as the forms show it"))
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.rename_button = QPushButton(self.tr("Rename"))
        self.rename_button.clicked.connect(self.rename)
        self.active_button = QPushButton(self.tr("Retire"))
        self.active_button.clicked.connect(self.toggle_active)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_entry(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_entry(1))
        self.status_label = QLabel()
        self.errors = FormErrors(self.status_label, hide_when_empty=False)
        name_cell = self.errors.field("name", self.name_edit)
        self.name_message = self.errors.messages["name"]
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("List")))
        top.addWidget(self.list_combo)
        top.addStretch(1)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.active_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.items, 1)
        middle.addLayout(side)
        editing = QHBoxLayout()
        editing.addWidget(name_cell, 1)
        editing.addWidget(self.add_button)
        editing.addWidget(self.rename_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addLayout(editing)
        layout.addWidget(self.status_label)
        self.reload()

    def list_code(self) -> str:
        return str(self.list_combo.currentData())

    def reload(self, select: int | None = None) -> None:
        code = self.list_code()
        found = (
            Operation(
                self, self.ctx.database, lambda s: lists.items(s, code, False), read_only=True
            )
            .failure(self._refused)
            .run()
        )
        if found is None:
            return
        self.items.clear()
        for item_id, name, active in [(i.id, i.name, i.active) for i in found]:
            item = QListWidgetItem(
                name if active else self.tr("{name} (retired)").format(name=name)
            )
            item.setData(Qt.ItemDataRole.UserRole, (item_id, name, active))
            if not active:
                item.setForeground(Qt.GlobalColor.gray)
            self.items.addItem(item)
            if item_id == select:
                self.items.setCurrentItem(item)
        self._chosen(self.items.currentItem(), None)

    def chosen(self) -> tuple[int, str, bool] | None:
        item = self.items.currentItem()
        if item is None:
            return None
        value = item.data(Qt.ItemDataRole.UserRole)
        assert isinstance(value, tuple)
        return value

    def _chosen(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        entry = self.chosen()
        for button in (self.rename_button, self.active_button, self.up_button, self.down_button):
            button.setEnabled(entry is not None)
        if entry is not None:
            self.name_edit.setText(entry[1])
            self.active_button.setText(self.tr("Retire") if entry[2] else self.tr("Bring back"))

    def _act(self, action: Callable[[Session], int], done: str) -> None:
        self.errors.clear()

        def succeeded(item_id: int) -> None:
            self.errors.say(done)
            self.reload(item_id)

        Operation(self, self.ctx.database, action).success(succeeded).failure(self._refused).run()

    def _refused(self, problem: Problem) -> None:
        self.errors.show_problem(problem)

    def add(self) -> None:
        name, code, user = self.name_edit.text(), self.list_code(), self.ctx.user
        self._act(
            lambda s: lists.add_item(s, code, name, actor=user).id,
            self.tr("{name} added.").format(name=name.strip()),
        )

    def rename(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        name, user = self.name_edit.text(), self.ctx.user
        self._act(
            lambda s: lists.rename_item(s, entry[0], name, actor=user).id,
            self.tr("Renamed to {name}.").format(name=name.strip()),
        )

    def toggle_active(self) -> None:
        entry = self.chosen()
        if entry is None:
            return
        user = self.ctx.user
        done = (
            self.tr("{name} is retired: the forms no longer offer it.")
            if entry[2]
            else self.tr("{name} is offered again.")
        ).format(name=entry[1])
        self._act(lambda s: lists.set_item_active(s, entry[0], not entry[2], actor=user).id, done)

    def move_entry(self, step: int) -> None:
        entry = self.chosen()
        if entry is None:
            return
        user = self.ctx.user
        self._act(lambda s: lists.move_item(s, entry[0], step, actor=user).id, self.tr("Moved."))
