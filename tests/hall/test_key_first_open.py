"""Several workstations opening a new hall database at the same moment: each finds it not
yet marked with a key, one marks it, and the others read that mark instead of failing."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from multiprocessing.synchronize import Barrier
from typing import Any

from sqlalchemy import delete, select

from db import crypto
from db.engine import Database
from db.models import HallSetting
from hall import at_rest, keys

WORKERS = 4
# The race is a few milliseconds wide: several rounds make a lost one show every time.
ROUNDS = 12


def _unlock(database: Database) -> object:
    with database.write() as s:
        return keys.unlock(s).current.key_id


def _walk(database: Database) -> object:
    crypto.use_keyring(keys.load_keyring())
    return at_rest.encrypt_pending(database).total


def _workstation(url: str, act: Callable[[Database], object], start: Barrier, results: Any) -> None:
    """One workstation opening the database in every round, at the same moment as the others."""
    database = Database(url)
    try:
        for _ in range(ROUNDS):
            start.wait(timeout=120)
            try:
                results.put(act(database))
            except Exception as error:
                results.put(f"{type(error).__name__}: {error}")
    finally:
        database.dispose()


def _race(
    db: Database, act: Callable[[Database], object], mark: tuple[str, ...], outcome: object
) -> None:
    """Each round clears the settings ``mark`` names and lets every workstation ``act`` at
    once: each gets ``outcome``, and the first of ``mark`` holds the key's id once."""
    key_file = keys.load_keyring()
    assert key_file is not None
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS + 1)
    results = context.Queue()
    workers = [
        context.Process(target=_workstation, args=(db.url, act, start, results))
        for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    try:
        for _ in range(ROUNDS):
            with db.write() as s:
                s.execute(delete(HallSetting).where(HallSetting.key.in_(mark)))
                assert s.scalars(select(HallSetting).where(HallSetting.key.in_(mark))).all() == []
            start.wait(timeout=120)
            outcomes = [results.get(timeout=120) for _ in workers]
            assert outcomes == [outcome] * WORKERS
            with db.read() as s:
                marked = s.scalars(
                    select(HallSetting.value).where(HallSetting.key == mark[0])
                ).all()
            assert marked == [key_file.current.key_id]
    finally:
        start.abort()
        for worker in workers:
            worker.join(timeout=60)


def test_workstations_first_opening_a_database_at_once_all_unlock_it(db: Database) -> None:
    key_file = keys.load_keyring()
    assert key_file is not None
    _race(db, _unlock, (keys.KEY_ID_SETTING, keys.KEY_CHECK_SETTING), key_file.current.key_id)


def test_workstations_first_opening_a_database_at_once_all_find_it_encrypted(
    db: Database,
) -> None:
    """Each finds the walk not yet recorded, walks (nothing to do) and records it: the others'
    records do not make it fail (a queue press that opens faster met this race)."""
    _race(db, _walk, (at_rest.DONE_SETTING,), 0)
