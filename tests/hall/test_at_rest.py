"""Personal data at rest: encrypted in the database, still found by the front desk; encrypting
an old database in place; key rotation; a workstation without the key; key export/import."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from db import crypto
from db.engine import Database
from db.models import Visit
from hall import at_rest, catalog, keys, queue, reception, startup, visitors

T0 = dt.datetime(2026, 6, 10, 9, 0)
ID_NUMBER = "11010519491231002X"
PHONE = "13812345678"
ADDRESS = "建设路十八号院三单元"
ACCUSATION = "副局长王某收受工程款回扣"
SECRETS = (ID_NUMBER, PHONE, ADDRESS, ACCUSATION)


def register_accusation(db: Database) -> queue.TicketView:
    reg = reception.Registration(
        name="张三丰",
        id_number=ID_NUMBER,
        phone=PHONE,
        address=ADDRESS,
        window="supervision",
        purpose="report",
        summary="反映干部问题",
        facts=ACCUSATION,
        request=ACCUSATION,
    )
    with db.write() as s:
        return queue.view(reception.register(s, reg, now=T0))


def stored_text(db: Database) -> str:
    """Everything the database holds, as its own bytes (SQLite: the file and its WAL) or as
    PostgreSQL's text output of every row of the tables that hold personal data."""
    if db.is_sqlite:
        path = Path(str(db.engine.url.database))
        wal = path.with_name(path.name + "-wal")
        raw = path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
        return raw.decode("utf-8", "replace")
    with db.engine.connect() as connection:
        return "\n".join(
            str(row)
            for table in ("visitor", "visit", "visit_representative", "event_log")
            for row in connection.execute(text(f"SELECT * FROM {table}"))
        )


def names(db: Database, query: str) -> list[str]:
    with db.read() as s:
        return [m.name for m in visitors.search(s, query)]


def test_personal_data_is_stored_encrypted_and_read_plain(hall_db: Database) -> None:
    register_accusation(hall_db)
    stored = stored_text(hall_db)
    for secret in SECRETS:
        assert secret not in stored
    assert "张三丰" in stored  # names stay as they are, for searching
    with hall_db.read() as s:
        [match] = visitors.search(s, ID_NUMBER)
        visit = visitors.history(s, match.id)[0]
        assert match.masked_phone == "138****5678"
        assert ADDRESS in match.address
        assert s.get(Visit, visit.id).facts == ACCUSATION  # type: ignore[union-attr]
    with hall_db.engine.connect() as connection:
        raw = connection.execute(text("SELECT id_number, phone, address FROM visitor")).one()
    assert all(crypto.is_encrypted(value) for value in raw)


def test_returning_visitor_found_by_encrypted_id_number(hall_db: Database) -> None:
    first = register_accusation(hall_db)
    second = register_accusation(hall_db)
    with hall_db.read() as s:
        assert s.scalar(text("SELECT count(*) FROM visitor")) == 1
    assert names(hall_db, ID_NUMBER) == ["张三丰"]
    assert names(hall_db, PHONE) == ["张三丰"]
    assert first.visit_id != second.visit_id


def plain_rows(db: Database, count: int) -> None:
    """Visitors as a database from before encryption holds them: plain, without hashes."""
    with db.engine.begin() as connection:
        for n in range(count):
            connection.execute(
                text(
                    "INSERT INTO visitor (name, name_initials, gender, id_type, id_number,"
                    " phone, township, village, address, phone_last4, created_at)"
                    " VALUES (:name, '', '', 'resident', :id, :phone, '', '', :address, '', :at)"
                ),
                {
                    "name": f"旧{n}",
                    "id": f"41128119800101{n:04d}",
                    "phone": f"1390000{n:04d}",
                    "address": f"旧地址{n}号",
                    "at": T0,
                },
            )


def test_an_old_database_is_encrypted_in_batches_and_resumes(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain_rows(db, 7)
    monkeypatch.setattr(at_rest, "BATCH", 3)
    seen: list[int] = []

    def stop_after_first_batch(table: str, done: int) -> None:
        seen.append(done)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        at_rest.encrypt_pending(db, stop_after_first_batch)
    assert seen == [3]
    with db.engine.connect() as connection:
        stored = connection.execute(text("SELECT address FROM visitor ORDER BY id")).scalars()
        assert [crypto.is_encrypted(a) for a in stored] == [True] * 3 + [False] * 4
    walked = at_rest.encrypt_pending(db, lambda table, done: seen.append(done))
    assert walked.rows == {"visitor": 4}  # only what was left
    assert seen == [3, 3, 4]
    assert "旧地址" not in stored_text(db)
    assert names(db, "13900000005") == ["旧5"]
    assert names(db, "411281198001010006") == ["旧6"]
    # Done is remembered: the next start reads nothing again.
    assert at_rest.encrypt_pending(db).rows == {}


def test_rotation_re_encrypts_under_a_new_key(
    hall_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    register_accusation(hall_db)
    old = crypto.current_keyring().current
    keys.save_keyring(crypto.current_keyring())
    with hall_db.write() as s:
        keys.mark_database(s, old)
    new, walked = at_rest.rotate(hall_db)
    assert walked.rows["visitor"] == 1 and walked.rows["visit"] == 1
    with hall_db.engine.connect() as connection:
        raw = connection.execute(text("SELECT id_number, phone, address FROM visitor")).one()
    assert {crypto.key_id_of(value) for value in raw} == {new.key_id}
    assert names(hall_db, ID_NUMBER) == ["张三丰"]
    assert names(hall_db, PHONE) == ["张三丰"]
    # The key file holds the new key first, and the old one for older backups.
    saved = keys.load_keyring()
    assert saved is not None
    assert saved.current == new and old in saved.older
    # A workstation still holding only the old key is refused.
    keys.save_keyring(crypto.Keyring(old))
    with hall_db.write() as s, pytest.raises(keys.NoHallKey, match="不是这个大厅"):
        keys.unlock(s)


def test_a_workstation_without_the_key_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "first"))
    startup.open_database(url).dispose()
    key_file = tmp_path / "first" / keys.KEY_FILE
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "second"))
    crypto.use_keyring(None)
    with pytest.raises(keys.NoHallKey, match="本机没有这个大厅的数据密钥"):
        startup.open_database(url)


def test_key_export_and_import_with_a_passphrase(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "first"))
    startup.open_database(url).dispose()
    exported = tmp_path / "hall-key.export"
    with pytest.raises(keys.HallError, match="口令太短"):
        keys.export_key(crypto.current_keyring(), exported, "short")
    keys.export_key(crypto.current_keyring(), exported, "正确的口令123")
    assert stat.S_IMODE(os.stat(exported).st_mode) == 0o600
    assert crypto.current_keyring().current.data_key not in exported.read_bytes()
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "second"))
    with pytest.raises(keys.HallError, match="口令不对"):
        keys.import_key(exported, "错误的口令123")
    assert not keys.key_path().exists()
    keys.import_key(exported, "正确的口令123")
    crypto.use_keyring(None)
    startup.open_database(url).dispose()


def test_the_sqlite_file_and_its_wal_are_owner_only(sqlite_db: Database) -> None:
    with sqlite_db.write() as s:
        catalog.seed(s)
    path = Path(str(sqlite_db.engine.url.database))
    for file in (path, path.with_name(path.name + "-wal")):
        assert stat.S_IMODE(os.stat(file).st_mode) == 0o600, file
