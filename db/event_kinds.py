"""Every kind of event written to the event log, in one enum.

The values are the strings the log has always stored (``entity.what_happened``), so no
migration follows from this module: a ``StrEnum`` member is a ``str``, and a kind read back from
the log compares equal to its member. :func:`db.events.append` takes only these members, so a
kind cannot be written under a misspelt name; screens that refresh on an event compare
``event.kind`` with the same members.
"""

from __future__ import annotations

from enum import StrEnum


class EventKind(StrEnum):
    # The queue: a ticket issued, called, served and ended at a window.
    TICKET_CALLED = "ticket.called"
    TICKET_CANCELLED = "ticket.cancelled"
    TICKET_FINISHED = "ticket.finished"
    TICKET_ISSUED = "ticket.issued"
    TICKET_NO_SHOW = "ticket.no_show"
    TICKET_RATED = "ticket.rated"
    TICKET_RECALLED = "ticket.recalled"
    TICKET_RELEASED = "ticket.released"
    TICKET_STARTED = "ticket.started"
    TICKET_TRANSFERRED = "ticket.transferred"

    # Registration at the front desk, and every opening of a confidential visit.
    VISIT_REGISTERED = "visit.registered"
    VISIT_VIEW_WITHHELD = "visit.view_withheld"
    VISIT_VIEWED = "visit.viewed"

    # What a window officer recorded of a service.
    SERVICE_RECORDED = "service.recorded"

    # A formal petition case (信访事项) through its lifecycle; *viewed*/*view_withheld* log
    # each opening of an accusation.
    CASE_ACCEPTED = "case.accepted"
    CASE_ASSIGNED = "case.assigned"
    CASE_ATTACHMENT_ADDED = "case.attachment_added"
    CASE_CLOSED = "case.closed"
    CASE_CLOSING_REPORTED = "case.closing_reported"
    CASE_COURT_RETURNED = "case.court_returned"
    CASE_EXECUTED = "case.executed"
    CASE_EXTENDED = "case.extended"
    CASE_FINALLY_CLOSED = "case.finally_closed"
    CASE_FORWARDED = "case.forwarded"
    CASE_HANDED_TO_COURT = "case.handed_to_court"
    # Its 包案领导 named, changed or removed (hall.mechanisms.leading).
    CASE_LEADER_SET = "case.leader_set"
    CASE_NOT_ACCEPTED = "case.not_accepted"
    CASE_REGISTERED = "case.registered"
    CASE_REPEAT_LINKED = "case.repeat_linked"
    CASE_REPLIED = "case.replied"
    CASE_REREVIEW_REQUESTED = "case.rereview_requested"
    CASE_REVIEW_REQUESTED = "case.review_requested"
    CASE_REVIEWED = "case.reviewed"
    CASE_SEPARATED = "case.separated"
    CASE_VIEW_WITHHELD = "case.view_withheld"
    CASE_VIEWED = "case.viewed"

    # The notices a case issues, and their reprints.
    DOCUMENT_ISSUED = "document.issued"
    DOCUMENT_PRINTED = "document.printed"

    # Supervision orders (督办).
    SUPERVISION_ESCALATED = "supervision.escalated"
    SUPERVISION_ISSUED = "supervision.issued"
    SUPERVISION_REPLIED = "supervision.replied"

    # The hand-off to the circuit court and the court's file.
    COURT_ACCEPTED = "court.accepted"
    COURT_CLOSED = "court.closed"
    COURT_CONVERTED = "court.converted"
    COURT_ENFORCEMENT = "court.enforcement"
    COURT_HANDOFF = "court.handoff"
    COURT_HEARING = "court.hearing"
    COURT_LIMIT_EXTENDED = "court.limit_extended"
    COURT_MEDIATION = "court.mediation"
    COURT_REGISTERED = "court.registered"
    COURT_RETURNED = "court.returned"
    COURT_STAGE = "court.stage"
    COURT_TYPE_ADDED = "court.type_added"
    COURT_TYPE_CHANGED = "court.type_changed"
    COURT_VIEWED = "court.viewed"
    COURT_PRINTED = "court.printed"

    # Limits moved when the holiday calendar changed.
    DEADLINE_ADJUSTED = "deadline.adjusted"

    # The hall's holiday calendar.
    CALENDAR_DAY_REMOVED = "calendar.day_removed"
    CALENDAR_DAY_SET = "calendar.day_set"
    CALENDAR_YEAR_CONFIRMED = "calendar.year_confirmed"

    # Follow-up visits (回访).
    FOLLOW_UP_DONE = "follow_up.done"
    FOLLOW_UP_SCHEDULED = "follow_up.scheduled"

    # The public-opinion window's records and its bulletin.
    OPINION_ADDED = "opinion.added"
    BULLETIN_PRODUCED = "bulletin.produced"
    BULLETIN_REPLACED = "bulletin.replaced"

    # The hardship-aid window.
    AID_RECORDED = "aid.recorded"
    AID_REFERRAL_CHANGED = "aid.referral_changed"

    # The administrator's lists, units, users and hall-wide settings.
    LIST_ITEM_ADDED = "list_item.added"
    LIST_ITEM_CHANGED = "list_item.changed"
    UNIT_ADDED = "unit.added"
    UNIT_CHANGED = "unit.changed"
    USER_ADDED = "user.added"
    USER_LOGIN = "user.login"
    USER_LOGIN_FAILED = "user.login_failed"
    USER_WINDOWS_CHANGED = "user.windows_changed"
    SETTINGS_CHANGED = "settings.changed"

    # The devices (hardware callers, kiosks) allowed to use the command line.
    DEVICE_ADDED = "device.added"
    DEVICE_REVOKED = "device.revoked"
    DEVICE_REFUSED = "device.refused"

    # The queue's additions: a no-show put back, an appointment booked, kept or cancelled.
    TICKET_REQUEUED = "ticket.requeued"
    APPOINTMENT_BOOKED = "appointment.booked"
    APPOINTMENT_CANCELLED = "appointment.cancelled"
    APPOINTMENT_CHECKED_IN = "appointment.checked_in"

    # The hall's mechanisms: disputes, the weekly meeting, hearings, 群众工作日, stations.
    DISPUTE_ASSIGNED = "dispute.assigned"
    DISPUTE_CLOSED = "dispute.closed"
    DISPUTE_PROGRESS = "dispute.progress"
    DISPUTE_REGISTERED = "dispute.registered"
    DISPUTE_RULES = "dispute.rules"
    MEETING_HELD = "meeting.held"
    HEARING_RECORDED = "hearing.recorded"
    HEARING_SCHEDULED = "hearing.scheduled"
    WORKDAY_SETTING = "workday.setting"
    WORKDAY_ENTRY = "workday.entry"
    STATION_MEMBER = "station.member"
    STATION_ENTRY = "station.entry"
    STATION_REPLY = "station.reply"

    # Ledgers brought in from Excel.
    LEDGER_IMPORTED = "ledger.imported"

    # What left the hall in a file or on paper (audited by their suffixes): a list, a ledger
    # or the figures exported to Excel; a receipt, the figures' report, a bulletin or a
    # mechanism's paper printed or saved as PDF.
    LIST_EXPORTED = "list.exported"
    LEDGER_EXPORTED = "ledger.exported"
    REPORT_EXPORTED = "report.exported"
    REPORT_PRINTED = "report.printed"
    RECEIPT_PRINTED = "receipt.printed"
    BULLETIN_PRINTED = "bulletin.printed"
    PAPER_PRINTED = "paper.printed"

    # Accounts, sessions and the audit (三员分立, the idle lock, backups).
    AUDIT_EXPORTED = "audit.exported"
    BACKUP_MADE = "backup.made"
    RESTORE_DONE = "restore.done"
    RETENTION_APPLIED = "retention.applied"
    SECURITY_RULES_CHANGED = "security.rules_changed"
    USER_DISABLED = "user.disabled"
    USER_EDITED = "user.edited"
    USER_ENABLED = "user.enabled"
    USER_LOCKED = "user.locked"
    USER_LOGOUT = "user.logout"
    USER_PASSWORD_CHANGED = "user.password_changed"
    USER_PASSWORD_RESET = "user.password_reset"
    USER_RESUMED = "user.resumed"
    USER_ROLES_CHANGED = "user.roles_changed"
    USER_SCREEN_LOCKED = "user.screen_locked"
    USER_UNLOCKED = "user.unlocked"
