"""The persistent model of accounts and of the audit: each user's log-in state (failures, lock,
a password to change), the hashes of their last passwords, and the tamper-evident audit.

An account's state lives beside ``app_user`` rather than in it so that counting a failed
log-in never rewrites the user row that every screen reads.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models import Base, BigId


class AccountState(Base):
    """How a user's log-ins stand: failures in a row, locked until when, a password to change."""

    __tablename__ = "account_state"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True
    )
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    password_changed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class PasswordHistory(Base):
    """An argon2 hash of a password a user had, so the last few are not used again."""

    __tablename__ = "password_history"
    __table_args__ = (Index("ix_password_history_user", "user_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("app_user.id", ondelete="CASCADE"))
    password_hash: Mapped[str] = mapped_column(String(256))
    set_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """One audited act: who, on which workstation, when, what, and how it ended.

    ``chain`` is HMAC-SM3 over the previous entry's chain and this entry's fields
    (``db.audit_log``), so an entry edited, removed or inserted out of the program breaks the
    chain from there on. The actor's login and name are copied, not only referenced, so that
    an entry still says who even for a failed log-in under a login that does not exist.
    Database triggers (migration ``0090_accounts``) refuse UPDATE and DELETE."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_at", "at"),
        Index("ix_audit_entry_actor", "actor_login", "at"),
        Index("ix_audit_entry_kind", "kind", "at"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    seq: Mapped[int] = mapped_column(BigId, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor_login: Mapped[str] = mapped_column(String(64), default="")
    workstation: Mapped[str] = mapped_column(String(128), default="")
    kind: Mapped[str] = mapped_column(String(48))
    target: Mapped[str] = mapped_column(String(64), default="")
    outcome: Mapped[str] = mapped_column(String(16))
    # Canonical JSON (sorted keys) exactly as it was chained, so verifying needs no re-encoding
    # that a database's JSON type might reorder.
    detail: Mapped[str] = mapped_column(Text, default="{}")
    chain: Mapped[str] = mapped_column(String(64))
