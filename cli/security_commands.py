"""``hall-admin key …``, ``backup`` and ``restore``: the hall key and the hall's backups."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from cli.common import COMMAND_HELP, CliError
from db import crypto
from db.engine import Database
from hall import at_rest, backup, keys, retention

PASSPHRASE_ENV = "HALL_KEY_PASSPHRASE"
COUNT_NAMES = {
    "visitor": "来访人",
    "visit": "来访登记",
    "ticket": "排队票",
    "petition_case": "信访事项",
    "court_case": "法庭案件",
    "app_user": "用户",
    "event_log": "操作记录",
}


def _passphrase(confirm: bool) -> str:
    """The key file's passphrase: from ``HALL_KEY_PASSPHRASE`` (scripts), else typed."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    if not sys.stdin.isatty():
        raise CliError(
            f"没有终端可以输入口令：请在环境变量 {PASSPHRASE_ENV} 中给出密钥文件的口令。"
        )
    first = getpass.getpass("密钥文件口令：")
    if confirm and getpass.getpass("再输入一次口令：") != first:
        raise CliError("两次输入的口令不一致，请重新运行并输入同一个口令。")
    return first


def _progress(table: str, done: int) -> None:
    print(f"  {table}：已处理 {done} 行", file=sys.stderr, flush=True)


def cmd_key_export(db: Database, args: argparse.Namespace) -> None:
    keys.export_key(crypto.current_keyring(), Path(args.file), _passphrase(confirm=True))
    print(f"已把大厅数据密钥导出到 {args.file}（口令保护）。请妥善保管，用后删除。")


def cmd_key_import(db: Database, args: argparse.Namespace) -> None:
    if keys.key_path().exists() and not args.force:
        raise CliError(
            f"本机已有数据密钥 {keys.key_path()}；确实要替换时加 --force（原文件请先备份）。"
        )
    keys.import_key(Path(args.file), _passphrase(confirm=False))
    with db.write() as session:
        keys.unlock(session)
    print(
        f"已导入大厅数据密钥和审计密钥到 {keys.key_path().parent}，本机可以使用这个大厅的数据库了。"
    )


def cmd_key_encrypt(db: Database, args: argparse.Namespace) -> None:
    walked = at_rest.encrypt_pending(db, _progress)
    print(
        f"加密完成：本次加密 {walked.total} 行。" if walked.total else "数据已全部加密，无需处理。"
    )


def cmd_key_rotate(db: Database, args: argparse.Namespace) -> None:
    key, walked = at_rest.rotate(db, _progress)
    print(
        f"已换用新密钥（编号 {key.key_id}），重新加密 {walked.total} 行。"
        "多台电脑共用数据库时，请用 hall-admin key export 导出新密钥，到其他电脑导入。"
    )


def _print_counts(counts: dict[str, int]) -> None:
    for name, count in counts.items():
        print(f"  {COUNT_NAMES.get(name, name)}：{count}")


def cmd_backup(db: Database, args: argparse.Namespace) -> None:
    try:
        result = backup.backup(db, Path(args.file))
    except (OSError, ValueError) as error:  # a path the system cannot take (a NUL, too long)
        raise CliError(f"无法写入备份文件（{_why(error)}），请换一个文件名或文件夹。") from error
    print(f"已备份到 {result.path}（{result.size} 字节，已加密并校验可恢复），其中：")
    _print_counts(result.counts)


def _why(error: BaseException) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return "文件名中有系统不接受的字符"


def cmd_restore(db: Database, args: argparse.Namespace) -> None:
    counts = backup.restore(db, Path(args.file), force=args.force)
    print(f"已从 {args.file} 恢复，数据库现有：")
    _print_counts(counts)


def _plan_lines(plan: retention.Plan, done: bool) -> list[str]:
    verb = "已" if done else "将"
    return [
        f"保存年限 {plan.years} 年：{plan.cutoff:%Y-%m-%d} 以前办结的事项{verb}归档（只读）。",
        f"  {verb}归档来访登记：{plan.visits}",
        f"  {verb}归档信访事项：{plan.cases}",
        f"  {verb}归档法院诉讼档案：{plan.court_files}",
        f"  {verb}归档社情民意：{plan.opinions}",
        f"  {verb}归档帮扶济困记录：{plan.aid_records}",
        f"  {verb}去标识人员（全部事项均已归档）：{plan.visitors}",
        f"  期满但尚未办结、继续保留：{plan.kept_open}",
    ]


def cmd_retention(db: Database, args: argparse.Namespace) -> None:
    if args.set_years is not None:
        with db.write() as s:
            retention.set_years(s, None, args.set_years)
        print(f"已把已办结事项的保存年限设为 {args.set_years} 年。")
        return
    if args.apply:
        with db.write() as s:
            done = retention.apply(s)
        print("\n".join(_plan_lines(done, done=True)))
        return
    # A write transaction only for the savepoint the plan rolls back: nothing is kept.
    with db.write() as s:
        plan = retention.plan(s)
    print("\n".join(_plan_lines(plan, done=False)))
    print("这只是预演，没有改动任何数据；确认无误后用 --apply 执行。")


def add_security_parser(sub: Any) -> None:
    key = sub.add_parser("key", help=COMMAND_HELP["key"]).add_subparsers(
        dest="key_command", required=True
    )
    export = key.add_parser("export", help="把数据密钥导出到文件（口令保护），供其他电脑导入")
    export.add_argument("file")
    export.set_defaults(handler="cli.security_commands:cmd_key_export")
    load = key.add_parser("import", help="导入别的电脑导出的数据密钥")
    load.add_argument("file")
    load.add_argument("--force", action="store_true", help="替换本机已有的密钥")
    load.set_defaults(handler="cli.security_commands:cmd_key_import", unlock=False)
    encrypt = key.add_parser("encrypt", help="加密数据库中尚未加密的数据（可中断后继续）")
    encrypt.set_defaults(handler="cli.security_commands:cmd_key_encrypt", encrypt_at_start=False)
    rotate = key.add_parser("rotate", help="换用新密钥并重新加密全部数据")
    rotate.set_defaults(handler="cli.security_commands:cmd_key_rotate")
    save = sub.add_parser("backup", help=COMMAND_HELP["backup"])
    save.add_argument("file")
    save.set_defaults(handler="cli.security_commands:cmd_backup")
    back = sub.add_parser("restore", help=COMMAND_HELP["restore"])
    back.add_argument("file")
    back.add_argument("--force", action="store_true", help="数据库中已有数据时也覆盖")
    back.set_defaults(handler="cli.security_commands:cmd_restore")
    keep = sub.add_parser("retention", help=COMMAND_HELP["retention"])
    how = keep.add_mutually_exclusive_group(required=True)
    how.add_argument("--dry-run", action="store_true", help="只统计将处理的数量，不改动数据")
    how.add_argument("--apply", action="store_true", help="执行归档和去标识（记入审计）")
    how.add_argument("--set-years", type=int, metavar="N", help="设置保存年限（年）")
    keep.set_defaults(handler="cli.security_commands:cmd_retention")
