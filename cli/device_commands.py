"""``hall-admin device``: the administrator adds, lists and revokes the hall's devices."""

from __future__ import annotations

import argparse
from typing import Any

from sqlalchemy.orm import Session

from cli.common import COMMAND_HELP, CliError, print_json, request_id
from cli.proof import prove, user_of
from db import action_requests
from db.device_models import Device
from db.engine import Database
from db.models import User
from hall import devices, users


def _admin(db: Database, args: argparse.Namespace) -> int:
    proof = prove(db, args)
    if proof.user_id is None:
        raise CliError("管理设备需要管理员身份：请用 --user 管理员登录名，并输入密码。")
    with db.read() as s:
        user = user_of(s, proof)
        assert user is not None
        users.require_role(user, users.ADMIN)
    return proof.user_id


def cmd_device_add(db: Database, args: argparse.Namespace) -> None:
    admin_id = _admin(db, args)
    tokens: list[str] = []

    def add(s: Session) -> int:
        device, token = devices.add_device(
            s, args.name, args.window, args.actions.split(","), s.get(User, admin_id)
        )
        tokens.append(token)
        return device.id

    applied = action_requests.perform(db, request_id(args), "device.add", add)
    with db.read() as s:
        device = s.get(Device, applied.entity_id)
        assert device is not None
        shown = devices.view(device)
    token = tokens[-1] if tokens and not applied.replayed else None
    if args.json:
        print_json(
            {"name": shown.name, "window": shown.window, "actions": shown.actions, "token": token}
        )
        return
    print(f"已添加设备 {shown.name}（{shown.window_name}窗口：{shown.actions_text}）")
    if token is None:
        print("这个设备此前已添加，凭据只在添加时显示一次；如已遗失，请停用后重新添加。")
    else:
        print(f"设备凭据（只显示这一次，请妥善保存）：{token}")


def cmd_device_list(db: Database, args: argparse.Namespace) -> None:
    _admin(db, args)
    with db.read() as s:
        listed = devices.list_devices(s)
    if args.json:
        print_json(
            {
                "devices": [
                    {
                        "name": d.name,
                        "window": d.window,
                        "actions": d.actions,
                        "revoked": d.revoked_at is not None,
                        "last_used_at": d.last_used_at,
                    }
                    for d in listed
                ]
            }
        )
        return
    if not listed:
        print("还没有设备。")
    for d in listed:
        state = "已停用" if d.revoked_at else "在用"
        print(f"{d.name}  {d.window_name}  {d.actions_text}  {state}")


def cmd_device_revoke(db: Database, args: argparse.Namespace) -> None:
    admin_id = _admin(db, args)
    applied = action_requests.perform(
        db,
        request_id(args),
        "device.revoke",
        lambda s: devices.revoke(s, args.name, s.get(User, admin_id)).id,
    )
    with db.read() as s:
        device = s.get(Device, applied.entity_id)
        assert device is not None
        print(f"已停用设备 {device.name}：它的凭据从此不能再用。")


def add_device_parser(sub: Any) -> None:
    device = sub.add_parser("device", help=COMMAND_HELP["device"]).add_subparsers(
        dest="device_command", required=True
    )
    admin_help = "管理员的登录名（需输入密码，或设 HALL_PASSWORD）"
    once_help = "这次操作的唯一编号；重发同一编号只办理一次"
    add = device.add_parser("add", help="添加设备并发给它凭据")
    add.add_argument("name", help="设备名称，如 法律服务叫号器1")
    add.add_argument("--window", required=True, help="设备所在窗口的代码")
    add.add_argument(
        "--actions",
        default=",".join(devices.CALLER_ACTIONS),
        help="设备可做的操作，逗号分隔："
        "叫号器 call,recall,finish,release；评价器 rate；取号机 issue",
    )
    listing = device.add_parser("list", help="列出设备")
    revoke = device.add_parser("revoke", help="停用设备")
    revoke.add_argument("name")
    for command in (add, listing, revoke):
        command.add_argument("--user", required=True, help=admin_help)
        command.add_argument("--json", action="store_true")
    for command in (add, revoke):
        command.add_argument("--request-id", help=once_help)
    add.set_defaults(handler="cli.device_commands:cmd_device_add")
    listing.set_defaults(handler="cli.device_commands:cmd_device_list")
    revoke.set_defaults(handler="cli.device_commands:cmd_device_revoke")
