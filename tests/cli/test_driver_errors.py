"""The database's own failures, provoked for real, come out of ``hall-admin`` as one Chinese
sentence naming the cause and the fix, without the driver's English (issue 19)."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from cli import admin
from cli.common import EXIT_DATABASE
from cli.failures import database_failure
from db.engine import Database

# A word of the driver's English ("value", "locked", "bigint") in what the user reads.
ENGLISH = re.compile(r"[A-Za-z]{3,}")
HOLD_LOCK = """
import sqlite3, sys, time
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def locked(sqlite_db: Database) -> Iterator[Database]:
    """The database file with a write lock held by another program until the test ends."""
    path = sqlite_db.url.removeprefix("sqlite:///")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, path], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
        yield sqlite_db
    finally:
        holder.kill()
        holder.wait(30)
        assert holder.stdout is not None
        holder.stdout.close()


def test_a_write_lock_held_by_another_program_is_said_in_chinese(
    locked: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code = admin.run(["--db", locked.url, "queue", "issue", "--window", "legal"])
    out, err = capsys.readouterr()
    assert (code, out) == (EXIT_DATABASE, "")
    (line,) = err.splitlines()
    assert line.startswith("错误：")
    assert "数据库文件正被另一个程序写入" in line and "关闭其他正在使用这个数据库文件的程序" in line
    assert "locked" not in line


@pytest.mark.parametrize(
    ("statement", "says"),
    [
        (
            "INSERT INTO too_short VALUES ('far too long for four')",
            "有一项内容超过了数据库允许的长度：请缩短后重试。",
        ),
        (
            "SELECT 9223372036854775807::bigint + 1",
            "有一个数字或日期超出了允许的范围：请改小后重试。",
        ),
        ("SELECT 1 LIMIT -1", "给出的数量不能是负数：请改为正数后重试。"),
    ],
)
def test_postgresql_refusals_of_a_value_are_said_in_chinese(
    pg_db: Database, statement: str, says: str
) -> None:
    with pg_db.engine.connect() as connection:
        connection.execute(text("CREATE TEMP TABLE too_short (v varchar(4))"))
        with pytest.raises(SQLAlchemyError) as raised:
            connection.execute(text(statement))
    sentence = database_failure(raised.value)
    assert sentence == says
    assert not ENGLISH.search(sentence)
