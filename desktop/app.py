"""``hall``: the desktop program every workstation in the hall runs.

Start-up, step by step (each a method of :class:`Shell`, so tests can drive them): open the
database (the demo hall with ``--demo``), set up a real hall on its first start, log in, then
the main window; logging out returns to the log-in.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from db.engine import Database
from db.models import User
from desktop import settings
from desktop.login import LoginDialog
from hall import settings as hall_settings
from hall import setup, shell
from kit.context import AppContext, HallEvents, Workstation
from kit.live import CallTimeout, LiveFeed
from kit.operations import Operation
from kit.resources import font_path, i18n_dir

# The log-in window comes first and alone (issue 16: shown in under a second): the main window
# with every page it opens (the windows, the statistics with Qt Charts, the documents with
# reportlab, the ledgers with openpyxl), the settings (Qt's speech and printing) and the first
# start's dialog are imported when they are opened, not before the log-in.
if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.settings_page import WorkstationSettingsDialog
    from desktop.setup_dialog import SetupDialog

DEFAULT_LANGUAGE = "zh_CN"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hall", description="群众工作部接待大厅")
    parser.add_argument(
        "--db",
        metavar="URL",
        help="数据库地址（SQLAlchemy URL）；默认取本机工作站设置，其次 HALL_DB_URL，再次本机内置库",
    )
    parser.add_argument(
        "--demo", action="store_true", help="打开单独的演示数据库（首次启动时自动填入演示大厅）"
    )
    parser.add_argument(
        "--language", default=DEFAULT_LANGUAGE, help="界面语言（默认 zh_CN；en 为英文原文）"
    )
    parser.add_argument(
        "--settings",
        action="store_true",
        help="先打开本机设置（新装的工作站在首次启动前填写服务器地址、本机用途等）",
    )
    return parser


def install_font(app: QApplication) -> str | None:
    """Register the shipped CJK font and make it the application font, so Chinese renders on
    every machine (and offscreen). Returns its family, None if the font file is missing."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        return None
    font = QFont(app.font())
    font.setFamilies([families[0]])
    app.setFont(font)
    return families[0]


def install_translations(
    app: QCoreApplication, directory: Path | None = None, language: str = DEFAULT_LANGUAGE
) -> list[QTranslator]:
    """Install every compiled translation of ``language`` from ``directory`` (the shipped
    ``resources/i18n``) and Qt's own (the standard buttons and dialogs)."""
    QLocale.setDefault(QLocale(language))
    directory = directory or i18n_dir()
    files = [str(path) for path in sorted(directory.glob(f"*_{language}.qm"))]
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed = []
    for name, where in [*((f, "") for f in files), (f"qtbase_{language}", qt_dir)]:
        translator = QTranslator(app)
        if translator.load(name, where) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def database_error_message(url: str | None, demo: bool, reason: str) -> str:
    """What is wrong with the database, in words for the person at the workstation."""
    from db.probe import shown_address

    where = shown_address(url, demo) or QCoreApplication.translate(
        "Shell", "(not a database address)"
    )
    return QCoreApplication.translate(
        "Shell",
        "Cannot open the database {where}.\n\nReason: {reason}\n\n"
        "Check that the database server is running and reachable from this computer. The "
        "database address can be changed in this workstation's settings (or given with --db "
        "when starting the program).",
    ).format(where=where, reason=reason)


class Shell(QObject):
    """The program's course from start to quit. ``finished`` carries the exit code."""

    finished = Signal(int)

    def __init__(
        self,
        workstation: settings.WorkstationSettings,
        url: str | None = None,
        demo: bool = False,
        parent: QObject | None = None,
        store: QSettings | None = None,
    ) -> None:
        super().__init__(parent)
        self.workstation = workstation
        self.demo = demo
        # Where the workstation's settings are kept (the user's own when not given).
        self.store = store
        self._url_given = url
        self.url = self._choose_url()
        self.events = HallEvents(self)
        self.database: Database | None = None
        self.feed: LiveFeed | None = None
        self.call_timeout: CallTimeout | None = None
        self.settings_dialog: WorkstationSettingsDialog | None = None
        self.settings_button: QPushButton | None = None
        self.hall_name = ""
        self.error_box: QMessageBox | None = None
        self.setup_dialog: SetupDialog | None = None
        self.login_dialog: LoginDialog | None = None
        self.main_window: MainWindow | None = None

    def _choose_url(self) -> str | None:
        # --db, else this workstation's setting, else HALL_DB_URL, else the embedded file;
        # the demo hall has its own database unless --db names one.
        return self._url_given or (None if self.demo else self.workstation.database_url or None)

    def start(self) -> None:
        database = self.open_database()
        if database is None:
            return
        set_up = (
            Operation(self, database, setup.is_set_up, read_only=True)
            .failure(lambda problem: self.show_error(problem.message))
            .run()
        )
        if set_up is None:
            return
        if set_up or self.demo:
            self.show_login()
        else:
            self.show_setup()

    def open_database(self) -> Database | None:
        """The database, migrated; None (and a message on screen) if it cannot be opened."""
        try:
            self.database = shell.open_hall(self.url, self.demo)
        except shell.CannotOpen as error:
            self.show_error(database_error_message(self.url, self.demo, error.reason))
            return None
        return self.database

    def show_error(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            self.tr("Cannot start"),
            message,
            QMessageBox.StandardButton.Ok,
        )
        # The way out of a wrong address: change it here and try again.
        self.settings_button = box.addButton(
            self.tr("Workstation settings…"), QMessageBox.ButtonRole.ActionRole
        )
        box.finished.connect(self._on_error_closed)
        self.error_box = box
        box.open()

    def _on_error_closed(self) -> None:
        box = self.error_box
        if box is not None and box.clickedButton() is self.settings_button:
            self.show_settings()
            return
        self.finished.emit(1)

    def show_settings(self, before_start: bool = False) -> None:
        """This workstation's settings; saving them (re)starts with them. Leaving them unsaved
        starts as before when asked for before the start (``hall --settings``), and quits when
        they were the way out of a database that could not be opened."""
        from desktop.settings_page import WorkstationSettingsDialog

        dialog = WorkstationSettingsDialog(self.store or settings.open_store())
        dialog.accepted.connect(self._on_settings_saved)
        if before_start:
            dialog.rejected.connect(self._start_unchanged)
        else:
            dialog.rejected.connect(lambda: self.finished.emit(1))
        self.settings_dialog = dialog
        dialog.open()

    def _start_unchanged(self) -> None:
        assert self.settings_dialog is not None
        self.settings_dialog.deleteLater()
        self.settings_dialog = None
        self.start()

    def _on_settings_saved(self) -> None:
        assert self.settings_dialog is not None
        self.workstation = self.settings_dialog.chosen()
        self.settings_dialog.deleteLater()
        self.settings_dialog = None
        self.url = self._choose_url()
        self.start()

    def show_setup(self) -> None:
        assert self.database is not None
        from desktop.setup_dialog import SetupDialog

        dialog = SetupDialog(self.database)
        dialog.accepted.connect(self._on_set_up)
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.setup_dialog = dialog
        dialog.open()

    def _on_set_up(self) -> None:
        assert self.setup_dialog is not None and self.setup_dialog.admin is not None
        self.show_login(self.setup_dialog.admin.login)
        self.setup_dialog.deleteLater()
        self.setup_dialog = None

    def show_login(self, login: str = "") -> None:
        assert self.database is not None
        # Without the database the dialog opens all the same, and says so when used.
        hall_name = (
            Operation(
                self,
                self.database,
                lambda s: hall_settings.get(s, hall_settings.HALL_NAME),
                read_only=True,
            )
            .failure(lambda _problem: None)
            .run()
        )
        self.hall_name = hall_name or self.hall_name
        dialog = LoginDialog(self.database, self.hall_name, login)
        dialog.accepted.connect(self._on_logged_in)
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.login_dialog = dialog
        dialog.open()

    def _on_logged_in(self) -> None:
        assert self.login_dialog is not None and self.login_dialog.user is not None
        user = self.login_dialog.user
        self.login_dialog.deleteLater()
        self.login_dialog = None
        self.show_main(user)

    def show_main(self, user: User) -> MainWindow:
        assert self.database is not None
        from desktop.main_window import MainWindow

        if self.feed is None:
            self.feed = LiveFeed(self.database, self.events, self)
            self.feed.start()
            self.call_timeout = CallTimeout(self.database, self)
            self.call_timeout.start()
        ctx = AppContext(
            database=self.database,
            user=user,
            events=self.events,
            workstation=Workstation(
                window=self.workstation.window_code or None,
                seat=self.workstation.seat or None,
                receipt=settings.receipt_setup(self.workstation),
            ),
        )
        window = MainWindow(ctx, self.workstation, self.store)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        window.logout_requested.connect(self.log_out)
        window.closed.connect(self._on_main_closed)
        self.main_window = window
        self._open_where_this_pc_works(window)
        window.show()
        if self.workstation.pc_role == settings.DISPLAY:
            window.open_display(self.workstation.display_screen)
        return window

    def _open_where_this_pc_works(self, window: MainWindow) -> None:
        from desktop.main_window import FIGURES_PAGE, FRONT_DESK_PAGE, window_page

        role = self.workstation.pc_role
        if role == settings.WINDOW and self.workstation.window_code:
            window.show_page(window_page(self.workstation.window_code))
        elif role == settings.FRONT_DESK:
            window.show_page(FRONT_DESK_PAGE)
        elif role == settings.DASHBOARD:
            window.show_page(FIGURES_PAGE)

    def log_out(self) -> None:
        window = self.main_window
        if window is None:
            return
        self.main_window = None
        window.closed.disconnect(self._on_main_closed)
        window.close()
        self.show_login()

    def _on_main_closed(self) -> None:
        self.main_window = None
        self.finished.emit(0)

    def shutdown(self) -> None:
        if self.call_timeout is not None:
            self.call_timeout.stop()
        if self.feed is not None:
            self.feed.stop()
        if self.database is not None:
            self.database.dispose()


def run(argv: Sequence[str] | None = None) -> int:
    args, qt_args = build_parser().parse_known_args(argv)
    app = QApplication([sys.argv[0], *qt_args])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    # The shell decides when the program ends: between the log-in and the main window
    # there is a moment with no window open.
    app.setQuitOnLastWindowClosed(False)
    install_font(app)
    install_translations(app, language=args.language)
    store = settings.open_store()
    shell = Shell(settings.load(store), url=args.db, demo=args.demo, store=store)
    shell.finished.connect(app.exit)
    QTimer.singleShot(0, partial(shell.show_settings, True) if args.settings else shell.start)
    code = app.exec()
    shell.shutdown()
    return code


def main() -> None:
    sys.exit(run())
