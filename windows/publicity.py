"""宣传教育 publicity: the policies explained (from the administrator's list of topics), the
material handed out, and the people reached — a group counts each person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from db.engine import Database
from db.window_models import POLICY_TOPICS
from hall import lists, outcomes
from windows.base import WindowWorkstation
from windows.outcome_form import WindowPanel
from windows.panel_kit import read_quietly

MAX_PEOPLE = 10_000


class PublicityPanel(WindowPanel):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Policy explained"))
        self.database = database
        self.topics_list = QListWidget()
        # The topics side by side, as many to a row as fit: all of them in sight at once.
        self.topics_list.setFlow(QListView.Flow.LeftToRight)
        self.topics_list.setWrapping(True)
        self.topics_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.topics_list.setSpacing(3)
        self.topics_list.setFixedHeight(self.topics_list.fontMetrics().lineSpacing() * 7)
        self.topics_list.setToolTip(self.tr("Space ticks the topic under the cursor"))
        self.material_edit = QLineEdit()
        self.material_edit.setPlaceholderText(self.tr("Leaflets, booklets handed out"))
        self.people_spin = QSpinBox()
        self.people_spin.setRange(1, MAX_PEOPLE)
        self.people_spin.setSuffix(self.tr(" people"))
        form = QFormLayout(self)
        form.addRow(self.tr("&Policies"), self.field("topics", self.topics_list))
        form.addRow(self.tr("&Material"), self.field("material", self.material_edit))
        form.addRow(self.tr("People &reached"), self.field("people_reached", self.people_spin))
        self.reload_topics()

    def reload_topics(self) -> None:
        self.topics_list.clear()
        topics = read_quietly(
            self,
            self.database,
            lambda s: [(t.name, t.id) for t in lists.items(s, POLICY_TOPICS)],
        )
        for name, topic_id in topics or []:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, topic_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topics_list.addItem(item)

    def checked_topics(self) -> list[int]:
        return [
            int(self.topics_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.topics_list.count())
            if self.topics_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def entry(self) -> outcomes.PublicityEntry:
        return outcomes.PublicityEntry(
            topic_ids=self.checked_topics(),
            material=self.material_edit.text(),
            people_reached=self.people_spin.value(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        self.reload_topics()
        self.material_edit.clear()
        self.people_spin.setValue(card.group_size if card else 1)
        if self.topics_list.count():
            self.topics_list.setCurrentRow(0)

    def first_field(self) -> QWidget:
        return self.topics_list


class PublicityWorkstation(WindowWorkstation):
    def make_panel(self) -> WindowPanel:
        return PublicityPanel(self.ctx.database)
