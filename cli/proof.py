"""Who is acting through ``hall-admin``, proven: a person by their password (asked on the
terminal, or ``HALL_PASSWORD`` for a script), a device by its token (``--token`` or
``HALL_DEVICE_TOKEN``). A claimed login or a token that does not prove out is refused, and the
refusal is logged in its own unit of work (the refused one is rolled back)."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from dataclasses import dataclass

from sqlalchemy.orm import Session

from cli.common import CliError
from db import events
from db.device_models import Device
from db.engine import Database
from db.event_kinds import EventKind
from db.models import User
from hall import clock, devices, users
from hall.errors import HallError

ENV_PASSWORD = "HALL_PASSWORD"
ENV_TOKEN = "HALL_DEVICE_TOKEN"


@dataclass(frozen=True)
class Proof:
    """The proven user's or device's id; neither for a command run without proof, which sees
    only what the public display may show."""

    user_id: int | None = None
    device_id: int | None = None

    @property
    def anyone(self) -> bool:
        return self.user_id is None and self.device_id is None


def _password(login: str) -> str:
    if (given := os.environ.get(ENV_PASSWORD)) is not None:
        return given
    if not sys.stdin.isatty():
        raise CliError(
            f"要以“{login}”的身份操作，需要输入密码，但没有终端可以输入："
            f"脚本请设环境变量 {ENV_PASSWORD}，叫号器等设备请用设备凭据（--token）。"
        )
    try:
        return getpass.getpass(f"{login} 的密码：")
    except EOFError:
        raise CliError("没有读到密码：请在终端输入，或设环境变量 HALL_PASSWORD。") from None


def prove_user(db: Database, login: str) -> int:
    password = _password(login)
    try:
        with db.write() as s:
            return users.authenticate(s, login, password).id
    except HallError:
        with db.write() as s:
            users.record_failed_proof(s, login, "hall-admin")
        raise CliError(
            "登录名或密码不正确：请核对 --user 和密码（或 HALL_PASSWORD）后重试。"
        ) from None


def prove_device(db: Database, token: str) -> int:
    try:
        with db.write() as s:
            return devices.prove(s, token).id
    except HallError:
        with db.write() as s:
            events.append(
                s,
                EventKind.DEVICE_REFUSED,
                "device",
                None,
                clock.now(),
                None,
                {"via": "hall-admin"},
            )
        raise


def prove(db: Database, args: argparse.Namespace) -> Proof:
    token = getattr(args, "token", None) or os.environ.get(ENV_TOKEN)
    login = getattr(args, "user", None)
    if login:
        return Proof(user_id=prove_user(db, login))
    if token:
        return Proof(device_id=prove_device(db, token))
    return Proof()


def user_of(s: Session, proof: Proof) -> User | None:
    return s.get(User, proof.user_id) if proof.user_id is not None else None


def device_of(s: Session, proof: Proof) -> Device | None:
    return s.get(Device, proof.device_id) if proof.device_id is not None else None
