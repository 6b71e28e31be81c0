"""The clerk finds a hand-off by its code and accepts it (a file opens at 接访) or returns it
with a reason."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.court_models import HANDOFF_STATE_NAMES, CourtCase, CourtHandoff
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseCourtHandoff, CourtStage, HandoffState, VisitStatus
from hall import clock, fields
from hall.court.handing_off import _log, _mark_separated_case
from hall.court.tribunal import BARCODE, require_clerk
from hall.errors import IllegalTransition, NotFound


def _handoff(session: Session, handoff_id: int, lock: bool = False) -> CourtHandoff:
    """The hand-off; with ``lock``, its row is locked until the transaction ends, so that of two
    clerks accepting or returning it at once the second sees what the first did."""
    stmt = select(CourtHandoff).where(CourtHandoff.id == handoff_id)
    if lock:
        stmt = stmt.with_for_update(of=CourtHandoff).execution_options(populate_existing=True)
    handoff = session.scalar(stmt)
    if handoff is None:
        raise NotFound(f"找不到编号为 {handoff_id} 的移交记录。")
    return handoff


def find_handoff(session: Session, code: str) -> CourtHandoff:
    """The hand-off a slip names: by its number, or by the barcode the clerk's scanner reads."""
    code = code.strip()
    found = None
    if code.startswith("移交"):
        found = session.scalar(select(CourtHandoff).where(CourtHandoff.number == code))
    elif match := BARCODE.match(code.upper()):
        found = session.scalar(
            select(CourtHandoff).where(
                CourtHandoff.year == int(match[1]), CourtHandoff.seq == int(match[2])
            )
        )
    if found is None:
        raise NotFound(f"没有查到“{code}”对应的移交单，请核对移交单上的编号或条码。")
    return found


def _require_state(handoff: CourtHandoff, action: str) -> None:
    if handoff.state != HandoffState.HANDED:
        raise IllegalTransition(
            f"移交单{handoff.number}当前为“{HANDOFF_STATE_NAMES[handoff.state]}”，不能{action}。"
        )


def accept_handoff(
    session: Session, handoff_id: int, actor: User, now: dt.datetime | None = None
) -> CourtCase:
    """The clerk takes the matter over: a court file opens at the 接访 stage."""
    now = now or clock.now()
    require_clerk(actor)
    handoff = _handoff(session, handoff_id, lock=True)
    _require_state(handoff, "接收")
    handoff.state = HandoffState.ACCEPTED
    handoff.decided_at = now
    handoff.decided_by = actor.id
    case = CourtCase(
        handoff_id=handoff.id,
        visit_id=handoff.visit_id,
        stage=CourtStage.RECEPTION,
        opened_at=now,
        opened_by=actor.id,
    )
    case.handoff = handoff
    session.add(case)
    session.flush()
    _log(session, EventKind.COURT_ACCEPTED, handoff, now, actor)
    return case


def return_handoff(
    session: Session,
    handoff_id: int,
    reason: str,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Send the matter back to its window, saying why; the window sees both."""
    now = now or clock.now()
    require_clerk(actor)
    handoff = _handoff(session, handoff_id, lock=True)
    _require_state(handoff, "退回")
    reason = fields.clean(fields.RETURN_REASON, reason)
    handoff.state = HandoffState.RETURNED
    handoff.decided_at = now
    handoff.decided_by = actor.id
    handoff.return_reason = reason
    handoff.visit.status = VisitStatus.COURT_RETURNED
    _mark_separated_case(
        session, handoff, CaseCourtHandoff.HANDED, CaseCourtHandoff.PENDING, actor, now
    )
    _log(session, EventKind.COURT_RETURNED, handoff, now, actor)
    return handoff
