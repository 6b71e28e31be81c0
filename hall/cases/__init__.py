"""Formal petition cases (信访事项) from registration to final closure.

The lifecycle, after the 信访工作条例 (2022); every other move is refused with its reason::

    registered ─┬─ accept ─────────────▶ handling ── reply ──▶ replied ── close ──▶ closed
                ├─ assign (交办) ──────▶ handling    (extend: once, at most 30 days)
                ├─ not accept ─────────▶ not_accepted (the legal channel named)
                ├─ forward (转送) ─────▶ forwarded
                └─ separate ───────────▶ separated (诉访分离, handed to the court)
    replied / closed ── 复查 request (within 30 days) ──▶ review ── decide ──▶ reviewed
    reviewed ── 复核 request (within 30 days) ──▶ rereview ── decide ──▶ final (三级终结)

An assigned case closes only with its unit's closing report (办结报告); a supported decision
(予以支持) is followed until it is carried out.

Which limits refuse and which only record (the rules in :mod:`hall.deadlines`):

* The petitioner's limits are enforced: a 复查 or 复核 request after its 30 days is refused,
  and a finally closed matter is not taken up again.
* The hall's own limits (decide in 15 days, handle in 60, the unit's deadline, review
  decisions in 30) are watched, not enforced by refusal: refusing a late decision would leave
  the petitioner without one. A late act is recorded as late, the case shows as overdue, and
  the supervision window (:mod:`hall.supervision`) takes it up. What a limit does forbid is
  refused: an extension asked for after the limit ended, a second extension, more than
  30 days, a unit deadline beyond the statutory one.

Accusations (揭发控告) are confidential: only :func:`may_read_confidential` users see their
contents, every opening of one is logged, and nothing about one is assigned, forwarded or sent
to the unit it accuses. Every change appends to the event log in the caller's transaction;
event payloads carry numbers and states, never the matter itself (they feed live screens).

The rules, one section a module: :mod:`~hall.cases.basics` (confidentiality, the states a
limit runs in), :mod:`~hall.cases.responsible_units`, :mod:`~hall.cases.opening`,
:mod:`~hall.cases.repeats`, :mod:`~hall.cases.transitions`, :mod:`~hall.cases.reviews`,
:mod:`~hall.cases.reading` and :mod:`~hall.cases.issued_documents`. This package's names are the
public face: callers import from ``hall.cases``, not from the modules.
"""

from __future__ import annotations

# Archived cases and visits are read-only (retention): refused in words before the database does.
from hall import archive  # noqa: F401  (isort: skip)

from hall.cases.basics import (
    CALENDAR_SPAN,
    CASES_WINDOW,
    CONFIDENTIAL_PURPOSES,
    CONFIDENTIAL_WINDOWS,
    DUPLICATE_UNIT,
    MAX_UNIT_NAME,
    RUNNING,
    SEPARATED_CHANNEL,
    TERMINAL,
    WITHHELD,
    final_closure_reason,
    hearing_days,
    is_confidential,
    may_read_confidential,
    running_hearing_days,
)
from hall.cases.issued_documents import (
    PRINT_WAYS,
    DocumentIssue,
    attachments,
    document_history,
    document_refusal,
    documents,
    issue_document,
    letters,
    reissue_document,
)
from hall.cases.opening import case_number, new_case, open_from_visit
from hall.cases.reading import (
    CaseRow,
    CaseView,
    alert_of,
    calendar_warning,
    count_cases,
    list_cases,
    read_case,
    row,
    supervision_reasons,
    view,
)
from hall.cases.repeats import (
    OpenMatter,
    finally_closed,
    link_repeat,
    link_visit,
    open_matters,
    refuse_if_repeat,
)
from hall.cases.responsible_units import add_unit, find_unit, receiving_unit, set_unit_active, units
from hall.cases.reviews import (
    decide_rereview,
    decide_review,
    record_execution,
    request_rereview,
    request_review,
)
from hall.cases.transitions import (
    accept,
    assign,
    by_number,
    case_for_update,
    close,
    exclude_hearing,
    extend,
    forward,
    refresh_limits,
    reject,
    reply,
    report_closing,
    separate,
)

__all__ = [
    "CALENDAR_SPAN",
    "CASES_WINDOW",
    "CONFIDENTIAL_PURPOSES",
    "CONFIDENTIAL_WINDOWS",
    "DUPLICATE_UNIT",
    "MAX_UNIT_NAME",
    "PRINT_WAYS",
    "RUNNING",
    "SEPARATED_CHANNEL",
    "TERMINAL",
    "WITHHELD",
    "CaseRow",
    "CaseView",
    "DocumentIssue",
    "OpenMatter",
    "accept",
    "add_unit",
    "alert_of",
    "assign",
    "attachments",
    "by_number",
    "calendar_warning",
    "case_for_update",
    "case_number",
    "close",
    "count_cases",
    "decide_rereview",
    "decide_review",
    "document_history",
    "document_refusal",
    "documents",
    "exclude_hearing",
    "extend",
    "final_closure_reason",
    "finally_closed",
    "find_unit",
    "forward",
    "hearing_days",
    "is_confidential",
    "issue_document",
    "letters",
    "link_repeat",
    "link_visit",
    "list_cases",
    "may_read_confidential",
    "new_case",
    "open_from_visit",
    "open_matters",
    "read_case",
    "receiving_unit",
    "record_execution",
    "refresh_limits",
    "refuse_if_repeat",
    "reissue_document",
    "reject",
    "reply",
    "report_closing",
    "request_rereview",
    "request_review",
    "row",
    "running_hearing_days",
    "separate",
    "set_unit_active",
    "supervision_reasons",
    "units",
    "view",
]
