"""导出 Excel from the letters desk's cases, the court's files and the audit of confidential views,
on both databases: each file holds what its list shows with the list's filters applied, read
back with openpyxl (Chinese headings, typed cells, frozen heading row), an accusation withheld
from an officer without the right, and the audit refused to those who may not see it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from db.case_models import REGISTERED, STATE_NAMES
from db.engine import Database
from hall import case_views, cases, clock, ledgers, letters, roster, users
from hall.errors import PermissionDenied
from hall.mechanisms import leading
from kit.context import AppContext
from tests.desktop.test_list_exports import export
from tests.hall.ledger_helpers import visit_row, xlsx
from tests.windows.helpers import make_ctx
from windows.confidential_views import ConfidentialViewsPage
from windows.court.files import CourtFilesPage
from windows.letters.cases import LetterCasesPage
from windows.supervision import SupervisionWorkstation


def letter(database: Database, summary: str, purpose: str) -> str:
    with database.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="王秀英",
                sender_id_number="",
                received_on=clock.now().date() - dt.timedelta(days=3),
                summary=summary,
                purpose=purpose,
                accused="李某" if purpose == "report" else "",
            ),
        ).number


def test_cases_exported_as_listed_with_the_accusation_withheld(
    hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    # Closed in April: not among the registered cases the filter keeps.
    with hall_db.write() as s:
        assert ledgers.import_ledger(s, "visits", xlsx([visit_row()])).ok
    plain = letter(hall_db, "小区供暖不达标", "request")
    secret = letter(hall_db, "举报某局长收受贿赂", "report")
    with hall_db.write() as s:
        roster.set_duty_leader(s, clock.now().date(), "王建国", "市委常委")
        plain_id = cases.by_number(s, plain).id
        leader = users.add_user(s, "lingdao", "王建国", "secret1", [users.LEADER])
        leading.set_case_leader(s, plain_id, "王建国", leader)
    legal = make_ctx(hall_db, "falv", [users.OFFICER], ["legal"])
    page = LetterCasesPage(legal)
    qtbot.addWidget(page)
    page.state_filter.setCurrentIndex(page.state_filter.findData(REGISTERED))
    rows = export(qtbot, page.export_button, tmp_path / "cases.xlsx")
    assert str(rows[0][0]).startswith(f"信访事项（{STATE_NAMES[REGISTERED]}；导出于 2026-06-10")
    assert rows[1] == (
        "编号", "状态", "信访目的", "信访人", "事由摘要", "承办单位", "承办人", "包案领导",
        "登记日期", "期限", "预警", "剩余天数",
    )  # fmt: skip
    assert page.model.rowCount() == len(rows) - 2 == 2
    by_number = {row[0]: row for row in rows[2:]}
    assert set(by_number) == {plain, secret}
    assert by_number[plain][4] == "小区供暖不达标" and by_number[plain][3] == "王秀英"
    assert by_number[plain][7] == "王建国"
    withheld = by_number[secret]
    assert withheld[4] == cases.WITHHELD and withheld[3] == "王**"
    assert not any("贿赂" in str(cell) for row in rows for cell in row)
    received = dt.datetime.combine(clock.now().date() - dt.timedelta(days=3), dt.time())
    assert withheld[8] == received and isinstance(withheld[9], dt.datetime)
    assert isinstance(withheld[11], int) and withheld[11] > 0
    assert page.message.text().startswith("Exported to")


def test_court_files_exported_as_listed(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    # The template's example: a file registered in March and closed by mediation.
    with hall_db.write() as s:
        admin = users.by_login(s, "admin")
        assert ledgers.import_ledger(s, "court", ledgers.template(s, "court"), actor=admin).ok
    page = CourtFilesPage(admin_ctx)
    qtbot.addWidget(page)
    page.refresh()
    rows = export(qtbot, page.export_button, tmp_path / "open.xlsx")
    assert str(rows[0][0]).startswith("法庭案件（未结案件；导出于 2026-06-10")
    assert len(rows) == 2 == page.model.rowCount() + 2

    page.open_only.setChecked(False)
    rows = export(qtbot, page.export_button, tmp_path / "all.xlsx")
    assert rows[1] == (
        "案号", "移交单号", "原告", "被告", "阶段", "程序", "立案日期",
        "审限届满", "剩余天数", "预警", "结案方式", "结案日期",
    )  # fmt: skip
    assert page.model.rowCount() == len(rows) - 2 == 1
    closed = rows[2]
    assert closed[0] == "（2026）豫1281民初1号" and closed[2:4] == ("张三", "李四")
    assert closed[6] == dt.datetime(2026, 3, 3) and closed[11] == dt.datetime(2026, 3, 20)
    assert closed[10] == "调解结案"


def open_secret(database: Database, number: str, *viewers: AppContext) -> None:
    with database.read() as s:
        case_id = cases.by_number(s, number).id
    for ctx in viewers:
        with database.write() as s:
            case_views.open_case(s, case_id, ctx.user)


def test_confidential_views_listed_and_exported_for_the_supervisors(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    secret = letter(hall_db, "举报某局长收受贿赂", "report")
    legal = make_ctx(hall_db, "falv", [users.OFFICER], ["legal"])
    letters_officer = make_ctx(hall_db, "xin", [users.OFFICER], ["letters"])
    open_secret(hall_db, secret, legal, letters_officer)

    page = ConfidentialViewsPage(admin_ctx)
    qtbot.addWidget(page)
    rows = export(qtbot, page.export_button, tmp_path / "views.xlsx")
    assert str(rows[0][0]).startswith("保密件查阅记录（2026-05-11 至 2026-06-10")
    assert rows[1] == ("时间", "查阅人", "查阅对象", "编号", "查阅位置", "结果")
    assert page.model.rowCount() == len(rows) - 2 == 2
    assert sorted(row[1:] for row in rows[2:]) == [
        ("falv 同志", "信访事项", secret, "案件详情", "已拒绝"),
        ("xin 同志", "信访事项", secret, "案件详情", "已显示"),
    ]
    # The hall's clock runs on from 14:00 while the test does.
    assert all(isinstance(row[0], dt.datetime) for row in rows[2:])
    assert {f"{row[0]:%Y-%m-%d %H}" for row in rows[2:]} == {"2026-06-10 14"}
    assert not any("贿赂" in str(cell) for row in rows for cell in row)

    # The dates filter the file as they filter the list.
    yesterday = clock.now().date() - dt.timedelta(days=1)
    page.to_edit.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    rows = export(qtbot, page.export_button, tmp_path / "before.xlsx")
    assert len(rows) == 2 and page.model.rowCount() == 0


def test_only_supervisors_leaders_and_admins_see_the_confidential_views(
    hall_db: Database, qtbot: QtBot
) -> None:
    supervisor = make_ctx(hall_db, "jiancha", [users.OFFICER], ["supervision"])
    letters_officer = make_ctx(hall_db, "xin", [users.OFFICER], ["letters"])
    leader = make_ctx(hall_db, "lingdao", [users.LEADER])
    today = clock.now().date()
    with hall_db.read() as s:
        assert case_views.count_confidential_views(s, leader.user, today, today) == 0
        with pytest.raises(PermissionDenied, match="效能监察"):
            case_views.confidential_views(s, letters_officer.user, today, today)

    desk = SupervisionWorkstation(supervisor, "supervision")
    qtbot.addWidget(desk)
    assert isinstance(desk.confidential_views, ConfidentialViewsPage)
    other = SupervisionWorkstation(letters_officer, "supervision")
    qtbot.addWidget(other)
    assert not hasattr(other, "confidential_views")
