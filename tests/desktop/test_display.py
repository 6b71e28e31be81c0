"""The calling display shows calls made anywhere, masked, on both engines."""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.display import CallingDisplay
from hall import queue, reception, settings
from kit.context import HallEvents
from kit.live import LiveFeed
from tests.desktop.conftest import HALL_ADMIN

pytestmark = pytest.mark.usefixtures("chinese")

ID_NUMBER = "11010519491231002X"
NAME = "张三丰"


def shown_text(display: CallingDisplay) -> str:
    """Everything the display shows as text."""
    return "\n".join(label.text() for label in display.findChildren(QLabel) if label.text())


def register(database: Database, name: str, window: str, id_number: str = "") -> str:
    with database.write() as session:
        ticket = reception.register(
            session,
            reception.Registration(
                name=name,
                window=window,
                id_number=id_number,
                summary="农民工工资被拖欠三个月，要求帮助追讨",
            ),
        )
        return ticket.number


def call_elsewhere(database: Database, window: str, seat: int) -> None:
    """Call the next visitor from another OS process, as a window's workstation would."""
    subprocess.run(
        [
            HALL_ADMIN,
            "--db",
            database.url,
            "queue",
            "call",
            "--window",
            window,
            "--seat",
            str(seat),
        ],
        capture_output=True,
        check=True,
        timeout=60,
    )


@pytest.fixture
def feed(hall_db: Database, hall_events: HallEvents, qtbot: QtBot) -> Iterator[LiveFeed]:
    feed = LiveFeed(hall_db, hall_events)
    feed.start()
    qtbot.waitUntil(lambda: feed.online, timeout=5000)
    yield feed
    feed.stop()


def open_display(
    qtbot: QtBot, database: Database, events: HallEvents, windows: list[str] | None = None
) -> CallingDisplay:
    display = CallingDisplay(database, events, windows)
    qtbot.addWidget(display)
    display.resize(1920, 1080)
    display.show()
    qtbot.waitExposed(display)
    return display


@pytest.mark.usefixtures("feed")
def test_shows_a_call_made_by_another_process_with_the_name_masked(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    with hall_db.write() as session:
        settings.put(session, settings.HALL_NAME, "义马市群众工作部接待大厅")
    number = register(hall_db, NAME, "legal", ID_NUMBER)
    register(hall_db, "李四", "legal")
    display = open_display(qtbot, hall_db, hall_events)
    tile = display.tiles["legal"]
    assert tile.number.text() == "—"
    assert tile.waiting.text() == "等候 2 人"

    call_elsewhere(hall_db, "legal", seat=2)

    qtbot.waitUntil(lambda: tile.number.text() == number, timeout=2000)
    assert tile.caller.text() == "张**  2 号座"
    assert tile.window_name.text() == "A  法律服务"
    assert tile.location.text() == "一楼 1 号窗口"
    assert tile.waiting.text() == "等候 1 人"
    call, place = display.recent.rows[0]
    assert call.text() == f"{number}  张**"
    assert place.text() == "法律服务 · 一楼 1 号窗口"
    assert display.hall_name.text() == "义马市群众工作部接待大厅"
    text = shown_text(display)
    assert NAME not in text and "三丰" not in text
    assert ID_NUMBER not in text and ID_NUMBER[-4:] not in text
    assert "农民工" not in text
    # The window that has just called flashes, then settles.
    qtbot.waitUntil(lambda: tile.property("flash") is True, timeout=2000)
    qtbot.waitUntil(lambda: tile.property("flash") is False, timeout=6000)


@pytest.mark.usefixtures("feed")
def test_several_windows_calling_and_the_latest_calls_first(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    legal = register(hall_db, "王芳", "legal")
    aid = register(hall_db, "赵敏", "aid")
    court = register(hall_db, "欧阳修", "court")
    display = open_display(qtbot, hall_db, hall_events)
    with hall_db.write() as session:
        queue.call_next(session, "legal", seat=1)
    with hall_db.write() as session:
        queue.call_next(session, "aid", seat=1)
    with hall_db.write() as session:
        queue.call_next(session, "court")
    qtbot.waitUntil(lambda: display.tiles["court"].number.text() == court, timeout=2000)
    assert display.tiles["legal"].number.text() == legal
    assert display.tiles["aid"].number.text() == aid
    assert display.tiles["court"].caller.text() == "欧**"
    assert [call.text() for call, _ in display.recent.rows[:4]] == [
        f"{court}  欧**",
        f"{aid}  赵*",
        f"{legal}  王*",
        "",
    ]
    assert display.tiles["talk"].number.text() == "—"


def test_shows_only_the_chosen_windows(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    legal = register(hall_db, "王芳", "legal")
    register(hall_db, "赵敏", "aid")
    with hall_db.write() as session:
        queue.call_next(session, "aid")
        queue.call_next(session, "legal")
    display = open_display(qtbot, hall_db, hall_events, ["legal", "court"])
    assert list(display.tiles) == ["legal", "court"]
    assert display.tiles["legal"].number.text() == legal
    assert [call.text() for call, _ in display.recent.rows[:2]] == [f"{legal}  王*", ""]


def test_type_scales_with_the_screen(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events)
    big = display.tiles["legal"].number.fontInfo().pixelSize()
    display.resize(960, 540)
    qtbot.waitUntil(lambda: display.tiles["legal"].number.fontInfo().pixelSize() < big)
    assert big >= 100


def test_connection_loss_is_shown_and_cleared(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events)
    hall_events.connection_lost.emit("与数据库的连接已中断")
    assert display.offline.isVisible()
    assert display.offline.text() == "连接中断，正在重新连接…"
    hall_events.connection_restored.emit()
    assert not display.offline.isVisible()


def test_the_clock_on_the_wall_is_the_halls(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot, hall_day: dt.date
) -> None:
    """The date shown is the hall's (pinned here), not the machine's, like every other date."""
    display = open_display(qtbot, hall_db, hall_events)
    qtbot.waitUntil(lambda: display.clock.text() != "")
    assert f"{hall_day.year}年{hall_day.month}月{hall_day.day}日" in display.clock.text()
