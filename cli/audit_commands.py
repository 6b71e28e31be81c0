"""``hall-admin audit verify``: check the audit's HMAC-SM3 chain and name its first broken link."""

from __future__ import annotations

import argparse
from typing import Any

from cli.common import COMMAND_HELP, CliError, print_json
from db.engine import Database
from hall import audit


def add_commands(sub: argparse._SubParsersAction[Any]) -> None:
    commands = sub.add_parser("audit", help=COMMAND_HELP["audit"]).add_subparsers(
        dest="audit_command", required=True
    )
    verify = commands.add_parser("verify", help="校验审计记录链，报告第一处被改动的记录")
    verify.add_argument("--json", action="store_true")
    verify.set_defaults(handler="cli.audit_commands:cmd_audit_verify")


def cmd_audit_verify(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        verdict = audit.verify(s)
    if args.json:
        print_json(
            {
                "ok": verdict.broken_at is None,
                "checked": verdict.checked,
                "broken_at": verdict.broken_at,
            }
        )
    if verdict.broken_at is not None:
        raise CliError(
            f"审计记录链在第 {verdict.broken_at} 条断开：{verdict.reason}。"
            f"此前的 {verdict.checked} 条完好；请保全数据库并报告安全管理员。"
        )
    if not args.json:
        print(f"审计记录链完好：共 {verdict.checked} 条，均未被改动。")
