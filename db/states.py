"""Every status a record of the hall takes, one enum per kind of record.

The values are the strings the database has always stored, so no migration follows from this
module: a ``StrEnum`` member is a ``str`` and compares equal to its value, and a column read
back as a plain string still matches ``TicketStatus.WAITING``. The Chinese name of each value,
where a screen shows it, stays beside the model it belongs to (``STATE_NAMES``,
``STATUS_NAMES`` ...) keyed by these members.
"""

from __future__ import annotations

from enum import StrEnum


class TicketStatus(StrEnum):
    """A queue ticket, from issue to the end of its service at one window."""

    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    FINISHED = "finished"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    TRANSFERRED = "transferred"


class VisitStatus(StrEnum):
    """A visit: open at the hall, or on its way to the circuit court and back."""

    OPEN = "open"
    HANDED_TO_COURT = "handed_to_court"
    COURT_RETURNED = "court_returned"


class VisitOutcome(StrEnum):
    """What a service at a window came to (ServiceRecord.outcome)."""

    RESOLVED = "resolved"
    EXPLAINED = "explained"
    TRANSFERRED = "transferred"
    CASE = "case"
    FORWARDED = "forwarded"
    COURT = "court"
    FOLLOW_UP = "follow_up"
    NO_SHOW = "no_show"


class FollowUpState(StrEnum):
    """A follow-up visit (回访) agreed with a visitor."""

    OPEN = "open"
    DONE = "done"


class CaseState(StrEnum):
    """A formal petition case (信访事项). The hall's own time limit runs in REGISTERED,
    HANDLING, REVIEW and REREVIEW; in REPLIED, CLOSED and REVIEWED the petitioner's time to ask
    for review runs."""

    REGISTERED = "registered"
    NOT_ACCEPTED = "not_accepted"
    FORWARDED = "forwarded"
    SEPARATED = "separated"
    HANDLING = "handling"
    REPLIED = "replied"
    CLOSED = "closed"
    REVIEW = "review"
    REVIEWED = "reviewed"
    REREVIEW = "rereview"
    FINAL = "final"


class CaseDecision(StrEnum):
    """How a registered case was decided within its 15 days; the last three end the case in
    the state of the same name."""

    ACCEPTED = "accepted"
    ASSIGNED = "assigned"
    NOT_ACCEPTED = "not_accepted"
    FORWARDED = "forwarded"
    SEPARATED = "separated"


class CaseOutcome(StrEnum):
    """The result of a case's reply, 复查 or 复核 opinion."""

    SUPPORT = "support"
    EXPLAIN = "explain"
    REJECT = "reject"
    MEDIATION = "mediation"
    SETTLEMENT = "settlement"


class CaseCourtHandoff(StrEnum):
    """The mark on a case separated from petitions (诉访分离): waiting for the letters desk to
    hand its visit to the court, then handed."""

    PENDING = "pending"
    HANDED = "handed"


class OrderState(StrEnum):
    """A supervision order (督办单) awaiting, given or escalated past its unit's reply."""

    OPEN = "open"
    REPLIED = "replied"
    ESCALATED = "escalated"


class HandoffState(StrEnum):
    """A hand-off to the circuit court, waiting in the clerk's inbox, accepted or returned."""

    HANDED = "handed"
    ACCEPTED = "accepted"
    RETURNED = "returned"


class CourtStage(StrEnum):
    """The stages a court file moves forward through, in their order."""

    RECEPTION = "reception"
    REGISTRATION = "registration"
    PRETRIAL = "pretrial"
    TRIAL = "trial"
    POSTTRIAL = "posttrial"
    ENFORCEMENT = "enforcement"


class CourtOutcome(StrEnum):
    """How a court file ended."""

    MEDIATED = "mediated"
    CONFIRMED = "confirmed"
    WITHDRAWN = "withdrawn"
    JUDGMENT = "judgment"
    DISMISSED = "dismissed"
