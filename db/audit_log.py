"""The tamper-evident audit: appending an entry to the HMAC-SM3 chain, in the act's transaction.

Each entry's ``chain`` is HMAC-SM3(key, previous chain ‖ this entry's fields), the key being
the hall's audit key file (:func:`key_path`, owner-only, made on first use). Appends are
serialised by the ``audit`` counter row (``db.counters``: a row lock held to commit on
PostgreSQL, the write lock of ``BEGIN IMMEDIATE`` on SQLite), so two workstations appending at
once queue instead of both chaining onto the same predecessor and forking the chain.

The event log feeds the audit: :func:`db.events.append` hands every event of an audited kind
(:func:`is_audited`) to :func:`record_event`, so an act logged there is audited with it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import counters, crypto
from db.account_models import AuditEntry
from db.engine import data_dir
from db.event_kinds import EventKind
from db.models import Event, User

COUNTER = "audit"
KEY_FILE = "audit.key"
KEY_BYTES = 32
# The chain value before the first entry.
GENESIS = "0" * 64

DONE = "done"
REFUSED = "refused"

# Event kinds audited whatever their suffix, and suffixes audited whatever their subject.
AUDITED_PREFIXES = ("user.", "account.", "security.", "backup.", "restore.", "retention.")
AUDITED_SUFFIXES = (".viewed", ".view_withheld", ".printed", ".exported", ".imported")
# Audited event kinds that record a refusal rather than an act done.
REFUSAL_KINDS = frozenset(
    {
        EventKind.USER_LOGIN_FAILED,
        EventKind.USER_LOCKED,
        EventKind.VISIT_VIEW_WITHHELD,
        EventKind.CASE_VIEW_WITHHELD,
    }
)

_keys: dict[Path, bytes] = {}
_workstation = socket.gethostname()


def key_path() -> Path:
    return data_dir() / KEY_FILE


def key() -> bytes:
    """The audit key, read from (or, on first use, written to) the data directory's key file.

    Every workstation of a PostgreSQL hall must hold the same file for the chain to verify."""
    path = key_path()
    if path not in _keys:
        _keys[path] = _read_or_create(path)
    return _keys[path]


def _read_or_create(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    # Written whole under a private name, then linked into place: a workstation starting at
    # the same moment either wins the link or reads the winner's complete key, never a part.
    draft = path.with_name(f"{path.name}.{os.getpid()}.new")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(os.urandom(KEY_BYTES))
    try:
        os.link(draft, path)
    except FileExistsError:
        pass
    finally:
        draft.unlink()
    return path.read_bytes()


def install_key(secret: bytes) -> None:
    """Make ``secret`` this workstation's audit key (the hall's, carried by a key export),
    written whole under a private name, then moved into place."""
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    draft = path.with_name(f"{path.name}.{os.getpid()}.new")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(secret)
        file.flush()
        os.fsync(file.fileno())
    os.replace(draft, path)
    _keys[path] = secret


def set_workstation(name: str) -> None:
    """Name this workstation in the audit (by default its host name)."""
    global _workstation
    _workstation = name


def workstation() -> str:
    return _workstation


def canonical_detail(detail: Mapping[str, object]) -> str:
    return json.dumps(dict(detail), ensure_ascii=False, sort_keys=True, default=str)


def chain_value(secret: bytes, previous: str, entry: AuditEntry) -> str:
    fields = [
        entry.seq,
        entry.at.isoformat(),
        entry.actor_id,
        entry.actor_login,
        entry.workstation,
        entry.kind,
        entry.target,
        entry.outcome,
        entry.detail,
    ]
    return crypto.hmac_sm3(
        secret, previous.encode("ascii"), json.dumps(fields, ensure_ascii=False).encode("utf-8")
    )


def record(
    session: Session,
    kind: str,
    at: dt.datetime,
    *,
    actor: User | None = None,
    actor_login: str = "",
    target: str = "",
    outcome: str = DONE,
    detail: Mapping[str, object] | None = None,
) -> AuditEntry:
    """Append one entry to the chain inside the caller's transaction."""
    seq = counters.next_value(session, COUNTER)
    previous = session.scalar(select(AuditEntry.chain).where(AuditEntry.seq == seq - 1))
    entry = AuditEntry(
        seq=seq,
        at=at.replace(tzinfo=None),
        actor_id=actor.id if actor else None,
        actor_login=actor.login if actor else actor_login,
        workstation=_workstation,
        kind=kind,
        target=target,
        outcome=outcome,
        detail=canonical_detail(detail or {}),
    )
    entry.chain = chain_value(key(), previous or GENESIS, entry)
    session.add(entry)
    session.flush()
    return entry


def is_audited(kind: str) -> bool:
    return kind.startswith(AUDITED_PREFIXES) or kind.endswith(AUDITED_SUFFIXES)


def record_event(session: Session, event: Event) -> AuditEntry:
    actor = session.get(User, event.actor_id) if event.actor_id is not None else None
    payload = dict(event.payload or {})
    target = event.entity if event.entity_id is None else f"{event.entity}:{event.entity_id}"
    return record(
        session,
        event.kind,
        event.at,
        actor=actor,
        # A refused log-in has no actor yet: who tried is the login they typed.
        actor_login=str(payload.get("login", "")) if event.kind in REFUSAL_KINDS else "",
        target=target,
        outcome=REFUSED if event.kind in REFUSAL_KINDS else DONE,
        detail=payload,
    )
