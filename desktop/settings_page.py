"""This workstation's own settings (per machine, ``desktop.settings``): the page maps each
option to a widget with ``load()`` and ``save()``. Its "Test connection" button tries the
database address typed, on a worker thread (a server that drops packets takes seconds to give
up on), and says in plain words what is wrong (``desktop.connection_check``).

The hall-wide settings of the calling display are the administrator's own page,
``desktop.display_settings_page``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal
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
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.probe import join_password, split_password
from desktop import settings, voice
from desktop.connection_check import TEST_TIMEOUT, ConnectionCheck, check_connection
from hall import catalog
from kit.context import PDF_ONLY, SYSTEM_PRINTER, THERMAL_PRINTER
from kit.operations import worker_of
from printing.layouts import LAYOUTS

# Pixels: room for a whole server address and the test's verdict in a line or two.
MINIMUM_WIDTH = 760


class WorkstationSettingsDialog(QDialog):
    """This PC's settings: where the database is, what the PC is for, which window and seat,
    where receipts are printed, and what its calling display shows and says. ``load()`` fills
    the page from ``store``, ``save()`` writes it back (OK saves)."""

    # A connection test is over and its verdict shown (a ConnectionCheck).
    checked = Signal(object)

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
        timeout = self.timeout
        # Not an Operation: the address tried is not the program's database, which may not
        # even be open yet (the settings before the first start).
        worker_of(self).start(
            lambda: (check_connection(url, timeout), None),
            lambda check, _problem: self._on_checked(url, check),
        )

    def wait_for_check(self) -> None:
        """Let a check under way finish (the dialog is closing)."""
        worker_of(self).wait()

    def done(self, result: int) -> None:
        self.wait_for_check()
        super().done(result)

    def _on_checked(self, url: str, check: object) -> None:
        self.test_button.setEnabled(True)
        assert isinstance(check, ConnectionCheck)
        if url != self.database_url():
            # The address was changed while it was being tried: this verdict is about another.
            self.check_label.clear()
        else:
            self._show_check(check)
        self.checked.emit(check)

    def _show_check(self, check: ConnectionCheck) -> None:
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
