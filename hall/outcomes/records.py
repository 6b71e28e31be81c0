"""The records (办理记录): search, count, export and one record read in full."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, func, or_, select
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
            # The summary is encrypted: found through its keyed tokens (db.summary_index).
            Visit.id.in_(summary_index.candidates(text))
            & Visit.id.not_in(summary_index.not_holding(session, text)),
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
