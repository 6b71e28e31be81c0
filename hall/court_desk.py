"""The court clerk's desk, one unit of work per thing the clerk does that needs more than one
call of the court's rules: what a scanned code opens, the registration form with its case
types, a file closed with whichever outcome the clerk chose, the place a hearing is held by
default, the court's staff a mediator is chosen from, and the court's papers drawn from the
records as they stand.

The desk (``windows.court``) calls each through the one operation helper, so every one of them
runs in the unit of work the helper opens and is refused in the rules' words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import User
from db.states import CourtOutcome, HandoffState
from hall import court, court_cases, court_types, queue, users
from hall.court import COURT_WINDOW, HandoffView
from hall.court_cases import CaseRow, Registration
from hall.errors import IllegalTransition, InvalidInput, NotFound
from printing import court_documents


@dataclass(frozen=True)
class Scanned:
    """What a scanned or typed code opens: a hand-off waiting in the inbox (``case_id`` None,
    ``handoff`` waiting), a court file (``case_id``), or a slip whose hand-off went back to its
    window (``case_id`` None, ``handoff`` returned, with its reason)."""

    handoff: HandoffView | None
    case_id: int | None

    @property
    def waiting(self) -> bool:
        return (
            self.case_id is None
            and self.handoff is not None
            and self.handoff.state == HandoffState.HANDED
        )


def scan(session: Session, code: str, viewer: User) -> Scanned:
    """Open ``code``: a slip's barcode or number, or a court case number. Raises NotFound when
    it names neither a hand-off nor a file."""
    try:
        handoff: HandoffView | None = court.open_handoff(session, code, viewer)
    except NotFound:
        handoff = None
    if handoff is not None and handoff.state == HandoffState.HANDED:
        return Scanned(handoff, None)
    try:
        # Accepted, or not a slip at all: the court file (by case number too).
        return Scanned(handoff, court_cases.find_case(session, code, viewer).id)
    except NotFound:
        if handoff is None:
            raise
        return Scanned(handoff, None)


@dataclass(frozen=True)
class RegistrationForm:
    """The registration (立案) form as it opens: the draft from the hand-off and the visit,
    and the case types to number the case by, as (code, "code　name")."""

    draft: Registration
    types: list[tuple[str, str]]


def registration_form(session: Session, case_id: int, viewer: User) -> RegistrationForm:
    draft = court_cases.registration_draft(session, case_id, viewer)
    types = [(t.code, f"{t.code}　{t.name}") for t in court_types.case_types(session)]
    return RegistrationForm(draft, types)


def hearing_place(session: Session) -> str:
    """Where a hearing is held unless the clerk says otherwise: the court's window in the hall
    ("" when the hall has no such window)."""
    try:
        return queue.window_by_code(session, COURT_WINDOW).location
    except NotFound:
        return ""


def mediators(session: Session) -> list[str]:
    """Whom the clerk chooses a mediation's mediator from: the court's staff, that is every
    active court clerk and every active officer of the court's window, by name. The hall keeps
    no other list of the court's people; a mediator from outside is typed by hand."""
    rows = session.scalars(select(User).where(User.active.is_(True)))
    names = {
        user.name
        for user in rows
        if users.has_role(user, users.CLERK)
        or (users.has_role(user, users.OFFICER) and COURT_WINDOW in users.window_codes(user))
    }
    return sorted(names)


@dataclass(frozen=True)
class Closing:
    """How the clerk closes a file. ``form`` and ``terms`` are the mediation's (调解书 or
    recorded agreement); ``applied_on`` and ``agreement_on`` a judicial confirmation's."""

    outcome: str
    closed_on: dt.date
    note: str = ""
    form: str = ""
    terms: str = ""
    applied_on: dt.date | None = None
    agreement_on: dt.date | None = None


def close_file(session: Session, case_id: int, closing: Closing, actor: User) -> str:
    """Close the file with the clerk's outcome; returns its label (case or slip number)."""
    c = closing
    if c.outcome == CourtOutcome.MEDIATED:
        case = court_cases.close_by_mediation(
            session, case_id, c.form, c.terms, actor, c.note, on=c.closed_on
        )
    elif c.outcome == CourtOutcome.CONFIRMED:
        if c.applied_on is None:
            raise InvalidInput("请填写申请司法确认的日期。", "applied_on")
        case = court_cases.confirm_agreement(
            session,
            case_id,
            c.applied_on,
            c.terms,
            actor,
            agreement_on=c.agreement_on,
            note=c.note,
            on=c.closed_on,
        )
    else:
        case = court_cases.close_case(session, case_id, c.outcome, actor, c.note, on=c.closed_on)
    return case.number or case.handoff.number


class Paper(Enum):
    SLIP = "slip"
    MEDIATION = "mediation"
    COVER = "cover"


def render_paper(session: Session, viewer: User, paper: Paper, code: str) -> bytes:
    """The paper of the hand-off or file ``code`` names (a slip's number or barcode, a court
    case number), as the rules let ``viewer`` have it. Records nothing: a reprint is drawn
    again from the records and is the same paper."""
    head = court.letterhead(session)
    if paper is Paper.SLIP:
        handoff = court.handoff_for_slip(session, code, viewer)
        laws = court.laws_explained(session, [handoff.id]).get(handoff.id, "")
        return court_documents.render_handoff_slip(
            court_documents.handoff_slip_for(handoff, head.hall_name, head.circuit_court, laws)
        )
    case = court_cases.find_case(session, code, viewer)
    clerk = court_cases.clerk_of(session, case)
    if paper is Paper.COVER:
        return court_documents.render_cover_sheet(
            court_documents.cover_for(case, head.court_name, head.tribunal, clerk)
        )
    try:
        mediation = court_documents.mediation_for(case, head.court_name, head.tribunal, clerk)
    except ValueError as error:
        raise IllegalTransition(str(error)) from None
    return court_documents.render_mediation(mediation)


@dataclass(frozen=True)
class FileList:
    """The court's files as the desk lists them: how many there are, and the first ``limit``
    (nearest trial deadline first), read together so the count matches the rows."""

    total: int
    rows: list[CaseRow]


def file_list(
    session: Session, viewer: User, on: dt.date, *, open_only: bool, limit: int
) -> FileList:
    total = court_cases.count_cases(session, viewer, open_only=open_only)
    rows = court_cases.list_cases(session, viewer, on, open_only=open_only, offset=0, limit=limit)
    return FileList(total, list(rows))
