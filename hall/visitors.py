"""Finding returning visitors and what they brought before.

The front desk types an ID number, a phone number, the start of a name, or the name's pinyin
initials (张三丰 → zsf); a barcode scanner types a receipt's visit code or an ID number the same
way. Names and initials are searched by prefix; ID numbers and phones are stored encrypted, so
they are found whole through their look-up hashes (or a phone by its last four digits, an ID
number's holder by the birth date in it). Every search reads an index, so it stays fast at a
million visitors.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from db import lookup
from db.case_models import STATE_NAMES, CaseLink, PetitionCase
from db.models import Ticket, Visit, Visitor
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import NotFound
from hall.masking import mask_id_number, mask_phone

# Surnames whose reading as a surname differs from the character's common reading.
SURNAME_INITIALS = {
    "单": "s", "曾": "z", "解": "x", "仇": "q", "查": "z", "区": "o", "朴": "p", "盖": "g",
    "乐": "y", "缪": "m", "覃": "q", "翟": "z", "召": "s", "任": "r", "员": "y", "尉": "y",
}  # fmt: skip
# Query codes avoid characters that are easily confused when read aloud or handwritten.
QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
QUERY_CODE_LENGTH = 8
VISIT_CODE = re.compile(r"^V\d{12}$")
SEARCH_LIMIT = 20
# A phone's last digits that stay searchable ("the one ending 5678").
PHONE_TAIL = 4


def name_initials(name: str) -> str:
    """Lower-case pinyin initials of a Chinese name; other characters pass through."""
    name = name.strip()
    if not name:
        return ""
    # pypinyin loads its phrase dictionary (a third of a second) on import: only a name that is
    # registered or searched pays for it, not every module that reaches the visitors' rules.
    from pypinyin import Style, lazy_pinyin

    letters = lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default")
    if name[0] in SURNAME_INITIALS:
        letters[0] = SURNAME_INITIALS[name[0]]
    return "".join(letters).lower().replace(" ", "")


def new_query_code() -> str:
    return "".join(secrets.choice(QUERY_ALPHABET) for _ in range(QUERY_CODE_LENGTH))


@dataclass(frozen=True)
class VisitorMatch:
    id: int
    name: str
    gender: str
    masked_id: str
    masked_phone: str
    address: str
    visits: int
    last_visit: dt.datetime | None


@dataclass(frozen=True)
class VisitSummary:
    id: int
    code: str
    query_code: str
    created_at: dt.datetime
    channel: str
    purpose: str
    purpose_code: str
    summary: str
    window_name: str
    status: str
    tickets: Sequence[str]


def _starting_with(
    session: Session, column: InstrumentedAttribute[str], text: str, limit: int
) -> Sequence[Visitor]:
    """Up to ``limit`` visitors whose ``column`` starts with ``text``, in that column's order,
    read straight off its index: the scan stops after ``limit`` rows however many match."""
    stmt = select(Visitor)
    order: ColumnElement[str] | InstrumentedAttribute[str]
    if session.get_bind().dialect.name == "postgresql":
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        # The index uses the pattern operator class (for LIKE whatever the collation); ordering
        # by its own operator lets the same index give the order too.
        order = literal_column(f"visitor.{column.key} USING ~<~")
        stmt = stmt.where(column.like(f"{escaped}%", escape="\\"))
    else:
        # SQLite compares text bytewise, so the range [text, text + U+10FFFF) is exactly the
        # strings that start with text, and the plain index serves it in order.
        order = column
        stmt = stmt.where(column >= text, column < text + "\U0010ffff")
    return session.scalars(stmt.order_by(order, Visitor.id).limit(limit)).all()


def _exactly(session: Session, condition: ColumnElement[bool], limit: int) -> Sequence[Visitor]:
    return session.scalars(select(Visitor).where(condition).order_by(Visitor.id).limit(limit)).all()


def _digit_searches(compact: str) -> list[ColumnElement[bool]]:
    """What a string of digits can be, now that ID numbers and phones are stored encrypted and
    only found whole: a whole ID number or phone (by look-up hash), a phone's last four digits,
    or a birth date (YYYYMMDD, as in the ID number)."""
    conditions = [lookup.id_number_is(compact)]
    if not compact.isdigit():
        return conditions
    conditions.append(lookup.phone_is(compact))
    if len(compact) == PHONE_TAIL:
        conditions.append(Visitor.phone_last4 == compact)
    if len(compact) == len("YYYYMMDD"):
        try:
            born = dt.datetime.strptime(compact, "%Y%m%d").date()
        except ValueError:
            pass
        else:
            conditions.append(Visitor.birth_date == born)
    return conditions


def search(session: Session, text: str, limit: int = SEARCH_LIMIT) -> list[VisitorMatch]:
    """Visitors whose name or name initials start with ``text``, or whose whole ID number or
    phone, phone's last four digits or birth date (YYYYMMDD) is ``text``."""
    text = text.strip()
    if not text:
        return []
    compact = re.sub(r"[\s-]", "", text).upper()
    # One query per key, each stopping early on its index, rather than one OR over several
    # columns, which would have to collect and sort every match.
    found: dict[int, Visitor] = {}
    if re.fullmatch(r"\d{3,17}[\dX]?", compact):
        for condition in _digit_searches(compact):
            for visitor in _exactly(session, condition, limit):
                found.setdefault(visitor.id, visitor)
    else:
        column = Visitor.name_initials if re.fullmatch(r"[A-Za-z]+", text) else Visitor.name
        prefix = text.lower() if column is Visitor.name_initials else text
        for visitor in _starting_with(session, column, prefix, limit):
            found.setdefault(visitor.id, visitor)
    visitors_found = list(found.values())[:limit]
    if not visitors_found:
        return []
    stats = {
        visitor_id: (count, last)
        for visitor_id, count, last in session.execute(
            select(Visit.visitor_id, func.count(), func.max(Visit.created_at))
            .where(Visit.visitor_id.in_([v.id for v in visitors_found]))
            .group_by(Visit.visitor_id)
        )
    }
    return [
        VisitorMatch(
            id=v.id,
            name=v.name,
            gender=v.gender,
            masked_id=mask_id_number(v.id_number),
            masked_phone=mask_phone(v.phone),
            address="".join(filter(None, (v.township, v.village, v.address))),
            visits=stats.get(v.id, (0, None))[0],
            last_visit=stats.get(v.id, (0, None))[1],
        )
        for v in visitors_found
    ]


def _summary(visit: Visit, tickets: Sequence[Ticket]) -> VisitSummary:
    window_names = [t.window.name for t in tickets]
    return VisitSummary(
        id=visit.id,
        code=visit.code,
        query_code=visit.query_code,
        created_at=visit.created_at,
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        purpose_code=visit.purpose,
        summary=visit.summary,
        window_name=window_names[-1] if window_names else "",
        status=visit.status,
        tickets=[t.number for t in tickets],
    )


def history(session: Session, visitor_id: int, limit: int = 50) -> list[VisitSummary]:
    """The visitor's earlier visits, newest first, with the tickets each was given."""
    visits = session.scalars(
        select(Visit)
        .where(Visit.visitor_id == visitor_id)
        .order_by(Visit.created_at.desc(), Visit.id.desc())
        .limit(limit)
    ).all()
    tickets: dict[int, list[Ticket]] = {}
    if visits:
        for ticket in session.scalars(
            select(Ticket)
            .where(Ticket.visit_id.in_([v.id for v in visits]))
            .order_by(Ticket.issued_at, Ticket.id)
        ):
            if ticket.visit_id is not None:
                tickets.setdefault(ticket.visit_id, []).append(ticket)
    return [_summary(v, tickets.get(v.id, [])) for v in visits]


def visit_by_code(session: Session, code: str) -> Visit:
    """The visit a receipt names: by its barcode (visit code) or its query code."""
    code = code.strip().upper()
    column = Visit.code if VISIT_CODE.match(code) else Visit.query_code
    visit = session.scalar(select(Visit).where(column == code))
    if visit is None:
        raise NotFound(f"没有查到“{code}”对应的来访登记，请核对凭条上的查询码或条码。")
    return visit


@dataclass(frozen=True)
class VisitCase:
    """The formal case a visit belongs to: opened from it, or linked to it as a repeat."""

    number: str
    state_name: str
    due_on: dt.date | None
    repeat: bool


def case_of_visit(session: Session, visit_id: int) -> VisitCase | None:
    """What a receipt's look-up tells of the matter: its case, if one was opened or linked."""
    case = session.scalar(select(PetitionCase).where(PetitionCase.visit_id == visit_id))
    repeat = case is None
    if case is None:
        case = session.scalar(
            select(PetitionCase)
            .join(CaseLink, CaseLink.case_id == PetitionCase.id)
            .where(CaseLink.visit_id == visit_id)
        )
    if case is None:
        return None
    return VisitCase(case.number, STATE_NAMES[case.state], case.due_on, repeat)
