"""The main window's navigation on a small screen: narrower by itself at 1024 logical pixels
(1280×720 at 125 %), as wide as its titles at 1366, narrowed or widened by its edge, the width
chosen remembered on this PC, and still worked from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop import settings as workstation_settings
from desktop.main_window import MainWindow
from kit.context import AppContext

pytestmark = pytest.mark.usefixtures("chinese")


def shown_at(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.show()
    window.resize(width, height)
    qtbot.waitExposed(window)
    QApplication.processEvents()


def test_the_navigation_leaves_the_page_more_room_on_a_small_screen(
    admin_ctx: AppContext, qtbot: QtBot
) -> None:
    window = MainWindow(admin_ctx)
    qtbot.addWidget(window)
    shown_at(qtbot, window, 1024, 576)
    assert window.navigation.width() <= 160
    assert window.stack.width() >= 820
    # Cut short ("…"), not scrolled sideways, a title still reads whole as its tooltip.
    assert not window.navigation.horizontalScrollBar().isVisible()
    assert window.navigation.item(8).toolTip() == "H 便民巡回法庭"
    # The keyboard still moves through the pages.
    window.navigation.setFocus()
    window.navigation.setCurrentRow(0)
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.navigation.currentRow() == 1

    window.resize(1366, 768)
    QApplication.processEvents()
    assert window.navigation.width() == 200


def test_the_width_the_user_gives_the_navigation_is_kept_on_this_pc(
    admin_ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    store = workstation_settings.open_store(tmp_path / "hall.ini")
    window = MainWindow(admin_ctx, store=store)
    qtbot.addWidget(window)
    shown_at(qtbot, window, 1366, 768)
    assert window.navigation.width() == 200
    # Dragged by its edge to 130 pixels (and no narrower than a page's letter and a few
    # characters of its name).
    window.splitter.moveSplitter(130, 1)
    assert window.navigation.width() == 130
    window.splitter.moveSplitter(10, 1)
    assert 60 <= window.navigation.width() < 130
    window.splitter.moveSplitter(130, 1)
    window.close()

    again = MainWindow(admin_ctx, store=workstation_settings.open_store(tmp_path / "hall.ini"))
    qtbot.addWidget(again)
    shown_at(qtbot, again, 1024, 576)
    assert again.navigation.width() == 130
    again.resize(1366, 768)
    QApplication.processEvents()
    assert again.navigation.width() == 130
