"""A station's outbox: entries typed at a township station are kept on its own PC (a small
SQLite file) before they are sent to the hall's PostgreSQL over the county network.

Never lost: an entry is written to the outbox before any attempt to send it, and leaves it only
once the hall has committed it. Never twice: each entry's key goes with it, and the hall takes a
key it already has as already taken (``stations.receive``). So when the connection drops after
the hall committed but before the station heard, the next send finds the key and only marks the
entry sent. Sending stops at the first lost connection and keeps the rest for the next try.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from db.engine import Database, data_dir
from hall import clock
from hall.errors import HallError
from hall.mechanisms import stations

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    key TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL,
    draft TEXT NOT NULL,
    kept_at TEXT NOT NULL,
    sent_at TEXT,
    refused TEXT
)
"""


def default_path() -> Path:
    return data_dir() / "station-outbox.sqlite3"


@dataclass(frozen=True)
class SendReport:
    sent: int
    waiting: int
    refused: list[str]  # the hall's reasons for entries it will never take
    offline: bool  # the connection was lost: what is waiting goes with the next try


class Outbox:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as connection:
            connection.execute(SCHEMA)

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        connection = sqlite3.connect(self.path, timeout=5)
        try:
            with connection:
                yield connection
        finally:
            connection.close()

    def keep(self, draft: stations.Draft, user_id: int) -> None:
        payload = asdict(draft)
        payload["typed_at"] = draft.typed_at.isoformat()
        with self._connect() as connection:
            connection.execute(
                "INSERT OR IGNORE INTO outbox (key, user_id, draft, kept_at) VALUES (?, ?, ?, ?)",
                (
                    draft.key,
                    user_id,
                    json.dumps(payload, ensure_ascii=False),
                    draft.typed_at.isoformat(),
                ),
            )

    def waiting(self) -> list[tuple[stations.Draft, int]]:
        with self._connect() as connection:
            rows = connection.execute(
                "SELECT draft, user_id FROM outbox WHERE sent_at IS NULL AND refused IS NULL"
                " ORDER BY kept_at, key"
            ).fetchall()
        drafts = []
        for raw, user_id in rows:
            payload = json.loads(raw)
            payload["typed_at"] = dt.datetime.fromisoformat(payload["typed_at"])
            drafts.append((stations.Draft(**payload), int(user_id)))
        return drafts

    def mark_sent(self, key: str) -> None:
        """The hall has committed the entry: it leaves the outbox."""
        with self._connect() as connection:
            connection.execute(
                "UPDATE outbox SET sent_at = ? WHERE key = ?", (clock.now().isoformat(), key)
            )

    def set_aside(self, key: str, reason: str) -> None:
        """The hall will not take the entry however often it is sent (the user lost the
        station role, say): kept with the reason, for the station to see, and not resent."""
        with self._connect() as connection:
            connection.execute("UPDATE outbox SET refused = ? WHERE key = ?", (reason, key))

    def send(self, database: Database) -> SendReport:
        """Send what is waiting, oldest first, each in its own unit of work."""
        sent, refused = 0, []
        offline = False
        for draft, user_id in self.waiting():
            try:
                with database.write() as session:
                    stations.receive(session, draft, user_id)
            except HallError as refusal:
                self.set_aside(draft.key, refusal.message)
                refused.append(refusal.message)
                continue
            except SQLAlchemyError:
                offline = True
                break
            self.mark_sent(draft.key)
            sent += 1
        return SendReport(sent, len(self.waiting()), refused, offline)

    def submit(self, database: Database, draft: stations.Draft, user_id: int) -> SendReport:
        """Keep the entry, then try to send everything waiting (this entry included)."""
        self.keep(draft, user_id)
        return self.send(database)
