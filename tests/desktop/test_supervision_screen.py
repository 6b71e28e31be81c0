"""The supervisors' screen on both databases: an overdue case appears with why, an order is
issued to its unit, the unit's reply recorded, the order escalated, the units' records read."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.supervision_screen import SupervisionScreen
from hall import cases, clock, letters, users
from tests.windows.helpers import column_texts, make_ctx, show, type_text


def overdue_letter(database: Database, days_ago: int = 25) -> int:
    with database.write() as s:
        return letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="赵建国",
                received_on=clock.now().date() - dt.timedelta(days=days_ago),
                summary="拖欠工资",
            ),
        ).id


def press_ok(qtbot: QtBot, screen: SupervisionScreen) -> None:
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()


def order_row(screen: SupervisionScreen, row: int) -> list[str]:
    table = screen.orders_table
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_an_overdue_case_is_supervised_replied_and_escalated(
    hall_db: Database, qtbot: QtBot
) -> None:
    with hall_db.write() as s:
        cases.add_unit(s, "市人社局", "职能部门")
    case_id = overdue_letter(hall_db)
    overdue_letter(hall_db, days_ago=0)
    ctx = make_ctx(hall_db, "dc", [users.OFFICER], ["supervision"])
    screen = SupervisionScreen(ctx)
    show(qtbot, screen)

    assert screen.cases_model.rowCount() == 1
    row = screen.cases_model.row(0)
    assert row.id == case_id and "逾期未作出受理决定" in screen.cases_model.index(0, 6).data()
    assert screen.needing_label.text() == "Needing supervision: 1"

    screen.cases_table.setCurrentIndex(screen.cases_model.index(0, 0))
    assert screen.case_view.case is not None and screen.case_view.case.id == case_id
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is not None
    # The case has no unit yet: the order goes nowhere until the supervisor names one.
    unit = screen.dialog.fields["unit"]
    assert isinstance(unit, QComboBox) and unit.currentText() == "(the case's unit)"
    reason = screen.dialog.fields["reason"]
    assert isinstance(reason, QPlainTextEdit) and "逾期未作出受理决定" in reason.toPlainText()
    dialog = screen.dialog
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "请选择要督办的单位" in dialog.messages["unit"].text()
    assert screen.orders_table.rowCount() == 0
    unit.setCurrentIndex(unit.findText("市人社局"))
    press_ok(qtbot, screen)
    issued = order_row(screen, 0)
    assert issued[1:3] == ["督办", "市人社局"] and issued[4] == "待回复"
    reply_due = dt.date.fromisoformat(issued[3])
    assert reply_due >= clock.now().date() + dt.timedelta(days=10)
    # The case's timeline tells of the order, by its number and unit.
    timeline = column_texts(screen.case_view.timeline, 1)
    assert timeline[-1] == f"Supervision order issued：{issued[0]}：市人社局"

    # A second order to the same unit while the first awaits its reply is refused, in words.
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is not None
    again = screen.dialog.unit_combo
    again.setCurrentIndex(again.findText("市人社局"))
    qtbot.mouseClick(screen.dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert screen.dialog.isVisible() and "尚未回复" in screen.dialog.error_label.text()
    screen.dialog.reject()

    qtbot.mouseClick(screen.reply_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is not None
    type_text(qtbot, screen.dialog.fields["text"], "已约谈企业负责人，本周内发放")
    press_ok(qtbot, screen)
    replied = order_row(screen, 0)
    assert replied[4] == "已回复" and replied[5] == "已约谈企业负责人，本周内发放"

    # The case is still overdue after the reply: the order goes up a level.
    qtbot.mouseClick(screen.escalate_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is not None
    type_text(qtbot, screen.dialog.fields["reason"], "回复后仍未受理")
    press_ok(qtbot, screen)
    assert [order_row(screen, r)[1] for r in range(2)] == ["督办", "重点督办"]
    assert order_row(screen, 0)[4] == "已升级"
    assert column_texts(screen.case_view.timeline, 1)[-3:] == [
        f"The unit replied to the supervision order：{issued[0]}：市人社局",
        f"Supervision escalated：{issued[0]}：市人社局",
        f"Supervision order issued：{order_row(screen, 1)[0]}：市人社局",
    ]

    with qtbot.waitSignal(screen.unit_records_shown):
        screen.tabs.setCurrentIndex(2)
    units = screen.units_table
    names = [units.item(r, 0).text() for r in range(units.rowCount())]
    record = [units.item(names.index("市人社局"), c).text() for c in range(units.columnCount())]
    assert record[6:] == ["2", "1"]


def test_an_order_without_a_reason_is_refused_at_the_field(hall_db: Database, qtbot: QtBot) -> None:
    with hall_db.write() as s:
        cases.add_unit(s, "市人社局", "职能部门")
    overdue_letter(hall_db)
    screen = SupervisionScreen(make_ctx(hall_db, "leader", [users.LEADER]))
    show(qtbot, screen)
    screen.cases_table.setCurrentIndex(screen.cases_model.index(0, 0))
    qtbot.mouseClick(screen.issue_button, Qt.MouseButton.LeftButton)
    dialog = screen.dialog
    assert dialog is not None
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findText("市人社局"))
    reason = dialog.fields["reason"]
    assert isinstance(reason, QPlainTextEdit)
    reason.clear()
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "请填写督办事由" in dialog.messages["reason"].text()
    assert screen.orders_table.rowCount() == 0


def test_the_cases_menu_opens_supervision_for_a_leader_and_nothing_for_a_clerk(
    hall_db: Database, qtbot: QtBot
) -> None:
    from desktop.main_window import MainWindow

    leader = MainWindow(make_ctx(hall_db, "lingdao", [users.LEADER]))
    qtbot.addWidget(leader)
    menus = {a.text(): a.menu() for a in leader.menuBar().actions()}
    assert "&Cases" in menus
    entries = [a for a in menus["&Cases"].actions()]  # type: ignore[union-attr]
    assert [a.text() for a in entries] == ["&Supervision of cases…"]
    entries[0].trigger()
    opened = [w for w in leader.findChildren(SupervisionScreen) if w.isWindow()]
    assert len(opened) == 1 and opened[0].isVisible()
    opened[0].close()

    clerk = MainWindow(make_ctx(hall_db, "shuji", [users.CLERK], ["court"]))
    qtbot.addWidget(clerk)
    assert "&Cases" not in [a.text() for a in clerk.menuBar().actions()]
