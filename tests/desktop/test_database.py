"""Opening a database: a hall set up before a calendar year was known learns it at start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import delete, select

from db.case_models import CalendarDay, CalendarYear
from hall import calendar, setup
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
