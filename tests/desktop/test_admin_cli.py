"""The real ``hall-admin`` executable, run as a separate process on both databases: what an
administrator or a kiosk script sees on stdout and stderr, and the exit codes."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from db.engine import Database
from hall import clock, queue, settings, setup, users
from tests.desktop.conftest import HALL_ADMIN

CHINESE = re.compile(r"[\u4e00-\u9fff]")
# Generous: the machine may be busy; one run takes a second or two.
TIMEOUT = 120


def hall_admin(url: str, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [HALL_ADMIN, "--db", url, *argv], capture_output=True, text=True, timeout=TIMEOUT
    )


def ok(url: str, *argv: str) -> str:
    result = hall_admin(url, *argv)
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def as_json(url: str, *argv: str) -> dict[str, Any]:
    """The command's one JSON object (exactly one line on stdout)."""
    lines = ok(url, *argv, "--json").splitlines()
    assert len(lines) == 1, lines
    data = json.loads(lines[0])
    assert isinstance(data, dict)
    return data


def refused(result: subprocess.CompletedProcess[str], code: int) -> str:
    """A refusal: the exit code, nothing on stdout, one Chinese line on stderr, no traceback."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：") and CHINESE.search(lines[0][3:])
    assert "Traceback" not in result.stderr
    return lines[0]


def test_init_user_add_and_the_queue(db: Database) -> None:
    out = ok(
        db.url,
        "init",
        "--hall-name",
        "测试大厅",
        "--admin-login",
        "boss",
        "--admin-name",
        "王主任",
        "--admin-password",
        "secret123",
    )
    assert "已初始化" in out and "boss" in out
    assert "无需初始化" in ok(db.url, "init")
    out = ok(
        db.url,
        *("user", "add", "falv", "--name", "李明", "--roles", "officer"),
        *("--windows", "legal,aid", "--password", "Secret123"),
    )
    assert "falv" in out
    with db.write() as s:
        assert setup.is_set_up(s) and settings.get(s, settings.HALL_NAME) == "测试大厅"
        assert users.roles_of(users.authenticate(s, "boss", "secret123")) == {users.ADMIN}
        officer = users.authenticate(s, "falv", "Secret123")
        assert users.window_codes(officer) == ["legal", "aid"]

    issued = [
        as_json(db.url, "queue", "issue", "--window", "legal"),
        as_json(db.url, "queue", "issue", "--window", "legal"),
        as_json(db.url, "queue", "issue", "--window", "legal", "--priority", "elderly"),
    ]
    assert [(t["number"], t["window"], t["status"]) for t in issued] == [
        ("A001", "legal", "waiting"),
        ("A002", "legal", "waiting"),
        ("A003", "legal", "waiting"),
    ]
    assert issued[2]["priority_reason"] == "elderly"

    called = as_json(db.url, "queue", "call", "--window", "legal", "--seat", "2")
    assert (called["number"], called["window"], called["status"], called["seat"]) == (
        "A003",
        "legal",
        "called",
        2,
    )
    assert as_json(db.url, "queue", "call", "--window", "talk") == {
        "number": None,
        "window": "talk",
        "status": "empty",
    }
    status = {w["window"]: w for w in as_json(db.url, "queue", "status")["windows"]}
    assert (status["legal"]["waiting"], status["legal"]["calling"]) == (2, ["A003"])
    with db.read() as s:
        waiting = [t.number for t in queue.waiting(s, "legal", clock.now().date())]
    assert waiting == ["A001", "A002"]
    # Without --json: one readable line.
    assert re.fullmatch(
        r"A004 +法律服务 +等候中\n", ok(db.url, "queue", "issue", "--window", "legal")
    )


def test_init_creates_a_new_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "hall.sqlite3"
    out = ok(f"sqlite:///{path}", "init")
    assert path.exists() and "首次启动" in out


def test_seed_demo_fills_an_empty_database_once(db: Database) -> None:
    out = ok(db.url, "seed-demo")
    assert "demo123" in out
    windows = as_json(db.url, "queue", "status")["windows"]
    assert [w["letter"] for w in windows] == list("ABCDEFGH")
    assert sum(w["waiting"] for w in windows) > 0
    assert "演示数据只能填入空数据库" in refused(hall_admin(db.url, "seed-demo"), 2)


def initialise(database: Database) -> Database:
    with database.write() as s:
        setup.initialise(s, "测试大厅", "411281", "豫1281", "boss", "王主任", "secret123")
    return database


@pytest.fixture
def set_up(db: Database) -> Database:
    return initialise(db)


def test_unknown_window_and_priority_are_refused(set_up: Database) -> None:
    unknown_window = refused(hall_admin(set_up.url, "queue", "issue", "--window", "nowhere"), 2)
    assert "没有代码为“nowhere”的窗口" in unknown_window and "legal" in unknown_window
    unknown_reason = refused(
        hall_admin(set_up.url, "queue", "issue", "--window", "legal", "--priority", "vip"), 2
    )
    assert "没有“vip”这种优先理由" in unknown_reason and "elderly" in unknown_reason
    assert as_json(set_up.url, "queue", "status")["windows"][0]["waiting"] == 0


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["queue", "call", "--window", "legal", "--seat", "9"], "座位号应在 1 到 2 之间"),
        (
            ["user", "add", "boss", "--name", "又一个", "--roles", "admin", "--password", "x" * 8],
            "登录名“boss”已被使用",
        ),
        (
            ["user", "add", "who", "--name", "某人", "--roles", "janitor", "--password", "x" * 8],
            "未知角色",
        ),
        (
            ["user", "add", "who", "--name", "某人", "--roles", "admin", "--password", "123"],
            "密码至少",
        ),
    ],
)
def test_other_refusals(sqlite_db: Database, argv: list[str], says: str) -> None:
    assert says in refused(hall_admin(initialise(sqlite_db).url, *argv), 2)


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["queue", "issue"], "缺少参数 --window"),
        (
            ["queue", "call", "--window", "legal", "--seat", "abc"],
            "参数 --seat：座位号应为 1 到 99 之间的整数",
        ),
        (["queue", "issue", "--window"], "参数 --window：后面应跟一个值"),
        (["queue", "issue", "--window", "legal", "--bogus"], "无法识别的参数：--bogus"),
        (["frobnicate"], "没有“frobnicate”这一项，可选：init、user"),
        (
            ["queue"],
            "缺少子命令（issue、call、status、recall、requeue、finish、release、rate、ack）",
        ),
        ([], "缺少子命令（init、user"),
    ],
)
def test_a_command_line_it_cannot_read_is_explained_in_one_chinese_line(
    sqlite_db: Database, argv: list[str], says: str
) -> None:
    result = subprocess.run(
        [HALL_ADMIN, "--db", sqlite_db.url, *argv], capture_output=True, text=True, timeout=TIMEOUT
    )
    line = refused(result, 2)
    assert says in line and "usage" not in line and "hall-admin" in line


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("postgresql://postgres:topsecret@127.0.0.1:1/hall", "无法打开数据库"),
        ("not a database address", "数据库地址格式不对"),
        ("foo://somewhere/hall", "不支持“foo”这种数据库"),
    ],
)
def test_a_database_it_cannot_open_is_explained_in_one_chinese_line(url: str, says: str) -> None:
    line = refused(hall_admin(url, "queue", "status"), 3)
    assert says in line and "topsecret" not in line


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("这不是数据库")
    assert "是否为本程序的数据库文件" in refused(hall_admin(f"sqlite:///{path}", "init"), 3)


def test_a_database_from_a_newer_program_is_refused_in_one_line(sqlite_db: Database) -> None:
    with sqlite_db.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    line = refused(hall_admin(sqlite_db.url, "queue", "status"), 3)
    assert "9999_future" in line and "新版本" in line


def test_desks_issuing_at_once_from_the_command_line(set_up: Database) -> None:
    processes = [
        subprocess.Popen(
            [HALL_ADMIN, "--db", set_up.url, "queue", "issue", "--window", "aid", "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outputs = [p.communicate(timeout=TIMEOUT) for p in processes]
    assert [p.returncode for p in processes] == [0] * 4, [err for _out, err in outputs]
    numbers = sorted(json.loads(out)["number"] for out, _err in outputs)
    assert numbers == ["D001", "D002", "D003", "D004"]
