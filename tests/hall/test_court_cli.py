"""``hall-admin court …`` on both databases: list, show, figures and papers, with the court's
role limits."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from cli.admin import EXIT_REFUSED, run
from db.court_models import BY_DOCUMENT, ORDINARY
from db.engine import Database
from hall import court_cases, court_limits, users
from tests.hall.court_helpers import (
    PASSWORD,
    T0,
    accept,
    accepted_case,
    add_people,
    hand_off,
    new_visit,
)
from tests.hall.court_helpers import register as register_case


@pytest.fixture(autouse=True)
def _password(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ``--user`` here is proven with the helpers' password, as a script would."""
    monkeypatch.setenv("HALL_PASSWORD", PASSWORD)


@pytest.fixture
def hall(hall_db: Database) -> Database:
    """A registered and mediated case (民初1号) and one still at reception."""
    add_people(hall_db)
    case_id = accepted_case(hall_db)
    register_case(hall_db, case_id)
    with hall_db.write() as s:
        clerk = users.by_login(s, "shuji")
        court_cases.record_mediation(s, case_id, T0.date(), "赵德明", "agreed", clerk, now=T0)
        court_cases.close_by_mediation(s, case_id, BY_DOCUMENT, "三月底前还清", clerk, now=T0)
    accept(hall_db, hand_off(hall_db, new_visit(hall_db)))
    return hall_db


def admin(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["--db", db.url, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_court_list_shows_the_open_files_or_all(
    hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = admin(hall, capsys, "court", "list", "--user", "shuji", "--json")
    assert code == 0
    listed = json.loads(out)
    assert listed["total"] == 1
    assert [c["label"] for c in listed["cases"]] == ["移交〔2026〕0002号"]
    code, out, _ = admin(
        hall, capsys, "court", "list", "--user", "shuji", "--all", "--date", "2026-03-02"
    )
    assert code == 0
    assert out.splitlines() == [
        "移交〔2026〕0002号  王大海 诉 张小山  接访",
        "（2026）豫1281民初1号  王大海 诉 张小山  调解结案",
    ]


def test_court_show_by_number_or_barcode(
    hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = admin(
        hall, capsys, "court", "show", "YJ2026-0001", "--user", "shuji", "--date", "2026-03-02"
    )
    assert code == 0
    assert (
        out.splitlines()[0]
        == "（2026）豫1281民初1号  立案阶段  移交单 移交〔2026〕0001号（法律服务）"
    )
    assert "调解：2026-03-02（立案）赵德明 达成调解协议" in out
    assert "结案：调解结案（制作调解书）  2026-03-02" in out
    assert "诉讼费用：免交诉讼费用" in out
    code, out, _ = admin(
        hall, capsys, "court", "show", "（2026）豫1281民初1号", "--user", "admin", "--json"
    )
    assert code == 0
    assert json.loads(out)["registration"]["plaintiff_ethnicity"] == "汉族"


def test_officers_are_refused_court_files_from_the_command_line_too(
    hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for args in (("list",), ("show", "YJ2026-0001"), ("print", "cover", "YJ2026-0001")):
        extra = ("--out", "/nonexistent/x.pdf") if args[0] == "print" else ()
        code, out, err = admin(hall, capsys, "court", *args, "--user", "falv", *extra)
        assert code == EXIT_REFUSED, args
        assert out == ""
        assert err.startswith("错误：法庭卷宗只有法庭书记员和管理员可以查看")


def test_court_figures(hall: Database, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = admin(
        hall, capsys, "court", "figures", "--from", "2026-01-01", "--to", "2026-12-31", "--json"
    )
    assert code == 0
    figures = json.loads(out)
    assert (figures["received"], figures["handled"], figures["registered"]) == (2, 2, 1)
    assert (figures["closed"], figures["mediated"], figures["mediation_rate"]) == (1, 1, 1.0)
    code, out, _ = admin(
        hall, capsys, "court", "figures", "--from", "2026-03-01", "--to", "2026-03-31"
    )
    assert out.splitlines()[0] == (
        "2026-03-01 至 2026-03-31：接待来访群众 2 人次，办理事项 2 件，立案 1 件，结案 1 件，"
        "其中调解结案 1 件，调解率 100.0%"
    )
    with pytest.raises(SystemExit) as usage:
        run(["--db", hall.url, "court", "figures", "--from", "2026-03", "--to", "2026-03-31"])
    assert usage.value.code == 2
    assert "日期应写成 年-月-日（如 2026-03-02），现在是“2026-03”" in capsys.readouterr().err


def test_court_print_saves_the_papers(
    hall: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def text(path: Path) -> str:
        result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        return "".join(result.stdout.split())

    slip = tmp_path / "slip.pdf"
    # The window that handed it over may print its slip again; another window may not.
    code, out, _ = admin(
        hall,
        capsys,
        "court",
        "print",
        "slip",
        "移交〔2026〕0001号",
        "--user",
        "falv",
        "--out",
        str(slip),
    )
    assert code == 0 and out.strip() == f"已保存：{slip}"
    assert "涉法涉诉事项移交单" in text(slip) and "YJ2026-0001" in text(slip)
    code, _, err = admin(
        hall,
        capsys,
        "court",
        "print",
        "slip",
        "YJ2026-0001",
        "--user",
        "bangfu",
        "--out",
        str(slip),
    )
    assert code == EXIT_REFUSED and "只能由移交窗口或巡回法庭打印" in err

    mediation = tmp_path / "mediation.pdf"
    code, _, _ = admin(
        hall,
        capsys,
        "court",
        "print",
        "mediation",
        "YJ2026-0001",
        "--user",
        "shuji",
        "--out",
        str(mediation),
    )
    assert code == 0 and "民事调解书" in text(mediation)
    code, _, err = admin(
        hall,
        capsys,
        "court",
        "print",
        "mediation",
        "YJ2026-0002",
        "--user",
        "shuji",
        "--out",
        str(tmp_path / "none.pdf"),
    )
    assert code == EXIT_REFUSED and "没有调解协议" in err
    assert not (tmp_path / "none.pdf").exists()
    code, _, err = admin(
        hall,
        capsys,
        "court",
        "print",
        "cover",
        "YJ2026-0002",
        "--user",
        "shuji",
        "--out",
        str(tmp_path / "missing" / "cover.pdf"),
    )
    assert code == EXIT_REFUSED and "无法保存 PDF 文件" in err


def test_court_show_names_a_number_that_is_not_there(
    hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = admin(hall, capsys, "court", "show", "YJ2026-0099", "--user", "shuji")
    assert code == EXIT_REFUSED
    assert err.strip() == "错误：没有查到“YJ2026-0099”对应的法庭案件，请核对案号或移交单编号。"


def test_court_figures_count_conversions_and_extensions(
    hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    converted = register_case(hall, accepted_case(hall)).id
    extended = register_case(hall, accepted_case(hall)).id
    at = T0 + dt.timedelta(days=30)
    with hall.write() as s:
        clerk = users.by_login(s, "shuji")
        court_limits.convert_procedure(s, converted, ORDINARY, "案情复杂", "院长 王某", clerk, at)
        court_limits.extend_limit(s, extended, "等待鉴定", "院长 王某", clerk, now=at)
    code, out, _ = admin(
        hall, capsys, "court", "figures", "--from", "2026-01-01", "--to", "2026-12-31"
    )
    assert code == 0
    assert out.splitlines()[-1] == "程序转换 1 件，延长审限 1 件"
