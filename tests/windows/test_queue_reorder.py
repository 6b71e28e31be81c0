"""指定叫号 and 过号重排 at the counter, through the buttons and the reason dialog, on both
databases."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.models import Event
from hall import clock, queue
from tests.windows.helpers import desk_translation, register, ticket
from tests.windows.test_workstation import officer, open_ws, press


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def test_call_out_of_turn_needs_a_reason_and_keeps_the_others_places(
    hall_db: Database, qtbot: QtBot
) -> None:
    first = register(hall_db, "王建军")
    second = register(hall_db, "刘桂英")
    third = register(hall_db, "陈志强")
    ws = open_ws(qtbot, officer(hall_db))
    assert ws.out_of_turn_button.isEnabled()
    ws.waiting_view.selectionModel().select(
        ws.waiting_model.index(2, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.mouseClick(ws.out_of_turn_button, Qt.MouseButton.LeftButton)
    dialog = ws.out_of_turn_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no reason, no call
    dialog.reason_edit.insert("行动不便")
    assert ok.isEnabled()
    with qtbot.waitSignal(ws.current_changed):
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert ws.number_label.text() == third
    assert ticket(hall_db, "legal", third).status == queue.CALLED
    assert third in ws.message_label.text()
    assert [ticket(hall_db, "legal", n).status for n in (first, second)] == [queue.WAITING] * 2
    with hall_db.read() as s:
        called = s.scalars(select(Event).where(Event.kind == "ticket.called")).one()
    assert (called.payload["reason"], called.payload["skipped"]) == ("行动不便", 2)


def test_a_no_show_who_comes_back_is_requeued(hall_db: Database, qtbot: QtBot) -> None:
    absent = register(hall_db, "王建军")
    others = [register(hall_db, name) for name in ("刘桂英", "陈志强", "赵淑兰", "孙丽")]
    ws = open_ws(qtbot, officer(hall_db))
    press(qtbot, ws, Qt.Key.Key_F1)
    assert not ws.requeue_button.isEnabled()
    press(qtbot, ws, Qt.Key.Key_F3)
    assert ticket(hall_db, "legal", absent).status == queue.NO_SHOW
    assert ws.requeue_button.isEnabled()
    with qtbot.waitSignal(ws.current_changed):
        qtbot.mouseClick(ws.requeue_button, Qt.MouseButton.LeftButton)
    assert ticket(hall_db, "legal", absent).status == queue.WAITING
    assert absent in ws.message_label.text()
    assert ws.call_button.isEnabled() and not ws.requeue_button.isEnabled()
    # Back behind the next three waiting (the hall's default), keeping the number.
    with hall_db.read() as s:
        order = [t.number for t in queue.waiting(s, "legal", clock.now().date())]
    assert order == [*others[:3], absent, others[3]]
