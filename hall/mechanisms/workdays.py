"""群众工作日: once a month cadres go down to the villages and communities; on that day and the
week after they enter what they brought back — opinions, which go into the 社情民意 ledger (and
so into the monthly 《群众工作动态》), disputes, which go into the register, and good deeds done
(为民办实事). The next day the leaders' meeting gets a one-page summary by township and kind.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.mechanism_models import WORKDAY_KIND_NAMES, Dispute, WorkdayEntry
from db.models import User
from db.window_models import OPINION_TOPICS, ListItem
from hall import clock, fields, lists, opinions, roster, settings
from hall.errors import InvalidInput
from hall.mechanisms import disputes
from printing import mechanism_papers

# The seed moved the day from the 15th to the 30th; a month shorter than the day keeps its
# last day instead.
WORKDAY_OF_MONTH: settings.Setting[int] = settings.Setting(
    "workday_of_month", 30, "群众工作日（每月几日，短月取月末）"
)
# Entries may be made on the day and this many days after it.
ENTRY_DAYS = 7


def workday_in(session: Session, year: int, month: int) -> dt.date:
    day = settings.get(session, WORKDAY_OF_MONTH)
    return dt.date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


def set_workday_of_month(session: Session, day: int, actor: User | None = None) -> None:
    if not 1 <= day <= 31:
        raise InvalidInput("群众工作日应为每月 1 日至 31 日中的一天。", "workday_of_month")
    settings.put(session, WORKDAY_OF_MONTH, day)
    events.append(
        session,
        EventKind.WORKDAY_SETTING,
        "hall_setting",
        None,
        clock.now(),
        actor.id if actor else None,
    )


def open_workday(session: Session, on: dt.date) -> dt.date | None:
    """The 群众工作日 whose entry week contains ``on`` (this month's or last month's), if any."""
    previous = on.replace(day=1) - dt.timedelta(days=1)
    for day in (
        workday_in(session, on.year, on.month),
        workday_in(session, previous.year, previous.month),
    ):
        if day <= on <= day + dt.timedelta(days=ENTRY_DAYS):
            return day
    return None


def closed_message(session: Session, on: dt.date) -> str:
    """Why nothing can be entered on ``on``: the day is outside every entry week."""
    this = workday_in(session, on.year, on.month)
    return (
        f"今天不在群众工作日的登记期内（本月群众工作日为{this.month}月{this.day}日，"
        f"可在当天及其后 {ENTRY_DAYS} 天内登记）。"
    )


def latest_workday(session: Session, on: dt.date) -> dt.date:
    """The last 群众工作日 on or before ``on``: the one whose summary the leaders may want."""
    this = workday_in(session, on.year, on.month)
    if this <= on:
        return this
    previous = on.replace(day=1) - dt.timedelta(days=1)
    return workday_in(session, previous.year, previous.month)


@dataclass(frozen=True)
class EntryPeriod:
    """What the entry screen needs to open: whether entries are taken today, for which day,
    and what its form offers to pick from."""

    workday: dt.date | None  # the open 群众工作日; None outside its entry week
    latest: dt.date  # the last 群众工作日 so far, whose summary can be drawn
    closed_message: str  # why nothing can be entered, when workday is None
    topics: list[tuple[int, str]]  # the 社情民意 ledger's topics
    townships: list[str]

    @property
    def last_day(self) -> dt.date | None:
        return self.workday + dt.timedelta(days=ENTRY_DAYS) if self.workday else None


def entry_period(session: Session, on: dt.date | None = None) -> EntryPeriod:
    on = on or clock.now().date()
    return EntryPeriod(
        workday=open_workday(session, on),
        latest=latest_workday(session, on),
        closed_message=closed_message(session, on),
        topics=[(t.id, t.name) for t in lists.items(session, OPINION_TOPICS)],
        townships=roster.townships(session),
    )


@dataclass
class WorkdayInput:
    """What a cadre typed (plain data: a failed save keeps the form)."""

    kind: str = "opinion"
    township: str = ""
    village: str = ""
    content: str = ""
    cadre: str = ""
    topic_id: int | None = None  # opinions: the ledger's topic
    category: str = ""  # disputes: the register's category
    parties: str = ""  # disputes
    people: int = 1  # disputes


def record(
    session: Session, entry: WorkdayInput, actor: User | None = None, now: dt.datetime | None = None
) -> WorkdayEntry:
    now = now or clock.now()
    workday = open_workday(session, now.date())
    if workday is None:
        raise InvalidInput(closed_message(session, now.date()), "workday")
    if entry.kind not in WORKDAY_KIND_NAMES:
        raise InvalidInput(f"登记类别“{entry.kind}”无效。", "kind")
    problems = fields.check_all(
        (
            (fields.TOWNSHIP.but(required=True), entry.township),
            (fields.VILLAGE, entry.village),
            (fields.WORKDAY_CONTENT, entry.content),
            (fields.USER_NAME.but(key="cadre", label="走访干部", required=False), entry.cadre),
        )
    )
    fields.refuse(problems)
    row = WorkdayEntry(
        workday=workday,
        kind=entry.kind,
        township=fields.clean(fields.TOWNSHIP, entry.township),
        village=fields.clean(fields.VILLAGE, entry.village),
        category=WORKDAY_KIND_NAMES[entry.kind],
        content=fields.clean(fields.WORKDAY_CONTENT, entry.content),
        cadre=entry.cadre.strip(),
        created_at=now,
        created_by=actor.id if actor else None,
    )
    if entry.kind == "opinion":
        opinion = opinions.add(
            session,
            opinions.OpinionEntry(
                entry.content, entry.topic_id, entry.township, entry.village, "群众工作日"
            ),
            actor=actor,
            now=now,
        )
        row.opinion_id = opinion.id
        row.category = session.get_one(ListItem, opinion.topic_id).name
    elif entry.kind == "dispute":
        dispute = disputes.register(
            session,
            disputes.DisputeEntry(
                parties=entry.parties,
                township=entry.township,
                village=entry.village,
                category=entry.category,
                summary=entry.content,
                people=entry.people,
                found_on=workday,
            ),
            "workday",
            actor,
            now,
        )
        row.dispute_id = dispute.id
        row.category = dispute.category or row.category
    session.add(row)
    session.flush()
    events.append(
        session, EventKind.WORKDAY_ENTRY, "workday_entry", row.id, now, actor.id if actor else None
    )
    return row


@dataclass(frozen=True)
class EntryRow:
    id: int
    kind: str
    township: str
    village: str
    category: str
    content: str
    cadre: str
    entered_at: dt.datetime
    dispute_number: str  # the register's number of a dispute entry


def entries(session: Session, workday: dt.date) -> list[EntryRow]:
    """What was entered for the 群众工作日, newest first."""
    query = (
        select(WorkdayEntry, Dispute.number)
        .outerjoin(Dispute, Dispute.id == WorkdayEntry.dispute_id)
        .where(WorkdayEntry.workday == workday)
        .order_by(WorkdayEntry.id.desc())
    )
    return [
        EntryRow(
            e.id,
            WORKDAY_KIND_NAMES[e.kind],
            e.township,
            e.village,
            e.category,
            e.content,
            e.cadre,
            e.created_at,
            number or "",
        )
        for e, number in session.execute(query)
    ]


@dataclass(frozen=True)
class Summary:
    workday: dt.date
    # township → kind name → count, townships in the order entered
    by_township: dict[str, dict[str, int]]

    def totals(self) -> dict[str, int]:
        total: dict[str, int] = defaultdict(int)
        for kinds in self.by_township.values():
            for kind, count in kinds.items():
                total[kind] += count
        return dict(total)


def summary(session: Session, workday: dt.date) -> Summary:
    by_township: dict[str, dict[str, int]] = {}
    kinds = session.execute(
        select(WorkdayEntry.township, WorkdayEntry.kind)
        .where(WorkdayEntry.workday == workday)
        .order_by(WorkdayEntry.township, WorkdayEntry.id)
    )
    for township, kind in kinds:
        counts = by_township.setdefault(township, {})
        counts[WORKDAY_KIND_NAMES[kind]] = counts.get(WORKDAY_KIND_NAMES[kind], 0) + 1
    return Summary(workday, by_township)


def summary_pdf(session: Session, workday: dt.date, now: dt.datetime | None = None) -> bytes:
    """The one-page summary for the leaders' meeting the day after the 群众工作日."""
    now = now or clock.now()
    data = summary(session, workday)
    order = list(WORKDAY_KIND_NAMES.values())

    def ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
        return [(kind, counts[kind]) for kind in order if kind in counts]

    return mechanism_papers.workday_summary(
        mechanism_papers.WorkdaySummary(
            hall_name=settings.get(session, settings.HALL_NAME),
            workday=workday,
            issued_on=now.date(),
            townships=[(t, ordered(c)) for t, c in data.by_township.items()],
            totals=ordered(data.totals()),
        )
    )
