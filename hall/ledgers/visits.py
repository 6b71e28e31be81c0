"""The 来信来访登记台账: its rows checked, imported as visitors, visits, the tickets their
ratings hang on, and formal cases with the file's dates (the same columns are exported by
:mod:`hall.ledgers.visit_export`).

An imported row is a record like a typed one: the visitor is found again by ID number (or
created, with the search keys the front desk uses), the visit has its code, channel, purpose
and window, an accepted item is a case whose deadlines the calendar gives as for a live case,
so a late one shows as late and an open one past its limit as overdue.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import summary_index
from db.case_models import ACCEPTED, CLOSED, HANDLING, PetitionCase
from db.crypto import current_keyring
from db.ledger_models import LedgerRow
from db.models import Event, ServiceWindow, Ticket, Visit
from db.states import VisitOutcome
from db.summary_index import VisitSummaryToken
from db.window_models import (
    BY_OFFICER,
    Satisfaction,
    ServiceRecord,
)
from hall import calendar, cases, deadlines, settings
from hall.ledgers import people
from hall.ledgers.cells import Problem
from hall.ledgers.columns import (
    CHANNEL_CODES,
    OUTCOME_CODES,
    PURPOSE_CODES,
    SCORE_CODES,
    UNRATED,
    VISITS,
    YES,
)
from hall.ledgers.common import (
    CheckedRow,
    Value,
    insert_returning_ids,
    insert_rows,
    reserve_many,
)

# The kind's export lives in a module of its own; it is this kind's (LedgerRules.export_rows).
from hall.ledgers.visit_export import export_rows as export_rows
from hall.queue import FINISHED
from hall.visitors import new_query_code


def lookups(session: Session) -> dict[str, ServiceWindow]:
    """Windows by the names and codes a ledger may give them."""
    found: dict[str, ServiceWindow] = {}
    for window in session.scalars(select(ServiceWindow)):
        found[window.name] = window
        found[window.code] = window
    return found


def window_names(session: Session) -> list[str]:
    return list(
        session.scalars(
            select(ServiceWindow.name)
            .where(ServiceWindow.enabled)
            .order_by(ServiceWindow.sort_order)
        )
    )


def check_row(
    session: Session,
    number: int,
    values: dict[str, Value],
    today: dt.date,
    windows: dict[str, ServiceWindow],
    problems: list[Problem],
) -> None:
    """What the cells say together: dates in their order, an accepted item's dates given."""
    day = values["登记日期"]
    accepted = values["是否受理"] == YES
    accepted_on, closed_on = values["受理日期"], values["办结日期"]
    if isinstance(day, dt.date) and day > today:
        problems.append(Problem(number, "登记日期", f"{day.isoformat()}晚于今天", "请核对登记日期"))
    window = values["去往窗口"]
    if isinstance(window, str) and window not in windows:
        problems.append(
            Problem(
                number,
                "去往窗口",
                f"本大厅没有“{window}”窗口",
                f"请填写窗口名称：{'、'.join(window_names(session))}",
            )
        )
    if accepted and accepted_on is None and "受理日期" not in _bad(problems, number):
        problems.append(
            Problem(number, "受理日期", "已受理的事项没有填写受理日期", "请填写受理日期")
        )
    if not accepted and accepted_on is not None:
        problems.append(
            Problem(
                number,
                "受理日期",
                "“是否受理”为否，却填写了受理日期",
                "请把“是否受理”改为“是”，或删去受理日期",
            )
        )
    if isinstance(accepted_on, dt.date) and isinstance(day, dt.date) and accepted_on < day:
        problems.append(
            Problem(
                number,
                "受理日期",
                f"受理日期{accepted_on.isoformat()}早于登记日期{day.isoformat()}",
                "请核对两个日期",
            )
        )
    if isinstance(closed_on, dt.date):
        if accepted_on is None and "受理日期" not in _bad(problems, number):
            problems.append(
                Problem(
                    number,
                    "办结日期",
                    "填写了办结日期，却没有受理日期",
                    "请填写受理日期，并把“是否受理”改为“是”",
                )
            )
        elif isinstance(accepted_on, dt.date) and closed_on < accepted_on:
            problems.append(
                Problem(
                    number,
                    "办结日期",
                    f"办结日期{closed_on.isoformat()}早于受理日期{accepted_on.isoformat()}",
                    "请核对两个日期",
                )
            )
        elif closed_on > today:
            problems.append(
                Problem(number, "办结日期", f"{closed_on.isoformat()}晚于今天", "请核对办结日期")
            )


def _bad(problems: list[Problem], number: int) -> set[str]:
    return {p.column for p in problems if p.row == number}


def write(
    session: Session,
    rows: Sequence[CheckedRow],
    state: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
    created: dict[str, int],
) -> None:
    """Write one chunk of checked rows, in a handful of statements per table."""
    windows: dict[str, ServiceWindow] = state["windows"]
    visitor_ids, added = people.visitor_ids(
        session, [_person(r.values) for r in rows], [_day(r) for r in rows], state["visitors"]
    )
    created["新建来访人"] = created.get("新建来访人", 0) + added

    visit_codes = _codes(session, rows)
    visits = []
    for r, visitor_id, code in zip(rows, visitor_ids, visit_codes, strict=True):
        v = r.values
        window = windows[str(v["去往窗口"])]
        visits.append(
            {
                "code": code,
                "visitor_id": visitor_id,
                "query_code": new_query_code(),
                "channel": CHANNEL_CODES[str(v["信访形式"])],
                "proxy_name": "",
                "purpose": PURPOSE_CODES[str(v["信访目的"])],
                "summary": v["事由摘要"] or "",
                "request": "",
                "facts": "",
                "reasons": "",
                "group_size": v["人数"] or 1,
                "litigation": False,
                "urgent": False,
                "sensitive": False,
                "leader_reception": False,
                "priority_reason": None,
                "window_id": window.id,
                "status": "open",
                "outcome_notes": v["办理结果"] or "",
                "created_at": people.day_start(v["登记日期"]),
                "created_by": actor_id,
            }
        )
    visit_ids = insert_returning_ids(session, Visit, visits)
    created["来访登记"] = created.get("来访登记", 0) + len(visit_ids)
    # The summaries are found by their keyed tokens (db.summary_index), kept here by hand: a
    # bulk insert is not seen by the ORM's upkeep of them.
    insert_rows(
        session,
        VisitSummaryToken,
        summary_index.token_rows(
            zip(visit_ids, (str(v["summary"]) for v in visits), strict=True),
            state["token_key"],
            state["tokens"],
        ),
    )

    ticket_ids = _tickets(session, rows, visit_ids, windows, actor_id, created)
    case_ids = _cases(session, rows, visit_ids, visitor_ids, state, actor_id, now, created)
    _service_records(session, rows, visit_ids, ticket_ids, case_ids, windows, actor_id, created)
    insert_rows(
        session,
        LedgerRow,
        [
            {
                "kind": VISITS,
                "key": r.key,
                "visit_id": visit_id,
                "case_id": case_id,
                "court_case_id": None,
                "opinion_id": None,
                "extra": {k: str(r.values[k]) for k in ("内容分类", "备注") if r.values[k]},
                "imported_at": now,
                "imported_by": actor_id,
            }
            for r, visit_id, case_id in zip(rows, visit_ids, case_ids, strict=True)
        ],
    )


def _person(values: dict[str, Value]) -> people.Person:
    return people.Person(
        name=str(values["姓名"]),
        id_number=str(values["证件号码"] or ""),
        phone=str(values["联系电话"] or ""),
        township=str(values["乡镇街道"] or ""),
        village=str(values["村社区"] or ""),
        address=str(values["详细地址"] or ""),
    )


def _day(row: CheckedRow) -> dt.date:
    day = row.values["登记日期"]
    assert isinstance(day, dt.date)
    return day


def _codes(session: Session, rows: Sequence[CheckedRow]) -> list[str]:
    """Each visit's code from the day's own counter, so live visits of that day go on above."""
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for index, r in enumerate(rows):
        day = r.values["登记日期"]
        assert isinstance(day, dt.date)
        by_day[day].append(index)
    codes = [""] * len(rows)
    firsts = reserve_many(session, {f"visit:{d:%Y%m%d}": len(i) for d, i in by_day.items()})
    for day, indexes in by_day.items():
        first = firsts[f"visit:{day:%Y%m%d}"]
        for offset, index in enumerate(indexes):
            codes[index] = f"V{day:%Y%m%d}{first + offset:04d}"
    return codes


def _tickets(
    session: Session,
    rows: Sequence[CheckedRow],
    visit_ids: list[int],
    windows: dict[str, ServiceWindow],
    actor_id: int | None,
    created: dict[str, int],
) -> list[int]:
    """A finished ticket for each visit, as a served visitor has, and the rating on it: the
    figures count ratings per finished service (参评率, 满意率)."""
    groups: dict[tuple[int, dt.date], list[int]] = defaultdict(list)
    for index, r in enumerate(rows):
        day = r.values["登记日期"]
        assert isinstance(day, dt.date)
        groups[(windows[str(r.values["去往窗口"])].id, day)].append(index)
    by_id = {w.id: w for w in windows.values()}
    tickets: list[dict[str, Any]] = [{} for _ in rows]
    firsts = reserve_many(
        session,
        {f"ticket:{by_id[w].code}:{d.isoformat()}": len(i) for (w, d), i in groups.items()},
    )
    for (window_id, day), indexes in groups.items():
        window = by_id[window_id]
        first = firsts[f"ticket:{window.code}:{day.isoformat()}"]
        at = dt.datetime.combine(day, dt.time())
        for offset, index in enumerate(indexes):
            seq = first + offset
            tickets[index] = {
                "visit_id": visit_ids[index],
                "window_id": window_id,
                "service_date": day,
                "seq": seq,
                "number": f"{window.letter}{seq:03d}",
                "status": FINISHED,
                "priority": 1,
                "priority_reason": None,
                "queued_at": at,
                "issued_at": at,
                "called_at": at,
                "started_at": at,
                "finished_at": at,
                "seat": None,
                "called_by": actor_id,
                "recall_count": 0,
                "transferred_from_id": None,
                "notes": "",
            }
    ticket_ids = insert_returning_ids(session, Ticket, tickets)
    ratings = []
    for r, ticket, ticket_id in zip(rows, tickets, ticket_ids, strict=True):
        score = r.values["满意度"]
        if score and score != UNRATED:
            ratings.append(
                {
                    "ticket_id": ticket_id,
                    "visit_id": ticket["visit_id"],
                    "window_id": ticket["window_id"],
                    "score": SCORE_CODES[str(score)],
                    "source": BY_OFFICER,
                    "rated_at": ticket["finished_at"],
                    "rated_by": actor_id,
                }
            )
    insert_rows(session, Satisfaction, ratings)
    created["满意度评价"] = created.get("满意度评价", 0) + len(ratings)
    return ticket_ids


def outcome_of(values: dict[str, Value]) -> str | None:
    """The outcome the row's 办理记录 records: its 处理方式; without one, a formal case for an
    accepted item and an explanation for a result given; None for a row that says nothing of
    what was done (registered only), which gets no record, as a visit not yet served has none."""
    chosen = values["处理方式"]
    if chosen:
        return OUTCOME_CODES[str(chosen)]
    if values["是否受理"] == YES:
        return VisitOutcome.CASE
    if values["办理结果"]:
        return VisitOutcome.EXPLAINED
    return None


def _service_records(
    session: Session,
    rows: Sequence[CheckedRow],
    visit_ids: list[int],
    ticket_ids: list[int],
    case_ids: list[int | None],
    windows: dict[str, ServiceWindow],
    actor_id: int | None,
    created: dict[str, int],
) -> None:
    """The 办理记录 of each row that says what was done, on the visit's finished ticket, as a
    window's finishing records it; an accusation's record is confidential as a typed one is."""
    records = []
    for r, visit_id, ticket_id, case_id in zip(rows, visit_ids, ticket_ids, case_ids, strict=True):
        outcome = outcome_of(r.values)
        if outcome is None:
            continue
        records.append(
            {
                "ticket_id": ticket_id,
                "visit_id": visit_id,
                "window_id": windows[str(r.values["去往窗口"])].id,
                "officer_id": actor_id,
                "outcome": outcome,
                "unit_id": None,
                "unit_request": "",
                "case_id": case_id,
                "handoff_id": None,
                "next_ticket_id": None,
                "confidential": PURPOSE_CODES[str(r.values["信访目的"])]
                in cases.CONFIDENTIAL_PURPOSES,
                "recorded_at": people.day_start(r.values["登记日期"]),
            }
        )
    insert_rows(session, ServiceRecord, records)
    created["办理记录"] = created.get("办理记录", 0) + len(records)


def _cases(
    session: Session,
    rows: Sequence[CheckedRow],
    visit_ids: list[int],
    visitor_ids: list[int],
    state: dict[str, Any],
    actor_id: int | None,
    now: dt.datetime,
    created: dict[str, int],
) -> list[int | None]:
    """Accepted items become cases registered on the ledger's day and accepted on its 受理日期;
    the limits are the calendar's, as :mod:`hall.cases` gives a live case."""
    cal = state["calendar"]
    prefix = state["case_prefix"]
    accepted = [i for i, r in enumerate(rows) if r.values["是否受理"] == YES]
    by_year: dict[int, list[int]] = defaultdict(list)
    for index in accepted:
        day = rows[index].values["登记日期"]
        assert isinstance(day, dt.date)
        by_year[day.year].append(index)
    cases_made: list[PetitionCase] = []
    firsts = reserve_many(session, {f"case:{y}": len(i) for y, i in by_year.items()})
    for year, indexes in by_year.items():
        first = firsts[f"case:{year}"]
        for offset, index in enumerate(indexes):
            v = rows[index].values
            received, decided, closed = v["登记日期"], v["受理日期"], v["办结日期"]
            assert isinstance(received, dt.date) and isinstance(decided, dt.date)
            closed_on = closed if isinstance(closed, dt.date) else None
            case = PetitionCase(
                number=cases.case_number(prefix, year, first + offset),
                year=year,
                seq=first + offset,
                source="letter" if v["信访形式"] == "来信" else "visit",
                visit_id=visit_ids[index],
                visitor_id=visitor_ids[index],
                purpose=PURPOSE_CODES[str(v["信访目的"])],
                summary=v["事由摘要"] or "",
                request="",
                facts="",
                reasons="",
                litigation=False,
                urgent=False,
                accused_unit_id=None,
                accused="",
                officer_id=None,
                leader="",
                state=CLOSED if closed_on else HANDLING,
                repeat_count=0,
                received_on=received,
                decide_due=deadlines.decide_due(received, cal),
                decision=ACCEPTED,
                decided_on=decided,
                decision_note="",
                legal_channel="",
                closing_report="",
                handle_due=deadlines.handle_due(decided, 0, cal),
                extension_days=0,
                extension_reason="",
                replied_on=closed_on,
                reply_text=v["办理结果"] or "" if closed_on else "",
                closed_on=closed_on,
                review_text="",
                rereview_text="",
                execution_note="",
                created_at=people.day_start(received),
                created_by=actor_id,
            )
            cases.refresh_limits(case)
            cases_made.append(case)
    columns = [c.key for c in PetitionCase.__table__.columns if c.key != "id"]
    case_rows = [{k: getattr(c, k) for k in columns} for c in cases_made]
    ids = insert_returning_ids(session, PetitionCase, case_rows)
    created["信访事项"] = created.get("信访事项", 0) + len(ids)
    result: list[int | None] = [None] * len(rows)
    order = [i for indexes in by_year.values() for i in indexes]
    events = []
    for index, case_id, case in zip(order, ids, cases_made, strict=True):
        result[index] = case_id
        assert case.decided_on is not None and case.handle_due is not None
        events.append(
            {
                "at": now,
                "actor_id": actor_id,
                "kind": "case.imported",
                "entity": "case",
                "entity_id": case_id,
                "payload": {
                    "number": case.number,
                    "state": case.state,
                    "late_decision": case.decided_on > case.decide_due,
                    "late": (case.closed_on or now.date()) > case.handle_due,
                },
            }
        )
    insert_rows(session, Event, events)
    return result


def preview(session: Session, rows: Sequence[CheckedRow]) -> dict[str, int]:
    """What :func:`write` would create for these rows, without writing."""
    return {
        "新建来访人": people.count_new(session, [_person(r.values) for r in rows]),
        "来访登记": len(rows),
        "满意度评价": sum(1 for r in rows if r.values["满意度"] not in (None, UNRATED)),
        "信访事项": sum(1 for r in rows if r.values["是否受理"] == YES),
        "办理记录": sum(1 for r in rows if outcome_of(r.values) is not None),
    }


def prepare(session: Session, rows: Sequence[CheckedRow]) -> dict[str, Any]:
    """What the writing of every chunk needs, read once."""
    years = [
        d.year
        for r in rows
        for d in (r.values["登记日期"], r.values["受理日期"])
        if isinstance(d, dt.date)
    ]
    first, last = (min(years), max(years) + cases.CALENDAR_SPAN) if years else (2000, 2000)
    return {
        "windows": lookups(session),
        "visitors": {},
        "calendar": calendar.load(session, first, last),
        "case_prefix": settings.get(session, settings.CASE_PREFIX),
        # One key for the whole import, and the tokens of the grams met so far under it.
        "token_key": current_keyring().current,
        "tokens": {},
    }
