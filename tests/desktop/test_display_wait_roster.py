"""Issue 16 on the calling display, on both databases: each window's tile says how long a number
taken there now would wait, following the queue; the published 领导接访 roster runs along the
foot of the screen and follows the administrator's changes at once."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from pytestqt.qtbot import QtBot
from pytestqt.wait_signal import SignalBlocker

from db.engine import Database
from desktop.display import CallingDisplay
from hall import appointment_admin, clock, queue, roster, users
from kit.context import HallEvent, HallEvents
from tests.desktop.test_display import open_display, register

pytestmark = pytest.mark.usefixtures("chinese")


def announce(events: HallEvents, kind: str, window: str = "") -> None:
    """What the live feed hands the display for an event another workstation committed."""
    events.dispatch(HallEvent(1, kind, "ticket", None, {"window": window} if window else {}))


def display_refreshed(qtbot: QtBot, display: CallingDisplay) -> SignalBlocker:
    return qtbot.waitSignal(display.refreshed, timeout=3000)


def test_each_window_shows_the_wait_of_a_number_taken_now(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events)
    tile = display.tiles["legal"]
    assert tile.wait.text() == "新取号无需等候"
    for name in ("王芳", "赵敏", "李强"):
        register(hall_db, name, "legal")
    with display_refreshed(qtbot, display):
        announce(hall_events, "ticket.issued", "legal")
    with hall_db.read() as s:
        seats = queue.window_by_code(s, "legal").seat_count
    assert tile.wait.text() == f"新取号约等 {math.ceil(3 / seats * 10)} 分钟"
    assert display.tiles["aid"].wait.text() == "新取号无需等候"

    # A window that has served shows its own pace: two finished visits of 30 minutes.
    with hall_db.write() as s:
        start = clock.now() - dt.timedelta(hours=2)
        for offset in (0, 40):
            called = queue.call_next(s, "legal", seat=1, now=start + dt.timedelta(minutes=offset))
            assert called is not None
            queue.start(s, called.id, now=start + dt.timedelta(minutes=offset))
            queue.finish(s, called.id, "当场答复", now=start + dt.timedelta(minutes=offset + 30))
    with display_refreshed(qtbot, display):
        announce(hall_events, "ticket.finished", "legal")
    # One still waits; the last call was 80 minutes ago, so every seat counts as open.
    assert tile.wait.text() == f"新取号约等 {math.ceil(1 / seats * 30)} 分钟"


def test_the_duty_roster_is_published_and_follows_changes(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    today = clock.now().date()
    with hall_db.write() as s:
        roster.set_duty_leader(s, today, "刘建国", "市委副书记", "信访、城建")
        roster.set_duty_leader(s, today + dt.timedelta(days=1), "张秀兰", "副市长", "民政")
        admin = users.add_user(s, "admin", "管理员", "secret123", [users.ADMIN])
    display = open_display(qtbot, hall_db, hall_events)
    band = display.roster
    assert band.isVisible()
    assert band.title.text() == "领导接访安排"
    assert [[label.text() for label in cell] for cell in band.cells[:2]] == [
        ["今天  刘建国", "市委副书记 · 分管信访、城建"],
        ["6月11日 星期四  张秀兰", "副市长 · 分管民政"],
    ]
    assert band.cells[2][1].text() == ""
    # The days on the roster share the band's width; a day not on it takes none.
    assert [who.isVisible() for who, _ in band.cells] == [True, True, False, False, False]
    qtbot.waitUntil(lambda: band.cells[1][1].width() > band.width() // 3)

    with hall_db.write() as s:
        appointment_admin.set_roster_line(
            s, admin, today + dt.timedelta(days=2), "王志刚", "市人大常委会副主任", ""
        )
    with display_refreshed(qtbot, display):
        announce(hall_events, "settings.changed")
    assert [label.text() for label in band.cells[2]] == [
        "6月12日 星期五  王志刚",
        "市人大常委会副主任",
    ]


def test_without_a_roster_the_band_is_not_shown(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    display = open_display(qtbot, hall_db, hall_events)
    assert not display.roster.isVisible()


def test_a_post_too_long_for_its_cell_ends_in_an_ellipsis(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    today = clock.now().date()
    long_post = "市人民代表大会常务委员会副主任 · 分管信访、城乡建设、交通运输、生态环境"
    with hall_db.write() as s:
        roster.set_duty_leader(s, today, "刘建国", "副市长", "民政")
        roster.set_duty_leader(
            s, today + dt.timedelta(days=1), "张秀兰", *long_post.split(" · 分管")
        )
    display = open_display(qtbot, hall_db, hall_events)
    (_, fits), (_, too_long), *_ = display.roster.cells
    assert fits.shown_text() == fits.text() == "副市长 · 分管民政"
    shown = too_long.shown_text()
    # Cut where the cell ends, and said to be cut; the label keeps the whole text.
    assert shown.endswith("…") and long_post.startswith(shown[:-1]) and len(shown) > 4
    assert too_long.fontMetrics().horizontalAdvance(shown) <= too_long.contentsRect().width()
    assert too_long.text() == long_post
