"""A long background operation's progress reaching the GUI thread, and its cancel reaching the
worker: the work stops, its unit of work rolls back, and the screen hears why."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.case_models import ResponsibleUnit as Unit
from db.engine import Database, Session
from hall import units
from hall.errors import HallError
from kit.operations import Failure, Operation, Problem, Tracker


def test_progress_is_heard_on_the_gui_thread(db: Database, qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    tracker = Tracker(widget)
    heard: list[tuple[int, int, bool]] = []
    tracker.progressed.connect(
        lambda done, total: heard.append(
            (done, total, threading.current_thread() is threading.main_thread())
        )
    )
    worker_threads: list[bool] = []

    def work(s: Session) -> int:
        worker_threads.append(threading.current_thread() is threading.main_thread())
        for done in range(4):
            tracker.progress(done, 3)
        return 3

    got: list[int] = []
    Operation(widget, db, work).success(got.append).run_in_background()
    qtbot.waitUntil(lambda: got == [3])
    assert worker_threads == [False]
    assert heard == [(0, 3, True), (1, 3, True), (2, 3, True), (3, 3, True)]


def test_a_cancel_stops_the_work_and_rolls_it_back(db: Database, qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    tracker = Tracker(widget)
    started = threading.Event()

    def work(s: Session) -> None:
        units.add_unit(s, "县民政局", "county")
        started.set()
        while not tracker.cancelled():
            threading.Event().wait(0.01)
        raise HallError("已取消")

    problems: list[Problem] = []
    Operation(widget, db, work).failure(problems.append).run_in_background()
    assert started.wait(60)
    tracker.cancel()
    qtbot.waitUntil(lambda: problems == [Problem(Failure.REFUSED, "已取消")])
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == 0
