"""An accusation opened from a list behind a figure of 统计分析 is in the confidential-view log
(issue 13), as one opened at a counter, in a visitor's history or in the records is; a list with
none leaves the log as it was. On both databases."""

from __future__ import annotations

import datetime as dt

from pytestqt.qtbot import QtBot

from db.engine import Database
from db.event_kinds import EventKind
from desktop.statistics.page import CATEGORIES
from hall import case_views, users
from tests.desktop.test_statistics_drill import double_click, leader_page, on_tab, row_named, text
from tests.hall.test_drill_view_log import view_log
from tests.hall.test_figures import known_hall

__all__ = ["known_hall"]


def test_an_accusation_opened_from_a_figure_is_logged_once(
    known_hall: Database, qtbot: QtBot
) -> None:
    page = leader_page(qtbot, known_hall)
    on_tab(qtbot, page, CATEGORIES)
    classes = page.categories_panel.tables["class"].table
    before = view_log(known_hall)

    # 申诉求决类 holds no accusation: nothing is logged.
    row = row_named(classes, "申诉求决类")
    dialog = double_click(qtbot, page, classes, row, 1)
    assert dialog.table.rowCount() == 7
    dialog.close()
    assert view_log(known_hall) == before

    # 检举控告类 lists the one report by phone, read by the leader: one entry, naming the place.
    row = row_named(classes, "检举控告类")
    assert text(classes, row, 1) == "1"
    dialog = double_click(qtbot, page, classes, row, 1)
    assert dialog.table.rowCount() == 1
    dialog.close()
    [(kind, payload)] = view_log(known_hall)[len(before) :]
    assert kind == EventKind.VISIT_VIEWED and payload["via"] == "statistics"
    with known_hall.read() as s:
        leader = users.by_login(s, "lingdao")
        [logged] = case_views.confidential_views(
            s, leader, dt.date(2026, 6, 1), dt.date(2026, 12, 31)
        )
    assert (logged.viewer, logged.record, logged.place, logged.shown) == (
        leader.name,
        "来访记录",
        "统计分析",
        True,
    )
