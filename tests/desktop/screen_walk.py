"""Open every page and dialog of the program, as a user of each kind of workstation would, on
the demo hall, and hand each one, as shown, to a check.

The administrator sees every page (the front desk, each window, the court's desk, today's
figures) and every menu (settings, the hall's display, administration, supervision, the holiday
calendar); the walk also opens the front desk's appointments dialog, the letters window's formal
case (信访事项), the court's dialogs with the 立案 dialog after a failed check, the overdue
register entry from today's figures, the leader's 批示 on a register entry (also after a failed
check), the demo leader's home with the cases and entries he leads (包案), a case and an entry
opened, and the calling display."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.models import User
from desktop.display import CallingDisplay
from desktop.front_desk import FrontDeskScreen
from desktop.main_window import FIGURES_PAGE, MainWindow, TodayFigures
from hall import demo, users
from hall.mechanisms.leading import CASE, ENTRY
from kit.context import AppContext, HallEvents
from windows.court.desk import ClerkDesk
from windows.court.files import CourtFilesPage
from windows.court.forms import CourtForm
from windows.letters.desk import LettersDesk
from windows.mechanisms.led import LedEntries
from windows.mechanisms.overdue import OverdueDisputes
from windows.mechanisms.register import DisputeRegister

# What the walk hands over: a name for the failure message and the window as shown.
Check = Callable[[str, QWidget], None]


def demo_admin(database: Database, events: HallEvents) -> AppContext:
    """The demo hall seeded on the pinned day, with its administrator logged in."""
    with database.write() as s:
        demo.seed_demo(s)
    with database.read() as s:
        admin = users.authenticate(s, "admin", demo.DEMO_PASSWORD)
        assert isinstance(admin, User)
    return AppContext(database, admin, events)


def settle() -> None:
    # Twice: a layout laid out on the first pass may hide or show parts that fit or no longer
    # fit (the display's last calls), which asks for another pass.
    QApplication.processEvents()
    QApplication.processEvents()


def show_at(widget: QWidget, size: QSize) -> None:
    """Shown as on a screen of ``size``: never larger than the screen, never larger than the
    window would open by itself."""
    hint = widget.sizeHint()
    widget.show()
    widget.resize(min(size.width(), max(hint.width(), 1)), min(size.height(), hint.height()))
    settle()


def each_tab(name: str, top: QWidget, root: QWidget, check: Check) -> None:
    """Check ``top`` with each tab of every tab widget under ``root`` shown in turn."""
    check(name, top)
    for tabs in root.findChildren(QTabWidget):
        if not tabs.isVisibleTo(top):
            continue
        current = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == current:
                continue
            tabs.setCurrentIndex(index)
            settle()
            check(f"{name} / {tabs.tabText(index)}", top)
        tabs.setCurrentIndex(current)
        settle()


def walk(qtbot: QtBot, ctx: AppContext, size: QSize, check: Check) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.resize(size)
    qtbot.waitExposed(window)
    for row, page in enumerate(window.pages):
        window.navigation.setCurrentRow(row)
        settle()
        shown = window.current_page()
        assert shown is not None
        each_tab(page.title, window, shown, check)
        if isinstance(shown, LettersDesk):
            walk_letters(window, shown, check)
        if isinstance(shown, ClerkDesk) and shown.cases is not None:
            walk_court(window, shown, shown.cases, size, check)
        if isinstance(shown, TodayFigures):
            walk_overdue_entry(shown, size, check)
        if isinstance(shown, FrontDeskScreen):
            walk_appointments(shown, size, check)
        if isinstance(shown, DisputeRegister):
            walk_instruction(shown, size, check)
    walk_menus(qtbot, window, size, check)
    walk_leader_home(qtbot, ctx, size, check)
    display = CallingDisplay(ctx.database, ctx.events)
    qtbot.addWidget(display)
    display.show()
    display.resize(size)
    settle()
    check("calling display", display)


def walk_overdue_entry(figures: TodayFigures, size: QSize, check: Check) -> None:
    """The register entry the leaders' home opens from its overdue list."""
    overdue = figures.findChild(OverdueDisputes)
    assert overdue is not None and overdue.rows, "the demo hall has an overdue register entry"
    dialog = overdue.open_entry(0)
    assert dialog is not None
    show_at(dialog, size)
    check("overdue register entry", dialog)
    dialog.reject()
    settle()


def walk_instruction(register: DisputeRegister, size: QSize, check: Check) -> None:
    """The leader's 批示 on the register's first entry, as opened and after a save refused
    (nothing typed: every missing field marked)."""
    assert register.model.rowCount() > 0, "the demo hall has register entries"
    register.table.selectRow(0)
    dialog = register.instruct()
    assert dialog is not None
    show_at(dialog, size)
    check("leader's instruction", dialog)
    dialog.save_button.click()
    settle()
    check("leader's instruction after a failed check", dialog)
    dialog.reject()
    settle()


def walk_leader_home(qtbot: QtBot, ctx: AppContext, size: QSize, check: Check) -> None:
    """The demo leader's today's figures, with the cases and entries he leads (包案), a case and
    an entry opened."""
    with ctx.database.read() as s:
        leader = users.authenticate(s, "lingdao", demo.DEMO_PASSWORD)
        assert isinstance(leader, User)
    window = MainWindow(AppContext(ctx.database, leader, ctx.events))
    qtbot.addWidget(window)
    window.show()
    window.resize(size)
    qtbot.waitExposed(window)
    window.navigation.setCurrentRow([p.key for p in window.pages].index(FIGURES_PAGE))
    settle()
    check("leader's home", window)
    led = window.findChild(LedEntries)
    assert led is not None and led.rows, "the demo leader leads a register entry"
    for kind, name in ((ENTRY, "leader's own register entry"), (CASE, "leader's own formal case")):
        row = next((n for n, r in enumerate(led.rows) if r.kind == kind), None)
        assert row is not None, f"the demo leader leads a {name}"
        dialog = led.open_entry(row)
        assert dialog is not None
        show_at(dialog, size)
        check(name, dialog)
        dialog.reject()
        settle()
    window.close()
    settle()


def walk_appointments(desk: FrontDeskScreen, size: QSize, check: Check) -> None:
    """The front desk's 预约 dialog (F6): check-in and booking."""
    dialog = desk.appointments.open_dialog()
    show_at(dialog, size)
    each_tab("front desk: appointments", dialog, dialog, check)
    dialog.reject()
    settle()


def walk_letters(window: MainWindow, desk: LettersDesk, check: Check) -> None:
    """The letters window with a formal case (信访事项) open."""
    desk.tabs.setCurrentWidget(desk.cases_page)
    settle()
    model = desk.cases_page.model
    assert model.rowCount() > 0, "the demo hall has formal cases"
    desk.cases_page.open_case(model.row(0).id)
    settle()
    check("letters window, a formal case open", window)


def walk_court(
    window: MainWindow, desk: ClerkDesk, files: CourtFilesPage, size: QSize, check: Check
) -> None:
    """Each of the court's dialogs, on the first file where it can be opened; the 立案 dialog
    also after a failed check (every message under its field)."""
    desk.tabs.setCurrentWidget(files)
    settle()
    actions: dict[str, Callable[[], CourtForm | None]] = {
        "register": files.register,
        "mediation": files.mediate,
        "hearing": files.schedule,
        "closing": files.close_file,
        "enforcement": files.enforce,
        "conversion": files.convert,
        "extension": files.extend,
    }
    buttons = {
        "register": files.register_button,
        "mediation": files.mediate_button,
        "hearing": files.hearing_button,
        "closing": files.close_button,
        "enforcement": files.enforce_button,
        "conversion": files.convert_button,
        "extension": files.extend_button,
    }
    files.open_only.setChecked(False)
    settle()
    opened: set[str] = set()
    for row in range(files.model.rowCount()):
        files.open_case(files.model.row(row).id)
        settle()
        check("court file", window)
        for key, act in actions.items():
            if key in opened or not buttons[key].isEnabled():
                continue
            dialog = act()
            assert dialog is not None
            show_at(dialog, size)
            check(f"court dialog: {key}", dialog)
            if key == "register":
                # Everything emptied: every field gets its message.
                for line in dialog.findChildren(QLineEdit):
                    line.clear()
                for text in dialog.findChildren(QPlainTextEdit):
                    text.clear()
                dialog.save_button.click()
                settle()
                check("court dialog: register after a failed check", dialog)
            dialog.reject()
            settle()
            opened.add(key)
    assert opened == set(actions), f"dialogs not reached: {set(actions) - opened}"


def walk_menus(qtbot: QtBot, window: MainWindow, size: QSize, check: Check) -> None:
    """Every window the main window's menus open (all but quitting and the display)."""
    display_actions = {
        window.tr("Open on screen {number} ({name}, {width}×{height})").format(
            number=index + 1,
            name=screen.name(),
            width=screen.size().width(),
            height=screen.size().height(),
        )
        for index, screen in enumerate(QGuiApplication.screens())
    }
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu):
            continue
        for action in menu.actions():
            # Quitting would end the walk; logging out only asks the application to.
            if action.isSeparator() or action.shortcut().toString() == "Ctrl+Q":
                continue
            # The calling display is checked on its own, with no voice to start.
            if action.text() in display_actions:
                continue
            before = set(QApplication.topLevelWidgets())
            action.trigger()
            settle()
            opened = [
                w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible()
            ]
            for top in opened:
                show_at(top, size)
                each_tab(action.text(), top, top, check)
                top.close()
                settle()
