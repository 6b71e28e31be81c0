"""The dispute register (矛盾纠纷排查化解台账) and 包案.

Every dispute or instability risk found — at a window, by a station or an informant, on a
群众工作日, in a letter — is one entry: who and where, what, how many people, and a risk level
that admin-set rules derive from the category and the number of people. The weekly meeting
names its 包案领导 (from the leaders on the duty roster), a responsible unit, a 稳控责任人 and a
target date; progress is noted as it comes; the entry ends with an outcome. An entry turned
into a formal case, or handed to the court, goes through the functions that own those.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from db import counters, events
from db.case_models import ResponsibleUnit
from db.event_kinds import EventKind
from db.mechanism_models import (
    OUTCOME_NAMES,
    RESOLVED,
    RISK_NAMES,
    SOURCE_NAMES,
    TO_CASE,
    TO_COURT,
    Dispute,
    DisputeProgress,
)
from db.models import DutyLeader, User, Visitor
from hall import cases, clock, court, fields
from hall.errors import IllegalTransition, InvalidInput, NotFound
from hall.mechanisms.risk import assess_risk
from hall.visitors import name_initials

PAGE = 100


def leaders(session: Session) -> list[str]:
    """The leaders who may lead an entry (包案): everyone ever on the duty roster."""
    return list(session.scalars(select(DutyLeader.name).distinct().order_by(DutyLeader.name)))


def known_leader(session: Session, name: str, required: bool = True) -> str:
    """``name`` as stored, once it is on the leaders' list: the one check of a 包案领导, for a
    register entry (``required``) and for a formal case ("" names none)."""
    leader = fields.clean(fields.LEADER.but(required=required), name)
    if leader and leader not in leaders(session):
        raise InvalidInput(
            f"“{leader}”不在领导名单（领导接访排班表）中，请从名单中选择包案领导。", "leader"
        )
    return leader


# ---------------------------------------------------------------------------------------------
# Entries


@dataclass
class DisputeEntry:
    """What was typed about a dispute (plain data: a failed save keeps the form)."""

    parties: str = ""
    township: str = ""
    village: str = ""
    category: str = ""
    summary: str = ""
    people: int = 1
    found_on: dt.date | None = None


_TEXTS = (
    ("parties", fields.DISPUTE_PARTIES),
    ("township", fields.TOWNSHIP.but(required=True)),
    ("village", fields.VILLAGE),
    ("category", fields.DISPUTE_CATEGORY),
    ("summary", fields.DISPUTE_SUMMARY),
)


def check(entry: DisputeEntry, source: str, today: dt.date) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if source not in SOURCE_NAMES:
        problems.append(InvalidInput(f"线索来源“{source}”无效。", "source"))
    problems.extend(fields.check_all((rule, getattr(entry, name)) for name, rule in _TEXTS))
    try:
        fields.check_number(fields.PEOPLE, entry.people)
    except InvalidInput as error:
        problems.append(error)
    if entry.found_on is not None and entry.found_on > today:
        problems.append(InvalidInput("排查发现日期不能晚于今天。", "found_on"))
    return problems


def dispute_number(year: int, seq: int) -> str:
    return f"纠〔{year}〕{seq:04d}号"


def register(
    session: Session,
    entry: DisputeEntry,
    source: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Dispute:
    now = now or clock.now()
    fields.refuse(check(entry, source, now.date()))
    entry = fields.cleaned(entry, _TEXTS)
    seq = counters.next_value(session, f"dispute:{now.year}")
    dispute = Dispute(
        number=dispute_number(now.year, seq),
        source=source,
        found_on=entry.found_on or now.date(),
        parties=entry.parties.strip(),
        township=entry.township.strip(),
        village=entry.village.strip(),
        category=entry.category.strip(),
        summary=entry.summary.strip(),
        people=entry.people,
        risk=assess_risk(session, entry.category.strip(), entry.people),
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(dispute)
    session.flush()
    _log(session, EventKind.DISPUTE_REGISTERED, dispute, now, actor, source=source)
    return dispute


def _log(
    session: Session,
    kind: EventKind,
    dispute: Dispute,
    now: dt.datetime,
    actor: User | None,
    **payload: object,
) -> None:
    events.append(session, kind, "dispute", dispute.id, now, actor.id if actor else None, payload)


def find(session: Session, dispute_id: int, lock: bool = False) -> Dispute:
    query = select(Dispute).where(Dispute.id == dispute_id)
    dispute = session.scalar(query.with_for_update() if lock else query)
    if dispute is None:
        raise NotFound(f"找不到编号为 {dispute_id} 的纠纷登记，可能已被删除，请刷新后重试。")
    return dispute


def by_number(session: Session, number: str) -> Dispute:
    dispute = session.scalar(select(Dispute).where(Dispute.number == number.strip()))
    if dispute is None:
        raise NotFound(f"找不到编号为“{number}”的纠纷登记，请核对编号（如 纠〔2026〕0001号）。")
    return dispute


@dataclass(frozen=True)
class Assignment:
    """What the meeting decides for an entry (包案)."""

    leader: str
    unit_id: int | None
    keeper: str
    due_on: dt.date
    category: str = ""
    risk: str = ""  # "" keeps the level the rules gave


def check_assignment(assignment: Assignment, today: dt.date) -> list[InvalidInput]:
    """Every mistake of a decision that needs no database, one per field, so the meeting's
    form marks them all as the decision is put in the sitting (the leader and the unit are
    checked against the lists on saving)."""
    problems = fields.check_all(
        ((fields.KEEPER, assignment.keeper), (fields.DISPUTE_CATEGORY, assignment.category))
    )
    if assignment.due_on < today:
        problems.append(InvalidInput("化解期限不能早于今天。", "due_on"))
    if assignment.risk and assignment.risk not in RISK_NAMES:
        problems.append(InvalidInput(f"风险等级“{assignment.risk}”无效。", "risk"))
    return problems


def assign(
    session: Session,
    dispute_id: int,
    assignment: Assignment,
    actor: User | None = None,
    now: dt.datetime | None = None,
    meeting_id: int | None = None,
) -> Dispute:
    now = now or clock.now()
    dispute = find(session, dispute_id, lock=True)
    if dispute.outcome is not None:
        raise IllegalTransition(f"纠纷{dispute.number}已有化解结果，不能再交办。")
    leader = known_leader(session, assignment.leader)
    if assignment.unit_id is not None and session.get(ResponsibleUnit, assignment.unit_id) is None:
        raise InvalidInput("所选责任单位已不存在，请重新选择。", "unit")
    problems = check_assignment(assignment, now.date())
    if problems:
        raise problems[0]
    keeper = fields.clean(fields.KEEPER, assignment.keeper)
    category = fields.clean(fields.DISPUTE_CATEGORY, assignment.category)
    dispute.leader = leader
    dispute.unit_id = assignment.unit_id
    dispute.keeper = keeper
    dispute.due_on = assignment.due_on
    if category:
        dispute.category = category
    dispute.risk = assignment.risk or assess_risk(session, dispute.category, dispute.people)
    if meeting_id is not None:
        dispute.meeting_id = meeting_id
    if dispute.assignment_number is None:
        seq = counters.next_value(session, f"dispute_assignment:{now.year}")
        dispute.assignment_number = f"交〔{now.year}〕{seq:04d}号"
    _log(session, EventKind.DISPUTE_ASSIGNED, dispute, now, actor, leader=dispute.leader)
    return dispute


def instruct(
    session: Session,
    dispute_id: int,
    instruction: str,
    assignment: Assignment,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> Dispute:
    """Leader reception (领导接访): the leader's instruction (批示) is kept with the entry and
    turned into its assignment (交办), the instructing leader leading it."""
    now = now or clock.now()
    fields.refuse(check_instruction(instruction, assignment, now.date()))
    instruction = fields.clean(fields.INSTRUCTION, instruction)
    dispute = assign(session, dispute_id, assignment, actor, now)
    add_progress(session, dispute_id, _said_by(assignment.leader) + instruction, actor, now)
    return dispute


def check_instruction(
    instruction: str, assignment: Assignment, today: dt.date
) -> list[InvalidInput]:
    """Every mistake typed in a leader's 批示 form at once; assign checks the rest."""
    problems = fields.check_all(
        ((fields.INSTRUCTION, instruction), (fields.KEEPER, assignment.keeper))
    )
    if assignment.due_on < today:
        problems.append(InvalidInput("化解期限不能早于今天。", "due_on"))
    return problems


def _said_by(leader: str) -> str:
    return f"{leader.strip()}批示："


def instruction_of(session: Session, dispute: Dispute) -> str:
    """The latest instruction (批示) of the leader now leading the entry, for its 交办单;
    "" when the meeting alone assigned it."""
    said = _said_by(dispute.leader)
    notes = session.scalars(
        select(DisputeProgress.text)
        .where(DisputeProgress.dispute_id == dispute.id)
        .order_by(DisputeProgress.id.desc())
    )
    return next((text.removeprefix(said) for text in notes if text.startswith(said)), "")


def add_progress(
    session: Session,
    dispute_id: int,
    text: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> DisputeProgress:
    now = now or clock.now()
    text = fields.clean(fields.PROGRESS, text)
    dispute = find(session, dispute_id)
    row = DisputeProgress(
        dispute=dispute,
        on=now.date(),
        text=text,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(row)
    session.flush()
    _log(session, EventKind.DISPUTE_PROGRESS, dispute, now, actor)
    return row


def _petitioner(session: Session, dispute: Dispute, now: dt.datetime) -> Visitor:
    """The first party named, entered as the case's petitioner (the register keeps names only)."""
    name = dispute.parties.replace("，", ",").replace("、", ",").split(",")[0].strip()
    visitor = Visitor(
        name=name,
        name_initials=name_initials(name),
        township=dispute.township,
        village=dispute.village,
        created_at=now,
    )
    session.add(visitor)
    session.flush()
    return visitor


def record_outcome(
    session: Session,
    dispute_id: int,
    outcome: str,
    note: str = "",
    actor: User | None = None,
    now: dt.datetime | None = None,
    other_party: str = "",
) -> Dispute:
    """End an entry. 转入信访事项 registers a formal case (hall.cases.new_case) for the first
    party; 移交法庭 registers it, separates it (诉访分离) and hands it to the court through the
    letters desk (hall.court.hand_off_case), so ``actor`` must be allowed to do that."""
    now = now or clock.now()
    if outcome not in OUTCOME_NAMES:
        raise InvalidInput(f"化解结果“{outcome}”无效。", "outcome")
    dispute = find(session, dispute_id, lock=True)
    if dispute.outcome is not None:
        raise IllegalTransition(
            f"纠纷{dispute.number}已记录结果“{OUTCOME_NAMES[dispute.outcome]}”，不能重复记录。"
        )
    if outcome == TO_COURT and not other_party.strip():
        raise InvalidInput("移交法庭需要填写对方当事人。", "other_party")
    if outcome in (TO_CASE, TO_COURT):
        petition = cases.new_case(
            session,
            source="visit",
            visitor_id=_petitioner(session, dispute, now).id,
            visit_id=None,
            purpose="request",
            summary=f"{dispute.summary}（由矛盾纠纷{dispute.number}转入）",
            request="",
            facts="",
            reasons="",
            litigation=outcome == TO_COURT,
            urgent=dispute.risk == "major",
            received_on=dispute.found_on,
            accused_unit_id=None,
            accused="",
            actor=actor,
            now=now,
        )
        dispute.case_id = petition.id
        if outcome == TO_COURT:
            if actor is None:
                raise InvalidInput("移交法庭须由办信办案窗口的工作人员登录后办理。", "outcome")
            cases.separate(session, petition.id, note or "矛盾纠纷移交法庭", actor, now)
            brief = court.HandoffBrief(dispute.parties, other_party.strip(), dispute.summary)
            dispute.handoff_id = court.hand_off_case(session, petition.id, brief, actor, now).id
    dispute.outcome = outcome
    dispute.outcome_note = note.strip()
    dispute.closed_on = now.date()
    _log(session, EventKind.DISPUTE_CLOSED, dispute, now, actor, outcome=outcome)
    return dispute


# ---------------------------------------------------------------------------------------------
# Lists and figures


@dataclass(frozen=True)
class DisputeRow:
    id: int
    number: str
    source: str
    found_on: dt.date
    parties: str
    township: str
    village: str
    category: str
    people: int
    risk: str
    leader: str
    unit: str
    keeper: str
    due_on: dt.date | None
    outcome: str
    overdue: bool
    assignment_number: str


def row(dispute: Dispute, unit: str, on: dt.date) -> DisputeRow:
    return DisputeRow(
        id=dispute.id,
        number=dispute.number,
        source=SOURCE_NAMES.get(dispute.source, dispute.source),
        found_on=dispute.found_on,
        parties=dispute.parties,
        township=dispute.township,
        village=dispute.village,
        category=dispute.category,
        people=dispute.people,
        risk=RISK_NAMES[dispute.risk],
        leader=dispute.leader,
        unit=unit,
        keeper=dispute.keeper,
        due_on=dispute.due_on,
        outcome=OUTCOME_NAMES.get(dispute.outcome or "", ""),
        overdue=dispute.outcome is None and dispute.due_on is not None and dispute.due_on < on,
        assignment_number=dispute.assignment_number or "",
    )


def rows_of(session: Session, query: Select[tuple[Dispute]], on: dt.date) -> list[DisputeRow]:
    joined = query.add_columns(ResponsibleUnit.name).outerjoin(
        ResponsibleUnit, ResponsibleUnit.id == Dispute.unit_id
    )
    return [row(d, unit or "", on) for d, unit in session.execute(joined)]


def search(
    session: Session,
    *,
    township: str = "",
    leader: str = "",
    open_only: bool = False,
    offset: int = 0,
    limit: int = PAGE,
    on: dt.date | None = None,
) -> list[DisputeRow]:
    query = select(Dispute)
    if township:
        query = query.where(Dispute.township == township)
    if leader:
        query = query.where(Dispute.leader == leader)
    if open_only:
        query = query.where(Dispute.outcome.is_(None))
    query = query.order_by(Dispute.id.desc()).offset(offset).limit(limit)
    return rows_of(session, query, on or clock.now().date())


def led_by(session: Session, leader: str, on: dt.date | None = None) -> list[DisputeRow]:
    """The open entries a leader leads (包案), nearest deadline first, for the home screen."""
    query = (
        select(Dispute)
        .where(Dispute.leader == leader, Dispute.outcome.is_(None))
        .order_by(Dispute.due_on, Dispute.id)
    )
    return rows_of(session, query, on or clock.now().date())


def overdue(session: Session, on: dt.date | None = None, leader: str = "") -> list[DisputeRow]:
    """Open entries past their target date, for the leaders' and supervisors' screens; with
    ``leader``, only those he or she leads."""
    on = on or clock.now().date()
    query = select(Dispute).where(Dispute.outcome.is_(None), Dispute.due_on < on)
    if leader:
        query = query.where(Dispute.leader == leader)
    return rows_of(session, query.order_by(Dispute.due_on, Dispute.id), on)


@dataclass(frozen=True)
class ResolutionRate:
    name: str
    assigned: int
    closed: int
    resolved: int

    @property
    def rate(self) -> float | None:
        """化解率: entries resolved (化解) among those that have an outcome; None before any."""
        return self.resolved / self.closed if self.closed else None


def resolution_rates(
    session: Session, by: str, start: dt.date | None = None, end: dt.date | None = None
) -> list[ResolutionRate]:
    """化解率 per 包案领导 (``by="leader"``) or per responsible unit (``by="unit"``) for entries
    found in [start, end], best first."""
    if by not in ("leader", "unit"):
        raise InvalidInput("化解率只能按包案领导或责任单位统计。", "by")
    key = Dispute.leader if by == "leader" else ResponsibleUnit.name
    query = (
        select(
            key,
            func.count(Dispute.id),
            func.count(Dispute.outcome),
            func.sum(case((Dispute.outcome == RESOLVED, 1), else_=0)),
        )
        .select_from(Dispute)
        .outerjoin(ResponsibleUnit, ResponsibleUnit.id == Dispute.unit_id)
        .where(key.is_not(None), key != "")
        .group_by(key)
    )
    if start is not None:
        query = query.where(Dispute.found_on >= start)
    if end is not None:
        query = query.where(Dispute.found_on <= end)
    rates = [
        ResolutionRate(name, total, closed, int(ok or 0))
        for name, total, closed, ok in session.execute(query)
    ]
    return sorted(rates, key=lambda r: (-(r.rate or 0.0), -r.assigned, r.name))


@dataclass(frozen=True)
class DisputeDetail:
    """One entry as the drill from an overdue list shows it: its row, what happened, and its
    progress notes, oldest first."""

    row: DisputeRow
    summary: str
    progress: list[tuple[dt.date, str]]


def detail(session: Session, dispute_id: int, on: dt.date | None = None) -> DisputeDetail:
    dispute = find(session, dispute_id)
    [found] = rows_of(
        session, select(Dispute).where(Dispute.id == dispute_id), on or clock.now().date()
    )
    notes = session.execute(
        select(DisputeProgress.on, DisputeProgress.text)
        .where(DisputeProgress.dispute_id == dispute_id)
        .order_by(DisputeProgress.id)
    )
    return DisputeDetail(found, dispute.summary, [(day, text) for day, text in notes])
