"""This workstation's own settings, kept per machine with QSettings (organisation and application
"hall"): which database, what this PC is for, which window and seat, which printer and screen.

One typed registry (Picard's ``options.py`` in small): each :class:`Option` has a key, a type
and a default, so a missing or unreadable value reads as its default and a settings page can
list them all. Hall-wide settings shared by every workstation live in the database instead
(``hall.settings``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from kit.context import RECEIPT_OUTPUTS, SYSTEM_PRINTER, ReceiptSetup
from printing.layouts import LAYOUTS

ORGANISATION = "hall"
APPLICATION = "hall"

# What this PC is for; the program opens on the matching screen after log-in.
FRONT_DESK = "front_desk"
WINDOW = "window"
DISPLAY = "display"
DASHBOARD = "dashboard"
PC_ROLES = (FRONT_DESK, WINDOW, DISPLAY, DASHBOARD)

T = TypeVar("T", str, int)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T

    def read(self, store: QSettings) -> T:
        raw = store.value(self.key)
        if raw is None:
            return self.default
        # INI files give back every value as text.
        try:
            return self.type(str(raw))
        except ValueError:
            return self.default

    def write(self, store: QSettings, value: T) -> None:
        store.setValue(self.key, value)


DATABASE_URL = Option("database/url", str, "")
PC_ROLE = Option("workstation/role", str, FRONT_DESK)
WINDOW_CODE = Option("workstation/window", str, "")
# 0: the window's seat is not fixed for this PC.
SEAT = Option("workstation/seat", int, 0)
PRINTER = Option("printing/printer", str, "")
# The intake receipt: its layout ("80mm" or "a4"), where it goes (the system printer, an
# ESC/POS thermal printer at THERMAL_TARGET, or PDF files in RECEIPT_FOLDER only).
RECEIPT_LAYOUT = Option("printing/receipt_layout", str, LAYOUTS[0])
RECEIPT_OUTPUT = Option("printing/receipt_output", str, SYSTEM_PRINTER)
THERMAL_TARGET = Option("printing/thermal_target", str, "")
RECEIPT_FOLDER = Option("printing/receipt_folder", str, "")
# Index into the screens Qt reports; the calling display opens full screen there.
DISPLAY_SCREEN = Option("display/screen", int, 0)
# The windows this PC's display shows (codes, comma-separated; empty for every window), so
# that each floor's screen can show that floor's windows.
DISPLAY_WINDOWS = Option("display/windows", str, "")
# Which speech engine reads calls out: "" for the system's own, "none" for silence
# (desktop.voice), or the name of a QtTextToSpeech engine.
VOICE_ENGINE = Option("display/voice_engine", str, "")

# How wide the main window's navigation was left (0: never narrowed or widened; it fits the
# screen). Remembered, not set on the settings page.
NAVIGATION_WIDTH = Option("window/navigation_width", int, 0)


ALL: tuple[Option[str] | Option[int], ...] = (
    DATABASE_URL,
    PC_ROLE,
    WINDOW_CODE,
    SEAT,
    PRINTER,
    DISPLAY_SCREEN,
    RECEIPT_LAYOUT,
    RECEIPT_OUTPUT,
    THERMAL_TARGET,
    RECEIPT_FOLDER,
    DISPLAY_WINDOWS,
    VOICE_ENGINE,
)


@dataclass
class WorkstationSettings:
    """The value of every option, read at start."""

    database_url: str = DATABASE_URL.default
    pc_role: str = PC_ROLE.default
    window_code: str = WINDOW_CODE.default
    seat: int = SEAT.default
    printer: str = PRINTER.default
    display_screen: int = DISPLAY_SCREEN.default
    receipt_layout: str = RECEIPT_LAYOUT.default
    receipt_output: str = RECEIPT_OUTPUT.default
    thermal_target: str = THERMAL_TARGET.default
    receipt_folder: str = RECEIPT_FOLDER.default
    display_windows: tuple[str, ...] = ()
    voice_engine: str = VOICE_ENGINE.default


def open_store(path: Path | None = None) -> QSettings:
    """The user's own settings, or an INI file at ``path`` (tests, portable installs)."""
    if path is not None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def load(store: QSettings) -> WorkstationSettings:
    pc_role = PC_ROLE.read(store)
    layout = RECEIPT_LAYOUT.read(store)
    output = RECEIPT_OUTPUT.read(store)
    return WorkstationSettings(
        database_url=DATABASE_URL.read(store),
        pc_role=pc_role if pc_role in PC_ROLES else PC_ROLE.default,
        window_code=WINDOW_CODE.read(store),
        seat=SEAT.read(store),
        printer=PRINTER.read(store),
        display_screen=DISPLAY_SCREEN.read(store),
        receipt_layout=layout if layout in LAYOUTS else RECEIPT_LAYOUT.default,
        receipt_output=output if output in RECEIPT_OUTPUTS else RECEIPT_OUTPUT.default,
        thermal_target=THERMAL_TARGET.read(store),
        receipt_folder=RECEIPT_FOLDER.read(store),
        display_windows=tuple(
            filter(None, (c.strip() for c in DISPLAY_WINDOWS.read(store).split(",")))
        ),
        voice_engine=VOICE_ENGINE.read(store),
    )


def save(store: QSettings, settings: WorkstationSettings) -> None:
    DATABASE_URL.write(store, settings.database_url)
    PC_ROLE.write(store, settings.pc_role)
    WINDOW_CODE.write(store, settings.window_code)
    SEAT.write(store, settings.seat)
    PRINTER.write(store, settings.printer)
    DISPLAY_SCREEN.write(store, settings.display_screen)
    RECEIPT_LAYOUT.write(store, settings.receipt_layout)
    RECEIPT_OUTPUT.write(store, settings.receipt_output)
    THERMAL_TARGET.write(store, settings.thermal_target)
    RECEIPT_FOLDER.write(store, settings.receipt_folder)
    DISPLAY_WINDOWS.write(store, ",".join(settings.display_windows))
    VOICE_ENGINE.write(store, settings.voice_engine)
    store.sync()


def receipt_setup(settings: WorkstationSettings) -> ReceiptSetup:
    """How the front desk of this PC prints its receipts."""
    return ReceiptSetup(
        layout=settings.receipt_layout,
        output=settings.receipt_output,
        printer=settings.printer,
        thermal_target=settings.thermal_target,
        folder=settings.receipt_folder,
    )
