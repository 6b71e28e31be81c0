"""The public-opinion window's ledger (社情民意台账) and its monthly bulletin 《群众工作动态》.

Every opinion or suggestion is kept with its topic, the place it concerns and the department
it was forwarded to. The ledger is searched and filtered a page at a time. Once a month an
editor takes the month's opinions grouped by topic as a draft, picks and rewords the entries,
and produces the bulletin; the issue keeps its entries and its PDF, and producing the month
again replaces them under the same issue number.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from db import counters, events
from db.case_models import ResponsibleUnit
from db.event_kinds import EventKind
from db.models import User, Visit, Visitor
from db.window_models import OPINION_TOPICS, BulletinEntry, BulletinIssue, ListItem, Opinion
from hall import clock, fields, lists, settings
from hall.errors import InvalidInput, NotFound

PAGE = 100
BULLETIN_TITLE = "群众工作动态"


@dataclass
class OpinionEntry:
    """What the officer typed about an opinion (plain data: a failed save keeps the form)."""

    content: str = ""
    topic_id: int | None = None
    township: str = ""
    village: str = ""
    place: str = ""


def check(session: Session, entry: OpinionEntry) -> list[InvalidInput]:
    problems = fields.check_all(
        (
            (fields.OPINION_CONTENT, entry.content),
            (fields.TOWNSHIP, entry.township),
            (fields.VILLAGE, entry.village),
            (fields.OPINION_PLACE, entry.place),
        )
    )
    if entry.topic_id is None:
        problems.append(InvalidInput("请选择意见涉及的议题。", "topic"))
    else:
        topic = session.get(ListItem, entry.topic_id)
        if topic is None or topic.list != OPINION_TOPICS or not topic.active:
            problems.append(InvalidInput("所选议题已不在议题列表中，请重新选择。", "topic"))
    return problems


def add(
    session: Session,
    entry: OpinionEntry,
    visit: Visit | None = None,
    record_id: int | None = None,
    unit_id: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Opinion:
    """Put an opinion in the ledger; ``unit_id`` is the department it was forwarded to."""
    now = now or clock.now()
    fields.refuse(check(session, entry))
    opinion = Opinion(
        record_id=record_id,
        visit_id=visit.id if visit else None,
        visitor_id=visit.visitor_id if visit else None,
        received_on=now.date(),
        content=fields.clean(fields.OPINION_CONTENT, entry.content),
        topic_id=entry.topic_id,
        township=fields.clean(fields.TOWNSHIP, entry.township),
        village=fields.clean(fields.VILLAGE, entry.village),
        place=fields.clean(fields.OPINION_PLACE, entry.place),
        unit_id=unit_id,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(opinion)
    session.flush()
    events.append(
        session,
        EventKind.OPINION_ADDED,
        "opinion",
        opinion.id,
        now,
        actor.id if actor else None,
        {"topic_id": entry.topic_id},
    )
    return opinion


@dataclass(frozen=True)
class OpinionRow:
    id: int
    received_on: dt.date
    topic: str
    content: str
    township: str
    village: str
    place: str
    unit: str
    visitor_name: str

    @property
    def where(self) -> str:
        return "".join(p for p in (self.township, self.village, self.place) if p)


def _row(opinion: Opinion) -> OpinionRow:
    return OpinionRow(
        id=opinion.id,
        received_on=opinion.received_on,
        topic=opinion.topic.name if opinion.topic else "",
        content=opinion.content,
        township=opinion.township,
        village=opinion.village,
        place=opinion.place,
        unit=opinion.unit.name if opinion.unit else "",
        visitor_name=opinion.visitor.name if opinion.visitor else "",
    )


@dataclass
class OpinionFilter:
    """The ledger's search: words in the opinion, the place or the visitor's name; a topic; a
    township; a department; a range of days (inclusive)."""

    text: str = ""
    topic_id: int | None = None
    township: str = ""
    unit_id: int | None = None
    start: dt.date | None = None
    end: dt.date | None = None


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(wanted: OpinionFilter) -> Select[tuple[Opinion]]:
    stmt = select(Opinion)
    conditions: list[ColumnElement[bool]] = []
    text = wanted.text.strip()
    if text:
        pattern = _like(text)
        stmt = stmt.outerjoin(Visitor, Visitor.id == Opinion.visitor_id)
        conditions.append(
            or_(
                Opinion.content.like(pattern, escape="\\"),
                Opinion.place.like(pattern, escape="\\"),
                Opinion.village.like(pattern, escape="\\"),
                Visitor.name.like(pattern, escape="\\"),
            )
        )
    if wanted.topic_id is not None:
        conditions.append(Opinion.topic_id == wanted.topic_id)
    if wanted.township:
        conditions.append(Opinion.township == wanted.township)
    if wanted.unit_id is not None:
        conditions.append(Opinion.unit_id == wanted.unit_id)
    if wanted.start is not None:
        conditions.append(Opinion.received_on >= wanted.start)
    if wanted.end is not None:
        conditions.append(Opinion.received_on <= wanted.end)
    return stmt.where(*conditions)


def search(
    session: Session, wanted: OpinionFilter, offset: int = 0, limit: int = PAGE
) -> list[OpinionRow]:
    """One page of the ledger, newest first."""
    rows = session.scalars(
        _filtered(wanted)
        .order_by(Opinion.received_on.desc(), Opinion.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_row(o) for o in rows]


def count(session: Session, wanted: OpinionFilter) -> int:
    stmt = _filtered(wanted).with_only_columns(func.count(Opinion.id))
    return int(session.scalar(stmt) or 0)


CSV_HEADER = ("日期", "议题", "意见建议", "涉及地点", "转交部门", "反映人")


def export_csv(session: Session, wanted: OpinionFilter) -> str:
    """The filtered ledger as CSV (UTF-8 with a byte-order mark, so Excel reads the Chinese)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    offset = 0
    while True:
        page = search(session, wanted, offset, PAGE)
        for row in page:
            writer.writerow(
                (
                    row.received_on.isoformat(),
                    row.topic,
                    row.content,
                    row.where,
                    row.unit,
                    row.visitor_name,
                )
            )
        if len(page) < PAGE:
            return out.getvalue()
        offset += PAGE


# ---------------------------------------------------------------------------------------------
# The monthly bulletin


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise InvalidInput("月份应在 1 到 12 之间。", "month")
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


@dataclass
class DraftEntry:
    """One entry as the editor sees it: whether it goes in, and its words."""

    opinion_id: int | None
    topic: str
    text: str
    include: bool = True


@dataclass
class BulletinDraft:
    year: int
    month: int
    number: int
    entries: list[DraftEntry] = field(default_factory=list)
    # The month's figures, for the bulletin's opening paragraph.
    total: int = 0
    forwarded: int = 0

    def sections(self) -> list[tuple[str, list[str]]]:
        """The included entries grouped by topic, in the order the editor left them."""
        grouped: dict[str, list[str]] = {}
        for entry in self.entries:
            if entry.include and entry.text.strip():
                grouped.setdefault(entry.topic, []).append(entry.text.strip())
        return list(grouped.items())


def entry_text(row: OpinionRow) -> str:
    """An opinion worded for the bulletin: where it comes from, what it says, where it went."""
    text = row.content.rstrip("。；;，, ")
    where = row.where
    lead = f"{where}群众反映：" if where else "有群众反映："
    forwarded = f"（已转{row.unit}办理）" if row.unit else ""
    return f"{lead}{text}。{forwarded}"


def _issue(session: Session, year: int, month: int) -> BulletinIssue | None:
    return session.scalar(
        select(BulletinIssue).where(BulletinIssue.year == year, BulletinIssue.month == month)
    )


def draft(session: Session, year: int, month: int) -> BulletinDraft:
    """The month's opinions grouped by topic (in the topic list's order), worded for the
    bulletin, every one included: the editor's starting point."""
    start, end = month_range(year, month)
    order = {t.id: t.sort_order for t in lists.items(session, OPINION_TOPICS, active_only=False)}
    wanted = OpinionFilter(start=start, end=end)
    rows: list[tuple[int, dt.date, int, OpinionRow]] = []
    offset = 0
    while True:
        page = session.scalars(
            _filtered(wanted).order_by(Opinion.received_on, Opinion.id).offset(offset).limit(PAGE)
        ).all()
        for opinion in page:
            position = order.get(opinion.topic_id, len(order)) if opinion.topic_id else len(order)
            rows.append((position, opinion.received_on, opinion.id, _row(opinion)))
        if len(page) < PAGE:
            break
        offset += PAGE
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    existing = _issue(session, year, month)
    number = (
        existing.number
        if existing is not None
        else counters.current_value(session, f"bulletin:{year}") + 1
    )
    return BulletinDraft(
        year=year,
        month=month,
        number=number,
        entries=[
            DraftEntry(opinion_id=row.id, topic=row.topic or lists.OTHER, text=entry_text(row))
            for *_, row in rows
        ],
        total=len(rows),
        forwarded=sum(1 for *_, row in rows if row.unit),
    )


def produce(
    session: Session,
    edited: BulletinDraft,
    render: Callable[[int], bytes],
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> BulletinIssue:
    """Keep the issue as the editor left it, with the PDF ``render`` draws for its number
    (the number is settled here, in the transaction). The month's earlier issue, if any, is
    replaced and keeps its number."""
    now = now or clock.now()
    start, _end = month_range(edited.year, edited.month)
    if start > now.date():
        raise InvalidInput("不能编印尚未开始的月份的动态。", "month")
    if not edited.sections():
        raise InvalidInput("请至少选择一条要编入的意见。", "entries")
    issue = _issue(session, edited.year, edited.month)
    kind = EventKind.BULLETIN_REPLACED
    if issue is None:
        kind = EventKind.BULLETIN_PRODUCED
        issue = BulletinIssue(
            year=edited.year,
            month=edited.month,
            number=counters.next_value(session, f"bulletin:{edited.year}"),
        )
        session.add(issue)
    pdf = render(issue.number)
    if not pdf.startswith(b"%PDF-"):
        raise InvalidInput("动态不是 PDF 文件。", "pdf")
    issue.produced_at = now
    issue.produced_by = actor.id if actor else None
    issue.pdf = pdf
    issue.entries = [
        BulletinEntry(
            position=position,
            opinion_id=entry.opinion_id,
            topic=entry.topic,
            text=entry.text.strip(),
        )
        for position, entry in enumerate(
            (e for e in edited.entries if e.include and e.text.strip()), start=1
        )
    ]
    session.flush()
    events.append(
        session,
        kind,
        "bulletin_issue",
        issue.id,
        now,
        actor.id if actor else None,
        {"year": issue.year, "month": issue.month, "number": issue.number},
    )
    return issue


@dataclass(frozen=True)
class IssueRow:
    id: int
    year: int
    month: int
    number: int
    entries: int
    produced_at: dt.datetime


def produce_for_hall(
    session: Session,
    edited: BulletinDraft,
    render: Callable[[int, str], bytes],
    actor: User | None = None,
) -> BulletinIssue:
    """:func:`produce`, the PDF drawn for its number and the hall's name (the setting), read
    in the same unit of work."""
    hall_name = settings.get(session, settings.HALL_NAME)
    return produce(session, edited, lambda number: render(number, hall_name), actor)


def issues(session: Session) -> list[IssueRow]:
    rows = session.scalars(
        select(BulletinIssue).order_by(BulletinIssue.year.desc(), BulletinIssue.month.desc())
    )
    return [IssueRow(i.id, i.year, i.month, i.number, len(i.entries), i.produced_at) for i in rows]


def issue_pdf(session: Session, issue_id: int) -> bytes:
    issue = session.get(BulletinIssue, issue_id)
    if issue is None:
        raise NotFound(f"找不到编号为 {issue_id} 的动态。")
    return issue.pdf


def departments(session: Session) -> Sequence[ResponsibleUnit]:
    """The units opinions have been forwarded to, for the ledger's filter."""
    return session.scalars(
        select(ResponsibleUnit)
        .where(ResponsibleUnit.id.in_(select(Opinion.unit_id).where(Opinion.unit_id.is_not(None))))
        .order_by(ResponsibleUnit.name)
    ).all()
