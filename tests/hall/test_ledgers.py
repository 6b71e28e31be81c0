"""Ledger import and export on both databases: every problem of a file listed with nothing
written, a second import writing nothing, GB18030 and UTF-8 CSV, every accepted date form, the
imported visitor found at the front desk, and a hall's records round-tripping through Excel."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from db.case_models import CLOSED, HANDLING, PetitionCase
from db.engine import Database
from db.ledger_models import LedgerRow
from db.models import Ticket, Visit, Visitor
from db.window_models import Satisfaction
from hall import catalog, ledgers, reception, visitors
from tests.hall.ledger_helpers import HEADINGS, LI, ZHANG, csv_bytes, visit_row, xlsx

NOW = dt.datetime(2026, 6, 10, 14, 0)


def counts(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {
            model.__tablename__: s.scalar(select(func.count()).select_from(model)) or 0
            for model in (Visitor, Visit, Ticket, Satisfaction, PetitionCase, LedgerRow)
        }


def run(db: Database, content: bytes, **options: object) -> ledgers.ImportReport:
    with db.write() as s:
        return ledgers.import_ledger(s, "visits", content, now=NOW, **options)  # type: ignore[arg-type]


def test_template_has_the_headings_an_example_and_the_explanations(hall_db: Database) -> None:
    with hall_db.read() as s:
        book = openpyxl.load_workbook(io.BytesIO(ledgers.template(s, "visits")))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS
    assert rows[1][0] == dt.datetime(2026, 3, 2)
    explained = {r[0]: r for r in book["填写说明"].iter_rows(values_only=True)}
    assert explained["信访目的"][3] == "揭发控告、申诉、求决、意见建议、咨询"
    assert "办信办案" in explained["去往窗口"][3]
    # The template itself, example row and all, imports.
    with hall_db.read() as s:
        template = ledgers.template(s, "visits")
    assert run(hall_db, template).created["来访登记"] == 1


def test_import_creates_real_records_and_a_second_import_nothing(hall_db: Database) -> None:
    content = xlsx(
        [
            visit_row(),
            visit_row(
                姓名="李秀英", 证件号码=LI, 是否受理="否", 受理日期="", 办结日期="", 满意度=""
            ),
            # Accepted, never closed, and long past its 60 days: open and overdue.
            visit_row(登记日期="2026-01-05", 受理日期="2026-01-06", 办结日期="", 满意度="不满意"),
        ]
    )
    preview = run(hall_db, content, dry_run=True)
    assert preview.ok and preview.created == {
        "新建来访人": 2, "来访登记": 3, "满意度评价": 2, "信访事项": 2, "办理记录": 3,
    }  # fmt: skip
    assert counts(hall_db)["visit"] == 0
    report = run(hall_db, content)
    assert report.created == preview.created
    with hall_db.read() as s:
        cases = s.scalars(select(PetitionCase).order_by(PetitionCase.received_on)).all()
        open_case, closed_case = cases
        assert closed_case.state == CLOSED and closed_case.closed_on == dt.date(2026, 4, 20)
        assert open_case.state == HANDLING and open_case.due_on is not None
        assert open_case.due_on < NOW.date()  # overdue, so supervision takes it up
        assert closed_case.number != open_case.number
        # Both of 张建国's visits hang on one visitor.
        assert s.scalar(select(func.count()).select_from(Visitor)) == 2
    before = counts(hall_db)
    again = run(hall_db, content)
    assert again.ok and again.already_imported == 3 and not any(again.created.values())
    assert "都已导入过" in again.message()
    assert counts(hall_db) == before


def test_every_bad_cell_is_listed_and_nothing_written(hall_db: Database) -> None:
    too_long = "长" * 2001
    bad = {
        "登记日期": "2026-02-30",
        "信访形式": "来人",
        "姓名": "名" * 33,
        "证件号码": ZHANG[:-1] + ("1" if ZHANG[-1] != "1" else "2"),
        "联系电话": "12345",
        "乡镇街道": "乡" * 65,
        "村社区": "村" * 65,
        "详细地址": "址" * 201,
        "人数": "两人",
        "信访目的": "投诉",
        "内容分类": "类" * 65,
        "事由摘要": too_long,
        "去往窗口": "财务室",
        "是否受理": "不确定",
        "受理日期": "明天",
        "办结日期": "2026/13/1",
        "处理方式": "随便处理",
        "办理结果": too_long,
        "满意度": "很好",
        "备注": "注" * 501,
    }
    rows = [visit_row()] + [visit_row(**{heading: value}) for heading, value in bad.items()]
    rows.append(visit_row(受理日期="2026-03-01"))  # before its 登记日期
    rows.append(visit_row(办结日期="2026-03-03"))  # before its 受理日期
    rows.append(visit_row(姓名=""))
    report = run(hall_db, xlsx(rows))
    assert not report.ok
    found = {(p.row, p.column) for p in report.problems}
    # Row 1 holds the headings, row 2 the good row: the bad ones start at row 3.
    for row, heading in enumerate(bad, start=3):
        assert (row, heading) in found, heading
    last = len(bad) + 3
    assert {(last, "受理日期"), (last + 1, "办结日期"), (last + 2, "姓名")} <= found
    assert all(p.what and p.fix for p in report.problems)
    assert counts(hall_db) == dict.fromkeys(counts(hall_db), 0)
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
    sheet = openpyxl.load_workbook(io.BytesIO(ledgers.problems_workbook(report))).active
    assert sheet is not None and sheet.max_row == len(report.problems) + 2


def test_missing_required_column_is_named(hall_db: Database) -> None:
    headings = [h for h in HEADINGS if h != "信访目的"]
    rows = [[c for h, c in zip(HEADINGS, visit_row(), strict=True) if h != "信访目的"]]
    with pytest.raises(Exception, match="信访目的"):
        run(hall_db, xlsx(rows, headings))


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_csv_in_each_encoding_with_extra_columns(hall_db: Database, encoding: str) -> None:
    headings = ["经办人", *HEADINGS]
    content = csv_bytes([["王五", *visit_row(姓名="欧阳娜娜", 证件号码="")]], encoding, headings)
    assert run(hall_db, content).created["来访登记"] == 1
    with hall_db.read() as s:
        assert [m.name for m in visitors.search(s, "oyn")] == ["欧阳娜娜"]


def test_dates_in_every_accepted_form(hall_db: Database) -> None:
    forms = ["2013-05-06", "2013/5/6", "2013.5.6", "2013年5月6日", dt.datetime(2013, 5, 6)]
    rows = [
        visit_row(登记日期=form, 受理日期="", 办结日期="", 是否受理="否", 事由摘要=f"第{i}种")
        for i, form in enumerate(forms)
    ]
    assert run(hall_db, xlsx(rows)).ok
    with hall_db.read() as s:
        days = set(s.scalars(select(Visit.created_at)))
    assert days == {dt.datetime(2013, 5, 6)}


def test_imported_visitor_is_recognised_at_the_front_desk(hall_db: Database) -> None:
    run(hall_db, xlsx([visit_row()]))
    with hall_db.write() as s:
        # Stored encrypted, an ID number or a phone is found whole (or by its last four digits).
        for text in (ZHANG, "张建", "zjg", "13912345678", "5678"):
            assert [m.name for m in visitors.search(s, text)] == ["张建国"], text
        ticket = reception.register(
            s,
            reception.Registration(
                name="张建国", window="legal", id_number=ZHANG, summary="来访咨询"
            ),
            now=NOW,
        )
        assert ticket.visit is not None
        earlier = visitors.history(s, ticket.visit.visitor_id)
    assert [v.created_at.date() for v in earlier] == [NOW.date(), dt.date(2026, 3, 2)]


def test_round_trip_into_an_empty_hall(
    hall_db: Database, sqlite_template: Path, tmp_path: Path
) -> None:
    """Records typed at the front desk in one hall, exported, come into an empty hall as the
    same records, and export from there as the same ledger."""
    path = tmp_path / "source.sqlite3"
    shutil.copy(sqlite_template, path)
    source = Database(f"sqlite:///{path}")
    try:
        with source.write() as s:
            catalog.seed(s)
        run(
            source,
            xlsx(
                [
                    visit_row(),
                    visit_row(
                        登记日期="2026-05-06",
                        受理日期="",
                        办结日期="",
                        是否受理="否",
                        满意度="",
                        证件号码="",
                    ),
                ]
            ),
        )
        with source.write() as s:
            reception.register(
                s,
                reception.Registration(
                    name="李秀英", window="legal", id_number=LI, purpose="inquiry", summary="咨询"
                ),
                now=dt.datetime(2026, 6, 1, 10),
            )
        with source.read() as s:
            exported = ledgers.export(s, "visits", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    finally:
        source.dispose()
    assert run(hall_db, exported).created["来访登记"] == 3
    with hall_db.read() as s:
        again = ledgers.export(s, "visits", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert _rows(again) == _rows(exported)
    assert counts(hall_db)["petition_case"] == 1 and counts(hall_db)["satisfaction"] == 1


def _rows(content: bytes) -> list[tuple[object, ...]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return list(sheet.iter_rows(min_row=2, values_only=True))


def test_cancel_writes_nothing(hall_db: Database) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(ledgers.ImportCancelled), hall_db.write() as s:
        ledgers.import_ledger(
            s,
            "visits",
            xlsx([visit_row()]),
            now=NOW,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: bool(seen),
        )
    assert seen == [(0, 1)]
    assert counts(hall_db)["visit"] == 0
