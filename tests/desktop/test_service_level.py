"""Issue 16 on the leader's screen, on both databases: today's figures show, per window, the
share of calls made within the window's service-level target as numerator/denominator, read
again on queue events and when a target changes."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.main_window import TodayFigures
from desktop.service_level import ServiceLevelPanel
from hall import appointment_admin, clock, queue, users
from kit.context import AppContext, HallEvent, HallEvents

pytestmark = pytest.mark.usefixtures("chinese")


def leader_figures(
    qtbot: QtBot, database: Database, events: HallEvents
) -> tuple[TodayFigures, ServiceLevelPanel]:
    with database.write() as s:
        leader = users.add_user(s, "lingdao", "刘书记", "secret123", [users.LEADER])
    figures = TodayFigures(AppContext(database, leader, events))
    qtbot.addWidget(figures)
    figures.show()
    panel = figures.findChild(ServiceLevelPanel)
    assert isinstance(panel, ServiceLevelPanel)
    return figures, panel


def waited(database: Database, window: str, minutes: int) -> None:
    """A visitor called after waiting ``minutes`` at ``window``."""
    now = clock.now()
    with database.write() as s:
        queue.issue_ticket(s, window, now=now - dt.timedelta(minutes=minutes))
        queue.call_next(s, window, seat=1, now=now)


def test_the_share_called_in_time_per_window_follows_the_queue_and_the_targets(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    _figures, panel = leader_figures(qtbot, hall_db, hall_events)
    legal = panel.labels["legal"]
    assert panel.title() == "今日按时叫号率"
    assert legal.text() == "A 法律服务：—（0/0）"
    assert legal.toolTip() == "取号后 15 分钟内叫号"

    waited(hall_db, "legal", 5)
    waited(hall_db, "legal", 40)
    hall_events.dispatch(HallEvent(1, "ticket.called", "ticket", None, {"window": "legal"}))
    qtbot.waitUntil(lambda: legal.text() == "A 法律服务：50%（1/2）", timeout=3000)
    assert "c62828" in legal.styleSheet()  # under 80 %: shown in red
    assert panel.labels["aid"].text() == "D 帮扶济困：—（0/0）"

    with hall_db.write() as s:
        admin = users.add_user(s, "admin", "管理员", "secret123", [users.ADMIN])
        appointment_admin.set_targets(s, admin, 15, {"legal": 60})
    hall_events.dispatch(HallEvent(2, "settings.changed", "hall_setting", None, {}))
    qtbot.waitUntil(lambda: legal.text() == "A 法律服务：100%（2/2）", timeout=3000)
    assert legal.toolTip() == "取号后 60 分钟内叫号"
    assert legal.styleSheet() == ""
