"""The Alembic migrations against db/models.py on both databases; the SQLite engine's
settings; the backup made before a SQLite file is migrated."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from db import migrate, schema
from db.engine import SQLITE_BUSY_MS, Database

NOW = dt.datetime(2026, 11, 23, 8, 30, 15)
FIRST_REVISION = "0001"


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, schema.metadata()))


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A database with nothing in it yet, on each engine."""
    if request.param == "sqlite":
        database = Database(f"sqlite:///{tmp_path / 'empty.sqlite3'}")
        yield database
        database.dispose()
        return
    server = make_url(request.getfixturevalue("pg_url"))
    name = f"hall_migrate_{uuid.uuid4().hex[:12]}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    database = Database(server.set(database=name).render_as_string(hide_password=False))
    yield database
    database.dispose()
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_head_builds_exactly_the_models(db: Database) -> None:
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    assert schema_differences(db.engine) == []


def test_upgrade_creates_the_schema_and_is_idempotent(empty_db: Database) -> None:
    assert migrate.is_empty(empty_db.engine)
    assert migrate.needs_upgrade(empty_db.engine)
    # Nothing to lose in an empty database, so no backup.
    assert migrate.upgrade(empty_db.engine, now=NOW) is None
    assert not migrate.is_empty(empty_db.engine)
    tables = set(inspect(empty_db.engine).get_table_names())
    for _ in range(2):
        assert not migrate.needs_upgrade(empty_db.engine)
        assert migrate.upgrade(empty_db.engine, now=NOW) is None
        assert migrate.current_revision(empty_db.engine) == migrate.head_revision()
        assert set(inspect(empty_db.engine).get_table_names()) == tables
        assert schema_differences(empty_db.engine) == []


def test_every_revision_can_be_undone_and_redone(empty_db: Database) -> None:
    config = migrate.alembic_config(empty_db.engine)
    migrate.upgrade(empty_db.engine)
    command.downgrade(config, "base")
    assert migrate.current_revision(empty_db.engine) is None
    assert set(inspect(empty_db.engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(empty_db.engine)
    assert schema_differences(empty_db.engine) == []


def _fill_at_first_revision(database: Database) -> None:
    """Rows as the first release of the program wrote them (its schema, not today's)."""
    with database.engine.begin() as connection:
        connection.execute(
            text("INSERT INTO hall_setting (key, value) VALUES ('hall_name', '老大厅')")
        )
        connection.execute(
            text(
                "INSERT INTO service_window (id, code, letter, name, location, seat_count,"
                " enabled, sort_order) VALUES (1, 'legal', 'A', '法律服务', '一楼', 2, TRUE, 0)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO visitor (id, name, gender, id_type, id_number, birth_date, phone,"
                " address, created_at) VALUES (1, '张三', '女', 'resident',"
                " '11010519491231002X', '1949-12-31', '13812345678', '', :at)"
            ),
            {"at": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO visit (id, code, visitor_id, channel, purpose, summary, group_size,"
                " litigation, urgent, window_id, status, outcome_notes, created_at)"
                " VALUES (1, 'V202611230001', 1, 'visit', 'inquiry', '咨询', 1, FALSE, FALSE,"
                " 1, 'open', '', :at)"
            ),
            {"at": NOW},
        )
        connection.execute(
            text(
                "INSERT INTO ticket (id, visit_id, window_id, service_date, seq, number, status,"
                " priority, queued_at, issued_at, recall_count, notes) VALUES (1, 1, 1,"
                " '2026-11-23', 1, 'A001', 'waiting', 1, :at, :at, 0, '')"
            ),
            {"at": NOW},
        )


def _rows(engine: Engine) -> tuple[object, ...]:
    with engine.connect() as connection:
        return (
            connection.execute(text("SELECT value FROM hall_setting")).scalar_one(),
            connection.execute(text("SELECT name, id_number FROM visitor")).one()._tuple(),
            connection.execute(text("SELECT number, status FROM ticket")).one()._tuple(),
        )


def test_a_database_behind_head_is_upgraded_with_its_data(empty_db: Database) -> None:
    command.upgrade(migrate.alembic_config(empty_db.engine), FIRST_REVISION)
    _fill_at_first_revision(empty_db)
    assert migrate.needs_upgrade(empty_db.engine)

    backup = migrate.upgrade(empty_db.engine, now=NOW)

    assert migrate.current_revision(empty_db.engine) == migrate.head_revision()
    assert schema_differences(empty_db.engine) == []
    assert _rows(empty_db.engine) == ("老大厅", ("张三", "11010519491231002X"), ("A001", "waiting"))
    if empty_db.is_sqlite:
        # The file as it was before the upgrade, beside it, still at the old revision.
        path = Path(str(make_url(empty_db.url).database))
        assert backup == path.with_name("empty.20261123-083015.bak.sqlite3")
        old = Database(f"sqlite:///{backup}")
        try:
            assert migrate.current_revision(old.engine) == FIRST_REVISION
            assert _rows(old.engine) == _rows(empty_db.engine)
            old_columns = {c["name"] for c in inspect(old.engine).get_columns("visitor")}
            assert "name_initials" not in old_columns
        finally:
            old.dispose()
    else:
        assert backup is None


def test_sqlite_runs_in_wal_with_foreign_keys_and_a_busy_timeout(sqlite_db: Database) -> None:
    with sqlite_db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == SQLITE_BUSY_MS
    # And the foreign keys are enforced: a ticket for a window that does not exist.
    with pytest.raises(IntegrityError), sqlite_db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO ticket (window_id, service_date, seq, number, status, priority,"
                " queued_at, issued_at, recall_count, notes)"
                " VALUES (99, '2026-11-23', 1, 'Z001', 'waiting', 1, :at, :at, 0, '')"
            ),
            {"at": NOW},
        )


def test_backup_is_a_consistent_copy(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as connection:
        connection.execute(text("INSERT INTO hall_setting (key, value) VALUES ('a', 'committed')"))
    # Another workstation is in the middle of writing when the backup is taken.
    writer = sqlite_db.engine.connect()
    writer.begin()
    writer.execute(text("INSERT INTO hall_setting (key, value) VALUES ('b', 'in flight')"))
    try:
        backup = migrate.backup_sqlite(sqlite_db.engine, NOW)
    finally:
        writer.rollback()
        writer.close()

    assert backup is not None and backup.exists()
    copy = sqlite3.connect(backup)
    try:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT key, value FROM hall_setting").fetchall() == [
            ("a", "committed")
        ]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (
            migrate.head_revision(),
        )
    finally:
        copy.close()


def test_no_backup_for_a_file_that_is_not_there(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'missing' / 'never.sqlite3'}")
    try:
        assert migrate.backup_sqlite(database.engine, NOW) is None
    finally:
        database.dispose()


def _filled(engine: Engine, table: str, given: dict[str, object]) -> None:
    """A row of ``table`` as the schema of the moment takes it: ``given``, and a plain value of
    its type for every other column that must have one."""
    values = dict(given)
    for column in inspect(engine).get_columns(table):
        name = column["name"]
        if name in values or column["nullable"] or column.get("default") is not None:
            continue
        if column.get("autoincrement") is True or name == "id":
            continue
        kind = column["type"].python_type
        values[name] = {str: "", int: 0, bool: False, dt.date: NOW.date()}.get(kind, NOW)
    names = ", ".join(values)
    with engine.begin() as connection:
        connection.execute(
            text(f"INSERT INTO {table} ({names}) VALUES ({', '.join(':' + n for n in values)})"),
            values,
        )


def test_case_leader_migration_keeps_cases_and_guards_the_leader_of_an_archived_one(
    empty_db: Database,
) -> None:
    """0190_case_leader: a case stored before it has no leader; archived, its leader is as
    read-only as the rest; undone, the guard of 0150_secops still stands."""
    engine = empty_db.engine
    config = migrate.alembic_config(engine)
    command.upgrade(config, "0180_sec2")
    _filled(engine, "visitor", {"id": 1, "name": "张三"})
    for seq, archived in ((1, NOW.date()), (2, None)):
        number = f"信〔2026〕{seq:04d}号"
        case = {"id": seq, "number": number, "year": 2026, "seq": seq, "visitor_id": 1}
        _filled(engine, "petition_case", {**case, "archived_on": archived})

    command.upgrade(config, "0190_case_leader")
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT id, leader FROM petition_case ORDER BY id"))
        assert stored.all() == [(1, ""), (2, "")]
    with pytest.raises(DBAPIError, match="已归档的记录只读"), engine.begin() as connection:
        connection.execute(text("UPDATE petition_case SET leader = '王建国' WHERE id = 1"))
    with engine.begin() as connection:
        connection.execute(text("UPDATE petition_case SET leader = '王建国' WHERE id = 2"))

    command.downgrade(config, "0180_sec2")
    assert "leader" not in {c["name"] for c in inspect(engine).get_columns("petition_case")}
    with pytest.raises(DBAPIError, match="已归档的记录只读"), engine.begin() as connection:
        connection.execute(text("UPDATE petition_case SET state = 'closed' WHERE id = 1"))
