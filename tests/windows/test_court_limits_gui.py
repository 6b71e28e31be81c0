"""The clerk converts a file's procedure and extends its trial limit at the desk, on both
databases: the dialog offers what the rules allow, keeps what was typed when they refuse, and the
file shows its new limit, the change and its timeline; the figures count both."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from db.court_models import ORDINARY, SIMPLE, CourtCase
from db.engine import Database
from hall import clock
from hall.calendar import cn_date
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import accepted_case, add_people, register
from tests.windows.court_desk_helpers import click, ctx_of, open_desk, pick
from tests.windows.helpers import type_text
from windows.court.limits import LimitDialog

pytestmark = pytest.mark.usefixtures("chinese")


def due_of(db: Database, case_id: int) -> dt.date:
    with db.read() as s:
        due = s.get_one(CourtCase, case_id).due_on
    assert due is not None
    return due


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_clerk_extends_then_converts_a_simple_procedure_file(
    hall_db: Database, qtbot: QtBot
) -> None:
    add_people(hall_db)
    now = clock.now()
    case_id = accepted_case(hall_db, now=now)
    number = register(hall_db, case_id, now=now, track=SIMPLE).number
    simple_due = due_of(hall_db, case_id)
    desk = open_desk(qtbot, ctx_of(hall_db, "shuji"))
    page = desk.cases
    assert page is not None
    desk.show_case(case_id)
    assert page.convert_button.text() == "转换程序(&O)…"

    # 延长审限: the approver left out is asked for in the form, which keeps the reason.
    click(page.extend_button)
    dialog = page.dialog
    assert isinstance(dialog, LimitDialog)
    qtbot.waitExposed(dialog)
    assert [dialog.choice.itemText(i) for i in range(dialog.choice.count())] == ["1 个月"]
    type_text(qtbot, dialog.reason, "需要等待鉴定结论")
    click(dialog.save_button)
    assert dialog.isVisible()
    assert dialog.messages["approver"].is_error
    assert dialog.messages["approver"].text() == "请填写批准人（如：院长 张某某）。"
    assert dialog.reason.toPlainText() == "需要等待鉴定结论"
    assert due_of(hall_db, case_id) == simple_due
    type_text(qtbot, dialog.approver, "院长 王某某")
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    extended_due = due_of(hall_db, case_id)
    assert extended_due > simple_due
    assert desk.message_label.text() == f"{number}：审理期限现至{cn_date(extended_due)}届满。"
    view = page.file_view
    assert view.values["due"].text().startswith(cn_date(extended_due))
    assert view.limit_box.isVisible()
    assert cells(view.limit_table) == [
        [
            cn_date(now.date()),
            "延长审理期限：简易程序延长 1 个月",
            f"{cn_date(simple_due)} → {cn_date(extended_due)}",
            "院长 王某某",
            "需要等待鉴定结论",
        ]
    ]
    timeline = [row[2] for row in cells(view.timeline_table)]
    assert timeline[-1] == (
        f"延长审限：审限由{cn_date(simple_due)}变更为{cn_date(extended_due)}，批准人：院长 王某某"
    )

    # A second extension is refused in the rules' words, in the dialog.
    click(page.extend_button)
    again = page.dialog
    assert isinstance(again, LimitDialog) and again is not dialog
    qtbot.waitExposed(again)
    type_text(qtbot, again.reason, "鉴定仍未完成")
    type_text(qtbot, again.approver, "院长 王某某")
    click(again.save_button)
    assert again.isVisible() and again.problem_label.isVisible()
    assert "请裁定转为普通程序" in again.problem_label.text()
    again.reject()

    # 转换程序 to ordinary procedure: six months from registration.
    click(page.convert_button)
    convert = page.dialog
    assert isinstance(convert, LimitDialog)
    qtbot.waitExposed(convert)
    pick(convert.choice, "普通程序")
    type_text(qtbot, convert.reason, "案情复杂")
    type_text(qtbot, convert.approver, "院长 王某某")
    click(convert.save_button)
    qtbot.waitUntil(lambda: not convert.isVisible())
    with hall_db.read() as s:
        assert s.get_one(CourtCase, case_id).track == ORDINARY
    assert view.values["track"].text() == "普通程序"
    assert len(cells(view.limit_table)) == 2
    assert cells(view.timeline_table)[-1][2].startswith("程序转换：审限由")
    # Ordinary procedure is converted to nothing; it may still be extended under its rule.
    assert not page.convert_button.isEnabled() and page.extend_button.isEnabled()

    desk.tabs.setCurrentIndex(desk.figures_tab)
    figures = desk.figures
    assert figures is not None
    with qtbot.waitSignal(figures.counted, timeout=10_000):
        figures.count()
    assert (figures.tiles["converted"].text(), figures.tiles["extended"].text()) == ("1", "1")
