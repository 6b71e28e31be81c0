"""The main window: one page for each thing the logged-in user's roles allow them to do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

import windows
from db.probe import database_host
from desktop import security_pages
from desktop import settings as workstation_settings
from desktop.admin_windows import add_admin_menu
from desktop.display import CallingDisplay
from desktop.display_settings_page import HallDisplaySettingsDialog
from desktop.front_desk import FrontDeskScreen
from desktop.ledger_import import add_ledger_menu
from desktop.service_level import ServiceLevelPanel
from desktop.settings_page import WorkstationSettingsDialog
from desktop.statistics import StatisticsPage, statistics_title
from desktop.statistics.month_rates import MonthRates
from desktop.supervision_screen import add_cases_menu
from desktop.voice import Voice
from hall import clock, queue, shell, users
from kit.context import AppContext, HallEvent
from kit.fit import scrolled_content, scrolling
from kit.live import once_per_burst
from kit.operations import Operation, Problem
from windows.court.figures import CourtFiguresPage, figures_title
from windows.deadline_notices import notice_for
from windows.mechanisms.led import LedEntries
from windows.mechanisms.overdue import OverdueDisputes
from windows.mechanisms.pages import mechanism_pages

FRONT_DESK_PAGE = "front_desk"
FIGURES_PAGE = "figures"
COURT_FIGURES_PAGE = "court_figures"
STATISTICS_PAGE = "statistics"
# Besides leaders and administrators, the windows that live by the figures see 统计分析.
STATISTICS_WINDOWS = ("letters", "supervision")
# The navigation's width, and on a screen narrower than WIDE_SCREEN (1280×720 at 125 %: 1024
# logical pixels), where a fifth of the width would go to it.
NAVIGATION_WIDTH = 200
NARROW_NAVIGATION_WIDTH = 150
WIDE_SCREEN = 1280
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
    """Today's queue at every window, for leaders; the real dashboard comes later. The
    administrator also sees the calls not yet answered, and can put one back in the queue
    (the workstation that made it went away)."""

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
        layout.addWidget(self.table, 2)
        self.month_rates = MonthRates(ctx)
        layout.addWidget(self.month_rates)
        layout.addWidget(ServiceLevelPanel(ctx))  # issue 16: the service level, live
        # The overdue disputes and the unanswered calls side by side: stacked, the page is
        # taller than a 1280×720 screen at 125 %.
        lower = QHBoxLayout()
        lower.addWidget(OverdueDisputes(ctx), 1)
        if ctx.has_role(users.LEADER):  # issue 17: the leader's own 包案
            lower.addWidget(LedEntries(ctx), 1)
        layout.addLayout(lower, 1)
        self.calls: list[queue.TicketView] = []
        self.calls_table = QTableWidget(0, 4)
        self.calls_table.setHorizontalHeaderLabels(
            [self.tr("Called"), self.tr("Window"), self.tr("Seat"), self.tr("Called at")]
        )
        self.calls_table.verticalHeader().hide()
        self.calls_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.calls_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.calls_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.calls_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.release_button = QPushButton(self.tr("&Put back in the queue"))
        self.release_button.setToolTip(
            self.tr(
                "For a call nobody answers because the workstation that made it has gone: the "
                "visitor waits again at their old place"
            )
        )
        self.release_button.clicked.connect(self.release_selected)
        self.calls_message = QLabel()
        self.calls_message.setWordWrap(True)
        self.calls_box = QWidget()
        calls_layout = QVBoxLayout(self.calls_box)
        calls_layout.setContentsMargins(0, 0, 0, 0)
        calls_layout.addWidget(QLabel(self.tr("Calls not yet answered")))
        calls_layout.addWidget(self.calls_table)
        row = QHBoxLayout()
        row.addWidget(self.calls_message, 1)
        row.addWidget(self.release_button)
        calls_layout.addLayout(row)
        lower.addWidget(self.calls_box, 1)
        self.calls_box.setVisible(ctx.has_role(users.ADMIN))
        self._refresh_timer = once_per_burst(self, REFRESH_DELAY_MS, self.refresh)
        ctx.events.queue_changed.connect(self._refresh_timer.start)
        self.refresh()

    def refresh(self) -> None:
        day = clock.now().date()
        Operation(self, self.ctx.database, lambda s: queue.status(s, day), read_only=True).success(
            self._show
        ).failure(self._keep_last_figures).run()

    def _keep_last_figures(self, _problem: Problem) -> None:
        """The banner tells of the lost connection; the last figures stay readable."""

    def _show(self, windows_today: list[queue.WindowQueue]) -> None:
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
        self.calls = sorted(
            (t for w in windows_today for t in w.calling if t.status == queue.CALLED),
            key=lambda t: t.called_at or t.issued_at,
        )
        self.calls_table.setRowCount(len(self.calls))
        for row, ticket in enumerate(self.calls):
            call_cells = (
                ticket.number,
                ticket.window_name,
                str(ticket.seat or ""),
                ticket.called_at.strftime("%H:%M") if ticket.called_at else "",
            )
            for column, text in enumerate(call_cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.calls_table.setItem(row, column, item)
        self.release_button.setEnabled(bool(self.calls))

    def release_selected(self) -> None:
        """Put the chosen call back in the queue."""
        rows = self.calls_table.selectionModel().selectedRows()
        if not rows:
            self.calls_message.setText(self.tr("Choose the call to put back first."))
            return
        ticket, user = self.calls[rows[0].row()], self.ctx.user
        Operation(
            self, self.ctx.database, lambda s: queue.view(queue.release(s, ticket.id, actor=user))
        ).success(
            lambda _released: self.calls_message.setText(
                self.tr("{number} waits again at its place in the queue.").format(
                    number=ticket.number
                )
            )
        ).failure(lambda problem: self.calls_message.setText(problem.message)).run()
        self.refresh()


class MainWindow(QMainWindow):
    """Navigation on the left, the chosen page on the right; pages are built when first shown."""

    logout_requested = Signal()
    closed = Signal()

    def __init__(
        self,
        ctx: AppContext,
        workstation: workstation_settings.WorkstationSettings | None = None,
        store: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # This PC's settings (the display's windows and voice), and where they are kept.
        self.workstation = workstation or workstation_settings.WorkstationSettings()
        self.store = store
        self.displays: list[CallingDisplay] = []
        self.settings_dialog: WorkstationSettingsDialog | HallDisplaySettingsDialog | None = None
        # Without the database the window still opens, with the pages that need no window
        # list; the banner tells of the lost connection.
        facts = (
            Operation(self, ctx.database, shell.hall_facts, read_only=True)
            .failure(lambda _problem: None)
            .run()
        )
        self.hall_name = facts.name if facts is not None else ""
        all_windows = facts.windows if facts is not None else []
        # Who is logged in is said once, in the status bar.
        self.setWindowTitle(self.hall_name)

        self.pages = self._pages_for_user(all_windows)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        font = self.navigation.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.navigation.setFont(font)
        self.navigation.setStyleSheet(
            "QListWidget#navigation::item { padding: 8px 10px; }"
            "QListWidget#navigation::item:selected { background: #1e4b8a; color: white; }"
        )
        self.stack = QStackedWidget()
        self._built: dict[str, QScrollArea] = {}
        for page in self.pages:
            item = QListWidgetItem(page.title)
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            # Read whole when a narrowed list cuts it short.
            item.setToolTip(page.title)
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
        # The user narrows the navigation by its edge (a title cut short shows whole as its
        # tooltip), down to the page's letter; this PC remembers the width chosen.
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("navigationSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(body)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        # Narrowed, a long title is cut short with "…" rather than scrolled sideways.
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Narrowest: the page's letter and the first characters of its name.
        self.navigation.setMinimumWidth(self.navigation.fontMetrics().height() * 4 + 24)
        self.chosen_width = (
            workstation_settings.NAVIGATION_WIDTH.read(store) if store is not None else 0
        )
        self.splitter.splitterMoved.connect(self._navigation_moved)
        column = QVBoxLayout(central)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.navigation.setVisible(len(self.pages) > 1)

        self.user_label = QLabel(self._user_text())
        self.user_label.setObjectName("userLabel")
        self.database_label = QLabel(self._database_text())
        # The full address (a file path, a URL without its password) for whoever mends it.
        self.database_label.setToolTip(ctx.database.describe())
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.database_label)

        self._build_menus()
        # Issue 15: the idle lock, except on the calling display's PC (it is watched by nobody).
        self.idle_lock = (
            None
            if self.workstation.pc_role == workstation_settings.DISPLAY
            else security_pages.start_idle_lock(ctx, self, self.logout_requested.emit)
        )
        ctx.events.connection_lost.connect(self._on_connection_lost)
        ctx.events.connection_restored.connect(self.banner.hide)
        # A deadline moved by a change of the holiday calendar, on a screen of every officer
        # named in it (the desks show it on their own lists too).
        ctx.events.received.connect(self._on_event)
        if self.pages:
            self.navigation.setCurrentRow(0)
        self.resize(1280, 800)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """The width this PC's user chose; else the full titles on a screen of 1280 pixels or
        more, and on a smaller one (1280×720 at 125 %: 1024) a narrower list that leaves the
        page a fifth more room."""
        width = self.chosen_width or (
            NAVIGATION_WIDTH if self.width() >= WIDE_SCREEN else NARROW_NAVIGATION_WIDTH
        )
        sizes = self.splitter.sizes()
        if len(sizes) == 2 and sizes[0] != width:
            self.splitter.setSizes([width, max(sum(sizes) - width, 0)])

    def _navigation_moved(self, _position: int, _index: int) -> None:
        self.chosen_width = self.navigation.width()
        if self.store is not None:
            workstation_settings.NAVIGATION_WIDTH.write(self.store, self.chosen_width)

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
        return scrolled_content(self.stack.currentWidget())

    def open_display(self, screen_index: int = 0) -> CallingDisplay:
        """The calling display in its own window, full screen on the chosen screen (the
        first one when there is no such screen), showing the windows and speaking with the
        voice this PC is set up for."""
        voice = Voice(self.workstation.voice_engine)
        display = CallingDisplay(
            self.ctx.database, self.ctx.events, self.workstation.display_windows or None, voice
        )
        voice.setParent(display)
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
        if ctx.has_role(users.LEADER, users.ADMIN) or set(served) & set(STATISTICS_WINDOWS):
            pages.append(Page(STATISTICS_PAGE, statistics_title(), lambda: StatisticsPage(ctx)))
        # The court's figures are a page of the clerk's desk; a leader without one gets them here.
        if ctx.has_role(users.LEADER) and "court" not in served:
            pages.append(
                Page(
                    COURT_FIGURES_PAGE,
                    figures_title(),
                    lambda: CourtFiguresPage(ctx.database, ctx.events),
                )
            )
        pages += [Page(key, title, make) for key, title, make in mechanism_pages(ctx)]
        # Issue 15: the three administrators' pages (users and security; audit).
        pages.extend(Page(*entry) for entry in security_pages.pages(ctx))
        return pages

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(self.pages):
            return
        page = self.pages[row]
        area = self._built.get(page.key)
        if area is None:
            # Scrolled as a last resort: a page taller than a small screen must not push the
            # window (and its status bar) off it.
            area = scrolling(page.make())
            self._built[page.key] = area
            self.stack.addWidget(area)
        self.stack.setCurrentWidget(area)

    def _build_menus(self) -> None:
        system = self.menuBar().addMenu(self.tr("&System"))
        logout = QAction(self.tr("&Log out"), self)
        logout.setShortcut(QKeySequence("Ctrl+L"))
        logout.triggered.connect(self._log_out)
        system.addAction(logout)
        security_pages.add_password_action(system, self.ctx, self)  # issue 15
        workstation = QAction(self.tr("&Workstation settings…"), self)
        workstation.triggered.connect(self.open_workstation_settings)
        system.addAction(workstation)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        system.addAction(quit_action)
        add_cases_menu(self, self.ctx)
        add_admin_menu(self, self.ctx)
        add_ledger_menu(self, self.ctx)

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
        if self.ctx.has_role(users.ADMIN):
            display_menu.addSeparator()
            hall_wide = QAction(self.tr("What the displays say and show (whole hall)…"), self)
            hall_wide.triggered.connect(self.open_hall_display_settings)
            display_menu.addAction(hall_wide)

    def open_workstation_settings(self) -> WorkstationSettingsDialog:
        # Without the database the page offers the hall's default windows.
        hall_windows = (
            Operation(self, self.ctx.database, shell.window_titles, read_only=True)
            .failure(lambda _problem: None)
            .run()
        )
        dialog = WorkstationSettingsDialog(
            self.store or workstation_settings.open_store(), hall_windows, self
        )
        dialog.accepted.connect(lambda: self._settings_saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def open_hall_display_settings(self) -> HallDisplaySettingsDialog:
        dialog = HallDisplaySettingsDialog(self.ctx.database, self.ctx.user, self)
        dialog.finished.connect(dialog.deleteLater)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    def _settings_saved(self, dialog: WorkstationSettingsDialog) -> None:
        # The display's windows and voice apply to the next display opened; the database and
        # the PC's role when the program starts again.
        self.workstation = dialog.chosen()
        # Receipts go where the settings now say from the next one printed.
        self.ctx.workstation.receipt = workstation_settings.receipt_setup(self.workstation)

    def _database_text(self) -> str:
        """Where the data is, as a person names it: the server's host, or this computer for
        the embedded file."""
        host = database_host(self.ctx.database.url)
        if host is None:
            return self.tr("Database on this computer")
        return self.tr("Database: {host}").format(host=host)

    def _log_out(self) -> None:
        security_pages.audit_log_out(self.ctx, self)  # issue 15: every log-out is audited
        self.logout_requested.emit()

    def _user_text(self) -> str:
        held = users.roles_of(self.ctx.user)
        roles = "、".join(name for code, name in users.ROLE_NAMES.items() if code in held)
        return self.tr("{name} ({roles})").format(name=self.ctx.user.name, roles=roles)

    def _on_event(self, event: HallEvent) -> None:
        notice = notice_for(event, self.ctx.user.id)
        if notice is not None:
            self.statusBar().showMessage(notice)

    def _on_connection_lost(self, message: str) -> None:
        self.banner.setText(message)
        self.banner.show()
