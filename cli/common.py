"""What every ``hall-admin`` command shares: exit codes, its one error, JSON output, dates."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from db import action_requests
from hall import (
    clock,
)

EXIT_REFUSED = 2
EXIT_DATABASE = 3
# argparse's own code for a command line it cannot read.
EXIT_USAGE = 2


class CliError(Exception):
    pass


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, default=str))


def request_id(args: argparse.Namespace) -> str:
    """The caller's id for this action (a hardware caller repeating a press it got no answer
    to gives the same one, and it is applied once), else a new one."""
    return args.request_id or action_requests.new_request_id()


def as_of(args: argparse.Namespace) -> dt.date:
    return args.date or clock.now().date()


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期应写成 年-月-日（如 2026-03-02）：{text}") from None


def reason_of(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__
