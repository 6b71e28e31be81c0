"""Encrypting a database in place, and re-encrypting it under a new key (rotation).

Both are the same walk: every column declared ``EncryptedText`` or ``EncryptedBytes`` (a
letter's scans, a case's issued documents), table by table in primary-key order, a batch of rows
per transaction, rewriting each value that is plain or under a key other than the current one
(and a visitor's look-up hashes, or a visit's summary tokens, with it). A walk that is stopped
(a power cut, Ctrl+C) loses at most one uncommitted batch and the next one picks up where the
work is: each batch selects only rows still to do. When a walk completes the database records
it, so a start-up finds nothing to do without reading every row again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    LargeBinary,
    Table,
    Text,
    and_,
    func,
    literal,
    or_,
    select,
    tuple_,
    type_coerce,
)
from sqlalchemy.orm import Session

from db import crypto, summary_index
from db.crypto import EncryptedBytes, EncryptedText, HallKey, Keyring
from db.engine import Database
from db.lookup import lookup_columns
from db.models import HallSetting
from hall import keys, settings

BATCH = 500
# Scans run to megabytes each: a batch of them is kept small enough to sit in memory.
BYTES_BATCH = 16
DONE_SETTING = "crypto.encrypted_under"

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Walked:
    """What one walk rewrote, per table."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


def encrypted_tables() -> list[tuple[Table, list[Column[Any]]]]:
    """Every table with encrypted columns, and those columns, in a fixed order."""
    # Every table is declared only now: a start that finds nothing to encrypt (a hardware
    # caller's press) declares just the tables it uses.
    from db import schema

    found = []
    for table in schema.metadata().sorted_tables:
        columns = [c for c in table.columns if isinstance(c.type, (EncryptedText, EncryptedBytes))]
        if columns:
            found.append((table, columns))
    return found


def _is_bytes(column: Column[Any]) -> bool:
    return isinstance(column.type, EncryptedBytes)


def _raw(column: Column[Any]) -> ColumnElement[Any]:
    # The stored value itself, not decrypted on the way out: what the walk has to judge.
    return type_coerce(column, LargeBinary() if _is_bytes(column) else Text())


def _pending(column: Column[Any], key_id: str) -> ColumnElement[bool]:
    """A value of ``column`` not (yet) encrypted under ``key_id``: plain, or under another."""
    if _is_bytes(column):
        mark = crypto.BYTES_PREFIX + key_id.encode("ascii") + b":"
        head = type_coerce(func.substr(_raw(column), 1, len(mark)), LargeBinary())
        return and_(func.length(_raw(column)) > 0, head != literal(mark, LargeBinary()))
    current = f"{crypto.PREFIX}{key_id}:%"
    return and_(_raw(column) != "", ~_raw(column).like(current))


def _to_do(columns: Sequence[Column[Any]], key_id: str) -> ColumnElement[bool]:
    return or_(*(_pending(c, key_id) for c in columns))


def _plain(column: Column[Any], value: Any) -> Any:
    if not value:
        return value
    return crypto.decrypt_bytes(bytes(value)) if _is_bytes(column) else crypto.decrypt(value)


def _encrypted(column: Column[Any], value: Any, key: HallKey) -> Any:
    if not value:
        return value
    if _is_bytes(column):
        return crypto.encrypt_bytes_with(key, value)
    return crypto.encrypt_with(key, value)


def _batch(
    session: Session,
    table: Table,
    columns: list[Column[Any]],
    after: tuple[object, ...] | None,
    key: HallKey,
) -> tuple[tuple[object, ...] | None, int]:
    """Rewrite the next batch after primary key ``after``; return the last key seen and how
    many rows were rewritten (None when the table is done)."""
    primary = list(table.primary_key.columns)
    stmt = select(*primary, *(_raw(c) for c in columns)).where(_to_do(columns, key.key_id))
    if after is not None:
        stmt = stmt.where(tuple_(*primary) > tuple_(*(literal(v) for v in after)))
    size = BYTES_BATCH if any(map(_is_bytes, columns)) else BATCH
    rows = session.execute(stmt.order_by(*primary).limit(size)).all()
    if not rows:
        return None, 0
    for row in rows:
        identity = tuple(row[: len(primary)])
        plain = {c.name: _plain(c, v) for c, v in zip(columns, row[len(primary) :], strict=True)}
        values: dict[str, object] = {c.name: _encrypted(c, plain[c.name], key) for c in columns}
        if table.name == "visitor":
            values.update(lookup_columns(plain["id_number"], plain["phone"]))
        if table.name == "visit":
            summary_index.replace_tokens(session, int(str(identity[0])), plain["summary"], key)
        session.execute(
            table.update()
            .where(*(column == value for column, value in zip(primary, identity, strict=True)))
            .values(values)
        )
    return tuple(rows[-1][: len(primary)]), len(rows)


def encrypt_pending(database: Database, progress: Progress | None = None) -> Walked:
    """Bring every encrypted column under the current key, in batches; resumable."""
    key = crypto.current_keyring().current
    with database.read() as session:
        done = session.get(HallSetting, DONE_SETTING)
        if done is not None and done.value == key.key_id:
            return Walked({})
    counts: dict[str, int] = {}
    for table, columns in encrypted_tables():
        after: tuple[object, ...] | None = None
        while True:
            with database.write() as session:
                last, rewritten = _batch(session, table, columns, after, key)
            if last is None:
                break
            after = last
            counts[table.name] = counts.get(table.name, 0) + rewritten
            if progress is not None:
                progress(table.name, counts[table.name])
    if counts and database.is_sqlite:
        compact_sqlite(database)
    with database.write() as session:
        _mark_done(session, key.key_id)
    return Walked(counts)


def _mark_done(session: Session, key_id: str) -> None:
    """Record that every value is under ``key_id``. Workstations first opening a database at
    once all walk it and mark it: the first to insert the mark wins, the others update it."""
    if not settings.put_first(session, {DONE_SETTING: key_id}):
        settings.put_raw(session, DONE_SETTING, key_id)


def compact_sqlite(database: Database) -> None:
    """Rewrite the SQLite file and empty its WAL, so no page of it keeps the values as they
    were before the walk (SQLite otherwise leaves old row images in free pages and WAL frames
    until they happen to be reused)."""
    with database.engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("VACUUM")
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def rotate(database: Database, progress: Progress | None = None) -> tuple[HallKey, Walked]:
    """Make a new hall key and re-encrypt everything under it.

    The new key is saved beside the old ones before any row changes, and the old ones are kept:
    a rotation stopped half-way is finished by ``encrypt_pending`` (``hall-admin key encrypt``),
    and backups made before it can still be restored."""
    old = crypto.current_keyring()
    new = HallKey.generate()
    keyring = Keyring(new, old.all)
    keys.save_keyring(keyring)
    crypto.use_keyring(keyring)
    with database.write() as session:
        keys.mark_database(session, new)
    return new, encrypt_pending(database, progress)
