"""Counters on both databases: start at 1, go up by one, one sequence per name, and belong to
the caller's transaction (a rolled-back number is handed out again)."""

from __future__ import annotations

import pytest

from db import counters
from db.engine import Database


def test_a_counter_starts_at_one_and_increments(db: Database) -> None:
    with db.read() as s:
        assert counters.current_value(s, "ticket:legal:2026-11-23") == 0
    values = []
    for _ in range(3):
        with db.write() as s:
            values.append(counters.next_value(s, "ticket:legal:2026-11-23"))
    with db.write() as s:
        values += [counters.next_value(s, "ticket:legal:2026-11-23") for _ in range(2)]
        assert counters.current_value(s, "ticket:legal:2026-11-23") == 5
    assert values == [1, 2, 3, 4, 5]


def test_names_are_independent(db: Database) -> None:
    with db.write() as s:
        assert [counters.next_value(s, "a") for _ in range(3)] == [1, 2, 3]
        assert counters.next_value(s, "b") == 1
        assert counters.next_value(s, "a:2") == 1
        assert counters.next_value(s, "b") == 2
    with db.read() as s:
        assert [counters.current_value(s, n) for n in ("a", "b", "a:2", "c")] == [3, 2, 1, 0]


def test_a_rolled_back_number_is_not_used_up(db: Database) -> None:
    with db.write() as s:
        assert counters.next_value(s, "case:2026") == 1

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), db.write() as s:
        assert counters.next_value(s, "case:2026") == 2
        assert counters.next_value(s, "case:2027") == 1
        raise Abandoned
    with db.write() as s:
        assert counters.next_value(s, "case:2026") == 2
        assert counters.current_value(s, "case:2027") == 0
