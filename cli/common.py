"""What every ``hall-admin`` command shares: exit codes, its one error, JSON output, dates."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable

from db import action_requests
from hall import (
    clock,
    fields,
)
from hall.errors import InvalidInput

EXIT_REFUSED = 2
EXIT_DATABASE = 3
# argparse's own code for a command line it cannot read.
EXIT_USAGE = 2


# Every command's line in ``hall-admin -h``: the parser lists them all, but builds in full only
# the command named (cli.parser), so each builder and the list read their help from here.
COMMAND_HELP = {
    "init": "创建或升级数据库结构",
    "user": "用户管理",
    "audit": "审计记录",
    "seed-demo": "填入演示数据",
    "queue": "排队叫号",
    "case": "信访事项",
    "court": "巡回法庭",
    "calendar": "节假日日历",
    "device": "叫号器、评价器、取号机等设备",
    "report": "统计报表：件数、人次、各项比率",
    "ledger": "台账：模板、导入、导出",
    "appointment": "预约",
    "key": "大厅数据密钥",
    "backup": "备份数据库到文件（加密并校验）",
    "restore": "从备份文件恢复到空数据库",
    "retention": "期满已办结事项归档并去标识（先预演）",
    "dispute": "矛盾纠纷排查化解台账",
    "workday": "群众工作日",
    "hearing": "听证",
    "station": "群众工作站",
}


class CliError(Exception):
    pass


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def request_id(args: argparse.Namespace) -> str:
    """The caller's id for this action (a hardware caller repeating a press it got no answer
    to gives the same one, and it is applied once), else a new one."""
    if args.request_id is None:
        return action_requests.new_request_id()
    try:
        return fields.clean(fields.REQUEST_ID, args.request_id) or action_requests.new_request_id()
    except InvalidInput as error:
        raise CliError(f"--request-id：{error.message}") from None


def new_password(given: str | None, prompt: str) -> str:
    """A password for a new account: given on the command line, or typed on the terminal."""
    if given:
        return given
    if not sys.stdin.isatty():
        raise CliError("没有终端可以输入密码：请用 --password 给出新账号的密码。")
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise CliError("没有读到密码：请在终端输入，或用 --password 给出。") from None


def as_of(args: argparse.Namespace) -> dt.date:
    return args.date or clock.now().date()


def parse_date(text: str) -> dt.date:
    try:
        return fields.parse_day(fields.DATE, text)
    except InvalidInput as error:
        raise argparse.ArgumentTypeError(error.message) from None


def number(rule: fields.Number) -> Callable[[str], int]:
    """An argparse type: a whole number in the field's range, else the field's message."""

    def parse(text: str) -> int:
        try:
            return fields.parse_number(rule, text)
        except InvalidInput as error:
            raise argparse.ArgumentTypeError(error.message) from None

    return parse


def reason_of(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
