"""``hall-admin calendar …`` on both databases: a year's days off with the provisional holidays
fixed by law for a year without a notice, and the one-off recomputation after an upgrade."""

from __future__ import annotations

import datetime as dt

import pytest

from cli.admin import run
from db.case_models import PetitionCase
from db.engine import Database
from hall import calendar, cases, letters

D = dt.date


def admin(db: Database, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = run(["--db", db.url, *args])
    return code, capsys.readouterr().out


def test_show_marks_the_provisional_holidays_of_a_year_without_a_notice(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with hall_db.write() as s:
        calendar.seed(s)
        calendar.add_holiday(s, D(2027, 6, 1), "地方纪念日")
    code, out = admin(hall_db, capsys, "calendar", "show", "2027")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("2027 年：尚未录入国务院办公厅的放假安排")
    assert "2027-01-01  星期五  放假  元旦  临时（按法定假日推算）" in lines
    assert "2027-02-06  星期六  放假  春节  临时（按法定假日推算）" in lines
    # A day the administrator entered is shown as entered, before the notice too.
    assert "2027-06-01  星期二  放假  地方纪念日" in lines
    code, out = admin(hall_db, capsys, "calendar", "show", "2026")
    assert out.splitlines()[0] == "2026 年：放假安排已录入并确认"
    assert "2026-10-01  星期四  放假  国庆节" in out.splitlines()
    assert "临时" not in out


@pytest.mark.parametrize("hall_day", [D(2026, 12, 17)], indirect=True)
def test_recompute_puts_right_a_limit_stored_counting_weekends_only(
    hall_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with hall_db.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="张三", received_on=D(2026, 12, 17), summary="宅基地纠纷"
            ),
        )
        number = case.number
        case.decide_due = D(2027, 1, 1)  # as the program before stored it
        cases.refresh_limits(case)
        case_id = case.id
    code, out = admin(hall_db, capsys, "calendar", "recompute")
    assert code == 0
    assert out.splitlines() == [
        "重新计算了缺少放假安排年份的期限，调整 1 项",
        f"{number}  受理期限  期限因节假日调整：由2027年1月1日调整为2027年1月4日",
    ]
    with hall_db.read() as s:
        assert s.get_one(PetitionCase, case_id).decide_due == D(2027, 1, 4)
    code, out = admin(hall_db, capsys, "calendar", "recompute")
    assert out.splitlines() == ["重新计算了缺少放假安排年份的期限，调整 0 项"]
