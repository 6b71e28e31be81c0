"""What a window's counter reads and does in one unit of work, on both databases: the ticket at
the seat, a finish that says where the next step went, a transfer's two tickets."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from db.window_models import AID_KINDS, FORWARDED
from hall import aid, clock, counter, outcomes, queue, reception
from tests.hall.window_helpers import item_id, person, serving, setup_hall, unit_id


@pytest.fixture
def hall(db: Database) -> Database:
    return setup_hall(db)


def earlier() -> dt.datetime:
    return clock.now() - dt.timedelta(minutes=10)


def test_the_counter_shows_the_visitor_called_to_its_seat(hall: Database) -> None:
    called = serving(hall, "legal", "王建军", at=earlier(), start=False)
    with hall.write() as s:
        reception.register(
            s, reception.Registration(name="陈志强", window="legal", summary="来访咨询")
        )
    today = clock.now().date()
    with hall.read() as s:
        # Called elsewhere (a hardware caller): the seat shows it without being told its id.
        at_seat = counter.counter_state(s, "legal", 1, None, today)
        other_seat = counter.counter_state(s, "legal", 2, None, today)
    assert at_seat.current is not None and at_seat.current.ticket.id == called
    assert at_seat.current.ticket.status == queue.CALLED and at_seat.waiting == 1
    assert other_seat.current is None


def test_a_finish_says_where_the_next_step_went(hall: Database) -> None:
    ticket_id = serving(hall, "aid", "赵淑兰", at=earlier())
    civil = unit_id(hall, "市民政局")
    chosen = outcomes.Outcome(
        FORWARDED,
        aid.AidEntry(
            kind_id=item_id(hall, AID_KINDS, "医疗救助"),
            household="老伴重病住院",
            household_size=2,
            requested="5,000",
        ),
        unit_id=civil,
    )
    with hall.write() as s:
        finished = counter.finish(s, ticket_id, chosen, person(hall, "bangfu"))
    assert (finished.unit_name, finished.case_number, finished.handoff_number) == (
        "市民政局",
        "",
        "",
    )
    assert finished.ticket.id == ticket_id and finished.ticket.status == queue.FINISHED
    with hall.read() as s:
        assert counter.ticket_view(s, ticket_id) == finished.ticket
        assert counter.ticket_view(s, None) is None


def test_a_transfer_gives_the_old_ticket_and_the_new(hall: Database) -> None:
    ticket_id = serving(hall, "legal", "王建军", at=earlier())
    with hall.write() as s:
        old, new = counter.transfer(s, ticket_id, "talk", "需要心理疏导", person(hall, "falv"))
    assert (old.id, old.status) == (ticket_id, queue.TRANSFERRED)
    assert (new.window, new.status, new.transferred_from_id) == ("talk", queue.WAITING, ticket_id)
