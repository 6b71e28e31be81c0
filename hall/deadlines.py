"""Time limits of a formal case under the 信访工作条例 (2022), and the alerts on them.

How a limit is counted (the rule every function here applies):

* A limit of N days is counted in calendar days from its start: the day of the starting act
  (receipt, acceptance, the reply, the request) is not counted, so the limit's last day is
  ``start + N days``. A letter received on 1 March must be decided by 16 March.
* When that last day is not a working day — a public holiday, or a Saturday or Sunday that is
  not a make-up workday (调休上班) — the limit ends on the next working day instead. Days inside
  the period are never skipped: only the last day moves.
* Acting on the last day is in time; the day after, the limit is overdue.

The limits:

* decide within 15 days of receipt (accept, not accept, forward, assign, separate);
* handle within 60 days of acceptance; one extension of at most 30 days, with a reason,
  asked for before the limit ends, adds its days to the 60;
* the petitioner may ask for 复查 within 30 days of the reply, decided within 30 days of the
  request; then for 复核 within 30 days of the 复查 decision, decided within 30 days of that
  request. After 复核 the matter is finally closed (三级终结).
* the days of a hearing (听证) are not counted: they are added to the limit that runs while it
  is held (the handling limit, or the 复查 or 复核 decision limit), as an extension's are.

Alerts mark how much of the allowed time is used: at 50, 75, 85 and 99 % of the days from the
start to the (moved) last day, and overdue after the last day.
"""

from __future__ import annotations

import datetime as dt
from enum import IntEnum

from hall.calendar import WorkCalendar

DECIDE_DAYS = 15
HANDLE_DAYS = 60
MAX_EXTENSION_DAYS = 30
REVIEW_REQUEST_DAYS = 30
REVIEW_DECIDE_DAYS = 30
REREVIEW_REQUEST_DAYS = 30
REREVIEW_DECIDE_DAYS = 30
# Not a statutory limit: the hall's practice for following a supported decision (予以支持)
# until it is carried out before the supervision window takes it up.
EXECUTION_DAYS = 30


class Alert(IntEnum):
    """How much of a limit is used; compare with ``>=`` (every level includes the lower)."""

    NONE = 0
    HALF = 50
    THREE_QUARTERS = 75
    EIGHTY_FIVE = 85
    NINETY_NINE = 99
    OVERDUE = 100


ALERT_LEVELS = (Alert.HALF, Alert.THREE_QUARTERS, Alert.EIGHTY_FIVE, Alert.NINETY_NINE)
ALERT_NAMES = {
    Alert.NONE: "",
    Alert.HALF: "已用时过半",
    Alert.THREE_QUARTERS: "已用时 75%",
    Alert.EIGHTY_FIVE: "已用时 85%",
    Alert.NINETY_NINE: "即将到期",
    Alert.OVERDUE: "已超期",
}


def period_end(start: dt.date, days: int, calendar: WorkCalendar) -> dt.date:
    """The last day of a limit of ``days`` calendar days starting on ``start``."""
    return calendar.on_or_after_workday(start + dt.timedelta(days=days))


def decide_due(received_on: dt.date, calendar: WorkCalendar) -> dt.date:
    return period_end(received_on, DECIDE_DAYS, calendar)


def handle_due(accepted_on: dt.date, extension_days: int, calendar: WorkCalendar) -> dt.date:
    return period_end(accepted_on, HANDLE_DAYS + extension_days, calendar)


def review_request_until(replied_on: dt.date, calendar: WorkCalendar) -> dt.date:
    return period_end(replied_on, REVIEW_REQUEST_DAYS, calendar)


def review_due(requested_on: dt.date, calendar: WorkCalendar, hearing_days: int = 0) -> dt.date:
    return period_end(requested_on, REVIEW_DECIDE_DAYS + hearing_days, calendar)


def rereview_request_until(reviewed_on: dt.date, calendar: WorkCalendar) -> dt.date:
    return period_end(reviewed_on, REREVIEW_REQUEST_DAYS, calendar)


def rereview_due(requested_on: dt.date, calendar: WorkCalendar, hearing_days: int = 0) -> dt.date:
    return period_end(requested_on, REREVIEW_DECIDE_DAYS + hearing_days, calendar)


def execution_due(decided_on: dt.date, calendar: WorkCalendar) -> dt.date:
    return period_end(decided_on, EXECUTION_DAYS, calendar)


def allowed_days(start: dt.date, due: dt.date) -> int:
    return max(1, (due - start).days)


def alert_day(start: dt.date, due: dt.date, level: Alert) -> dt.date:
    """The first day on which a limit from ``start`` to ``due`` reaches ``level``."""
    if level is Alert.OVERDUE:
        return due + dt.timedelta(days=1)
    # The smallest whole number of days d with d / allowed >= level %.
    days = -(-int(level) * allowed_days(start, due) // 100)
    return start + dt.timedelta(days=days)


def alert_level(start: dt.date, due: dt.date, on: dt.date) -> Alert:
    """The alert of a limit from ``start`` to ``due``, as it stands on ``on``."""
    if on > due:
        return Alert.OVERDUE
    reached = Alert.NONE
    for level in ALERT_LEVELS:
        if on >= alert_day(start, due, level):
            reached = level
    return reached
