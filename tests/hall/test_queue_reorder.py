"""Out-of-turn calls, 过号重排, wait estimates and the service level, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from db import events
from db.engine import Database
from hall import queue, settings
from hall.errors import IllegalTransition, InvalidInput
from hall.figures.work import window_target

T0 = dt.datetime(2026, 11, 23, 9, 0, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def issue(db: Database, window: str, minutes: float, priority: str | None = None) -> int:
    with db.write() as s:
        return queue.issue_ticket(s, window, priority_reason=priority, now=at(minutes)).id


def call_order(db: Database, window: str, minutes: float) -> list[str]:
    numbers = []
    with db.write() as s:
        while (ticket := queue.call_next(s, window, seat=1, now=at(minutes))) is not None:
            numbers.append(ticket.number)
    return numbers


def test_out_of_turn_call_keeps_the_reason_and_the_others_places(hall_db: Database) -> None:
    for minute in range(4):
        issue(hall_db, "legal", minute)
    with hall_db.write() as s:
        ticket = queue.call_out_of_turn(s, "legal", "a003", "预约到号", seat=1, now=at(10))
        ticket_id = ticket.id
        assert ticket.status == queue.CALLED and ticket.number == "A003"
    with hall_db.read() as s:
        called = [e for e in events.for_entity(s, "ticket", ticket_id) if e.kind == "ticket.called"]
    assert called[-1].payload["reason"] == "预约到号"
    assert called[-1].payload["skipped"] == 2
    assert call_order(hall_db, "legal", 11) == ["A001", "A002", "A004"]


def test_out_of_turn_call_needs_a_reason_and_a_waiting_ticket(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    with pytest.raises(InvalidInput) as error, hall_db.write() as s:
        queue.call_out_of_turn(s, "legal", "A001", "  ", now=at(1))
    assert error.value.field == "reason" and "原因" in str(error.value)
    assert call_order(hall_db, "legal", 2) == ["A001"]
    with pytest.raises(IllegalTransition) as refused, hall_db.write() as s:
        queue.call_out_of_turn(s, "legal", "A001", "再叫一次", now=at(3))
    assert "已呼叫" in str(refused.value)


@pytest.mark.parametrize("behind", [0, 1, 3])
def test_a_returning_absentee_goes_behind_the_next_n(hall_db: Database, behind: int) -> None:
    with hall_db.write() as s:
        settings.put(s, settings.NO_SHOW_RETURN_AFTER, behind)
    absent = issue(hall_db, "legal", 0)
    for minute in range(1, 6):
        issue(hall_db, "legal", minute)
    with hall_db.write() as s:
        first = queue.call_next(s, "legal", seat=1, now=at(10))
        assert first is not None and first.id == absent
        queue.mark_no_show(s, absent, now=at(12))
    with hall_db.write() as s:
        back = queue.requeue_no_show(s, absent, now=at(20))
        assert back.status == queue.WAITING and back.number == "A001"
    others = ["A002", "A003", "A004", "A005", "A006"]
    expected = [*others[:behind], "A001", *others[behind:]]
    assert call_order(hall_db, "legal", 30) == expected


def test_a_returning_absentee_goes_behind_priority_visitors_too(hall_db: Database) -> None:
    absent = issue(hall_db, "legal", 0)
    with hall_db.write() as s:
        queue.call_next(s, "legal", seat=1, now=at(1))
        queue.mark_no_show(s, absent, now=at(2))
    issue(hall_db, "legal", 3, priority="elderly")
    issue(hall_db, "legal", 4)
    issue(hall_db, "legal", 5, priority="disabled")
    issue(hall_db, "legal", 6)
    with hall_db.write() as s:
        queue.requeue_no_show(s, absent, now=at(7))
    # Default N = 3: the two priority visitors and the first ordinary one go first.
    assert call_order(hall_db, "legal", 8) == ["A002", "A004", "A003", "A001", "A005"]


def test_only_todays_absentees_come_back(hall_db: Database) -> None:
    waiting = issue(hall_db, "legal", 0)
    with pytest.raises(IllegalTransition) as refused, hall_db.write() as s:
        queue.requeue_no_show(s, waiting, now=at(1))
    assert "过号重排" in str(refused.value)
    with hall_db.write() as s:
        queue.call_next(s, "legal", now=at(1))
        queue.mark_no_show(s, waiting, now=at(2))
    with pytest.raises(IllegalTransition) as expired, hall_db.write() as s:
        queue.requeue_no_show(s, waiting, now=at(60 * 24))
    assert "重新取号" in str(expired.value)


def serve(db: Database, window: str, seat: int, start: float, minutes: float) -> None:
    """Issue, call and finish one visitor taking ``minutes`` at ``seat``."""
    ticket_id = issue(db, window, start)
    with db.write() as s:
        queue.call_ticket(s, ticket_id, seat=seat, now=at(start))
        queue.start(s, ticket_id, now=at(start))
        queue.finish(s, ticket_id, now=at(start + minutes))


def test_wait_is_people_ahead_over_open_seats_times_recent_service(hall_db: Database) -> None:
    with hall_db.write() as s:
        assert queue.window_by_code(s, "aid").seat_count >= 2
        # No service yet: the hall's default time per visitor, every seat assumed open.
        settings.put(s, settings.DEFAULT_SERVICE_MINUTES, 12)
    ids = [issue(hall_db, "aid", 0) for _ in range(3)]
    with hall_db.read() as s:
        fresh = queue.ticket_wait(s, s.get_one(queue.Ticket, ids[2]), now=at(1))
        seats = queue.window_by_code(s, "aid").seat_count
    assert (fresh.ahead, fresh.seats, fresh.minutes_per_visitor) == (2, seats, 12.0)
    # Two services of 6 and 10 minutes at one seat: 8 minutes each, one seat open.
    serve(hall_db, "aid", 1, 10, 6)
    serve(hall_db, "aid", 1, 20, 10)
    with hall_db.read() as s:
        estimate = queue.ticket_wait(s, s.get_one(queue.Ticket, ids[2]), now=at(40))
        newcomer = queue.newcomer_wait(s, "aid", now=at(40))
    assert (estimate.ahead, estimate.seats, estimate.minutes) == (2, 1, 16)
    assert "前面还有 2 人" in estimate.text and "16 分钟" in estimate.text
    assert (newcomer.ahead, newcomer.minutes) == (3, 24)
    # A second seat calling halves the wait.
    with hall_db.write() as s:
        queue.call_ticket(s, ids[0], seat=2, now=at(41))
    with hall_db.read() as s:
        estimate = queue.ticket_wait(s, s.get_one(queue.Ticket, ids[2]), now=at(42))
    assert (estimate.ahead, estimate.seats, estimate.minutes) == (1, 2, 4)


def test_service_level_counts_calls_within_the_window_target(hall_db: Database) -> None:
    with hall_db.write() as s:
        settings.put(s, window_target("legal"), 10)
    early, late = issue(hall_db, "legal", 0), issue(hall_db, "legal", 1)
    issue(hall_db, "legal", 2)
    with hall_db.write() as s:
        queue.call_ticket(s, early, now=at(10))
        queue.call_ticket(s, late, now=at(12))
    with hall_db.read() as s:
        level = queue.service_level(s, "legal", T0.date())
    assert (level.target_minutes, level.within, level.called) == (10, 1, 2)
    assert level.share == 0.5 and "50%" in level.text
