"""The supervision window's 督办 page on both databases: an overdue case is listed and chosen,
an order is refused at its field and then issued, the unit's reply recorded, the order
escalated; the chosen case stays chosen as the list is read again."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import cases, clock, letters, users
from tests.windows.helpers import make_ctx, show, type_text
from tests.windows.window_gui import choose
from windows.supervision import OrderDialog, SupervisionPage


def overdue_letter(database: Database, name: str, days_ago: int) -> int:
    with database.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name=name,
                received_on=clock.now().date() - dt.timedelta(days=days_ago),
                summary="拖欠工资",
            ),
        ).id


def save(qtbot: QtBot, page: SupervisionPage) -> OrderDialog:
    dialog = page.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def orders(page: SupervisionPage) -> list[list[str]]:
    table = page.orders_table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_an_overdue_case_is_ordered_replied_and_escalated_from_the_page(
    hall_db: Database, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        cases.add_unit(s, "市人社局", "职能部门")
    first = overdue_letter(hall_db, "赵建国", 25)
    second = overdue_letter(hall_db, "钱玉兰", 30)
    page = SupervisionPage(make_ctx(hall_db, "jiancha", [users.OFFICER], ["supervision"]))
    show(qtbot, page)

    assert page.model.rowCount() == 2
    assert page.count_label.text() == "2 cases are overdue or stalled and need supervision."
    assert page.chosen_case() is not None and page.orders_table.rowCount() == 0
    assert page.issue_button.isEnabled() and not page.reply_button.isEnabled()
    row_of = {page.model.row(r).id: r for r in range(2)}
    page.view.selectRow(row_of[first])

    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog is not None and "逾期" in dialog.text_edit.toPlainText()
    # The letter has no unit yet: the order is refused at the unit, then at the emptied reason,
    # and what was typed stays.
    dialog.text_edit.clear()
    save(qtbot, page)
    assert dialog.isVisible() and "请选择要督办的单位" in dialog.messages["unit"].text()
    choose(dialog.unit_combo, "市人社局")
    save(qtbot, page)
    assert dialog.isVisible() and dialog.messages["reason"].is_error
    assert not dialog.messages["unit"].is_error and dialog.unit_combo.currentText() == "市人社局"
    type_text(qtbot, dialog.text_edit, "请于期限内作出受理决定")
    save(qtbot, page)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    chosen = page.chosen_case()
    assert chosen is not None and chosen.id == first
    issued = orders(page)
    assert len(issued) == 1 and issued[0][2] == "市人社局" and issued[0][4] == "待回复"
    assert page.reply_button.isEnabled() and page.escalate_button.isEnabled()

    qtbot.mouseClick(page.reply_button, Qt.MouseButton.LeftButton)
    replying = page.dialog
    assert replying is not None
    type_text(qtbot, replying.text_edit, "已约谈企业负责人")
    save(qtbot, page)
    qtbot.waitUntil(lambda: not replying.isVisible())
    assert orders(page)[0][4:] == ["已回复", "已约谈企业负责人"]

    qtbot.mouseClick(page.escalate_button, Qt.MouseButton.LeftButton)
    escalating = page.dialog
    assert escalating is not None
    type_text(qtbot, escalating.text_edit, "回复后仍未受理")
    save(qtbot, page)
    qtbot.waitUntil(lambda: not escalating.isVisible())
    assert [order[1] for order in orders(page)] == ["督办", "重点督办"]

    # The other case has no orders; choosing it shows so, and only an order may be issued.
    page.view.selectRow(row_of[second])
    assert page.orders_table.rowCount() == 0 and not page.reply_button.isEnabled()
