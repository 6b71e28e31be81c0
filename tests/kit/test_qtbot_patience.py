"""The tests' ``qtbot`` (tests/conftest.py) waits longer than a test names: on a loaded machine
what it waits for comes late, and a test must not fail for that."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot

# Later than every timeout below, as a worker's answer comes on a loaded CI machine.
LATE_MS = 1_500


class Late(QObject):
    done = Signal()


def test_a_wait_outlasts_its_named_timeout_for_a_late_answer(qtbot: QtBot) -> None:
    answered: list[bool] = []
    QTimer.singleShot(LATE_MS, lambda: answered.append(True))
    qtbot.waitUntil(lambda: answered == [True], timeout=100)


def test_a_signal_wait_outlasts_its_named_timeout_for_a_late_signal(qtbot: QtBot) -> None:
    late = Late()
    with qtbot.waitSignal(late.done, timeout=100):
        QTimer.singleShot(LATE_MS, late.done.emit)


def test_a_check_that_nothing_comes_keeps_its_own_length(qtbot: QtBot) -> None:
    quiet = Late()
    began = time.monotonic()
    with qtbot.assertNotEmitted(quiet.done, wait=100):
        pass
    # Not the minute a wait for something to come is given (half of it leaves room for load).
    assert time.monotonic() - began < 30
