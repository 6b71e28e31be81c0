"""User actions are applied once however often they are retried: after a refusal, after a
lost connection, and after a commit whose acknowledgement never arrived."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from db.action_requests import AlreadyClaimed, Applied, apply_once, new_request_id, perform
from db.engine import Database
from db.models import ActionRequest, Event, Ticket
from hall import catalog, clock, queue
from hall.errors import NotFound
from tests.pg_proxy import PgProxy

ISSUE = "ticket.issue"
OUTAGE_ATTEMPTS = 3
# How long one attempt may wait for the other to arrive, on the most loaded machine.
PATIENCE_SECONDS = 60.0


def tickets(database: Database) -> list[str]:
    with database.read() as s:
        return list(s.scalars(select(Ticket.number).order_by(Ticket.id)))


def issued_events(database: Database) -> int:
    with database.read() as s:
        return s.scalar(select(func.count()).where(Event.kind == "ticket.issued")) or 0


def waiting_on_a_lock(database: Database) -> bool:
    """Whether a session of the PostgreSQL ``database`` waits for another's lock."""
    with database.read() as s:
        waiting = s.scalar(
            text(
                "SELECT count(*) FROM pg_stat_activity"
                " WHERE datname = current_database() AND wait_event_type = 'Lock'"
            )
        )
    return bool(waiting)


def test_a_request_is_applied_once_and_answered_after(hall_db: Database) -> None:
    request = new_request_id()
    with hall_db.write() as s:
        first = apply_once(s, request, ISSUE, lambda: queue.issue_ticket(s, "legal").id)
    with hall_db.write() as s:
        again = apply_once(s, request, ISSUE, lambda: queue.issue_ticket(s, "legal").id)
    assert first == Applied(first.entity_id, replayed=False)
    assert again == Applied(first.entity_id, replayed=True)
    assert tickets(hall_db) == ["A001"]
    assert issued_events(hall_db) == 1
    with hall_db.write() as s:
        other = apply_once(s, new_request_id(), ISSUE, lambda: queue.issue_ticket(s, "legal").id)
    assert not other.replayed and other.entity_id != first.entity_id
    assert tickets(hall_db) == ["A001", "A002"]


def test_an_action_that_finds_nothing_is_remembered_as_such(hall_db: Database) -> None:
    request = new_request_id()

    def call() -> int | None:
        ticket = queue.call_next(s, "legal")
        return ticket.id if ticket else None

    with hall_db.write() as s:
        assert apply_once(s, request, "ticket.call", call) == Applied(None, replayed=False)
    with hall_db.write() as s:
        queue.issue_ticket(s, "legal")
    # The retry of a call that found nobody does not call the visitor who came since.
    with hall_db.write() as s:
        assert apply_once(s, request, "ticket.call", call) == Applied(None, replayed=True)
    with hall_db.read() as s:
        assert [t.status for t in queue.waiting(s, "legal", clock.now().date())] == [queue.WAITING]


def test_a_refused_action_leaves_no_record_and_may_be_tried_again(hall_db: Database) -> None:
    request = new_request_id()
    with pytest.raises(NotFound), hall_db.write() as s:
        apply_once(s, request, ISSUE, lambda: queue.issue_ticket(s, "nowhere").id)
    with hall_db.read() as s:
        assert s.get(ActionRequest, request) is None
    with hall_db.write() as s:
        applied = apply_once(s, request, ISSUE, lambda: queue.issue_ticket(s, "legal").id)
    assert not applied.replayed
    assert tickets(hall_db) == ["A001"]


def test_a_request_id_belongs_to_one_kind_of_action(hall_db: Database) -> None:
    request = new_request_id()
    with hall_db.write() as s:
        apply_once(s, request, ISSUE, lambda: queue.issue_ticket(s, "legal").id)
    refused = r"ticket\.issue, not a ticket\.call"
    with pytest.raises(ValueError, match=refused), hall_db.write() as s:
        apply_once(s, request, "ticket.call", lambda: None)


# Faults on PostgreSQL, made by a proxy between the program and the server -----------------


@pytest.fixture
def proxy(pg_db: Database) -> Iterator[PgProxy]:
    with pg_db.write() as s:
        catalog.seed(s)
    proxy = PgProxy(pg_db.url)
    yield proxy
    proxy.close()


@pytest.fixture
def through(proxy: PgProxy) -> Iterator[Database]:
    """The test database as a workstation behind the proxy reaches it."""
    database = Database(proxy.url)
    yield database
    database.dispose()


def issue(s: Session) -> int:
    return queue.issue_ticket(s, "legal").id


def test_a_lost_commit_acknowledgement_is_neither_applied_twice_nor_lost(
    pg_db: Database, proxy: PgProxy, through: Database
) -> None:
    # The fault is real: the server commits, the client hears only of a lost connection.
    proxy.lose_next_commit_ack()
    with pytest.raises(OperationalError), through.write() as s:
        issue(s)
    assert proxy.acks_lost == 1
    assert tickets(pg_db) == ["A001"]

    # Retrying that blindly would issue A002 for the same visitor; the request id prevents it.
    proxy.lose_next_commit_ack()
    retries: list[BaseException] = []
    request = new_request_id()
    applied = perform(through, request, ISSUE, issue, on_retry=retries.append)
    assert proxy.acks_lost == 2
    assert len(retries) == 1 and isinstance(retries[0], OperationalError)
    assert applied.replayed
    assert tickets(pg_db) == ["A001", "A002"]
    assert issued_events(pg_db) == 2
    with pg_db.read() as s:
        assert s.scalar(select(Ticket.number).where(Ticket.id == applied.entity_id)) == "A002"


def test_an_action_waits_through_an_outage_and_is_applied_once_after(
    pg_db: Database, proxy: PgProxy, through: Database
) -> None:
    with through.read() as s:
        queue.window_by_code(s, "legal")
    proxy.cut()
    retries: list[BaseException] = []

    def failed(error: BaseException) -> None:
        # The outage lasts three attempts, however long a loaded machine takes over each.
        retries.append(error)
        if len(retries) == OUTAGE_ATTEMPTS:
            proxy.restore()

    applied = perform(through, new_request_id(), ISSUE, issue, on_retry=failed)
    assert not applied.replayed
    assert len(retries) == OUTAGE_ATTEMPTS
    assert tickets(pg_db) == ["A001"]


def test_an_outage_longer_than_the_patience_is_reported(
    pg_db: Database, proxy: PgProxy, through: Database
) -> None:
    proxy.cut()
    request = new_request_id()
    with pytest.raises(OperationalError):
        perform(through, request, ISSUE, issue, retry_for=0.5)
    proxy.restore()
    assert tickets(pg_db) == []
    # Nothing was applied, so the same request, tried again, is applied now.
    assert not perform(through, request, ISSUE, issue).replayed
    assert tickets(pg_db) == ["A001"]


def test_two_attempts_of_one_request_at_once_apply_it_once(pg_db: Database) -> None:
    with pg_db.write() as s:
        catalog.seed(s)
    request = new_request_id()
    claimed = threading.Event()
    results: list[Applied | BaseException] = []

    def slow_issue(s: Session) -> int:
        claimed.set()
        # Hold the first attempt open until the second one has arrived and waits on it.
        deadline = time.monotonic() + PATIENCE_SECONDS
        while not waiting_on_a_lock(pg_db):
            assert time.monotonic() < deadline, "the second attempt never waited on the first"
            threading.Event().wait(0.01)
        return issue(s)

    def attempt(action: Callable[[Session], int]) -> None:
        try:
            results.append(perform(pg_db, request, ISSUE, action))
        except BaseException as error:
            results.append(error)

    first = threading.Thread(target=attempt, args=(slow_issue,))
    first.start()
    assert claimed.wait(PATIENCE_SECONDS)
    waits: list[BaseException] = []
    second = perform(pg_db, request, ISSUE, issue, on_retry=waits.append)
    first.join(PATIENCE_SECONDS)
    assert results == [Applied(second.entity_id, replayed=False)]
    assert second.replayed
    assert [type(e) for e in waits] == [AlreadyClaimed]
    assert tickets(pg_db) == ["A001"]
