"""The 统计分析 page on both databases over the known hall of tests/hall/test_figures.py: a
leader picks May 2026, reads 按期办结率 as 2 / 4 with its definition beside it, opens the list
behind it, and walks the other tabs; each read runs on the page's worker."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.statistics import StatisticsPage
from desktop.statistics import page as page_module
from desktop.statistics.page import COURT, QUEUE, SUPERVISION, TREND
from hall import users
from hall.figures import definitions as d
from hall.figures import periods
from tests.hall.test_figures import known_hall
from tests.windows.helpers import make_ctx, show

__all__ = ["known_hall"]


def settled(qtbot: QtBot, page: StatisticsPage) -> None:
    qtbot.waitUntil(lambda: not page.busy, timeout=30_000)


def pick_may(qtbot: QtBot, page: StatisticsPage) -> None:
    page.period_box.setCurrentIndex(page.period_box.findData(periods.CUSTOM))
    page.first_edit.setDate(QDate(2026, 5, 1))
    page.last_edit.setDate(QDate(2026, 5, 31))
    qtbot.mouseClick(page.count_button, Qt.MouseButton.LeftButton)
    settled(qtbot, page)


def test_a_leader_reads_a_rate_and_opens_the_list_behind_it(
    known_hall: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The first read is held on the worker until the busy state is checked: on a fast
    # machine it would otherwise be over before the page is on screen.
    first_read = threading.Event()
    read_overview = page_module.overview

    def held(*args: Any) -> Any:
        first_read.wait(timeout=30)
        return read_overview(*args)

    monkeypatch.setattr(page_module, "overview", held)
    ctx = make_ctx(known_hall, "lingdao", [users.LEADER])
    page = StatisticsPage(ctx)
    show(qtbot, page)
    # This month (June) is read first, on the worker, with the busy bar up meanwhile.
    assert page.busy and page.busy_bar.isVisible() and not page.count_button.isEnabled()
    first_read.set()
    settled(qtbot, page)
    assert not page.busy_bar.isVisible()
    assert page.overview_panel.values[d.ITEMS].text() == "1"
    pick_may(qtbot, page)
    panel = page.overview_panel
    assert panel.values[d.ITEMS].text() == "8" and panel.values[d.PEOPLE].text() == "13"
    assert panel.values[d.ON_TIME_CLOSURE].text() == "50.0%"
    assert panel.fractions[d.ON_TIME_CLOSURE].text() == "2 / 4"
    assert panel.fractions[d.TIMELY_ACCEPTANCE].text() == "1 / 3"
    assert panel.fractions[d.SATISFACTION].text() == "1 / 1"
    # Ratings have no list behind them: their names are not buttons.
    assert d.SATISFACTION not in panel.buttons and d.ON_TIME_CLOSURE in panel.buttons

    qtbot.mouseClick(panel.buttons[d.ON_TIME_CLOSURE], Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading, timeout=30_000)
    assert dialog.table.rowCount() == 4
    assert dialog.definition.text() == d.TEXTS[d.ON_TIME_CLOSURE]
    assert dialog.status.text() == "4 in all"
    dialog.close()

    qtbot.mouseClick(panel.buttons[d.ITEMS], Qt.MouseButton.LeftButton)
    items = page.dialog
    assert items is not None and items is not dialog
    qtbot.waitUntil(lambda: not items.loading, timeout=30_000)
    # The accusation's petitioner is masked for a leader, as in the officers' lists.
    petitioners = [items.table.item(r, 5).text() for r in range(items.table.rowCount())]
    assert len(petitioners) == 8 and "王**" in petitioners
    items.close()

    categories = page.categories_panel.tables["class"].table
    assert [categories.item(r, 1).text() for r in range(3)] == ["1", "7", "0"]

    page.tabs.setCurrentIndex(page.tab_keys.index(TREND))
    settled(qtbot, page)
    assert [p.count for p in page.trend_panel.points][:1] == [1]
    assert len(page.trend_panel.points) == 31
    assert (
        page.trend_panel.hover_text(0)
        == "5月1日: 1 items; period before 1 (+0.0%); year before 0 (—)"
    )
    page.trend_panel.size_box.setCurrentIndex(page.trend_panel.size_box.findData(periods.MONTH))
    settled(qtbot, page)
    (may,) = page.trend_panel.points
    assert (may.count, may.previous, may.mark) == (8, 1, "告警")

    page.tabs.setCurrentIndex(page.tab_keys.index(QUEUE))
    settled(qtbot, page)
    hall_line = page.queue_panel.windows.rowCount() - 1
    assert page.queue_panel.windows.item(hall_line, 1).text() == "3"
    for tab in (COURT, SUPERVISION):
        page.tabs.setCurrentIndex(page.tab_keys.index(tab))
        settled(qtbot, page)
    assert page.supervision_panel.table.item(0, 1).text() == "0"


def test_a_reversed_period_is_refused_in_the_rules_words(hall_db: Database, qtbot: QtBot) -> None:
    page = StatisticsPage(make_ctx(hall_db, "lingdao", [users.LEADER]))
    show(qtbot, page)
    settled(qtbot, page)
    page.period_box.setCurrentIndex(page.period_box.findData(periods.CUSTOM))
    page.first_edit.setDate(QDate(2026, 5, 31))
    page.last_edit.setDate(QDate(2026, 5, 1))
    qtbot.mouseClick(page.count_button, Qt.MouseButton.LeftButton)
    settled(qtbot, page)
    assert "不能早于开始日期" in page.status.text()
