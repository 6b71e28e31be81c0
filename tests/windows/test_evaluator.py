"""Satisfaction at finish, on both databases: chosen by the officer, or pressed by the visitor
on the evaluator window; an unrated service stays unrated."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.window_models import Satisfaction
from hall import clock, satisfaction
from tests.questions import Questions
from tests.windows.helpers import announce, desk_translation, ticket
from tests.windows.window_gui import officer_ctx, open_window, press, register, serve_next
from windows.base import WindowWorkstation
from windows.evaluator import EvaluatorWindow


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def back_to_the_counter(qtbot: QtBot, ws: WindowWorkstation, evaluator: EvaluatorWindow) -> None:
    """The officer's window active again (a test platform may activate the evaluator)."""
    qtbot.waitExposed(evaluator)
    ws.activateWindow()
    qtbot.waitUntil(ws.isActiveWindow)


def rating(database: Database, window: str, number: str) -> tuple[str, str] | None:
    done = ticket(database, window, number)
    with database.read() as s:
        row = s.get(Satisfaction, done.id)
        return (row.score, row.source) if row else None


def test_the_visitor_rates_on_the_evaluator(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "王建军", "legal", summary="咨询劳动合同")
    register(hall_db, "陈志强", "legal", summary="咨询继承")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    QTest.keyClick(ws, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: ws.evaluator is not None and ws.evaluator.isVisible())
    evaluator = ws.evaluator
    assert isinstance(evaluator, EvaluatorWindow)
    assert evaluator.prompt_label.text() == "欢迎您！我们竭诚为您服务。"
    assert not any(b.isEnabled() for b in evaluator.buttons.values())
    # It stands on the visitor's screen; the officer goes on at theirs.
    back_to_the_counter(qtbot, ws, evaluator)
    serve_next(qtbot, ws)
    press(qtbot, ws, Qt.Key.Key_F5)
    # Nobody chose for the visitor: the evaluator asks them.
    assert evaluator.prompt_label.text() == "A001 号，请您对本次服务作出评价"
    assert all(b.isEnabled() for b in evaluator.buttons.values())
    assert evaluator.window_label.text().startswith("法律服务")
    with qtbot.waitSignal(evaluator.rated):
        QTest.mouseClick(evaluator.buttons["basic"], Qt.MouseButton.LeftButton)
    assert evaluator.prompt_label.text() == "感谢您的评价：基本满意。"
    assert rating(hall_db, "legal", "A001") == ("basic", "visitor")

    # The officer chose for the next visitor: the evaluator does not ask again.
    back_to_the_counter(qtbot, ws, evaluator)
    serve_next(qtbot, ws)
    QTest.keyClick(ws, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.outcome_box.score() == "dissatisfied")
    press(qtbot, ws, Qt.Key.Key_F5)
    evaluator.refresh()
    assert evaluator.ticket_id is None
    assert rating(hall_db, "legal", "A002") == ("dissatisfied", "officer")


def test_a_rating_pad_types_digits_and_other_seats_are_not_asked(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    register(hall_db, "王建军", "legal", summary="咨询劳动合同")
    seat_one = officer_ctx(hall_db, "legal")
    ws = open_window(qtbot, seat_one, "legal")
    other_seat = EvaluatorWindow(seat_one, "legal", 2)
    qtbot.addWidget(other_seat)
    evaluator = ws.open_evaluator()
    back_to_the_counter(qtbot, ws, evaluator)
    serve_next(qtbot, ws)
    press(qtbot, ws, Qt.Key.Key_F5)
    # The other seat's evaluator hears of it through the live feed, and does not ask.
    announce(seat_one.events, "legal", "ticket.finished")
    assert other_seat.ticket_id is None and evaluator.ticket_id is not None
    with qtbot.waitSignal(evaluator.rated):
        QTest.keyClick(evaluator, Qt.Key.Key_1)
    assert rating(hall_db, "legal", "A001") == ("satisfied", "visitor")


def test_unrated_services_are_counted_as_unrated(
    hall_db: Database, qtbot: QtBot, questions: Questions
) -> None:
    for name in ("王建军", "陈志强"):
        register(hall_db, name, "legal", summary="咨询劳动合同")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    QTest.keyClick(ws, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ws.outcome_box.score() == "satisfied")
    press(qtbot, ws, Qt.Key.Key_F5)
    serve_next(qtbot, ws)
    press(qtbot, ws, Qt.Key.Key_F5)
    today = clock.now().date()
    with hall_db.read() as s:
        legal = next(f for f in satisfaction.figures(s, today, today) if f.window == "legal")
        assert s.scalars(select(Satisfaction)).all()
    assert (legal.finished, legal.rated, legal.unrated) == (2, 1, 1)
    # The records say which services were rated.
    ws.tabs.setCurrentWidget(ws.records)
    assert [ws.records.model.row(i).rating for i in range(2)] == ["", "满意"]
    assert ws.records.model.index(0, 8).data() == "未评价"
