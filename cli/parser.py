"""The command line of ``hall-admin``: its sub-commands and options, and argparse's complaints
in Chinese."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from cli.common import (
    COMMAND_HELP,
    EXIT_USAGE,
    number,
    parse_date,
)
from hall import fields

ONCE_HELP = "调用方给这次操作的唯一编号；重发同一编号只办理一次（叫号器超时重试时用）"
TOKEN_HELP = "设备凭据（也可设环境变量 HALL_DEVICE_TOKEN）"
PROVE_HELP = "操作人的登录名（需输入密码，或设 HALL_PASSWORD）"
UNCONFIRMED_HELP = "叫号后多少秒仍未确认（queue ack）算作未收到"


class ArgumentParser(argparse.ArgumentParser):
    """argparse, but its complaints come like every other error here: one line, in Chinese.
    (Sub-command parsers are made of the same class.)"""

    def error(self, message: str) -> NoReturn:
        print(f"错误：{self._in_chinese(message)}（用 {self.prog} -h 查看用法）", file=sys.stderr)
        self.exit(EXIT_USAGE)

    def _in_chinese(self, message: str) -> str:
        if found := re.fullmatch(r"the following arguments are required: (.+)", message):
            return "缺少" + "、".join(self._missing(n) for n in found[1].split(", "))
        if found := re.fullmatch(r"unrecognized arguments: (.+)", message):
            return f"无法识别的参数：{found[1]}"
        if found := re.fullmatch(r"one of the arguments (.+) is required", message):
            return f"参数 {found[1]} 必须给出一个"
        if found := re.fullmatch(r"argument (.+?): (.+)", message):
            name = "子命令" if self._commands(found[1]) else f"参数 {found[1]}"
            return f"{name}：{self._detail(found[2])}"
        return message

    def _commands(self, dest: str) -> list[str]:
        """The sub-commands, when ``dest`` names this parser's choice of sub-command."""
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction) and dest == action.dest:
                return list(action.choices)
        return []

    def _missing(self, name: str) -> str:
        commands = self._commands(name)
        return f"子命令（{'、'.join(commands)}）" if commands else f"参数 {name}"

    @staticmethod
    def _detail(detail: str) -> str:
        if found := re.fullmatch(r"invalid choice: '?(.*?)'? \(choose from (.+)\)", detail):
            choices = found[2].replace("'", "").replace(", ", "、")
            return f"没有“{found[1]}”这一项，可选：{choices}"
        if found := re.fullmatch(r"invalid (\w+) value: '?(.*?)'?", detail):
            kind = {"int": "整数", "float": "数字"}.get(found[1], found[1])
            return f"应为{kind}，现在是“{found[2]}”"
        if re.fullmatch(r"expected (at least )?one argument", detail):
            return "后面应跟一个值"
        if found := re.fullmatch(r"not allowed with argument (.+)", detail):
            return f"不能与 {found[1]} 同时使用"
        return detail


Sub = Any  # argparse's sub-command action, typed by its own parser class


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line; given the arguments, in full only for the command they name.

    Every command is listed (with its help, for ``-h`` and for a mistyped name), but only the
    one named is built, and with it what its options need (the purposes, the ledger kinds,
    the other commands' modules): a hardware caller's ``queue call`` builds ``queue`` alone.
    Without arguments, the whole tree. Each command names its handler as "module:function",
    imported after parsing, so that ``queue call`` does not load what the others need.
    """
    parser = ArgumentParser(prog="hall-admin", description="群众工作部大厅管理命令")
    parser.add_argument(
        "--db", help="数据库地址（SQLAlchemy URL）；默认读 HALL_DB_URL 或本机内置库"
    )
    sub = parser.add_subparsers(dest="command", required=True)
    named = None if argv is None else set(argv)
    for names, build in SECTIONS:
        if named is None or not named.isdisjoint(names):
            build(sub, named)
        else:
            for name in names:
                sub.add_parser(name, help=COMMAND_HELP[name])
    return parser


def _init(sub: Sub, _named: set[str] | None) -> None:
    init = sub.add_parser("init", help=COMMAND_HELP["init"])
    init.add_argument("--hall-name", default="群众工作部接待大厅")
    init.add_argument("--city-code", default="411281")
    init.add_argument("--court-code", default="豫1281")
    init.add_argument("--admin-login")
    init.add_argument("--admin-name", default="管理员")
    init.add_argument("--admin-password")
    init.set_defaults(handler="cli.setup_commands:cmd_init")


def _user(sub: Sub, _named: set[str] | None) -> None:
    user = sub.add_parser("user", help=COMMAND_HELP["user"]).add_subparsers(
        dest="user_command", required=True
    )
    add = user.add_parser("add", help="添加用户")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument(
        "--roles",
        required=True,
        help="reception,officer,clerk,leader,admin,security,auditor 中的一个或多个"
        "（admin、security、auditor 三员分立，只能任其一）",
    )
    add.add_argument("--windows", help="可服务的窗口代码，逗号分隔")
    add.add_argument(
        "--password", help="至少 8 位，含大写、小写、数字、符号中的三种；不给出则提示输入"
    )
    add.add_argument("--request-id", help=ONCE_HELP)
    add.set_defaults(handler="cli.setup_commands:cmd_user_add")


def _audit(sub: Sub, _named: set[str] | None) -> None:
    from cli.audit_commands import add_commands  # issue 15: hall-admin audit verify

    add_commands(sub)


def _seed(sub: Sub, _named: set[str] | None) -> None:
    seed = sub.add_parser("seed-demo", help=COMMAND_HELP["seed-demo"])
    seed.add_argument("--visitors", type=number(fields.DEMO_VISITORS), default=24)
    seed.set_defaults(handler="cli.setup_commands:cmd_seed_demo")


def _queue(sub: Sub, named: set[str] | None) -> None:
    q = sub.add_parser("queue", help=COMMAND_HELP["queue"]).add_subparsers(
        dest="queue_command", required=True
    )
    issue_help = "取号"
    if named is None or "issue" in named:
        _queue_issue(q.add_parser("issue", help=issue_help))
    else:
        # Its choices come from the catalogue and the receipt's layouts: not for a call.
        q.add_parser("issue", help=issue_help)
    call = q.add_parser("call", help="叫下一位；给出 --ticket 时指定叫这个号（不按顺序）")
    call.add_argument("--window", help="叫这个窗口的下一位")
    call.add_argument("--ticket", help="指定叫号：今天的票号（如 A017）或排队票编号")
    call.add_argument("--reason", default="命令行指定叫号", help="指定叫号的原因（记入操作日志）")
    call.add_argument("--seat", type=number(fields.SEAT))
    call.add_argument("--json", action="store_true")
    call.add_argument("--request-id", help=ONCE_HELP)
    call.add_argument("--token", help=TOKEN_HELP)
    call.add_argument("--user", help=PROVE_HELP)
    call.set_defaults(handler="cli.queue_commands:cmd_queue_call")
    status = q.add_parser("status", help="各窗口排队情况")
    status.add_argument("--json", action="store_true")
    status.add_argument(
        "--seconds", type=number(fields.UNCONFIRMED_SECONDS), default=60, help=UNCONFIRMED_HELP
    )
    status.set_defaults(handler="cli.queue_commands:cmd_queue_status")
    ticket_help = "今天的票号（如 A017）或排队票编号"
    recall = q.add_parser("recall", help="重呼（超过重呼次数记为过号）")
    requeue = q.add_parser("requeue", help="过号重排：过号后回来的来访人排到后面几位之后")
    finish = q.add_parser("finish", help="办结（已叫号未开始办理的，一并记开始办理）")
    release = q.add_parser("release", help="把已叫号无人应答的来访人退回队列原位")
    rate = q.add_parser("rate", help="记录来访人对一次办结服务的评价")
    for command in (recall, requeue, finish, release, rate):
        command.add_argument("--ticket", help=ticket_help)
        command.add_argument("--window", help="不给票号时：窗口代码")
        command.add_argument("--seat", type=number(fields.SEAT), help="不给票号时：座位号")
        command.add_argument("--request-id", help=ONCE_HELP)
        command.add_argument("--json", action="store_true")
        command.add_argument("--token", help=TOKEN_HELP)
        command.add_argument("--user", help=PROVE_HELP)
    recall.set_defaults(handler="cli.queue_commands:cmd_queue_recall")
    requeue.set_defaults(handler="cli.queue_commands:cmd_queue_requeue")
    finish.add_argument("--notes", help="办理情况")
    finish.set_defaults(handler="cli.queue_commands:cmd_queue_finish")
    release.add_argument(
        "--stale", action="store_true", help="退回所有超时未办理的叫号（时限取大厅设置）"
    )
    release.add_argument(
        "--minutes", type=number(fields.MINUTES), help="与 --stale 一起：超过多少分钟算超时"
    )
    release.add_argument(
        "--unreceived", action="store_true", help="退回叫号器未确认收到的叫号（结果丢失的叫号）"
    )
    release.add_argument(
        "--seconds", type=number(fields.UNCONFIRMED_SECONDS), default=60, help=UNCONFIRMED_HELP
    )
    release.set_defaults(handler="cli.queue_commands:cmd_queue_release")
    rate.add_argument(
        "--score", required=True, help="满意、基本满意、不满意（或 satisfied 等代码）"
    )
    rate.set_defaults(handler="cli.queue_commands:cmd_queue_rate")
    ack = q.add_parser("ack", help="叫号器确认已收到一次叫号（叫号编号见 queue call --json）")
    ack.add_argument("call_id", help="queue call 给出的 call_id")
    ack.add_argument("--json", action="store_true")
    ack.set_defaults(handler="cli.queue_commands:cmd_queue_ack")


def _queue_issue(issue: argparse.ArgumentParser) -> None:
    from hall.catalog import PURPOSES
    from printing.layouts import LAYOUTS

    issue.add_argument("--window", required=True)
    issue.add_argument("--priority")
    issue.add_argument("--json", action="store_true")
    issue.add_argument("--name", help="来访人姓名：登记来访（与导访台相同）后取号")
    issue.add_argument("--purpose", choices=tuple(PURPOSES), default="request", help="诉求类别")
    issue.add_argument("--summary", default="", help="事由摘要（用 --name 登记来访时必填）")
    issue.add_argument("--receipt", metavar="FILE.pdf", help="把导访凭条保存为 PDF（需 --name）")
    issue.add_argument("--layout", choices=LAYOUTS, default=LAYOUTS[0], help="凭条版式")
    issue.add_argument("--request-id", help=ONCE_HELP)
    issue.add_argument("--token", help=TOKEN_HELP)
    issue.add_argument("--user", help=PROVE_HELP)
    issue.set_defaults(handler="cli.queue_commands:cmd_queue_issue")


def _case(sub: Sub, _named: set[str] | None) -> None:
    c = sub.add_parser("case", help=COMMAND_HELP["case"]).add_subparsers(
        dest="case_command", required=True
    )
    show = c.add_parser("show", help="查看一件信访事项")
    show.add_argument("number", help="编号（如 义群信〔2026〕0123号）或条码（如 XF2026-0123）")
    show.add_argument("--json", action="store_true")
    show.add_argument("--user", help="查看人的登录名（需输入密码）；不给出则只显示公开信息")
    show.add_argument("--date", type=parse_date, help="按哪一天计算期限和提醒（默认今天）")
    show.set_defaults(handler="cli.case_commands:cmd_case_show")
    listing = c.add_parser("list", help="列出信访事项")
    listing.add_argument("--overdue", action="store_true", help="只列超期的，超期最久的在前")
    listing.add_argument("--state", help="只列某一状态（如 handling）")
    listing.add_argument("--limit", type=number(fields.LIMIT), default=100)
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--date", type=parse_date, help="按哪一天计算（默认今天）")
    listing.set_defaults(handler="cli.case_commands:cmd_case_list")


def _court(sub: Sub, _named: set[str] | None) -> None:
    court_cmd = sub.add_parser("court", help=COMMAND_HELP["court"]).add_subparsers(
        dest="court_command", required=True
    )
    user_help = "查看人的登录名；法庭卷宗只对书记员和管理员开放"
    court_list = court_cmd.add_parser("list", help="列出法庭案件（审限最近的在前）")
    court_list.add_argument("--user", required=True, help=user_help)
    court_list.add_argument("--all", action="store_true", help="连同已结案的")
    court_list.add_argument("--limit", type=number(fields.LIMIT), default=100)
    court_list.add_argument("--json", action="store_true")
    court_list.add_argument("--date", type=parse_date, help="按哪一天计算审限（默认今天）")
    court_list.set_defaults(handler="cli.case_commands:cmd_court_list")
    court_show = court_cmd.add_parser("show", help="查看一件法庭案件")
    court_show.add_argument(
        "number", help="案号（如 （2026）豫1281民初1号）、移交单编号或条码（如 YJ2026-0001）"
    )
    court_show.add_argument("--user", required=True, help=user_help)
    court_show.add_argument("--json", action="store_true")
    court_show.add_argument("--date", type=parse_date, help="按哪一天计算审限（默认今天）")
    court_show.set_defaults(handler="cli.case_commands:cmd_court_show")
    court_fig = court_cmd.add_parser("figures", help="巡回法庭统计")
    court_fig.add_argument("--from", dest="first", type=parse_date, required=True)
    court_fig.add_argument("--to", dest="last", type=parse_date, required=True)
    court_fig.add_argument("--json", action="store_true")
    court_fig.set_defaults(handler="cli.case_commands:cmd_court_figures")
    court_print = court_cmd.add_parser("print", help="把移交单、调解书或案件封面保存为 PDF")
    court_print.add_argument("paper", choices=("slip", "mediation", "cover"))
    court_print.add_argument("number", help="移交单编号、条码或案号")
    court_print.add_argument("--user", required=True, help="打印人的登录名")
    court_print.add_argument("--out", required=True, help="PDF 文件保存到哪里")
    court_print.set_defaults(handler="cli.case_commands:cmd_court_print")


def _calendar(sub: Sub, _named: set[str] | None) -> None:
    cal = sub.add_parser("calendar", help=COMMAND_HELP["calendar"]).add_subparsers(
        dest="calendar_command", required=True
    )
    cal_show = cal.add_parser("show", help="列出某年的放假和调休上班日（未录入的年份含临时假日）")
    cal_show.add_argument("year", type=int, help="年份（如 2027）")
    cal_show.set_defaults(handler="cli.calendar_commands:cmd_calendar_show")
    cal_recompute = cal.add_parser(
        "recompute", help="按法定假日重新计算缺少放假安排年份的期限（升级数据库后运行一次）"
    )
    cal_recompute.set_defaults(handler="cli.calendar_commands:cmd_calendar_recompute")


def _device(sub: Sub, _named: set[str] | None) -> None:
    from cli.device_commands import add_device_parser

    add_device_parser(sub)


def _report(sub: Sub, _named: set[str] | None) -> None:
    report = sub.add_parser("report", help=COMMAND_HELP["report"])
    report.add_argument("--from", dest="first", type=parse_date, required=True, help="开始日期")
    report.add_argument("--to", dest="last", type=parse_date, required=True, help="结束日期")
    report.add_argument("--window", help="只统计一个窗口（窗口代码，如 letters）")
    output = report.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    output.add_argument("--xlsx", metavar="FILE.xlsx", help="保存为 Excel 统计表")
    output.add_argument(
        "--pdf", metavar="FILE.pdf", help="保存统计月报（整年为年度信访工作情况报告）PDF"
    )
    report.set_defaults(handler="cli.report_commands:cmd_report")


def _ledger(sub: Sub, _named: set[str] | None) -> None:
    # Even the ledger kinds come from the ledger rules, which load openpyxl.
    from cli.ledger_commands import add_ledger_parser

    add_ledger_parser(sub)


def _appointment(sub: Sub, _named: set[str] | None) -> None:
    from cli.appointment_commands import add_appointment_parser

    add_appointment_parser(sub)


def _security(sub: Sub, _named: set[str] | None) -> None:
    from cli.security_commands import add_security_parser

    add_security_parser(sub)


def _mechanisms(sub: Sub, _named: set[str] | None) -> None:
    from cli.mechanism_parser import add_mechanism_parsers

    add_mechanism_parsers(sub)


# The commands in the order ``-h`` lists them: the names each builder adds, and the builder.
SECTIONS: tuple[tuple[tuple[str, ...], Callable[[Sub, set[str] | None], None]], ...] = (
    (("init",), _init),
    (("user",), _user),
    (("audit",), _audit),
    (("seed-demo",), _seed),
    (("queue",), _queue),
    (("case",), _case),
    (("court",), _court),
    (("calendar",), _calendar),
    (("device",), _device),
    (("report",), _report),
    (("ledger",), _ledger),
    (("appointment",), _appointment),
    (("key", "backup", "restore", "retention"), _security),
    (("dispute", "workday", "hearing", "station"), _mechanisms),
)
