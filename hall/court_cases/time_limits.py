"""A court file's time limits: the trial limit of its track and the 30 days to apply for
judicial confirmation, counted on the hall's work calendar."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange

from sqlalchemy.orm import Session

from db.court_models import ORDINARY, SIMPLE, SMALL_CLAIMS, CourtCase
from db.states import CourtOutcome
from hall import calendar, deadlines
from hall.calendar import WorkCalendar
from hall.deadlines import Alert

TRACK_MONTHS = {SMALL_CLAIMS: 2, SIMPLE: 3, ORDINARY: 6}
CONFIRMATION_DAYS = 30
MAX_AGE = 150
# Outcomes that leave something to enforce: a 调解书, a confirmed agreement, a judgment.
ENFORCEABLE = frozenset({CourtOutcome.MEDIATED, CourtOutcome.CONFIRMED, CourtOutcome.JUDGMENT})


# ---------------------------------------------------------------------------------------------
# Time limits


def add_months(day: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months after ``day``: the same day of the month, or the
    month's last day when it has no such day (31 August + 6 months = 28 or 29 February),
    as 民法典 第二百零二条 counts a period of months."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, monthrange(year, month)[1]))


def trial_due(registered_on: dt.date, track: str, cal: WorkCalendar) -> dt.date:
    """The last day to conclude a case on ``track``: 2, 3 or 6 calendar months from
    registration (the registration day itself not counted), counted by :func:`add_months`;
    a last day that is not a working day moves to the next working day (民事诉讼法 第八十五条)."""
    return cal.on_or_after_workday(add_months(registered_on, TRACK_MONTHS[track]))


def confirmation_deadline(agreement_on: dt.date, cal: WorkCalendar) -> dt.date:
    """The last day to apply for judicial confirmation: 30 days after the agreement, moved to
    the next working day when it is not one (民事诉讼法 第二百零五条, 第八十五条)."""
    return deadlines.period_end(agreement_on, CONFIRMATION_DAYS, cal)


def _calendar(session: Session, start: dt.date) -> WorkCalendar:
    # A limit of at most six months, moved past a holiday, ends within the next year.
    return calendar.load(session, start.year, start.year + 1)


def alert_of(case: CourtCase, on: dt.date) -> Alert:
    """How much of the trial limit is used on ``on`` (NONE before registration and once closed),
    at the same 50/75/85/99 % marks as the petition cases (:mod:`hall.deadlines`)."""
    if case.registered_on is None or case.due_on is None or case.outcome is not None:
        return Alert.NONE
    return deadlines.alert_level(case.registered_on, case.due_on, on)
