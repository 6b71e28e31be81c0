"""Leader reception (领导接访) at the heart-to-heart window: the leader's instruction (批示) on
the visit in hand puts the matter in the dispute register and assigns it (交办) at once, with
the unit, the 稳控责任人 and the deadline the leader gives."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from db.mechanism_models import Dispute
from db.models import User, Visit, Visitor
from hall import clock, confidentiality, fields
from hall.errors import IllegalTransition, NotFound
from hall.mechanisms import disputes


def instruct_on_visit(
    session: Session,
    visit_id: int,
    instruction: str,
    assignment: disputes.Assignment,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Dispute:
    """Register the visit's matter (the visitor as the party, where he or she lives, what was
    said, how many came) and turn the instruction into its assignment."""
    now = now or clock.now()
    # A refused form registers nothing, even for a caller that goes on after the refusal.
    fields.refuse(disputes.check_instruction(instruction, assignment, now.date()))
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound("找不到这次来访，可能已被删除，请刷新后重试。")
    # An accusation's content is kept from the register, which every leader reads.
    if confidentiality.is_confidential(session, visit):
        raise IllegalTransition("揭发控告类来访内容保密，不能转入矛盾纠纷台账；请按信访事项办理。")
    visitor = session.get_one(Visitor, visit.visitor_id)
    entry = disputes.DisputeEntry(
        parties=visitor.name,
        township=visitor.township,
        village=visitor.village,
        summary=visit.summary,
        people=max(visit.group_size, 1),
        found_on=now.date(),
    )
    dispute = disputes.register(session, entry, "window", actor, now)
    return disputes.instruct(session, dispute.id, instruction, assignment, actor, now)
