"""Imported visits have their 办理记录 on both databases: a row's 处理方式 (or, without one, its
acceptance or its 办理结果) becomes the record the window's list shows, a row that says nothing
of what was done has none, and an accusation's record is withheld as a typed one is."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl

from db.engine import Database
from hall import ledgers, outcomes
from tests.hall.ledger_helpers import LI, visit_row, xlsx
from tests.hall.test_ledgers import run

NOT_ACCEPTED = {"是否受理": "否", "受理日期": "", "办结日期": ""}


def test_imported_visits_are_in_the_records(hall_db: Database) -> None:
    rows = [
        # Accepted, no 处理方式: a formal case.
        visit_row(),
        visit_row(
            姓名="李秀英", 证件号码=LI, 处理方式="转交责任单位办理", 办理结果="已转县人社局",
            **NOT_ACCEPTED,
        ),
        visit_row(登记日期="2026-03-03", 办理结果="已解释政策", 满意度="", **NOT_ACCEPTED),
        # Registered only: nothing done yet, so no record.
        visit_row(登记日期="2026-03-04", 办理结果="", 满意度="", **NOT_ACCEPTED),
        visit_row(
            登记日期="2026-03-05", 信访目的="揭发控告", 事由摘要="举报村干部侵占补偿款",
            处理方式="当场解决", **NOT_ACCEPTED,
        ),
    ]  # fmt: skip
    report = run(hall_db, xlsx(rows))
    assert report.created["办理记录"] == 4
    with hall_db.read() as s:
        wanted = outcomes.RecordFilter(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
        # Seen by someone who may not read accusations (None: no such permission).
        found = outcomes.search_records(s, wanted, None)
        assert outcomes.count_records(s, wanted, None) == outcomes.RecordCount(4, 4)
    by_day = {(r.recorded_at.date(), r.visitor_name): r for r in found}
    accepted = by_day[dt.date(2026, 3, 2), "张建国"]
    assert (accepted.outcome_name, accepted.window_name, accepted.rating) == (
        "登记为信访事项", "办信办案", "满意",
    )  # fmt: skip
    assert by_day[dt.date(2026, 3, 2), "李秀英"].outcome_name == "转交责任单位办理"
    assert by_day[dt.date(2026, 3, 3), "张建国"].outcome_name == "解释说明"
    assert dt.date(2026, 3, 4) not in {day for day, _ in by_day}
    accusation = next(r for r in found if r.recorded_at.date() == dt.date(2026, 3, 5))
    assert accusation.confidential and accusation.summary != "举报村干部侵占补偿款"
    assert accusation.visitor_name == "张**"
    assert accusation.outcome_name == "当场解决"


def test_the_records_survive_the_round_trip(hall_db: Database) -> None:
    """The export writes each visit's 处理方式, so a second hall gets the same records."""
    run(hall_db, xlsx([visit_row(处理方式="约定回访")]))
    with hall_db.read() as s:
        exported = ledgers.export(s, "visits", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert "约定回访" in _cells(exported)


def _cells(content: bytes) -> list[object]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [v for row in sheet.iter_rows(values_only=True) for v in row]


def test_the_template_says_which_rows_get_a_record(hall_db: Database) -> None:
    with hall_db.read() as s:
        book = openpyxl.load_workbook(io.BytesIO(ledgers.template(s, "visits")))
    explained = {r[0]: r for r in book["填写说明"].iter_rows(values_only=True)}
    assert "不生成办理记录" in str(explained["处理方式"][2])
    assert explained["处理方式"][3] == (
        "当场解决、解释说明、登记为信访事项、转交责任单位办理、移交便民巡回法庭、约定回访"
    )
