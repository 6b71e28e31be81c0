"""Devices that use ``hall-admin`` in the hall without a person at them: a window's hardware
caller, a rating pad, a kiosk. The administrator adds one for a window and the actions it
needs, and hands its token to whoever sets it up; the token is shown once and only its hash
is kept. A device acts only at its window and only with its actions, and a revoked one is
refused from then on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db import events
from db.device_models import Device, PendingCall
from db.event_kinds import EventKind
from db.models import Ticket, User
from hall import clock, fields, queue
from hall.errors import InvalidInput, NotFound, PermissionDenied

ACTION_NAMES = {
    "issue": "取号",
    "call": "叫号",
    "recall": "重呼",
    "finish": "办结",
    "release": "退回队列",
    "rate": "评价",
    "requeue": "过号重排",
}
# What a window's hardware caller needs; a rating pad needs "rate", a kiosk "issue".
CALLER_ACTIONS = ("call", "recall", "finish", "release")
TOKEN_PREFIX = "hd_"
REFUSED = "设备凭据无效或已被停用：请向管理员重新申领（hall-admin device add）。"


@dataclass(frozen=True)
class DeviceView:
    name: str
    window: str
    window_name: str
    actions: tuple[str, ...]
    created_at: dt.datetime
    revoked_at: dt.datetime | None
    last_used_at: dt.datetime | None

    @property
    def actions_text(self) -> str:
        return "、".join(ACTION_NAMES[a] for a in self.actions)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def actions_of(device: Device) -> tuple[str, ...]:
    return tuple(a for a in device.actions.split(",") if a)


def view(device: Device) -> DeviceView:
    return DeviceView(
        name=device.name,
        window=device.window.code,
        window_name=device.window.name,
        actions=actions_of(device),
        created_at=device.created_at,
        revoked_at=device.revoked_at,
        last_used_at=device.last_used_at,
    )


def add_device(
    session: Session,
    name: str,
    window_code: str,
    actions: Iterable[str] = CALLER_ACTIONS,
    actor: User | None = None,
) -> tuple[Device, str]:
    """A new device and its token (shown to the administrator this once, never stored)."""
    name = fields.clean(fields.DEVICE_NAME, name)
    chosen = list(dict.fromkeys(a.strip() for a in actions if a.strip()))
    unknown = [a for a in chosen if a not in ACTION_NAMES]
    if unknown or not chosen:
        raise InvalidInput(
            f"设备的操作“{fields.shown('、'.join(unknown))}”无效：可选 {'、'.join(ACTION_NAMES)}。",
            "actions",
        )
    if session.scalar(select(Device.id).where(Device.name == name)) is not None:
        raise InvalidInput(f"设备名称“{name}”已被使用，请换一个。", "device")
    window = queue.window_by_code(session, window_code)
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = clock.now()
    device = Device(
        name=name,
        window_id=window.id,
        actions=",".join(chosen),
        token_hash=token_hash(token),
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(device)
    session.flush()
    events.append(
        session,
        EventKind.DEVICE_ADDED,
        "device",
        device.id,
        now,
        actor.id if actor else None,
        {"name": name, "window": window.code, "actions": chosen},
    )
    return device, token


def list_devices(session: Session) -> Sequence[DeviceView]:
    return [view(d) for d in session.scalars(select(Device).order_by(Device.name))]


def revoke(session: Session, name: str, actor: User | None = None) -> Device:
    device = session.scalar(select(Device).where(Device.name == name.strip()))
    if device is None:
        raise NotFound(f"没有名为“{fields.shown(name)}”的设备（hall-admin device list 可查看）。")
    if device.revoked_at is None:
        device.revoked_at = clock.now()
        events.append(
            session,
            EventKind.DEVICE_REVOKED,
            "device",
            device.id,
            device.revoked_at,
            actor.id if actor else None,
            {"name": device.name},
        )
    return device


def prove(session: Session, token: str) -> Device:
    """The active device holding ``token``; a failed proof is for the caller to log."""
    device = session.scalar(select(Device).where(Device.token_hash == token_hash(token.strip())))
    if device is None or device.revoked_at is not None:
        raise PermissionDenied(REFUSED)
    device.last_used_at = clock.now()
    return device


def allow(device: Device, action: str, window_code: str | None) -> None:
    """Refuse an action the device was not given, or one at another window."""
    if action not in actions_of(device):
        raise PermissionDenied(
            f"设备“{device.name}”没有{ACTION_NAMES.get(action, action)}权限"
            f"（它可以：{view(device).actions_text}）；如需要，请管理员另加设备。"
        )
    if window_code is not None and window_code != device.window.code:
        raise PermissionDenied(
            f"设备“{device.name}”只能在{device.window.name}窗口（{device.window.code}）使用，"
            f"不能操作“{fields.shown(window_code)}”窗口。"
        )


def note_call(session: Session, request_id: str, ticket_id: int) -> None:
    """Remember a call made for a caller until it confirms it received the answer."""
    session.add(PendingCall(request_id=request_id, ticket_id=ticket_id, called_at=clock.now()))


def acknowledge(session: Session, request_id: str) -> bool:
    """The caller received the call's answer; True if it was still waiting for that. Safe to
    repeat."""
    pending = session.get(PendingCall, request_id)
    if pending is None:
        return False
    session.delete(pending)
    return True


def unreceived(
    session: Session, older_than: dt.timedelta, window_code: str | None = None
) -> list[Ticket]:
    """Tickets still called by a call that its caller never confirmed, for longer than
    ``older_than``: the answer was lost, and nobody is calling out that number."""
    stmt = (
        select(Ticket)
        .join(PendingCall, PendingCall.ticket_id == Ticket.id)
        .where(Ticket.status == queue.CALLED, PendingCall.called_at <= clock.now() - older_than)
        .order_by(Ticket.id)
    )
    if window_code is not None:
        stmt = stmt.where(Ticket.window_id == queue.window_by_code(session, window_code).id)
    return list(session.scalars(stmt).unique())


def release_unreceived(
    session: Session, older_than: dt.timedelta, window_code: str | None = None
) -> list[Ticket]:
    """Put every unreceived call's visitor back at their place in the queue."""
    released = [queue.release(session, t.id) for t in unreceived(session, older_than, window_code)]
    ids = [t.id for t in released]
    if ids:
        session.execute(delete(PendingCall).where(PendingCall.ticket_id.in_(ids)))
    return released
