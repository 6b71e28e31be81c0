"""Opening a database: a hall set up before a calendar year was known learns it at start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from db import events
from db.case_models import CalendarDay, CalendarYear, PetitionCase
from db.engine import Database
from db.event_kinds import EventKind
from hall import calendar, cases, letters, setup
from hall.startup import open_database


def test_start_seeds_calendar_years_the_database_lacks(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    database = open_database(url)
    with database.write() as s:
        setup.initialise(s, "测试大厅", "411281", "豫1281", "admin", "管理员", "secret1")
        newest = max(calendar.library_years())
        s.execute(delete(CalendarDay).where(CalendarDay.source == calendar.LIBRARY))
        s.execute(delete(CalendarYear).where(CalendarYear.year == newest))
    database.dispose()
    database = open_database(url)
    with database.read() as s:
        assert newest in set(s.scalars(select(CalendarYear.year)))
        assert s.scalar(select(CalendarDay.day).where(CalendarDay.day >= dt.date(newest, 1, 1)))
    database.dispose()


@pytest.mark.parametrize("hall_day", [dt.date(2026, 12, 17)], indirect=True)
def test_start_recomputes_deadlines_stored_counting_weekends_only(db: Database) -> None:
    """A database upgraded from before the holidays fixed by law counted: a letter of
    2026-12-17 stored with 元旦 2027 as its 15-day limit gets the next working day at the next
    start, once, on its timeline."""
    url = db.engine.url.render_as_string(hide_password=False)
    with db.write() as s:
        setup.initialise(s, "测试大厅", "411281", "豫1281", "admin", "管理员", "secret1")
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张三", received_on=dt.date(2026, 12, 17), summary="宅基地纠纷"
            ),
        )
        case_id = case.id
        case.decide_due = dt.date(2027, 1, 1)  # as the program before stored it
        cases.refresh_limits(case)
    for _ in range(2):
        open_database(url).dispose()
    with db.read() as s:
        assert s.get_one(PetitionCase, case_id).decide_due == dt.date(2027, 1, 4)
        moved = [
            e.payload
            for e in events.for_entity(s, "case", case_id)
            if e.kind == EventKind.DEADLINE_ADJUSTED
        ]
    assert [(m["old"], m["new"]) for m in moved] == [("2027-01-01", "2027-01-04")]
