"""``hall-admin backup``/``restore`` and ``key …`` on both databases: an encrypted, verified
backup restored into an empty database with the same counts; a non-empty one refused; a
workstation without the key refused; the key carried to another workstation."""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url

from cli.admin import run
from db import crypto, migrate
from db.engine import Database
from hall import backup, keys
from tests.hall.test_at_rest import ACCUSATION, ID_NUMBER, PHONE, names, register_accusation


def admin(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.fixture
def empty_target(db: Database, tmp_path: Path) -> Iterator[Database]:
    """A second, empty database of the same kind as ``db``, migrated."""
    if db.is_sqlite:
        database = Database(f"sqlite:///{tmp_path / 'restored.sqlite3'}")
        migrate.upgrade(database.engine)
        yield database
        database.dispose()
        return
    server = make_url(db.url)
    name = f"hall_restore_{uuid.uuid4().hex[:12]}"
    admin_url = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    database = Database(server.set(database=name).render_as_string(hide_password=False))
    migrate.upgrade(database.engine)
    yield database
    database.dispose()
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_backup_then_restore_gives_the_same_counts(
    hall_db: Database,
    empty_target: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    register_accusation(hall_db)
    register_accusation(hall_db)
    before = backup.counts(hall_db)
    file = tmp_path / "hall.hallbak"
    code, out = admin(capsys, "--db", hall_db.url, "backup", str(file))
    assert code == 0, out
    assert "已加密并校验可恢复" in out and "来访登记：2" in out
    assert stat.S_IMODE(os.stat(file).st_mode) == 0o600
    raw = file.read_bytes()
    assert raw.startswith(backup.MAGIC)
    for secret in ("张三丰", ID_NUMBER, PHONE, ACCUSATION):
        assert secret.encode() not in raw
    code, out = admin(capsys, "--db", empty_target.url, "restore", str(file))
    assert code == 0, out
    assert "来访登记：2" in out
    # The same hall, and the restore audited in it (one event more).
    restored = before | {"event_log": before["event_log"] + 1}
    assert backup.counts(empty_target) == restored
    assert names(empty_target, ID_NUMBER) == ["张三丰"]
    # Now it holds a hall: a second restore must be asked for.
    code, out = admin(capsys, "--db", empty_target.url, "restore", str(file))
    assert code == 2 and "--force" in out
    code, out = admin(capsys, "--db", empty_target.url, "restore", str(file), "--force")
    assert code == 0, out
    assert backup.counts(empty_target) == restored


def test_an_altered_backup_is_refused(
    sqlite_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "hall.hallbak"
    assert admin(capsys, "--db", sqlite_db.url, "backup", str(file))[0] == 0
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 1
    file.write_bytes(bytes(data))
    target = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    code, out = admin(capsys, "--db", target, "restore", str(file))
    assert code == 2 and "已损坏或被改动过" in out


def test_daily_backup_once_a_day_keeping_the_last_30(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import datetime as dt

    # A data directory of its own: a program started earlier in the session made today's.
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    day = dt.datetime(2026, 6, 10, 8, 0)
    folder = tmp_path / backup.DAILY_FOLDER
    for old in range(35):
        made = folder / f"hall-2026{5 if old < 31 else 6:02d}{old % 31 + 1:02d}.hallbak"
        folder.mkdir(exist_ok=True)
        made.write_bytes(b"old")
    first = backup.daily_backup(sqlite_db, day)
    assert first is not None and first.name == "hall-20260610.hallbak"
    assert backup.daily_backup(sqlite_db, day.replace(hour=15)) is None
    kept = sorted(folder.glob("*.hallbak"))
    assert len(kept) == backup.DAILY_KEEP and kept[-1] == first


def test_without_the_key_hall_admin_refuses_and_an_imported_key_lets_it_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'hall.sqlite3'}"
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "first"))
    monkeypatch.setenv("HALL_KEY_PASSPHRASE", "大厅密钥口令2026")
    assert admin(capsys, "--db", url, "init")[0] == 0
    exported = tmp_path / "key.export"
    code, out = admin(capsys, "--db", url, "key", "export", str(exported))
    assert code == 0, out
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path / "second"))
    crypto.use_keyring(None)
    code, out = admin(capsys, "--db", url, "queue", "status")
    assert code == 2 and "本机没有这个大厅的数据密钥" in out and "key import" in out
    code, out = admin(capsys, "--db", url, "key", "import", str(exported))
    assert code == 0, out
    assert keys.key_path().exists()
    assert admin(capsys, "--db", url, "queue", "status")[0] == 0


def test_key_rotate_and_encrypt_from_the_command_line(
    hall_db: Database,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    keys.save_keyring(crypto.current_keyring())
    register_accusation(hall_db)
    code, out = admin(capsys, "--db", hall_db.url, "key", "rotate")
    assert code == 0 and "已换用新密钥" in out, out
    code, out = admin(capsys, "--db", hall_db.url, "key", "encrypt")
    assert code == 0 and "无需处理" in out, out
    assert names(hall_db, PHONE) == ["张三丰"]
