"""Settings screens: this workstation's own settings (per machine, ``desktop.settings``) and,
for the administrator, the hall-wide settings of the calling display (in the database).

The workstation page maps each option to a widget with ``load()`` and ``save()``. Its "Test
connection" button tries the database address typed, on a worker thread (a server that drops
packets takes seconds to give up on), and says in plain words what is wrong: not an address,
a server that refuses or does not answer, a name that does not resolve, a wrong user or
password, a database that does not exist, a database from another version of the program.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinterInfo
from PySide6.QtTextToSpeech import QTextToSpeech
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from db import events, migrate
from db.engine import POSTGRES_CONNECT_ARGS, Database, default_url, normalise_url
from db.models import User
from desktop import settings, voice
from desktop.display import SETTINGS_CHANGED
from hall import catalog, clock, users
from hall import settings as hall_settings
from hall.errors import HallError
from kit.context import PDF_ONLY, SYSTEM_PRINTER, THERMAL_PRINTER
from kit.live import error_reason
from printing.receipt import LAYOUTS

# Seconds the test waits for a server before calling it unreachable.
TEST_TIMEOUT = 5
# Pixels: room for a whole server address and the test's verdict in a line or two.
MINIMUM_WIDTH = 760


@dataclass(frozen=True)
class ConnectionCheck:
    """The verdict on a database address: whether the program can work with it, what to tell
    the user, and (when it can be read) the hall's windows there."""

    ok: bool
    message: str
    windows: list[tuple[str, str]] = field(default_factory=list)


def check_connection(url: str, timeout: int = TEST_TIMEOUT) -> ConnectionCheck:
    """Try ``url`` (empty: this computer's embedded database) and explain the outcome."""
    address = url.strip() or default_url()
    try:
        parsed = make_url(normalise_url(address))
    except ArgumentError:
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "WorkstationSettings",
                "This is not a database address. A PostgreSQL address looks like "
                "postgresql://user:password@server:5432/hall; leave the field empty for the "
                "database on this computer.",
            ),
        )
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        verdict = _sqlite_verdict(parsed)
        if verdict is not None:
            return verdict
    elif backend == "postgresql":
        problem = _postgres_problem(parsed, timeout)
        if problem is not None:
            return ConnectionCheck(False, problem)
    else:
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "WorkstationSettings",
                'The program works with PostgreSQL ("postgresql://…") or a database file on '
                'this computer ("sqlite:///…"), not with "{kind}".',
            ).format(kind=parsed.drivername),
        )
    return _schema_state(parsed, timeout)


def _sqlite_verdict(url: URL) -> ConnectionCheck | None:
    """What is wrong with a database file, or that there is none yet (a check must not create
    it); None when the file is there to be opened."""
    database = url.database or ""
    if not database or database == ":memory:":
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "WorkstationSettings",
                "An in-memory database keeps nothing: give a file, as sqlite:///path/hall.db.",
            ),
        )
    path = Path(database)
    if not path.parent.is_dir():
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "WorkstationSettings", "The folder {folder} does not exist on this computer."
            ).format(folder=path.parent),
        )
    if not path.exists():
        return ConnectionCheck(
            True,
            QCoreApplication.translate(
                "WorkstationSettings",
                "There is no database file at {path} yet: the program creates it at the first "
                "start.",
            ).format(path=path),
        )
    return None


def _postgres_problem(url: URL, timeout: int) -> str | None:
    """Connect once with the driver alone, whose errors say precisely what went wrong."""
    host = url.host or "localhost"
    port = url.port or 5432
    where = f"{host}:{port}"
    conninfo = url.set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        psycopg.connect(conninfo, connect_timeout=timeout).close()
    except psycopg.Error as error:
        reason = str(error)
        lowered = reason.lower()
        if "connection refused" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                "The server {where} refused the connection: no database server is running "
                "there, or it listens on another port. Check the server name and port, and "
                "that the database service is started.",
            ).format(where=where)
        if "resolve host" in lowered or "translate host name" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                'There is no computer named "{host}" on the network: check the server name '
                "or use its IP address.",
            ).format(host=host)
        if "timeout" in lowered or "timed out" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                "The server {where} did not answer within {seconds} seconds: it is switched "
                "off, the network is down, or a firewall blocks port {port}.",
            ).format(where=where, seconds=timeout, port=port)
        if "password authentication failed" in lowered or "no password supplied" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                'The server {where} refused the user name or password ("{user}"): check them.',
            ).format(where=where, user=url.username or "")
        if "role" in lowered and "does not exist" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings", 'The server {where} has no user "{user}".'
            ).format(where=where, user=url.username or "")
        if "database" in lowered and "does not exist" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                'The server {where} has no database named "{name}": check the name, or ask '
                "the administrator to create it.",
            ).format(where=where, name=url.database or "")
        if "not currently accepting connections" in lowered or "shutting down" in lowered:
            return QCoreApplication.translate(
                "WorkstationSettings",
                "The server {where} is not accepting connections at the moment (it is "
                "starting, stopping or closed for maintenance): try again shortly.",
            ).format(where=where)
        return QCoreApplication.translate(
            "WorkstationSettings", "Cannot connect to {where}: {reason}"
        ).format(where=where, reason=error_reason(error))
    return None


def _schema_state(url: URL, timeout: int) -> ConnectionCheck:
    address = url.render_as_string(hide_password=False)
    database = (
        Database(address, connect_args=dict(POSTGRES_CONNECT_ARGS, connect_timeout=timeout))
        if url.get_backend_name() == "postgresql"
        else Database(address)
    )
    try:
        if migrate.is_empty(database.engine):
            return ConnectionCheck(
                True,
                QCoreApplication.translate(
                    "WorkstationSettings",
                    "Connected. The database is empty: the program sets the hall up in it at "
                    "the first start.",
                ),
            )
        current = migrate.current_revision(database.engine)
        if current != migrate.head_revision():
            try:
                ScriptDirectory(str(migrate.MIGRATIONS)).get_revision(current or "base")
            except CommandError:
                return ConnectionCheck(
                    False,
                    QCoreApplication.translate(
                        "WorkstationSettings",
                        "Connected, but the database was made by a newer version of the "
                        "program: install that version on this computer.",
                    ),
                )
            return ConnectionCheck(
                True,
                QCoreApplication.translate(
                    "WorkstationSettings",
                    "Connected. The database is from an earlier version of the program and "
                    "is brought up to date when the program starts.",
                ),
            )
        with database.read() as session:
            windows = [(w.code, f"{w.letter} {w.name}") for w in catalog.windows(session)]
        return ConnectionCheck(
            True,
            QCoreApplication.translate(
                "WorkstationSettings", "Connected. The hall's database is ready ({count} windows)."
            ).format(count=len(windows)),
            windows,
        )
    except (SQLAlchemyError, OSError, NoSuchModuleError) as error:
        return ConnectionCheck(
            False,
            QCoreApplication.translate(
                "WorkstationSettings", "Cannot use this database: {reason}"
            ).format(reason=error_reason(error)),
        )
    finally:
        database.dispose()


def split_password(url: str) -> tuple[str, str]:
    """The address without its password, and the password (shown apart, as dots)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url, ""
    if not parsed.password:
        return url, ""
    # URL.set() leaves a field alone when given None, so the password goes by _replace.
    return parsed._replace(password=None).render_as_string(), str(parsed.password)


def join_password(url: str, password: str) -> str:
    """The address with the password typed apart (a password in the address itself stays
    when none is typed apart)."""
    if not password:
        return url
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


class _Checker(QObject):
    """Carries a check made on a worker thread back to the GUI thread."""

    done = Signal(str, object)  # the address checked, its ConnectionCheck


class WorkstationSettingsDialog(QDialog):
    """This PC's settings: where the database is, what the PC is for, which window and seat,
    where receipts are printed, and what its calling display shows and says. ``load()`` fills
    the page from ``store``, ``save()`` writes it back (OK saves)."""

    def __init__(
        self,
        store: QSettings,
        windows: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Workstation settings"))
        self.check: ConnectionCheck | None = None
        # Seconds the connection test gives a server to answer.
        self.timeout = TEST_TIMEOUT
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._checker = _Checker(self)
        self._checker.done.connect(self._on_checked)

        self.setMinimumWidth(MINIMUM_WIDTH)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_database())
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self._build_place())
        left.addWidget(self._build_printing())
        left.addStretch(1)
        columns.addLayout(left, 1)
        columns.addWidget(self._build_display(), 1)
        layout.addLayout(columns, 1)
        note = QLabel(
            self.tr(
                "These settings belong to this computer. A new database address takes effect "
                "when the program starts again."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self._set_windows(windows or [(w.code, f"{w.letter} {w.name}") for w in catalog.WINDOWS])
        self.role_combo.currentIndexChanged.connect(self._role_changed)
        self.output_combo.currentIndexChanged.connect(self._output_changed)
        self.load()

    # -- building -------------------------------------------------------------------------

    def _build_database(self) -> QGroupBox:
        box = QGroupBox(self.tr("Database"))
        form = QFormLayout(box)
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText(
            self.tr("Empty: the database on this computer. A hall: postgresql://user@server/hall")
        )
        self.url_edit.textEdited.connect(self._url_edited)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("If the server asks for one"))
        self.password_edit.textEdited.connect(self._url_edited)
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        form.addRow(self.tr("&Address"), self.url_edit)
        row = QHBoxLayout()
        row.addWidget(self.password_edit, 1)
        row.addWidget(self.test_button)
        password_label = QLabel(self.tr("Pass&word"))
        password_label.setBuddy(self.password_edit)
        form.addRow(password_label, row)
        self.check_label = QLabel()
        self.check_label.setObjectName("connectionCheck")
        self.check_label.setWordWrap(True)
        self.check_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.check_label)
        return box

    def _build_place(self) -> QGroupBox:
        box = QGroupBox(self.tr("This computer"))
        form = QFormLayout(box)
        self.role_combo = QComboBox()
        for role, title in (
            (settings.FRONT_DESK, self.tr("Front desk")),
            (settings.WINDOW, self.tr("A window's workstation")),
            (settings.DISPLAY, self.tr("Calling display")),
            (settings.DASHBOARD, self.tr("Leader's dashboard")),
        ):
            self.role_combo.addItem(title, role)
        form.addRow(self.tr("&Used as"), self.role_combo)
        self.window_combo = QComboBox()
        form.addRow(self.tr("&Window"), self.window_combo)
        self.seat_spin = QSpinBox()
        self.seat_spin.setRange(0, 20)
        self.seat_spin.setSpecialValueText(self.tr("not fixed"))
        form.addRow(self.tr("&Seat"), self.seat_spin)
        self._place_form = form
        return box

    def _build_printing(self) -> QGroupBox:
        box = QGroupBox(self.tr("Receipts"))
        form = QFormLayout(box)
        self.layout_combo = QComboBox()
        for layout in LAYOUTS:
            self.layout_combo.addItem(
                self.tr("80 mm thermal roll") if layout == "80mm" else self.tr("A4 sheet"), layout
            )
        form.addRow(self.tr("&Layout"), self.layout_combo)
        self.output_combo = QComboBox()
        self.output_combo.addItem(self.tr("A printer of this computer"), SYSTEM_PRINTER)
        self.output_combo.addItem(self.tr("ESC/POS thermal printer"), THERMAL_PRINTER)
        self.output_combo.addItem(self.tr("PDF files only"), PDF_ONLY)
        form.addRow(self.tr("&Print to"), self.output_combo)
        self.printer_combo = QComboBox()
        self.printer_combo.addItem(self.tr("The system's default printer"), "")
        for name in QPrinterInfo.availablePrinterNames():
            self.printer_combo.addItem(name, name)
        form.addRow(self.tr("P&rinter"), self.printer_combo)
        self.thermal_edit = QLineEdit()
        self.thermal_edit.setPlaceholderText(self.tr("192.168.1.50:9100 or /dev/usb/lp0"))
        form.addRow(self.tr("T&hermal printer"), self.thermal_edit)
        self.folder_edit = QLineEdit()
        self.folder_edit.setPlaceholderText(self.tr("Empty: the receipts folder of the program"))
        form.addRow(self.tr("PDF &folder"), self.folder_edit)
        self._printing_form = form
        return box

    def _build_display(self) -> QGroupBox:
        box = QGroupBox(self.tr("Calling display"))
        form = QFormLayout(box)
        self.screen_combo = QComboBox()
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.screen_combo.addItem(
                self.tr("Screen {number} ({size})").format(
                    number=index + 1,
                    size=", ".join(
                        p for p in (screen.name(), f"{size.width()}×{size.height()}") if p
                    ),
                ),
                index,
            )
        form.addRow(self.tr("S&creen"), self.screen_combo)
        self.windows_list = QListWidget()
        self.windows_list.setToolTip(
            self.tr("Tick the windows this screen shows (none ticked: every window)")
        )
        form.addRow(self.tr("Windows shown"), self.windows_list)
        self.voice_combo = QComboBox()
        self.voice_combo.addItem(self.tr("The system's speech engine"), voice.DEFAULT_ENGINE)
        for engine in QTextToSpeech.availableEngines():
            if engine != "mock":
                self.voice_combo.addItem(engine, engine)
        self.voice_combo.addItem(self.tr("Silent (another screen speaks)"), voice.SILENT)
        form.addRow(self.tr("&Voice"), self.voice_combo)
        return box

    def _set_windows(self, windows: list[tuple[str, str]]) -> None:
        """The hall's windows, as the database (or, before one is reached, the defaults) has
        them; what was chosen stays chosen."""
        chosen_window = self.window_combo.currentData()
        ticked = self._ticked_windows() if self.windows_list.count() else []
        self.window_combo.clear()
        self.window_combo.addItem(self.tr("(none)"), "")
        self.windows_list.clear()
        for code, title in windows:
            self.window_combo.addItem(title, code)
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if code in ticked else Qt.CheckState.Unchecked)
            self.windows_list.addItem(item)
        if chosen_window:
            self._choose(self.window_combo, chosen_window)

    # -- load and save --------------------------------------------------------------------

    def load(self) -> None:
        loaded = settings.load(self.store)
        address, password = split_password(loaded.database_url)
        self.url_edit.setText(address)
        self.password_edit.setText(password)
        self._choose(self.role_combo, loaded.pc_role)
        self._choose(self.window_combo, loaded.window_code)
        self.seat_spin.setValue(loaded.seat)
        self._choose(self.layout_combo, loaded.receipt_layout)
        self._choose(self.output_combo, loaded.receipt_output)
        self._choose(self.printer_combo, loaded.printer)
        self.thermal_edit.setText(loaded.thermal_target)
        self.folder_edit.setText(loaded.receipt_folder)
        self._choose(self.screen_combo, loaded.display_screen)
        for row in range(self.windows_list.count()):
            item = self.windows_list.item(row)
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(
                Qt.CheckState.Checked if code in loaded.display_windows else Qt.CheckState.Unchecked
            )
        self._choose(self.voice_combo, loaded.voice_engine)
        self._role_changed()
        self._output_changed()

    def chosen(self) -> settings.WorkstationSettings:
        """The settings as the page shows them now."""
        return settings.WorkstationSettings(
            database_url=self.database_url(),
            pc_role=self.role_combo.currentData(),
            window_code=self.window_combo.currentData() or "",
            seat=self.seat_spin.value(),
            printer=self.printer_combo.currentData() or "",
            display_screen=int(self.screen_combo.currentData() or 0),
            receipt_layout=self.layout_combo.currentData(),
            receipt_output=self.output_combo.currentData(),
            thermal_target=self.thermal_edit.text().strip(),
            receipt_folder=self.folder_edit.text().strip(),
            display_windows=tuple(self._ticked_windows()),
            voice_engine=self.voice_combo.currentData() or voice.DEFAULT_ENGINE,
        )

    def save(self) -> None:
        settings.save(self.store, self.chosen())

    def accept(self) -> None:
        self.save()
        super().accept()

    # -- testing the connection -----------------------------------------------------------

    def database_url(self) -> str:
        """The address as typed, with the password typed apart put into it."""
        return join_password(self.url_edit.text().strip(), self.password_edit.text())

    def test_connection(self) -> None:
        url = self.database_url()
        self.test_button.setEnabled(False)
        self.check_label.setStyleSheet("")
        self.check_label.setText(self.tr("Connecting…"))
        checker = self._checker
        timeout = self.timeout

        def run() -> None:
            checker.done.emit(url, check_connection(url, timeout))

        self._pool.start(run)

    def wait_for_check(self) -> None:
        """Let a check under way finish (the dialog is closing)."""
        self._pool.waitForDone()

    def done(self, result: int) -> None:
        self.wait_for_check()
        super().done(result)

    def _on_checked(self, url: str, check: ConnectionCheck) -> None:
        self.test_button.setEnabled(True)
        if url != self.database_url():
            # The address was changed while it was being tried: this verdict is about another.
            self.check_label.clear()
            return
        self.check = check
        colour = "#1b7f3b" if check.ok else "#b00020"
        self.check_label.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.check_label.setText(check.message)
        if check.windows:
            self._set_windows(check.windows)

    def _url_edited(self) -> None:
        self.check = None
        self.check_label.clear()

    # -- helpers --------------------------------------------------------------------------

    def _ticked_windows(self) -> list[str]:
        return [
            str(self.windows_list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.windows_list.count())
            if self.windows_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _choose(combo: QComboBox, value: object) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _role_changed(self) -> None:
        at_window = self.role_combo.currentData() == settings.WINDOW
        self._place_form.setRowVisible(self.window_combo, at_window)
        self._place_form.setRowVisible(self.seat_spin, at_window)

    def _output_changed(self) -> None:
        output = self.output_combo.currentData()
        self._printing_form.setRowVisible(self.printer_combo, output == SYSTEM_PRINTER)
        self._printing_form.setRowVisible(self.thermal_edit, output == THERMAL_PRINTER)


class HallDisplaySettingsDialog(QDialog):
    """What every calling display in the hall says and shows, and how long an unanswered call
    waits before going back to the queue: hall-wide settings, for the administrator. Saving
    tells every display at once (an event in the log)."""

    def __init__(self, database: Database, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.user = user
        self.setWindowTitle(self.tr("Calling display settings for the whole hall"))
        self.voice: voice.Voice | None = None
        form = QFormLayout(self)
        self.template_edit = QLineEdit()
        self.template_edit.setToolTip(
            self.tr(
                "{number}: the ticket number; {window}: the window's name; {location}: where it is"
            )
        )
        self.listen_button = QPushButton(self.tr("&Listen"))
        self.listen_button.clicked.connect(self.listen)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(self.listen_button)
        form.addRow(self.tr("&Announcement"), row)
        self.sample_label = QLabel()
        self.sample_label.setObjectName("sample")
        self.template_edit.textChanged.connect(self._show_sample)
        form.addRow(self.tr("Sounds like"), self.sample_label)
        self.notice_edit = QPlainTextEdit()
        self.notice_edit.setTabChangesFocus(True)
        self.notice_edit.setPlaceholderText(self.tr("Scrolls along the foot of every display"))
        self.notice_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("&Notice"), self.notice_edit)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(0, 240)
        self.timeout_spin.setSuffix(self.tr(" min"))
        self.timeout_spin.setSpecialValueText(self.tr("never (release by hand)"))
        form.addRow(self.tr("Unanswered call goes back to the queue after"), self.timeout_spin)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        form.addRow(self.message_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(720, self.sizeHint().height())
        self.load()

    def load(self) -> None:
        with self.database.read() as session:
            self.template_edit.setText(hall_settings.get(session, hall_settings.CALL_ANNOUNCEMENT))
            self.notice_edit.setPlainText(hall_settings.get(session, hall_settings.DISPLAY_NOTICE))
            self.timeout_spin.setValue(
                hall_settings.get(session, hall_settings.CALL_TIMEOUT_MINUTES)
            )

    def sample(self) -> str:
        first = catalog.WINDOWS[0]
        return voice.announcement(
            self.template_edit.text(), f"{first.letter}017", first.name, first.location
        )

    def listen(self) -> None:
        """Read the sample out on this computer, as the displays will."""
        if self.voice is None:
            self.voice = voice.Voice(parent=self)
        if not self.voice.speaking:
            self._show_message(self.voice.problem, error=True)
            return
        self.voice.announce(self.sample())

    def save(self) -> None:
        template = " ".join(self.template_edit.text().split())
        unknown = voice.unknown_placeholders(template)
        if not template or unknown:
            self._show_message(
                self.tr(
                    "The announcement can use {{number}}, {{window}} and {{location}} only; "
                    "not: {unknown}"
                ).format(unknown="、".join(unknown))
                if unknown
                else self.tr("The announcement cannot be empty."),
                error=True,
            )
            self.template_edit.setFocus()
            return
        try:
            with self.database.write() as session:
                users.require_role(self.user, users.ADMIN)
                hall_settings.put(session, hall_settings.CALL_ANNOUNCEMENT, template)
                hall_settings.put(
                    session, hall_settings.DISPLAY_NOTICE, self.notice_edit.toPlainText().strip()
                )
                hall_settings.put(
                    session, hall_settings.CALL_TIMEOUT_MINUTES, self.timeout_spin.value()
                )
                events.append(
                    session,
                    SETTINGS_CHANGED,
                    "hall_setting",
                    None,
                    clock.now(),
                    self.user.id,
                    {"keys": ["call_announcement", "display_notice", "call_timeout_minutes"]},
                )
        except HallError as error:
            self._show_message(error.message, error=True)
            return
        except SQLAlchemyError:
            self._show_message(
                self.tr("The database cannot be reached: nothing was saved. Try again."),
                error=True,
            )
            return
        self.accept()

    def _show_sample(self) -> None:
        self.sample_label.setText(self.sample())

    def _show_message(self, text: str, error: bool = False) -> None:
        self.message_label.setStyleSheet("color: #b00020;" if error else "")
        self.message_label.setText(text)
