"""Hand-off and court case numbers stay unique and gapless when several workstations — here
several OS processes, each with its own connections — hand off and register at the same moment."""

from __future__ import annotations

import multiprocessing
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
from sqlalchemy import func, select

from db.case_models import PetitionCase
from db.court_models import CourtCase, CourtHandoff
from db.engine import Database
from db.models import Visit
from hall import cases, court, court_cases, keys, letters, users
from hall.errors import IllegalTransition
from tests.hall.court_helpers import (
    T0,
    accepted_case,
    add_people,
    brief,
    hand_off,
    new_visit,
    registration,
)

WORKERS = 4
EACH = 6


def workstation(url: str) -> Database:
    """The database as a workstation opens it: with the hall key, so it reads personal data."""
    database = Database(url)
    with database.write() as s:
        keys.unlock(s)
    return database


def _work(
    url: str, visit_ids: list[int], case_ids: list[int], start: Barrier, results: Any
) -> None:
    """One workstation: hand off its visits and register its cases, one transaction each."""
    database = workstation(url)
    numbers: list[tuple[str, str]] = []
    try:
        start.wait(timeout=120)
        for visit_id, case_id in zip(visit_ids, case_ids, strict=True):
            with database.write() as s:
                handoff = court.hand_off_to_court(
                    s, visit_id, brief(), users.by_login(s, "falv"), now=T0
                )
                numbers.append(("handoff", handoff.number))
            with database.write() as s:
                case = court_cases.register_case(
                    s, case_id, registration(), users.by_login(s, "shuji"), now=T0
                )
                assert case.number is not None
                numbers.append(("case", case.number))
        results.put(numbers)
    except BaseException as error:
        results.put(f"{type(error).__name__}: {error}")
        raise
    finally:
        database.dispose()


@pytest.mark.slow
def test_numbers_stay_unique_under_concurrent_workstations(hall_db: Database) -> None:
    add_people(hall_db)
    total = WORKERS * EACH
    # Registering needs accepted hand-offs: these take the first numbers before the race.
    case_ids = [accepted_case(hall_db) for _ in range(total)]
    visit_ids = [new_visit(hall_db) for _ in range(total)]
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS)
    results = context.Queue()
    workers = [
        context.Process(
            target=_work,
            args=(
                hall_db.url,
                visit_ids[n::WORKERS],
                case_ids[n::WORKERS],
                start,
                results,
            ),
        )
        for n in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    failures = [o for o in outcomes if isinstance(o, str)]
    assert failures == []
    assert [w.exitcode for w in workers] == [0] * WORKERS
    handed = sorted(n for o in outcomes for kind, n in o if kind == "handoff")
    registered = [n for o in outcomes for kind, n in o if kind == "case"]
    assert handed == sorted(
        court.handoff_number(2026, seq) for seq in range(total + 1, 2 * total + 1)
    )
    assert sorted(registered) == sorted(
        court_cases.court_case_number(2026, "豫1281", "民初", seq) for seq in range(1, total + 1)
    )


def _race(
    url: str, visit_id: int, handoff_id: int, case_id: int, start: Barrier, results: Any
) -> None:
    """One workstation trying to hand off the same visit, accept the same hand-off and hand
    over the same letter case as the others, at the same moment; reports what happened to
    each."""
    database = workstation(url)
    outcome: list[str] = []
    try:
        start.wait(timeout=120)
        for act in ("hand off", "accept", "hand case"):
            try:
                with database.write() as s:
                    if act == "hand off":
                        officer = users.by_login(s, "falv")
                        court.hand_off_to_court(s, visit_id, brief(), officer, now=T0)
                    elif act == "accept":
                        court.accept_handoff(s, handoff_id, users.by_login(s, "shuji"), now=T0)
                    else:
                        officer = users.by_login(s, "banxin")
                        court.hand_off_case(s, case_id, brief(), officer, now=T0)
                outcome.append(f"{act}: done")
            except IllegalTransition as refused:
                outcome.append(f"{act}: {refused}")
        results.put(outcome)
    except BaseException as error:
        results.put(f"{type(error).__name__}: {error}")
        raise
    finally:
        database.dispose()


def _separated_letter_case(db: Database) -> int:
    with db.write() as s:
        officer = users.by_login(s, "banxin")
        letter = letters.LetterRegistration(
            sender_name="赵来信", received_on=T0.date(), summary="要求撤销判决", litigation=True
        )
        case_id = letters.register_letter(s, letter, officer, now=T0, new_matter=True).id
        cases.separate(s, case_id, "属于民事诉讼", officer, now=T0)
    return case_id


@pytest.mark.slow
def test_a_visit_is_handed_and_a_hand_off_accepted_once_however_many_try(
    hall_db: Database,
) -> None:
    add_people(hall_db)
    handoff_id = hand_off(hall_db, new_visit(hall_db))
    visit_id = new_visit(hall_db)
    case_id = _separated_letter_case(hall_db)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS)
    results = context.Queue()
    workers = [
        context.Process(
            target=_race, args=(hall_db.url, visit_id, handoff_id, case_id, start, results)
        )
        for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=300) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
    assert [o for o in outcomes if isinstance(o, str)] == []
    handed = sorted(o[0] for o in outcomes)
    accepted = sorted(o[1] for o in outcomes)
    cases_handed = sorted(o[2] for o in outcomes)
    assert handed == ["hand off: done"] + [
        "hand off: 这次来访已经移交法庭（移交〔2026〕0002号，待接收），不能重复移交。"
    ] * (WORKERS - 1)
    assert accepted == ["accept: done"] + [
        "accept: 移交单移交〔2026〕0001号当前为“已接收”，不能接收。"
    ] * (WORKERS - 1)
    with hall_db.read() as s:
        number = s.get_one(PetitionCase, case_id).number
        letter_visits = s.scalar(select(func.count()).where(Visit.channel == "letter"))
        assert s.scalar(select(func.count()).select_from(CourtCase)) == 1
        assert s.scalar(select(func.count()).select_from(CourtHandoff)) == 3
    # The letter is entered in the register of visits once, and handed over once.
    assert letter_visits == 1
    assert cases_handed == ["hand case: done"] + [
        f"hand case: 信访事项{number}已经移交法庭，不能重复移交。"
    ] * (WORKERS - 1)
