"""What every screen is given: the database, who is logged in, this workstation's place,
and the hall's live events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from db.engine import Database
from db.event_kinds import EventKind
from db.models import User
from hall import users


@dataclass(frozen=True)
class HallEvent:
    """One row of the event log, as plain data for the GUI thread."""

    id: int
    kind: str
    entity: str
    entity_id: int | None
    payload: dict[str, Any] = field(default_factory=dict)


class HallEvents(QObject):
    """The live feed's signals. ``kit.live`` emits them, on the GUI thread, for every
    event committed by any workstation (this one included)."""

    received = Signal(object)  # HallEvent, every kind
    queue_changed = Signal(str)  # window code, for any ticket.* event
    ticket_called = Signal(object)  # HallEvent for ticket.called and ticket.recalled
    connection_lost = Signal(str)  # a message in Chinese
    connection_restored = Signal()

    def dispatch(self, event: HallEvent) -> None:
        self.received.emit(event)
        if event.entity == "ticket":
            window = event.payload.get("window")
            if isinstance(window, str):
                self.queue_changed.emit(window)
            if event.kind in (EventKind.TICKET_CALLED, EventKind.TICKET_RECALLED):
                self.ticket_called.emit(event)


# Where this PC's intake receipts go: the system printer through Qt, an ESC/POS thermal
# printer, or PDF files only (no printer at this desk).
SYSTEM_PRINTER = "system"
THERMAL_PRINTER = "thermal"
PDF_ONLY = "pdf"
RECEIPT_OUTPUTS = (SYSTEM_PRINTER, THERMAL_PRINTER, PDF_ONLY)


@dataclass
class ReceiptSetup:
    """How this PC prints intake receipts (kept per machine by ``desktop.settings``)."""

    layout: str = "80mm"
    output: str = SYSTEM_PRINTER
    # The system printer's name; empty for the system's default printer.
    printer: str = ""
    # "host", "host:port" or a device file, as ``printing.escpos.ThermalPrinter.parse`` reads.
    thermal_target: str = ""
    # Where PDF-only receipts are written; empty for the receipts folder in the data directory.
    folder: str = ""


@dataclass
class Workstation:
    """This PC's place in the hall (kept per machine in QSettings by ``desktop.settings``)."""

    window: str | None = None
    seat: int | None = None
    receipt: ReceiptSetup = field(default_factory=ReceiptSetup)


@dataclass
class AppContext:
    database: Database
    user: User
    events: HallEvents
    workstation: Workstation = field(default_factory=Workstation)

    def has_role(self, *roles: str) -> bool:
        return users.has_role(self.user, *roles)
