"""The hardship-aid window's ledger (帮扶台账): each request for aid with its kind, the
household's situation, the amount asked for or granted, and the referral to a department and
where it stands. A visitor's rows are their aid ledger, shown whenever they come back, so
repeated aid is seen at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.models import User, Visit, Visitor
from db.window_models import AID_KINDS, REFERRAL_NAMES, AidRecord, ListItem
from hall import clock, fields
from hall.errors import InvalidInput, NotFound

# An amount above this is a typing mistake, not an aid grant.
MAX_YUAN = Decimal(1_000_000)
MAX_HOUSEHOLD = fields.HOUSEHOLD_SIZE.high
PAGE = 100
# Repeated aid: how far back the ledger's "in the last year" sums reach.
RECENT = dt.timedelta(days=365)
AMOUNT_LABELS = {"requested": "申请金额", "granted": "救助金额"}
NOT_REFERRED = "none"
REFERRED = "referred"


def parse_yuan(text: str, field: str) -> int | None:
    """An amount typed in yuan (1500, 1,500.5, ￥800) as fen; empty is None."""
    rule = fields.AMOUNT.but(key=field, label=AMOUNT_LABELS.get(field, fields.AMOUNT.label))
    raw = re.sub(r"[\s,，￥¥元]", "", fields.clean(rule, text))
    if not raw:
        return None
    try:
        amount = Decimal(raw)
    except InvalidOperation:
        raise InvalidInput(
            f"{rule.label}“{fields.shown(text.strip())}”不是有效的数字：请只写数字，如 1500 或 "
            "1,500.50。",
            field,
        ) from None
    if not amount.is_finite():
        raise InvalidInput(f"{rule.label}应为 0 到 {MAX_YUAN:,} 元之间的数字。", field)
    if amount < 0 or amount > MAX_YUAN or amount != amount.quantize(Decimal("0.01")):
        raise InvalidInput(f"{rule.label}应在 0 到 {MAX_YUAN:,} 元之间，最多两位小数。", field)
    return int(amount * 100)


def yuan(fen: int | None) -> str:
    """An amount in fen written in yuan: 150000 → 1,500.00 元; None → ''."""
    if fen is None:
        return ""
    return f"{Decimal(fen) / 100:,.2f} 元"


@dataclass
class AidEntry:
    """What the officer typed about a request for aid (amounts as typed, in yuan)."""

    kind_id: int | None = None
    household: str = ""
    household_size: int = 1
    requested: str = ""
    granted: str = ""
    referral_note: str = ""


def check(session: Session, entry: AidEntry) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if entry.kind_id is None:
        problems.append(InvalidInput("请选择救助类别。", "kind"))
    else:
        kind = session.get(ListItem, entry.kind_id)
        if kind is None or kind.list != AID_KINDS or not kind.active:
            problems.append(InvalidInput("所选救助类别已停用，请重新选择。", "kind"))
    fields.check(fields.HOUSEHOLD, entry.household, problems)
    fields.check(fields.REFERRAL_NOTE, entry.referral_note, problems)
    try:
        fields.check_number(fields.HOUSEHOLD_SIZE, entry.household_size)
    except InvalidInput as error:
        problems.append(error)
    for text, field in ((entry.requested, "requested"), (entry.granted, "granted")):
        try:
            parse_yuan(text, field)
        except InvalidInput as error:
            problems.append(error)
    return problems


def add(
    session: Session,
    entry: AidEntry,
    visit: Visit,
    record_id: int | None = None,
    unit_id: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> AidRecord:
    """Put a request for aid in the ledger; with ``unit_id`` it is referred there."""
    now = now or clock.now()
    fields.refuse(check(session, entry))
    assert entry.kind_id is not None
    row = AidRecord(
        record_id=record_id,
        visit_id=visit.id,
        visitor_id=visit.visitor_id,
        kind_id=entry.kind_id,
        household=fields.clean(fields.HOUSEHOLD, entry.household),
        household_size=entry.household_size,
        requested_fen=parse_yuan(entry.requested, "requested"),
        granted_fen=parse_yuan(entry.granted, "granted"),
        unit_id=unit_id,
        referral=REFERRED if unit_id is not None else NOT_REFERRED,
        referral_note=fields.clean(fields.REFERRAL_NOTE, entry.referral_note),
        created_at=now,
        created_by=actor.id if actor else None,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    _log(session, EventKind.AID_RECORDED, row, now, actor)
    return row


def _log(
    session: Session, kind: EventKind, row: AidRecord, now: dt.datetime, actor: User | None
) -> None:
    events.append(
        session,
        kind,
        "aid_record",
        row.id,
        now,
        actor.id if actor else None,
        {"visitor_id": row.visitor_id, "referral": row.referral},
    )


def set_referral(
    session: Session,
    aid_id: int,
    referral: str,
    note: str = "",
    granted: str | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> AidRecord:
    """Record where a referral stands (the department accepted it, granted, refused), and the
    amount granted when it is known."""
    now = now or clock.now()
    row = session.get(AidRecord, aid_id, with_for_update={"of": AidRecord})
    if row is None:
        raise NotFound(f"找不到编号为 {aid_id} 的救助记录。")
    if referral not in REFERRAL_NAMES:
        raise InvalidInput(f"转介状态“{referral}”无效。", "referral")
    if referral != NOT_REFERRED and row.unit_id is None:
        raise InvalidInput("这条救助没有转介给其他部门，无需登记转介情况。", "referral")
    note = fields.clean(fields.REFERRAL_NOTE, note)
    if referral == "refused" and not note:
        raise InvalidInput("未予批准的，请在转介情况中写明原因。", "referral_note")
    if granted is not None:
        row.granted_fen = parse_yuan(granted, "granted")
    row.referral = referral
    if note:
        row.referral_note = note
    row.updated_at = now
    _log(session, EventKind.AID_REFERRAL_CHANGED, row, now, actor)
    return row


@dataclass(frozen=True)
class AidRow:
    id: int
    date: dt.date
    visitor_id: int
    visitor_name: str
    kind: str
    household: str
    household_size: int
    requested: str
    granted: str
    granted_fen: int | None
    unit: str
    referral: str
    referral_name: str
    referral_note: str


def _row(row: AidRecord) -> AidRow:
    return AidRow(
        id=row.id,
        date=row.created_at.date(),
        visitor_id=row.visitor_id,
        visitor_name=row.visitor.name,
        kind=row.kind.name,
        household=row.household,
        household_size=row.household_size,
        requested=yuan(row.requested_fen),
        granted=yuan(row.granted_fen),
        granted_fen=row.granted_fen,
        unit=row.unit.name if row.unit else "",
        referral=row.referral,
        referral_name=REFERRAL_NAMES[row.referral],
        referral_note=row.referral_note,
    )


@dataclass(frozen=True)
class VisitorLedger:
    """A visitor's aid, newest first, with what the last year came to."""

    rows: list[AidRow]
    recent_count: int
    recent_granted_fen: int

    @property
    def recent_granted(self) -> str:
        return yuan(self.recent_granted_fen)


def ledger_of(session: Session, visitor_id: int, now: dt.datetime | None = None) -> VisitorLedger:
    now = now or clock.now()
    rows = [
        _row(r)
        for r in session.scalars(
            select(AidRecord)
            .where(AidRecord.visitor_id == visitor_id)
            .order_by(AidRecord.created_at.desc(), AidRecord.id.desc())
        )
    ]
    since = (now - RECENT).date()
    recent = [r for r in rows if r.date >= since]
    return VisitorLedger(
        rows=rows,
        recent_count=len(recent),
        recent_granted_fen=sum(r.granted_fen or 0 for r in recent),
    )


@dataclass
class AidFilter:
    """The ledger's search: the visitor's name or words of the household's situation; a kind;
    a referral state; a range of days (inclusive)."""

    text: str = ""
    kind_id: int | None = None
    referral: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


def _filtered(wanted: AidFilter) -> Select[tuple[AidRecord]]:
    conditions: list[ColumnElement[bool]] = []
    text = wanted.text.strip()
    stmt = select(AidRecord)
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"
        stmt = stmt.join(Visitor, Visitor.id == AidRecord.visitor_id)
        conditions.append(
            or_(
                Visitor.name.like(pattern, escape="\\"),
                AidRecord.household.like(pattern, escape="\\"),
            )
        )
    if wanted.kind_id is not None:
        conditions.append(AidRecord.kind_id == wanted.kind_id)
    if wanted.referral:
        conditions.append(AidRecord.referral == wanted.referral)
    if wanted.start is not None:
        conditions.append(AidRecord.created_at >= dt.datetime.combine(wanted.start, dt.time()))
    if wanted.end is not None:
        following = wanted.end + dt.timedelta(days=1)
        conditions.append(AidRecord.created_at < dt.datetime.combine(following, dt.time()))
    return stmt.where(*conditions)


def search(session: Session, wanted: AidFilter, offset: int = 0, limit: int = PAGE) -> list[AidRow]:
    rows = session.scalars(
        _filtered(wanted)
        .order_by(AidRecord.created_at.desc(), AidRecord.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return [_row(r) for r in rows]


def count(session: Session, wanted: AidFilter) -> int:
    stmt = _filtered(wanted).with_only_columns(func.count(AidRecord.id))
    return int(session.scalar(stmt) or 0)
