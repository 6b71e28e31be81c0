"""Which mechanism screens a user gets, for the main window's navigation: the register and the
weekly meeting for leaders and the administrator, the station screen for stations and
informants."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hall import users
from hall.mechanisms.outbox import Outbox, default_path
from kit.context import AppContext
from windows.mechanisms.meeting import MeetingView
from windows.mechanisms.register import DisputeRegister
from windows.mechanisms.station import StationScreen

REGISTER_PAGE = "mechanisms:register"
MEETING_PAGE = "mechanisms:meeting"
STATION_PAGE = "mechanisms:station"


def mechanism_pages(ctx: AppContext) -> list[tuple[str, str, Callable[[], QWidget]]]:
    """(key, title, make) of each page ``ctx``'s user may open, in navigation order."""
    pages: list[tuple[str, str, Callable[[], QWidget]]] = []
    if ctx.has_role(users.LEADER, users.ADMIN):
        pages.append(
            (
                REGISTER_PAGE,
                QCoreApplication.translate("MechanismPages", "Dispute register"),
                lambda: DisputeRegister(ctx),
            )
        )
        pages.append(
            (
                MEETING_PAGE,
                QCoreApplication.translate("MechanismPages", "Weekly meeting"),
                lambda: MeetingView(ctx),
            )
        )
    if ctx.has_role(users.STATION, users.INFORMANT):
        pages.append(
            (
                STATION_PAGE,
                QCoreApplication.translate("MechanismPages", "Station"),
                lambda: StationScreen(ctx, Outbox(default_path())),
            )
        )
    return pages
