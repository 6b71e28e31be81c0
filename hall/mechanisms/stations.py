"""Township stations (群众工作站/室) and informants (信息员).

A station's user registers requests and early warnings for its own township only and sees only
its station's entries and what became of them. A request arrives in the letters window's inbox
(as channel 网信, source station) to be answered there; an early warning arrives in the dispute
register. Each entry carries a key made on the station's PC when it was typed, so an entry sent
again after a lost connection is recognised and never doubled (see ``outbox``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from db import events
from db.event_kinds import EventKind
from db.mechanism_models import (
    OUTCOME_NAMES,
    STATION_KIND_NAMES,
    Dispute,
    StationEntry,
    StationMember,
)
from db.models import User
from hall import clock, fields, users
from hall.errors import InvalidInput, NotFound, PermissionDenied
from hall.mechanisms import disputes

STATION = users.STATION
INFORMANT = users.INFORMANT
CHANNEL = "online"  # 网信: how the letters window lists a station's request


def set_member(
    session: Session,
    user_id: int,
    station: str,
    township: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> StationMember:
    """Attach a station or informant user to a station and its township (an admin's act)."""
    now = now or clock.now()
    if not station.strip() or not township.strip():
        raise InvalidInput("请填写工作站名称和所属乡镇（街道）。", "station")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("所选用户已不存在，请刷新后重试。")
    if not users.has_role(user, STATION, INFORMANT):
        raise InvalidInput(
            f"{user.name}没有群众工作站或信息员角色，请先在用户管理中加上该角色。", "user"
        )
    member = session.get(StationMember, user_id)
    if member is None:
        member = StationMember(user_id=user_id, station=station.strip(), township=township.strip())
        session.add(member)
    else:
        member.station, member.township = station.strip(), township.strip()
    events.append(
        session,
        EventKind.STATION_MEMBER,
        "station_member",
        user_id,
        now,
        actor.id if actor else None,
    )
    return member


def member_of(session: Session, user: User) -> StationMember:
    member = session.get(StationMember, user.id)
    if member is None or not users.has_role(user, STATION, INFORMANT):
        raise PermissionDenied(
            f"{user.name}不属于任何群众工作站，不能报送；请管理员在用户管理中指定所属工作站。"
        )
    return member


@dataclass(frozen=True)
class Draft:
    """An entry as typed on the station's PC, before it reaches the hall."""

    key: str
    kind: str
    content: str
    typed_at: dt.datetime
    person: str = ""
    phone: str = ""
    village: str = ""
    people: int = 1


def draft_of(
    kind: str,
    content: str,
    person: str = "",
    phone: str = "",
    village: str = "",
    people: int = 1,
) -> Draft:
    """A draft with its own key, made when the user presses send (unchecked: see ``check``)."""
    return Draft(
        uuid.uuid4().hex,
        kind,
        content.strip(),
        clock.now(),
        person.strip(),
        phone.strip(),
        village.strip(),
        people,
    )


def new_draft(
    kind: str,
    content: str,
    person: str = "",
    phone: str = "",
    village: str = "",
    people: int = 1,
) -> Draft:
    """A checked draft, so an outbox holds only entries the hall will take."""
    draft = draft_of(kind, content, person, phone, village, people)
    fields.refuse(check(draft))
    return fields.cleaned(draft, _TEXTS)


_TEXTS = (
    ("content", fields.STATION_CONTENT),
    ("person", fields.STATION_PERSON),
    ("phone", fields.PHONE),
    ("village", fields.VILLAGE),
)


def check(draft: Draft) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if draft.kind not in STATION_KIND_NAMES:
        problems.append(
            InvalidInput(f"报送类别“{draft.kind}”无效，应为群众诉求或预警信息。", "kind")
        )
    problems.extend(fields.check_all((rule, getattr(draft, name)) for name, rule in _TEXTS))
    if draft.kind == "request" and not draft.person.strip():
        problems.append(fields.Missing(fields.STATION_PERSON.label, "person", "（群众诉求须写明）"))
    try:
        fields.check_number(fields.PEOPLE, draft.people)
    except InvalidInput as error:
        problems.append(error)
    return problems


def receive(
    session: Session, draft: Draft, user_id: int, now: dt.datetime | None = None
) -> StationEntry:
    """Take a station's entry into the hall; the same key again returns the entry already
    taken, unchanged, so a resend never doubles it."""
    now = now or clock.now()
    existing = session.scalar(select(StationEntry).where(StationEntry.key == draft.key))
    if existing is not None:
        return existing
    problems = check(draft)
    if problems:
        raise problems[0]
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("报送人的账号已不存在，请联系管理员。")
    member = member_of(session, user)
    entry = StationEntry(
        key=draft.key,
        station=member.station,
        township=member.township,
        kind=draft.kind,
        person=draft.person,
        phone=draft.phone,
        content=draft.content,
        typed_at=draft.typed_at,
        arrived_at=now,
        created_by=user.id,
    )
    if draft.kind == "warning":
        source = (
            INFORMANT
            if users.has_role(user, INFORMANT) and not users.has_role(user, STATION)
            else STATION
        )
        dispute = disputes.register(
            session,
            disputes.DisputeEntry(
                parties=draft.person or f"{member.station}报送",
                township=member.township,
                village=draft.village,
                category="预警",
                summary=draft.content,
                people=draft.people,
                found_on=draft.typed_at.date(),
            ),
            source,
            user,
            now,
        )
        entry.dispute_id = dispute.id
    session.add(entry)
    session.flush()
    events.append(
        session,
        EventKind.STATION_ENTRY,
        "station_entry",
        entry.id,
        now,
        user.id,
        {"kind": draft.kind},
    )
    return entry


@dataclass(frozen=True)
class EntryRow:
    id: int
    station: str
    township: str
    kind: str
    person: str
    content: str
    typed_at: dt.datetime
    arrived_at: dt.datetime
    answer: str  # the letters window's reply, or the warning's dispute and its outcome


def _row(entry: StationEntry, dispute: Dispute | None) -> EntryRow:
    answer = entry.reply
    if dispute is not None:
        answer = f"{dispute.number} {OUTCOME_NAMES.get(dispute.outcome or '', '化解中')}"
    return EntryRow(
        entry.id,
        entry.station,
        entry.township,
        STATION_KIND_NAMES[entry.kind],
        entry.person,
        entry.content,
        entry.typed_at,
        entry.arrived_at,
        answer,
    )


def _rows(session: Session, *where: ColumnElement[bool]) -> list[EntryRow]:
    query = (
        select(StationEntry, Dispute)
        .outerjoin(Dispute, Dispute.id == StationEntry.dispute_id)
        .where(*where)
        .order_by(StationEntry.arrived_at.desc(), StationEntry.id.desc())
    )
    return [_row(entry, dispute) for entry, dispute in session.execute(query)]


def own_entries(session: Session, user: User) -> list[EntryRow]:
    """What a station's user may see: its own station's entries and their outcomes, nothing else."""
    member = member_of(session, user)
    return _rows(
        session, StationEntry.station == member.station, StationEntry.township == member.township
    )


def letters_inbox(session: Session) -> list[EntryRow]:
    """Stations' requests the letters window has not answered yet (channel 网信, source station)."""
    return _rows(session, StationEntry.kind == "request", StationEntry.reply == "")


def reply(
    session: Session, entry_id: int, text: str, actor: User, now: dt.datetime | None = None
) -> StationEntry:
    now = now or clock.now()
    entry = session.get(StationEntry, entry_id)
    if entry is None or entry.kind != "request":
        raise NotFound("找不到这条工作站报送的群众诉求，请刷新后重试。")
    entry.reply = fields.clean(fields.STATION_REPLY, text)
    events.append(session, EventKind.STATION_REPLY, "station_entry", entry.id, now, actor.id)
    return entry


@dataclass(frozen=True)
class RankRow:
    name: str
    requests: int
    warnings: int

    @property
    def total(self) -> int:
        return self.requests + self.warnings


def ranking(
    session: Session, by: str, start: dt.date | None = None, end: dt.date | None = None
) -> list[RankRow]:
    """Entries per station (``by="station"``) or per township (``by="township"``), most first."""
    if by not in ("station", "township"):
        raise InvalidInput("只能按工作站或乡镇统计。", "by")
    key = StationEntry.station if by == "station" else StationEntry.township
    query = select(key, StationEntry.kind, func.count()).group_by(key, StationEntry.kind)
    if start is not None:
        query = query.where(StationEntry.arrived_at >= dt.datetime.combine(start, dt.time()))
    if end is not None:
        query = query.where(
            StationEntry.arrived_at < dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
        )
    counts: dict[str, dict[str, int]] = {}
    for name, kind, count in session.execute(query):
        counts.setdefault(name, {})[kind] = count
    rows = [RankRow(name, c.get("request", 0), c.get("warning", 0)) for name, c in counts.items()]
    return sorted(rows, key=lambda r: (-r.total, r.name))
