"""The demo hall on both databases: eight windows, a user for every role, a morning of
visitors in several states, each of them believable (valid ID numbers, times in order)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from db.engine import Database
from db.models import ServiceWindow, Ticket, User, Visitor
from hall import catalog, demo, queue, settings, setup, users
from hall.identity import check_resident_id

NOW = dt.datetime(2026, 11, 23, 11, 0, 0)


def seeded(database: Database) -> Database:
    with database.write() as s:
        demo.seed_demo(s, now=NOW)
    return database


def test_eight_windows_with_their_letters(db: Database) -> None:
    with seeded(db).read() as s:
        windows = s.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order)).all()
        assert setup.is_set_up(s)
        assert settings.get(s, settings.HALL_NAME).endswith("（演示）")
    assert [(w.code, w.letter) for w in windows] == [
        (spec.code, spec.letter) for spec in catalog.WINDOWS
    ]
    assert [w.letter for w in windows] == list("ABCDEFGH")
    assert all(w.enabled and w.seat_count >= 1 for w in windows)


def test_a_user_for_every_role_who_can_log_in(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        everyone = s.scalars(select(User)).all()
        by_role = {
            role: [u for u in everyone if users.has_role(u, role)] for role in users.ROLE_NAMES
        }
        officers = by_role[users.OFFICER]
        served = {code for officer in officers for code in users.window_codes(officer)}
        clerk_windows = [users.window_codes(u) for u in by_role[users.CLERK]]
    assert all(by_role.values()), {role: len(found) for role, found in by_role.items()}
    # Every service window has an officer; the court has its clerk.
    assert served == {spec.code for spec in catalog.WINDOWS} - {"court"}
    assert ["court"] in clerk_windows
    for role, found in by_role.items():
        with db.write() as s:
            assert users.authenticate(s, found[0].login, demo.DEMO_PASSWORD).id == found[0].id, role


def test_a_morning_of_tickets_in_several_states(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        tickets = s.scalars(select(Ticket).order_by(Ticket.id)).all()
        visitors = s.scalars(select(Visitor)).all()
        status = {w.code: w for w in queue.status(s, NOW.date())}
    states = {t.status for t in tickets}
    assert {queue.WAITING, queue.CALLED, queue.FINISHED} <= states
    assert len(tickets) == 24 and all(t.service_date == NOW.date() for t in tickets)
    assert any(t.priority_reason for t in tickets)
    assert sum(w.waiting for w in status.values()) > 0
    assert {w.code for w in status.values() if w.calling} == {"legal", "aid"}
    for visitor in visitors:
        assert visitor.id_number is not None
        resident = check_resident_id(visitor.id_number)
        assert (resident.birth_date, resident.gender) == (visitor.birth_date, visitor.gender)


def test_every_ticket_keeps_its_times_in_order(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        tickets = s.scalars(select(Ticket)).all()
    for t in tickets:
        times = [t.issued_at, t.called_at, t.started_at, t.finished_at]
        present = [moment for moment in times if moment is not None]
        assert present == sorted(present), f"{t.number}: {times}"
        assert all(moment <= NOW for moment in present), f"{t.number} happens after now"
