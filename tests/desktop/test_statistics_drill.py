"""Every tab of 统计分析 opens the list behind a figure, on both databases: a leader
double-clicks a number in 分类, 窗口效能, 法庭, 督办 and 包案化解 (and clicks a bar of 趋势), sees
the list as long as the number, and exports it to a workbook with typed cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.statistics import StatisticsPage
from desktop.statistics.drill import DrillDialog
from desktop.statistics.page import CATEGORIES, COURT, MECHANISMS, QUEUE, SUPERVISION, TREND
from hall import users
from tests.desktop.test_statistics_page import pick_may, settled
from tests.hall.test_figure_lists import busy
from tests.hall.test_figures import known_hall
from tests.windows.helpers import make_ctx, show

__all__ = ["busy", "known_hall"]


def opened(qtbot: QtBot, page: StatisticsPage, before: DrillDialog | None) -> DrillDialog:
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog is not before, timeout=5_000)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading, timeout=30_000)
    return dialog


def double_click(
    qtbot: QtBot, page: StatisticsPage, table: QTableWidget, row: int, column: int
) -> DrillDialog:
    """Double-click the cell as a user does, and wait for the list it opens."""
    before = page.dialog
    item = table.item(row, column)
    assert item is not None
    table.scrollToItem(item)
    centre = table.visualItemRect(item).center()
    # A double-click is a press and release, then a second press that is the double-click.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    return opened(qtbot, page, before)


def text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def row_named(table: QTableWidget, name: str) -> int:
    return next(r for r in range(table.rowCount()) if text(table, r, 0) == name)


def on_tab(qtbot: QtBot, page: StatisticsPage, tab: str) -> None:
    page.tabs.setCurrentIndex(page.tab_keys.index(tab))
    settled(qtbot, page)


def leader_page(qtbot: QtBot, database: Database, login: str = "lingdao") -> StatisticsPage:
    page = StatisticsPage(make_ctx(database, login, [users.LEADER]))
    show(qtbot, page)
    page.resize(1366, 768)
    settled(qtbot, page)
    pick_may(qtbot, page)
    return page


# Resting on a bar shows its values in a tooltip, which the offscreen platform cannot raise:
# about the test platform, not the program.
@pytest.mark.qt_log_ignore("^This plugin does not support raise\\(\\)$")
def test_categories_trend_and_queue_open_their_lists(
    known_hall: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    page = leader_page(qtbot, known_hall)
    on_tab(qtbot, page, CATEGORIES)
    classes = page.categories_panel.tables["class"].table
    row = row_named(classes, "申诉求决类")
    assert text(classes, row, 1) == "7"
    dialog = double_click(qtbot, page, classes, row, 1)
    assert dialog.table.rowCount() == 7 and dialog.status.text() == "7 in all"
    assert dialog.heading.text().startswith("按类别：申诉求决类")
    path = tmp_path / "list.xlsx"
    dialog.save(path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    lines = list(sheet.iter_rows(min_row=4, values_only=True))
    assert len(lines) == 7 and all(isinstance(line[1], dt.datetime) for line in lines)
    dialog.close()

    on_tab(qtbot, page, TREND)
    townships = page.trend_panel.townships
    row = row_named(townships, "千秋路街道")
    dialog = double_click(qtbot, page, townships, row, 1)
    assert dialog.table.rowCount() == int(text(townships, row, 1)) == 2
    dialog.close()
    # A click on the bar of 10 May (the group of six) opens that day's item.
    view, chart = page.trend_panel.view, page.trend_panel.chart
    bars = chart.series()[0]
    point = chart.mapToPosition(QPointF(9, 0.5), bars)
    before = page.dialog
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(point))
    dialog = opened(qtbot, page, before)
    assert dialog.table.rowCount() == 1 and dialog.heading.text().startswith("趋势：2026年5月10日")
    dialog.close()

    on_tab(qtbot, page, QUEUE)
    windows = page.queue_panel.windows
    hall = windows.rowCount() - 1
    dialog = double_click(qtbot, page, windows, hall, 1)
    assert dialog.table.rowCount() == int(text(windows, hall, 1)) == 3
    statuses = {dialog.table.item(r, 3).text() for r in range(3)}  # type: ignore[union-attr]
    assert statuses == {"已办结", "过号"}


def test_court_supervision_and_mechanisms_open_their_lists(busy: Database, qtbot: QtBot) -> None:
    page = leader_page(qtbot, busy, "zhuren")
    on_tab(qtbot, page, COURT)
    figures = page.court_panel.table
    dialog = double_click(qtbot, page, figures, 0, 1)
    assert dialog.table.rowCount() == int(text(figures, 0, 1)) == 5
    dialog.close()
    outcomes = page.court_panel.outcomes
    row = row_named(outcomes, "判决")
    dialog = double_click(qtbot, page, outcomes, row, 1)
    assert dialog.table.rowCount() == 1
    # A leader is not the court: the parties' names are masked.
    assert dialog.table.item(0, 2).text() == "王**"  # type: ignore[union-attr]
    dialog.close()

    on_tab(qtbot, page, SUPERVISION)
    dialog = double_click(qtbot, page, page.supervision_panel.table, 0, 1)
    assert dialog.table.rowCount() == int(text(page.supervision_panel.table, 0, 1)) == 3
    dialog.close()
    complained = page.supervision_panel.complained
    dialog = double_click(qtbot, page, complained, 0, 1)
    assert dialog.table.rowCount() == int(text(complained, 0, 1)) == 1
    assert dialog.table.item(0, 5).text() == "赵*"  # type: ignore[union-attr]
    dialog.close()

    on_tab(qtbot, page, MECHANISMS)
    leaders = page.mechanisms_panel.leaders
    row = row_named(leaders, "王建国")
    assert text(leaders, row, 4) == "50.0%（1/2）"
    dialog = double_click(qtbot, page, leaders, row, 4)
    assert dialog.table.rowCount() == 2
    dialog.close()
    # From the keyboard: Enter on a number opens its list as a double-click does.
    stations = page.mechanisms_panel.stations
    row = row_named(stations, "千秋站")
    stations.setFocus()
    stations.setCurrentCell(row, 3)
    before = page.dialog
    qtbot.keyClick(stations, Qt.Key.Key_Return)
    dialog = opened(qtbot, page, before)
    assert dialog.table.rowCount() == int(text(stations, row, 3)) == 3
