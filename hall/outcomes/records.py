"""The records (办理记录): search, count, export and one record read in full."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from db import summary_index
from db.case_models import PetitionCase
from db.models import Ticket, User, Visit, Visitor
from db.window_models import (
    COMPLAINT_KIND_NAMES,
    MOOD_NAMES,
    OUTCOME_NAMES,
    SCORE_NAMES,
    Complaint,
    LegalAdvice,
    PublicityRecord,
    Satisfaction,
    ServiceRecord,
    TalkRecord,
)
from hall import cases, clock, court, queue
from hall import confidentiality as secrecy
from hall.catalog import PURPOSES
from hall.errors import NotFound
from hall.masking import mask_name
from hall.outcomes.entries import (
    PAGE,
)

T = TypeVar("T", bound=tuple[Any, ...])

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


@dataclass(frozen=True)
class _Query:
    """The records a filter asks for. With summary words to check (``words``), ``stmt`` also
    holds the visits that are only candidates by their summary's tokens, and ``elsewhere`` says
    which rows the text found in something else than the summary (those need no check)."""

    stmt: Select[tuple[ServiceRecord]]
    words: str = ""
    elsewhere: ColumnElement[bool] | None = None


def _records(session: Session, wanted: RecordFilter, viewer: User | None) -> _Query:
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
    if not text:
        return _Query(stmt.where(*conditions))
    pattern = _like(text)
    stmt = (
        stmt.join(Ticket, Ticket.id == ServiceRecord.ticket_id)
        .outerjoin(Visit, Visit.id == ServiceRecord.visit_id)
        .outerjoin(Visitor, Visitor.id == Visit.visitor_id)
        .outerjoin(Complaint, Complaint.record_id == ServiceRecord.id)
    )
    elsewhere = or_(
        Visitor.name.like(pattern, escape="\\"),
        Visit.code.like(pattern, escape="\\"),
        Ticket.notes.like(pattern, escape="\\"),
        ServiceRecord.unit_request.like(pattern, escape="\\"),
        Complaint.content.like(pattern, escape="\\"),
        Complaint.person.like(pattern, escape="\\"),
    )
    # The summary is encrypted: found through its keyed tokens (db.summary_index); for words
    # of three characters or more a candidate is checked when a page reaches it.
    matches = or_(elsewhere, Visit.id.in_(summary_index.candidates(text)))
    if secrecy.may_read(viewer):
        conditions.append(matches)
    else:
        # Words of an accusation must not find it for those who may not read it: a hit
        # would tell them what it says.
        conditions.append(~ServiceRecord.confidential & matches)
    if not summary_index.needs_check(text):
        return _Query(stmt.where(*conditions))
    # NULL (an outer join found nothing) is "not elsewhere".
    return _Query(stmt.where(*conditions), text, func.coalesce(elsewhere, False))


def _ordered(stmt: Select[T]) -> Select[T]:
    return stmt.order_by(ServiceRecord.recorded_at.desc(), ServiceRecord.id.desc())


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
    query = _records(session, wanted, viewer)
    found: Sequence[ServiceRecord]
    if query.elsewhere is None:
        found = session.scalars(_ordered(query.stmt).offset(offset).limit(limit)).all()
    else:
        ids = summary_index.page_holding(
            session, _checked(query, query.elsewhere), query.words, offset, limit
        )
        found = _by_ids(session, ids)
    return _rows(session, found)


def _checked(query: _Query, elsewhere: ColumnElement[bool]) -> Select[tuple[int, int, str]]:
    """The records' ids with what a summary check needs: whether found elsewhere, and the
    stored summary. Ids, not records: a record brings its visit, whose summary the mapping
    would decrypt for every row read, checked or not."""
    return _ordered(
        query.stmt.with_only_columns(
            ServiceRecord.id, case((elsewhere, 1), else_=0), summary_index.raw_summary()
        )
    )


def _by_ids(session: Session, ids: Sequence[int]) -> list[ServiceRecord]:
    """The records of ``ids``, in that order."""
    loaded = {
        r.id: r for r in session.scalars(select(ServiceRecord).where(ServiceRecord.id.in_(ids)))
    }
    return [loaded[i] for i in ids]


def _rows(session: Session, found: Sequence[ServiceRecord]) -> list[RecordRow]:
    ratings = {
        ticket_id: SCORE_NAMES[score]
        for ticket_id, score in session.execute(
            select(Satisfaction.ticket_id, Satisfaction.score).where(
                Satisfaction.ticket_id.in_([r.ticket_id for r in found])
            )
        )
    }
    return [_record_row(r, ratings) for r in found]


@dataclass(frozen=True)
class RecordCount:
    """How many records a filter finds: ``low`` when exact (``high`` equal to it), otherwise
    between the two. A common phrase of three characters or more is counted without checking
    more than :data:`COUNT_CHECKS` candidates of the summary: the rest are known to hold every
    pair of the words, not yet known to hold them together."""

    low: int
    high: int

    @property
    def exact(self) -> bool:
        return self.low == self.high


# At about 30-50 µs a decryption, some 0.1 s of checking at most for a count.
COUNT_CHECKS = 2000


def count_records(session: Session, wanted: RecordFilter, viewer: User | None) -> RecordCount:
    query = _records(session, wanted, viewer)
    high = int(session.scalar(query.stmt.with_only_columns(func.count(ServiceRecord.id))) or 0)
    if query.elsewhere is None:
        return RecordCount(high, high)
    unsure = query.stmt.where(~query.elsewhere)
    stored = session.scalars(
        _ordered(unsure.with_only_columns(summary_index.raw_summary())).limit(COUNT_CHECKS + 1)
    ).all()
    misses = sum(not summary_index.holds(s, query.words) for s in stored[:COUNT_CHECKS])
    if len(stored) <= COUNT_CHECKS:
        return RecordCount(high - misses, high - misses)
    to_check = int(session.scalar(unsure.with_only_columns(func.count(ServiceRecord.id))) or 0)
    # Those left unchecked may each hold the words or not.
    return RecordCount(high - misses - (to_check - COUNT_CHECKS), high - misses)


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
    for row in _all_rows(session, wanted, viewer):
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
    return out.getvalue()


def _all_rows(session: Session, wanted: RecordFilter, viewer: User | None) -> Iterator[RecordRow]:
    """Every record the filter finds, newest first, a page at a time; a summary check in one
    pass over the candidates."""
    query = _records(session, wanted, viewer)
    if query.elsewhere is not None:
        found = summary_index.holding(session, _checked(query, query.elsewhere), query.words)
        while page := list(islice(found, PAGE)):
            yield from _rows(session, _by_ids(session, page))
        return
    offset = 0
    while rows := session.scalars(_ordered(query.stmt).offset(offset).limit(PAGE)).all():
        yield from _rows(session, rows)
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
