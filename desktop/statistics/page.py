"""统计分析: the hall's figures for leaders, administrators and the letters and supervision
windows — a period (today, this week, month, quarter, year, or chosen days) and a scope (the
hall, a window, a responsible unit, a township), and a tab per way of looking: 总览, 趋势, 分类,
窗口效能, 法庭, 督办, and 包案化解 (the dispute register's 化解率 and the stations' ranking).

Each press reads one tab with one ``hall.figures`` call on the page's worker, a busy bar
showing meanwhile; the GUI never waits. Every figure of every tab opens the list behind it
(a button on 总览, a double-click elsewhere, a click on a trend bar); a tab and a list export
to Excel; the period's report (统计月报, or for a calendar year the 年度信访工作情况报告)
is saved as PDF or printed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.engine import Session
from desktop.statistics.drill import XLSX_FILTER, DrillDialog, save_file
from desktop.statistics.mechanisms_panel import MechanismsPanel
from desktop.statistics.panels import (
    CategoriesPanel,
    CourtPanel,
    OverviewPanel,
    QueuePanel,
    SupervisionPanel,
)
from desktop.statistics.trend_chart import TrendPanel
from hall import clock, outputs
from hall.figures import (
    Scope,
    ScopeChoices,
    court,
    mechanism_tab,
    overview,
    periods,
    queue_figures,
    report_pdf,
    scope_choices,
    supervision_figures,
    trend_tab,
)
from hall.figures.base import HALL, TOWNSHIP, UNIT, WINDOW
from hall.figures.mechanism_figures import SHEET as MECHANISMS
from hall.figures.tabs import suggested_name
from kit.context import AppContext
from kit.dates import date_edit
from kit.fields import ERROR_COLOUR
from kit.fit import flow, group, scrolling
from kit.operations import Operation, Problem
from kit.printer import ask_print, print_pdf
from kit.save_file import ask_save_path, ask_save_pdf

OVERVIEW, TREND, CATEGORIES, QUEUE, COURT, SUPERVISION = (
    "总览",
    "趋势",
    "分类",
    "窗口效能",
    "法庭",
    "督办",
)
T = TypeVar("T")
# Beyond two months a day-by-day chart has too many bars to read.
DAILY_UP_TO = 62


def statistics_title() -> str:
    """The page's name in the navigation."""
    return QCoreApplication.translate("StatisticsPage", "Statistics")


def _date(edit: QDate) -> dt.date:
    return dt.date(edit.year(), edit.month(), edit.day())


class StatisticsPage(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        today = clock.now().date()
        self.choices = ScopeChoices([], [], [])
        # What each tab shows now: (period, scope, trend size), so a tab is read again only
        # when the question changed.
        self.shown: dict[str, tuple[object, ...]] = {}
        self.running = 0
        self.period_box = QComboBox()
        for kind, name in (
            (periods.DAY, self.tr("Today")),
            (periods.WEEK, self.tr("This week")),
            (periods.MONTH, self.tr("This month")),
            (periods.QUARTER, self.tr("This quarter")),
            (periods.YEAR, self.tr("This year")),
            (periods.CUSTOM, self.tr("Chosen days")),
        ):
            self.period_box.addItem(name, kind)
        self.period_box.setCurrentIndex(self.period_box.findData(periods.MONTH))
        self.period_box.currentIndexChanged.connect(self._period_kind_changed)
        month = periods.month(today)
        self.first_edit = date_edit(month.first)
        self.last_edit = date_edit(month.last)
        self.scope_kind = QComboBox()
        for kind, name in (
            (HALL, self.tr("Whole hall")),
            (WINDOW, self.tr("Window")),
            (UNIT, self.tr("Responsible unit")),
            (TOWNSHIP, self.tr("Township")),
        ):
            self.scope_kind.addItem(name, kind)
        self.scope_kind.currentIndexChanged.connect(self._fill_scope_values)
        self.scope_value = QComboBox()
        self.scope_value.setMinimumWidth(140)
        self.count_button = QPushButton(self.tr("&Count"))
        self.count_button.setDefault(True)
        self.count_button.clicked.connect(self.count)
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("&Excel…"))
        self.export_button.setToolTip(self.tr("Export this tab to an Excel workbook"))
        self.export_button.clicked.connect(self.export_tab)
        self.pdf_button = QPushButton(self.tr("&PDF…"))
        self.pdf_button.setToolTip(
            self.tr("Save the period's report (the yearly report for a calendar year) as PDF")
        )
        self.pdf_button.clicked.connect(self.save_report)
        self.print_button = QPushButton(self.tr("P&rint…"))
        self.print_button.setToolTip(self.tr("Print the period's report"))
        self.print_button.clicked.connect(self.print_report)
        period_label = QLabel(self.tr("P&eriod"))
        period_label.setBuddy(self.period_box)
        scope_label = QLabel(self.tr("&Scope"))
        scope_label.setBuddy(self.scope_kind)
        # On 1024 pixels the bar wraps: the period, the scope and the outputs each stay whole.
        bar = flow(
            group(period_label, self.period_box, self.first_edit, QLabel("—"), self.last_edit),
            group(scope_label, self.scope_kind, self.scope_value),
            group(self.count_button, self.busy_bar),
            None,
            group(self.export_button, self.pdf_button, self.print_button),
        )
        self.overview_panel = OverviewPanel()
        self.overview_panel.drill.connect(self.open_drill)
        self.trend_panel = TrendPanel()
        self.trend_panel.size_changed.connect(self.count)
        self.categories_panel = CategoriesPanel()
        self.queue_panel = QueuePanel()
        self.court_panel = CourtPanel()
        self.supervision_panel = SupervisionPanel()
        self.mechanisms_panel = MechanismsPanel()
        for drilling in (
            self.trend_panel,
            self.categories_panel,
            self.queue_panel,
            self.court_panel,
            self.supervision_panel,
            self.mechanisms_panel,
        ):
            drilling.drill.connect(self.open_drill)
        self.tabs = QTabWidget()
        for panel, name in (
            (self.overview_panel, self.tr("Overview")),
            (self.trend_panel, self.tr("Trend")),
            (self.categories_panel, self.tr("Categories")),
            (self.queue_panel, self.tr("Window efficiency")),
            (self.court_panel, self.tr("Court")),
            (self.supervision_panel, self.tr("Supervision")),
            (self.mechanisms_panel, self.tr("Disputes and stations")),
        ):
            # A panel's tables and chart scroll on a small screen; the period bar stays.
            self.tabs.addTab(scrolling(panel), name)
        self.tab_keys = [OVERVIEW, TREND, CATEGORIES, QUEUE, COURT, SUPERVISION, MECHANISMS]
        self.tabs.currentChanged.connect(lambda _index: self.count())
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self.dialog: DrillDialog | None = None
        self._period_kind_changed()
        self._run(scope_choices, self._choices_read)

    # --- what is asked -------------------------------------------------------------------

    def period(self) -> periods.Period:
        """The period picked; a chosen one is checked by the rules (not reversed, not over
        three years) when the work runs."""
        kind = str(self.period_box.currentData())
        if kind == periods.CUSTOM:
            return periods.Period(
                periods.CUSTOM, _date(self.first_edit.date()), _date(self.last_edit.date())
            )
        return periods.of_kind(kind, clock.now().date())

    def scope(self) -> Scope:
        kind = str(self.scope_kind.currentData())
        if kind == HALL:
            return Scope()
        return Scope(kind, str(self.scope_value.currentData() or ""))

    def _period_kind_changed(self) -> None:
        custom = self.period_box.currentData() == periods.CUSTOM
        self.first_edit.setEnabled(custom)
        self.last_edit.setEnabled(custom)
        if not custom:
            period = self.period()
            self.first_edit.setDate(QDate(period.first.year, period.first.month, period.first.day))
            self.last_edit.setDate(QDate(period.last.year, period.last.month, period.last.day))

    def _choices_read(self, choices: ScopeChoices) -> None:
        self.choices = choices
        self._fill_scope_values()
        self.count()

    def _fill_scope_values(self) -> None:
        self.scope_value.clear()
        kind = str(self.scope_kind.currentData())
        for value, name in self.choices.of(kind):
            self.scope_value.addItem(name, value)
        self.scope_value.setEnabled(kind != HALL)

    # --- running ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.running > 0

    def _run(
        self, work: Callable[[Session], T], done: Callable[[T], None], read_only: bool = True
    ) -> None:
        self.running += 1
        self._busy_changed()

        def finished(result: T) -> None:
            self.running -= 1
            self._busy_changed()
            done(result)

        def failed(problem: Problem) -> None:
            self.running -= 1
            self._busy_changed()
            self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
            self.status.setText(problem.message)

        Operation(self, self.ctx.database, work, read_only=read_only).success(finished).failure(
            failed
        ).run_in_background()

    def _busy_changed(self) -> None:
        busy = self.busy
        self.busy_bar.setVisible(busy)
        for button in (self.count_button, self.export_button, self.pdf_button, self.print_button):
            button.setEnabled(not busy)
        if busy:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("Counting…"))

    def _checked(self, period: periods.Period) -> periods.Period:
        """``period`` as the rules accept it (a chosen one is refused when reversed or long)."""
        if period.kind == periods.CUSTOM:
            return periods.custom(period.first, period.last)
        return period

    def count(self) -> None:
        """Read the current tab for the period and scope picked, unless it shows them."""
        tab = self.tab_keys[self.tabs.currentIndex()]
        period, scope = self.period(), self.scope()
        if self.sender() is not self.trend_panel:
            self.trend_panel.set_size(periods.DAY if period.days <= DAILY_UP_TO else periods.MONTH)
        size = self.trend_panel.size()
        question = (period, scope, size if tab == TREND else "")
        if self.shown.get(tab) == question and self.sender() is not self.count_button:
            return
        if self.busy:
            return
        checked = self._checked
        work: Callable[[Session], object]
        if tab in (OVERVIEW, CATEGORIES):
            work = lambda s: overview(s, checked(period), scope)  # noqa: E731
        elif tab == TREND:
            work = lambda s: trend_tab(s, checked(period), size, scope)  # noqa: E731
        elif tab == QUEUE:
            work = lambda s: queue_figures(s, checked(period), scope)  # noqa: E731
        elif tab == COURT:
            work = lambda s: court(s, checked(period))  # noqa: E731
        elif tab == MECHANISMS:
            work = lambda s: mechanism_tab(s, checked(period))  # noqa: E731
        else:
            work = lambda s: supervision_figures(s, checked(period))  # noqa: E731

        def show(result: object) -> None:
            self._show(tab, question, result)

        self._run(work, show)

    def _show(self, tab: str, question: tuple[object, ...], result: object) -> None:
        period = question[0]
        assert isinstance(period, periods.Period)
        self.status.setText(
            self.tr("{period} — {scope}").format(
                period=period.label,
                scope=self.scope_kind.currentText()
                + (f"：{self.scope_value.currentText()}" if self.scope_value.isEnabled() else ""),
            )
        )
        panels: dict[str, list[Any]] = {
            OVERVIEW: [self.overview_panel, self.categories_panel],
            CATEGORIES: [self.overview_panel, self.categories_panel],
            TREND: [self.trend_panel],
            QUEUE: [self.queue_panel],
            COURT: [self.court_panel],
            SUPERVISION: [self.supervision_panel],
            MECHANISMS: [self.mechanisms_panel],
        }
        for panel in panels[tab]:
            panel.show_figures(result)
        for key in (OVERVIEW, CATEGORIES) if tab in (OVERVIEW, CATEGORIES) else (tab,):
            self.shown[key] = question

    # --- lists, exports and the report -----------------------------------------------------

    def open_drill(self, figure: str, key: str = "") -> None:
        """Open the list behind ``figure`` (on the line ``key`` of its tab's table)."""
        self.dialog = DrillDialog(
            self.ctx, figure, self._checked(self.period()), self.scope(), self, key
        )
        self.dialog.show()

    def export_tab(self) -> None:
        tab = self.tab_keys[self.tabs.currentIndex()]
        period, scope, checked = self.period(), self.scope(), self._checked
        user = self.ctx.user

        def chosen(path: Path) -> None:
            # Exports are audited: a writing unit of work.
            self._run(
                lambda s: outputs.tab_workbook(s, user, tab, checked(period), scope),
                lambda content: self._saved(path, content),
                read_only=False,
            )

        ask_save_path(
            self,
            self.tr("Export the tab"),
            suggested_name(f"统计分析-{tab}", period, "xlsx"),
            XLSX_FILTER,
            "xlsx",
            chosen,
        )

    def _saved(self, path: Path, content: object) -> None:
        assert isinstance(content, bytes)
        self.status.setText(save_file(path, content))

    def _report(self, done: Callable[[object], None], how: str) -> None:
        period, scope, checked = self.period(), self.scope(), self._checked
        user = self.ctx.user
        # A save is audited as the report is drawn (a writing unit of work); a print once the
        # printer took it (see print_report).
        self._run(
            lambda s: (
                outputs.report_pdf(s, user, checked(period).first, period.last, how, scope=scope)
                if how == outputs.FILE
                else report_pdf(s, checked(period).first, period.last, scope=scope)
            ),
            done,
            read_only=how != outputs.FILE,
        )

    def save_report(self) -> None:
        period = self.period()
        ask_save_pdf(
            self,
            self.tr("Save the report as PDF"),
            suggested_name("群众工作统计报告", period, "pdf"),
            lambda path: self._report(lambda pdf: self._saved(path, pdf), outputs.FILE),
        )

    def print_report(self) -> None:
        # The period the report is drawn for, whatever is picked while the dialog is open.
        period = self.period()

        def printed(pdf: object) -> None:
            assert isinstance(pdf, bytes)

            def on(printer: QPrinter) -> None:
                if not print_pdf(pdf, printer):
                    self.status.setText(
                        self.tr("The printer did not take the report; try again or save it as PDF.")
                    )
                    return
                user = self.ctx.user
                Operation(
                    self,
                    self.ctx.database,
                    lambda s: outputs.report_printed(s, user, period.first, period.last),
                ).failure(lambda problem: self.status.setText(problem.message)).run()

            ask_print(self, on)

        self._report(printed, outputs.PRINTER)
