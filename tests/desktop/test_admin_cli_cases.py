"""``hall-admin case show`` and ``case list --overdue``: what supervisors' scripts and
scheduled checks read, on both databases."""

from __future__ import annotations

import datetime as dt
import json
import subprocess

import pytest

from cli import admin as admin_cli
from db import events
from db.engine import Database
from hall import cases, court, users
from tests.desktop.conftest import HALL_ADMIN
from tests.hall.court_helpers import T0, add_people, brief
from tests.hall.test_cases import act, letter

D = dt.date


def run(capsys: pytest.CaptureFixture[str], db: Database, *argv: str) -> tuple[int, str, str]:
    code = admin_cli.run(["--db", db.url, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def three_cases(hall_db: Database) -> dict[str, int]:
    """One decided in time, one waiting since 2 March, one assigned and overdue."""
    with hall_db.write() as s:
        unit = cases.add_unit(s, "义马市自然资源局", "市直部门").id
    waiting = letter(hall_db, D(2026, 3, 2))
    accepted = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.accept, accepted, D(2026, 3, 3))
    assigned = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.assign, assigned, D(2026, 3, 3), unit, D(2026, 3, 16))
    return {"waiting": waiting, "accepted": accepted, "assigned": assigned}


def test_case_show_json(
    hall_db: Database, three_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, hall_db, "case", "show", "义群信〔2026〕0002号", "--json", "--date", "2026-04-20"
    )
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert shown["number"] == "义群信〔2026〕0002号" and shown["barcode"] == "XF2026-0002"
    assert (shown["state"], shown["decision"], shown["decided_on"]) == (
        "handling",
        "accepted",
        "2026-03-03",
    )
    # Accepted 3 March: 60 days end on 2 May, a holiday, so 6 May; 20 April is 75 % of 64 days.
    assert (shown["due_on"], shown["days_left"], shown["alert"]) == ("2026-05-06", 16, 75)
    assert shown["summary"] == "要求解决宅基地确权纠纷" and shown["withheld"] is False


def test_case_show_text_by_barcode(
    hall_db: Database, three_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, hall_db, "case", "show", "XF2026-0003", "--date", "2026-03-20")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "义群信〔2026〕0003号（XF2026-0003）  办理中"
    assert "承办单位：义马市自然资源局    交办期限：2026-03-16" in lines
    assert "当前期限：2026-03-16，剩余 -4 日  已超期" in lines


def test_an_unknown_case_is_one_chinese_line_and_exit_2(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, hall_db, "case", "show", "义群信〔2026〕0999号")
    assert (code, out) == (2, "")
    assert err == "错误：没有编号为“义群信〔2026〕0999号”的信访事项。\n"


def test_a_bad_date_is_refused_by_the_parser(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        admin_cli.run(["--db", hall_db.url, "case", "list", "--date", "3月2日"])
    assert exit_.value.code == 2
    assert "日期应写成 年-月-日" in capsys.readouterr().err


def test_case_list_overdue_json_longest_first(
    hall_db: Database, three_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, hall_db, "case", "list", "--overdue", "--json", "--date", "2026-03-20"
    )
    assert code == 0
    listed = json.loads(out)
    assert (listed["date"], listed["total"]) == ("2026-03-20", 2)
    assert [(c["number"], c["due_on"], c["days_overdue"]) for c in listed["cases"]] == [
        ("义群信〔2026〕0003号", "2026-03-16", 4),
        ("义群信〔2026〕0001号", "2026-03-17", 3),
    ]
    assert listed["cases"][0]["reasons"] == ["逾期未办结（期限2026年3月16日）"]


def test_case_list_text_and_nothing_overdue(
    hall_db: Database, three_cases: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, hall_db, "case", "list", "--overdue", "--date", "2026-03-16")
    assert (code, out) == (0, "没有超期的信访事项。\n")
    code, out, _ = run(capsys, hall_db, "case", "list", "--overdue", "--date", "2026-03-18")
    assert out.splitlines() == [
        "义群信〔2026〕0003号  办理中  期限 2026-03-16  超期 2 日  义马市自然资源局",
        "义群信〔2026〕0001号  已登记待受理  期限 2026-03-17  超期 1 日",
    ]
    code, out, _ = run(capsys, hall_db, "case", "list", "--state", "handling", "--limit", "1")
    assert out.splitlines()[-1] == "（共 2 件，只列出前 1 件）"


def test_an_accusation_is_withheld_unless_the_viewer_may_read_it(
    hall_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with hall_db.write() as s:
        accused = cases.add_unit(s, "千秋路街道办事处", "乡镇街道").id
        leader = users.add_user(s, "lingdao", "刘书记", "secret1", [users.LEADER]).id
    case_id = letter(
        hall_db, purpose="report", summary="举报工作人员收受好处", accused_unit_id=accused
    )
    _, anonymous, _ = run(capsys, hall_db, "case", "show", "XF2026-0001", "--json")
    monkeypatch.setenv("HALL_PASSWORD", "secret1")
    _, allowed, _ = run(
        capsys, hall_db, "case", "show", "XF2026-0001", "--json", "--user", "lingdao"
    )
    assert json.loads(anonymous)["summary"] == cases.WITHHELD
    assert json.loads(anonymous)["petitioner"] == "张*"
    assert json.loads(allowed)["summary"] == "举报工作人员收受好处"
    with hall_db.read() as s:
        log = [(e.kind, e.actor_id) for e in events.for_entity(s, "case", case_id)]
    assert log[-2:] == [("case.view_withheld", None), ("case.viewed", leader)]


def test_the_installed_command_serves_a_scheduled_check(
    hall_db: Database, three_cases: dict[str, int]
) -> None:
    result = subprocess.run(
        [
            HALL_ADMIN,
            "--db",
            hall_db.url,
            "case",
            "list",
            "--overdue",
            "--json",
            "--date",
            "2026-03-20",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["total"] == 2


def test_case_show_tells_where_a_separated_case_stands_with_the_court(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    add_people(hall_db)
    case_id = letter(hall_db, D(2026, 3, 2), litigation=True)
    act(hall_db, cases.separate, case_id, D(2026, 3, 3))
    _, waiting, _ = run(capsys, hall_db, "case", "show", "XF2026-0001", "--date", "2026-03-03")
    assert "法庭移交：待移交法庭" in waiting.splitlines()
    with hall_db.write() as s:
        court.hand_off_case(s, case_id, brief(), users.by_login(s, "banxin"), T0)
    code, out, _ = run(capsys, hall_db, "case", "show", "XF2026-0001", "--json")
    assert code == 0
    shown = json.loads(out)
    assert shown["court_handoff"] == "handed"
    assert (shown["court"]["handoff_number"], shown["court"]["handoff_state"]) == (
        "移交〔2026〕0001号",
        "handed",
    )
    _, text, _ = run(capsys, hall_db, "case", "show", "XF2026-0001")
    assert "法庭移交：移交〔2026〕0001号，待接收" in text.splitlines()
