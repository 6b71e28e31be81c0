"""Statuses and event kinds have one home each (db.states, db.event_kinds): what the hall
writes is a member of those enums, stored as the same string as before the enums existed, and
no module spells an event kind of its own."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from db import events
from db.engine import Database
from db.event_kinds import EventKind
from db.states import (
    CaseState,
    CourtStage,
    HandoffState,
    OrderState,
    TicketStatus,
    VisitStatus,
)
from hall import demo

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop", "windows", "kit", "cli", "hall", "printing", "db")
# Files other work is rewriting while the enum lands; each still spells a kind, and the entry
# goes when it stops (the test below fails on an entry that no longer spells one).
PENDING = {"windows/opinion.py": {"opinion.added"}}
NOW = dt.datetime(2026, 11, 23, 11, 0, 0)


@pytest.fixture
def demo_hall(db: Database) -> Database:
    with db.write() as s:
        demo.seed_demo(s, now=NOW)
    return db


def stored(database: Database, sql: str) -> set[str]:
    with database.read() as s:
        return {row[0] for row in s.execute(text(sql)) if row[0] is not None}


def test_the_demo_hall_logs_only_kinds_of_the_enum(demo_hall: Database) -> None:
    kinds = stored(demo_hall, "SELECT DISTINCT kind FROM event_log")
    assert kinds <= {kind.value for kind in EventKind}
    # The demo reaches every part of the hall, so the check above covers more than the queue.
    assert {kind.split(".")[0] for kind in kinds} >= {"ticket", "visit", "case", "court", "unit"}


def test_statuses_are_stored_as_the_strings_they_always_were(demo_hall: Database) -> None:
    # A member bound as a parameter must reach the database as its value ('waiting'), never as
    # its name ('WAITING'): rows written before the enums must still match.
    columns = {
        "SELECT DISTINCT status FROM ticket": TicketStatus,
        "SELECT DISTINCT status FROM visit": VisitStatus,
        "SELECT DISTINCT state FROM petition_case": CaseState,
        "SELECT DISTINCT state FROM supervision_order": OrderState,
        "SELECT DISTINCT state FROM court_handoff": HandoffState,
        "SELECT DISTINCT stage FROM court_case": CourtStage,
    }
    for sql, enum in columns.items():
        values = stored(demo_hall, sql)
        assert values, sql
        assert values <= {member.value for member in enum}, sql
    assert "waiting" in stored(demo_hall, "SELECT DISTINCT status FROM ticket")


def test_a_kind_outside_the_enum_is_refused(db: Database) -> None:
    with db.read() as s:
        before = events.last_id(s)
    with pytest.raises(ValueError, match=r"ticket\.teleported"), db.write() as s:
        events.append(s, "ticket.teleported", "ticket", None, NOW)  # type: ignore[arg-type]
    with db.read() as s:
        assert events.last_id(s) == before


def spelt_kinds(path: Path) -> set[str]:
    values = {kind.value for kind in EventKind}
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in values
    }


def test_no_module_spells_an_event_kind_of_its_own() -> None:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            name = str(path.relative_to(ROOT))
            if "migrations" in path.parts or name == "db/event_kinds.py":
                continue
            spelt = spelt_kinds(path)
            if spelt and PENDING.get(name) != spelt:
                found[name] = spelt
    assert not found, f"use db.event_kinds.EventKind instead of spelling the kind: {found}"
    for name, spelt in PENDING.items():
        assert spelt_kinds(ROOT / name) == spelt, f"{name} no longer spells {spelt}: drop it"
