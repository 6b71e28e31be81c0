"""What the shell reads and does as single units of work, on both databases: the main window's
facts, the calling display's board, the displays' settings, and putting unanswered calls back."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from hall import catalog, clock, queue, roster, shell, units, users
from hall import settings as hall_settings
from hall.errors import PermissionDenied
from tests.hall.window_helpers import event_kinds


@pytest.fixture
def hall(db: Database) -> Database:
    with db.write() as s:
        catalog.seed(s)
    return db


def test_the_main_window_learns_the_halls_name_and_windows(hall: Database) -> None:
    with hall.read() as s:
        facts = shell.hall_facts(s)
    assert facts.name == hall_settings.HALL_NAME.default
    assert facts.windows[0] == ("legal", "A 法律服务")
    assert len(facts.windows) == 8


def test_the_board_shows_the_chosen_windows_and_their_calls_only(hall: Database) -> None:
    day = clock.now().date()
    with hall.write() as s:
        roster.set_duty_leader(s, day, "刘书记", "带班领导")
        queue.issue_ticket(s, "legal")
        queue.issue_ticket(s, "talk")
        queue.call_next(s, "legal", seat=1)
        queue.call_next(s, "talk", seat=1)
    with hall.read() as s:
        board = shell.display_board(s, day, {"talk"}, recent=8)
        every = shell.display_board(s, day, None, recent=1)
    assert (board.leader_name, board.leader_title) == ("刘书记", "带班领导")
    assert [w.code for w in board.windows] == ["talk"]
    assert [t.number for t in board.recent] == ["B001"]
    assert len(every.windows) == 8 and len(every.recent) == 1


def test_the_display_settings_are_saved_by_the_administrator_and_told(hall: Database) -> None:
    with hall.write() as s:
        admin = users.add_user(s, "admin", "管理员", "secret1", [users.ADMIN])
        leader = users.add_user(s, "lingdao", "领导", "secret1", [users.LEADER])
    chosen = hall_settings.DisplaySettings("请 {number} 号到 {window}", "下午停电", 5)
    with pytest.raises(PermissionDenied), hall.write() as s:
        hall_settings.save_display_settings(s, chosen, leader)
    with hall.write() as s:
        hall_settings.save_display_settings(s, chosen, admin)
    with hall.read() as s:
        assert hall_settings.display_settings(s) == chosen
    assert event_kinds(hall, "hall_setting") == [hall_settings.SETTINGS_CHANGED]


def test_unanswered_calls_go_back_after_the_halls_timeout_only(hall: Database) -> None:
    with hall.write() as s:
        queue.issue_ticket(s, "legal")
        queue.call_next(s, "legal", seat=1)
    later = clock.now() + dt.timedelta(minutes=30)
    with hall.write() as s:
        hall_settings.put(s, hall_settings.CALL_TIMEOUT_MINUTES, 0)
        assert shell.release_unanswered_calls(s, later) == []
    with hall.write() as s:
        hall_settings.put(s, hall_settings.CALL_TIMEOUT_MINUTES, 20)
        assert shell.release_unanswered_calls(s, later) == ["A001"]


def test_a_unit_is_retired_and_brought_back(hall: Database) -> None:
    with hall.write() as s:
        unit_id = units.add_unit(s, "县民政局", "county").id
    with hall.write() as s:
        assert not units.toggle_unit_active(s, unit_id).active
    with hall.write() as s:
        assert units.toggle_unit_active(s, unit_id).active
