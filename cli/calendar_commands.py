"""``hall-admin calendar …``: a year's holidays and make-up workdays as the deadlines count
them, and the one-off recomputation of deadlines stored before the holidays fixed by law
counted for years without a notice."""

from __future__ import annotations

import argparse
import datetime as dt

from db.engine import Database
from hall import calendar, case_views, clock, recalculation

# How a provisional holiday (fixed by law, the year's notice not entered) is marked.
PROVISIONAL = "临时（按法定假日推算）"


def _line(day: dt.date, kind: str, name: str, mark: str = "") -> str:
    weekday = "星期" + calendar.WEEKDAYS[day.weekday()]
    return "  ".join(part for part in (day.isoformat(), weekday, kind, name, mark) if part)


def cmd_calendar_show(db: Database, args: argparse.Namespace) -> None:
    year: int = args.year
    with db.read() as s:
        shown = case_views.calendar_year(s, year)
    if shown.confirmed:
        print(f"{year} 年：放假安排已录入并确认")
    else:
        print(
            f"{year} 年：尚未录入国务院办公厅的放假安排，期限暂按周六、周日和法定节日计算；"
            "请用节假日日历录入该年的放假安排并确认"
        )
    listed = [(d.day, _line(d.day, d.kind_name, d.name)) for d in shown.days]
    listed += [(d.day, _line(d.day, d.kind_name, d.name, PROVISIONAL)) for d in shown.provisional]
    for _day, line in sorted(listed):
        print(line)
    if not listed:
        print("（没有节假日或调休上班日）")


def cmd_calendar_recompute(db: Database, args: argparse.Namespace) -> None:
    with db.write() as s:
        moved = recalculation.recompute_missing_years(s, clock.now().date())
        lines = [f"{m.number}  {m.deadline_name}  {m.text}" for m in moved]
    print(f"重新计算了缺少放假安排年份的期限，调整 {len(lines)} 项")
    for line in lines:
        print(line)
