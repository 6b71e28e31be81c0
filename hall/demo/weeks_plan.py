"""The plan of the past weeks: working days counted back from today, the hours of each kind of
act, and the acts filed in time order."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import ResponsibleUnit
from hall import (
    calendar,
    cases,
    deadlines,
    letters,
    supervision,
    users,
)
from hall.calendar import WorkCalendar
from hall.deadlines import Alert
from hall.demo.demo_data import HISTORY_DAYS, PLACES, demo_id_number, random_name


def working_days_before(cal: WorkCalendar, day: dt.date, count: int) -> dt.date:
    for _ in range(count):
        day -= dt.timedelta(days=1)
        while not cal.is_workday(day):
            day -= dt.timedelta(days=1)
    return day


def working_days_after(cal: WorkCalendar, day: dt.date, count: int) -> dt.date:
    for _ in range(count):
        day = cal.on_or_after_workday(day + dt.timedelta(days=1))
    return day


def latest_day(cal: WorkCalendar, before: dt.date, fits: Callable[[dt.date], bool]) -> dt.date:
    """The latest working day before ``before`` that fits; a day off that fits only when no
    working day does (a limit's band of days can fall inside a long holiday)."""
    day_off: dt.date | None = None
    for back in range(1, HISTORY_DAYS):
        day = before - dt.timedelta(days=back)
        if fits(day):
            if cal.is_workday(day):
                return day
            day_off = day_off or day
    if day_off is None:
        raise ValueError(f"no day in the {HISTORY_DAYS} days before {before} fits the demo")
    return day_off


# The hours of the day each kind of act is done at, so that one day's acts on a case come
# in their order.
RECEIVED = dt.time(9, 0)
DECIDED = dt.time(10, 0)
HANDED = dt.time(10, 30)
REPORTED = dt.time(11, 0)
REPLIED = dt.time(14, 0)
COURT_ACCEPTED = dt.time(14, 30)
CARRIED_OUT = dt.time(15, 0)
CLOSED = dt.time(16, 0)
ORDERED = dt.time(9, 30)
ORDER_REPLIED = dt.time(15, 30)
# The reply time the supervision window gives a unit in the demo.
ORDER_REPLY_DAYS = 5


@dataclass
class Filed:
    """A record the plan refers to before it exists: its id is known once its act is done."""

    id: int = 0


class PastWeeks:
    """The letters desk's, the supervisors' and the court's acts of the past weeks. The plan
    adds each act on its day; :meth:`run` does them in time order whatever order they were
    planned in, so that numbers and the event log run in time order too."""

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.session = session
        self.today = now.date()
        self.cal = calendar.load(session, self.today.year - 1, self.today.year + 1)
        self.officer = users.by_login(session, "banxin")
        self.supervisor = users.by_login(session, "jiancha")
        self.clerk = users.by_login(session, "shuji")
        self.rng = random.Random(20261122)
        self.units = {
            name: unit_id
            for name, unit_id in session.execute(select(ResponsibleUnit.name, ResponsibleUnit.id))
        }
        self._acts: list[tuple[dt.datetime, int, Callable[[dt.datetime], object]]] = []

    def before(self, day: dt.date, count: int) -> dt.date:
        return working_days_before(self.cal, day, count)

    def after(self, day: dt.date, count: int) -> dt.date:
        return working_days_after(self.cal, day, count)

    def at_level(self, level: Alert, due_of: Callable[[dt.date], dt.date]) -> dt.date:
        """The latest start from which a limit ending on ``due_of(start)`` stands at ``level``
        today."""
        return latest_day(
            self.cal,
            self.today,
            lambda start: deadlines.alert_level(start, due_of(start), self.today) == level,
        )

    def handle_due(self, accepted: dt.date) -> dt.date:
        return deadlines.handle_due(accepted, 0, self.cal)

    def act(self, day: dt.date, hour: dt.time, do: Callable[[dt.datetime], object]) -> None:
        self._acts.append((dt.datetime.combine(day, hour), len(self._acts), do))

    def run(self) -> None:
        for at, _order, do in sorted(self._acts, key=lambda planned: planned[:2]):
            do(at)

    # -- the letters desk -------------------------------------------------------------------

    def letter(self, received: dt.date, letter: DemoLetter) -> Filed:
        """A letter received (and registered) on ``received``, from a made-up sender."""
        filed = Filed()
        id_number, _gender = demo_id_number(self.rng)
        township = self.rng.choice(list(PLACES))
        registration = letters.LetterRegistration(
            sender_name=random_name(self.rng),
            sender_id_number=id_number,
            sender_phone=f"13{self.rng.randrange(0, 10**9):09d}",
            sender_address=f"义马市{township}{self.rng.choice(PLACES[township])}"
            f"{self.rng.randrange(1, 60)}号",
            received_on=received,
            postmarked_on=received - dt.timedelta(days=2),
            summary=letter.summary,
            request=letter.request,
            purpose=letter.purpose,
            litigation=letter.litigation,
        )

        def register(at: dt.datetime) -> None:
            case = letters.register_letter(self.session, registration, self.officer, now=at)
            filed.id = case.id

        self.act(received, RECEIVED, register)
        return filed

    def accept(self, filed: Filed, day: dt.date) -> None:
        self.act(
            day,
            DECIDED,
            lambda at: cases.accept(self.session, filed.id, actor=self.officer, now=at),
        )

    def assign(self, filed: Filed, day: dt.date, unit: str, due: dt.date) -> None:
        self.act(
            day,
            DECIDED,
            lambda at: cases.assign(
                self.session, filed.id, self.units[unit], due, actor=self.officer, now=at
            ),
        )

    def report(self, filed: Filed, day: dt.date, text: str) -> None:
        self.act(
            day,
            REPORTED,
            lambda at: cases.report_closing(self.session, filed.id, text, self.officer, now=at),
        )

    def reply(self, filed: Filed, day: dt.date, outcome: str, text: str) -> None:
        self.act(
            day,
            REPLIED,
            lambda at: cases.reply(self.session, filed.id, outcome, text, self.officer, now=at),
        )

    def carry_out(self, filed: Filed, day: dt.date, note: str) -> None:
        self.act(
            day,
            CARRIED_OUT,
            lambda at: cases.record_execution(self.session, filed.id, note, self.officer, now=at),
        )

    def close(self, filed: Filed, day: dt.date) -> None:
        self.act(day, CLOSED, lambda at: cases.close(self.session, filed.id, self.officer, now=at))

    # -- the supervisors --------------------------------------------------------------------

    def order(self, filed: Filed, day: dt.date, reason: str) -> Filed:
        order = Filed()

        def issue(at: dt.datetime) -> None:
            order.id = supervision.issue_order(
                self.session,
                filed.id,
                reason,
                reply_days=ORDER_REPLY_DAYS,
                actor=self.supervisor,
                now=at,
            ).id

        self.act(day, ORDERED, issue)
        return order

    def order_reply(self, order: Filed, day: dt.date, text: str) -> None:
        self.act(
            day,
            ORDER_REPLIED,
            lambda at: supervision.record_reply(
                self.session, order.id, text, self.supervisor, now=at
            ),
        )


@dataclass(frozen=True)
class DemoLetter:
    """What a letter of the past weeks raises and asks for."""

    summary: str
    request: str
    purpose: str = "request"
    litigation: bool = False
