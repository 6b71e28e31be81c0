"""Hearings (听证): a formal case, or a major decision (重大决策听证评估), put before a chair and
hearing members with the parties present; the record is kept and, for a decision, the outcome
(支持/暂缓/否决).

信访工作条例: 听证所需时间不计算在期限内. The days a case's hearings took are given by
:func:`excluded_days`; the case's handling limit leaves them out (``hall.cases.hearing_days``),
and scheduling a hearing on a case being handled moves its limit at once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db import counters, events
from db.case_models import PetitionCase
from db.event_kinds import EventKind
from db.mechanism_models import HEARING_OUTCOME_NAMES, Hearing
from db.models import User
from hall import cases, clock, fields, settings
from hall.errors import IllegalTransition, InvalidInput, NotFound
from printing import mechanism_papers

MAX_DAYS = 30


@dataclass
class HearingInput:
    """What was typed to schedule a hearing (plain data: a failed save keeps the form)."""

    subject: str = ""
    held_on: dt.date | None = None
    place: str = ""
    chair: str = ""
    members: str = ""
    parties: str = ""
    case_id: int | None = None  # None (and no case_number): a major decision
    days: int = 1
    case_number: str = ""  # the case as typed on a screen (its number or barcode)


def _texts(decision: bool) -> tuple[tuple[str, fields.Text], ...]:
    """The form's texts and their rules; a major decision's hearing names its subject."""
    return (
        ("subject", fields.HEARING_SUBJECT.but(required=decision)),
        ("place", fields.HEARING_PLACE),
        ("chair", fields.HEARING_CHAIR),
        ("members", fields.HEARING_MEMBERS),
        ("parties", fields.HEARING_PARTIES),
    )


def is_decision(entry: HearingInput) -> bool:
    """A hearing on a major decision, not on a case (chosen by id or typed by number)."""
    return entry.case_id is None and not entry.case_number.strip()


def check(entry: HearingInput) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    problems.extend(
        fields.check_all((rule, getattr(entry, name)) for name, rule in _texts(is_decision(entry)))
    )
    if entry.held_on is None:
        problems.append(fields.Missing("听证日期", "held_on"))
    if not 1 <= entry.days <= MAX_DAYS:
        problems.append(InvalidInput(f"听证所需天数应在 1 至 {MAX_DAYS} 天之间。", "days"))
    return problems


def hearing_number(year: int, seq: int) -> str:
    return f"听〔{year}〕{seq:03d}号"


def schedule(
    session: Session, entry: HearingInput, actor: User | None = None, now: dt.datetime | None = None
) -> Hearing:
    now = now or clock.now()
    fields.refuse(check(entry))
    assert entry.held_on is not None, "checked above"
    entry = fields.cleaned(entry, _texts(is_decision(entry)))
    subject = entry.subject
    case_id = entry.case_id
    if case_id is None and entry.case_number.strip():
        case_id = cases.by_number(session, entry.case_number).id
    if case_id is not None:
        case = session.get(PetitionCase, case_id)
        if case is None:
            raise NotFound("所选信访事项已不存在，请重新选择。")
        # An accusation's matter never leaves the case (the hearings list and notice show it).
        matter = cases.WITHHELD if cases.is_confidential(case) else case.summary[:40]
        subject = subject or f"信访事项{case.number}：{matter}"
    seq = counters.next_value(session, f"hearing:{now.year}")
    hearing = Hearing(
        number=hearing_number(now.year, seq),
        case_id=case_id,
        subject=subject,
        held_on=entry.held_on,
        days=entry.days,
        place=entry.place,
        chair=entry.chair,
        members=entry.members,
        parties=entry.parties,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(hearing)
    session.flush()
    _log(session, EventKind.HEARING_SCHEDULED, hearing, now, actor)
    if hearing.case_id is not None:
        cases.exclude_hearing(session, hearing.case_id, hearing.days, actor, now)
    return hearing


def _log(
    session: Session, kind: EventKind, hearing: Hearing, now: dt.datetime, actor: User | None
) -> None:
    payload = {"case_id": hearing.case_id, "outcome": hearing.outcome}
    events.append(session, kind, "hearing", hearing.id, now, actor.id if actor else None, payload)


def find(session: Session, hearing_id: int) -> Hearing:
    hearing = session.get(Hearing, hearing_id)
    if hearing is None:
        raise NotFound(f"找不到编号为 {hearing_id} 的听证，请刷新后重试。")
    return hearing


def by_number(session: Session, number: str) -> Hearing:
    hearing = session.scalar(select(Hearing).where(Hearing.number == number.strip()))
    if hearing is None:
        raise NotFound(f"找不到编号为“{number}”的听证，请核对编号（如 听〔2026〕001号）。")
    return hearing


def record(
    session: Session,
    hearing_id: int,
    text: str,
    outcome: str | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Hearing:
    """Keep the hearing's record; a decision's hearing must also conclude 支持, 暂缓 or 否决."""
    now = now or clock.now()
    hearing = find(session, hearing_id)
    if hearing.held_on > now.date():
        raise IllegalTransition(f"听证定于{hearing.held_on:%Y-%m-%d}举行，举行后才能记录笔录。")
    text = fields.clean(fields.HEARING_RECORD, text)
    if outcome is not None and outcome not in HEARING_OUTCOME_NAMES:
        raise InvalidInput(f"听证结论“{outcome}”无效，应为支持、暂缓或否决。", "outcome")
    if hearing.case_id is None and outcome is None:
        raise InvalidInput("重大决策听证须作出结论：支持、暂缓或否决。", "outcome")
    hearing.record = text
    hearing.outcome = outcome
    _log(session, EventKind.HEARING_RECORDED, hearing, now, actor)
    return hearing


def excluded_days(session: Session, case_id: int) -> int:
    """Days the case's hearings took: not counted in its handling limit (听证所需时间不计算在
    期限内)."""
    return cases.hearing_days(session, case_id)


@dataclass(frozen=True)
class HearingRow:
    id: int
    number: str
    subject: str
    case_number: str  # "" for a major decision
    held_on: dt.date
    days: int
    place: str
    chair: str
    members: str
    parties: str
    record: str
    outcome: str  # 支持/暂缓/否决, "" for none yet (or a case's hearing)


def listing(session: Session, limit: int = 200) -> list[HearingRow]:
    """The latest hearings, newest first, for the hearings screen."""
    query = (
        select(Hearing, PetitionCase.number)
        .outerjoin(PetitionCase, PetitionCase.id == Hearing.case_id)
        .order_by(Hearing.held_on.desc(), Hearing.id.desc())
        .limit(limit)
    )
    return [
        HearingRow(
            h.id,
            h.number,
            h.subject,
            number or "",
            h.held_on,
            h.days,
            h.place,
            h.chair,
            h.members,
            h.parties,
            h.record,
            HEARING_OUTCOME_NAMES.get(h.outcome or "", ""),
        )
        for h, number in session.execute(query)
    ]


def outcome_counts(session: Session, year: int) -> dict[str, int]:
    """How many hearings of the year ended each way (支持/暂缓/否决, 未定 for none yet)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    rows = session.execute(
        select(Hearing.outcome, func.count())
        .where(Hearing.held_on >= start, Hearing.held_on <= end)
        .group_by(Hearing.outcome)
    )
    return {HEARING_OUTCOME_NAMES.get(outcome or "", "未定"): count for outcome, count in rows}


def _paper(session: Session, hearing: Hearing, now: dt.datetime) -> mechanism_papers.HearingPaper:
    case_number = ""
    if hearing.case_id is not None:
        case_number = session.get_one(PetitionCase, hearing.case_id).number
    return mechanism_papers.HearingPaper(
        hall_name=settings.get(session, settings.HALL_NAME),
        number=hearing.number,
        barcode=f"TZ{hearing.held_on.year}-{hearing.id:03d}",
        subject=hearing.subject,
        case_number=case_number,
        held_on=hearing.held_on,
        place=hearing.place,
        chair=hearing.chair,
        members=hearing.members,
        parties=hearing.parties,
        record=hearing.record,
        outcome=HEARING_OUTCOME_NAMES.get(hearing.outcome or "", ""),
        issued_on=now.date(),
    )


def notice_pdf(session: Session, hearing_id: int, now: dt.datetime | None = None) -> bytes:
    return mechanism_papers.hearing_notice(
        _paper(session, find(session, hearing_id), now or clock.now())
    )


def record_pdf(session: Session, hearing_id: int, now: dt.datetime | None = None) -> bytes:
    hearing = find(session, hearing_id)
    if not hearing.record:
        raise IllegalTransition(f"听证{hearing.number}还没有笔录，请先记录笔录再打印。")
    return mechanism_papers.hearing_record(_paper(session, hearing, now or clock.now()))
