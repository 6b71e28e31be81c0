"""The court's and the opinions' ledgers round-trip into an empty hall on both databases:
records typed in one hall (a fresh SQLite file), exported, imported into an empty hall, come
out as the same ledger, the empty hall holds as many records as the first, and the court's
figures for the period are the same in both."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.court_models import JUDGMENT, CourtCase, CourtHandoff
from db.engine import Database
from db.models import User
from db.window_models import FORWARDED, Opinion, ServiceRecord
from hall import catalog, court_cases, court_figures, ledgers, opinions, outcomes, users
from tests.hall import court_helpers, window_helpers
from tests.hall.ledger_helpers import ZHANG
from tests.hall.test_ledgers_kinds import exported_rows

PERIOD = (dt.date(2026, 1, 1), dt.date(2026, 6, 30))
NOW = dt.datetime(2026, 6, 10, 14, 0)


@pytest.fixture
def source(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    """A second, empty hall where the records are typed."""
    path = tmp_path / "source.sqlite3"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    database.dispose()


def count(db: Database, *models: type) -> list[int]:
    with db.read() as s:
        return [s.scalar(select(func.count()).select_from(m)) or 0 for m in models]


def export(db: Database, kind: str) -> bytes:
    with db.read() as s:
        return ledgers.export(s, kind, *PERIOD)


def by(db: Database, login: str) -> User:
    with db.read() as s:
        return users.by_login(s, login)


def test_court_files_round_trip_into_an_empty_hall(source: Database, hall_db: Database) -> None:
    with source.write() as s:
        catalog.seed(s)
    court_helpers.add_people(source)
    t0 = court_helpers.T0
    # Handed over from the legal window, registered and judged; and one come straight to the
    # court, not yet registered.
    judged = court_helpers.accepted_case(source, now=t0)
    court_helpers.register(source, judged, now=t0 + dt.timedelta(days=1))
    with source.write() as s:
        court_cases.close_case(
            s, judged, JUDGMENT, users.by_login(s, "shuji"), on=dt.date(2026, 3, 20),
            now=dt.datetime(2026, 3, 20, 10),
        )  # fmt: skip
    court_helpers.accepted_case(source, now=t0 + dt.timedelta(days=7), window="court")
    exported = export(source, "court")
    assert len(exported_rows(exported)) == 2

    court_helpers.add_people(hall_db)
    with hall_db.write() as s:
        report = ledgers.import_ledger(
            s, "court", exported, actor=users.by_login(s, "shuji"), now=NOW
        )
    assert report.ok and report.created["法庭案件"] == 2, report.lines()
    assert exported_rows(export(hall_db, "court")) == exported_rows(exported)
    assert count(hall_db, CourtCase, CourtHandoff) == count(source, CourtCase, CourtHandoff)
    # The court's figures (hall-admin court figures) for the period, the same in both halls.
    with source.read() as s:
        expected = court_figures.figures(s, *PERIOD).as_json()
    with hall_db.read() as s:
        assert court_figures.figures(s, *PERIOD).as_json() == expected


def test_opinions_round_trip_into_an_empty_hall(source: Database, hall_db: Database) -> None:
    window_helpers.setup_hall(source)
    topic = window_helpers.item_id(source, "opinion_topic", "交通出行")
    unit = window_helpers.unit_id(source, "市交通运输局")
    officer = by(source, "minyi")
    typed = [
        ("陈志强", ZHANG, "建议在新区增设公交站点", "新区街道", "杨村", "新区公交首末站", unit),
        ("王丽", "", "希望延长公交末班车时间", "东区街道", "霍村", "", None),
    ]
    for day, (name, id_number, content, township, village, place, unit_id) in enumerate(typed):
        at = window_helpers.T0 + dt.timedelta(days=day)
        ticket = window_helpers.serving(
            source, "opinion", name, at=at, id_number=id_number, phone="13912345678"
        )
        with source.write() as s:
            outcomes.finish(
                s,
                ticket,
                outcomes.Outcome(
                    outcome=FORWARDED if unit_id else "resolved",
                    entry=opinions.OpinionEntry(content, topic, township, village, place),
                    unit_id=unit_id,
                    unit_request="请研究办理" if unit_id else "",
                ),
                actor=officer,
                now=at + dt.timedelta(minutes=10),
            )
    exported = export(source, "opinions")
    assert len(exported_rows(exported)) == 2

    window_helpers.setup_hall(hall_db)
    with hall_db.write() as s:
        report = ledgers.import_ledger(s, "opinions", exported, now=NOW)
    assert report.ok and report.created["社情民意"] == 2, report.lines()
    assert exported_rows(export(hall_db, "opinions")) == exported_rows(exported)
    assert count(hall_db, Opinion) == count(source, Opinion)
    # The typed opinions came with a service each; the imported ones are the bulletin's only.
    assert count(source, ServiceRecord) == [2]
