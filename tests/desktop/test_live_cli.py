"""What a hardware caller or a rating pad does through ``hall-admin``: recall, finish, release,
rate, each with --json, each applied once per request id, on both databases."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from typing import Any

import pytest
from sqlalchemy import func, select

from cli import admin as admin_cli
from db.engine import Database
from db.models import Event, Ticket
from hall import queue, settings
from tests.daytime import pin_clock
from tests.desktop.conftest import HALL_ADMIN


def cli(capsys: pytest.CaptureFixture[str], database: Database, *argv: str) -> tuple[int, str, str]:
    code = admin_cli.run(["--db", database.url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys: pytest.CaptureFixture[str], database: Database, *argv: str) -> Any:
    code, out, err = cli(capsys, database, *argv, "--json")
    assert (code, err) == (0, ""), err
    (line,) = out.splitlines()
    return json.loads(line)


def refusal(capsys: pytest.CaptureFixture[str], database: Database, *argv: str) -> str:
    code, out, err = cli(capsys, database, *argv)
    assert (code, out) == (admin_cli.EXIT_REFUSED, "")
    (line,) = err.splitlines()
    assert line.startswith("错误：")
    return line


def events_of(database: Database, kind: str) -> int:
    with database.read() as s:
        return s.scalar(select(func.count()).where(Event.kind == kind)) or 0


def issue(database: Database, count: int = 1, window: str = "legal") -> None:
    with database.write() as s:
        for _ in range(count):
            queue.issue_ticket(s, window)


def test_a_hardware_caller_calls_recalls_and_finishes_at_its_seat(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    issue(hall_db, 2)
    called = as_json(capsys, hall_db, "queue", "call", "--window", "legal", "--seat", "2")
    assert called["number"] == "A001"
    recalled = as_json(capsys, hall_db, "queue", "recall", "--window", "legal", "--seat", "2")
    assert (recalled["number"], recalled["status"], recalled["recall_count"]) == (
        "A001",
        "called",
        1,
    )
    finished = as_json(
        capsys, hall_db, "queue", "finish", "--window", "legal", "--seat", "2", "--notes", "已答复"
    )
    assert (finished["number"], finished["status"], finished["notes"]) == (
        "A001",
        "finished",
        "已答复",
    )
    # The caller has no "start" key: the service started when it finished.
    assert finished["started_at"] is not None
    assert [events_of(hall_db, k) for k in ("ticket.recalled", "ticket.started")] == [1, 1]
    # Plain output, for a person reading it.
    as_json(capsys, hall_db, "queue", "call", "--window", "legal", "--seat", "1")
    code, out, _ = cli(capsys, hall_db, "queue", "recall", "--ticket", "a002")
    assert (code, out) == (0, "A002  法律服务  已呼叫\n")


def test_a_press_repeated_with_its_request_id_is_done_once(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    issue(hall_db)
    as_json(capsys, hall_db, "queue", "call", "--window", "legal")
    press = ("queue", "recall", "--ticket", "A001", "--request-id", "pad-7-0001")
    first = as_json(capsys, hall_db, *press)
    again = as_json(capsys, hall_db, *press)
    assert first["recall_count"] == again["recall_count"] == 1
    assert events_of(hall_db, "ticket.recalled") == 1
    # Another press is another recall.
    assert as_json(capsys, hall_db, "queue", "recall", "--ticket", "A001")["recall_count"] == 2


def test_release_puts_an_unanswered_call_back_at_its_place(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    issue(hall_db, 3)
    as_json(capsys, hall_db, "queue", "call", "--window", "legal", "--seat", "1")
    released = as_json(capsys, hall_db, "queue", "release", "--ticket", "A001")
    assert (released["status"], released["seat"], released["called_at"]) == ("waiting", None, None)
    # First in the queue again, before A002.
    assert as_json(capsys, hall_db, "queue", "call", "--window", "legal")["number"] == "A001"
    assert "A002 号当前状态为“等候中”，不能退回队列" in refusal(
        capsys, hall_db, "queue", "release", "--ticket", "A002"
    )


def test_release_of_stale_calls_follows_the_halls_timeout(
    hall_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A call 25 minutes back must fall on the day the tickets are issued, whenever this runs.
    now = pin_clock(monkeypatch)
    issue(hall_db, 2)
    with hall_db.write() as s:
        queue.call_next(s, "legal", now=now - dt.timedelta(minutes=25))
        queue.call_next(s, "legal", now=now - dt.timedelta(minutes=5))
    # The hall's default: 20 minutes.
    result = as_json(capsys, hall_db, "queue", "release", "--stale")
    assert result["minutes"] == 20
    assert [t["number"] for t in result["released"]] == ["A001"]
    result = as_json(capsys, hall_db, "queue", "release", "--stale", "--minutes", "1")
    assert [t["number"] for t in result["released"]] == ["A002"]
    with hall_db.write() as s:
        settings.put(s, settings.CALL_TIMEOUT_MINUTES, 0)
    assert "大厅未设置叫号超时" in refusal(capsys, hall_db, "queue", "release", "--stale")


def test_a_rating_pad_rates_the_service_just_finished_once(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    issue(hall_db)
    as_json(capsys, hall_db, "queue", "call", "--window", "legal", "--seat", "1")
    as_json(capsys, hall_db, "queue", "finish", "--window", "legal", "--seat", "1")
    rated = as_json(
        capsys, hall_db, "queue", "rate", "--window", "legal", "--seat", "1", "--score", "基本满意"
    )
    assert (rated["ticket"], rated["score"], rated["score_name"], rated["source"]) == (
        "A001",
        "basic",
        "基本满意",
        "visitor",
    )
    assert "不能重复评价" in refusal(
        capsys, hall_db, "queue", "rate", "--ticket", "A001", "--score", "满意"
    )
    assert "评价“很好”无效" in refusal(
        capsys, hall_db, "queue", "rate", "--ticket", "A001", "--score", "很好"
    )


def test_refusals_name_what_is_wrong(hall_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    issue(hall_db, 2)
    assert "A001 号当前状态为“等候中”，不能重呼" in refusal(
        capsys, hall_db, "queue", "recall", "--ticket", "A001"
    )
    assert "“Z001”不是今天的票号" in refusal(capsys, hall_db, "queue", "recall", "--ticket", "Z001")
    assert "法律服务窗口今天没有 A009 号" in refusal(
        capsys, hall_db, "queue", "finish", "--ticket", "A009"
    )
    nobody = refusal(capsys, hall_db, "queue", "finish", "--window", "legal")
    assert "法律服务窗口现在没有" in nobody
    assert "请用 --ticket 指明票号" in refusal(capsys, hall_db, "queue", "recall")
    with hall_db.write() as s:
        queue.call_next(s, "legal", seat=1)
        queue.call_next(s, "legal", seat=2)
    assert "有 2 位来访人（" in refusal(capsys, hall_db, "queue", "recall", "--window", "legal")
    with hall_db.read() as s:
        assert {t.recall_count for t in s.scalars(select(Ticket))} == {0}


def test_the_installed_command_recalls_for_a_hardware_caller(hall_db: Database) -> None:
    issue(hall_db)
    with hall_db.write() as s:
        queue.call_next(s, "legal", seat=1)
    done = subprocess.run(
        [HALL_ADMIN, "--db", hall_db.url, "queue", "recall", "--window", "legal", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["recall_count"] == 1
