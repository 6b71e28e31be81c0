"""Seeding the demo hall: its setup, the past weeks, this morning's visitors and the court."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy.orm import Session

from db.models import Ticket
from hall import (
    appointments,
    cases,
    catalog,
    clock,
    queue,
    reception,
    roster,
    settings,
    units,
    users,
)
from hall.demo.demo_court import seed_court
from hall.demo.demo_data import (
    APPOINTMENT_SLOTS,
    DEMO_PASSWORD,
    DEMO_USERS,
    DUTY_LEADERS,
    HISTORY_DAYS,
    MATTERS,
    MORNING,
    PLACES,
    demo_id_number,
    morning_visits,
    random_name,
)
from hall.demo.past_weeks import seed_past_weeks
from hall.mechanisms import demo as mechanisms_demo


def seed_demo(session: Session, now: dt.datetime | None = None, visitors: int = 24) -> None:
    """Fill an empty database with the demo hall: its setup, the letters desk's and the court's
    past weeks, and this morning's visitors."""
    now = now or clock.now()
    founded = now - dt.timedelta(days=HISTORY_DAYS)
    rng = random.Random(20261121)
    catalog.seed(session)
    # The units windows forward matters to and the formal cases are assigned to.
    units.seed_demo(session, now=founded)
    settings.put(session, settings.HALL_NAME, "义马市群众工作部接待大厅（演示）")
    settings.put(session, settings.CITY_CODE, "411281")
    settings.put(session, settings.COURT_CODE, "豫1281")
    settings.put(session, settings.SETUP_DONE, True)
    for demo_user in DEMO_USERS:
        users.add_user(
            session,
            demo_user.login,
            demo_user.name,
            DEMO_PASSWORD,
            demo_user.roles,
            demo_user.windows,
            now=founded,
        )
    for township, villages in PLACES.items():
        for village in villages:
            roster.add_place(session, township, village)
    for offset in range(-3, 11):
        leader, title, portfolio = DUTY_LEADERS[offset % len(DUTY_LEADERS)]
        day = now.date() + dt.timedelta(days=offset)
        roster.set_duty_leader(session, day, leader, title, portfolio)
    for window, starts, ends, capacity, for_leader in APPOINTMENT_SLOTS:
        appointments.add_slot(
            session, window, dt.time(starts), dt.time(ends), capacity, for_leader=for_leader
        )
    seed_past_weeks(session, now)
    start = now - MORNING
    step = MORNING / max(1, visitors)
    reasons = [code for code, _ in catalog.PRIORITY_REASONS]
    # The first part of the morning has been served; a few are at the windows now.
    served_until = now - dt.timedelta(minutes=40)

    def serve(window: str, at: dt.datetime) -> None:
        called = queue.call_next(session, window, seat=1, now=at)
        if called is not None:
            queue.start(session, called.id, now=at + dt.timedelta(minutes=1))
            queue.finish(
                session, called.id, "当场答复，来访人表示满意。", now=at + dt.timedelta(minutes=9)
            )

    previous: Ticket | None = None
    for i in range(visitors):
        window, purpose, summary, litigation = MATTERS[i % len(MATTERS)]
        id_number, _gender = demo_id_number(rng)
        name = random_name(rng)
        township = rng.choice(list(PLACES))
        group = 1 if i % 7 else 6
        at = start + step * i
        # Each served visitor is called one step after arriving, and in time order, so that
        # nobody is called before a visitor who arrives later has even registered.
        if previous is not None and previous.issued_at <= served_until:
            serve(previous.window.code, at)
        previous = reception.register(
            session,
            reception.Registration(
                name=name,
                window=window,
                id_number=id_number,
                phone=f"13{rng.randrange(0, 10**9):09d}",
                township=township,
                village=rng.choice(PLACES[township]),
                purpose=purpose,
                summary=summary,
                group_size=group,
                representatives=[
                    reception.Representative(random_name(rng)) for _ in range(2 if group > 1 else 0)
                ],
                priority_reason=rng.choice(reasons) if i % 5 == 0 else None,
                litigation=litigation,
            ),
            now=at,
        )
    if previous is not None and previous.issued_at <= served_until:
        serve(previous.window.code, previous.issued_at + step)
    for code in ("legal", "aid"):
        queue.call_next(session, code, seat=1, now=now - dt.timedelta(minutes=2))
    seed_court(session, now)
    seed_visit_case(session, now)
    mechanisms_demo.seed_demo(session, DEMO_PASSWORD, now)


def seed_visit_case(session: Session, now: dt.datetime) -> None:
    """The letters desk registers its first visitor's matter as a formal case: a case of today,
    its 15 days just begun."""
    visits = morning_visits(session, cases.CASES_WINDOW, now)
    if visits:
        at = min(visits[0].created_at + dt.timedelta(minutes=20), now)
        cases.open_from_visit(session, visits[0].id, users.by_login(session, "banxin"), now=at)
