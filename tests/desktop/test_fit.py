"""Every page and dialog works on the commonest office PC: at 1366×768, and at 1280×720 with
125 % scaling (1024×576 logical pixels), the window is no larger than the screen, no page of
the main window scrolls as a whole (down or sideways), no window's parts need more room than the
screen has (the calling display would overlap them), and each action button lies inside it,
not cut off by a part too small to show it (a scroll area may hold it: the user scrolls to
it)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QCalendarWidget,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.engine import Database
from desktop.main_window import MainWindow
from kit.context import HallEvents
from tests.desktop.screen_walk import demo_admin, walk

pytestmark = pytest.mark.usefixtures("chinese")

SCREENS = {"1366x768": QSize(1366, 768), "1280x720 at 125%": QSize(1024, 576)}


def rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def is_own_part(button: QAbstractButton) -> bool:
    """Buttons a Qt widget draws for itself (a tab bar's arrows, a calendar's month arrows)."""
    parent = button.parentWidget()
    while parent is not None:
        if isinstance(parent, QTabBar | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def out_of_reach(top: QWidget) -> list[str]:
    """The visible action buttons of ``top`` a user cannot see or scroll to."""
    lost: list[str] = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or is_own_part(button) or not button.text():
            continue
        shown = rect_in(button, top)
        parent = button.parentWidget()
        while parent is not None and parent is not top:
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
                # Inside a scroll area the button is reached by scrolling; the area itself
                # must be in view, with room enough to show a button.
                shown = rect_in(parent, top)
                if shown.height() < button.height() or shown.width() < 40:
                    lost.append(f"{button.text()} (its scroll area is {shown.size().toTuple()})")
                    break
            elif not rect_in(parent, top).contains(shown):
                lost.append(f"{button.text()} (cut off by {type(parent).__name__})")
                break
            parent = parent.parentWidget()
        else:
            if not top.rect().contains(shown):
                lost.append(f"{button.text()} (outside the window at {shown.getRect()})")
    return lost


@pytest.mark.parametrize("screen", list(SCREENS.values()), ids=list(SCREENS))
def test_every_screen_fits_and_shows_its_buttons(
    hall_db: Database, hall_events: HallEvents, qtbot: QtBot, screen: QSize
) -> None:
    ctx = demo_admin(hall_db, hall_events)
    failures: list[str] = []
    checked: list[str] = []

    def check(name: str, top: QWidget) -> None:
        checked.append(name)
        if top.width() > screen.width() or top.height() > screen.height():
            failures.append(f"{name}: {top.size().toTuple()} is larger than the screen")
        # A window squeezed below what its parts need overlaps or cuts them (the calling
        # display takes its screen's size whatever its parts need).
        least = top.minimumSizeHint()
        if least.width() > screen.width() or least.height() > screen.height():
            failures.append(f"{name}: its parts need {least.toTuple()}, more than the screen")
        failures.extend(f"{name}: {lost}" for lost in out_of_reach(top))
        # A page's own parts scroll, never the whole page: its action buttons stay in view.
        if isinstance(top, MainWindow):
            page = top.stack.currentWidget()
            assert isinstance(page, QScrollArea)
            if page.verticalScrollBar().maximum() > 0:
                failures.append(f"{name}: the whole page scrolls")
            if page.horizontalScrollBar().maximum() > 0:
                failures.append(f"{name}: the whole page scrolls sideways")

    walk(qtbot, ctx, screen, check)
    assert len(checked) > 30
    assert not failures, "\n".join(failures)
