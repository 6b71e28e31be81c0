"""The two desks where a file is read beside its list, on the smallest screen the hall has:
1280×720 at 125 % scaling (1024×576 logical pixels). The letters officer reads a formal case
(信访事项) and the clerk a court file without scrolling through a slot a few lines high, and the
list beside them still shows what tells its rows apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QSize
from PySide6.QtWidgets import QScrollArea, QTableView
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.main_window import MainWindow, window_page
from kit.context import HallEvents
from tests.desktop.screen_walk import demo_admin, settle
from windows.court.desk import ClerkDesk
from windows.letters.desk import LettersDesk

pytestmark = pytest.mark.usefixtures("chinese")

SMALL = QSize(1024, 576)


def main_window(qtbot: QtBot, hall_db: Database, hall_events: HallEvents) -> MainWindow:
    window = MainWindow(demo_admin(hall_db, hall_events))
    qtbot.addWidget(window)
    window.show()
    window.resize(SMALL)
    qtbot.waitExposed(window)
    settle()
    return window


def columns_shown(table: QTableView) -> int:
    """How many of the table's first columns show whole."""
    shown = 0
    for column in range(table.model().columnCount()):
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        if right > table.viewport().width():
            break
        shown += 1
    return shown


def test_a_formal_case_reads_on_the_smallest_screen(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    window = main_window(qtbot, hall_db, hall_events)
    assert window.show_page(window_page("letters"))
    settle()
    desk = window.current_page()
    assert isinstance(desk, LettersDesk)
    cases = desk.cases_page
    desk.tabs.setCurrentWidget(cases)
    settle()
    cases.open_case(cases.model.row(0).id)
    settle()
    view = cases.view
    # The demo's newest case waits for its decision: the five acts a registered case allows.
    assert [b.text() for b in view.action_buttons.values() if b.isVisibleTo(view)] == [
        "受理(&A)",
        "不予受理(&N)…",
        "转送(&F)…",
        "交办(&G)…",
        "诉访分离(&C)…",
    ]
    matter = view.detail_labels["petitioner"].parentWidget()
    area = next(a for a in view.findChildren(QScrollArea) if a.widget().isAncestorOf(matter))
    # At least eight lines of the matter show at once (three did, under fifteen buttons).
    assert area.viewport().height() >= 8 * view.fontMetrics().lineSpacing()
    # The list beside it shows each case's number and its state.
    assert columns_shown(cases.table) >= 2
    # Nothing said yet, no empty line kept for it.
    assert not view.message.isVisibleTo(view)


def test_a_court_file_reads_on_the_smallest_screen(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot
) -> None:
    window = main_window(qtbot, hall_db, hall_events)
    assert window.show_page(window_page("court"))
    settle()
    desk = window.current_page()
    assert isinstance(desk, ClerkDesk) and desk.cases is not None
    files = desk.cases
    desk.tabs.setCurrentWidget(files)
    settle()
    files.open_only.setChecked(False)
    settle()
    files.open_case(files.model.row(0).id)
    settle()
    view = files.file_view
    general = view.general
    # The file's particulars (案件概况) read whole without scrolling: its title, stages and
    # every line of the box, the trial limit among them.
    bottom = general.mapTo(view.viewport(), QPoint(0, general.height())).y()
    assert bottom <= view.viewport().height()
    # Only what the file allows now is offered: a registered file before its trial is
    # neither registered again nor sent to enforcement, and has no mediation paper yet.
    offered = {b.text() for b in files.action_buttons() if b.isVisibleTo(files)}
    assert files.register_button.text() not in offered
    assert files.enforce_button.text() not in offered
    assert files.mediation_paper_button.text() not in offered
    assert {files.hearing_button.text(), files.close_button.text()} <= offered
    # The list shows each file's number and its plaintiff.
    assert columns_shown(files.view) >= 2
