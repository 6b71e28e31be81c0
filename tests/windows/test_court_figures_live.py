"""The court's figures count again when a hand-off is accepted or a case registered anywhere in
the hall (the live feed's court.* events), not only when the clerk presses 统计."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import clock
from kit.context import HallEvent, HallEvents
from tests.desktop.conftest import chinese, compiled_translations  # noqa: F401
from tests.hall.court_helpers import accepted_case, add_people, register
from tests.windows.helpers import show
from windows.court.figures import CourtFiguresPage

pytestmark = pytest.mark.usefixtures("chinese")


def told(events: HallEvents, kind: str) -> None:
    """What the live feed does when another workstation writes a court event."""
    events.dispatch(HallEvent(id=0, kind=kind, entity="court_case", entity_id=None, payload={}))


def test_an_accept_and_a_registration_are_counted_at_once(hall_db: Database, qtbot: QtBot) -> None:
    add_people(hall_db)
    hall_events = HallEvents()
    page = CourtFiguresPage(hall_db, hall_events)
    show(qtbot, page)
    qtbot.waitUntil(lambda: page.figures is not None, timeout=30_000)
    assert (page.tiles["handled"].text(), page.tiles["registered"].text()) == ("0", "0")

    now = clock.now()
    case_id = accepted_case(hall_db, now=now)
    with qtbot.waitSignal(page.counted, timeout=30_000):
        told(hall_events, "court.accepted")
    assert (page.tiles["handled"].text(), page.tiles["registered"].text()) == ("1", "0")

    register(hall_db, case_id, now=now)
    with qtbot.waitSignal(page.counted, timeout=30_000):
        told(hall_events, "court.registered")
    assert page.tiles["registered"].text() == "1"

    # Anything else in the hall leaves the figures alone.
    with qtbot.assertNotEmitted(page.counted, wait=500):
        told(hall_events, "ticket.called")
