"""What the court's inbox, the handing window and the clerk see of a hand-off, and what flows
back to the window and the letters desk from the court's file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import PetitionCase
from db.court_models import HANDOFF_STATE_NAMES, OUTCOME_NAMES, STAGE_NAMES, CourtCase, CourtHandoff
from db.models import User
from db.states import HandoffState
from db.window_models import LegalAdvice, ServiceRecord
from hall import clock, confidentiality, json_form
from hall.cases import WITHHELD
from hall.catalog import CHANNELS, PURPOSES
from hall.court.acceptance import _handoff, find_handoff
from hall.court.tribunal import may_read_court_file, require_clerk
from hall.errors import PermissionDenied
from hall.masking import mask_name


def case_court_status(session: Session, case_id: int) -> CourtFlowBack | None:
    """What the letters desk sees of the court's work on a case it handed over."""
    visit_id = session.scalar(select(PetitionCase.visit_id).where(PetitionCase.id == case_id))
    return court_status(session, visit_id) if visit_id is not None else None


@dataclass(frozen=True)
class HandoffView:
    """A hand-off as the inbox lists it and the slip prints it."""

    id: int
    number: str
    barcode: str
    state: str
    state_name: str
    visit_id: int
    visit_code: str
    window: str
    window_name: str
    officer: str
    party: str
    other_party: str
    claim: str
    handed_at: dt.datetime
    decided_at: dt.datetime | None
    return_reason: str
    # 释法说明: the law the legal window explained before handing over ("" from elsewhere).
    laws_explained: str = ""

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


def laws_explained(session: Session, handoff_ids: Sequence[int]) -> dict[int, str]:
    """The law the legal officer explained at the counter, by hand-off: it goes to the court
    with the slip, so the clerk does not explain it a second time."""
    if not handoff_ids:
        return {}
    rows = session.execute(
        select(ServiceRecord.handoff_id, LegalAdvice.laws)
        .join(LegalAdvice, LegalAdvice.record_id == ServiceRecord.id)
        .where(ServiceRecord.handoff_id.in_(handoff_ids), LegalAdvice.laws != "")
    )
    return {handoff_id: laws for handoff_id, laws in rows if handoff_id is not None}


def view_handoff(handoff: CourtHandoff, laws: str = "") -> HandoffView:
    return HandoffView(
        id=handoff.id,
        number=handoff.number,
        barcode=handoff.barcode,
        state=handoff.state,
        state_name=HANDOFF_STATE_NAMES[handoff.state],
        visit_id=handoff.visit_id,
        visit_code=handoff.visit.code,
        window=handoff.window.code,
        window_name=handoff.window.name,
        officer=handoff.officer.name,
        party=handoff.party,
        other_party=handoff.other_party,
        claim=handoff.claim,
        handed_at=handoff.handed_at,
        decided_at=handoff.decided_at,
        return_reason=handoff.return_reason,
        laws_explained=laws,
    )


def inbox(session: Session, viewer: User) -> list[HandoffView]:
    """The hand-offs waiting for the court to accept or return them, oldest first."""
    require_clerk(viewer)
    rows = session.scalars(
        select(CourtHandoff)
        .where(CourtHandoff.state == HandoffState.HANDED)
        .order_by(CourtHandoff.handed_at, CourtHandoff.id)
    ).all()
    laws = laws_explained(session, [h.id for h in rows])
    return [view_handoff(h, laws.get(h.id, "")) for h in rows]


def open_handoff(session: Session, code: str, viewer: User) -> HandoffView:
    """What scanning a slip's barcode (or typing its number) opens at the clerk's desk."""
    require_clerk(viewer)
    handoff = find_handoff(session, code)
    return view_handoff(handoff, laws_explained(session, [handoff.id]).get(handoff.id, ""))


def handoff_for_slip(session: Session, code: str, viewer: User) -> CourtHandoff:
    """The hand-off whose slip is to be printed again: by the court, or by an officer of the
    window that handed it over."""
    handoff = find_handoff(session, code)
    serves = handoff.window_id in {w.id for w in viewer.windows}
    if not (may_read_court_file(viewer) or (viewer.active and serves)):
        raise PermissionDenied(
            f"移交单{handoff.number}只能由移交窗口或巡回法庭打印，{viewer.name}没有这个权限。"
        )
    return handoff


@dataclass(frozen=True)
class CourtFlowBack:
    """What a window officer sees of the court's work on a visit: the hand-off (with the
    reason, if it came back) and, of the court file, only its number, stage and outcome."""

    visit_id: int
    handoff_number: str
    handoff_state: str
    handoff_state_name: str
    return_reason: str
    case_number: str | None
    stage_name: str | None
    outcome_name: str | None

    @property
    def line(self) -> str:
        """One line for the visit's record."""
        if self.handoff_state == HandoffState.RETURNED:
            return f"{self.handoff_number} 法庭已退回：{self.return_reason}"
        parts = [self.handoff_number, self.handoff_state_name]
        if self.case_number:
            parts.append(f"案号{self.case_number}")
        if self.stage_name:
            parts.append(f"{self.stage_name}阶段")
        if self.outcome_name:
            parts.append(f"结果：{self.outcome_name}")
        return "，".join(parts)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def court_status(session: Session, visit_id: int) -> CourtFlowBack | None:
    """The latest hand-off of the visit as its window may see it (None if never handed)."""
    handoff = session.scalar(
        select(CourtHandoff)
        .where(CourtHandoff.visit_id == visit_id)
        .order_by(CourtHandoff.handed_at.desc(), CourtHandoff.id.desc())
        .limit(1)
    )
    if handoff is None:
        return None
    case = session.scalar(select(CourtCase).where(CourtCase.handoff_id == handoff.id))
    return CourtFlowBack(
        visit_id=visit_id,
        handoff_number=handoff.number,
        handoff_state=handoff.state,
        handoff_state_name=HANDOFF_STATE_NAMES[handoff.state],
        return_reason=handoff.return_reason,
        case_number=case.number if case else None,
        stage_name=STAGE_NAMES[case.stage] if case else None,
        outcome_name=OUTCOME_NAMES[case.outcome] if case and case.outcome else None,
    )


@dataclass(frozen=True)
class HandedVisit:
    """The visit behind a hand-off, as the clerk reads it before registering the case. For a
    confidential visit the clerk may not read, ``withheld`` is true, the matter reads
    :data:`~hall.cases.WITHHELD` and the visitor's details are blank."""

    visit_code: str
    registered_at: dt.datetime
    channel: str
    purpose: str
    withheld: bool
    visitor_name: str
    gender: str
    birth_date: dt.date | None
    phone: str
    address: str
    summary: str
    request: str
    facts: str
    reasons: str


def handed_visit(
    session: Session, handoff_id: int, viewer: User, now: dt.datetime | None = None
) -> HandedVisit:
    """The visit behind a hand-off, for the court. A confidential visit's content is withheld
    from those who may not read accusations (the clerk works from the hand-off instead), and
    every opening of one is logged: call it in a writing unit of work so the log is kept."""
    now = now or clock.now()
    require_clerk(viewer)
    handoff = _handoff(session, handoff_id)
    visit = handoff.visit
    withheld = False
    if confidentiality.is_confidential(session, visit):
        withheld = not confidentiality.may_read(viewer)
        confidentiality.log_access(session, visit, not withheld, "court", viewer, now)

    def secret(value: str) -> str:
        return WITHHELD if withheld and value else value

    visitor = visit.visitor
    address = "".join(p for p in (visitor.township, visitor.village, visitor.address) if p)
    return HandedVisit(
        visit_code=visit.code,
        registered_at=visit.created_at,
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        withheld=withheld,
        visitor_name=mask_name(visitor.name) if withheld else visitor.name,
        gender="" if withheld else visitor.gender,
        birth_date=None if withheld else visitor.birth_date,
        phone="" if withheld else visitor.phone,
        address="" if withheld else address,
        summary=secret(visit.summary),
        request=secret(visit.request),
        facts=secret(visit.facts),
        reasons=secret(visit.reasons),
    )


def handoffs_of_visit(session: Session, visit_id: int) -> Sequence[CourtHandoff]:
    """Every hand-off of the visit, oldest first (a returned one may be followed by another)."""
    return session.scalars(
        select(CourtHandoff)
        .where(CourtHandoff.visit_id == visit_id)
        .order_by(CourtHandoff.handed_at, CourtHandoff.id)
    ).all()
