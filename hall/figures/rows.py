"""The rows of the lists behind the figures, as the officers' own lists show them and with
their confidentiality rules: an accusation's (or a complaint's) petitioner masked and its matter
withheld from whoever may not read it, a court file's parties shown only to the court.

Every list is a :class:`DrillList`: its rows as records (for the rules and the tests) and as
typed cells under Chinese headings (for the screen and the .xlsx export), and the number of
rows in all, so a page of a long list still says how many the figure counted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from sqlalchemy import CompoundSelect, Select, func, select
from sqlalchemy.orm import Session, joinedload

from db.case_models import ORDER_STATE_NAMES, CaseLetter, PetitionCase, SupervisionOrder
from db.court_models import CourtCase
from db.mechanism_models import Dispute
from db.models import ServiceWindow, Ticket, User, Visit
from hall import cases, clock, confidentiality
from hall.catalog import CHANNELS, PURPOSES
from hall.court import may_read_court_file
from hall.court_cases.file_views import CaseRow as CourtFileRow
from hall.court_cases.file_views import row as court_file_row
from hall.masking import mask_name
from hall.mechanisms.disputes import DisputeRow, rows_of
from hall.mechanisms.stations import EntryRow
from hall.queue import STATUS_NAMES
from printing.spreadsheet import Cell, Column

PAGE = 100
R = TypeVar("R")

# The kinds of keys an item list is made from (see :func:`item_list`).
VISIT = "visit"
LETTER = "letter"
TICKET = "ticket"
# Where the confidential-view log says an item listed here was opened.
VIA = "statistics"


@dataclass(frozen=True)
class ItemRow:
    """A visit or a letter behind an item count (or a ticket taken without a registration)."""

    kind: str
    id: int
    day: dt.date
    channel: str
    purpose: str
    people: int
    petitioner: str
    summary: str
    confidential: bool


@dataclass(frozen=True)
class TicketRow:
    """A queue ticket behind a window's figure; times in minutes."""

    id: int
    number: str
    window: str
    day: dt.date
    status: str
    visitor: str
    wait: float | None
    service: float | None
    officer: str


@dataclass(frozen=True)
class OrderRow:
    """A supervision order (督办单) behind a 督办 figure; the case by its number only."""

    id: int
    number: str
    case_number: str
    unit: str
    level: int
    issued_on: dt.date
    reply_due: dt.date
    replied_on: dt.date | None
    state: str


@dataclass(frozen=True)
class DrillList:
    figure: str
    title: str
    definition: str
    rows: list[Any]
    total: int
    columns: list[Column]
    cells: list[list[Cell]]

    @property
    def item_rows(self) -> list[ItemRow]:
        return [r for r in self.rows if isinstance(r, ItemRow)]

    @property
    def case_rows(self) -> list[cases.CaseRow]:
        return [r for r in self.rows if isinstance(r, cases.CaseRow)]


@dataclass(frozen=True)
class Layout:
    """How one kind of row is shown: its columns and the cells of a row."""

    columns: tuple[Column, ...]
    cells: Callable[[Any], list[Cell]]


def listed(
    figure: str, title: str, definition: str, rows: Sequence[R], total: int, kind: type[R]
) -> DrillList:
    """A list of rows of ``kind``, laid out as that kind is (an empty one keeps its headings)."""
    layout = LAYOUTS[kind]
    return DrillList(
        figure,
        title,
        definition,
        list(rows),
        total,
        list(layout.columns),
        [layout.cells(r) for r in rows],
    )


def count_of(session: Session, stmt: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)


def minutes(start: dt.datetime | None, end: dt.datetime | None) -> float | None:
    if start is None or end is None:
        return None
    return round((end - start).total_seconds() / 60, 1)


# ---------------------------------------------------------------------------------------------
# Items: visits, letters and unregistered tickets, by (kind, id, day) keys


def item_list(
    session: Session,
    keys: Select[Any] | CompoundSelect[Any],
    viewer: User | None,
    offset: int,
    limit: int,
) -> tuple[list[ItemRow], int]:
    """The rows of ``keys`` (a select of kind, id, day; kind one of :data:`VISIT`,
    :data:`LETTER`, :data:`TICKET`) one page at a time, and how many there are in all. Every
    accusation on the page is logged as opened by ``viewer``, shown or withheld: call it in a
    writing unit of work."""
    keyed = keys.subquery("keys")
    page = session.execute(
        select(keyed.c.kind, keyed.c.id, keyed.c.day)
        .order_by(keyed.c.day, keyed.c.kind, keyed.c.id)
        .offset(offset)
        .limit(limit)
    ).all()
    total = int(session.scalar(select(func.count()).select_from(keyed)) or 0)
    visit_ids = [key for kind, key, _ in page if kind == VISIT]
    letter_ids = [key for kind, key, _ in page if kind == LETTER]
    ticket_ids = [key for kind, key, _ in page if kind == TICKET]
    visits = {v.id: v for v in session.scalars(select(Visit).where(Visit.id.in_(visit_ids)))}
    letters = {
        letter.id: (letter, case)
        for letter, case in session.execute(
            select(CaseLetter, PetitionCase)
            .join(PetitionCase, PetitionCase.id == CaseLetter.case_id)
            .where(CaseLetter.id.in_(letter_ids))
        ).tuples()
    }
    tickets = {
        t.id: (t, name)
        for t, name in session.execute(
            select(Ticket, ServiceWindow.name)
            .join(ServiceWindow, ServiceWindow.id == Ticket.window_id)
            .where(Ticket.id.in_(ticket_ids))
        ).tuples()
    }
    secret = confidentiality.confidential_ids(session, list(visits.values()))
    readable = confidentiality.may_read(viewer)
    now = clock.now()
    rows = []
    for kind, key, _ in page:
        if kind == VISIT:
            rows.append(_visit_row(visits[key], key in secret, readable))
            # A listed accusation is opened here as in any list of the officers': logged.
            if key in secret:
                confidentiality.log_access(session, visits[key], readable, VIA, viewer, now)
        elif kind == LETTER:
            letter, case = letters[key]
            hidden = cases.is_confidential(case)
            if hidden:
                confidentiality.log_case_access(session, case, readable, VIA, viewer, now)
            rows.append(
                ItemRow(
                    kind="来信",
                    id=letter.id,
                    day=letter.received_on,
                    channel="来信",
                    purpose=PURPOSES.get(case.purpose, case.purpose),
                    people=1,
                    petitioner=mask_name(letter.sender_name) if hidden else letter.sender_name,
                    summary=cases.WITHHELD if hidden and not readable else case.summary,
                    confidential=hidden,
                )
            )
        else:
            ticket, window = tickets[key]
            rows.append(
                ItemRow(
                    kind="取号（未登记）",
                    id=ticket.id,
                    day=ticket.service_date,
                    channel="",
                    purpose="",
                    people=1,
                    petitioner="",
                    summary=f"{window} {ticket.number}号",
                    confidential=False,
                )
            )
    return rows, total


def _visit_row(visit: Visit, hidden: bool, readable: bool) -> ItemRow:
    return ItemRow(
        kind="来访登记",
        id=visit.id,
        day=visit.created_at.date(),
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        people=visit.group_size,
        petitioner=mask_name(visit.visitor.name) if hidden else visit.visitor.name,
        summary=cases.WITHHELD if hidden and not readable else visit.summary,
        confidential=hidden,
    )


# ---------------------------------------------------------------------------------------------
# Cases, tickets, court files, orders, register entries


def case_list(
    session: Session, stmt: Select[Any], offset: int, limit: int
) -> tuple[list[cases.CaseRow], int]:
    """Formal cases of ``stmt`` (a select of PetitionCase) as the case lists show them."""
    today = clock.now().date()
    page = stmt.options(joinedload(PetitionCase.officer)).order_by(PetitionCase.id)
    found = session.scalars(page.offset(offset).limit(limit)).unique()
    return [cases.row(c, today) for c in found], count_of(session, stmt)


def ticket_list(
    session: Session, stmt: Select[Any], offset: int, limit: int
) -> tuple[list[TicketRow], int]:
    """Tickets of ``stmt`` (a select of Ticket); the visitor of a confidential visit masked
    for everyone, as the calling display masks it: a ticket list shows no matter to read."""
    page = session.scalars(
        stmt.order_by(Ticket.service_date, Ticket.window_id, Ticket.seq, Ticket.id)
        .offset(offset)
        .limit(limit)
    ).all()
    windows = dict(session.execute(select(ServiceWindow.id, ServiceWindow.name)).tuples().all())
    officer_ids = {t.called_by for t in page if t.called_by is not None}
    officers = dict(
        session.execute(select(User.id, User.name).where(User.id.in_(officer_ids))).tuples().all()
    )
    visit_ids = [t.visit_id for t in page if t.visit_id is not None]
    visits = {v.id: v for v in session.scalars(select(Visit).where(Visit.id.in_(visit_ids)))}
    secret = confidentiality.confidential_ids(session, list(visits.values()))
    rows = []
    for t in page:
        visit = visits.get(t.visit_id) if t.visit_id is not None else None
        name = visit.visitor.name if visit is not None else ""
        rows.append(
            TicketRow(
                id=t.id,
                number=t.number,
                window=windows.get(t.window_id, ""),
                day=t.service_date,
                status=STATUS_NAMES.get(t.status, t.status),
                visitor=mask_name(name) if visit is not None and visit.id in secret else name,
                wait=minutes(t.queued_at, t.called_at),
                service=minutes(t.started_at, t.finished_at) if t.finished_at else None,
                officer=officers.get(t.called_by, "") if t.called_by is not None else "",
            )
        )
    return rows, count_of(session, stmt)


def court_file_list(
    session: Session, stmt: Select[Any], viewer: User | None, offset: int, limit: int
) -> tuple[list[CourtFileRow], int]:
    """Court files of ``stmt`` (a select of CourtCase) as the clerk's list shows them; the
    parties' names masked for anyone who may not open a court file."""
    today = clock.now().date()
    page = session.scalars(stmt.order_by(CourtCase.id).offset(offset).limit(limit)).all()
    court_reader = may_read_court_file(viewer)
    rows = []
    for case in page:
        shown = court_file_row(case, today)
        if not court_reader:
            shown = replace(
                shown, plaintiff=mask_name(shown.plaintiff), defendant=mask_name(shown.defendant)
            )
        rows.append(shown)
    return rows, count_of(session, stmt)


def order_list(
    session: Session, stmt: Select[Any], offset: int, limit: int
) -> tuple[list[OrderRow], int]:
    """Supervision orders of ``stmt`` (a select of SupervisionOrder)."""
    page = session.scalars(
        stmt.options(joinedload(SupervisionOrder.case))
        .order_by(SupervisionOrder.issued_on, SupervisionOrder.id)
        .offset(offset)
        .limit(limit)
    ).all()
    rows = [
        OrderRow(
            id=o.id,
            number=o.number,
            case_number=o.case.number,
            unit=o.unit.name,
            level=o.level,
            issued_on=o.issued_on,
            reply_due=o.reply_due,
            replied_on=o.replied_on,
            state=ORDER_STATE_NAMES.get(o.state, o.state),
        )
        for o in page
    ]
    return rows, count_of(session, stmt)


def dispute_list(
    session: Session, stmt: Select[Any], offset: int, limit: int
) -> tuple[list[DisputeRow], int]:
    """Register entries of ``stmt`` (a select of Dispute) as the register shows them."""
    page = stmt.order_by(Dispute.found_on, Dispute.id).offset(offset).limit(limit)
    return rows_of(session, page, clock.now().date()), count_of(session, stmt)


# ---------------------------------------------------------------------------------------------
# How each kind of row is laid out


def _text(value: object) -> str:
    return "" if value is None else str(value)


LAYOUTS: dict[type, Layout] = {
    ItemRow: Layout(
        (
            Column("类别", 12),
            Column("日期", 12),
            Column("来源", 8),
            Column("目的", 10),
            Column("人数", 6),
            Column("信访人", 12),
            Column("内容摘要", 40),
        ),
        lambda r: [r.kind, r.day, r.channel, r.purpose, r.people, r.petitioner, r.summary],
    ),
    cases.CaseRow: Layout(
        (
            Column("编号", 22),
            Column("状态", 10),
            Column("目的", 10),
            Column("信访人", 12),
            Column("内容摘要", 36),
            Column("责任单位", 16),
            Column("登记日期", 12),
            Column("期限", 12),
            Column("超期天数", 8),
        ),
        lambda r: [
            r.number,
            r.state_name,
            r.purpose_name,
            r.petitioner,
            r.summary,
            _text(r.unit),
            r.received_on,
            r.due_on,
            r.days_overdue or None,
        ],
    ),
    TicketRow: Layout(
        (
            Column("号码", 8),
            Column("窗口", 14),
            Column("日期", 12),
            Column("状态", 10),
            Column("来访人", 12),
            Column("等候（分）", 10),
            Column("办理（分）", 10),
            Column("叫号人", 12),
        ),
        lambda r: [r.number, r.window, r.day, r.status, r.visitor, r.wait, r.service, r.officer],
    ),
    CourtFileRow: Layout(
        (
            Column("案号", 26),
            Column("移交单号", 18),
            Column("原告（申请人）", 14),
            Column("被告（被申请人）", 16),
            Column("程序", 12),
            Column("阶段", 8),
            Column("立案日期", 12),
            Column("结案日期", 12),
            Column("结果", 12),
        ),
        lambda r: [
            r.label,
            r.handoff_number,
            r.plaintiff,
            r.defendant,
            r.track_name,
            r.stage_name,
            r.registered_on,
            r.closed_on,
            r.outcome_name,
        ],
    ),
    OrderRow: Layout(
        (
            Column("督办单号", 22),
            Column("信访事项编号", 22),
            Column("责任单位", 16),
            Column("督办级别", 8),
            Column("发出日期", 12),
            Column("回复期限", 12),
            Column("回复日期", 12),
            Column("状态", 8),
        ),
        lambda r: [
            r.number,
            r.case_number,
            r.unit,
            r.level,
            r.issued_on,
            r.reply_due,
            r.replied_on,
            r.state,
        ],
    ),
    DisputeRow: Layout(
        (
            Column("编号", 16),
            Column("来源", 10),
            Column("发现日期", 12),
            Column("地点", 16),
            Column("当事人", 20),
            Column("类别", 10),
            Column("人数", 6),
            Column("风险等级", 8),
            Column("包案领导", 10),
            Column("责任单位", 14),
            Column("化解期限", 12),
            Column("化解结果", 10),
        ),
        lambda r: [
            r.number,
            r.source,
            r.found_on,
            f"{r.township}{r.village}",
            r.parties,
            r.category,
            r.people,
            r.risk,
            r.leader,
            r.unit,
            r.due_on,
            r.outcome or ("逾期未化解" if r.overdue else "化解中"),
        ],
    ),
    EntryRow: Layout(
        (
            Column("工作站", 14),
            Column("乡镇（街道）", 12),
            Column("类别", 10),
            Column("反映人", 10),
            Column("内容", 36),
            Column("报送时间", 16),
            Column("到达时间", 16),
            Column("办理情况", 20),
        ),
        lambda r: [
            r.station,
            r.township,
            r.kind,
            r.person,
            r.content,
            r.typed_at,
            r.arrived_at,
            r.answer,
        ],
    ),
}
