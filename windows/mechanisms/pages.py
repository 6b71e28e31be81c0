"""Which mechanism screens a user gets, for the main window's navigation: the register, the
weekly meeting, the 群众工作日 entries and the hearings for leaders and the administrator, the
risk rules for the administrator, the station screen for stations and informants."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hall import users
from hall.mechanisms.outbox import Outbox, default_path
from kit.context import AppContext
from windows.mechanisms.hearings import HearingsScreen
from windows.mechanisms.meeting import MeetingView
from windows.mechanisms.register import DisputeRegister
from windows.mechanisms.risk_rules import RiskRulesScreen
from windows.mechanisms.station import StationScreen
from windows.mechanisms.workday import WorkdayScreen

REGISTER_PAGE = "mechanisms:register"
MEETING_PAGE = "mechanisms:meeting"
STATION_PAGE = "mechanisms:station"
WORKDAY_PAGE = "mechanisms:workday"
HEARINGS_PAGE = "mechanisms:hearings"
RISK_RULES_PAGE = "mechanisms:risk_rules"


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
        pages.append(
            (
                WORKDAY_PAGE,
                QCoreApplication.translate("MechanismPages", "Mass work day"),
                lambda: WorkdayScreen(ctx),
            )
        )
        pages.append(
            (
                HEARINGS_PAGE,
                QCoreApplication.translate("MechanismPages", "Hearings"),
                lambda: HearingsScreen(ctx),
            )
        )
    if ctx.has_role(users.ADMIN):
        pages.append(
            (
                RISK_RULES_PAGE,
                QCoreApplication.translate("MechanismPages", "Dispute risk rules"),
                lambda: RiskRulesScreen(ctx),
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
