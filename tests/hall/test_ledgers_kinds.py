"""The court's and the opinions' ledgers on both databases: imported as real records (court
files numbered as in the file, the court's numbering going on above them; opinions in the
bulletin's ledger), every problem listed, a second import writing nothing, the export giving
back the file's rows."""

from __future__ import annotations

import datetime as dt
import io
import json

import openpyxl
import pytest
from sqlalchemy import func, select

from db import counters
from db.court_models import CourtCase
from db.engine import Database
from db.window_models import Opinion
from hall import ledgers, opinions, users
from hall.errors import PermissionDenied
from hall.ledgers.columns import COURT_COLUMNS, OPINION_COLUMNS
from tests.hall import court_helpers, window_helpers
from tests.hall.ledger_helpers import ZHANG, xlsx

NOW = dt.datetime(2026, 6, 10, 14, 0)
COURT_HEADINGS = [c.heading for c in COURT_COLUMNS]
OPINION_HEADINGS = [c.heading for c in OPINION_COLUMNS]
D = dt.datetime
COURT_ROWS = [
    [D(2026, 3, 2), "窗口移交", "张三", "李四", "民间借贷纠纷", D(2026, 3, 3),
     "（2026）豫1281民初7号", "简易程序", D(2026, 3, 20), "调解", "当庭履行"],
    [D(2026, 4, 1), "直接来访", "王五", "赵六", "买卖合同纠纷", D(2026, 4, 2),
     "（2026）豫1281民初3号", "小额诉讼程序", None, None, None],
    [D(2026, 4, 8), "直接来访", "孙七", "某物业公司", "物业服务合同纠纷", None, None, None, None,
     None, None],
    [D(2026, 5, 6), "窗口移交", "周八", "吴九", "劳动争议", D(2026, 5, 7),
     "（2026）豫1281民初9号", "普通程序", D(2026, 5, 20), "移送", None],
]  # fmt: skip


def exported_rows(content: bytes) -> list[list[object]]:
    sheet = openpyxl.load_workbook(io.BytesIO(content)).worksheets[0]
    return [
        [None if v == "" else v for v in row]
        for row in sheet.iter_rows(min_row=3, values_only=True)
    ]


@pytest.fixture
def court_hall(hall_db: Database) -> Database:
    court_helpers.add_people(hall_db)
    return hall_db


def clerk(db: Database, login: str = "shuji") -> users.User:
    with db.read() as s:
        return users.by_login(s, login)


def test_court_files_imported_with_their_numbers(court_hall: Database) -> None:
    content = xlsx(COURT_ROWS, COURT_HEADINGS)
    with court_hall.write() as s:
        report = ledgers.import_ledger(s, "court", content, actor=clerk(court_hall), now=NOW)
    assert report.ok and report.created["法庭案件"] == 4
    with court_hall.write() as s:
        files = {f.plaintiff_name: f for f in s.scalars(select(CourtCase))}
        assert files["张三"].outcome == "mediated" and files["张三"].closed_on == dt.date(
            2026, 3, 20
        )
        assert files["王五"].track == "small_claims" and files["王五"].due_on is not None
        assert files["孙七"].number is None and files["孙七"].stage == "reception"
        assert files["周八"].outcome is None and files["周八"].closed_on is not None
        # The next registration of a 民初 case this year takes 10, above the imported 9.
        assert counters.next_value(s, "court_case:民初:2026") == 10
        s.rollback()
    with court_hall.read() as s:
        exported = ledgers.export(s, "court", dt.date(2026, 1, 1), dt.date(2026, 6, 30))
    assert exported_rows(exported) == COURT_ROWS
    with court_hall.write() as s:
        again = ledgers.import_ledger(s, "court", content, actor=clerk(court_hall), now=NOW)
    assert again.already_imported == 4 and not any(again.created.values())


def test_court_problems_listed_and_only_clerks_import(court_hall: Database) -> None:
    rows = [
        [*COURT_ROWS[0][:6], "2026民初7号", *COURT_ROWS[0][7:]],
        [*COURT_ROWS[0][:6], "（2026）豫1281刑初7号", *COURT_ROWS[0][7:]],
        [*COURT_ROWS[0][:8], D(2026, 3, 20), None, None],
        [D(2026, 3, 5), *COURT_ROWS[0][1:5], D(2026, 3, 4), "（2026）豫1281民初8号",
         *COURT_ROWS[0][7:]],
        [*COURT_ROWS[1][:6], None, *COURT_ROWS[1][7:]],
    ]  # fmt: skip
    with court_hall.write() as s:
        report = ledgers.import_ledger(
            s, "court", xlsx(rows, COURT_HEADINGS), actor=clerk(court_hall), now=NOW
        )
    assert {(p.row, p.column) for p in report.problems} == {
        (2, "案号"), (3, "案号"), (4, "结案方式"), (5, "立案日期"), (6, "案号"),
    }  # fmt: skip
    with court_hall.read() as s:
        assert s.scalar(select(func.count()).select_from(CourtCase)) == 0
    with pytest.raises(PermissionDenied), court_hall.write() as s:
        ledgers.import_ledger(
            s, "court", xlsx(COURT_ROWS, COURT_HEADINGS), actor=clerk(court_hall, "falv"), now=NOW
        )


OPINION_ROWS = [
    [D(2026, 3, 2), "陈志强", ZHANG, "13912345678", "交通出行", "建议在新区增设公交站点",
     "新区街道", "杨村", "新区公交首末站", "市交通运输局", None],
    [D(2026, 3, 9), None, None, None, "教育医疗", "希望社区卫生服务站延长开放时间", "东区街道",
     "霍村", None, None, "匿名"],
]  # fmt: skip


def test_opinions_go_into_the_bulletin_ledger(db: Database) -> None:
    window_helpers.setup_hall(db)
    content = xlsx(OPINION_ROWS, OPINION_HEADINGS)
    with db.write() as s:
        report = ledgers.import_ledger(s, "opinions", content, now=NOW)
    assert report.created == {"新建来访人": 1, "社情民意": 2}
    with db.read() as s:
        found = opinions.search(s, opinions.OpinionFilter())
        assert [r.content[:6] for r in found] == ["希望社区卫生", "建议在新区增"]
        exported = ledgers.export(s, "opinions", dt.date(2026, 3, 1), dt.date(2026, 3, 31))
    assert exported_rows(exported) == OPINION_ROWS
    bad = [[*OPINION_ROWS[0][:4], "天气", *OPINION_ROWS[0][5:9], "不存在的局", None]]
    with db.write() as s:
        refused = ledgers.import_ledger(s, "opinions", xlsx(bad, OPINION_HEADINGS), now=NOW)
    assert {(p.row, p.column) for p in refused.problems} == {(2, "议题"), (2, "转交部门")}
    with db.write() as s:
        assert ledgers.import_ledger(s, "opinions", content, now=NOW).already_imported == 2
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Opinion)) == 2


@pytest.mark.parametrize("kind", ["court", "opinions"])
def test_templates_import_as_they_are(court_hall: Database, kind: str) -> None:
    with court_hall.write() as s:
        window_helpers.units.seed_demo(s, now=NOW)
        template = ledgers.template(s, kind)
        actor = clerk(court_hall, "shuji" if kind == "court" else "admin")
        report = ledgers.import_ledger(s, kind, template, actor=actor, now=NOW)
    assert report.ok, report.problems


def test_who_may_import_what(db: Database) -> None:
    window_helpers.setup_hall(db)
    expected = {
        "banxin": {"visits", "opinions"},
        "minyi": {"opinions"},
        "falv": set(),
        "admin": set(ledgers.KINDS),
    }
    for login, kinds in expected.items():
        assert set(ledgers.importable_kinds(window_helpers.person(db, login))) == kinds, login
    with pytest.raises(PermissionDenied), db.write() as s:
        ledgers.import_ledger(
            s, "opinions", xlsx(OPINION_ROWS, OPINION_HEADINGS),
            actor=window_helpers.person(db, "falv"), now=NOW,
        )  # fmt: skip
    with db.write() as s:
        report = ledgers.import_ledger(
            s, "opinions", xlsx(OPINION_ROWS, OPINION_HEADINGS), dry_run=True,
            actor=window_helpers.person(db, "minyi"), now=NOW,
        )  # fmt: skip
    # What the command prints with --json, and without.
    assert json.loads(json.dumps(report.as_dict()))["created"] == {"新建来访人": 1, "社情民意": 2}
    assert report.lines() == ["预检通过，将导入：新建来访人 1 条，社情民意 2 条。"]
