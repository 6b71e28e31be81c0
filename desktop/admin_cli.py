"""``hall-admin``: what an administrator, a kiosk or a hardware caller does without a screen.

Every command takes ``--db URL`` (or ``HALL_DB_URL``); without it, the embedded SQLite file.
Errors print one line in Chinese and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.exc import OperationalError, SQLAlchemyError

from db.engine import Database
from desktop.database import open_database
from hall import clock, demo, queue, setup, users
from hall.errors import HallError

EXIT_REFUSED = 2
EXIT_DATABASE = 3


class CliError(Exception):
    pass


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def cmd_init(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            print(f"数据库已是最新结构，无需初始化：{db.describe()}")
            return
        if args.admin_login:
            password = args.admin_password or getpass.getpass("管理员密码：")
            setup.initialise(
                s,
                args.hall_name,
                args.city_code,
                args.court_code,
                args.admin_login,
                args.admin_name,
                password,
            )
            print(f"已初始化：{db.describe()}，管理员 {args.admin_login}")
            return
    print(f"数据库结构已创建：{db.describe()}。首次启动程序时将打开初始设置。")


def cmd_user_add(db: Database, args: argparse.Namespace) -> None:
    password = args.password or getpass.getpass("密码：")
    with db.write() as s:
        user = users.add_user(
            s,
            args.login,
            args.name,
            password,
            args.roles.split(","),
            [w for w in (args.windows or "").split(",") if w],
        )
        print(f"已添加用户 {user.login}（{user.name}）")


def cmd_seed_demo(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        if setup.is_set_up(s):
            raise CliError("这个数据库已经有大厅数据，演示数据只能填入空数据库。")
        demo.seed_demo(s, visitors=args.visitors)
    print(f"已填入演示数据：{db.describe()}；演示账号密码均为 {demo.DEMO_PASSWORD}")


def _ticket_out(ticket: queue.TicketView, as_json: bool) -> None:
    if as_json:
        _print_json(ticket.as_json())
    else:
        print(f"{ticket.number}  {ticket.window_name}  {ticket.status_name}")


def cmd_queue_issue(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        ticket = queue.view(queue.issue_ticket(s, args.window, priority_reason=args.priority))
    _ticket_out(ticket, args.json)


def cmd_queue_call(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        called = queue.call_next(s, args.window, seat=args.seat)
        ticket = queue.view(called) if called else None
    if ticket is None:
        if args.json:
            _print_json({"number": None, "window": args.window, "status": "empty"})
        else:
            print("没有等候的来访人。")
        return
    _ticket_out(ticket, args.json)


def cmd_queue_status(db: Database, args: argparse.Namespace) -> None:
    with db.read() as s:
        windows = queue.status(s, clock.now().date())
    if args.json:
        _print_json(
            {
                "windows": [
                    {
                        "window": w.code,
                        "letter": w.letter,
                        "name": w.name,
                        "waiting": w.waiting,
                        "priority_waiting": w.priority_waiting,
                        "served": w.served,
                        "calling": [t.number for t in w.calling],
                    }
                    for w in windows
                ]
            }
        )
        return
    for w in windows:
        calling = "、".join(t.number for t in w.calling) or "—"
        print(
            f"{w.letter} {w.name}：等候 {w.waiting}（优先 {w.priority_waiting}），"
            f"已办 {w.served}，正在呼叫 {calling}"
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hall-admin", description="群众工作部大厅管理命令")
    parser.add_argument(
        "--db", help="数据库地址（SQLAlchemy URL）；默认读 HALL_DB_URL 或本机内置库"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="创建或升级数据库结构")
    init.add_argument("--hall-name", default="群众工作部接待大厅")
    init.add_argument("--city-code", default="411281")
    init.add_argument("--court-code", default="豫1281")
    init.add_argument("--admin-login")
    init.add_argument("--admin-name", default="管理员")
    init.add_argument("--admin-password")
    init.set_defaults(handler=cmd_init)

    user = sub.add_parser("user", help="用户管理").add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="添加用户")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--roles", required=True, help="reception,officer,clerk,leader,admin 中的一个或多个"
    )
    add.add_argument("--windows", help="可服务的窗口代码，逗号分隔")
    add.add_argument("--password", help="不给出则提示输入")
    add.set_defaults(handler=cmd_user_add)

    seed = sub.add_parser("seed-demo", help="填入演示数据")
    seed.add_argument("--visitors", type=int, default=24)
    seed.set_defaults(handler=cmd_seed_demo)

    q = sub.add_parser("queue", help="排队叫号").add_subparsers(dest="queue_command", required=True)
    issue = q.add_parser("issue", help="取号")
    issue.add_argument("--window", required=True)
    issue.add_argument("--priority")
    issue.add_argument("--json", action="store_true")
    issue.set_defaults(handler=cmd_queue_issue)
    call = q.add_parser("call", help="叫下一位")
    call.add_argument("--window", required=True)
    call.add_argument("--seat", type=int)
    call.add_argument("--json", action="store_true")
    call.set_defaults(handler=cmd_queue_call)
    status = q.add_parser("status", help="各窗口排队情况")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=cmd_queue_status)
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[Database, argparse.Namespace], Any] = args.handler
    try:
        db = open_database(args.db)
    except (SQLAlchemyError, OSError, ValueError) as error:
        print(f"错误：无法打开数据库：{_reason(error)}", file=sys.stderr)
        return EXIT_DATABASE
    try:
        handler(db, args)
    except (HallError, CliError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_REFUSED
    except OperationalError as error:
        print(f"错误：数据库操作失败：{_reason(error)}", file=sys.stderr)
        return EXIT_DATABASE
    finally:
        db.dispose()
    return 0


def _reason(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def main() -> None:
    sys.exit(run())
