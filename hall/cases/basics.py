"""What every part of a case's rules shares: the confidential purposes and who may read them,
the states in which a limit runs, the work calendar an act is counted on, and the hearing days
a handling limit does not count."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.case_models import PetitionCase
from db.mechanism_models import Hearing
from db.models import User
from db.states import CaseState
from hall import calendar, users
from hall.calendar import WorkCalendar, cn_date

# Purposes whose material must never reach the people or unit accused.
CONFIDENTIAL_PURPOSES = frozenset({"report"})
# The window whose officers register and work the formal cases (办信办案).
CASES_WINDOW = "letters"
# Windows whose officers work with accusations: the letters desk and the supervision window.
CONFIDENTIAL_WINDOWS = frozenset({CASES_WINDOW, "supervision"})
WITHHELD = "（检举控告件，内容保密）"
# States in which one of the hall's own limits runs.
RUNNING = frozenset(
    {CaseState.REGISTERED, CaseState.HANDLING, CaseState.REVIEW, CaseState.REREVIEW}
)
TERMINAL = frozenset(
    {CaseState.NOT_ACCEPTED, CaseState.FORWARDED, CaseState.SEPARATED, CaseState.FINAL}
)
SEPARATED_CHANNEL = "向人民法院提起诉讼（已移交本大厅便民巡回法庭）"
MAX_UNIT_NAME = 100
DUPLICATE_UNIT = "单位名称不能重复，请换一个名称。"
# Years loaded around an act: a limit of at most 90 days, moved past a holiday, ends within
# the next calendar year.
CALENDAR_SPAN = 1


def is_confidential(case: PetitionCase) -> bool:
    return case.purpose in CONFIDENTIAL_PURPOSES


def may_read_confidential(user: User | None) -> bool:
    """Leaders and the officers of the letters and supervision windows. Not the administrators
    by their role alone (三员分立, issue 15): they run the system, they do not read accusations."""
    if user is None or not user.active:
        return False
    if users.has_role(user, users.LEADER):
        return True
    return users.has_role(user, users.OFFICER) and bool(
        CONFIDENTIAL_WINDOWS & set(users.window_codes(user))
    )


def _calendar(session: Session, start: dt.date) -> WorkCalendar:
    return calendar.load(session, start.year, start.year + CALENDAR_SPAN)


def hearing_days(session: Session, case_id: int, since: dt.date | None = None) -> int:
    """Days the case's hearings held on or after ``since`` took (信访工作条例: 听证所需时间不
    计算在期限内)."""
    query = select(func.sum(Hearing.days)).where(Hearing.case_id == case_id)
    if since is not None:
        query = query.where(Hearing.held_on >= since)
    return int(session.scalar(query) or 0)


def running_hearing_days(session: Session, case: PetitionCase) -> int:
    """The hearing days the limit running now leaves out, added to it wherever it is computed:
    every hearing of the case for the handling limit (one heard before the decision counts
    from it), those held since the request for a 复查 or 复核 decision limit."""
    since: dt.date | None = None
    if case.state == CaseState.REVIEW:
        since = case.review_requested_on
    elif case.state == CaseState.REREVIEW:
        since = case.rereview_requested_on
    return hearing_days(session, case.id, since)


def final_closure_reason(case: PetitionCase) -> str:
    assert case.rereviewed_on is not None
    return (
        f"该事项（{case.number}）已于{cn_date(case.rereviewed_on)}经复核作出复核意见，"
        "依照《信访工作条例》，信访人对复核意见不服、仍以同一事实和理由提出的，"
        "不再受理（三级终结）。"
    )
