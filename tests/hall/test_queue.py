"""Queue rules on both databases: numbering, call order, transitions, transfers."""

from __future__ import annotations

import datetime as dt

import pytest

from db import events
from db.engine import Database
from hall import queue, settings
from hall.errors import IllegalTransition, InvalidInput, NotFound

T0 = dt.datetime(2026, 11, 23, 9, 0, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def issue(db: Database, window: str, minutes: float, priority: str | None = None) -> str:
    with db.write() as s:
        return queue.issue_ticket(s, window, priority_reason=priority, now=at(minutes)).number


def call(db: Database, window: str, minutes: float) -> str | None:
    with db.write() as s:
        ticket = queue.call_next(s, window, seat=1, now=at(minutes))
        return ticket.number if ticket else None


def test_numbers_run_per_window_and_restart_each_day(hall_db: Database) -> None:
    assert [issue(hall_db, "legal", i) for i in range(3)] == ["A001", "A002", "A003"]
    assert issue(hall_db, "aid", 4) == "D001"
    with hall_db.write() as s:
        next_day = queue.issue_ticket(s, "legal", now=T0 + dt.timedelta(days=1))
        assert next_day.number == "A001"


def test_priority_called_first_then_first_issued(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    issue(hall_db, "legal", 1)
    issue(hall_db, "legal", 2, priority="elderly")
    issue(hall_db, "legal", 3, priority="disabled")
    assert [call(hall_db, "legal", 10 + i) for i in range(5)] == [
        "A003",
        "A004",
        "A001",
        "A002",
        None,
    ]


def test_unknown_priority_reason_is_refused_with_the_known_ones(hall_db: Database) -> None:
    with pytest.raises(InvalidInput) as error, hall_db.write() as s:
        queue.issue_ticket(s, "legal", priority_reason="vip", now=T0)
    assert "vip" in str(error.value) and "elderly" in str(error.value)
    with hall_db.read() as s:
        assert queue.waiting(s, "legal", T0.date()) == []


def test_unknown_window_names_the_known_codes(hall_db: Database) -> None:
    with pytest.raises(NotFound) as error, hall_db.write() as s:
        queue.issue_ticket(s, "nowhere", now=T0)
    assert "legal" in str(error.value)


def test_full_service_records_wait_and_service_times(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    with hall_db.write() as s:
        ticket = queue.call_next(s, "legal", seat=2, now=at(5))
        assert ticket is not None
        ticket_id = ticket.id
        queue.start(s, ticket_id, now=at(6))
        queue.finish(s, ticket_id, "  讲解了相关法律规定  ", now=at(16))
    with hall_db.read() as s:
        view = queue.view(s.get_one(queue.Ticket, ticket_id))
        kinds = [e.kind for e in events.for_entity(s, "ticket", ticket_id)]
    assert view.status == queue.FINISHED and view.seat == 2
    assert view.notes == "讲解了相关法律规定"
    assert view.called_at is not None and view.started_at is not None
    assert view.finished_at is not None
    assert view.called_at - view.issued_at == dt.timedelta(minutes=5)
    assert view.finished_at - view.started_at == dt.timedelta(minutes=10)
    assert kinds == ["ticket.issued", "ticket.called", "ticket.started", "ticket.finished"]


def test_illegal_transitions_are_refused_and_change_nothing(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    with hall_db.read() as s:
        ticket_id = queue.waiting(s, "legal", T0.date())[0].id
    for action in (queue.start, queue.finish, queue.recall, queue.mark_no_show):
        with pytest.raises(IllegalTransition) as error, hall_db.write() as s:
            action(s, ticket_id, now=at(1))
        assert "A001" in str(error.value) and "等候中" in str(error.value)
    with hall_db.write() as s:
        queue.cancel(s, ticket_id, now=at(2))
    for action in (queue.call_ticket, queue.start, queue.finish, queue.cancel):
        with pytest.raises(IllegalTransition), hall_db.write() as s:
            action(s, ticket_id, now=at(3))
    assert call(hall_db, "legal", 4) is None
    with hall_db.read() as s:
        kinds = [e.kind for e in events.for_entity(s, "ticket", ticket_id)]
    assert kinds == ["ticket.issued", "ticket.cancelled"]


def test_recalls_then_no_show_past_the_limit(hall_db: Database) -> None:
    with hall_db.write() as s:
        settings.put(s, settings.MAX_RECALLS, 2)
    issue(hall_db, "aid", 0)
    call(hall_db, "aid", 1)
    with hall_db.read() as s:
        ticket_id = queue.active(s, "aid", T0.date())[0].id
    statuses = []
    for minute in (2, 3, 4):
        with hall_db.write() as s:
            statuses.append(queue.recall(s, ticket_id, now=at(minute)).status)
    assert statuses == [queue.CALLED, queue.CALLED, queue.NO_SHOW]
    with pytest.raises(IllegalTransition), hall_db.write() as s:
        queue.recall(s, ticket_id, now=at(5))


def test_no_show_by_hand(hall_db: Database) -> None:
    issue(hall_db, "aid", 0)
    call(hall_db, "aid", 1)
    with hall_db.write() as s:
        ticket_id = queue.active(s, "aid", T0.date())[0].id
        assert queue.mark_no_show(s, ticket_id, now=at(2)).status == queue.NO_SHOW


def test_transfer_keeps_the_visitors_place_in_time(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    issue(hall_db, "aid", 5)
    issue(hall_db, "aid", 6)
    call(hall_db, "legal", 7)
    with hall_db.write() as s:
        legal_ticket = queue.active(s, "legal", T0.date())[0]
        queue.start(s, legal_ticket.id, now=at(8))
        moved = queue.transfer(s, legal_ticket.id, "aid", "需要申请临时救助", now=at(10))
        assert moved.number == "D003"
        assert moved.transferred_from_id == legal_ticket.id
        assert moved.queued_at == at(0)
        assert legal_ticket.status == queue.TRANSFERRED
    # Issued at minute 0 at the legal window, so ahead of D001 and D002.
    assert call(hall_db, "aid", 11) == "D003"
    with pytest.raises(InvalidInput), hall_db.write() as s:
        waiting = queue.waiting(s, "aid", T0.date())[0]
        queue.transfer(s, waiting.id, "aid", now=at(12))


def test_status_counts_each_window(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    issue(hall_db, "legal", 1, priority="pregnant")
    issue(hall_db, "talk", 2)
    call(hall_db, "talk", 3)
    with hall_db.read() as s:
        by_code = {w.code: w for w in queue.status(s, T0.date())}
    assert by_code["legal"].waiting == 2 and by_code["legal"].priority_waiting == 1
    assert by_code["talk"].waiting == 0
    assert [t.number for t in by_code["talk"].calling] == ["B001"]


def test_disabled_window_takes_no_tickets(hall_db: Database) -> None:
    with hall_db.write() as s:
        queue.window_by_code(s, "publicity").enabled = False
    with pytest.raises(IllegalTransition) as error, hall_db.write() as s:
        queue.issue_ticket(s, "publicity", now=T0)
    assert "停用" in str(error.value)


def test_release_puts_a_called_visitor_back_in_their_place(hall_db: Database) -> None:
    issue(hall_db, "legal", 0)
    issue(hall_db, "legal", 1)
    assert call(hall_db, "legal", 2) == "A001"
    with hall_db.write() as s:
        ticket_id = queue.active(s, "legal", T0.date())[0].id
        released = queue.release(s, ticket_id, now=at(3))
        assert released.status == queue.WAITING and released.called_at is None
    assert call(hall_db, "legal", 4) == "A001"
    with pytest.raises(IllegalTransition), hall_db.write() as s:
        queue.start(s, ticket_id, now=at(5))
        queue.release(s, ticket_id, now=at(6))


def test_a_call_left_from_an_earlier_day_is_closed_as_absent_not_requeued(
    hall_db: Database,
) -> None:
    issue(hall_db, "aid", 0)
    issue(hall_db, "aid", 1)
    call(hall_db, "aid", 10)
    next_morning = dt.datetime.combine(T0.date() + dt.timedelta(days=1), dt.time(8, 30))
    with hall_db.write() as s:
        closed = queue.release_stale_calls(s, dt.timedelta(minutes=15), now=next_morning)
        assert [(t.number, t.status, t.finished_at) for t in closed] == [
            ("D001", queue.NO_SHOW, next_morning)
        ]
        kinds = [e.kind for e in events.for_entity(s, "ticket", closed[0].id)]
    assert kinds[-1] == "ticket.no_show"
    with hall_db.read() as s:
        # Yesterday's queue keeps only the one never called; nothing went back into it.
        assert [t.number for t in queue.waiting(s, "aid", T0.date())] == ["D002"]


def test_stale_calls_are_released_after_the_timeout(hall_db: Database) -> None:
    for minute in range(3):
        issue(hall_db, "aid", minute)
    call(hall_db, "aid", 10)
    call(hall_db, "aid", 20)
    with hall_db.write() as s:
        released = queue.release_stale_calls(s, dt.timedelta(minutes=15), now=at(30))
        assert [t.number for t in released] == ["D001"]
        kinds = [e.kind for e in events.for_entity(s, "ticket", released[0].id)]
    assert kinds[-1] == "ticket.released"
    with hall_db.read() as s:
        assert [t.number for t in queue.waiting(s, "aid", T0.date())] == ["D001", "D003"]
