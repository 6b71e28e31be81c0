"""The 来信来访登记台账 exported: the same columns the import reads, for the visits registered
in a period, from the records as they stand (a typed visit as well as an imported one)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.case_models import ACCEPTED, PetitionCase
from db.ledger_models import LedgerRow
from db.models import ServiceWindow, Visit, Visitor
from db.window_models import (
    NO_SHOW,
    OUTCOME_NAMES,
    SCORE_NAMES,
    TRANSFERRED,
    Satisfaction,
    ServiceRecord,
)
from hall.catalog import CHANNELS, PURPOSES
from hall.ledgers.columns import CHANNEL_CODES, NO, OUTCOME_CODES, UNRATED, VISITS, YES


def export_rows(session: Session, start: dt.date, end: dt.date) -> list[list[Any]]:
    """The ledger's rows for visits registered from ``start`` to ``end``, oldest first."""
    first = dt.datetime.combine(start, dt.time())
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    windows = {w.id: w.name for w in session.scalars(select(ServiceWindow))}
    found = session.execute(
        select(Visit, Visitor, PetitionCase, LedgerRow.extra)
        .join(Visitor, Visitor.id == Visit.visitor_id)
        .outerjoin(PetitionCase, PetitionCase.visit_id == Visit.id)
        .outerjoin(LedgerRow, (LedgerRow.visit_id == Visit.id) & (LedgerRow.kind == VISITS))
        .where(Visit.created_at >= first, Visit.created_at < after)
        .order_by(Visit.created_at, Visit.id)
    ).all()
    ids = [visit.id for visit, *_ in found]
    scores: dict[int, str] = {}
    for start_at in range(0, len(ids), 2000):
        for visit_id, score in session.execute(
            select(Satisfaction.visit_id, Satisfaction.score).where(
                Satisfaction.visit_id.in_(ids[start_at : start_at + 2000])
            )
        ):
            if visit_id is not None:
                scores[visit_id] = SCORE_NAMES[score]
    outcomes = _outcomes(session, ids)
    rows = []
    for visit, visitor, case, extra in found:
        extra = extra or {}
        accepted = case is not None and case.decision == ACCEPTED
        rows.append(
            [
                visit.created_at.date(),
                _channel_name(visit.channel),
                visitor.name,
                visitor.id_number if visitor.id_type == "resident" else "",
                visitor.phone,
                visitor.township,
                visitor.village,
                visitor.address,
                visit.group_size,
                PURPOSES[visit.purpose],
                extra.get("内容分类", ""),
                visit.summary,
                windows.get(visit.window_id, ""),
                YES if accepted else NO,
                case.decided_on if accepted and case is not None else None,
                case.closed_on if accepted and case is not None else None,
                outcomes.get(visit.id, ""),
                visit.outcome_notes,
                scores.get(visit.id, UNRATED),
                extra.get("备注", ""),
            ]
        )
    return rows


def _outcomes(session: Session, visit_ids: list[int]) -> dict[int, str]:
    """Each visit's 处理方式: what its last service came to (a transfer or an absence is a step
    of the queue, not an end, and is passed over)."""
    found: dict[int, str] = {}
    for start in range(0, len(visit_ids), 2000):
        for visit_id, outcome in session.execute(
            select(ServiceRecord.visit_id, ServiceRecord.outcome)
            .where(
                ServiceRecord.visit_id.in_(visit_ids[start : start + 2000]),
                ServiceRecord.outcome.not_in((TRANSFERRED, NO_SHOW)),
            )
            .order_by(ServiceRecord.id)
        ):
            if visit_id is not None and outcome in OUTCOME_CODES.values():
                found[visit_id] = OUTCOME_NAMES[outcome]
    return found


def _channel_name(channel: str) -> str:
    # A visit by proxy is a visit in the county's ledger, which has no column for the proxy.
    name = CHANNELS.get(channel, "来访")
    return name if name in CHANNEL_CODES else "来访"
