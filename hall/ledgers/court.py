"""The 法庭收案台账: court files imported with their hand-off, registration (案号, 程序) and
outcome, and the same columns exported. The per-type, per-year numbering of case numbers
goes on above the highest imported number, so the court never gives a number twice."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.court_models import (
    ACCEPTED,
    RECEPTION,
    REGISTRATION,
    TRACK_NAMES,
    VISIT_HANDED,
    CourtCase,
    CourtCaseType,
    CourtHandoff,
)
from db.ledger_models import LedgerRow
from db.models import ServiceWindow, Visit
from hall import calendar, court_cases
from hall.court import COURT_WINDOW, handoff_number
from hall.ledgers import people
from hall.ledgers.cells import Problem
from hall.ledgers.columns import (
    CLOSING_CODES,
    COURT,
    DIRECT_VISIT,
    TRACK_CODES,
    WINDOW_HANDOFF,
)
from hall.ledgers.common import (
    CheckedRow,
    Value,
    insert_returning_ids,
    insert_rows,
    raise_to,
    reserve_many,
)
from hall.visitors import new_query_code

# （2026）豫1281民初123号: year, court code (province character and digits), type, sequence.
CASE_NUMBER = re.compile(r"^（(\d{4})）(\D+\d+)(\D+?)(\d+)号$")
# Litigation matters reach the court from the legal services window (DOMAIN.md); a ledger
# does not say which window handed a file over, so a handed-over file comes from there.
HANDING_WINDOW = "legal"
CLOSING_NAMES = {code: name for name, code in CLOSING_CODES.items()}


@dataclass(frozen=True)
class Lookups:
    types: set[str]
    numbers: set[str]


def lookups(session: Session) -> Lookups:
    return Lookups(
        set(session.scalars(select(CourtCaseType.code))),
        set(session.scalars(select(CourtCase.number).where(CourtCase.number.is_not(None)))),
    )


def parse_number(number: str) -> tuple[int, str, int] | None:
    """The year, type and sequence a case number carries."""
    match = CASE_NUMBER.match(number)
    if match is None:
        return None
    return int(match.group(1)), match.group(3), int(match.group(4))


def check_row(
    session: Session,
    number: int,
    values: dict[str, Value],
    today: dt.date,
    known: Lookups,
    problems: list[Problem],
) -> None:
    received, registered, closed = values["收案日期"], values["立案日期"], values["结案日期"]
    case_number = values["案号"]
    for heading, day in (("收案日期", received), ("立案日期", registered), ("结案日期", closed)):
        if isinstance(day, dt.date) and day > today:
            problems.append(Problem(number, heading, f"{day.isoformat()}晚于今天", "请核对日期"))
    if isinstance(registered, dt.date) and isinstance(received, dt.date) and registered < received:
        problems.append(Problem(number, "立案日期", "立案日期早于收案日期", "请核对两个日期"))
    if isinstance(closed, dt.date) and isinstance(registered, dt.date) and closed < registered:
        problems.append(Problem(number, "结案日期", "结案日期早于立案日期", "请核对两个日期"))
    registering = ("立案日期", "案号", "程序")
    given = [h for h in registering if values[h] is not None]
    if given and len(given) < len(registering):
        for heading in registering:
            if values[heading] is None and not _bad(problems, number, heading):
                problems.append(
                    Problem(
                        number,
                        heading,
                        "已立案的案件没有填写" + heading,
                        "立案日期、案号、程序三项应一并填写；未立案的三项都不填",
                    )
                )
    if closed is not None and registered is None and not _bad(problems, number, "立案日期"):
        problems.append(
            Problem(number, "结案日期", "未立案的案件填写了结案日期", "请填写立案日期、案号和程序")
        )
    if (closed is None) != (values["结案方式"] is None):
        heading = "结案方式" if closed is not None else "结案日期"
        if not _bad(problems, number, heading):
            problems.append(
                Problem(
                    number,
                    heading,
                    "结案日期和结案方式只填了一项",
                    "已结案的两项都填，未结案的都不填",
                )
            )
    if isinstance(case_number, str):
        _check_number(number, case_number, registered, known, problems)


def _check_number(
    number: int, case_number: str, registered: Value, known: Lookups, problems: list[Problem]
) -> None:
    parsed = parse_number(case_number)
    if parsed is None:
        problems.append(
            Problem(
                number, "案号", f"“{case_number}”不是案号的格式", "请写成（2026）豫1281民初123号"
            )
        )
        return
    year, type_code, _seq = parsed
    if type_code not in known.types:
        problems.append(
            Problem(
                number,
                "案号",
                f"案件类型“{type_code}”不在本法庭的案件类型中",
                f"可用：{'、'.join(sorted(known.types))}；或请管理员先添加这个类型",
            )
        )
    elif isinstance(registered, dt.date) and registered.year != year:
        problems.append(
            Problem(number, "案号", f"案号年份 {year} 与立案日期的年份不同", "请核对案号或立案日期")
        )
    elif case_number in known.numbers:
        problems.append(
            Problem(
                number, "案号", f"案号{case_number}已经存在（本法庭或文件中前面的行）", "请核对案号"
            )
        )
    known.numbers.add(case_number)


def _bad(problems: list[Problem], number: int, heading: str) -> bool:
    return any(p.row == number and p.column == heading for p in problems)


def _day(row: CheckedRow, heading: str = "收案日期") -> dt.date:
    day = row.values[heading]
    assert isinstance(day, dt.date)
    return day


def preview(session: Session, rows: Sequence[CheckedRow]) -> dict[str, int]:
    return {
        "新建来访人": len(rows),
        "来访登记": len(rows),
        "法庭案件": len(rows),
        "已立案": sum(1 for r in rows if r.values["案号"]),
        "已结案": sum(1 for r in rows if r.values["结案日期"]),
    }


def prepare(session: Session, rows: Sequence[CheckedRow]) -> dict[str, Any]:
    years = [d.year for r in rows for d in (r.values["立案日期"],) if isinstance(d, dt.date)]
    first, last = (min(years), max(years) + 1) if years else (2000, 2000)
    windows = {w.code: w for w in session.scalars(select(ServiceWindow))}
    return {
        "windows": windows,
        "calendar": calendar.load(session, first, last),
        "visitors": {},
    }


def write(
    session: Session,
    rows: Sequence[CheckedRow],
    state: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
    created: dict[str, int],
) -> None:
    """Each file as the court desk would have made it: the party's visit handed to the court,
    the hand-off accepted, the file registered and closed on the ledger's dates."""
    assert actor_id is not None
    windows: dict[str, ServiceWindow] = state["windows"]
    court, handing = windows[COURT_WINDOW], windows[HANDING_WINDOW]
    party_ids, added = people.visitor_ids(
        session,
        [people.Person(name=str(r.values["当事人"])) for r in rows],
        [_day(r) for r in rows],
        state["visitors"],
    )
    created["新建来访人"] = created.get("新建来访人", 0) + added
    days = [_day(r) for r in rows]
    visit_firsts = reserve_many(session, _tally(f"visit:{d:%Y%m%d}" for d in days))
    handoff_firsts = reserve_many(session, _tally(f"court_handoff:{d.year}" for d in days))
    visits, handoffs = [], []
    for r, day, visitor_id in zip(rows, days, party_ids, strict=True):
        window = handing if r.values["来源"] == WINDOW_HANDOFF else court
        at = people.day_start(day)
        visit_seq = _take(visit_firsts, f"visit:{day:%Y%m%d}")
        visits.append(
            {
                "code": f"V{day:%Y%m%d}{visit_seq:04d}",
                "visitor_id": visitor_id,
                "query_code": new_query_code(),
                "channel": "visit",
                "proxy_name": "",
                "purpose": "request",
                "summary": r.values["案由"],
                "request": "",
                "facts": "",
                "reasons": "",
                "group_size": 1,
                "litigation": True,
                "urgent": False,
                "sensitive": False,
                "leader_reception": False,
                "priority_reason": None,
                "window_id": window.id,
                "status": VISIT_HANDED,
                "outcome_notes": "",
                "created_at": at,
                "created_by": actor_id,
            }
        )
        seq = _take(handoff_firsts, f"court_handoff:{day.year}")
        handoffs.append(
            {
                "number": handoff_number(day.year, seq),
                "year": day.year,
                "seq": seq,
                "window_id": window.id,
                "party": r.values["当事人"],
                "other_party": r.values["对方当事人"],
                "claim": r.values["案由"],
                "state": ACCEPTED,
                "handed_at": at,
                "handed_by": actor_id,
                "decided_at": at,
                "decided_by": actor_id,
                "return_reason": "",
            }
        )
    visit_ids = insert_returning_ids(session, Visit, visits)
    for handoff, visit_id in zip(handoffs, visit_ids, strict=True):
        handoff["visit_id"] = visit_id
    handoff_ids = insert_returning_ids(session, CourtHandoff, handoffs)
    files = [
        _court_file(r, visit_id, handoff_id, actor_id, state)
        for r, visit_id, handoff_id in zip(rows, visit_ids, handoff_ids, strict=True)
    ]
    file_ids = insert_returning_ids(session, CourtCase, files)
    created["法庭案件"] = created.get("法庭案件", 0) + len(file_ids)
    highest: dict[str, int] = {}
    for file in files:
        if file["number"] is not None:
            name = f"court_case:{file['type_code']}:{file['year']}"
            highest[name] = max(highest.get(name, 0), file["seq"])
    for name, seq in highest.items():
        raise_to(session, name, seq)
    insert_rows(
        session,
        LedgerRow,
        [
            {
                "kind": COURT,
                "key": r.key,
                "visit_id": visit_id,
                "case_id": None,
                "court_case_id": file_id,
                "opinion_id": None,
                "extra": {k: str(r.values[k]) for k in ("结案方式", "备注") if r.values[k]},
                "imported_at": now,
                "imported_by": actor_id,
            }
            for r, visit_id, file_id in zip(rows, visit_ids, file_ids, strict=True)
        ],
    )


def _tally(names: Any) -> dict[str, int]:
    counts: dict[str, int] = {}
    for name in names:
        counts[name] = counts.get(name, 0) + 1
    return counts


def _take(firsts: dict[str, int], name: str) -> int:
    value = firsts[name]
    firsts[name] = value + 1
    return value


def _court_file(
    r: CheckedRow, visit_id: int, handoff_id: int, actor_id: int, state: dict[str, Any]
) -> dict[str, Any]:
    v = r.values
    number = v["案号"]
    parsed = parse_number(str(number)) if number else None
    registered = v["立案日期"] if isinstance(v["立案日期"], dt.date) else None
    track = TRACK_CODES[str(v["程序"])] if v["程序"] else None
    closing = str(v["结案方式"]) if v["结案方式"] else None
    return {
        "handoff_id": handoff_id,
        "visit_id": visit_id,
        "stage": REGISTRATION if parsed else RECEPTION,
        "opened_at": people.day_start(_day(r)),
        "opened_by": actor_id,
        "number": number,
        "type_code": parsed[1] if parsed else None,
        "year": parsed[0] if parsed else None,
        "seq": parsed[2] if parsed else None,
        "track": track,
        "registered_on": registered,
        "registered_by": actor_id if registered else None,
        "due_on": court_cases.trial_due(registered, track, state["calendar"])
        if registered and track
        else None,
        "plaintiff_name": v["当事人"],
        "defendant_name": v["对方当事人"],
        "claims": v["案由"],
        # 移送 and 其他 close the file with no outcome of the court's; the ledger keeps the word.
        "outcome": CLOSING_CODES.get(closing) if closing else None,
        "closed_on": v["结案日期"],
        "closed_by": actor_id if v["结案日期"] else None,
        "outcome_note": closing if closing and closing not in CLOSING_CODES else "",
    }


def export_rows(session: Session, start: dt.date, end: dt.date) -> list[list[Any]]:
    first = dt.datetime.combine(start, dt.time())
    after = dt.datetime.combine(end + dt.timedelta(days=1), dt.time())
    court = session.scalar(select(ServiceWindow.id).where(ServiceWindow.code == COURT_WINDOW))
    rows = []
    for file, handoff, extra in session.execute(
        select(CourtCase, CourtHandoff, LedgerRow.extra)
        .join(CourtHandoff, CourtHandoff.id == CourtCase.handoff_id)
        .outerjoin(LedgerRow, (LedgerRow.court_case_id == CourtCase.id) & (LedgerRow.kind == COURT))
        .where(CourtCase.opened_at >= first, CourtCase.opened_at < after)
        .order_by(CourtCase.opened_at, CourtCase.id)
    ):
        extra = extra or {}
        closing = CLOSING_NAMES.get(file.outcome or "", extra.get("结案方式", ""))
        rows.append(
            [
                file.opened_at.date(),
                DIRECT_VISIT if handoff.window_id == court else WINDOW_HANDOFF,
                file.plaintiff_name or handoff.party,
                file.defendant_name or handoff.other_party,
                file.claims or handoff.claim,
                file.registered_on,
                file.number or "",
                TRACK_NAMES.get(file.track or "", ""),
                file.closed_on,
                closing if file.closed_on else "",
                extra.get("备注", ""),
            ]
        )
    return rows
