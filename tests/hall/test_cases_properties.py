"""Random sequences of case actions, legal and illegal, against a model of the 信访工作条例.

The model below is written from DOMAIN.md, independently of ``hall.cases``: its own rule table
and its own deadline arithmetic, with chinese-calendar's ``is_workday`` as the holiday oracle.
For every step the hall must allow exactly what the model allows, refuse the rest leaving
nothing behind, and keep the running deadline and the supervision day the model computes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import chinese_calendar  # type: ignore[import-untyped]
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from db import events
from db.case_models import PetitionCase
from db.engine import Database
from hall import cases, letters
from hall.errors import HallError

OUTCOMES = ("support", "explain", "reject", "mediation", "settlement")
ACTIONS = (
    "accept",
    "assign",
    "reject",
    "forward",
    "separate",
    "extend",
    "report",
    "reply",
    "close",
    "request_review",
    "decide_review",
    "request_rereview",
    "decide_rereview",
    "execute",
)
FIRST_DAY = dt.date(2026, 1, 5)


def last_day(start: dt.date, days: int) -> dt.date:
    """Calendar days, the start not counted; a last day off work moves to the next workday."""
    day = start + dt.timedelta(days=days)
    while not chinese_calendar.is_workday(day):
        day += dt.timedelta(days=1)
    return day


def next_workday(day: dt.date) -> dt.date:
    return last_day(day, 0)


@dataclass
class Model:
    received: dt.date
    litigation: bool
    state: str = "registered"
    decision: str | None = None
    decided_on: dt.date | None = None
    handle_due: dt.date | None = None
    assigned_due: dt.date | None = None
    extended: bool = False
    reported: bool = False
    replied_on: dt.date | None = None
    review_on: dt.date | None = None
    reviewed_on: dt.date | None = None
    rereview_on: dt.date | None = None
    outcome: str | None = None
    execution_due: dt.date | None = None
    executed: bool = False

    def legal(self, action: str, today: dt.date, param: int) -> bool:
        registered = self.state == "registered"
        if action in ("accept", "assign"):
            if not registered or self.litigation:
                return False
            return action == "accept" or today < today + dt.timedelta(days=param) <= last_day(
                today, 60
            )
        if action in ("reject", "forward", "separate"):
            return registered
        if action == "extend":
            return (
                self.state == "handling"
                and not self.extended
                and 1 <= param <= 30
                and self.handle_due is not None
                and today <= self.handle_due
            )
        if action == "report":
            return (
                self.decision == "assigned"
                and self.state in ("handling", "replied")
                and not self.reported
            )
        if action == "reply":
            return self.state == "handling"
        if action == "close":
            return self.state == "replied" and (self.decision != "assigned" or self.reported)
        if action == "request_review":
            return (
                self.state in ("replied", "closed")
                and self.replied_on is not None
                and today <= last_day(self.replied_on, 30)
            )
        if action == "decide_review":
            return self.state == "review"
        if action == "request_rereview":
            return (
                self.state == "reviewed"
                and self.reviewed_on is not None
                and today <= last_day(self.reviewed_on, 30)
            )
        if action == "decide_rereview":
            return self.state == "rereview"
        assert action == "execute"
        return self.outcome == "support" and not self.executed

    def apply(self, action: str, today: dt.date, param: int) -> None:
        outcome = OUTCOMES[param % len(OUTCOMES)]
        if action == "accept":
            self.state, self.decision, self.decided_on = "handling", "accepted", today
            self.handle_due = last_day(today, 60)
        elif action == "assign":
            self.state, self.decision, self.decided_on = "handling", "assigned", today
            self.handle_due = last_day(today, 60)
            self.assigned_due = next_workday(today + dt.timedelta(days=param))
        elif action == "reject":
            self.state = self.decision = "not_accepted"
        elif action == "forward":
            self.state = self.decision = "forwarded"
        elif action == "separate":
            self.state = self.decision = "separated"
        elif action == "extend":
            assert self.decided_on is not None
            self.extended = True
            self.handle_due = last_day(self.decided_on, 60 + param)
            if self.assigned_due is not None:
                moved = next_workday(self.assigned_due + dt.timedelta(days=param))
                self.assigned_due = min(moved, self.handle_due)
        elif action == "report":
            self.reported = True
        elif action == "close":
            self.state = "closed"
        elif action == "request_review":
            self.state, self.review_on = "review", today
        elif action == "request_rereview":
            self.state, self.rereview_on = "rereview", today
        elif action == "execute":
            self.executed, self.execution_due = True, None
        else:
            self.state = {"reply": "replied", "decide_review": "reviewed"}.get(action, "final")
            if action == "reply":
                self.replied_on = today
            elif action == "decide_review":
                self.reviewed_on = today
            self.outcome = outcome
            supported = outcome == "support" and not self.executed
            self.execution_due = last_day(today, 30) if supported else None

    def due_on(self) -> dt.date | None:
        if self.state == "registered":
            return last_day(self.received, 15)
        if self.state == "handling":
            return self.assigned_due if self.decision == "assigned" else self.handle_due
        if self.state == "review" and self.review_on is not None:
            return last_day(self.review_on, 30)
        if self.state == "rereview" and self.rereview_on is not None:
            return last_day(self.rereview_on, 30)
        return None

    def limit(self) -> dt.date | None:
        """The limit that runs now: the hall's, or the petitioner's time to ask for review."""
        if self.state in ("replied", "closed") and self.replied_on is not None:
            return last_day(self.replied_on, 30)
        if self.state == "reviewed" and self.reviewed_on is not None:
            return last_day(self.reviewed_on, 30)
        return self.due_on()

    def watch_due(self) -> dt.date | None:
        dates = [self.due_on(), self.execution_due]
        if self.decision == "assigned" and not self.reported:
            dates.append(self.assigned_due)
        known = [d for d in dates if d is not None]
        return min(known) if known else None


def perform(db: Database, case_id: int, action: str, today: dt.date, param: int) -> None:
    now = dt.datetime.combine(today, dt.time(10))
    outcome = OUTCOMES[param % len(OUTCOMES)]
    with db.write() as s:
        if action == "accept":
            cases.accept(s, case_id, now=now)
        elif action == "assign":
            unit = cases.units(s)[0].id
            cases.assign(s, case_id, unit, today + dt.timedelta(days=param), now=now)
        elif action == "reject":
            cases.reject(s, case_id, "申请行政复议", "属于行政复议范围", now=now)
        elif action == "forward":
            cases.forward(s, case_id, cases.units(s)[0].id, now=now)
        elif action == "separate":
            cases.separate(s, case_id, now=now)
        elif action == "extend":
            cases.extend(s, case_id, param, "案情复杂", now=now)
        elif action == "report":
            cases.report_closing(s, case_id, "已办结", now=now)
        elif action == "reply":
            cases.reply(s, case_id, outcome, "处理意见", now=now)
        elif action == "close":
            cases.close(s, case_id, now=now)
        elif action == "request_review":
            cases.request_review(s, case_id, now=now)
        elif action == "decide_review":
            cases.decide_review(s, case_id, outcome, "复查意见", now=now)
        elif action == "request_rereview":
            cases.request_rereview(s, case_id, now=now)
        elif action == "decide_rereview":
            cases.decide_rereview(s, case_id, outcome, "复核意见", now=now)
        else:
            cases.record_execution(s, case_id, "已落实", now=now)


def observe(db: Database, case_id: int) -> tuple[str, dt.date | None, dt.date | None, int]:
    with db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        count = len(events.for_entity(s, "case", case_id))
        return case.state, case.due_on, case.watch_due, count


Gap = int | str
Step = tuple[str, str, Gap, int]
# Dates stay before the end of 2026, the last year chinese-calendar (the oracle) knows, with
# room for the longest limit (60 + 30 days) after them.
LAST_ACT = dt.date(2026, 9, 15)
# A step waits some days, or exactly to the last day of the running limit, or the day after:
# the two sides of every limit are where the rules bite.
gaps = st.one_of(st.integers(0, 10), st.sampled_from(("last day", "day after")))
# How a step picks its action: as drawn; the first legal one from the drawn one on (to reach
# 复查 and 复核, not only early refusals); or the one the running limit governs, on its last
# day or the day after.
modes = st.sampled_from(("drawn", "legal", "legal", "edge"))
steps = st.lists(
    st.tuples(modes, st.sampled_from(ACTIONS), gaps, st.integers(0, 70)),
    min_size=1,
    max_size=24,
)
ENDINGS = ("reject", "forward", "separate")
EDGE_ACTIONS = {
    "registered": "assign",
    "handling": "extend",
    "replied": "request_review",
    "closed": "request_review",
    "review": "decide_review",
    "reviewed": "request_rereview",
    "rereview": "decide_rereview",
}


def advance(today: dt.date, gap: Gap, model: Model) -> dt.date:
    if isinstance(gap, int):
        later = today + dt.timedelta(days=gap)
    else:
        limit = model.limit()
        if limit is None:
            return today
        later = limit + dt.timedelta(days=1 if gap == "day after" else 0)
    return later if today <= later <= LAST_ACT else today


def choose(mode: str, drawn: str, today: dt.date, param: int, model: Model) -> str:
    if mode == "legal":
        # Ending decisions only when drawn themselves, so most sequences go on to the end.
        index = ACTIONS.index(drawn)
        rotated = [drawn] + [a for a in ACTIONS[index + 1 :] + ACTIONS[:index] if a not in ENDINGS]
        return next((a for a in rotated if model.legal(a, today, param)), drawn)
    if mode == "edge":
        return EDGE_ACTIONS.get(model.state, drawn)
    return drawn


def edge_param(action: str, today: dt.date, param: int) -> int:
    """On an edge step, the parameter at the edge of its own limit, or one past it."""
    past = param % 2
    if action == "extend":
        return 30 + past
    if action == "assign":
        return (last_day(today, 60) - today).days + past
    return param


def expected_lateness(action: str, today: dt.date, model: Model) -> bool | None:
    """Whether the hall's own limit was missed by this act (None: the act has no limit)."""
    if action in ("accept", "assign", "reject", "forward", "separate"):
        return today > last_day(model.received, 15)
    if action == "reply":
        assert model.handle_due is not None
        return today > model.handle_due
    if action == "report":
        assert model.assigned_due is not None
        return today > model.assigned_due
    if action in ("decide_review", "decide_rereview"):
        return today > (model.due_on() or today)
    return None


def last_payload(db: Database, case_id: int) -> dict[str, object]:
    with db.read() as s:
        return events.for_entity(s, "case", case_id)[-1].payload


@settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=st.integers(0, 30), litigation=st.sampled_from((False, False, True)), script=steps)
def test_random_sequences_follow_the_rules(
    hall_db: Database, start: int, litigation: bool, script: list[Step]
) -> None:
    with hall_db.write() as s:
        if not cases.units(s):
            cases.add_unit(s, "义马市自然资源局", "市直部门")
    received = FIRST_DAY + dt.timedelta(days=start)
    with hall_db.write() as s:
        case_id = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="赵六", received_on=received, summary="反映问题", litigation=litigation
            ),
            now=dt.datetime.combine(received, dt.time(9)),
            new_matter=True,
        ).id
    model = Model(received=received, litigation=litigation)
    today = received
    for mode, drawn, gap, param in script:
        today = advance(
            today, gap if mode != "edge" else ("last day", "day after")[param % 2], model
        )
        action = choose(mode, drawn, today, param, model)
        if mode == "edge":
            param = edge_param(action, today, param)
        legal = model.legal(action, today, param)
        state, _, _, logged = observe(hall_db, case_id)
        try:
            perform(hall_db, case_id, action, today, param)
        except HallError as refusal:
            assert not legal, f"{action} on {today} refused: {refusal}"
            after, _, _, still_logged = observe(hall_db, case_id)
            assert (after, still_logged) == (state, logged), "a refusal left traces"
            continue
        assert legal, f"{action} on {today} allowed in state {state}"
        late = expected_lateness(action, today, model)
        model.apply(action, today, param)
        assert observe(hall_db, case_id) == (
            model.state,
            model.due_on(),
            model.watch_due(),
            logged + 1,
        ), (action, today)
        assert last_payload(hall_db, case_id).get("late") == late, (action, today)
    # Shown by --hypothesis-show-statistics: how deep the sequences went.
    event(f"ended {model.state}")
