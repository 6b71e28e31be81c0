"""Several OS processes issuing and calling at the same instant, on PostgreSQL and on one
SQLite file: no number is handed out twice or skipped, no visitor is called twice or lost.

Each worker is a separate interpreter (``multiprocessing`` with the ``spawn`` context), with its
own engine and connections, exactly like another workstation. Workers connect first, then wait
on a barrier so that they all start together; each reports what it got through a queue, and
the test checks the reports against the database.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import traceback
from collections import Counter
from collections.abc import Callable
from multiprocessing.context import SpawnContext
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.models import Event, Ticket
from hall import queue

pytestmark = pytest.mark.slow

DAY = dt.date(2031, 3, 3)
WINDOW = "legal"
PROCESSES = 6
PER_PROCESS = 30
# Generous: the machine may be shared; a healthy run takes a few seconds.
TIMEOUT = 120

# (status, role, result): status "ok" or "error" (then the result is the traceback).
Report = tuple[str, str, Any]
ISSUER = "issuer"
CALLER = "caller"


def _now() -> dt.datetime:
    return dt.datetime.combine(DAY, dt.datetime.now().time())


def _worker(
    role: str, job: Callable[[Database], Any], url: str, barrier: Barrier, reports: Any
) -> None:
    database = Database(url)
    try:
        # Connect and warm up before the barrier, so the real work starts at the same instant.
        with database.read() as s:
            queue.window_by_code(s, WINDOW)
        barrier.wait(TIMEOUT)
        reports.put(("ok", role, job(database)))
    except BaseException:
        reports.put(("error", role, f"process {os.getpid()}:\n{traceback.format_exc()}"))
    finally:
        database.dispose()


def issue_many(
    url: str,
    barrier: Barrier,
    reports: Any,
    count: int,
    priority_every: int,
    done: Any,
    meet: bool = False,
) -> None:
    """Issue ``count`` tickets one transaction each; every ``priority_every``-th is elderly.
    With ``meet``, wait after the first issue until every process has made its first (the
    processes are then all desks)."""

    def job(database: Database) -> list[str]:
        numbers = []
        for i in range(count):
            reason = "elderly" if priority_every and i % priority_every == 0 else None
            with database.write() as s:
                ticket = queue.issue_ticket(s, WINDOW, priority_reason=reason, now=_now())
                numbers.append(ticket.number)
            if meet and i == 0:
                barrier.wait(TIMEOUT)
        if done is not None:
            with done.get_lock():
                done.value += 1
        return numbers

    _worker(ISSUER, job, url, barrier, reports)


def call_until_empty(
    url: str, barrier: Barrier, reports: Any, issuers: int, done: Any, meet: bool = False
) -> None:
    """Call next until nobody waits (and, when issuers run alongside, until they are done).
    Reports each call as (ticket id, number, priority, queued_at) in the order made. With
    ``meet``, wait after the first call until every process has made its first (the processes
    are then all officers, and there are visitors enough for every first call)."""

    def job(database: Database) -> list[tuple[int, str, int, str]]:
        calls = []
        while True:
            # Read before calling: if every issuer had finished before this call and the call
            # finds nobody, nobody is left.
            finished = done is None or done.value >= issuers
            with database.write() as s:
                ticket = queue.call_next(s, WINDOW, seat=1, now=_now())
                if ticket is not None:
                    calls.append(
                        (ticket.id, ticket.number, ticket.priority, ticket.queued_at.isoformat())
                    )
            if meet and len(calls) == 1 and ticket is not None:
                barrier.wait(TIMEOUT)
            if ticket is None and finished:
                return calls

    _worker(CALLER, job, url, barrier, reports)


def run_processes(
    ctx: SpawnContext, targets: list[tuple[Callable[..., None], tuple[Any, ...]]]
) -> list[Report]:
    """Start every target at once (they meet at a barrier) and collect one report from each."""
    barrier = ctx.Barrier(len(targets))
    reports = ctx.Queue()
    processes = [
        ctx.Process(target=target, args=(args[0], barrier, reports, *args[1:]))
        for target, args in targets
    ]
    for process in processes:
        process.start()
    try:
        collected = [reports.get(timeout=TIMEOUT) for _ in processes]
    finally:
        for process in processes:
            process.join(TIMEOUT)
            if process.is_alive():
                process.kill()
    errors = [detail for status, _role, detail in collected if status != "ok"]
    assert not errors, "\n".join(errors)
    assert [p.exitcode for p in processes] == [0] * len(processes)
    return collected


def _tickets(database: Database) -> list[Ticket]:
    with database.read() as s:
        window = queue.window_by_code(s, WINDOW)
        return list(
            s.scalars(
                select(Ticket)
                .where(Ticket.window_id == window.id, Ticket.service_date == DAY)
                .order_by(Ticket.seq)
            )
        )


def _event_counts(database: Database, kind: str) -> Counter[int]:
    with database.read() as s:
        rows = s.execute(
            select(Event.entity_id, func.count())
            .where(Event.kind == kind, Event.entity == "ticket")
            .group_by(Event.entity_id)
        )
        return Counter({entity_id: count for entity_id, count in rows})


def _expected_numbers(count: int) -> list[str]:
    return [f"A{n:03d}" for n in range(1, count + 1)]


def _results(reports: list[Report], role: str) -> list[Any]:
    return [result for _status, report_role, result in reports if report_role == role]


def _one_block(numbers: list[str]) -> bool:
    """True when a desk's numbers are one unbroken run (nobody issued in between)."""
    seqs = [int(n[1:]) for n in numbers]
    return seqs == list(range(seqs[0], seqs[0] + len(seqs)))


def _issue_all(ctx: SpawnContext, url: str, priority_every: int = 0) -> list[list[str]]:
    reports = run_processes(
        ctx,
        [(issue_many, (url, PER_PROCESS, priority_every, None, True)) for _ in range(PROCESSES)],
    )
    return _results(reports, ISSUER)


def _ordered(calls: list[tuple[int, str, int, str]]) -> bool:
    keys = [(priority, queued_at, ticket_id) for ticket_id, _n, priority, queued_at in calls]
    return keys == sorted(keys)


def test_simultaneous_issues_get_unique_gap_free_numbers(hall_db: Database) -> None:
    ctx = multiprocessing.get_context("spawn")
    per_process = _issue_all(ctx, hall_db.url)

    total = PROCESSES * PER_PROCESS
    handed_out = [number for numbers in per_process for number in numbers]
    assert sorted(handed_out) == _expected_numbers(total)
    for numbers in per_process:
        assert numbers == sorted(numbers), "one desk's own numbers must rise"
    # The desks really overlapped: not every desk got one unbroken run of numbers. (SQLite's
    # writers wait their turn by sleeping, so a desk could take its thirty in a row while the
    # others slept, and each desk after it: the desks meet after their first issue.)
    assert not all(_one_block(numbers) for numbers in per_process)

    tickets = _tickets(hall_db)
    assert [t.number for t in tickets] == _expected_numbers(total)
    assert {t.status for t in tickets} == {queue.WAITING}
    issued = _event_counts(hall_db, "ticket.issued")
    assert all(issued[t.id] == 1 for t in tickets) and sum(issued.values()) == total


def test_simultaneous_calls_take_every_visitor_exactly_once(hall_db: Database) -> None:
    ctx = multiprocessing.get_context("spawn")
    total = PROCESSES * PER_PROCESS
    with hall_db.write() as s:
        for i in range(total):
            reason = "disabled" if i % 7 == 3 else None
            queue.issue_ticket(
                s,
                WINDOW,
                priority_reason=reason,
                now=dt.datetime.combine(DAY, dt.time(8)) + dt.timedelta(seconds=i),
            )

    reports = run_processes(
        ctx, [(call_until_empty, (hall_db.url, 0, None, True)) for _ in range(PROCESSES)]
    )

    per_process = _results(reports, CALLER)
    called_ids = [ticket_id for calls in per_process for ticket_id, *_ in calls]
    assert len(called_ids) == len(set(called_ids)), "a visitor was called twice"
    tickets = _tickets(hall_db)
    assert sorted(called_ids) == sorted(t.id for t in tickets), "a visitor was lost"
    assert {t.status for t in tickets} == {queue.CALLED}
    # Each officer's own calls follow the call order: priority first, then first queued.
    assert all(_ordered(calls) for calls in per_process)
    # They meet after their first call, or one could call everybody while the others slept.
    assert sum(1 for calls in per_process if calls) >= 2, "the officers did not overlap"
    called = _event_counts(hall_db, "ticket.called")
    assert all(called[t.id] == 1 for t in tickets) and sum(called.values()) == total


def test_issuing_and_calling_at_once(hall_db: Database) -> None:
    ctx = multiprocessing.get_context("spawn")
    issuers = callers = PROCESSES // 2
    done: Synchronized[int] = ctx.Value("i", 0)
    targets: list[tuple[Callable[..., None], tuple[Any, ...]]] = [
        (issue_many, (hall_db.url, PER_PROCESS, 4, done)) for _ in range(issuers)
    ]
    targets += [(call_until_empty, (hall_db.url, issuers, done)) for _ in range(callers)]

    reports = run_processes(ctx, targets)

    total = issuers * PER_PROCESS
    issued = [number for numbers in _results(reports, ISSUER) for number in numbers]
    assert sorted(issued) == _expected_numbers(total)
    called = [call[1] for calls in _results(reports, CALLER) for call in calls]
    assert sorted(called) == _expected_numbers(total), "every visitor called exactly once"
    tickets = _tickets(hall_db)
    assert [t.number for t in tickets] == _expected_numbers(total)
    assert {t.status for t in tickets} == {queue.CALLED}
    called_events = _event_counts(hall_db, "ticket.called")
    assert all(called_events[t.id] == 1 for t in tickets)
