"""Random sequences of queue actions against a real database, checked against a plain model.

Hypothesis drives issue / call next / call out of turn / recall / no-show / start / finish /
transfer / cancel at three windows, legal and illegal alike, and after every step compares the
database with an in-memory model of what the rules say must have happened:

- numbers are unique per window per day and gap-free (A001, A002, … with no hole);
- no ticket is ever called twice; call next always takes the waiting ticket of the highest
  priority class, then the earliest place in time (``queued_at``), then the lowest id;
- a ticket in a terminal state never changes again;
- every successful action writes exactly its events (one per ticket it changes), and a refused
  action raises the expected error and changes nothing at all (tickets, counters, event log).

Each example runs on a day of its own, so examples share the database but not a queue.
"""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, field
from typing import Any, ClassVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.engine import Database
from db.models import Counter, Ticket
from hall import catalog, queue
from hall import settings as hall_settings
from hall.errors import HallError, IllegalTransition, InvalidInput, NotFound

WINDOWS = {"legal": ("A", 2), "aid": ("D", 2), "court": ("H", 1)}
MAX_RECALLS = 1
FIRST_DAY = dt.date(2030, 1, 1)
OPEN = dt.time(8, 30)
# Mostly seats that exist; 0 and 3 are beyond every window here but the two-seat ones.
SEATS = st.sampled_from([None, 1, 1, 2, 0, 3])
PRIORITIES = st.sampled_from([None, None, "elderly", "disabled"])
PICK = st.integers(min_value=0, max_value=10_000)
WINDOW = st.sampled_from(sorted(WINDOWS))
# Mostly legal actions, so that queues get somewhere; a third are ones the state forbids.
LEGAL = st.sampled_from([True, True, False])

# The states from which each action is allowed (the transition table of hall.queue).
ALLOWED = {
    "call_ticket": {queue.WAITING},
    "recall": {queue.CALLED},
    "no_show": {queue.CALLED},
    "start": {queue.CALLED},
    "finish": {queue.SERVING},
    "transfer": {queue.WAITING, queue.CALLED, queue.SERVING},
    "cancel": {queue.WAITING, queue.CALLED},
}


@dataclass
class ModelTicket:
    id: int
    window: str
    seq: int
    status: str
    priority: int
    queued_at: dt.datetime
    recall_count: int = 0
    transferred_from: int | None = None
    frozen: dict[str, Any] = field(default_factory=dict)

    @property
    def number(self) -> str:
        return f"{WINDOWS[self.window][0]}{self.seq:03d}"

    def call_order(self) -> tuple[int, dt.datetime, int]:
        return (self.priority, self.queued_at, self.id)


def _row(ticket: Ticket) -> dict[str, Any]:
    return {column.key: getattr(ticket, column.key) for column in Ticket.__table__.columns}


class QueueMachine(RuleBasedStateMachine):
    database: ClassVar[Database]
    days: ClassVar[itertools.count[int]]

    def __init__(self) -> None:
        super().__init__()
        self.day = FIRST_DAY + dt.timedelta(days=next(self.days))
        self.clock = dt.datetime.combine(self.day, OPEN)
        self.tickets: dict[int, ModelTicket] = {}
        self.issued: dict[str, int] = dict.fromkeys(WINDOWS, 0)
        self.ever_called: set[int] = set()
        with self.database.read() as s:
            self.last_event = events.last_id(s)

    # -- helpers ---------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        self.clock += dt.timedelta(seconds=1)
        return self.clock

    def pick(self, index: int, states: set[str], inside: bool) -> ModelTicket | None:
        """A ticket whose state is (or, for a refused action, is not) in ``states``. The state
        is chosen first, evenly among those present, so that rare states get their turn."""
        by_state: dict[str, list[ModelTicket]] = {}
        for ticket in sorted(self.tickets.values(), key=lambda t: t.id):
            if (ticket.status in states) == inside:
                by_state.setdefault(ticket.status, []).append(ticket)
        if not by_state:
            return None
        present = sorted(by_state)
        group = by_state[present[index % len(present)]]
        return group[index // len(present) % len(group)]

    def snapshot(self, s: Session) -> tuple[list[dict[str, Any]], dict[str, int], int]:
        rows = s.scalars(select(Ticket).where(Ticket.service_date == self.day).order_by(Ticket.id))
        counters = {c.name: c.value for c in s.scalars(select(Counter))}
        return [_row(t) for t in rows], counters, events.last_id(s)

    def expect_events(self, expected: list[tuple[str, int]]) -> None:
        with self.database.read() as s:
            new = events.since(s, self.last_event)
            got = [(e.kind, e.entity_id) for e in new]
            statuses = {e.entity_id: e.payload["status"] for e in new}
            db_status = {
                t.id: t.status
                for t in s.scalars(select(Ticket).where(Ticket.service_date == self.day))
            }
        assert got == expected
        for ticket_id, logged in statuses.items():
            assert ticket_id is not None and logged == db_status[ticket_id]
        if new:
            self.last_event = new[-1].id

    def expect_refused(self, error: type[HallError], action: Any) -> None:
        with self.database.read() as s:
            before = self.snapshot(s)
        try:
            with self.database.write() as s:
                action(s)
        except HallError as raised:
            assert type(raised) is error, f"expected {error.__name__}, got {raised!r}"
            assert raised.message.strip()
        else:
            raise AssertionError(f"the action was not refused (expected {error.__name__})")
        with self.database.read() as s:
            assert self.snapshot(s) == before

    def new_ticket(
        self, ticket: Ticket, window: str, priority: int, transferred_from: int | None
    ) -> ModelTicket:
        self.issued[window] += 1
        model = ModelTicket(
            id=ticket.id,
            window=window,
            seq=self.issued[window],
            status=queue.WAITING,
            priority=priority,
            queued_at=ticket.queued_at,
            transferred_from=transferred_from,
        )
        assert ticket.number == model.number
        self.tickets[ticket.id] = model
        return model

    def head_of(self, window: str) -> ModelTicket | None:
        waiting = [
            t for t in self.tickets.values() if t.window == window and t.status == queue.WAITING
        ]
        return min(waiting, key=ModelTicket.call_order, default=None)

    def check_waiting_list(self, window: str) -> None:
        """What the workstation lists and what the visitor is told agree with the call order."""
        in_order = sorted(
            (t for t in self.tickets.values() if t.window == window and t.status == queue.WAITING),
            key=ModelTicket.call_order,
        )
        with self.database.read() as s:
            listed = queue.waiting(s, window, self.day)
            assert [t.id for t in listed] == [t.id for t in in_order]
            assert queue.waiting_count(s, window, self.day) == len(in_order)
            for ahead, ticket in enumerate(listed):
                assert queue.people_ahead(s, ticket) == ahead

    def called(self, ticket_id: int) -> None:
        assert ticket_id not in self.ever_called, "a ticket was called twice"
        self.ever_called.add(ticket_id)

    def settle(self, model: ModelTicket, status: str) -> None:
        model.status = status
        if status in queue.TERMINAL:
            with self.database.read() as s:
                model.frozen = _row(s.get_one(Ticket, model.id))

    # -- rules -----------------------------------------------------------------------------

    @initialize(tickets=st.lists(st.tuples(WINDOW, PRIORITIES), min_size=2, max_size=12))
    def morning(self, tickets: list[tuple[str, str | None]]) -> None:
        """Visitors are already waiting when the windows open, so that calls have a choice."""
        self.issue(tickets)

    @rule(tickets=st.lists(st.tuples(WINDOW, PRIORITIES), min_size=1, max_size=4))
    def issue(self, tickets: list[tuple[str, str | None]]) -> None:
        """Desks issue one ticket or a few (each its own transaction) in the same instant, so
        that equal places in time occur and the call order must fall back on the id."""
        now = self.now()
        for window, reason in tickets:
            with self.database.write() as s:
                ticket = queue.issue_ticket(s, window, priority_reason=reason, now=now)
                priority = queue.PRIORITY if reason else queue.ORDINARY
                model = self.new_ticket(ticket, window, priority, None)
                assert ticket.queued_at == now and ticket.service_date == self.day
            self.expect_events([("ticket.issued", model.id)])

    @rule(window=WINDOW)
    def issue_with_unknown_priority(self, window: str) -> None:
        now = self.now()
        self.expect_refused(
            InvalidInput, lambda s: queue.issue_ticket(s, window, priority_reason="vip", now=now)
        )

    @rule(window=WINDOW, seat=SEATS)
    def call_next(self, window: str, seat: int | None) -> None:
        if seat is not None and not 1 <= seat <= WINDOWS[window][1]:
            now = self.now()
            self.expect_refused(
                InvalidInput, lambda s: queue.call_next(s, window, seat=seat, now=now)
            )
            return
        self.call_next_at(window, seat)

    @rule(index=PICK, legal=LEGAL)
    def call_out_of_turn(self, index: int, legal: bool) -> None:
        self.act_on("call_ticket", index, legal)

    @rule(index=PICK, legal=LEGAL)
    def recall(self, index: int, legal: bool) -> None:
        self.act_on("recall", index, legal)

    @rule(index=PICK, legal=LEGAL)
    def no_show(self, index: int, legal: bool) -> None:
        self.act_on("no_show", index, legal)

    @rule(index=PICK, legal=LEGAL)
    def start(self, index: int, legal: bool) -> None:
        self.act_on("start", index, legal)

    @rule(index=PICK, legal=LEGAL)
    def finish(self, index: int, legal: bool) -> None:
        self.act_on("finish", index, legal)

    @rule(index=PICK, legal=LEGAL)
    def cancel(self, index: int, legal: bool) -> None:
        self.act_on("cancel", index, legal)

    def call_next_at(self, window: str, seat: int | None) -> ModelTicket | None:
        now = self.now()
        expected = self.head_of(window)
        self.check_waiting_list(window)
        with self.database.write() as s:
            ticket = queue.call_next(s, window, seat=seat, now=now)
            got = None if ticket is None else (ticket.id, ticket.seat, ticket.called_at)
        if expected is None:
            assert got is None
            self.expect_events([])
            return None
        assert got == (expected.id, seat, now)
        self.called(expected.id)
        expected.status = queue.CALLED
        self.expect_events([("ticket.called", expected.id)])
        return expected

    def act_on(self, action: str, index: int, legal: bool) -> None:
        """One action on one ticket: a legal one, or one its state forbids."""
        model = self.pick(index, ALLOWED[action], inside=legal)
        if legal:
            self.perform(action, model or self.prepare(ALLOWED[action], index))
            return
        if model is None:
            return
        now = self.now()
        self.expect_refused(IllegalTransition, lambda s: self.run_action(s, action, model, now))

    def prepare(self, states: set[str], index: int) -> ModelTicket:
        """Bring some ticket into one of ``states`` by legal steps (issue, call next, start),
        so that an action the state allows always has a ticket to act on."""
        window = sorted(WINDOWS)[index % len(WINDOWS)]
        if queue.WAITING in states or self.head_of(window) is None:
            self.issue([(window, None)])
        if queue.WAITING in states:
            return max(self.tickets.values(), key=lambda t: t.id)
        model = self.call_next_at(window, 1)
        assert model is not None
        if queue.CALLED not in states:
            self.perform("start", model)
        return model

    @staticmethod
    def run_action(s: Session, action: str, model: ModelTicket, now: dt.datetime) -> Ticket:
        if action == "call_ticket":
            return queue.call_ticket(s, model.id, seat=1, now=now)
        if action == "recall":
            return queue.recall(s, model.id, now=now)
        if action == "no_show":
            return queue.mark_no_show(s, model.id, now=now)
        if action == "start":
            return queue.start(s, model.id, now=now)
        if action == "finish":
            return queue.finish(s, model.id, f"办结 {model.number}", now=now)
        assert action == "cancel"
        return queue.cancel(s, model.id, "来访人离开", now=now)

    def perform(self, action: str, model: ModelTicket) -> None:
        """A legal action: the ticket moves to the state the rules say, with its one event."""
        now = self.now()
        with self.database.write() as s:
            status = self.run_action(s, action, model, now).status
        if action == "call_ticket":
            self.called(model.id)
            new_status, kind = queue.CALLED, "ticket.called"
        elif action == "recall" and model.recall_count >= MAX_RECALLS:
            new_status, kind = queue.NO_SHOW, "ticket.no_show"
        elif action == "recall":
            model.recall_count += 1
            new_status, kind = queue.CALLED, "ticket.recalled"
        else:
            new_status, kind = {
                "no_show": (queue.NO_SHOW, "ticket.no_show"),
                "start": (queue.SERVING, "ticket.started"),
                "finish": (queue.FINISHED, "ticket.finished"),
                "cancel": (queue.CANCELLED, "ticket.cancelled"),
            }[action]
        assert status == new_status
        self.settle(model, new_status)
        self.expect_events([(kind, model.id)])

    @rule(index=PICK, legal=LEGAL, to=st.sampled_from([*sorted(WINDOWS), "nowhere"]))
    def transfer(self, index: int, legal: bool, to: str) -> None:
        model = self.pick(index, ALLOWED["transfer"], inside=legal)
        if legal and model is None:
            model = self.prepare(ALLOWED["transfer"], index)
        if model is None:
            return
        now = self.now()

        def act(s: Session) -> Ticket:
            return queue.transfer(s, model.id, to, "转窗口办理", now=now)

        if not legal:
            self.expect_refused(IllegalTransition, act)
            return
        if to == "nowhere":
            self.expect_refused(NotFound, act)
            return
        if to == model.window:
            self.expect_refused(InvalidInput, act)
            return
        with self.database.write() as s:
            moved = act(s)
            assert moved.queued_at == model.queued_at and moved.issued_at == now
            new = self.new_ticket(moved, to, model.priority, model.id)
        self.settle(model, queue.TRANSFERRED)
        # A transfer changes two tickets, so it logs two events: one for each.
        self.expect_events([("ticket.transferred", model.id), ("ticket.issued", new.id)])

    # -- invariants ------------------------------------------------------------------------

    @invariant()
    def database_matches_the_model(self) -> None:
        with self.database.read() as s:
            rows = {
                t.id: t for t in s.scalars(select(Ticket).where(Ticket.service_date == self.day))
            }
            assert rows.keys() == self.tickets.keys()
            for ticket_id, model in self.tickets.items():
                row = rows[ticket_id]
                assert (row.window.code, row.number, row.seq, row.status) == (
                    model.window,
                    model.number,
                    model.seq,
                    model.status,
                )
                assert (row.priority, row.queued_at, row.recall_count) == (
                    model.priority,
                    model.queued_at,
                    model.recall_count,
                )
                assert row.transferred_from_id == model.transferred_from
                if model.status in queue.TERMINAL:
                    assert _row(row) == model.frozen, f"terminal ticket {row.number} changed"
            for window in WINDOWS:
                seqs = sorted(t.seq for t in rows.values() if t.window.code == window)
                assert seqs == list(range(1, len(seqs) + 1)), f"numbers of {window} have gaps"
            numbers = [(t.window_id, t.number) for t in rows.values()]
            assert len(numbers) == len(set(numbers))


def run_machine(database: Database, examples: int, steps: int) -> None:
    with database.write() as s:
        catalog.seed(s)
        hall_settings.put(s, hall_settings.MAX_RECALLS, MAX_RECALLS)

    class Machine(QueueMachine):
        pass

    Machine.database = database
    Machine.days = itertools.count()
    run_state_machine_as_test(
        Machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_random_action_sequences_keep_the_queue_rules(db: Database) -> None:
    run_machine(db, examples=25, steps=50)
