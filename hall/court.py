"""The hand-off between the windows and the circuit court (便民巡回法庭), and who may see what.

A window hands a litigation-related visit to the court::

    window ──hand_off_to_court──▶ handed ──accept──▶ accepted (a court file opens at 接访)
                                     └──return (with a reason)──▶ returned
                                            (the window may hand the visit over again)

The letters desk hands over a formal case it separated from petitions (诉访分离) the same way
(:func:`hand_off_case`). A case opened from a letter has no visit, so the letter is entered in
the register of visits (channel 来信) and that record is handed over: the court's inbox, its
files and its figures work from one kind of record, whichever way the matter came in.

The hand-off, the visit's new status and the event log entry are written in the caller's one
transaction, so the court's inbox hears of it as soon as it is committed. The court file itself
(registration, stages, mediation, outcomes) is :mod:`hall.court_cases`.

Who sees what:

* the court file is read only by the court's clerks and administrators
  (:func:`may_read_court_file`);
* a window officer sees, for a visit of theirs, the hand-off and, of the court file, only the
  court case number, the stage and the outcome (:func:`court_status`);
* confidential visits (accusations, 揭发控告, and complaints the supervision window flagged,
  :mod:`hall.confidentiality`) stay confidential on the way to the court too: the clerk works
  from what the hand-off says; the visit's own content is withheld from anyone who may not
  read accusations, and every opening of one is logged (:func:`handed_visit`).

Event payloads carry numbers and states, never the matter itself (they feed live screens).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, events
from db.case_models import COURT_HANDOFF_PENDING, PetitionCase
from db.court_models import (
    ACCEPTED,
    HANDED,
    HANDOFF_STATE_NAMES,
    OUTCOME_NAMES,
    PETITION_HANDED,
    RECEPTION,
    RETURNED,
    STAGE_NAMES,
    VISIT_HANDED,
    VISIT_RETURNED,
    CourtCase,
    CourtHandoff,
)
from db.models import ServiceWindow, User, Visit
from hall import cases, clock, confidentiality, json_form, queue, settings, users
from hall.cases import WITHHELD
from hall.catalog import CHANNELS, PURPOSES
from hall.errors import IllegalTransition, InvalidInput, NotFound, PermissionDenied
from hall.masking import mask_name
from hall.reception import new_visit_code
from hall.visitors import new_query_code

# The window the court receives walk-in visitors at (the seeded code of 便民巡回法庭).
COURT_WINDOW = "court"
DEFAULT_TRIBUNAL = "便民巡回法庭"
MAX_PARTY = 64
MAX_OTHER_PARTY = 100
ACTIVE = frozenset({HANDED, ACCEPTED})
# What CourtHandoff.barcode prints: YJ, the year, a hyphen and the sequence number.
BARCODE = re.compile(r"^YJ(\d{4})-(\d{4,})$")


class InvalidForm(InvalidInput):
    """Several fields at fault at once. ``problems`` holds one :class:`InvalidInput` per field,
    for a form to mark each; the message names them all, missing ones first, in one go."""

    def __init__(self, what: str, problems: Sequence[InvalidInput]) -> None:
        missing = [p.missing for p in problems if isinstance(p, MissingField)]
        other = [p.message for p in problems if not isinstance(p, MissingField)]
        parts = []
        if missing:
            parts.append(f"请填写{'、'.join(missing)}。")
        parts.extend(other)
        super().__init__(f"{what}不完整：{''.join(parts)}", problems[0].field)
        self.problems = list(problems)


class MissingField(InvalidInput):
    """A required field left empty; ``missing`` is its name as the form labels it."""

    def __init__(self, label: str, field: str) -> None:
        super().__init__(f"请填写{label}。", field)
        self.missing = label


def raise_problems(what: str, problems: Sequence[InvalidInput]) -> None:
    if problems:
        raise InvalidForm(what, problems)


@dataclass(frozen=True)
class Letterhead:
    """The names the court's papers are headed with."""

    hall_name: str
    # The people's court (义马市人民法院) and its tribunal in the hall (the court window's name).
    court_name: str
    tribunal: str

    @property
    def circuit_court(self) -> str:
        return f"{self.court_name}{self.tribunal}"


def letterhead(session: Session) -> Letterhead:
    window = session.scalar(select(ServiceWindow).where(ServiceWindow.code == COURT_WINDOW))
    return Letterhead(
        hall_name=settings.get(session, settings.HALL_NAME),
        court_name=settings.get(session, settings.COURT_NAME),
        tribunal=window.name if window is not None else DEFAULT_TRIBUNAL,
    )


# ---------------------------------------------------------------------------------------------
# Who may do what


def may_read_court_file(user: User | None) -> bool:
    """The court's clerks and administrators; nobody else opens a court file."""
    return user is not None and user.active and users.has_role(user, users.CLERK, users.ADMIN)


def require_clerk(user: User) -> None:
    """Refuse anyone but a clerk or an administrator, for reading a court file or working it."""
    if not may_read_court_file(user):
        raise PermissionDenied(
            f"法庭卷宗只有法庭书记员和管理员可以查看和办理，{user.name}没有这个权限。"
            "窗口可在来访记录中查看移交情况、案号、所处阶段和结果。"
        )


def _require_window(user: User, visit: Visit) -> None:
    if users.has_role(user, users.ADMIN):
        return
    serves = visit.window_id in {w.id for w in user.windows}
    if not (serves and users.has_role(user, users.OFFICER, users.CLERK)):
        raise PermissionDenied(
            f"{user.name}不在这次来访所在的窗口，不能把它移交法庭。请由该窗口的工作人员办理。"
        )


# ---------------------------------------------------------------------------------------------
# Handing off


@dataclass
class HandoffBrief:
    """What the officer confirms when handing over: the parties and the claim in brief."""

    party: str
    other_party: str
    claim: str


def check_brief(brief: HandoffBrief) -> list[InvalidInput]:
    problems: list[InvalidInput] = []
    if not brief.party.strip():
        problems.append(MissingField("当事人姓名", "party"))
    elif len(brief.party.strip()) > MAX_PARTY:
        problems.append(InvalidInput(f"当事人姓名最多 {MAX_PARTY} 个字。", "party"))
    if not brief.other_party.strip():
        problems.append(MissingField("对方当事人", "other_party"))
    elif len(brief.other_party.strip()) > MAX_OTHER_PARTY:
        problems.append(InvalidInput(f"对方当事人最多 {MAX_OTHER_PARTY} 个字。", "other_party"))
    if not brief.claim.strip():
        problems.append(MissingField("诉求简要", "claim"))
    return problems


def handoff_number(year: int, seq: int) -> str:
    return f"移交〔{year}〕{seq:04d}号"


def brief_for(session: Session, visit_id: int) -> HandoffBrief:
    """The form's starting point: the visitor as the party; the other side and the claim are
    for the officer to confirm (a confidential visit's matter is not copied onto the slip)."""
    visit = _visit(session, visit_id)
    confidential = confidentiality.is_confidential(session, visit)
    claim = "" if confidential else (visit.request or visit.summary)
    return HandoffBrief(party=visit.visitor.name, other_party="", claim=claim)


def _visit(session: Session, visit_id: int, lock: bool = False) -> Visit:
    """The visit; with ``lock``, its row is locked until the transaction ends, so that two
    officers handing it over at once take turns and the second finds it handed."""
    stmt = select(Visit).where(Visit.id == visit_id)
    if lock:
        stmt = stmt.with_for_update(of=Visit).execution_options(populate_existing=True)
    visit = session.scalar(stmt)
    if visit is None:
        raise NotFound(f"找不到编号为 {visit_id} 的来访登记。")
    return visit


def _active_handoff(session: Session, visit_id: int) -> CourtHandoff | None:
    return session.scalar(
        select(CourtHandoff).where(
            CourtHandoff.visit_id == visit_id, CourtHandoff.state.in_(ACTIVE)
        )
    )


def _mark_separated_case(
    session: Session,
    handoff: CourtHandoff,
    old: str,
    new: str,
    actor: User,
    now: dt.datetime,
) -> None:
    """A petition case separated from petitions (诉访分离) waits for its visit to reach the
    court; keep its mark in step with the hand-off, and its timeline telling what happened."""
    for case in session.scalars(
        select(PetitionCase).where(
            PetitionCase.visit_id == handoff.visit_id, PetitionCase.court_handoff == old
        )
    ):
        case.court_handoff = new
        events.append(
            session,
            "case.handed_to_court" if new == PETITION_HANDED else "case.court_returned",
            "case",
            case.id,
            now,
            actor.id,
            {"number": case.number, "state": case.state, "handoff_number": handoff.number},
        )


def _log(session: Session, kind: str, handoff: CourtHandoff, now: dt.datetime, actor: User) -> None:
    events.append(
        session,
        kind,
        "court_handoff",
        handoff.id,
        now,
        actor.id,
        {
            "number": handoff.number,
            "state": handoff.state,
            "visit_id": handoff.visit_id,
            "window": handoff.window.code,
        },
    )


def hand_off_to_court(
    session: Session,
    visit_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Hand the visit to the court: it becomes "handed to court", the hand-off gets its number
    (移交〔2026〕0007号), and the court's inbox is told, all in the caller's transaction."""
    now = now or clock.now()
    visit = _visit(session, visit_id, lock=True)
    _require_window(actor, visit)
    raise_problems("移交信息", check_brief(brief))
    return _hand_off(session, visit, visit.window_id, brief, actor, now)


def _hand_off(
    session: Session,
    visit: Visit,
    window_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime,
) -> CourtHandoff:
    active = _active_handoff(session, visit.id)
    if active is not None:
        raise IllegalTransition(
            f"这次来访已经移交法庭（{active.number}，{HANDOFF_STATE_NAMES[active.state]}），"
            "不能重复移交。"
        )
    seq = counters.next_value(session, f"court_handoff:{now.year}")
    handoff = CourtHandoff(
        number=handoff_number(now.year, seq),
        year=now.year,
        seq=seq,
        visit_id=visit.id,
        window_id=window_id,
        party=brief.party.strip(),
        other_party=brief.other_party.strip(),
        claim=brief.claim.strip(),
        state=HANDED,
        handed_at=now,
        handed_by=actor.id,
        return_reason="",
    )
    handoff.visit = visit
    # The actor may come from the caller's own session (a workstation keeps its user).
    handoff.officer = session.get_one(User, actor.id)
    session.add(handoff)
    session.flush()
    visit.status = VISIT_HANDED
    visit.litigation = True
    _mark_separated_case(session, handoff, COURT_HANDOFF_PENDING, PETITION_HANDED, actor, now)
    _log(session, "court.handoff", handoff, now, actor)
    return handoff


def _require_cases_desk(user: User) -> None:
    if users.has_role(user, users.ADMIN):
        return
    if users.has_role(user, users.OFFICER) and cases.CASES_WINDOW in users.window_codes(user):
        return
    raise PermissionDenied(
        f"{user.name}不是办信办案窗口的工作人员，不能把信访事项移交法庭。请由办信办案窗口办理。"
    )


def brief_for_case(session: Session, case_id: int) -> HandoffBrief:
    """The form's starting point for a case: the petitioner as the party and, unless the case
    is an accusation, its request as the claim; the other side is for the officer to name."""
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    claim = "" if cases.is_confidential(case) else (case.request or case.summary)
    return HandoffBrief(party=case.visitor.name, other_party="", claim=claim)


def _letter_visit(
    session: Session, case: PetitionCase, window: ServiceWindow, actor: User, now: dt.datetime
) -> Visit:
    """The case's letter entered in the register of visits, for the court to take over."""
    visit = Visit(
        code=new_visit_code(session, now),
        query_code=new_query_code(),
        visitor_id=case.visitor_id,
        channel="letter",
        purpose=case.purpose,
        summary=case.summary,
        request=case.request,
        facts=case.facts,
        reasons=case.reasons,
        litigation=True,
        urgent=case.urgent,
        window_id=window.id,
        status="open",
        outcome_notes="",
        created_at=now,
        created_by=actor.id,
    )
    session.add(visit)
    session.flush()
    case.visit_id = visit.id
    return visit


def hand_off_case(
    session: Session,
    case_id: int,
    brief: HandoffBrief,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Hand a case the letters desk separated from petitions (诉访分离) to the court, from the
    letters desk: the case's visit, or for a case opened from a letter the letter entered in
    the register of visits. Refused unless the case waits for the court (separated, and not
    handed over or handed back since)."""
    now = now or clock.now()
    _require_cases_desk(actor)
    case = cases.case_for_update(session, case_id)
    if case.court_handoff is None:
        raise IllegalTransition(
            f"信访事项{case.number}没有作诉访分离处理，不能移交法庭；"
            "属于诉讼的事项请先作“转法庭（诉访分离）”处理。"
        )
    if case.court_handoff != COURT_HANDOFF_PENDING:
        raise IllegalTransition(f"信访事项{case.number}已经移交法庭，不能重复移交。")
    raise_problems("移交信息", check_brief(brief))
    window = queue.window_by_code(session, cases.CASES_WINDOW)
    if case.visit_id is not None:
        visit = _visit(session, case.visit_id, lock=True)
        active = _active_handoff(session, visit.id)
        if active is not None:
            # Its window handed the visit over before the case was separated: the matter is
            # with the court already, so the case follows that hand-off.
            _mark_separated_case(
                session, active, COURT_HANDOFF_PENDING, PETITION_HANDED, actor, now
            )
            return active
    else:
        visit = _letter_visit(session, case, window, actor, now)
    return _hand_off(session, visit, window.id, brief, actor, now)


def case_court_status(session: Session, case_id: int) -> CourtFlowBack | None:
    """What the letters desk sees of the court's work on a case it handed over."""
    visit_id = session.scalar(select(PetitionCase.visit_id).where(PetitionCase.id == case_id))
    return court_status(session, visit_id) if visit_id is not None else None


def _handoff(session: Session, handoff_id: int, lock: bool = False) -> CourtHandoff:
    """The hand-off; with ``lock``, its row is locked until the transaction ends, so that of two
    clerks accepting or returning it at once the second sees what the first did."""
    stmt = select(CourtHandoff).where(CourtHandoff.id == handoff_id)
    if lock:
        stmt = stmt.with_for_update(of=CourtHandoff).execution_options(populate_existing=True)
    handoff = session.scalar(stmt)
    if handoff is None:
        raise NotFound(f"找不到编号为 {handoff_id} 的移交记录。")
    return handoff


def find_handoff(session: Session, code: str) -> CourtHandoff:
    """The hand-off a slip names: by its number, or by the barcode the clerk's scanner reads."""
    code = code.strip()
    found = None
    if code.startswith("移交"):
        found = session.scalar(select(CourtHandoff).where(CourtHandoff.number == code))
    elif match := BARCODE.match(code.upper()):
        found = session.scalar(
            select(CourtHandoff).where(
                CourtHandoff.year == int(match[1]), CourtHandoff.seq == int(match[2])
            )
        )
    if found is None:
        raise NotFound(f"没有查到“{code}”对应的移交单，请核对移交单上的编号或条码。")
    return found


def _require_state(handoff: CourtHandoff, action: str) -> None:
    if handoff.state != HANDED:
        raise IllegalTransition(
            f"移交单{handoff.number}当前为“{HANDOFF_STATE_NAMES[handoff.state]}”，不能{action}。"
        )


def accept_handoff(
    session: Session, handoff_id: int, actor: User, now: dt.datetime | None = None
) -> CourtCase:
    """The clerk takes the matter over: a court file opens at the 接访 stage."""
    now = now or clock.now()
    require_clerk(actor)
    handoff = _handoff(session, handoff_id, lock=True)
    _require_state(handoff, "接收")
    handoff.state = ACCEPTED
    handoff.decided_at = now
    handoff.decided_by = actor.id
    case = CourtCase(
        handoff_id=handoff.id,
        visit_id=handoff.visit_id,
        stage=RECEPTION,
        opened_at=now,
        opened_by=actor.id,
    )
    case.handoff = handoff
    session.add(case)
    session.flush()
    _log(session, "court.accepted", handoff, now, actor)
    return case


def return_handoff(
    session: Session,
    handoff_id: int,
    reason: str,
    actor: User,
    now: dt.datetime | None = None,
) -> CourtHandoff:
    """Send the matter back to its window, saying why; the window sees both."""
    now = now or clock.now()
    require_clerk(actor)
    handoff = _handoff(session, handoff_id, lock=True)
    _require_state(handoff, "退回")
    if not reason.strip():
        raise InvalidInput("退回移交须写明理由，窗口会看到这条理由。", "reason")
    handoff.state = RETURNED
    handoff.decided_at = now
    handoff.decided_by = actor.id
    handoff.return_reason = reason.strip()
    handoff.visit.status = VISIT_RETURNED
    _mark_separated_case(session, handoff, PETITION_HANDED, COURT_HANDOFF_PENDING, actor, now)
    _log(session, "court.returned", handoff, now, actor)
    return handoff


# ---------------------------------------------------------------------------------------------
# What the inbox, the window and the clerk see


@dataclass(frozen=True)
class HandoffView:
    """A hand-off as the inbox lists it and the slip prints it."""

    id: int
    number: str
    barcode: str
    state: str
    state_name: str
    visit_id: int
    visit_code: str
    window: str
    window_name: str
    officer: str
    party: str
    other_party: str
    claim: str
    handed_at: dt.datetime
    decided_at: dt.datetime | None
    return_reason: str

    def as_json(self) -> dict[str, object]:
        return json_form.as_json(self)


def view_handoff(handoff: CourtHandoff) -> HandoffView:
    return HandoffView(
        id=handoff.id,
        number=handoff.number,
        barcode=handoff.barcode,
        state=handoff.state,
        state_name=HANDOFF_STATE_NAMES[handoff.state],
        visit_id=handoff.visit_id,
        visit_code=handoff.visit.code,
        window=handoff.window.code,
        window_name=handoff.window.name,
        officer=handoff.officer.name,
        party=handoff.party,
        other_party=handoff.other_party,
        claim=handoff.claim,
        handed_at=handoff.handed_at,
        decided_at=handoff.decided_at,
        return_reason=handoff.return_reason,
    )


def inbox(session: Session, viewer: User) -> list[HandoffView]:
    """The hand-offs waiting for the court to accept or return them, oldest first."""
    require_clerk(viewer)
    rows = session.scalars(
        select(CourtHandoff)
        .where(CourtHandoff.state == HANDED)
        .order_by(CourtHandoff.handed_at, CourtHandoff.id)
    )
    return [view_handoff(h) for h in rows]


def open_handoff(session: Session, code: str, viewer: User) -> HandoffView:
    """What scanning a slip's barcode (or typing its number) opens at the clerk's desk."""
    require_clerk(viewer)
    return view_handoff(find_handoff(session, code))


def handoff_for_slip(session: Session, code: str, viewer: User) -> CourtHandoff:
    """The hand-off whose slip is to be printed again: by the court, or by an officer of the
    window that handed it over."""
    handoff = find_handoff(session, code)
    serves = handoff.window_id in {w.id for w in viewer.windows}
    if not (may_read_court_file(viewer) or (viewer.active and serves)):
        raise PermissionDenied(
            f"移交单{handoff.number}只能由移交窗口或巡回法庭打印，{viewer.name}没有这个权限。"
        )
    return handoff


@dataclass(frozen=True)
class CourtFlowBack:
    """What a window officer sees of the court's work on a visit: the hand-off (with the
    reason, if it came back) and, of the court file, only its number, stage and outcome."""

    visit_id: int
    handoff_number: str
    handoff_state: str
    handoff_state_name: str
    return_reason: str
    case_number: str | None
    stage_name: str | None
    outcome_name: str | None

    @property
    def line(self) -> str:
        """One line for the visit's record."""
        if self.handoff_state == RETURNED:
            return f"{self.handoff_number} 法庭已退回：{self.return_reason}"
        parts = [self.handoff_number, self.handoff_state_name]
        if self.case_number:
            parts.append(f"案号{self.case_number}")
        if self.stage_name:
            parts.append(f"{self.stage_name}阶段")
        if self.outcome_name:
            parts.append(f"结果：{self.outcome_name}")
        return "，".join(parts)

    def as_json(self) -> dict[str, object]:
        return asdict(self)


def court_status(session: Session, visit_id: int) -> CourtFlowBack | None:
    """The latest hand-off of the visit as its window may see it (None if never handed)."""
    handoff = session.scalar(
        select(CourtHandoff)
        .where(CourtHandoff.visit_id == visit_id)
        .order_by(CourtHandoff.handed_at.desc(), CourtHandoff.id.desc())
        .limit(1)
    )
    if handoff is None:
        return None
    case = session.scalar(select(CourtCase).where(CourtCase.handoff_id == handoff.id))
    return CourtFlowBack(
        visit_id=visit_id,
        handoff_number=handoff.number,
        handoff_state=handoff.state,
        handoff_state_name=HANDOFF_STATE_NAMES[handoff.state],
        return_reason=handoff.return_reason,
        case_number=case.number if case else None,
        stage_name=STAGE_NAMES[case.stage] if case else None,
        outcome_name=OUTCOME_NAMES[case.outcome] if case and case.outcome else None,
    )


@dataclass(frozen=True)
class HandedVisit:
    """The visit behind a hand-off, as the clerk reads it before registering the case. For a
    confidential visit the clerk may not read, ``withheld`` is true, the matter reads
    :data:`~hall.cases.WITHHELD` and the visitor's details are blank."""

    visit_code: str
    registered_at: dt.datetime
    channel: str
    purpose: str
    withheld: bool
    visitor_name: str
    gender: str
    birth_date: dt.date | None
    phone: str
    address: str
    summary: str
    request: str
    facts: str
    reasons: str


def handed_visit(
    session: Session, handoff_id: int, viewer: User, now: dt.datetime | None = None
) -> HandedVisit:
    """The visit behind a hand-off, for the court. A confidential visit's content is withheld
    from those who may not read accusations (the clerk works from the hand-off instead), and
    every opening of one is logged: call it in a writing unit of work so the log is kept."""
    now = now or clock.now()
    require_clerk(viewer)
    handoff = _handoff(session, handoff_id)
    visit = handoff.visit
    withheld = False
    if confidentiality.is_confidential(session, visit):
        withheld = not confidentiality.may_read(viewer)
        confidentiality.log_access(session, visit, not withheld, "court", viewer, now)

    def secret(value: str) -> str:
        return WITHHELD if withheld and value else value

    visitor = visit.visitor
    address = "".join(p for p in (visitor.township, visitor.village, visitor.address) if p)
    return HandedVisit(
        visit_code=visit.code,
        registered_at=visit.created_at,
        channel=CHANNELS.get(visit.channel, visit.channel),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        withheld=withheld,
        visitor_name=mask_name(visitor.name) if withheld else visitor.name,
        gender="" if withheld else visitor.gender,
        birth_date=None if withheld else visitor.birth_date,
        phone="" if withheld else visitor.phone,
        address="" if withheld else address,
        summary=secret(visit.summary),
        request=secret(visit.request),
        facts=secret(visit.facts),
        reasons=secret(visit.reasons),
    )


def handoffs_of_visit(session: Session, visit_id: int) -> Sequence[CourtHandoff]:
    """Every hand-off of the visit, oldest first (a returned one may be followed by another)."""
    return session.scalars(
        select(CourtHandoff)
        .where(CourtHandoff.visit_id == visit_id)
        .order_by(CourtHandoff.handed_at, CourtHandoff.id)
    ).all()
