"""The main window: one page for each thing the logged-in user's roles allow them to do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

import windows
from desktop.display import CallingDisplay
from desktop.front_desk import FrontDeskScreen
from desktop.widgets.context import AppContext
from hall import catalog, clock, queue, settings, users

FRONT_DESK_PAGE = "front_desk"
FIGURES_PAGE = "figures"
# Events come in bursts; the figures are read once per burst.
REFRESH_DELAY_MS = 200


def window_page(code: str) -> str:
    return f"window:{code}"


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    make: Callable[[], QWidget]


class TodayFigures(QWidget):
    """Today's queue at every window, for leaders; the real dashboard comes later."""

    COLUMNS = 5

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        title = QLabel(self.tr("Today's figures"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Window"),
                self.tr("Waiting"),
                self.tr("Of them with priority"),
                self.tr("Served"),
                self.tr("At the window now"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.events.queue_changed.connect(self._refresh_timer.start)
        self.refresh()

    def refresh(self) -> None:
        try:
            with self.ctx.database.read() as session:
                windows_today = queue.status(session, clock.now().date())
        except SQLAlchemyError:
            # The banner tells of the lost connection; the last figures stay readable.
            return
        self.table.setRowCount(len(windows_today))
        for row, window in enumerate(windows_today):
            calling = "、".join(t.number for t in window.calling) or "—"
            cells = (
                f"{window.letter} {window.name}",
                str(window.waiting),
                str(window.priority_waiting),
                str(window.served),
                calling,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column > 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.summary.setText(
            self.tr("Today: {waiting} waiting, {served} served.").format(
                waiting=sum(w.waiting for w in windows_today),
                served=sum(w.served for w in windows_today),
            )
        )


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen page on the right; pages are built when first shown."""

    logout_requested = Signal()
    closed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.displays: list[CallingDisplay] = []
        with ctx.database.read() as session:
            self.hall_name = settings.get(session, settings.HALL_NAME)
            all_windows = [(w.code, f"{w.letter} {w.name}") for w in catalog.windows(session)]
        self.setWindowTitle(f"{self.hall_name} — {ctx.user.name}")

        self.pages = self._pages_for_user(all_windows)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.navigation.setFont(font)
        self.navigation.setStyleSheet(
            "QListWidget#navigation::item { padding: 8px 10px; }"
            "QListWidget#navigation::item:selected { background: #1e4b8a; color: white; }"
        )
        self.stack = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.navigation.addItem(item)
        self.navigation.currentRowChanged.connect(self._show_row)

        self.banner = QLabel()
        self.banner.setObjectName("connectionBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #b00020; color: white; font-weight: bold; padding: 8px;"
        )
        self.banner.hide()

        if self.pages:
            body: QWidget = self.stack
        else:
            body = QLabel(
                self.tr(
                    "Your account has no role that this program serves yet. "
                    "Ask the administrator to give you one."
                )
            )
            body.setWordWrap(True)
        central = QWidget()
        row = QHBoxLayout()
        row.addWidget(self.navigation)
        row.addWidget(body, 1)
        column = QVBoxLayout(central)
        column.addWidget(self.banner)
        column.addLayout(row, 1)
        self.setCentralWidget(central)
        self.navigation.setVisible(len(self.pages) > 1)

        self.user_label = QLabel(self._user_text())
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(ctx.database.describe())
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menus()
        ctx.events.connection_lost.connect(self._on_connection_lost)
        ctx.events.connection_restored.connect(self.banner.hide)
        if self.pages:
            self.navigation.setCurrentRow(0)
        self.resize(1280, 800)

    def page_keys(self) -> list[str]:
        return [page.key for page in self.pages]

    def show_page(self, key: str) -> bool:
        """Go to a page; False if this user has no such page."""
        keys = self.page_keys()
        if key not in keys:
            return False
        self.navigation.setCurrentRow(keys.index(key))
        return True

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def open_display(self, screen_index: int = 0) -> CallingDisplay:
        """The calling display in its own window, full screen on the chosen screen (the
        first one when there is no such screen)."""
        display = CallingDisplay(self.ctx.database, self.ctx.events)
        display.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        screens = QGuiApplication.screens()
        screen = screens[screen_index] if 0 <= screen_index < len(screens) else screens[0]
        display.setScreen(screen)
        display.setGeometry(screen.geometry())
        display.destroyed.connect(lambda: self.displays.remove(display))
        self.displays.append(display)
        display.showFullScreen()
        return display

    def closeEvent(self, event: QCloseEvent) -> None:
        for display in list(self.displays):
            display.close()
        super().closeEvent(event)
        self.closed.emit()

    def _pages_for_user(self, all_windows: list[tuple[str, str]]) -> list[Page]:
        ctx = self.ctx
        pages: list[Page] = []
        if ctx.has_role(users.RECEPTION, users.ADMIN):
            pages.append(Page(FRONT_DESK_PAGE, self.tr("Front desk"), lambda: FrontDeskScreen(ctx)))
        if ctx.has_role(users.ADMIN):
            served = [code for code, _ in all_windows]
        elif ctx.has_role(users.OFFICER, users.CLERK):
            served = list(users.window_codes(ctx.user))
        else:
            served = []
        titles = dict(all_windows)
        for code in served:
            if code in titles:
                pages.append(
                    Page(
                        window_page(code),
                        titles[code],
                        partial(windows.open_workstation, ctx, code),
                    )
                )
        if ctx.has_role(users.LEADER, users.ADMIN):
            pages.append(Page(FIGURES_PAGE, self.tr("Today's figures"), lambda: TodayFigures(ctx)))
        return pages

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        widget = self._built.get(page.key)
        if widget is None:
            widget = page.make()
            self._built[page.key] = widget
            self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)

    def _build_menus(self) -> None:
        system = self.menuBar().addMenu(self.tr("&System"))
        logout = QAction(self.tr("&Log out"), self)
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self.logout_requested.emit)
        system.addAction(logout)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        system.addAction(quit_action)

        display_menu = self.menuBar().addMenu(self.tr("Calling &display"))
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            action = QAction(
                self.tr("Open on screen {number} ({name}, {width}×{height})").format(
                    number=index + 1,
                    name=screen.name(),
                    width=size.width(),
                    height=size.height(),
                ),
                self,
            )
            action.triggered.connect(lambda _checked=False, i=index: self.open_display(i))
            display_menu.addAction(action)

    def _user_text(self) -> str:
        held = users.roles_of(self.ctx.user)
        roles = "、".join(name for code, name in users.ROLE_NAMES.items() if code in held)
        return self.tr("{name} ({roles})").format(name=self.ctx.user.name, roles=roles)

    def _on_connection_lost(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
