"""What the formal cases' screens show and do, each as one unit of work: the letters desk's list
and its case, the supervisors' overview and the holiday calendar call one function here per
user action, so a screen never gathers from several places or runs its own query.

Results are plain data read inside the session, so painting them never touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.lookup import id_number_is
from db.models import Event, User, Visitor
from hall import calendar, cases, clock, court, letters, settings, supervision, users
from hall.calendar import SpecialDay
from hall.cases import CaseView, OpenMatter
from hall.deadlines import Alert
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.identity import check_resident_id
from hall.mechanisms import disputes, leading
from printing import notices

# ---------------------------------------------------------------------------------------------
# The lists' summaries


@dataclass(frozen=True)
class AlertSummary:
    """The strip above a list of cases: how many stand at each alert level, how many need
    supervision, and the warning for the years the calendar lacks."""

    counts: dict[Alert, int]
    needing: int
    calendar_warning: str


def alert_summary(session: Session, on: dt.date, officer_id: int | None = None) -> AlertSummary:
    """The strip for the cases of ``officer_id`` (everyone's when None)."""
    return AlertSummary(
        counts=supervision.alert_counts(session, on, officer_id),
        needing=supervision.count_needing_supervision(session, on),
        calendar_warning=cases.calendar_warning(session, on),
    )


# ---------------------------------------------------------------------------------------------
# One case as the letters officer works it


@dataclass(frozen=True)
class TimelineEntry:
    """One line of a case's timeline; the screen words ``kind`` in the user's language."""

    at: dt.datetime
    kind: str
    entity: str
    payload: dict[str, object]
    actor: str


@dataclass(frozen=True)
class DocumentEntry:
    id: int
    kind: str
    issued_on: dt.date


@dataclass(frozen=True)
class OpenedCase:
    """A case opened for a viewer: what the rules let them see, its timeline, its documents and
    where it stands with the court."""

    view: CaseView
    timeline: list[TimelineEntry]
    documents: list[DocumentEntry]
    court: court.CourtFlowBack | None
    # Whom the viewer may name its 包案领导 (the leaders' list); empty when the viewer may not
    # name one, or not now (the case is no longer open, or its contents are withheld).
    leaders: list[str] = field(default_factory=list)


def timeline(session: Session, case_id: int) -> list[TimelineEntry]:
    """The case's event log with the name of who did each thing."""
    return timeline_of(session, supervision.case_history(session, case_id))


def timeline_of(session: Session, history: Sequence[Event]) -> list[TimelineEntry]:
    """``history`` with the name of who did each thing (a calendar's move has no one)."""
    actor_ids = {e.actor_id for e in history if e.actor_id is not None}
    names: dict[int, str] = {}
    if actor_ids:
        rows = session.execute(select(User.id, User.name).where(User.id.in_(actor_ids)))
        names = {user_id: name for user_id, name in rows.tuples()}
    return [
        TimelineEntry(
            at=e.at,
            kind=e.kind,
            entity=e.entity,
            payload=dict(e.payload),
            actor=names.get(e.actor_id, "") if e.actor_id is not None else "",
        )
        for e in history
    ]


def open_case(session: Session, case_id: int, viewer: User | None) -> OpenedCase:
    """Open the case for ``viewer`` (logged when it is an accusation: call it in a writing
    unit of work)."""
    view = cases.read_case(session, case_id, viewer)
    may_lead = (
        leading.may_name_leader(viewer) and view.state in leading.OPEN_STATES and not view.withheld
    )
    return OpenedCase(
        view=view,
        timeline=timeline(session, case_id),
        documents=[
            DocumentEntry(d.id, d.kind, d.issued_on) for d in cases.documents(session, case_id)
        ],
        court=court.case_court_status(session, case_id),
        leaders=disputes.leaders(session) if may_lead else [],
    )


def separate_to_court(
    session: Session,
    case_id: int,
    note: str,
    brief: court.HandoffBrief,
    actor: User,
    now: dt.datetime | None = None,
) -> None:
    """Separate the matter from petitions (诉访分离) and hand it to the court at once: the
    decision and the hand-over slip are one unit of work, so neither stands without the
    other."""
    now = now or clock.now()
    cases.separate(session, case_id, note, actor=actor, now=now)
    court.hand_off_case(session, case_id, brief, actor, now)


def issue_notice(
    session: Session, case_id: int, kind: str, actor: User | None, on: dt.date | None = None
) -> int:
    """Word the document ``kind`` from the case, lay it out and keep it as issued (its id);
    refused in the rules' words when the case does not allow it yet."""
    on = on or clock.now().date()
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    refusal = cases.document_refusal(case, kind)
    if refusal:
        raise IllegalTransition(refusal)
    hall_name = settings.get(session, settings.HALL_NAME)
    pdf = notices.render(notices.notice_for(kind, case, hall_name, on))
    return cases.issue_document(session, case_id, kind, pdf, on, actor=actor).id


# ---------------------------------------------------------------------------------------------
# Registering a letter


@dataclass(frozen=True)
class LetterOutcome:
    """A letter registered or linked (``case_id``, ``number``), or refused as the sender's
    matter raised again: then ``refusal`` says why and ``matters`` are the open cases the
    letter may belong to."""

    case_id: int | None = None
    number: str = ""
    refusal: str = ""
    matters: list[OpenMatter] = field(default_factory=list)


def known_sender(session: Session, letter: letters.LetterRegistration) -> int | None:
    """The returning sender the rules will find by ID number (None for a new one)."""
    if not letter.sender_id_number.strip():
        return None
    try:
        number = check_resident_id(letter.sender_id_number, "sender_id_number").number
    except InvalidInput:
        return None
    return session.scalar(
        select(Visitor.id).where(id_number_is(number), Visitor.id_type == "resident")
    )


def register_letter(
    session: Session,
    letter: letters.LetterRegistration,
    actor: User | None,
    new_matter: bool = False,
) -> LetterOutcome:
    """Register the letter as a new case; when it raises the sender's open or finally closed
    matter again (and the officer has not said it is a new one), register nothing and answer
    with the refusal and the cases it may belong to. Checked before anything is written, so
    a refusal leaves the sender's details as they were."""
    today = clock.now().date()
    visitor_id = known_sender(session, letter)
    if visitor_id is not None and not new_matter:
        try:
            cases.refuse_if_repeat(session, visitor_id, letter.purpose, today)
        except IllegalTransition as refusal:
            return LetterOutcome(
                refusal=str(refusal),
                matters=cases.open_matters(session, visitor_id, today, letter.purpose),
            )
    case = letters.register_letter(session, letter, actor, new_matter=new_matter)
    return LetterOutcome(case_id=case.id, number=case.number)


def letter_outcome(session: Session, case_id: int) -> LetterOutcome:
    """The answer to a letter already registered as (or linked to) ``case_id``: what a press
    repeated after a lost connection is told instead of registering the letter again."""
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    return LetterOutcome(case_id=case.id, number=case.number)


def link_letter(
    session: Session, case_id: int, letter: letters.LetterRegistration, actor: User | None
) -> LetterOutcome:
    """Link the letter to the open case it raises again."""
    case = letters.link_letter(session, case_id, letter, actor)
    return LetterOutcome(case_id=case.id, number=case.number)


@dataclass(frozen=True)
class UnitChoice:
    id: int
    name: str


def unit_choices(session: Session) -> list[UnitChoice]:
    """The active responsible units, for a list to choose from."""
    return [UnitChoice(u.id, u.name) for u in cases.units(session)]


# ---------------------------------------------------------------------------------------------
# The holiday calendar


@dataclass(frozen=True)
class CalendarYearView:
    """One year of the holiday calendar as the administrator edits it."""

    year: int
    days: Sequence[SpecialDay]
    confirmed: bool
    warning: str
    # The holidays fixed by law that stand while the year's notice is not entered.
    provisional: Sequence[SpecialDay] = ()


def calendar_year(session: Session, year: int, on: dt.date | None = None) -> CalendarYearView:
    """The year's special days, whether it is confirmed, the provisional holidays of a year
    without its notice, and the warning for the years the running deadlines need but the
    calendar lacks."""
    on = on or clock.now().date()
    return CalendarYearView(
        year=year,
        days=list(calendar.special_days(session, year)),
        confirmed=year in calendar.confirmed_years(session),
        warning=cases.calendar_warning(session, on),
        provisional=list(calendar.provisional_days(session, year)),
    )


# ---------------------------------------------------------------------------------------------
# Who opened what was confidential

# The openings of an accusation the rules log (hall.cases.read_case, hall.confidentiality), with
# what the audit calls them.
VIEW_KINDS: dict[str, tuple[str, bool]] = {
    EventKind.CASE_VIEWED: ("信访事项", True),
    EventKind.CASE_VIEW_WITHHELD: ("信访事项", False),
    EventKind.VISIT_VIEWED: ("来访记录", True),
    EventKind.VISIT_VIEW_WITHHELD: ("来访记录", False),
}
# Where a visit was opened (hall.confidentiality.log_access's ``via``).
# A case is opened on its own page.
VIEW_PLACES = {
    "": "案件详情",
    "counter": "窗口叫号",
    "history": "来访历史",
    "records": "办理记录",
    "statistics": "统计分析",
    "court": "法庭收案",
}
# The window whose officers watch the hall's own conduct (效能监察).
AUDIT_WINDOW = "supervision"


@dataclass(frozen=True)
class ConfidentialView:
    """One opening of an accusation: when, by whom, of what, and whether it was shown."""

    at: dt.datetime
    viewer: str
    record: str
    reference: str
    place: str
    shown: bool


def may_audit_views(user: User | None) -> bool:
    """Leaders, administrators and the efficiency supervisors: those who answer for the hall's
    conduct check who read accusations (the letters officers who read them do not)."""
    if user is None or not user.active:
        return False
    if users.has_role(user, users.ADMIN, users.LEADER):
        return True
    return users.has_role(user, users.OFFICER) and AUDIT_WINDOW in users.window_codes(user)


def _views_between(viewer: User, start: dt.date, end: dt.date) -> ColumnElement[bool]:
    if not may_audit_views(viewer):
        raise PermissionDenied(
            f"保密件查阅记录只有领导、管理员和效能监察窗口可以查看，{viewer.name}没有这个权限。"
        )
    if end < start:
        raise InvalidInput("结束日期早于开始日期，请把开始日期改到结束日期之前。", "start")
    return and_(
        Event.kind.in_(VIEW_KINDS),
        Event.at >= dt.datetime.combine(start, dt.time()),
        Event.at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time()),
    )


def confidential_views(
    session: Session,
    viewer: User,
    start: dt.date,
    end: dt.date,
    offset: int = 0,
    limit: int = 100,
) -> list[ConfidentialView]:
    """The openings of accusations from ``start`` to ``end`` (both days in), newest first, for
    those allowed to audit them; it names the record opened, never its content."""
    stmt = (
        select(Event, User.name)
        .outerjoin(User, User.id == Event.actor_id)
        .where(_views_between(viewer, start, end))
        .order_by(Event.at.desc(), Event.id.desc())
        .offset(offset)
        .limit(limit)
    )
    found = []
    for event, name in session.execute(stmt).tuples():
        record, shown = VIEW_KINDS[event.kind]
        payload = event.payload or {}
        reference = payload.get("number") or payload.get("code") or ""
        via = str(payload.get("via", ""))
        found.append(
            ConfidentialView(
                at=event.at,
                viewer=name or "",
                record=record,
                reference=str(reference),
                place=VIEW_PLACES.get(via, via),
                shown=shown,
            )
        )
    return found


def count_confidential_views(session: Session, viewer: User, start: dt.date, end: dt.date) -> int:
    stmt = select(func.count()).select_from(Event).where(_views_between(viewer, start, end))
    return int(session.scalar(stmt) or 0)
