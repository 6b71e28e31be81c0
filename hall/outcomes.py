"""What a service at a window came to, and what the officer sees while serving.

Finishing a service records, in the caller's one transaction: its outcome and the next step it
was given (a formal case registered for the letters window's inbox, a unit it was forwarded
to, the court hand-off, a follow-up), the window's own record (the legal question, the talk,
the opinion, the request for aid, the policies explained, the complaint), the officer's
choice of the visitor's rating, the ticket finished, and the event log. If any part is
refused, nothing is written. Transfers and no-shows are recorded the same way.

Outcomes::

    resolved 当场解决 · explained 解释说明 · transferred 转其他窗口 · case 登记为信访事项
    forwarded 转交责任单位办理 · court 移交便民巡回法庭 · follow_up 约定回访 · no_show 未到

Confidentiality: an accusation (揭发控告) and a complaint about an official are read only by
those :func:`hall.cases.may_read_confidential` allows. Opening one (at the counter, in the
visitor's history, in the records) is logged as ``visit.viewed`` when its content is shown
and ``visit.view_withheld`` when it is withheld, like the formal cases' ``case.viewed``.
Lists and exports never carry it, for anyone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, func, or_, select, update
from sqlalchemy.orm import Session

from db import events
from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.models import ServiceWindow, Ticket, User, Visit, Visitor
from db.window_models import (
    BY_OFFICER,
    CASE,
    COMPLAINT_KIND_NAMES,
    COURT,
    EXPLAINED,
    FOLLOW_UP,
    FORWARDED,
    MOOD_NAMES,
    NO_SHOW,
    OUTCOME_NAMES,
    POLICY_TOPICS,
    RESOLVED,
    SCORE_NAMES,
    TRANSFERRED,
    Complaint,
    LegalAdvice,
    ListItem,
    PublicityRecord,
    Satisfaction,
    ServiceRecord,
    TalkRecord,
)
from hall import aid, cases, clock, court, followup, opinions, queue, satisfaction, units
from hall import confidentiality as secrecy
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import IllegalTransition, InvalidInput, NotFound
from hall.masking import mask_id_number, mask_name

MAX_TEXT = 2000
PAGE = 100
HISTORY_LIMIT = 20


# ---------------------------------------------------------------------------------------------
# What each window records


@dataclass
class LegalEntry:
    question: str = ""
    laws: str = ""
    aid_office: str = ""
    litigation_advised: bool = False


@dataclass
class TalkEntry:
    received_by: str = ""
    mood_start: str = ""
    mood_end: str = ""
    agreed: str = ""


@dataclass
class PublicityEntry:
    topic_ids: list[int] = field(default_factory=list)
    material: str = ""
    people_reached: int = 1


@dataclass
class ComplaintEntry:
    kind: str = ""
    unit_id: int | None = None
    person: str = ""
    content: str = ""


WindowEntry = (
    LegalEntry | TalkEntry | opinions.OpinionEntry | aid.AidEntry | PublicityEntry | ComplaintEntry
)

# The window each record belongs to (the seeded codes); the others record the outcome only.
ENTRY_WINDOWS: dict[type[object], str] = {
    LegalEntry: "legal",
    TalkEntry: "talk",
    opinions.OpinionEntry: "opinion",
    aid.AidEntry: "aid",
    PublicityEntry: "publicity",
    ComplaintEntry: "supervision",
}
# The outcome a window's form starts with.
DEFAULT_OUTCOMES = {
    "legal": EXPLAINED,
    "talk": EXPLAINED,
    "opinion": FORWARDED,
    "aid": FORWARDED,
    "publicity": EXPLAINED,
    "supervision": CASE,
    "letters": CASE,
}
# Outcomes chosen when finishing (a transfer and a no-show have their own actions).
FINISHING = (RESOLVED, EXPLAINED, CASE, FORWARDED, COURT, FOLLOW_UP)


def outcomes_for(window_code: str) -> tuple[str, ...]:
    """The outcomes offered when finishing at a window (the court does not hand to itself)."""
    return tuple(o for o in FINISHING if not (o == COURT and window_code == court.COURT_WINDOW))


def _text(value: str, message: str, name: str, problems: list[InvalidInput]) -> None:
    if not value.strip():
        problems.append(InvalidInput(message, name))
    elif len(value.strip()) > MAX_TEXT:
        problems.append(InvalidInput(f"内容太长（最多 {MAX_TEXT} 字）。", name))


def _check_entry(
    session: Session, entry: WindowEntry, visit: Visit | None, unit_id: int | None
) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if isinstance(entry, LegalEntry):
        _text(entry.question, "请填写来访人咨询的法律问题。", "question", problems)
    elif isinstance(entry, TalkEntry):
        if not entry.received_by.strip():
            problems.append(InvalidInput("请填写接待人（如当日带班领导）。", "received_by"))
        for mood, name in ((entry.mood_start, "mood_start"), (entry.mood_end, "mood_end")):
            if mood and mood not in MOOD_NAMES:
                problems.append(InvalidInput(f"情绪状态“{mood}”无效。", name))
    elif isinstance(entry, opinions.OpinionEntry):
        problems.extend(opinions.check(session, entry))
    elif isinstance(entry, aid.AidEntry):
        if visit is None:
            problems.append(InvalidInput("救助台账要记在来访人名下：请先在导访台登记。", "kind"))
        problems.extend(aid.check(session, entry))
    elif isinstance(entry, PublicityEntry):
        if not entry.topic_ids:
            problems.append(InvalidInput("请至少选择一项宣讲的政策。", "topics"))
        for topic_id in entry.topic_ids:
            topic = session.get(ListItem, topic_id)
            if topic is None or topic.list != POLICY_TOPICS or not topic.active:
                problems.append(InvalidInput("所选政策主题已停用，请重新选择。", "topics"))
        group = visit.group_size if visit else 1
        if entry.people_reached < group:
            problems.append(
                InvalidInput(
                    f"本次是 {group} 人来访，宣传覆盖人数按每人计算，不能少于 {group} 人。",
                    "people_reached",
                )
            )
    else:
        if visit is None:
            problems.append(
                InvalidInput("检举控告须记在登记的来访名下：请先在导访台登记。", "complaint_kind")
            )
        if entry.kind not in COMPLAINT_KIND_NAMES:
            problems.append(InvalidInput("请选择反映的问题类型。", "complaint_kind"))
        if entry.unit_id is None and not entry.person.strip():
            problems.append(InvalidInput("请填写被反映的单位或人员。", "person"))
        _text(entry.content, "请填写反映的具体问题。", "complaint_content", problems)
        if entry.unit_id is not None and entry.unit_id == unit_id:
            problems.append(
                InvalidInput(
                    "不能把检举控告转交给被反映的单位（《信访工作条例》：不得将检举、揭发、"
                    "控告材料及有关情况透露或者转送给被检举、揭发、控告的人员和单位）。",
                    "unit",
                )
            )
    return problems


# ---------------------------------------------------------------------------------------------
# Finishing a service


@dataclass
class Outcome:
    """What the officer chose at the end of a service (plain data: a refused save keeps it)."""

    outcome: str
    entry: WindowEntry | None = None
    notes: str = ""
    # Forwarded (转交): the unit and what it is asked to do.
    unit_id: int | None = None
    unit_request: str = ""
    # Any outcome may be followed up; "follow-up scheduled" must be.
    follow_up_on: dt.date | None = None
    follow_up_subject: str = ""
    # The rating the visitor gave, as the officer chose it (None: the evaluator asks).
    score: str | None = None
    # Handed to the court: the parties and the claim the officer confirmed.
    brief: court.HandoffBrief | None = None
    # A formal case although the visitor has an open one of the same kind (checked: another
    # matter).
    new_matter: bool = False


def check(session: Session, ticket: Ticket, chosen: Outcome, today: dt.date) -> list[InvalidInput]:
    """Every problem with what the officer chose, each naming its field."""
    problems: list[InvalidInput] = []
    visit = ticket.visit
    window = ticket.window.code
    if chosen.outcome not in outcomes_for(window):
        problems.append(InvalidInput(f"办理结果“{chosen.outcome}”无效。", "outcome"))
    expected = next((t for t, code in ENTRY_WINDOWS.items() if code == window), None)
    if chosen.entry is None:
        if expected is not None:
            problems.append(InvalidInput("请填写本窗口的办理情况。", "entry"))
    elif type(chosen.entry) is not expected:
        problems.append(InvalidInput(f"{ticket.window.name}窗口不登记这类内容。", "entry"))
    else:
        unit_id = chosen.unit_id if chosen.outcome == FORWARDED else None
        problems.extend(_check_entry(session, chosen.entry, visit, unit_id))
    if chosen.outcome in (CASE, COURT, FOLLOW_UP) and visit is None:
        problems.append(
            InvalidInput("这张号没有来访登记（如自助取号），请先在导访台补登记。", "outcome")
        )
    if chosen.outcome == FORWARDED:
        if chosen.unit_id is None:
            problems.append(InvalidInput("请选择转交的责任单位。", "unit"))
        else:
            unit = units.unit(session, chosen.unit_id)
            if not unit.active:
                problems.append(InvalidInput(f"“{unit.name}”已停用，请选择其他单位。", "unit"))
    if chosen.outcome == FOLLOW_UP or chosen.follow_up_on is not None:
        try:
            followup.check_date(chosen.follow_up_on, today)
        except InvalidInput as error:
            problems.append(error)
        if not chosen.follow_up_subject.strip():
            problems.append(InvalidInput("请写明回访要了解什么。", "follow_up_subject"))
    if chosen.outcome == COURT:
        if chosen.brief is None:
            problems.append(InvalidInput("请填写移交法庭的当事人和诉求。", "brief"))
        else:
            problems.extend(court.check_brief(chosen.brief))
    if chosen.score is not None:
        try:
            satisfaction.parse_score(chosen.score)
        except InvalidInput as error:
            problems.append(error)
    return problems


def _confidential(session: Session, visit: Visit | None, entry: WindowEntry | None) -> bool:
    return isinstance(entry, ComplaintEntry) or (
        visit is not None and secrecy.is_confidential(session, visit)
    )


def _save_entry(
    session: Session,
    record: ServiceRecord,
    entry: WindowEntry,
    visit: Visit | None,
    actor: User | None,
    now: dt.datetime,
) -> None:
    if isinstance(entry, LegalEntry):
        session.add(
            LegalAdvice(
                record_id=record.id,
                question=entry.question.strip(),
                laws=entry.laws.strip(),
                aid_office=entry.aid_office.strip(),
                litigation_advised=entry.litigation_advised,
            )
        )
    elif isinstance(entry, TalkEntry):
        session.add(
            TalkRecord(
                record_id=record.id,
                received_by=entry.received_by.strip(),
                mood_start=entry.mood_start,
                mood_end=entry.mood_end,
                agreed=entry.agreed.strip(),
            )
        )
    elif isinstance(entry, opinions.OpinionEntry):
        opinions.add(session, entry, visit, record.id, record.unit_id, actor, now)
    elif isinstance(entry, aid.AidEntry):
        assert visit is not None
        aid.add(session, entry, visit, record.id, record.unit_id, actor, now)
    elif isinstance(entry, PublicityEntry):
        publicity = PublicityRecord(
            record_id=record.id,
            material=entry.material.strip(),
            people_reached=entry.people_reached,
        )
        publicity.topics = [session.get_one(ListItem, i) for i in dict.fromkeys(entry.topic_ids)]
        session.add(publicity)
    else:
        session.add(
            Complaint(
                record_id=record.id,
                kind=entry.kind,
                unit_id=entry.unit_id,
                person=entry.person.strip(),
                content=entry.content.strip(),
            )
        )
    session.flush()


def _record(
    session: Session,
    ticket: Ticket,
    outcome: str,
    entry: WindowEntry | None,
    actor: User | None,
    now: dt.datetime,
    **links: object,
) -> ServiceRecord:
    record = ServiceRecord(
        ticket_id=ticket.id,
        visit_id=ticket.visit_id,
        window_id=ticket.window_id,
        officer_id=actor.id if actor else None,
        outcome=outcome,
        confidential=_confidential(session, ticket.visit, entry),
        recorded_at=now,
        **links,
    )
    session.add(record)
    session.flush()
    if entry is not None:
        _save_entry(session, record, entry, ticket.visit, actor, now)
    if record.confidential and ticket.visit_id is not None:
        # A complaint makes the whole visit confidential, its earlier records included.
        session.execute(
            update(ServiceRecord)
            .where(ServiceRecord.visit_id == ticket.visit_id)
            .values(confidential=True)
        )
    events.append(
        session,
        EventKind.SERVICE_RECORDED,
        "service_record",
        record.id,
        now,
        actor.id if actor else None,
        {"ticket": ticket.number, "window": ticket.window.code, "outcome": outcome},
    )
    return record


def _existing_record(session: Session, ticket_id: int) -> None:
    if session.scalar(select(ServiceRecord.id).where(ServiceRecord.ticket_id == ticket_id)):
        raise IllegalTransition("这次服务的办理结果已经登记过。")


def finish(
    session: Session,
    ticket_id: int,
    chosen: Outcome,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> ServiceRecord:
    """Finish the service at the counter with its outcome, its next step and the window's
    record; see the module's docstring. Refused as a whole if any part is."""
    now = now or clock.now()
    ticket = session.get(Ticket, ticket_id)
    if ticket is None:
        raise NotFound(f"找不到编号为 {ticket_id} 的排队票。")
    # The ticket first: its state and the officer's window are checked before the form (the
    # caller's transaction undoes it if anything below is refused).
    queue.finish(session, ticket.id, chosen.notes, actor=actor, now=now)
    problems = check(session, ticket, chosen, now.date())
    if problems:
        raise problems[0]
    _existing_record(session, ticket.id)
    visit = ticket.visit
    links: dict[str, object] = {}
    if chosen.outcome == FORWARDED:
        links.update(unit_id=chosen.unit_id, unit_request=chosen.unit_request.strip())
    elif chosen.outcome == CASE:
        assert visit is not None
        accused_unit, accused = None, ""
        complaint = chosen.entry
        if isinstance(complaint, ComplaintEntry) and visit.purpose in cases.CONFIDENTIAL_PURPOSES:
            accused_unit, accused = complaint.unit_id, complaint.person
        case = cases.open_from_visit(
            session,
            visit.id,
            actor=actor,
            now=now,
            accused_unit_id=accused_unit,
            accused=accused,
            new_matter=chosen.new_matter,
        )
        links["case_id"] = case.id
    elif chosen.outcome == COURT:
        assert visit is not None and chosen.brief is not None
        if actor is None:
            raise IllegalTransition("移交法庭须由登录的窗口工作人员办理。")
        # The hand-off keeps the officer as a relationship: this session's copy of them.
        officer = session.get_one(User, actor.id)
        handoff = court.hand_off_to_court(session, visit.id, chosen.brief, officer, now)
        links["handoff_id"] = handoff.id
    record = _record(session, ticket, chosen.outcome, chosen.entry, actor, now, **links)
    if chosen.follow_up_on is not None:
        assert visit is not None
        followup.schedule(
            session,
            visit,
            ticket.window,
            chosen.follow_up_on,
            chosen.follow_up_subject,
            record_id=record.id,
            actor=actor,
            now=now,
        )
    if chosen.score is not None:
        satisfaction.rate(session, ticket.id, chosen.score, BY_OFFICER, actor=actor, now=now)
    return record


def transfer(
    session: Session,
    ticket_id: int,
    to_window: str,
    notes: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> tuple[ServiceRecord, Ticket]:
    """Send the visitor on to another window (see :func:`hall.queue.transfer`) and record it;
    returns the record and the new ticket."""
    now = now or clock.now()
    _existing_record(session, ticket_id)
    new_ticket = queue.transfer(session, ticket_id, to_window, notes, actor=actor, now=now)
    old = session.get_one(Ticket, ticket_id)
    record = _record(session, old, TRANSFERRED, None, actor, now, next_ticket_id=new_ticket.id)
    return record, new_ticket


def mark_no_show(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    now = now or clock.now()
    ticket = queue.mark_no_show(session, ticket_id, actor=actor, now=now)
    _record(session, ticket, NO_SHOW, None, actor, now)
    return ticket


def recall(
    session: Session, ticket_id: int, actor: User | None = None, now: dt.datetime | None = None
) -> Ticket:
    """Call again; past the recall limit the visitor is absent, which is recorded."""
    now = now or clock.now()
    ticket = queue.recall(session, ticket_id, actor=actor, now=now)
    if ticket.status == queue.NO_SHOW:
        _record(session, ticket, NO_SHOW, None, actor, now)
    return ticket


# ---------------------------------------------------------------------------------------------
# The visitor at the counter


@dataclass(frozen=True)
class HistoryEntry:
    """One earlier visit of the visitor, as the officer sees it while serving."""

    visit_id: int
    code: str
    created_at: dt.datetime
    purpose: str
    window_name: str
    summary: str
    outcomes: str
    rating: str
    confidential: bool
    withheld: bool


@dataclass(frozen=True)
class VisitCard:
    """The visit at the counter: the registration and the visitor's history. For a viewer who
    may not read an accusation, ``withheld`` is true and its content is blanked."""

    visit_id: int
    code: str
    visitor_id: int
    name: str
    gender: str
    id_number: str  # masked: first 6 and last 4
    phone: str
    address: str
    township: str
    village: str
    channel: str
    proxy_name: str
    purpose: str
    purpose_code: str
    group_size: int
    representatives: tuple[str, ...]
    litigation: bool
    urgent: bool
    summary: str
    request: str
    facts: str
    reasons: str
    confidential: bool
    withheld: bool
    registered_at: dt.datetime
    open_cases: tuple[str, ...]
    history: tuple[HistoryEntry, ...]


def _outcome_lines(session: Session, visit_ids: Sequence[int]) -> dict[int, list[str]]:
    lines: dict[int, list[str]] = {}
    rows = session.execute(
        select(ServiceRecord.visit_id, ServiceRecord.outcome, ServiceWindow.name)
        .join(ServiceWindow, ServiceWindow.id == ServiceRecord.window_id)
        .where(ServiceRecord.visit_id.in_(visit_ids))
        .order_by(ServiceRecord.recorded_at, ServiceRecord.id)
    )
    for visit_id, outcome, window_name in rows:
        lines.setdefault(visit_id, []).append(f"{window_name}：{OUTCOME_NAMES[outcome]}")
    return lines


def _ratings(session: Session, visit_ids: Sequence[int]) -> dict[int, str]:
    rows = session.execute(
        select(Satisfaction.visit_id, Satisfaction.score)
        .where(Satisfaction.visit_id.in_(visit_ids))
        .order_by(Satisfaction.rated_at)
    )
    return {visit_id: SCORE_NAMES[score] for visit_id, score in rows if visit_id is not None}


def history(
    session: Session,
    visitor_id: int,
    viewer: User | None,
    now: dt.datetime | None = None,
    exclude: int | None = None,
    limit: int = HISTORY_LIMIT,
) -> list[HistoryEntry]:
    """The visitor's visits, newest first, with what each came to. An accusation's content is
    shown to those allowed, and each one opened is logged."""
    now = now or clock.now()
    stmt = select(Visit).where(Visit.visitor_id == visitor_id)
    if exclude is not None:
        stmt = stmt.where(Visit.id != exclude)
    visits = session.scalars(
        stmt.order_by(Visit.created_at.desc(), Visit.id.desc()).limit(limit)
    ).all()
    ids = [v.id for v in visits]
    outcomes = _outcome_lines(session, ids)
    ratings = _ratings(session, ids)
    windows = {w.id: w.name for w in session.scalars(select(ServiceWindow))}
    allowed = secrecy.may_read(viewer)
    secret = secrecy.confidential_ids(session, visits)
    entries = []
    for visit in visits:
        confidential = visit.id in secret
        if confidential:
            secrecy.log_access(session, visit, allowed, "history", viewer, now)
        court_line = court.court_status(session, visit.id)
        lines = outcomes.get(visit.id, [])
        if court_line is not None:
            lines.append(court_line.line)
        entries.append(
            HistoryEntry(
                visit_id=visit.id,
                code=visit.code,
                created_at=visit.created_at,
                purpose=PURPOSES.get(visit.purpose, visit.purpose),
                window_name=windows.get(visit.window_id, ""),
                summary=cases.WITHHELD if confidential and not allowed else visit.summary,
                outcomes="；".join(lines),
                rating=ratings.get(visit.id, ""),
                confidential=confidential,
                withheld=confidential and not allowed,
            )
        )
    return entries


def open_visit(
    session: Session, visit_id: int, viewer: User | None, now: dt.datetime | None = None
) -> VisitCard:
    """The visit at the counter for ``viewer``: call it in a writing unit of work, once per
    visitor called, so that opening an accusation is logged."""
    now = now or clock.now()
    visit = session.get(Visit, visit_id)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    confidential = secrecy.is_confidential(session, visit)
    withheld = confidential and not secrecy.may_read(viewer)
    if confidential:
        secrecy.log_access(session, visit, not withheld, "counter", viewer, now)
    visitor = visit.visitor

    def secret(value: str) -> str:
        return cases.WITHHELD if withheld and value else value

    open_cases = tuple(
        f"{m.number}（{m.state_name}）" for m in cases.open_matters(session, visitor.id, now.date())
    )
    return VisitCard(
        visit_id=visit.id,
        code=visit.code,
        visitor_id=visitor.id,
        name=visitor.name,
        gender=visitor.gender,
        id_number=mask_id_number(visitor.id_number),
        phone="" if withheld else visitor.phone,
        address=secret(
            "".join(p for p in (visitor.township, visitor.village, visitor.address) if p)
        ),
        township="" if withheld else visitor.township,
        village="" if withheld else visitor.village,
        channel=CHANNELS.get(visit.channel, visit.channel),
        proxy_name=visit.proxy_name,
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        purpose_code=visit.purpose,
        group_size=visit.group_size,
        representatives=tuple(r.name for r in visit.representatives),
        litigation=visit.litigation,
        urgent=visit.urgent,
        summary=secret(visit.summary),
        request=secret(visit.request),
        facts=secret(visit.facts),
        reasons=secret(visit.reasons),
        confidential=confidential,
        withheld=withheld,
        registered_at=visit.created_at,
        open_cases=open_cases,
        history=tuple(history(session, visitor.id, viewer, now, exclude=visit.id)),
    )


# ---------------------------------------------------------------------------------------------
# The records (办理记录)


@dataclass(frozen=True)
class RecordRow:
    """One line of the records. Lines never carry an accusation's visitor or content."""

    id: int
    recorded_at: dt.datetime
    ticket: str
    window_name: str
    visit_code: str
    visitor_name: str
    purpose: str
    summary: str
    outcome: str
    outcome_name: str
    unit: str
    officer: str
    rating: str
    confidential: bool


@dataclass
class RecordFilter:
    window_code: str | None = None
    text: str = ""
    outcome: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _records(
    session: Session, wanted: RecordFilter, viewer: User | None
) -> Select[tuple[ServiceRecord]]:
    stmt = select(ServiceRecord)
    conditions: list[ColumnElement[bool]] = []
    if wanted.window_code:
        window = queue.window_by_code(session, wanted.window_code)
        conditions.append(ServiceRecord.window_id == window.id)
    if wanted.outcome:
        conditions.append(ServiceRecord.outcome == wanted.outcome)
    if wanted.start is not None:
        conditions.append(ServiceRecord.recorded_at >= dt.datetime.combine(wanted.start, dt.time()))
    if wanted.end is not None:
        following = dt.datetime.combine(wanted.end + dt.timedelta(days=1), dt.time())
        conditions.append(ServiceRecord.recorded_at < following)
    text = wanted.text.strip()
    if text:
        pattern = _like(text)
        stmt = (
            stmt.join(Ticket, Ticket.id == ServiceRecord.ticket_id)
            .outerjoin(Visit, Visit.id == ServiceRecord.visit_id)
            .outerjoin(Visitor, Visitor.id == Visit.visitor_id)
            .outerjoin(Complaint, Complaint.record_id == ServiceRecord.id)
        )
        matches = or_(
            Visitor.name.like(pattern, escape="\\"),
            Visit.code.like(pattern, escape="\\"),
            Visit.summary.like(pattern, escape="\\"),
            Ticket.notes.like(pattern, escape="\\"),
            ServiceRecord.unit_request.like(pattern, escape="\\"),
            Complaint.content.like(pattern, escape="\\"),
            Complaint.person.like(pattern, escape="\\"),
        )
        if secrecy.may_read(viewer):
            conditions.append(matches)
        else:
            # Words of an accusation must not find it for those who may not read it: a hit
            # would tell them what it says.
            conditions.append(~ServiceRecord.confidential & matches)
    return stmt.where(*conditions)


def _record_row(record: ServiceRecord, ratings: dict[int, str]) -> RecordRow:
    visit = record.visit
    confidential = record.confidential
    name = visit.visitor.name if visit else ""
    return RecordRow(
        id=record.id,
        recorded_at=record.recorded_at,
        ticket=record.ticket.number,
        window_name=record.window.name,
        visit_code=visit.code if visit else "",
        visitor_name=mask_name(name) if confidential else name,
        purpose=PURPOSES.get(visit.purpose, visit.purpose) if visit else "",
        summary=cases.WITHHELD if confidential else (visit.summary if visit else ""),
        outcome=record.outcome,
        outcome_name=OUTCOME_NAMES[record.outcome],
        unit=record.unit.name if record.unit else "",
        officer=record.officer.name if record.officer else "",
        rating=ratings.get(record.ticket_id, ""),
        confidential=confidential,
    )


def search_records(
    session: Session,
    wanted: RecordFilter,
    viewer: User | None,
    offset: int = 0,
    limit: int = PAGE,
) -> list[RecordRow]:
    """One page of the records, newest first."""
    found = session.scalars(
        _records(session, wanted, viewer)
        .order_by(ServiceRecord.recorded_at.desc(), ServiceRecord.id.desc())
        .offset(offset)
        .limit(limit)
    ).all()
    ratings = {
        ticket_id: SCORE_NAMES[score]
        for ticket_id, score in session.execute(
            select(Satisfaction.ticket_id, Satisfaction.score).where(
                Satisfaction.ticket_id.in_([r.ticket_id for r in found])
            )
        )
    }
    return [_record_row(r, ratings) for r in found]


def count_records(session: Session, wanted: RecordFilter, viewer: User | None) -> int:
    stmt = _records(session, wanted, viewer).with_only_columns(func.count(ServiceRecord.id))
    return int(session.scalar(stmt) or 0)


RECORDS_HEADER = (
    "办理时间",
    "号码",
    "窗口",
    "来访编号",
    "来访人",
    "诉求类别",
    "摘要",
    "办理结果",
    "转交单位",
    "经办人",
    "评价",
)


def export_records(session: Session, wanted: RecordFilter, viewer: User | None) -> str:
    """The filtered records as CSV, as the list shows them (never an accusation's content)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(RECORDS_HEADER)
    offset = 0
    while True:
        page = search_records(session, wanted, viewer, offset, PAGE)
        for row in page:
            writer.writerow(
                (
                    row.recorded_at.strftime("%Y-%m-%d %H:%M"),
                    row.ticket,
                    row.window_name,
                    row.visit_code,
                    row.visitor_name,
                    row.purpose,
                    row.summary,
                    row.outcome_name,
                    row.unit,
                    row.officer,
                    row.rating or "未评价",
                )
            )
        if len(page) < PAGE:
            return out.getvalue()
        offset += PAGE


@dataclass(frozen=True)
class RecordDetail:
    """One record opened: the outcome and everything the window recorded, as lines of label
    and text. An accusation's content is withheld from those who may not read it."""

    row: RecordRow
    lines: tuple[tuple[str, str], ...]
    withheld: bool


def _entry_lines(session: Session, record: ServiceRecord) -> list[tuple[str, str, bool]]:
    lines: list[tuple[str, str, bool]] = []
    legal = session.get(LegalAdvice, record.id)
    if legal is not None:
        lines += [
            ("法律问题", legal.question, True),
            ("释法说理", legal.laws, False),
            ("法律援助", legal.aid_office or "未转介", False),
            ("建议诉讼", "是" if legal.litigation_advised else "否", False),
        ]
    talk = session.get(TalkRecord, record.id)
    if talk is not None:
        lines += [
            ("接待人", talk.received_by, False),
            ("谈心前情绪", MOOD_NAMES.get(talk.mood_start, ""), False),
            ("谈心后情绪", MOOD_NAMES.get(talk.mood_end, ""), False),
            ("商定事项", talk.agreed, True),
        ]
    publicity = session.get(PublicityRecord, record.id)
    if publicity is not None:
        lines += [
            ("宣讲政策", "、".join(t.name for t in publicity.topics), False),
            ("发放材料", publicity.material, False),
            ("覆盖人数", str(publicity.people_reached), False),
        ]
    complaint = session.get(Complaint, record.id)
    if complaint is not None:
        lines += [
            ("问题类型", COMPLAINT_KIND_NAMES.get(complaint.kind, ""), False),
            ("被反映单位", complaint.unit.name if complaint.unit else "", True),
            ("被反映人员", complaint.person, True),
            ("反映内容", complaint.content, True),
        ]
    return lines


def read_record(
    session: Session, record_id: int, viewer: User | None, now: dt.datetime | None = None
) -> RecordDetail:
    """Open one record for ``viewer``; opening a confidential one is logged (call it in a
    writing unit of work)."""
    now = now or clock.now()
    record = session.get(ServiceRecord, record_id)
    if record is None:
        raise NotFound(f"找不到编号为 {record_id} 的办理记录。")
    rating = rating_name(session, record.ticket_id)
    row = _record_row(record, {record.ticket_id: rating} if rating else {})
    visit = record.visit
    confidential = record.confidential or (
        visit is not None and secrecy.is_confidential(session, visit)
    )
    withheld = confidential and not secrecy.may_read(viewer)
    if confidential and visit is not None:
        secrecy.log_access(session, visit, not withheld, "records", viewer, now)
    # (label, text, whether it is the accuser's or the accusation's)
    lines: list[tuple[str, str, bool]] = [("办理结果", row.outcome_name, False)]
    if visit is not None:
        lines += [("来访人", visit.visitor.name, True), ("诉求摘要", visit.summary, True)]
    if record.unit is not None:
        lines += [("转交单位", record.unit.name, False), ("转交事项", record.unit_request, True)]
    if record.case_id is not None:
        lines.append(("信访事项", session.get_one(PetitionCase, record.case_id).number, False))
    if record.handoff_id is not None and visit is not None:
        status = court.court_status(session, visit.id)
        lines.append(("移交法庭", status.line if status else "", False))
    lines += _entry_lines(session, record)
    lines.append(("备注", record.ticket.notes, True))

    def shown(label: str, text: str, secret: bool) -> tuple[str, str]:
        if not (withheld and secret and text):
            return label, text
        return label, mask_name(text) if label == "来访人" else cases.WITHHELD

    return RecordDetail(row=row, lines=tuple(shown(*line) for line in lines), withheld=withheld)


def rating_name(session: Session, ticket_id: int) -> str:
    rating = session.get(Satisfaction, ticket_id)
    return SCORE_NAMES[rating.score] if rating else ""


def record_of_ticket(session: Session, ticket_id: int) -> ServiceRecord | None:
    return session.scalar(select(ServiceRecord).where(ServiceRecord.ticket_id == ticket_id))
