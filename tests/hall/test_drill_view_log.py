"""Accusations listed behind a figure of 统计分析 are logged as opened (issue 13): shown to a
reader, withheld from anyone else, visits and letters alike, where the log says 统计分析. The
screen's test is tests/desktop/test_statistics_confidential.py."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sqlalchemy import select

from db.engine import Database
from db.event_kinds import EventKind
from db.models import Event
from hall import case_views, letters, users
from hall.figures import drill_down
from hall.figures import tab_drill as t
from tests.hall.test_figures import MAY, at, known_hall

__all__ = ["known_hall"]


def view_log(database: Database) -> list[tuple[str, dict[str, object]]]:
    """Every opening of an accusation logged so far: its kind and what it names."""
    with database.read() as s:
        found = s.scalars(
            select(Event).where(Event.kind.in_(case_views.VIEW_KINDS)).order_by(Event.id)
        )
        return [(e.kind, dict(e.payload or {})) for e in found]


def test_a_withheld_accusation_letter_is_logged_as_withheld(known_hall: Database) -> None:
    with known_hall.write() as s:
        letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="赵六",
                received_on=dt.date(2026, 5, 15),
                summary="举报村干部侵占集体资金",
                purpose="report",
            ),
            now=at(dt.date(2026, 5, 15)),
            new_matter=True,
        )
        # An officer of the legal window may see the figures but not read an accusation.
        officer = users.add_user(s, "falv", "法律窗口", "secret-pass-1", [users.OFFICER], ["legal"])
    before = view_log(known_hall)
    with known_hall.write() as s:
        listed = drill_down(
            s, t.BY_CLASS, MAY, viewer=s.get(type(officer), officer.id), key="检举控告类"
        )
    assert len(listed.item_rows) == 2 and all(r.confidential for r in listed.item_rows)
    logged = view_log(known_hall)[len(before) :]
    assert sorted(kind for kind, _ in logged) == sorted(
        [EventKind.CASE_VIEW_WITHHELD, EventKind.VISIT_VIEW_WITHHELD]
    )
    assert all(payload["via"] == "statistics" for _, payload in logged)


def test_every_place_an_accusation_is_opened_is_named_in_chinese() -> None:
    """The confidential-view list names the place of each opening: every ``via`` the hall logs
    (a literal in a ``log_access`` call, or a module's ``VIA``) has its Chinese name."""
    root = Path(__file__).resolve().parents[2] / "hall"
    places: set[str] = set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        places |= set(re.findall(r"log_access\([^)]*?,\s*\"([a-z_]*)\",", source, re.S))
        places |= set(re.findall(r"^VIA = \"([a-z_]*)\"", source, re.M))
    assert {"court", "counter", "statistics"} <= places
    assert places <= set(case_views.VIEW_PLACES)
