"""The circuit court's case file, from the accepted hand-off to its outcome.

A file opens at 接访 when the clerk accepts a hand-off (:mod:`hall.court`) and moves forward
only, each move logged::

    接访 ──register (立案, a case number)──▶ 立案 ──▶ 庭前 ──▶ 庭审 ──▶ 庭后
                                                         (any closed file) ──enforcement──▶ 执行

A stage may be skipped forwards (a case mediated before the hearing never sees 庭审) but never
gone back to. A mediation attempt can be recorded at any stage, 接访 and 执行 included
("多调少判、调判结合"). The outcomes:

* mediated (调解结案): a 调解书, which needs a registered case, or the agreement written into
  the transcript and performed at once, which a file at 接访 can end with too;
* judicial confirmation of a mediation agreement (司法确认), applied for within 30 days of the
  agreement (:func:`confirmation_deadline`); a later application is refused with the reason;
* withdrawn (撤诉), judgment (判决), dismissed (驳回起诉).

Enforcement (执行) is recorded when applied for, on an outcome that can be enforced. Fees are
waived in this hall and the file records them as waived.

Only the court's clerks and administrators work and read files (:func:`hall.court.require_clerk`).

The rules, one section a module: :mod:`~hall.court_cases.time_limits`,
:mod:`~hall.court_cases.registration`, :mod:`~hall.court_cases.stages`,
:mod:`~hall.court_cases.closing` and :mod:`~hall.court_cases.file_views`. Callers import from
``hall.court_cases``, not from the modules.
"""

from __future__ import annotations

from hall.court_cases.closing import (
    apply_enforcement,
    close_by_mediation,
    close_case,
    confirm_agreement,
)
from hall.court_cases.file_views import (
    CaseRow,
    CaseView,
    HearingRow,
    HearingView,
    MediationView,
    case_of_handoff,
    case_view,
    clerk_of,
    count_cases,
    find_case,
    hearings,
    list_cases,
    read_case,
    row,
)
from hall.court_cases.registration import (
    FIELD_LABELS,
    MAX_LENGTHS,
    PARTY_AND_CLAIM_FIELDS,
    REQUIRED,
    REQUIRED_OF_PERSON,
    Registration,
    court_case_number,
    register_case,
    registration_draft,
    validate_registration,
)
from hall.court_cases.stages import advance_stage, record_mediation, schedule_hearing
from hall.court_cases.time_limits import (
    CONFIRMATION_DAYS,
    ENFORCEABLE,
    MAX_AGE,
    TRACK_MONTHS,
    add_months,
    alert_of,
    confirmation_deadline,
    trial_due,
)

__all__ = [
    "CONFIRMATION_DAYS",
    "ENFORCEABLE",
    "FIELD_LABELS",
    "MAX_AGE",
    "MAX_LENGTHS",
    "PARTY_AND_CLAIM_FIELDS",
    "REQUIRED",
    "REQUIRED_OF_PERSON",
    "TRACK_MONTHS",
    "CaseRow",
    "CaseView",
    "HearingRow",
    "HearingView",
    "MediationView",
    "Registration",
    "add_months",
    "advance_stage",
    "alert_of",
    "apply_enforcement",
    "case_of_handoff",
    "case_view",
    "clerk_of",
    "close_by_mediation",
    "close_case",
    "confirm_agreement",
    "confirmation_deadline",
    "count_cases",
    "court_case_number",
    "find_case",
    "hearings",
    "list_cases",
    "read_case",
    "record_mediation",
    "register_case",
    "registration_draft",
    "row",
    "schedule_hearing",
    "trial_due",
    "validate_registration",
]
