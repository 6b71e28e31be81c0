"""A court file as the clerk's desk opens it: the file itself, the changes to its trial limit
(程序转换, 延长审理期限) with their reasons and approvers, and its timeline — one unit of
work, so the desk shows all three from one read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from db import events
from db.court_limit_models import CHANGE_NAMES, CONVERSION, CourtLimitChange
from db.court_models import TRACK_NAMES
from db.models import User
from hall import case_views, clock, court_cases, court_limits
from hall.case_views import TimelineEntry
from hall.court_cases import CaseView


@dataclass(frozen=True)
class LimitChangeView:
    """One conversion or extension, as the file lists it."""

    decided_on: dt.date
    kind: str
    kind_name: str
    # "简易程序 → 普通程序" for a conversion, "延长 1 个月" for an extension.
    what: str
    reason: str
    approver: str
    due_before: dt.date
    due_after: dt.date


@dataclass(frozen=True)
class OpenedFile:
    view: CaseView
    changes: list[LimitChangeView]
    timeline: list[TimelineEntry]


def _change_view(change: CourtLimitChange) -> LimitChangeView:
    if change.kind == CONVERSION:
        what = f"{TRACK_NAMES[change.from_track]} → {TRACK_NAMES[change.track]}"
    else:
        what = f"{TRACK_NAMES[change.track]}延长 {change.months} 个月"
    return LimitChangeView(
        decided_on=change.decided_on,
        kind=change.kind,
        kind_name=CHANGE_NAMES[change.kind],
        what=what,
        reason=change.reason,
        approver=change.approver,
        due_before=change.due_before,
        due_after=change.due_after,
    )


def open_file(
    session: Session, case_id: int, viewer: User, now: dt.datetime | None = None
) -> OpenedFile:
    """Open a court file for the clerk (:func:`hall.court_cases.read_case` checks who may)."""
    now = now or clock.now()
    view = court_cases.read_case(session, case_id, viewer, now)
    return OpenedFile(
        view=view,
        changes=[_change_view(c) for c in court_limits.changes(session, case_id)],
        timeline=case_views.timeline_of(session, events.for_entity(session, "court_case", case_id)),
    )
