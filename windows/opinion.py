"""社情民意 public opinion: the opinion or suggestion, its topic and the place it concerns (the
department it goes to is the outcome's unit); the ledger of all opinions with search and
filters; and the monthly bulletin (:mod:`windows.bulletin_editor`)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database, Session
from db.window_models import OPINION_TOPICS
from hall import opinions, outcomes, roster, units
from kit.context import AppContext, HallEvent
from kit.export import ExportColumn
from kit.fit import scrolling
from kit.lazy_table import CENTRE, Column
from kit.list_table import Picking
from windows.base import WindowWorkstation
from windows.bulletin_editor import BulletinEditor
from windows.legal import text_box
from windows.outcome_form import WindowPanel, select_data
from windows.panel_kit import DEFAULT_DAYS, SearchPage, fill_list, read_quietly


class OpinionPanel(WindowPanel):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setTitle(self.tr("Opinion or suggestion"))
        self.database = database
        self.content_edit = text_box(self.tr("The opinion or suggestion, in the visitor's words"))
        self.topic_combo = QComboBox()
        self.township_combo = QComboBox()
        self.township_combo.setEditable(True)
        self.village_combo = QComboBox()
        self.village_combo.setEditable(True)
        self.place_edit = QLineEdit()
        self.place_edit.setPlaceholderText(self.tr("The spot: a road, a building, a crossing"))
        self.township_combo.currentTextChanged.connect(self._township_changed)
        where = QHBoxLayout()
        where.setContentsMargins(0, 0, 0, 0)
        where.addWidget(self.township_combo, 1)
        where.addWidget(self.village_combo, 1)
        where_cell = QWidget()
        where_cell.setLayout(where)
        form = QFormLayout(self)
        form.addRow(self.tr("&Opinion"), self.field("content", self.content_edit))
        form.addRow(self.tr("&Topic"), self.field("topic", self.topic_combo))
        form.addRow(self.tr("Concerns (&where)"), where_cell)
        form.addRow(self.tr("&Spot"), self.field("place", self.place_edit))

    def _township_changed(self, township: str) -> None:
        village = self.village_combo.currentText()
        self.village_combo.clear()
        self.village_combo.addItem("")
        self.village_combo.addItems(
            read_quietly(self, self.database, lambda s: list(roster.villages(s, township))) or []
        )
        self.village_combo.setCurrentText(village if village in self._villages() else "")

    def _villages(self) -> list[str]:
        return [self.village_combo.itemText(i) for i in range(self.village_combo.count())]

    def entry(self) -> opinions.OpinionEntry:
        topic = self.topic_combo.currentData()
        return opinions.OpinionEntry(
            content=self.content_edit.toPlainText(),
            topic_id=int(topic) if topic is not None else None,
            township=self.township_combo.currentText(),
            village=self.village_combo.currentText(),
            place=self.place_edit.text(),
        )

    def load(self, card: outcomes.VisitCard | None) -> None:
        fill_list(self.topic_combo, self.database, OPINION_TOPICS, self.tr("(choose a topic)"))
        self.township_combo.clear()
        self.township_combo.addItem("")
        self.township_combo.addItems(
            read_quietly(self, self.database, lambda s: list(roster.townships(s))) or []
        )
        usable = card is not None and not card.withheld
        # Where the visitor lives is where most opinions are about; the officer corrects it.
        self.township_combo.setCurrentText(card.township if usable and card else "")
        self.village_combo.setCurrentText(card.village if usable and card else "")
        self.content_edit.setPlainText(card.summary if usable and card else "")
        self.place_edit.clear()

    def first_field(self) -> QWidget:
        return self.content_edit


class OpinionLedgerPage(SearchPage[opinions.OpinionRow, opinions.OpinionFilter]):
    """社情民意台账: every opinion, searched and filtered a page at a time, exported to Excel."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, opinions.OpinionFilter(), DEFAULT_DAYS, parent)
        self.search_edit.setPlaceholderText(self.tr("Words of the opinion, a place, a name"))
        self.topic_combo = QComboBox()
        self.township_combo = QComboBox()
        self.unit_combo = QComboBox()
        self.search_button.setText(self.tr("Search"))
        self.status_label = QLabel()
        self.export_button = self.excel_button(
            "社情民意台账",
            [
                ExportColumn("日期", lambda r: r.received_on, 11),
                ExportColumn("议题", lambda r: r.topic, 10),
                ExportColumn("意见建议", lambda r: r.content, 50),
                ExportColumn("乡镇街道", lambda r: r.township, 12),
                ExportColumn("村社区", lambda r: r.village, 12),
                ExportColumn("具体地点", lambda r: r.place, 20),
                ExportColumn("转交单位", lambda r: r.unit, 18),
                ExportColumn("反映人", lambda r: r.visitor_name, 10),
            ],
        )
        self.export_button.told.connect(self.status_label.setText)
        grid = QGridLayout()
        grid.addWidget(self.search_edit, 0, 0, 1, 3)
        grid.addWidget(self.topic_combo, 0, 3)
        grid.addWidget(self.search_button, 0, 4)
        grid.addWidget(self.township_combo, 1, 0)
        grid.addWidget(self.unit_combo, 1, 1)
        dates = QHBoxLayout()
        self.add_dates(dates, self.tr("From"), self.tr("to"))
        grid.addLayout(dates, 1, 2, 1, 2)
        grid.addWidget(self.export_button, 1, 4)

        # No row is acted on here: several may be chosen at once.
        self.show_rows(
            [
                Column(self.tr("Date"), lambda r: r.received_on.isoformat(), CENTRE),
                Column(self.tr("Topic"), lambda r: r.topic),
                Column(self.tr("Opinion"), lambda r: r.content),
                Column(self.tr("Concerns"), lambda r: r.where),
                Column(self.tr("Forwarded to"), lambda r: r.unit),
                Column(self.tr("From"), lambda r: r.visitor_name),
            ],
            stretch=2,
            picking=Picking.ROWS,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        ctx.events.received.connect(self._event)
        self.fill_filters()
        self.search()

    def fill_filters(self) -> None:
        topic, township, unit = (
            self.topic_combo.currentData(),
            self.township_combo.currentData(),
            self.unit_combo.currentData(),
        )
        fill_list(self.topic_combo, self.ctx.database, OPINION_TOPICS, self.tr("All topics"))
        self.township_combo.clear()
        self.township_combo.addItem(self.tr("All townships"), "")
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("All departments"), None)
        database = self.ctx.database
        for name in read_quietly(self, database, lambda s: list(roster.townships(s))) or []:
            self.township_combo.addItem(name, name)
        every_unit = read_quietly(
            self, database, lambda s: [(u.name, u.id) for u in units.units(s, active_only=False)]
        )
        for name, unit_id in every_unit or []:
            self.unit_combo.addItem(name, unit_id)
        select_data(self.topic_combo, topic)
        select_data(self.township_combo, township)
        select_data(self.unit_combo, unit)

    def _filter(self) -> opinions.OpinionFilter:
        topic, unit = self.topic_combo.currentData(), self.unit_combo.currentData()
        return opinions.OpinionFilter(
            text=self.search_edit.text(),
            topic_id=int(topic) if topic is not None else None,
            township=str(self.township_combo.currentData() or ""),
            unit_id=int(unit) if unit is not None else None,
            start=self.start(),
            end=self.end(),
        )

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[opinions.OpinionRow]:
        return opinions.search(s, self.wanted, offset, limit)

    def _count(self, s: Session) -> int:
        return opinions.count(s, self.wanted)

    def _counted(self, count: int) -> None:
        self.count_label.setText(self.tr("{count} opinions").format(count=count))

    def _event(self, event: HallEvent) -> None:
        if event.kind == "opinion.added":
            self.refresh()


class OpinionWorkstation(WindowWorkstation):
    def make_panel(self) -> WindowPanel:
        return OpinionPanel(self.ctx.database)

    def extra_pages(self) -> list[tuple[str, QWidget]]:
        self.ledger = OpinionLedgerPage(self.ctx)
        self.bulletin = BulletinEditor(self.ctx)
        # The bulletin's sections are taller than a small screen; the editor scrolls.
        return [
            (self.tr("Opinion ledger"), self.ledger),
            (self.tr("Bulletin"), scrolling(self.bulletin)),
        ]
