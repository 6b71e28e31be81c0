"""The hand-off between the windows and the circuit court (便民巡回法庭), and who may see what.

A window hands a litigation-related visit to the court::

    window ──hand_off_to_court──▶ handed ──accept──▶ accepted (a court file opens at 接访)
                                     └──return (with a reason)──▶ returned
                                            (the window may hand the visit over again)

The letters desk hands over a formal case it separated from petitions (诉访分离) the same way
(:func:`hand_off_case`). A case opened from a letter has no visit, so the letter is entered in
the register of visits (channel 来信) and that record is handed over: the court's inbox, its
files and its figures work from one kind of record, whichever way the matter came in.

The hand-off, the visit's new status and the event log entry are written in the caller's one
transaction, so the court's inbox hears of it as soon as it is committed. The court file itself
(registration, stages, mediation, outcomes) is :mod:`hall.court_cases`.

Who sees what:

* the court file is read only by the court's clerks and administrators
  (:func:`may_read_court_file`);
* a window officer sees, for a visit of theirs, the hand-off and, of the court file, only the
  court case number, the stage and the outcome (:func:`court_status`);
* confidential visits (accusations, 揭发控告, and complaints the supervision window flagged,
  :mod:`hall.confidentiality`) stay confidential on the way to the court too: the clerk works
  from what the hand-off says; the visit's own content is withheld from anyone who may not
  read accusations, and every opening of one is logged (:func:`handed_visit`).

Event payloads carry numbers and states, never the matter itself (they feed live screens).

The rules, one section a module: :mod:`~hall.court.tribunal` (the court's window, letterhead
and who may do what), :mod:`~hall.court.handing_off`, :mod:`~hall.court.acceptance` and
:mod:`~hall.court.handoff_views`. Callers import from ``hall.court``, not from the modules.
"""

from __future__ import annotations

from hall.court.acceptance import accept_handoff, find_handoff, return_handoff
from hall.court.handing_off import (
    HandoffBrief,
    brief_for,
    brief_for_case,
    check_brief,
    hand_off_case,
    hand_off_to_court,
    handoff_number,
)
from hall.court.handoff_views import (
    CourtFlowBack,
    HandedVisit,
    HandoffView,
    case_court_status,
    court_status,
    handed_visit,
    handoff_for_slip,
    handoffs_of_visit,
    inbox,
    laws_explained,
    open_handoff,
    view_handoff,
)
from hall.court.tribunal import (
    ACTIVE,
    BARCODE,
    COURT_WINDOW,
    DEFAULT_TRIBUNAL,
    MAX_OTHER_PARTY,
    MAX_PARTY,
    InvalidForm,
    Letterhead,
    MissingField,
    letterhead,
    may_read_court_file,
    raise_problems,
    require_clerk,
)

__all__ = [
    "ACTIVE",
    "BARCODE",
    "COURT_WINDOW",
    "DEFAULT_TRIBUNAL",
    "MAX_OTHER_PARTY",
    "MAX_PARTY",
    "CourtFlowBack",
    "HandedVisit",
    "HandoffBrief",
    "HandoffView",
    "InvalidForm",
    "Letterhead",
    "MissingField",
    "accept_handoff",
    "brief_for",
    "brief_for_case",
    "case_court_status",
    "check_brief",
    "court_status",
    "find_handoff",
    "hand_off_case",
    "hand_off_to_court",
    "handed_visit",
    "handoff_for_slip",
    "handoff_number",
    "handoffs_of_visit",
    "inbox",
    "laws_explained",
    "letterhead",
    "may_read_court_file",
    "open_handoff",
    "raise_problems",
    "require_clerk",
    "return_handoff",
    "view_handoff",
]
