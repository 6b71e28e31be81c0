"""``hall-admin``: what an administrator, a kiosk or a hardware caller does without a screen.

Every command takes ``--db URL`` (or ``HALL_DB_URL``); without it, the embedded SQLite file.
Errors print one line in Chinese and exit non-zero, never a traceback: a refusal says what is
wrong and what to do, and a truly unexpected failure says where its details were written.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from cli.common import (
    EXIT_DATABASE,
    EXIT_REFUSED,
    EXIT_USAGE,
    CliError,
    reason_of,
)
from cli.failures import database_failure, request_reused
from cli.parser import build_parser
from db import action_requests
from db.engine import Database, data_dir, resolve_url
from hall import clock
from hall.errors import HallError
from hall.startup import open_database

EXIT_UNEXPECTED = 4
SUPPORTED = ("sqlite", "postgresql")
LOG_NAME = "hall-admin-errors.log"


def _say(message: str) -> None:
    """One line on stderr, whatever the message holds: bytes that were not UTF-8 in the
    arguments come back as escapes instead of failing to print, and a carriage return or
    any other line break echoed from an argument is a space, not a second line."""
    line = " ".join(message.splitlines())
    print(line.encode("utf-8", "backslashreplace").decode("utf-8"), file=sys.stderr)


def run(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    for argument in arguments:
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            _say(
                "错误：参数中有不是 UTF-8 编码的字节，无法识别："
                "请把终端或脚本的字符编码设为 UTF-8 后重试。"
            )
            return EXIT_USAGE
    args = build_parser(arguments).parse_args(arguments)
    try:
        return _run(args)
    except Exception:
        log = _log_unexpected()
        _say(
            "错误：程序遇到意外问题，这次操作没有完成。"
            f"详细情况已写入 {log}，请把这个文件交给技术支持。"
        )
        return EXIT_UNEXPECTED


def _open(args: argparse.Namespace) -> Database | int:
    if args.db is not None and not args.db.strip():
        _say("错误：--db 后面的数据库地址是空的：请写出地址，或去掉 --db 使用本机内置数据库。")
        return EXIT_USAGE
    try:
        url = make_url(resolve_url(args.db))
    except ArgumentError:
        _say(
            "错误：数据库地址格式不对，应写成 postgresql://用户@主机:端口/库名 或 sqlite:///文件路径。"
        )
        return EXIT_DATABASE
    if url.get_backend_name() not in SUPPORTED:
        _say(
            f"错误：不支持“{url.get_backend_name()}”这种数据库。"
            "本程序只支持 PostgreSQL（postgresql://…）和 SQLite（sqlite:///文件路径）。"
        )
        return EXIT_DATABASE
    try:
        return open_database(
            args.db,
            unlock=getattr(args, "unlock", True),
            encrypt=getattr(args, "encrypt_at_start", True),
            upkeep=args.command != "queue",
        )
    except HallError as error:
        # A workstation without the hall key (hall.keys): said as it is, nothing opened.
        _say(f"错误：{error}")
        return EXIT_REFUSED
    except NoSuchModuleError:
        _say(
            f"错误：不支持“{url.drivername}”这种数据库驱动，请使用 PostgreSQL（postgresql://…）"
            "或 SQLite（sqlite:///…）。"
        )
        return EXIT_DATABASE
    except (SQLAlchemyError, OSError, ValueError) as error:
        hint = (
            "请检查文件路径，以及它是否为本程序的数据库文件。"
            if url.get_backend_name() == "sqlite"
            else "请检查数据库服务器是否在运行，地址、端口和库名是否正确。"
        )
        where = url.render_as_string(hide_password=True)
        _say(f"错误：无法打开数据库 {where}：{database_failure(error, opening=True)}{hint}")
        return EXIT_DATABASE
    except Exception as error:
        # Alembic is imported only when a schema is behind (it costs every command a quarter
        # of a second), so its refusal is recognised here, after the fact.
        from alembic.util import CommandError

        if not isinstance(error, CommandError):
            raise
        # Alembic does not know the schema's revision: a newer program has migrated it.
        _say(
            f"错误：数据库结构无法升级（{reason_of(error)}）。"
            "如果这个数据库已被更新版本的程序使用过，请改用新版本的程序。"
        )
        return EXIT_DATABASE


def _run(args: argparse.Namespace) -> int:
    module, name = args.handler.split(":")
    handler: Callable[[Database, argparse.Namespace], Any] = getattr(
        importlib.import_module(module), name
    )
    opened = _open(args)
    if isinstance(opened, int):
        return opened
    try:
        handler(opened, args)
    except (HallError, CliError) as error:
        _say(f"错误：{error}")
        return EXIT_REFUSED
    except action_requests.RequestReused as error:
        _say(f"错误：{request_reused(error)}")
        return EXIT_REFUSED
    except SQLAlchemyError as error:
        _say(f"错误：{database_failure(error)}")
        return EXIT_DATABASE
    finally:
        opened.dispose()
    return 0


def _log_unexpected() -> Path:
    """Append the traceback to the log in the data directory (or, if that cannot be written,
    the temporary directory), and say where."""
    entry = f"--- {clock.now().isoformat(timespec='seconds')}\n{traceback.format_exc()}"
    for folder in (_data_folder(), Path(_temp())):
        if folder is None:
            continue
        path = folder / LOG_NAME
        try:
            with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
                log.write(entry)
        except OSError:
            continue
        return path
    return Path(LOG_NAME)


def _data_folder() -> Path | None:
    try:
        return data_dir()
    except OSError:
        return None


def _temp() -> str:
    return tempfile.gettempdir()


def main() -> None:
    # What is imported by now (SQLAlchemy, the models, the rules) lives until the command exits:
    # frozen, the cyclic collector's passes during the command's own work skip it instead of
    # scanning it again each time (a sixth of a hardware caller's press, issue 16).
    gc.freeze()
    sys.exit(run())
