"""The leaders' figures on both databases, over a small known hall with items on either side of
every boundary: the period's first and last days, the 15th and 16th day to decide, a case
replied on its due date and one a day late, an extension moving the due date, a rating window
just passed. Every figure is asserted exactly, through the functions, report_json and the
workbook read back.

The clock is pinned at 2026-06-10 14:00 (tests/conftest.py); the period is May 2026, whose
due dates fall on working days (the 劳动节 holiday ends on 5 May).
"""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from db.engine import Database
from hall import cases, letters, queue, reception, satisfaction, settings, users
from hall.figures import (
    Scope,
    drill_down,
    overview,
    periods,
    queue_figures,
    report_json,
    trend,
    workbook,
)
from hall.figures import definitions as d
from hall.figures.categories import add_category, file_visit
from hall.figures.work import SERVICE_TARGET_MINUTES, window_target

D = dt.date
MAY = periods.custom(D(2026, 5, 1), D(2026, 5, 31))
NOW = dt.datetime(2026, 6, 10, 14, 0)


def at(day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


def visit(
    db: Database,
    when: dt.datetime,
    window: str = "legal",
    *,
    purpose: str = "request",
    channel: str = "visit",
    township: str = "千秋路街道",
    group: int = 1,
    name: str = "王建军",
) -> tuple[int, int]:
    """Register a visit; returns (visit id, ticket id)."""
    reps = [reception.Representative(name=f"代表{i}") for i in range(1, 3)] if group > 1 else []
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name=name,
                window=window,
                purpose=purpose,
                channel=channel,
                township=township,
                summary="反映宅基地确权问题",
                group_size=group,
                representatives=reps,
            ),
            now=when,
        )
        assert ticket.visit_id is not None
        return ticket.visit_id, ticket.id


def serve(db: Database, ticket_id: int, when: dt.datetime, wait: int, took: int) -> None:
    with db.write() as s:
        queue.call_ticket(s, ticket_id, seat=1, now=when + dt.timedelta(minutes=wait))
        queue.start(s, ticket_id, now=when + dt.timedelta(minutes=wait))
        queue.finish(s, ticket_id, "已答复", now=when + dt.timedelta(minutes=wait + took))


def letter(db: Database, received: dt.date, name: str = "张三") -> int:
    with db.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(sender_name=name, received_on=received, summary="要求解决"),
            now=at(received),
            new_matter=True,
        )
        return case.id


def act(db: Database, action: object, case_id: int, on: dt.date, *args: object) -> None:
    with db.write() as s:
        action(s, case_id, *args, now=at(on))  # type: ignore[operator]


@pytest.fixture
def known_hall(hall_db: Database) -> Database:
    db = hall_db
    # Items: the first and last day of May, the days either side, a group of six.
    v1, t1 = visit(db, at(D(2026, 5, 1), 9))
    _, t2 = visit(db, at(D(2026, 5, 31), 16), "supervision", purpose="report", channel="phone")
    _, t3 = visit(db, at(D(2026, 5, 10)), "talk", purpose="appeal", township="东区街道", group=6)
    visit(db, at(D(2026, 4, 30), 16), purpose="opinion")
    visit(db, at(D(2026, 6, 1), 9), purpose="opinion", channel="online")
    with db.write() as s:
        land = add_category(s, "土地")
        file_visit(s, v1, add_category(s, "宅基地", land.id).id)
        # The supervision window's own target (30 minutes) replaces the hall's 15 for it.
        settings.put(s, window_target("supervision"), 30)
    serve(db, t1, at(D(2026, 5, 1), 9), wait=5, took=14)
    serve(db, t2, at(D(2026, 5, 31), 16), wait=20, took=10)
    with db.write() as s:
        queue.call_ticket(s, t3, seat=1, now=at(D(2026, 5, 10), 10, 16))
        queue.mark_no_show(s, t3, now=at(D(2026, 5, 10), 10, 20))
        satisfaction.rate(s, t1, "满意", now=at(D(2026, 5, 1), 9, 20))
    # Deciding: received 11 May, due 26 May; one on the 15th day, one on the 16th; one
    # received 12 May still undecided (due 27 May, now late); one due in June.
    timely, late = letter(db, D(2026, 5, 11)), letter(db, D(2026, 5, 11))
    letter(db, D(2026, 5, 12))
    letter(db, D(2026, 5, 20))
    act(db, cases.accept, timely, D(2026, 5, 26))
    act(db, cases.accept, late, D(2026, 5, 27))
    # Handling: accepted 17 March, due 18 May; replied on the day, a day late, after a
    # 10-day extension (due 26 May), and never.
    handled = [letter(db, D(2026, 3, 2), f"李{i}") for i in range(4)]
    for case_id in handled:
        act(db, cases.accept, case_id, D(2026, 3, 17))
    act(db, cases.extend, handled[2], D(2026, 5, 1), 10, "需要补充调查")
    act(db, cases.reply, handled[0], D(2026, 5, 18), "explain", "已答复")
    act(db, cases.reply, handled[1], D(2026, 5, 19), "explain", "已答复")
    act(db, cases.reply, handled[2], D(2026, 5, 25), "explain", "已答复")
    # A repeat: the open, overdue case's petitioner writes again on 20 May.
    with db.write() as s:
        letters.link_letter(
            s,
            handled[3],
            letters.LetterRegistration(
                sender_name="李3", received_on=D(2026, 5, 20), summary="再次反映"
            ),
            now=at(D(2026, 5, 20)),
        )
    return db


def test_overview_counts_every_item_once_and_every_rate_exactly(known_hall: Database) -> None:
    with known_hall.read() as s:
        figures = overview(s, MAY)
    # 3 visits of May (1st, 10th, 31st) and 5 letters (11th ×2, 12th, 20th, the repeat).
    assert (figures.total, figures.people, figures.groups) == (8, 13, 1)
    assert figures.by_channel == {"来信": 5, "来访": 2, "来电": 1, "网信": 0}
    assert figures.by_purpose == {"揭发控告": 1, "申诉": 1, "求决": 6, "意见建议": 0, "咨询": 0}
    assert figures.by_class == {"检举控告类": 1, "申诉求决类": 7, "建议意见类": 0}
    assert figures.by_window["办信办案"] == 5 and figures.by_window["法律服务"] == 1
    assert figures.by_window["效能监察"] == 1 and figures.by_window["交流谈心"] == 1
    assert figures.by_township == {"（未填乡镇）": 5, "千秋路街道": 2, "东区街道": 1}
    assert figures.by_category == {"（未分类）": 7, "土地／宅基地": 1}
    assert figures.by_unit == {"（未交办转送）": 8}
    assert (figures.cases.opened, figures.cases.closed) == (4, 3)
    assert (figures.cases.closed_on_time, figures.cases.overdue_open) == (2, 1)
    rates = {key: (r.numerator, r.denominator) for key, r in figures.rates.items()}
    assert rates == {
        d.TIMELY_ACCEPTANCE: (1, 3),
        d.ON_TIME_CLOSURE: (2, 4),
        d.PARTICIPATION: (1, 2),
        d.SATISFACTION: (1, 1),
        d.REPEAT: (1, 8),
    }
    assert figures.rates[d.ON_TIME_CLOSURE].value == 0.5


def test_a_window_scope_counts_only_its_items(known_hall: Database) -> None:
    with known_hall.read() as s:
        letters_desk = overview(s, MAY, Scope("window", "letters"))
        legal = overview(s, MAY, Scope("window", "legal"))
    assert (letters_desk.total, legal.total) == (5, 1)
    assert letters_desk.rates[d.ON_TIME_CLOSURE].numerator == 2
    assert legal.rates[d.ON_TIME_CLOSURE].denominator == 0
    assert legal.rates[d.ON_TIME_CLOSURE].value is None
    assert (legal.rates[d.PARTICIPATION].numerator, legal.rates[d.SATISFACTION].value) == (1, 1.0)


def test_the_rating_window_just_passed_counts_as_unrated(hall_db: Database) -> None:
    """Today at 14:00: a service finished at 13:50 is past its 10 minutes, one at 13:51 not."""
    today = NOW.date()
    tickets = [visit(hall_db, at(today, 13, 0), name=f"来访人{i}")[1] for i in range(3)]
    serve(hall_db, tickets[0], at(today, 13, 0), wait=10, took=40)
    serve(hall_db, tickets[1], at(today, 13, 0), wait=10, took=41)
    serve(hall_db, tickets[2], at(today, 13, 0), wait=10, took=30)
    with hall_db.write() as s:
        satisfaction.rate(s, tickets[2], "不满意", now=at(today, 13, 45))
    with hall_db.read() as s:
        # At 14:00 itself: the pinned clock runs on, and a minute's delay would close 13:51's.
        rates = overview(s, periods.today(today), now=NOW).rates
    assert (rates[d.PARTICIPATION].numerator, rates[d.PARTICIPATION].denominator) == (1, 2)
    assert (rates[d.SATISFACTION].numerator, rates[d.SATISFACTION].denominator) == (0, 1)


def test_queue_figures_per_window_and_for_the_hall(known_hall: Database) -> None:
    with known_hall.read() as s:
        figures = queue_figures(s, MAY)
        assert settings.get(s, SERVICE_TARGET_MINUTES) == 15
    lines = {line.window: line for line in figures.windows}
    legal, talk, watch, hall = lines["legal"], lines["talk"], lines["supervision"], lines[""]
    assert (legal.tickets, legal.served, legal.average_wait, legal.average_service) == (
        1,
        1,
        5.0,
        14.0,
    )
    assert (legal.within_target.numerator, legal.per_hour) == (1, 0.12)
    assert (talk.no_show.numerator, talk.no_show.denominator, talk.served) == (1, 1, 0)
    # 16 minutes is past the hall's 15; 20 minutes is within the supervision window's 30.
    assert (talk.within_target.numerator, watch.within_target.numerator) == (0, 1)
    assert (hall.tickets, hall.served, hall.max_wait, hall.average_wait) == (3, 2, 20.0, 13.7)
    assert (hall.within_target.numerator, hall.within_target.denominator) == (2, 3)
    assert (hall.no_show.numerator, hall.no_show.denominator) == (1, 3)
    # Two windows each open one day: two window-days of eight hours.
    assert hall.per_hour == round(2 / 16, 2)
    assert [(o.officer, o.served) for o in figures.officers] == []


def test_trend_by_month_with_changes_marked(known_hall: Database) -> None:
    with known_hall.read() as s:
        (may,) = trend(s, MAY, periods.MONTH)
        days = trend(s, MAY, periods.DAY)
    # April had one item (the 30th): May's 8 is a rise of 700 %, an alarm.
    assert (may.count, may.previous, may.year_ago) == (8, 1, 0)
    assert may.month_on_month == 7.0 and may.year_on_year is None and may.mark == "告警"
    assert len(days) == 31 and days[0].count == 1 and days[0].previous == 1
    assert sum(p.count for p in days) == 8


def test_report_json_is_the_commands_object(known_hall: Database) -> None:
    with known_hall.read() as s:
        data = report_json(s, D(2026, 5, 1), D(2026, 5, 31))
    assert data["total"] == 8 and data["people"] == 13
    assert data["by_class"] == {"检举控告类": 1, "申诉求决类": 7, "建议意见类": 0}
    assert data["cases"] == {"opened": 4, "closed": 3, "closed_on_time": 2, "overdue_open": 1}
    assert data["rates"] == {
        "timely_acceptance": {"numerator": 1, "denominator": 3, "value": 1 / 3},
        "on_time_closure": {"numerator": 2, "denominator": 4, "value": 0.5},
        "participation": {"numerator": 1, "denominator": 2, "value": 0.5},
        "satisfaction": {"numerator": 1, "denominator": 1, "value": 1.0},
        "repeat": {"numerator": 1, "denominator": 8, "value": 0.125},
    }
    with known_hall.read() as s:
        court_only = report_json(s, D(2026, 5, 1), D(2026, 5, 31), window="court")
    assert court_only["total"] == 0
    assert court_only["rates"]["repeat"] == {"numerator": 0, "denominator": 0, "value": None}  # type: ignore[index]


def test_the_workbook_reads_back_with_typed_cells(known_hall: Database) -> None:
    with known_hall.read() as s:
        content = workbook(s, D(2026, 5, 1), D(2026, 5, 31))
    book = openpyxl.load_workbook(io.BytesIO(content))
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
    assert summary["及时受理率"][:2] == (1, 3)
    assert book["总览"]["D11"].number_format == "0.0%"
    definitions = {
        row[0]: row[1] for row in book["口径说明"].iter_rows(min_row=2, values_only=True)
    }
    assert "15 日受理期限" in definitions["及时受理率"]


def test_drill_down_lists_the_items_with_accusations_withheld(known_hall: Database) -> None:
    with known_hall.write() as s:
        leader = users.add_user(s, "lingdao", "李领导", "secret-pass-1", [users.LEADER])
    with known_hall.read() as s:
        anonymous = drill_down(s, d.ITEMS, MAY)
        shown = drill_down(s, d.ITEMS, MAY, viewer=s.get(type(leader), leader.id))
        overdue = drill_down(s, d.ON_TIME_CLOSURE, MAY)
        repeats = drill_down(s, d.REPEAT, MAY)
    assert len(anonymous.item_rows) == 8
    report = next(r for r in anonymous.item_rows if r.purpose == "揭发控告")
    assert report.confidential and report.summary == cases.WITHHELD and report.petitioner == "王**"
    assert (
        next(r for r in shown.item_rows if r.purpose == "揭发控告").summary == "反映宅基地确权问题"
    )
    assert len(overdue.case_rows) == 4 and overdue.definition == d.TEXTS[d.ON_TIME_CLOSURE]
    assert [r.kind for r in repeats.item_rows] == ["来信"]
