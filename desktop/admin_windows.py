"""The administrator's screen for what the service windows work with: the responsible units,
the lists (opinion topics, policy topics, aid kinds), and who may serve which window; opened
from the main window's Administration menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QTabWidget, QWidget

from desktop.admin_appointments import add_queue_admin_action
from desktop.admin_lists import ListsPage
from desktop.admin_staff import StaffPage
from desktop.admin_units import UnitsPage
from hall import users
from kit.context import AppContext


class WindowsAdminScreen(QTabWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.units = UnitsPage(ctx)
        self.lists = ListsPage(ctx)
        self.staff = StaffPage(ctx)
        self.addTab(self.units, self.tr("Responsible units"))
        self.addTab(self.lists, self.tr("Topics and aid kinds"))
        self.addTab(self.staff, self.tr("Who serves which window"))
        self.currentChanged.connect(self._shown)

    def _shown(self, index: int) -> None:
        page = self.widget(index)
        if page is self.units:
            self.units.reload()
        elif page is self.lists:
            self.lists.reload()
        elif page is self.staff:
            self.staff.reload()


def open_windows_admin(window: QMainWindow, ctx: AppContext) -> WindowsAdminScreen:
    """The screen in a window of its own, owned by the main window."""
    screen = WindowsAdminScreen(ctx, window)
    screen.setWindowFlag(Qt.WindowType.Window, True)
    screen.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    screen.setWindowTitle(
        QCoreApplication.translate("WindowsAdminScreen", "Service windows: units, lists, staff")
    )
    screen.resize(960, 640)
    screen.show()
    return screen


def add_admin_menu(window: QMainWindow, ctx: AppContext) -> QMenu | None:
    """The Administration menu of the main window, for administrators (None for others)."""
    if not ctx.has_role(users.ADMIN):
        return None
    translate = QCoreApplication.translate
    menu = window.menuBar().addMenu(translate("WindowsAdminScreen", "&Administration"))
    action = QAction(
        translate("WindowsAdminScreen", "Service &windows: units, lists, staff…"), window
    )
    action.triggered.connect(lambda: open_windows_admin(window, ctx))
    menu.addAction(action)
    add_queue_admin_action(menu, window, ctx)  # issue 16: slots, targets, duty roster
    return menu
