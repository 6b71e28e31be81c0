"""Case numbers stay unique and gapless when several workstations (OS processes) register
letters at the same moment, on both databases."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from multiprocessing.synchronize import Barrier

import pytest
from sqlalchemy import func, select

from db import counters
from db.case_models import PetitionCase
from db.engine import Database
from hall import letters
from tests.hall.test_court_concurrency import workstation

PROCESSES = 4
CASES_EACH = 20
RECEIVED = dt.date(2026, 3, 2)


def register_many(url: str, worker: int, start: Barrier, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    # As a workstation opens it: with the hall key, since a case's summary is encrypted.
    database = workstation(url)
    numbers = []
    try:
        start.wait(timeout=60)
        for i in range(CASES_EACH):
            with database.write() as s:
                case = letters.register_letter(
                    s,
                    letters.LetterRegistration(
                        sender_name=f"来信人{worker}-{i}",
                        received_on=RECEIVED,
                        summary="反映小区供暖不达标",
                    ),
                    now=dt.datetime(2026, 3, 2, 9, 0),
                )
                numbers.append(case.number)
    finally:
        database.dispose()
        results.put((worker, numbers))


@pytest.mark.slow
def test_concurrent_registrations_get_unique_consecutive_numbers(db: Database) -> None:
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(PROCESSES)
    results = context.Queue()
    workers = [
        context.Process(target=register_many, args=(db.url, worker, start, results))
        for worker in range(PROCESSES)
    ]
    for process in workers:
        process.start()
    collected = dict(results.get(timeout=300) for _ in workers)
    for process in workers:
        process.join(timeout=60)
        assert process.exitcode == 0
    numbers = [n for worker in range(PROCESSES) for n in collected[worker]]
    total = PROCESSES * CASES_EACH
    assert len(numbers) == total, "a worker failed to register all its letters"
    assert sorted(numbers) == [f"义群信〔2026〕{seq:04d}号" for seq in range(1, total + 1)]
    # Each worker's own numbers rise: a number is never handed out twice or out of order.
    for worker in range(PROCESSES):
        assert collected[worker] == sorted(collected[worker])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(PetitionCase)) == total
        assert counters.current_value(s, "case:2026") == total
