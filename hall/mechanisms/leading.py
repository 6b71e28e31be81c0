"""包案 beyond the register: a formal case's 包案领导, and what a leader leads on the home page.

A formal case (信访事项) is led by a leader as a register entry is: by name, from the same
leaders' list (the 领导接访 roster), checked by the same rule (:func:`disputes.known_leader`).
Those who assign the register's entries (leaders and the administrator, whose pages the
register and the weekly meeting are) name or change a case's leader while the case is open;
each change is on the case's timeline (the event log). A leader's home lists the open cases and
register entries he or she leads together, nearest deadline first.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import STATE_NAMES, PetitionCase
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseState
from hall import cases, clock, users
from hall.errors import IllegalTransition, PermissionDenied
from hall.mechanisms import disputes
from hall.mechanisms.disputes import DisputeRow

# A case is open, and can be led, while one of the hall's limits runs or its reply awaits the
# close; a decided, forwarded, separated or closed case is no one's 包案 any more.
OPEN_STATES = frozenset(
    {
        CaseState.REGISTERED,
        CaseState.HANDLING,
        CaseState.REPLIED,
        CaseState.REVIEW,
        CaseState.REREVIEW,
    }
)

# What a line of a leader's home list is (the screen words it).
CASE = "case"
ENTRY = "dispute"


def may_name_leader(user: User | None) -> bool:
    """Who names a case's 包案领导: those who assign the register's entries."""
    return user is not None and user.active and users.has_role(user, users.LEADER, users.ADMIN)


def set_case_leader(
    session: Session,
    case_id: int,
    leader: str,
    actor: User,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Name, change or (with "") remove the open case's 包案领导. Naming the leader it has
    already changes nothing and logs nothing."""
    now = now or clock.now()
    if not may_name_leader(actor):
        raise PermissionDenied(
            f"只有领导和系统管理员可以指定信访事项的包案领导，当前用户{actor.name}不能。"
        )
    case = cases.case_for_update(session, case_id)
    # Naming a leader is acting on the case: not for one whose accusation the actor may not read.
    if cases.is_confidential(case) and not cases.may_read_confidential(actor):
        raise PermissionDenied(
            f"信访事项{case.number}是检举控告，当前用户{actor.name}无权查阅，不能为它指定包案领导。"
        )
    if case.state not in OPEN_STATES:
        raise IllegalTransition(
            f"信访事项{case.number}当前状态为“{STATE_NAMES[case.state]}”，已不在办理中，"
            "不能再指定包案领导。"
        )
    name = disputes.known_leader(session, leader, required=False)
    if name == case.leader:
        return case
    before, case.leader = case.leader, name
    events.append(
        session,
        EventKind.CASE_LEADER_SET,
        "case",
        case.id,
        now,
        actor.id,
        {"number": case.number, "state": case.state, "leader": name, "before": before},
    )
    return case


@dataclass(frozen=True)
class LedRow:
    """One line of a leader's home list: a formal case (``kind`` CASE) or a register entry
    (ENTRY). ``standing`` is the case's state or the entry's risk level; ``due_on`` the
    earliest deadline still unmet (None: none set)."""

    kind: str
    id: int
    number: str
    place: str
    parties: str
    standing: str
    unit: str
    due_on: dt.date | None
    overdue: bool


def _entry_row(entry: DisputeRow) -> LedRow:
    return LedRow(
        kind=ENTRY,
        id=entry.id,
        number=entry.number,
        place=f"{entry.township}{entry.village}",
        parties=entry.parties,
        standing=entry.risk,
        unit=entry.unit,
        due_on=entry.due_on,
        overdue=entry.overdue,
    )


def _case_row(case: PetitionCase, on: dt.date) -> LedRow:
    # The list's own row: an accusation's petitioner masked, its matter withheld.
    listed = cases.row(case, on)
    visitor = case.visitor
    return LedRow(
        kind=CASE,
        id=case.id,
        number=case.number,
        place="" if listed.confidential else f"{visitor.township}{visitor.village}",
        parties=listed.petitioner,
        standing=listed.state_name,
        unit=listed.unit or "",
        due_on=case.watch_due,
        overdue=case.watch_due is not None and case.watch_due < on,
    )


def led_home(session: Session, leader: str, on: dt.date | None = None) -> list[LedRow] | None:
    """The open cases and register entries ``leader`` leads (包案), nearest deadline first
    (those without one last); None when ``leader`` is not on the leaders' list."""
    on = on or clock.now().date()
    if leader not in disputes.leaders(session):
        return None
    found = session.scalars(
        select(PetitionCase).where(
            PetitionCase.leader == leader, PetitionCase.state.in_(OPEN_STATES)
        )
    )
    rows = [_case_row(case, on) for case in found.unique()]
    rows += [_entry_row(entry) for entry in disputes.led_by(session, leader, on)]
    return sorted(rows, key=lambda r: (r.due_on is None, r.due_on or dt.date.max, r.number))
