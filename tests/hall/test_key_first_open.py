"""Several workstations opening a new hall database at the same moment: each finds it not
yet marked with a key, one marks it, and the others read that mark instead of failing."""

from __future__ import annotations

import multiprocessing
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


def _open(url: str, start: Barrier, results: Any) -> None:
    database = Database(url)
    try:
        for _ in range(ROUNDS):
            start.wait(timeout=120)
            try:
                with database.write() as s:
                    results.put(keys.unlock(s).current.key_id)
            except Exception as error:
                results.put(f"{type(error).__name__}: {error}")
    finally:
        database.dispose()


def _unmark(db: Database) -> None:
    with db.write() as s:
        s.execute(
            delete(HallSetting).where(
                HallSetting.key.in_((keys.KEY_ID_SETTING, keys.KEY_CHECK_SETTING))
            )
        )
        assert keys.database_key_id(s) is None


def test_workstations_first_opening_a_database_at_once_all_unlock_it(db: Database) -> None:
    key_file = keys.load_keyring()
    assert key_file is not None
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS + 1)
    results = context.Queue()
    workers = [context.Process(target=_open, args=(db.url, start, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    try:
        for _ in range(ROUNDS):
            _unmark(db)
            start.wait(timeout=120)
            outcomes = [results.get(timeout=120) for _ in workers]
            assert outcomes == [key_file.current.key_id] * WORKERS
            with db.read() as s:
                marked = s.scalars(
                    select(HallSetting.value).where(HallSetting.key == keys.KEY_ID_SETTING)
                ).all()
            assert marked == [key_file.current.key_id]
    finally:
        start.abort()
        for worker in workers:
            worker.join(timeout=60)


def _walk(url: str, start: Barrier, results: Any) -> None:
    database = Database(url)
    try:
        crypto.use_keyring(keys.load_keyring())
        for _ in range(ROUNDS):
            start.wait(timeout=120)
            try:
                results.put(at_rest.encrypt_pending(database).total)
            except Exception as error:
                results.put(f"{type(error).__name__}: {error}")
    finally:
        database.dispose()


def test_workstations_first_opening_a_database_at_once_all_find_it_encrypted(
    db: Database,
) -> None:
    """Each finds the walk not yet recorded, walks (nothing to do) and records it: the others'
    records do not make it fail (a queue press that opens faster met this race)."""
    key_file = keys.load_keyring()
    assert key_file is not None
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(WORKERS + 1)
    results = context.Queue()
    workers = [context.Process(target=_walk, args=(db.url, start, results)) for _ in range(WORKERS)]
    for worker in workers:
        worker.start()
    try:
        for _ in range(ROUNDS):
            with db.write() as s:
                s.execute(delete(HallSetting).where(HallSetting.key == at_rest.DONE_SETTING))
            start.wait(timeout=120)
            outcomes = [results.get(timeout=120) for _ in workers]
            assert outcomes == [0] * WORKERS
            with db.read() as s:
                marked = s.scalars(
                    select(HallSetting.value).where(HallSetting.key == at_rest.DONE_SETTING)
                ).all()
            assert marked == [key_file.current.key_id]
    finally:
        start.abort()
        for worker in workers:
            worker.join(timeout=60)
