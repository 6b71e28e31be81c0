"""``hall-admin ledger``: a ledger's template, its import (checked first, with every problem
listed) and a period's records exported in the template's columns."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from cli.common import COMMAND_HELP, CliError, parse_date, print_json
from cli.proof import prove, user_of
from db.engine import Database
from hall import ledgers
from hall.ledgers.columns import KIND_NAMES

KIND_HELP = "台账种类：" + "、".join(f"{kind}（{name}）" for kind, name in KIND_NAMES.items())


def _write(path: Path, content: bytes) -> None:
    try:
        path.write_bytes(content)
    except OSError as error:
        raise CliError(
            f"无法写入文件 {path}（{error.strerror or error}）："
            "请检查文件夹是否存在、是否有写入权限。"
        ) from None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CliError(
            f"无法读取文件 {path}（{error.strerror or error}）：请检查文件路径是否正确。"
        ) from None


def cmd_ledger_template(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        content = ledgers.template(s, args.kind)
    _write(args.file, content)
    print(f"已把{KIND_NAMES[args.kind]}的模板保存到 {args.file}。")


def cmd_ledger_import(db: Database, args: argparse.Namespace) -> None:
    content = _read(args.file)
    proof = prove(db, args)
    # One import is one transaction: with any problem, the report lists them and the unit of
    # work is left to commit nothing (the rules wrote nothing).
    with db.write() as s:
        report = ledgers.import_ledger(
            s,
            args.kind,
            content,
            args.file.name,
            actor=user_of(s, proof),
            dry_run=args.dry_run,
        )
    if args.json:
        print_json(report.as_dict())
    else:
        for line in report.lines():
            print(line)
    if not report.ok:
        raise CliError(report.message())


def cmd_ledger_export(db: Database, args: argparse.Namespace) -> None:
    proof = prove(db, args)
    # The file is written inside the unit of work: an export that could not be saved leaves
    # no audit entry claiming it was.
    with db.write() as s:
        content = ledgers.export(s, args.kind, args.first, args.last, user_of(s, proof))
        _write(args.file, content)
    print(
        f"已把 {args.first.isoformat()} 至 {args.last.isoformat()} 的"
        f"{KIND_NAMES[args.kind]}保存到 {args.file}。"
    )


def add_ledger_parser(sub: Any) -> None:
    ledger = sub.add_parser("ledger", help=COMMAND_HELP["ledger"]).add_subparsers(
        dest="ledger_command", required=True
    )
    template = ledger.add_parser("template", help="保存台账的 Excel 模板（含填写说明）")
    template.add_argument("kind", choices=tuple(KIND_NAMES), help=KIND_HELP)
    template.add_argument("file", type=Path, help="保存到哪个 .xlsx 文件")
    template.set_defaults(handler="cli.ledger_commands:cmd_ledger_template")
    imports = ledger.add_parser(
        "import", help="导入台账（先逐行检查，有任何问题则全部列出、不写入）"
    )
    imports.add_argument("kind", choices=tuple(KIND_NAMES), help=KIND_HELP)
    imports.add_argument("file", type=Path, help=".xlsx 文件，或 UTF-8/GB18030 编码的 .csv 文件")
    imports.add_argument("--dry-run", action="store_true", help="只检查并说明将导入什么，不写入")
    imports.add_argument("--json", action="store_true")
    imports.add_argument(
        "--user", help="导入人的登录名（需输入密码，或设 HALL_PASSWORD）；导入法庭台账时必须给出"
    )
    imports.set_defaults(handler="cli.ledger_commands:cmd_ledger_import")
    export = ledger.add_parser("export", help="按导入模板的列导出一段时间的台账")
    export.add_argument("kind", choices=tuple(KIND_NAMES), help=KIND_HELP)
    export.add_argument("--from", dest="first", type=parse_date, required=True, help="开始日期")
    export.add_argument("--to", dest="last", type=parse_date, required=True, help="结束日期")
    export.add_argument("file", type=Path, help="保存到哪个 .xlsx 文件")
    export.add_argument("--user", help="导出人的登录名（记入审计；需输入密码，或设 HALL_PASSWORD）")
    export.set_defaults(handler="cli.ledger_commands:cmd_ledger_export")
