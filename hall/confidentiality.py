"""Which visits are confidential at the windows, and the log of their opening.

A visit is confidential when it is an accusation (揭发控告, by its purpose) or when a window
recorded a complaint about an official or a unit on it (效能监察): "confidential like any
accusation". Who may read them is the formal cases' rule,
:func:`hall.cases.may_read_confidential`; every opening of one is logged in the event log,
``visit.viewed`` when its content was shown and ``visit.view_withheld`` when it was not, as
the cases log ``case.viewed``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.models import User, Visit
from db.window_models import ServiceRecord
from hall import cases


def confidential_ids(session: Session, visits: Collection[Visit]) -> set[int]:
    """The ids of those of ``visits`` that are confidential."""
    by_purpose = {v.id for v in visits if v.purpose in cases.CONFIDENTIAL_PURPOSES}
    others = [v.id for v in visits if v.id not in by_purpose]
    if not others:
        return by_purpose
    flagged = session.scalars(
        select(ServiceRecord.visit_id).where(
            ServiceRecord.visit_id.in_(others), ServiceRecord.confidential
        )
    )
    return by_purpose | {visit_id for visit_id in flagged if visit_id is not None}


def is_confidential(session: Session, visit: Visit) -> bool:
    return bool(confidential_ids(session, [visit]))


def may_read(viewer: User | None) -> bool:
    return cases.may_read_confidential(viewer)


def log_access(
    session: Session,
    visit: Visit,
    shown: bool,
    via: str,
    viewer: User | None,
    now: dt.datetime,
) -> None:
    """Log an opening of a confidential visit (``via``: counter, history, records,
    statistics)."""
    events.append(
        session,
        EventKind.VISIT_VIEWED if shown else EventKind.VISIT_VIEW_WITHHELD,
        "visit",
        visit.id,
        now,
        viewer.id if viewer else None,
        {"code": visit.code, "via": via},
    )


def log_case_access(
    session: Session,
    case: PetitionCase,
    shown: bool,
    via: str,
    viewer: User | None,
    now: dt.datetime,
) -> None:
    """Log an opening of a confidential case away from its own page (``via``: statistics), as
    :func:`hall.cases.read_case` logs one on it."""
    events.append(
        session,
        EventKind.CASE_VIEWED if shown else EventKind.CASE_VIEW_WITHHELD,
        "case",
        case.id,
        now,
        viewer.id if viewer else None,
        {"number": case.number, "state": case.state, "via": via},
    )
