"""A station that loses the hall's PostgreSQL keeps its entries and sends them exactly once
when the connection returns (a TCP proxy cuts the connection as the live-hall tests do)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.mechanism_models import StationEntry
from hall import catalog, users
from hall.mechanisms import stations
from hall.mechanisms.outbox import Outbox
from tests.pg_proxy import PgProxy


@pytest.fixture
def proxy(pg_db: Database) -> Iterator[PgProxy]:
    with pg_db.write() as s:
        catalog.seed(s)
    proxy = PgProxy(pg_db.url)
    yield proxy
    proxy.close()


@pytest.fixture
def through(proxy: PgProxy) -> Iterator[Database]:
    """The hall's database as the station's PC reaches it, over the county network."""
    database = Database(proxy.url)
    yield database
    database.dispose()


def _station(database: Database) -> int:
    with database.write() as s:
        user = users.add_user(s, "qiuzhan", "千秋站", "secret1", [users.STATION])
        stations.set_member(s, user.id, "千秋镇群众工作站", "千秋镇")
        return user.id


def _arrived(database: Database) -> int:
    with database.read() as s:
        return s.scalar(select(func.count()).select_from(StationEntry)) or 0


def test_offline_entries_are_sent_exactly_once_after_reconnecting(
    pg_db: Database, proxy: PgProxy, through: Database, tmp_path: Path
) -> None:
    station = _station(pg_db)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    proxy.cut()
    for n in range(3):
        report = outbox.submit(
            through, stations.new_draft("request", f"离线登记{n}", person="孙七"), station
        )
        assert report.offline and report.sent == 0 and report.waiting == n + 1
    assert _arrived(pg_db) == 0

    proxy.restore()
    report = outbox.send(through)
    assert (report.sent, report.waiting, report.offline) == (3, 0, False)
    assert _arrived(pg_db) == 3
    assert outbox.send(through).sent == 0
    assert _arrived(pg_db) == 3


def test_a_lost_acknowledgement_is_not_sent_twice(
    pg_db: Database, proxy: PgProxy, through: Database, tmp_path: Path
) -> None:
    station = _station(pg_db)
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    # The hall commits the entry; the station hears only of a lost connection.
    proxy.lose_next_commit_ack()
    report = outbox.submit(through, stations.new_draft("warning", "聚集苗头"), station)
    assert proxy.acks_lost == 1 and report.offline and report.waiting == 1
    assert _arrived(pg_db) == 1
    # Resending the same key finds it taken: the outbox empties, nothing is doubled.
    assert outbox.send(through).sent == 1
    assert _arrived(pg_db) == 1 and outbox.waiting() == []


def test_the_outbox_survives_a_restart_of_the_station(tmp_path: Path) -> None:
    path = tmp_path / "outbox.sqlite3"
    Outbox(path).keep(stations.new_draft("request", "重启前登记", person="甲"), 1)
    assert [d.content for d, _ in Outbox(path).waiting()] == ["重启前登记"]


def test_an_entry_the_hall_refuses_is_set_aside_with_the_reason(
    hall_db: Database, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        officer = users.add_user(s, "clerk1", "办事员", "secret1", [users.OFFICER]).id
    outbox = Outbox(tmp_path / "outbox.sqlite3")
    report = outbox.submit(hall_db, stations.new_draft("request", "诉求", person="甲"), officer)
    assert report.sent == 0 and report.waiting == 0 and "不属于任何群众工作站" in report.refused[0]
