"""Shared fixtures: a real SQLite file and a real PostgreSQL database, fresh per test.

PostgreSQL: one new database per test session (dropped at the end), migrated once, and what
the earlier tests wrote deleted before each test (tests/pg_reset.py). SQLite: a migrated
template file copied for each test.
``HALL_REQUIRE_PG=1`` (set by CI) turns a missing PostgreSQL server into a failure.

The hall's clock is pinned for every test (``hall_day``, at two in the afternoon), so the suite
passes whatever day it runs on; it runs on from there, unless a test holds it (``held_clock``).
A test marked ``dated`` runs once on each day of ``SWEEP``: the dates where a deadline, an alert
or a service day is most likely to go wrong.

A test fails when the program logs an ERROR (or CRITICAL) it did not expect: the screens log
the exceptions they turn into a message for the user, so a test could otherwise pass over a
traceback. A test that provokes one on purpose is marked ``expect_error_log``.

Each password is hashed once a session (tests/passwords.py) except in tests marked
``fresh_password_hash``, which test the hashing itself.

Every wait of ``qtbot``'s gives up after a minute at the soonest (``PATIENCE_MS``).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import psycopg
import pytest

from db import crypto, migrate
from db.crypto import HallKey, Keyring
from db.engine import Database
from hall import clock, keys
from tests import pg_reset
from tests.daytime import pin_clock
from tests.passwords import hashed_once

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from tests.questions import Questions

PG_ADMIN_URL = os.environ.get("HALL_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("HALL_REQUIRE_PG") == "1"
# What a GUI test waits for comes from a worker thread, the database's notifications or another
# process, and on a loaded CI machine that takes far longer than pytest-qt's 5 s default, or
# than the few seconds a test may name (how soon it comes on an idle machine). Waiting longer
# changes nothing in a test that passes; only a failing one takes longer to say so.
PATIENCE_MS = 60_000
QT_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive")

# An ordinary working Wednesday whose deadlines, even six months on, fall in a year whose
# holidays the calendar package knows.
DEFAULT_DAY = dt.date(2026, 6, 10)
SWEEP = {
    "friday": dt.date(2026, 12, 4),
    "eve-of-national-day": dt.date(2026, 9, 30),
    "new-years-eve": dt.date(2026, 12, 31),
    "leap-day": dt.date(2028, 2, 29),
    # A Saturday make-up workday (调休上班), the last working day before the 2026 春节 break.
    "eve-of-spring-festival": dt.date(2026, 2, 14),
}


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "expect_error_log: the test provokes an ERROR log on purpose (and fails without one)",
    )
    config.addinivalue_line(
        "markers", "fresh_password_hash: hall.users hashes every password anew, with its own salt"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if metafunc.definition.get_closest_marker("dated") and "hall_day" in metafunc.fixturenames:
        metafunc.parametrize("hall_day", list(SWEEP.values()), ids=list(SWEEP), indirect=True)


@pytest.fixture
def hall_day(request: pytest.FixtureRequest) -> dt.date:
    """The date the hall's clock is pinned to for this test."""
    day: dt.date = getattr(request, "param", DEFAULT_DAY)
    return day


@pytest.fixture(autouse=True)
def _pinned_clock(hall_day: dt.date, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    return pin_clock(monkeypatch, day=hall_day)


@pytest.fixture
def held_clock(_pinned_clock: dt.datetime, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """The hall's clock held still at the moment the test is pinned to, in this process (the
    processes it starts run on): for a test whose outcome would change if a loaded machine let
    a second or a minute pass between its steps."""
    monkeypatch.setattr(clock, "now", lambda: _pinned_clock)
    return _pinned_clock


@pytest.fixture(autouse=True)
def _password_hashed_once(request: pytest.FixtureRequest) -> Iterator[None]:
    if request.node.get_closest_marker("fresh_password_hash") is not None:
        yield
        return
    with hashed_once():
        yield


class _ErrorLog(logging.Handler):
    """The ERROR records, formatted as they come: a record kept whole would keep its
    traceback's frames, and whatever connections they hold, alive past the test."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


@pytest.fixture(autouse=True)
def _no_unexpected_error_log(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test if anything logged an ERROR it did not expect, from any thread, from its
    set-up to its database's tear-down (this fixture is set up before and torn down after
    them); a test marked ``expect_error_log`` fails if nothing did."""
    handler = _ErrorLog()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
    expected = request.node.get_closest_marker("expect_error_log") is not None
    if handler.lines and not expected:
        logged = "\n".join(handler.lines)
        pytest.fail(f"unexpected ERROR log:\n{logged}", pytrace=False)
    if expected and not handler.lines:
        pytest.fail("marked expect_error_log, but nothing logged an ERROR", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keep every test away from the user's real data directory."""
    path = tmp_path_factory.mktemp("hall-data")
    old = os.environ.get("HALL_DATA_DIR")
    os.environ["HALL_DATA_DIR"] = str(path)
    os.environ.pop("HALL_DB_URL", None)
    yield
    if old is None:
        os.environ.pop("HALL_DATA_DIR", None)
    else:
        os.environ["HALL_DATA_DIR"] = old


@pytest.fixture
def questions(monkeypatch: pytest.MonkeyPatch) -> Questions:
    """The questions asked before acts that cannot be undone, answered in place of a person
    (tests.questions). Imported here, not above: the rules' tests need no Qt."""
    from tests.questions import answer_questions

    return answer_questions(monkeypatch)


@pytest.fixture
def qtbot(qtbot: QtBot) -> QtBot:
    """pytest-qt's ``qtbot``, whose waits wait ``PATIENCE_MS`` at least."""
    for name in QT_WAITS:
        setattr(qtbot, name, _patient(getattr(qtbot, name)))
    return qtbot


def _patient(wait: Callable[..., Any]) -> Callable[..., Any]:
    def patient(*args: Any, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:
        # A wait that is not to raise watches for what must not come (assertNotEmitted waits so
        # for its ``wait``): it keeps its own length, or every such check would take a minute.
        if kwargs.get("raising") is False:
            return wait(*args, timeout=timeout, **kwargs)
        return wait(*args, timeout=max(timeout, PATIENCE_MS), **kwargs)

    return patient


@pytest.fixture(scope="session", autouse=True)
def _hall_key(_data_dir: None) -> Keyring:
    """One hall key for the session, held in the data directory's key file as a workstation
    holds it: every test database's personal data is encrypted under it."""
    keyring = Keyring(HallKey.generate())
    keys.save_keyring(keyring)
    crypto.use_keyring(keyring)
    return keyring


@pytest.fixture(autouse=True)
def _hall_key_in_use(_hall_key: Keyring) -> None:
    """Each test starts with the session's key, in use and in the key file that the processes
    it starts read (a test of rotation or of a missing key changes both)."""
    keys.save_keyring(_hall_key)
    crypto.use_keyring(_hall_key)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    database = Database(f"sqlite:///{path}")
    migrate.upgrade(database.engine)
    database.dispose()
    return path


def _pg_available() -> str | None:
    try:
        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0]


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """The URL of a new PostgreSQL database for this test session, migrated to head."""
    problem = _pg_available()
    if problem is not None:
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (HALL_REQUIRE_PG=1) but unreachable: {problem}")
        pytest.skip(f"PostgreSQL not reachable: {problem}")
    name = f"hall_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    url = f"{base}/{name}".replace("postgresql://", "postgresql+psycopg://", 1)
    database = Database(url)
    migrate.upgrade(database.engine)
    database.dispose()
    yield url
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _settle_qt() -> None:
    """Let the widgets a test closed finish what they started before its database goes.

    pytest-qt closes a test's widgets before the database fixture is torn down, but a closed
    widget is deleted later, and a worker it started (figures, a paper, a refresh) may still
    hold a pooled connection. Disposing the engine then leaves that connection to the garbage
    collector, which reports it (ResourceWarning) in whichever later test it happens to run.
    Deleting the widgets now makes their worker pools wait for their jobs."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def sqlite_db(sqlite_template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "hall.sqlite3"
    shutil.copy(sqlite_template, path)
    database = Database(f"sqlite:///{path}")
    yield database
    _settle_qt()
    database.dispose()


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:
    database = Database(pg_url)
    pg_reset.empty(database)
    yield database
    _settle_qt()
    database.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest) -> Database:
    """Each test of shared behaviour runs once on SQLite and once on PostgreSQL."""
    fixture = "sqlite_db" if request.param == "sqlite" else "pg_db"
    database: Database = request.getfixturevalue(fixture)
    return database


@pytest.fixture
def hall_db(db: Database) -> Database:
    """A database with the hall's windows and priority reasons, on both engines."""
    from hall import catalog

    with db.write() as session:
        catalog.seed(session)
    return db
