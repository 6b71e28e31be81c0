"""Backups of the hall's database, encrypted with the hall key and checked after writing, and
restoring one into an empty database.

SQLite is copied through its online backup API (consistent while other workstations write);
PostgreSQL through ``pg_dump`` (custom format), restored with ``pg_restore``. Either way the
copy is encrypted as a whole (SM4-GCM, the key's id in the clear header) into a file readable by
its owner only, then read back and decrypted to prove it restores: a backup that cannot be read
is worse than none, because it is trusted.

A single-PC hall backs itself up once a day at start-up (``daily_backup``, unless the
administrator turned it off: :data:`DAILY_BACKUP`), keeping the last 30. Every backup and every
restore is audited (``backup.made``, ``restore.done``); the 备份 screen lists the backup folder
(:func:`list_backups`), backs up now (:func:`backup_now`) and restores (:func:`restore_from`).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from db import crypto, events, schema
from db.engine import OWNER_ONLY, Database, data_dir, make_private
from db.event_kinds import EventKind
from db.models import Event, User
from hall import clock, settings, user_admin, users
from hall.errors import HallError
from hall.settings import Setting

MAGIC = b"HALLBAK1"
KINDS = {b"S": "sqlite", b"P": "postgresql"}
HEADER_BYTES = len(MAGIC) + 1 + 8
DAILY_FOLDER = "backups"
DAILY_KEEP = 30
# What a restore reports, and a backup's check compares: the hall's main records.
COUNTED = ("visitor", "visit", "ticket", "petition_case", "court_case", "app_user", "event_log")
SUFFIX = ".hallbak"
DAILY_BACKUP: Setting[bool] = Setting("daily_backup", True, "单机大厅每天自动备份")
# The steps a backup reports as it goes: copied, encrypted, checked.
STEPS = 3
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    counts: dict[str, int]


def counts(database: Database) -> dict[str, int]:
    with database.read() as session:
        tables = schema.metadata().tables
        return {
            name: session.scalar(select(func.count()).select_from(tables[name])) or 0
            for name in COUNTED
        }


def _header(kind: str, key: crypto.HallKey) -> bytes:
    letter = next(k for k, v in KINDS.items() if v == kind)
    return MAGIC + letter + key.key_id.encode("ascii")


@contextmanager
def _scratch() -> Iterator[Path]:
    """A private temporary folder for the plain copy, removed whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix="hall-backup-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise HallError(
            f"本机找不到 PostgreSQL 的 {name} 程序，无法备份或恢复 PostgreSQL 数据库。"
            "请安装与服务器版本相同的 PostgreSQL 客户端工具"
            "（Debian/Ubuntu：apt install postgresql-client；Windows：PostgreSQL 安装包中的"
            "“Command Line Tools”），并确保它在 PATH 中。"
        )
    return found


def _pg_url(database: Database) -> str:
    return make_url(database.url).set(drivername="postgresql").render_as_string(False)


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["没有输出"])[-1]
        raise HallError(f"{what}失败：{detail}")


def _plain_copy(database: Database, folder: Path) -> tuple[str, Path]:
    plain = folder / "plain"
    if database.is_sqlite:
        make_private(plain)
        source = sqlite3.connect(str(database.engine.url.database))
        try:
            target = sqlite3.connect(plain)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        return "sqlite", plain
    _run([_pg_tool("pg_dump"), "-Fc", "-f", str(plain), _pg_url(database)], "pg_dump 导出")
    return "postgresql", plain


def _encrypt_to(plain: Path, target: Path, header: bytes, key: crypto.HallKey) -> None:
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, OWNER_ONLY)
    with os.fdopen(descriptor, "wb") as out, plain.open("rb") as source:
        crypto.encrypt_file(key, source, out, header)
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, target)


def _decrypt_to(path: Path, target: Path) -> str:
    """Decrypt a backup into ``target``; the database kind it holds."""
    size = path.stat().st_size
    with path.open("rb") as source:
        header = source.read(HEADER_BYTES)
        if len(header) != HEADER_BYTES or not header.startswith(MAGIC):
            raise HallError(f"{path} 不是本程序的备份文件，请选择用 hall-admin backup 做的备份。")
        kind = KINDS.get(header[len(MAGIC) : len(MAGIC) + 1])
        key_id = header[len(MAGIC) + 1 :].decode("ascii", "replace")
        try:
            key = crypto.current_keyring().by_id(key_id)
        except crypto.KeyMissing:
            raise HallError(
                f"这份备份用的密钥（编号 {key_id}）不在本机的密钥文件中，无法解密。"
                "请导入做备份时大厅所用的密钥（hall-admin key import）后再恢复。"
            ) from None
        make_private(target)
        try:
            with target.open("wb") as out:
                for chunk in crypto.decrypt_file(key, source, size, header):
                    out.write(chunk)
        except crypto.DataCorrupted:
            raise HallError(f"备份文件 {path} 已损坏或被改动过，不能使用。") from None
    assert kind is not None
    return kind


def _check_sqlite(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise HallError(f"备份检查失败：数据库文件不完整（{result}）。")
        return {
            name: connection.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
            for name in COUNTED
        }
    finally:
        connection.close()


def backup(
    database: Database,
    target: Path,
    progress: Progress | None = None,
    actor: User | None = None,
) -> BackupResult:
    """Write an encrypted, verified backup of ``database`` to ``target``, and audit it."""
    step = progress or (lambda _done, _total: None)
    key = crypto.current_keyring().current
    expected = counts(database)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _scratch() as folder:
        kind, plain = _plain_copy(database, folder)
        step(1, STEPS)
        _encrypt_to(plain, target, _header(kind, key), key)
        step(2, STEPS)
        check = folder / "check"
        _decrypt_to(target, check)
        if kind == "sqlite":
            found = _check_sqlite(check)
            if found != expected:
                raise HallError(f"备份检查失败：备份中的记录数 {found} 与数据库 {expected} 不符。")
        else:
            _run([_pg_tool("pg_restore"), "--list", str(check)], "备份检查（pg_restore --list）")
        step(3, STEPS)
    result = BackupResult(target, target.stat().st_size, expected)
    with database.write() as session:
        events.append(
            session,
            EventKind.BACKUP_MADE,
            "backup",
            None,
            clock.now(),
            actor.id if actor else None,
            {"file": target.name, "size": result.size, "verified": True},
        )
    return result


def is_empty(database: Database) -> bool:
    """True when the database holds no visitor, visit, case or user (a fresh schema counts as
    empty: restoring is what fills it)."""
    if not inspect(database.engine).has_table("visitor"):
        return True
    return not any(counts(database)[name] for name in ("visitor", "visit", "app_user"))


def restore(database: Database, source: Path, force: bool = False, by: str = "") -> dict[str, int]:
    """Put the backup ``source`` into ``database``: refused on one that holds a hall unless
    ``force``. Returns the counts of the restored database; the restore is audited there, in
    the name of ``by`` (a login; empty for the command line)."""
    try:
        found = source.is_file()
    except OSError as error:  # a name the system cannot take (too long, say)
        raise HallError(f"无法读取备份文件（{error.strerror}），请检查路径。") from error
    if not found:
        raise HallError(f"找不到备份文件 {source}，请检查路径。")
    if not force and not is_empty(database):
        raise HallError(
            "这个数据库里已经有数据，恢复会把它们全部替换。"
            "请恢复到一个空数据库；确实要覆盖时加 --force。"
        )
    with _scratch() as folder:
        plain = folder / "plain"
        kind = _decrypt_to(source, plain)
        if kind == "sqlite" and database.is_sqlite:
            database.dispose()
            origin = sqlite3.connect(plain)
            try:
                target = sqlite3.connect(str(database.engine.url.database))
                try:
                    origin.backup(target)
                finally:
                    target.close()
            finally:
                origin.close()
        elif kind == "postgresql" and database.is_postgres:
            database.dispose()
            _run(
                [
                    _pg_tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "-d",
                    _pg_url(database),
                    str(plain),
                ],
                "pg_restore 恢复",
            )
        else:
            raise HallError(
                f"这份备份来自 {'SQLite' if kind == 'sqlite' else 'PostgreSQL'} 数据库，"
                "只能恢复到同一种数据库。"
            )
    with database.engine.connect() as connection:
        connection.execute(text("SELECT 1"))
    restored = counts(database)
    with database.write() as session:
        # The user who restored may not exist in the restored hall: named, not referenced.
        events.append(
            session,
            EventKind.RESTORE_DONE,
            "backup",
            None,
            clock.now(),
            None,
            {"file": source.name, "by": by, "rows": sum(restored.values())},
        )
    return restored


def daily_backup(database: Database, now: dt.datetime) -> Path | None:
    """A single-PC hall's backup of the day, made at the first start of the day; the oldest
    beyond the last ``DAILY_KEEP`` are removed. None when there was nothing to do (a
    PostgreSQL hall is backed up on its server, the administrator turned it off, or today's
    backup exists)."""
    if not database.is_sqlite:
        return None
    with database.read() as session:
        if not settings.get(session, DAILY_BACKUP):
            return None
    folder = backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"hall-{now:%Y%m%d}{SUFFIX}"
    if target.exists():
        return None
    backup(database, target)
    for old in sorted(folder.glob(f"hall-*{SUFFIX}"))[:-DAILY_KEEP]:
        old.unlink()
    return target


def backup_folder() -> Path:
    return data_dir() / DAILY_FOLDER


# ---------------------------------------------------------------------------------------------
# The 备份 screen's actions, the system administrator's (三员分立).


@dataclass(frozen=True)
class BackupFile:
    """A backup in the folder: its name, when it was written, its size, and whether it was
    read back and checked when it was written (recorded in the audit)."""

    path: Path
    made_at: dt.datetime
    size: int
    verified: bool


def list_backups(session: Session, actor: User, folder: Path | None = None) -> list[BackupFile]:
    """The backups in ``folder`` (the hall's backup folder), newest first."""
    user_admin.require_duty(actor, users.ADMIN)
    folder = folder or backup_folder()
    checked = {
        (str(payload.get("file")), payload.get("size"))
        for payload in session.scalars(
            select(Event.payload).where(Event.kind == EventKind.BACKUP_MADE)
        )
        if isinstance(payload, dict) and payload.get("verified")
    }
    found = []
    for path in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        status = path.stat()
        found.append(
            BackupFile(
                path,
                dt.datetime.fromtimestamp(status.st_mtime),
                status.st_size,
                (path.name, status.st_size) in checked,
            )
        )
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def backup_now(database: Database, actor: User, progress: Progress | None = None) -> BackupResult:
    """A backup into the hall's backup folder, named for the moment (kept apart from the
    daily ones, which are rotated)."""
    user_admin.require_duty(actor, users.ADMIN)
    try:
        target = backup_folder() / f"backup-{clock.now():%Y%m%d-%H%M%S}{SUFFIX}"
        return backup(database, target, progress, actor)
    except OSError as error:
        raise HallError(
            f"无法写入备份文件（{error.strerror or error}），请检查数据目录。"
        ) from error


def restore_from(database: Database, actor: User, source: Path, force: bool) -> dict[str, int]:
    """Restore ``source`` into this hall's database (refused when it holds data unless
    ``force``, which the screen asks for in so many words)."""
    user_admin.require_duty(actor, users.ADMIN)
    return restore(database, source, force=force, by=actor.login)


def set_daily(session: Session, actor: User, on: bool) -> None:
    """Turn the single-PC hall's daily backup on or off (audited)."""
    user_admin.require_duty(actor, users.ADMIN)
    before = settings.get(session, DAILY_BACKUP)
    settings.put(session, DAILY_BACKUP, on)
    events.append(
        session,
        EventKind.SECURITY_RULES_CHANGED,
        "hall_setting",
        None,
        clock.now(),
        actor.id,
        {"before": {DAILY_BACKUP.key: before}, "after": {DAILY_BACKUP.key: on}},
    )


def daily_on(session: Session) -> bool:
    return settings.get(session, DAILY_BACKUP)
