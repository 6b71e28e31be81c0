"""The weekly leading-group meeting: the entries of the dispute register found since it last
sat are classified and assigned (包案) in one sitting, and each assignment gets its 交办单.

A sitting is one unit of work: if any decision is refused, none is kept and the message names
the entry, so the meeting corrects it and saves the sitting again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import ResponsibleUnit
from db.event_kinds import EventKind
from db.mechanism_models import RISK_NAMES, Dispute, Meeting
from db.models import User
from hall import cases, clock, fields, roster, settings
from hall.errors import HallError, IllegalTransition, InvalidInput
from hall.mechanisms import disputes
from printing import mechanism_papers


@dataclass(frozen=True)
class Choices:
    """What the register's and the meeting's forms offer to pick from."""

    townships: list[str]
    leaders: list[str]
    units: list[tuple[int, str]]


def choices(session: Session) -> Choices:
    return Choices(
        townships=roster.townships(session),
        leaders=disputes.leaders(session),
        units=[(u.id, u.name) for u in cases.units(session)],
    )


def last_meeting(session: Session) -> Meeting | None:
    return session.scalar(
        select(Meeting).order_by(Meeting.held_on.desc(), Meeting.id.desc()).limit(1)
    )


def agenda(session: Session, on: dt.date | None = None) -> list[disputes.DisputeRow]:
    """Open entries no meeting has assigned yet, oldest first."""
    query = (
        select(Dispute)
        .where(Dispute.meeting_id.is_(None), Dispute.outcome.is_(None))
        .order_by(Dispute.found_on, Dispute.id)
    )
    return disputes.rows_of(session, query, on or clock.now().date())


def hold_meeting(
    session: Session,
    held_on: dt.date,
    chair: str,
    decisions: Sequence[tuple[int, disputes.Assignment]],
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Meeting:
    now = now or clock.now()
    if not decisions:
        raise InvalidInput("本次例会没有交办任何事项，请至少为一件纠纷指定包案领导。", "decisions")
    if held_on > now.date():
        raise InvalidInput("例会日期不能晚于今天。", "held_on")
    chair = fields.clean(fields.MEETING_CHAIR, chair)
    meeting = Meeting(
        held_on=held_on, chair=chair, created_at=now, created_by=actor.id if actor else None
    )
    session.add(meeting)
    session.flush()
    for dispute_id, assignment in decisions:
        dispute = disputes.find(session, dispute_id)
        if dispute.meeting_id is not None:
            raise IllegalTransition(
                f"纠纷{dispute.number}已在之前的例会上交办，请从本次交办中去掉。"
            )
        try:
            disputes.assign(session, dispute_id, assignment, actor, now, meeting_id=meeting.id)
        except InvalidInput as problem:
            raise InvalidInput(
                f"纠纷{dispute.number}：{problem.message}", problem.field
            ) from problem
        except HallError as problem:
            raise IllegalTransition(f"纠纷{dispute.number}：{problem.message}") from problem
    events.append(
        session,
        EventKind.MEETING_HELD,
        "mechanism_meeting",
        meeting.id,
        now,
        actor.id if actor else None,
        {"assigned": len(decisions)},
    )
    return meeting


def assignment_slip(session: Session, dispute_id: int, now: dt.datetime | None = None) -> bytes:
    """The 交办单 of an assigned entry as an A4 PDF."""
    now = now or clock.now()
    dispute = disputes.find(session, dispute_id)
    if dispute.assignment_number is None or dispute.due_on is None:
        raise IllegalTransition(
            f"纠纷{dispute.number}尚未交办，没有交办单；请先在例会上指定包案领导。"
        )
    unit = session.get(ResponsibleUnit, dispute.unit_id) if dispute.unit_id is not None else None
    return mechanism_papers.dispute_slip(
        mechanism_papers.DisputeSlip(
            hall_name=settings.get(session, settings.HALL_NAME),
            assignment_number=dispute.assignment_number,
            dispute_number=dispute.number,
            unit=unit.name if unit else "",
            leader=dispute.leader,
            keeper=dispute.keeper,
            parties=dispute.parties,
            place=f"{dispute.township}{dispute.village}",
            category=dispute.category,
            risk=RISK_NAMES[dispute.risk],
            people=dispute.people,
            summary=dispute.summary,
            due_on=dispute.due_on,
            issued_on=now.date(),
            instruction=disputes.instruction_of(session, dispute),
        )
    )
