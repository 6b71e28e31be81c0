"""The 群众工作日 entry screen: on the day and the week after, cadres enter what they brought
back from the villages — opinions (into the 社情民意 ledger), disputes (into the register) and
good deeds done (为民办实事) — and see the day's entries; the next day, the one-page summary
for the leaders' meeting is saved or printed. Outside the entry week the screen says when the
next day is and takes nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from db.event_kinds import EventKind
from db.mechanism_models import WORKDAY_KIND_NAMES
from hall.mechanisms import workdays
from hall.mechanisms.workdays import EntryPeriod, EntryRow
from kit.context import AppContext, HallEvent
from kit.fit import scrolling
from kit.list_table import fill_cells, list_table
from kit.operations import Operation, Problem
from windows.mechanisms.papers import Draw, MechanismPapers

ENTRY_KINDS = (EventKind.WORKDAY_ENTRY, EventKind.WORKDAY_SETTING)


class WorkdayScreen(QWidget):
    """The entry form on the left, the day's entries and the summary on the right."""

    entered = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.period: EntryPeriod | None = None
        self.papers = MechanismPapers(self, ctx.database)
        self.papers.done.connect(self._tell)
        self.papers.failed.connect(self._tell)
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        title = QLabel(self.tr("Mass work day: what the cadres brought back"))
        title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        title.setWordWrap(True)
        left.addWidget(title)
        self.period_label = QLabel()
        self.period_label.setWordWrap(True)
        left.addWidget(self.period_label)
        self.form_box = self._build_form()
        # The form keeps its height and scrolls on a small screen.
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.form_box)
        column.addStretch(1)
        left.addWidget(scrolling(holder), 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        left.addWidget(self.message)
        layout.addLayout(left, 2)

        right = QVBoxLayout()
        self.entries_title = QLabel()
        self.entries_title.setStyleSheet("font-weight: bold;")
        right.addWidget(self.entries_title)
        self.entries = list_table(
            [
                self.tr("Kind"),
                self.tr("Township"),
                self.tr("Village"),
                self.tr("Topic or category"),
                self.tr("What"),
                self.tr("Cadre"),
                self.tr("Register number"),
            ],
            4,
        )
        right.addWidget(self.entries, 1)
        summary = QHBoxLayout()
        self.summary_label = QLabel(
            self.tr("Summary for the leaders' meeting, by township and kind:")
        )
        summary.addWidget(self.summary_label, 1)
        self.save_button = QPushButton(self.tr("Save the summary as PDF…"))
        self.save_button.clicked.connect(self.save_summary)
        self.print_button = QPushButton(self.tr("Print the summary…"))
        self.print_button.clicked.connect(self.print_summary)
        summary.addWidget(self.save_button)
        summary.addWidget(self.print_button)
        right.addLayout(summary)
        layout.addLayout(right, 3)
        ctx.events.received.connect(self._event)
        self.refresh()

    def _build_form(self) -> QGroupBox:
        box = QGroupBox(self.tr("New entry"))
        self.form = QFormLayout(box)
        self.kind = QComboBox()
        for code, name in WORKDAY_KIND_NAMES.items():
            self.kind.addItem(name, code)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.township = QComboBox()
        self.township.setEditable(True)
        self.village = QLineEdit()
        self.village.setPlaceholderText(self.tr("The community or village visited"))
        self.cadre = QLineEdit()
        self.cadre.setText(self.ctx.user.name)
        self.topic = QComboBox()
        self.parties = QLineEdit()
        self.parties.setPlaceholderText(self.tr("Names of the parties, separated by 、"))
        self.category = QLineEdit()
        self.people = QSpinBox()
        self.people.setRange(1, 100000)
        self.content = QPlainTextEdit()
        self.content.setFixedHeight(90)
        self.enter_button = QPushButton(self.tr("Enter"))
        self.enter_button.clicked.connect(self.enter)
        self.form.addRow(self.tr("What it is"), self.kind)
        self.form.addRow(self.tr("Township"), self.township)
        self.form.addRow(self.tr("Community or village"), self.village)
        self.form.addRow(self.tr("Cadre"), self.cadre)
        self.form.addRow(self.tr("Topic"), self.topic)
        self.form.addRow(self.tr("Parties"), self.parties)
        self.form.addRow(self.tr("Dispute category"), self.category)
        self.form.addRow(self.tr("People involved"), self.people)
        self.form.addRow(self.tr("What was found or done"), self.content)
        self.form.addRow(self.enter_button)
        self._kind_changed()
        return box

    def _kind_changed(self) -> None:
        """Each kind asks for what its ledger needs: a topic for an opinion, the parties and
        their number for a dispute."""
        kind = self.kind.currentData()
        self.form.setRowVisible(self.topic, kind == "opinion")
        for field in (self.parties, self.category, self.people):
            self.form.setRowVisible(field, kind == "dispute")

    # -- reading ------------------------------------------------------------------------------

    def _event(self, event: HallEvent) -> None:
        if event.kind in ENTRY_KINDS:
            self.refresh()

    def refresh(self) -> None:
        def read(s: Session) -> tuple[EntryPeriod, list[EntryRow]]:
            period = workdays.entry_period(s)
            return period, workdays.entries(s, period.workday or period.latest)

        Operation(self, self.ctx.database, read, read_only=True).success(self._show).failure(
            self._failed
        ).run()

    def _show(self, found: tuple[EntryPeriod, list[EntryRow]]) -> None:
        period, rows = found
        first_time = self.period is None
        self.period = period
        if first_time:
            self.township.addItems(period.townships)
            self.township.setCurrentIndex(-1)
            for topic_id, name in period.topics:
                self.topic.addItem(name, topic_id)
        if period.workday is not None and period.last_day is not None:
            self.period_label.setText(
                self.tr("Entries for the mass work day of {day} are taken until {last}.").format(
                    day=period.workday.isoformat(), last=period.last_day.isoformat()
                )
            )
            self.period_label.setStyleSheet("font-weight: bold; color: #1F5C99;")
        else:
            self.period_label.setText(period.closed_message)
            self.period_label.setStyleSheet("font-weight: bold; color: #C00000;")
        self.form_box.setEnabled(period.workday is not None)
        shown = self.summary_day()
        self.entries_title.setText(
            self.tr("Entries of the mass work day of {day}: {count}").format(
                day=shown.isoformat(), count=len(rows)
            )
        )
        fill_cells(
            self.entries,
            [
                [r.kind, r.township, r.village, r.category, r.content, r.cadre, r.dispute_number]
                for r in rows
            ],
        )

    # -- acting -------------------------------------------------------------------------------

    def _tell(self, text: str) -> None:
        self.message.setText(text)

    def _failed(self, problem: Problem) -> None:
        self.message.setText(problem.message)

    def enter(self) -> None:
        topic = self.topic.currentData()
        entry = workdays.WorkdayInput(
            kind=str(self.kind.currentData()),
            township=self.township.currentText(),
            village=self.village.text(),
            content=self.content.toPlainText(),
            cadre=self.cadre.text(),
            topic_id=int(topic) if topic is not None else None,
            category=self.category.text(),
            parties=self.parties.text(),
            people=self.people.value(),
        )
        user = self.ctx.user

        def work(s: Session) -> str:
            row = workdays.record(s, entry, user)
            return row.category

        def done(category: str) -> None:
            self.content.clear()
            self.parties.clear()
            self.people.setValue(1)
            self.message.setText(
                self.tr("Entered: {kind}, {category}.").format(
                    kind=self.kind.currentText(), category=category
                )
            )
            self.refresh()
            self.entered.emit()

        Operation(self, self.ctx.database, work).success(done).failure(self._failed).run()

    def summary_day(self) -> dt.date:
        """The open 群众工作日, or after its week the last one (its summary is still wanted)."""
        assert self.period is not None, "read when the screen opened"
        return self.period.workday or self.period.latest

    def _draw(self) -> Draw:
        day = self.summary_day()
        return lambda s: workdays.summary_pdf(s, day)

    def save_summary(self) -> None:
        self.papers.ask_save(
            self._draw(),
            self.tr("summary of the mass work day"),
            f"群众工作日汇总-{self.summary_day().isoformat()}.pdf",
        )

    def print_summary(self) -> None:
        self.papers.ask_print(self._draw(), self.tr("summary of the mass work day"))
