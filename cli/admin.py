"""``hall-admin``: what an administrator, a kiosk or a hardware caller does without a screen.

Every command takes ``--db URL`` (or ``HALL_DB_URL``); without it, the embedded SQLite file.
Errors print one line in Chinese and exit non-zero, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from alembic.util import CommandError
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from cli.common import (
    EXIT_DATABASE,
    EXIT_REFUSED,
    CliError,
    reason_of,
)
from cli.parser import build_parser
from db.engine import Database, resolve_url
from hall.errors import HallError
from hall.startup import open_database


def run(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[Database, argparse.Namespace], Any] = args.handler
    try:
        db = open_database(args.db)
    except NoSuchModuleError:
        kind = make_url(resolve_url(args.db)).drivername
        print(
            f"错误：不支持“{kind}”这种数据库，请使用 PostgreSQL（postgresql://…）"
            "或 SQLite（sqlite:///…）。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except ArgumentError:
        print(
            "错误：数据库地址格式不对，应写成 postgresql://用户@主机:端口/库名 或 sqlite:///文件路径。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except CommandError as error:
        # Alembic does not know the schema's revision: a newer program has migrated it.
        print(
            f"错误：数据库结构无法升级（{reason_of(error)}）。"
            "如果这个数据库已被更新版本的程序使用过，请改用新版本的程序。",
            file=sys.stderr,
        )
        return EXIT_DATABASE
    except (SQLAlchemyError, OSError, ValueError) as error:
        url = make_url(resolve_url(args.db))
        hint = (
            "请检查文件路径，以及它是否为本程序的数据库文件。"
            if url.get_backend_name() == "sqlite"
            else "请检查数据库服务器是否在运行，地址、端口和库名是否正确。"
        )
        where = url.render_as_string(hide_password=True)
        print(f"错误：无法打开数据库 {where}（{reason_of(error)}）。{hint}", file=sys.stderr)
        return EXIT_DATABASE
    try:
        handler(db, args)
    except (HallError, CliError) as error:
        print(f"错误：{error}", file=sys.stderr)
        return EXIT_REFUSED
    except SQLAlchemyError as error:
        print(f"错误：数据库操作失败：{reason_of(error)}", file=sys.stderr)
        return EXIT_DATABASE
    finally:
        db.dispose()
    return 0


def main() -> None:
    sys.exit(run())
