"""保密件查阅记录: who opened an accusation (a formal case or a visit), when, where, and whether
its content was shown or withheld — read only, for those who audit it
(:func:`hall.case_views.may_audit_views`), and exported to Excel as listed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from db.engine import Session
from hall import case_views, clock
from hall.case_views import ConfidentialView
from kit.context import AppContext, HallEvent
from kit.export import ExportColumn
from kit.lazy_table import CENTRE, Column
from kit.list_table import Picking
from windows.panel_kit import DEFAULT_DAYS, SearchPage

Period = tuple[dt.date, dt.date]


class ConfidentialViewsPage(SearchPage[ConfidentialView, Period]):
    """The openings of accusations in a date range, newest first."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        today = clock.now().date()
        period = (today - dt.timedelta(days=DEFAULT_DAYS), today)
        super().__init__(ctx, period, DEFAULT_DAYS, parent)
        self.search_button.setText(self.tr("Search"))
        self.status_label = QLabel()
        self.export_button = self.excel_button(
            "保密件查阅记录",
            [
                ExportColumn("时间", lambda r: r.at, 17),
                ExportColumn("查阅人", lambda r: r.viewer, 12),
                ExportColumn("查阅对象", lambda r: r.record, 10),
                ExportColumn("编号", lambda r: r.reference, 22),
                ExportColumn("查阅位置", lambda r: r.place, 10),
                ExportColumn("结果", lambda r: "已显示" if r.shown else "已拒绝", 8),
            ],
        )
        self.export_button.told.connect(self.status_label.setText)
        self.show_rows(
            [
                Column(self.tr("When"), lambda r: f"{r.at:%Y-%m-%d %H:%M}", CENTRE),
                Column(self.tr("Who"), lambda r: r.viewer),
                Column(self.tr("Record"), lambda r: r.record, CENTRE),
                Column(self.tr("Number"), lambda r: r.reference),
                Column(self.tr("Where"), lambda r: r.place, CENTRE),
                Column(
                    self.tr("Result"),
                    lambda r: self.tr("Shown") if r.shown else self.tr("Withheld"),
                    CENTRE,
                ),
            ],
            stretch=3,
            picking=Picking.ROWS,
        )
        top = QHBoxLayout()
        self.add_dates(top, self.tr("From"), self.tr("to"))
        top.addWidget(self.search_button)
        top.addStretch(1)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status_label)
        ctx.events.received.connect(self._event)
        self.search()

    def _filter(self) -> Period:
        return self.start(), self.end()

    def _rows(self, s: Session, offset: int, limit: int) -> Sequence[ConfidentialView]:
        start, end = self.wanted
        return case_views.confidential_views(s, self.ctx.user, start, end, offset, limit)

    def _count(self, s: Session) -> int:
        start, end = self.wanted
        return case_views.count_confidential_views(s, self.ctx.user, start, end)

    def _counted(self, count: int) -> None:
        self.count_label.setText(
            self.tr("{count} openings of confidential records.").format(count=count)
        )

    def _event(self, event: HallEvent) -> None:
        if event.kind in case_views.VIEW_KINDS:
            self.refresh()
