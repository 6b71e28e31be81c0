"""``hall-admin report`` on both databases over the known hall of tests/hall/test_figures.py:
the JSON's shape and values, the workbook read back, the text summary, and the refusals."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import openpyxl
import pytest

from cli.admin import EXIT_REFUSED, run
from cli.common import EXIT_USAGE
from db.engine import Database
from tests.hall.test_figures import known_hall

__all__ = ["known_hall"]

MAY = ("--from", "2026-05-01", "--to", "2026-05-31")


def report(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["--db", db.url, "report", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_report_json_has_every_figure_of_the_issue(
    known_hall: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = report(known_hall, capsys, *MAY, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["total"], data["people"], data["groups"]) == (8, 13, 1)
    assert data["by_channel"] == {"来信": 5, "来访": 2, "来电": 1, "网信": 0}
    assert data["by_purpose"] == {"揭发控告": 1, "申诉": 1, "求决": 6, "意见建议": 0, "咨询": 0}
    assert data["by_class"] == {"检举控告类": 1, "申诉求决类": 7, "建议意见类": 0}
    assert data["cases"] == {"opened": 4, "closed": 3, "closed_on_time": 2, "overdue_open": 1}
    assert data["rates"] == {
        "timely_acceptance": {"numerator": 1, "denominator": 3, "value": 1 / 3},
        "on_time_closure": {"numerator": 2, "denominator": 4, "value": 0.5},
        "participation": {"numerator": 1, "denominator": 2, "value": 0.5},
        "satisfaction": {"numerator": 1, "denominator": 1, "value": 1.0},
        "repeat": {"numerator": 1, "denominator": 8, "value": 0.125},
    }
    code, out, _ = report(known_hall, capsys, *MAY, "--window", "court", "--json")
    court = json.loads(out)
    assert (code, court["window"], court["total"]) == (0, "court", 0)
    assert court["rates"]["satisfaction"] == {"numerator": 0, "denominator": 0, "value": None}


def test_report_text_and_workbook(
    known_hall: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _ = report(known_hall, capsys, *MAY)
    assert code == 0
    assert out.splitlines()[0] == "2026-05-01 至 2026-05-31：受理 8 件、13 人次，集体访 1 批"
    assert "按期办结率 50.0%（2/4）" in out and "满意率 100.0%（1/1）" in out
    path = tmp_path / "五月.xlsx"
    code, out, _ = report(known_hall, capsys, *MAY, "--xlsx", str(path))
    assert (code, out.strip()) == (0, f"已保存统计表：{path}")
    book = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert book.sheetnames == [
        "总览",
        "分类",
        "趋势",
        "窗口效能",
        "法庭",
        "督办",
        "包案化解",
        "口径说明",
    ]
    summary = {row[0]: row[1:] for row in book["总览"].iter_rows(min_row=4, values_only=True)}
    assert summary["受理件数（件）"][0] == 8
    assert summary["按期办结率"] == (2, 4, 0.5)


def test_report_refuses_bad_periods_in_chinese(
    hall_db: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = report(hall_db, capsys, "--from", "2026-05-31", "--to", "2026-05-01")
    assert (code, out) == (EXIT_REFUSED, "")
    assert err.strip() == (
        "错误：统计的结束日期（2026年5月1日）不能早于开始日期（2026年5月31日），请重新选择。"
    )
    code, _, err = report(hall_db, capsys, "--from", "2020-01-01", "--to", "2026-05-01")
    assert code == EXIT_REFUSED and "最长三年" in err
    code, _, err = report(hall_db, capsys, *MAY, "--window", "nowhere", "--json")
    assert code == EXIT_REFUSED and "找不到代码为“nowhere”的窗口" in err
    code, _, err = report(hall_db, capsys, *MAY, "--xlsx", str(tmp_path / "无此目录" / "a.xlsx"))
    assert code == EXIT_REFUSED and err.startswith("错误：无法保存文件")
    with pytest.raises(SystemExit) as usage:
        run(["--db", hall_db.url, "report", "--from", "2026-13-01", "--to", "2026-05-31"])
    assert usage.value.code == EXIT_USAGE
    assert "日期应写成 年-月-日（如 2026-03-02），现在是“2026-13-01”" in capsys.readouterr().err


def test_report_pdf_is_the_monthly_report_or_for_a_year_the_annual_one(
    known_hall: Database, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def text(path: Path) -> str:
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
        return "".join(out.stdout.split())

    may = tmp_path / "五月.pdf"
    code, out, _ = report(known_hall, capsys, *MAY, "--pdf", str(may))
    assert (code, out.strip()) == (0, f"已保存统计报告：{may}")
    month = text(may)
    assert month.startswith("群众工作统计月报统计期间：2026年5月1日至2026年5月31日")
    assert "共受理群众来信来访来电网信8件、13人次，其中集体访1批" in month
    # Each rate with its numerator and denominator, the 转送/交办 figures, the footnotes.
    assert "及时受理率⑧1333.3%" in month and "按期办结率⑨2450.0%" in month
    assert "作出受理决定（件）2" in month and "作出交办决定（件）0" in month
    assert "⑨按期办结率：分子：办理期限" in month
    year = tmp_path / "2026.pdf"
    code, _, _ = report(
        known_hall, capsys, "--from", "2026-01-01", "--to", "2026-12-31", "--pdf", str(year)
    )
    assert code == 0
    assert "群众工作部接待大厅2026年度信访工作情况报告" in text(year)
    letters_desk = tmp_path / "办信.pdf"
    code, _, _ = report(known_hall, capsys, *MAY, "--window", "letters", "--pdf", str(letters_desk))
    assert code == 0 and "统计范围：窗口：办信办案" in text(letters_desk)
