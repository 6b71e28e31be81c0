"""Editing the monthly bulletin 《群众工作动态》: the month's opinions grouped by topic as a draft,
the editor picking and rewording entries, then the issue produced as a PDF and saved."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from hall import clock, opinions, outputs
from kit.context import AppContext
from kit.operations import Operation, Problem
from kit.save_file import ask_save_path
from printing import bulletin
from windows.panel_kit import quietly

INCLUDE, TOPIC, TEXT = range(3)


def paper(
    draft: opinions.BulletinDraft, number: int, hall_name: str, issued_on: dt.date
) -> bulletin.Bulletin:
    """The draft as the bulletin prints it."""
    return bulletin.Bulletin(
        hall_name=hall_name,
        year=draft.year,
        month=draft.month,
        number=number,
        issued_on=issued_on,
        total=draft.total,
        forwarded=draft.forwarded,
        sections=tuple((topic, tuple(texts)) for topic, texts in draft.sections()),
    )


def last_month(today: dt.date) -> tuple[int, int]:
    first = today.replace(day=1) - dt.timedelta(days=1)
    return first.year, first.month


class BulletinEditor(QWidget):
    produced = Signal(object)  # the Path of the issue just produced

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.draft: opinions.BulletinDraft | None = None
        self.file_dialog: QFileDialog | None = None
        self._filling = False

        year, month = last_month(clock.now().date())
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.month_spin = QSpinBox()
        self.month_spin.setRange(1, 12)
        self.month_spin.setValue(month)
        self.month_spin.setSuffix(self.tr(" (month)"))
        self.load_button = QPushButton(self.tr("Take the month's opinions"))
        self.load_button.clicked.connect(self.load_month)
        top = QHBoxLayout()
        top.addWidget(self.year_spin)
        top.addWidget(self.month_spin)
        top.addWidget(self.load_button)
        top.addStretch(1)

        self.summary_label = QLabel(self.tr("Choose a month and take its opinions."))
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("In"), self.tr("Topic"), self.tr("Entry")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)
        self.table.currentCellChanged.connect(self._row_chosen)

        self.wording_edit = QPlainTextEdit()
        self.wording_edit.setTabChangesFocus(True)
        self.wording_edit.setPlaceholderText(self.tr("The chosen entry's wording, as printed"))
        self.wording_edit.textChanged.connect(self._reworded)
        wording_label = QLabel(self.tr("&Wording"))
        wording_label.setBuddy(self.wording_edit)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_entry(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_entry(1))
        self.produce_button = QPushButton(self.tr("Produce the bulletin…"))
        self.produce_button.clicked.connect(self.produce)
        actions = QHBoxLayout()
        actions.addWidget(wording_label)
        actions.addStretch(1)
        actions.addWidget(self.up_button)
        actions.addWidget(self.down_button)
        actions.addWidget(self.produce_button)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(actions)
        lower_layout.addWidget(self.wording_edit)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)

        self.issues_table = QTableWidget(0, 4)
        self.issues_table.setHorizontalHeaderLabels(
            [self.tr("Month"), self.tr("Issue"), self.tr("Entries"), self.tr("Produced")]
        )
        self.issues_table.verticalHeader().hide()
        self.issues_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issues_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.issues_table.setMaximumHeight(self.fontMetrics().lineSpacing() * 7)
        self.copy_button = QPushButton(self.tr("Save a copy of the chosen issue…"))
        self.copy_button.clicked.connect(self.save_copy)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        issues_row = QHBoxLayout()
        issues_row.addWidget(QLabel(self.tr("Issues produced")))
        issues_row.addStretch(1)
        issues_row.addWidget(self.copy_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(splitter, 1)
        layout.addLayout(issues_row)
        layout.addWidget(self.issues_table)
        layout.addWidget(self.status_label)

        self.producing = False
        self._enable()
        self.refresh()

    # -- the draft --------------------------------------------------------------------------

    def load_month(self) -> None:
        year, month = self.year_spin.value(), self.month_spin.value()
        reading = Operation(
            self, self.ctx.database, lambda s: opinions.draft(s, year, month), read_only=True
        )
        draft = reading.failure(self._failed).run()
        if draft is None:
            return
        self.draft = draft
        self._fill()
        if self.draft.entries:
            self.table.setCurrentCell(0, TEXT)
        self.status_label.clear()

    def _fill(self) -> None:
        draft = self.draft
        self._filling = True
        self.table.setRowCount(len(draft.entries) if draft else 0)
        for row, entry in enumerate(draft.entries if draft else []):
            include = QTableWidgetItem()
            include.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            include.setCheckState(
                Qt.CheckState.Checked if entry.include else Qt.CheckState.Unchecked
            )
            self.table.setItem(row, INCLUDE, include)
            self.table.setItem(row, TOPIC, QTableWidgetItem(entry.topic))
            text = QTableWidgetItem(entry.text)
            text.setToolTip(entry.text)
            self.table.setItem(row, TEXT, text)
        self._filling = False
        self._summarise()
        self._enable()

    def _summarise(self) -> None:
        draft = self.draft
        if draft is None:
            return
        chosen = sum(1 for e in draft.entries if e.include and e.text.strip())
        self.summary_label.setText(
            self.tr(
                "{year}-{month:02d}: issue {number}. {total} opinions this month, {forwarded} "
                "forwarded; {chosen} chosen under {topics} topics."
            ).format(
                year=draft.year,
                month=draft.month,
                number=draft.number,
                total=draft.total,
                forwarded=draft.forwarded,
                chosen=chosen,
                topics=len(draft.sections()),
            )
        )

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or self.draft is None or item.column() != INCLUDE:
            return
        self.draft.entries[item.row()].include = item.checkState() == Qt.CheckState.Checked
        self._summarise()
        self._enable()

    def _row_chosen(self, row: int, _column: int, _old_row: int, _old_column: int) -> None:
        if self.draft is None or not 0 <= row < len(self.draft.entries):
            return
        self._filling = True
        self.wording_edit.setPlainText(self.draft.entries[row].text)
        self._filling = False
        self._enable()

    def _reworded(self) -> None:
        row = self.table.currentRow()
        if self._filling or self.draft is None or not 0 <= row < len(self.draft.entries):
            return
        text = self.wording_edit.toPlainText()
        self.draft.entries[row].text = text
        self._filling = True
        item = self.table.item(row, TEXT)
        if item is not None:
            item.setText(text)
            item.setToolTip(text)
        self._filling = False
        self._summarise()

    def move_entry(self, step: int) -> None:
        """Move the chosen entry up or down; a topic prints where its first entry stands."""
        row = self.table.currentRow()
        if self.draft is None or not 0 <= row < len(self.draft.entries):
            return
        target = row + step
        if not 0 <= target < len(self.draft.entries):
            return
        entries = self.draft.entries
        entries[row], entries[target] = entries[target], entries[row]
        self._fill()
        self.table.setCurrentCell(target, TEXT)

    def _enable(self) -> None:
        has = self.draft is not None and bool(self.draft.entries)
        row = self.table.currentRow()
        self.wording_edit.setEnabled(has and row >= 0)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and 0 <= row < self.table.rowCount() - 1)
        self.produce_button.setEnabled(
            has and not self.producing and bool(self.draft and self.draft.sections())
        )

    # -- producing ----------------------------------------------------------------------------

    def produce(self) -> None:
        """Ask where to save the issue, then produce and keep it (on a worker)."""
        draft = self.draft
        if draft is None:
            return
        self.file_dialog = ask_save_path(
            self,
            self.tr("Save the bulletin"),
            f"群众工作动态_{draft.year}年{draft.month}月.pdf",
            self.tr("PDF files (*.pdf)"),
            "pdf",
            lambda path: self._produce_to(path, copy.deepcopy(draft)),
        )

    def _produce_to(self, path: Path, draft: opinions.BulletinDraft) -> None:
        database, actor = self.ctx.database, self.ctx.user
        today = clock.now().date()

        def render(number: int, hall_name: str) -> bytes:
            return bulletin.render(paper(draft, number, hall_name, today))

        def work(s: Session) -> tuple[int, Path]:
            # Written in the unit of work: an issue whose file could not be saved is not kept.
            issue = outputs.produce_bulletin(s, draft, render, actor)
            path.write_bytes(issue.pdf)
            return issue.number, path

        self.status_label.setText(self.tr("Producing the bulletin…"))
        self.producing = True
        producing = Operation(self, database, work).success(self._produced).failure(self._failed)
        producing.run_in_background()
        self._enable()

    def _produced(self, result: tuple[int, Path]) -> None:
        number, path = result
        self.producing = False
        self.produced.emit(path)
        self.status_label.setText(
            self.tr("Issue {number} produced and saved as {path}.").format(number=number, path=path)
        )
        self.refresh()
        self._enable()

    def _failed(self, problem: Problem) -> None:
        self.producing = False
        self.status_label.setText(problem.message)
        self._enable()

    # -- the issues ---------------------------------------------------------------------------

    def refresh(self) -> None:
        reading = Operation(self, self.ctx.database, opinions.issues, read_only=True)
        issues = reading.failure(quietly).run()
        if issues is None:
            return
        self.issues_table.setRowCount(len(issues))
        for row, issue in enumerate(issues):
            cells = (
                f"{issue.year}-{issue.month:02d}",
                self.tr("No. {number}").format(number=issue.number),
                str(issue.entries),
                issue.produced_at.strftime("%Y-%m-%d %H:%M"),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, issue.id)
                self.issues_table.setItem(row, column, item)
        self.copy_button.setEnabled(bool(issues))
        if issues and self.issues_table.currentRow() < 0:
            self.issues_table.selectRow(0)

    def save_copy(self) -> None:
        item = self.issues_table.item(max(0, self.issues_table.currentRow()), 0)
        if item is None:
            return
        issue_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.file_dialog = ask_save_path(
            self,
            self.tr("Save a copy of the bulletin"),
            f"群众工作动态_{item.text()}.pdf",
            self.tr("PDF files (*.pdf)"),
            "pdf",
            lambda path: self._copy_to(path, issue_id),
        )

    def _copy_to(self, path: Path, issue_id: int) -> None:
        user = self.ctx.user

        # Written inside the unit of work that audits the copy: a file not written is not
        # recorded.
        def work(s: Session) -> None:
            path.write_bytes(outputs.bulletin_pdf(s, user, issue_id, outputs.FILE))

        saving = Operation(self, self.ctx.database, work)
        saving.success(lambda _none: self._saved(path)).failure(self._failed).run()

    def _saved(self, path: Path) -> None:
        self.status_label.setText(self.tr("Saved as {path}.").format(path=path))
