"""What the GUI tests of the front desk and the workstations share: a logged-in context and
the Chinese translation the program loads at start."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTableView, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import clock, queue, reception, users
from kit.context import AppContext, HallEvent, HallEvents, Workstation
from kit.resources import i18n_dir

ALICE_ID = "11010519491231002X"  # a valid number: born 1949-12-31, female


def make_ctx(
    database: Database,
    login: str,
    roles: Sequence[str],
    windows: Sequence[str] = (),
    seat: int | None = 1,
    events: HallEvents | None = None,
) -> AppContext:
    with database.write() as s:
        user = users.add_user(s, login, f"{login} 同志", "secret1", roles, windows)
    return AppContext(
        database=database,
        user=user,
        events=events or HallEvents(),
        workstation=Workstation(window=windows[0] if windows else None, seat=seat),
    )


@contextmanager
def desk_translation() -> Iterator[None]:
    """The counters' Chinese translations (the front desk and widget kit, the windows), as the
    program installs them at start."""
    translators = []
    for area in ("desk", "kit", "windows"):
        qm = i18n_dir() / f"{area}_zh_CN.qm"
        assert qm.exists(), f"{qm} is missing: run `make i18n`"
        translator = QTranslator()
        assert translator.load(str(qm))
        QCoreApplication.installTranslator(translator)
        translators.append(translator)
    try:
        yield
    finally:
        for translator in translators:
            QCoreApplication.removeTranslator(translator)


def show(qtbot: QtBot, widget: QWidget) -> None:
    """Show the widget as the active window, so F-keys and Tab reach it as they do a user's."""
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def register(database: Database, name: str, window: str = "legal", **fields: object) -> str:
    """A visitor registered at the front desk (by the rules directly); returns the number."""
    fields.setdefault("summary", "来访咨询")
    with database.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(name=name, window=window, **fields),  # type: ignore[arg-type]
        )
        return ticket.number


def ticket(database: Database, window: str, number: str) -> queue.TicketView:
    with database.read() as s:
        return queue.view(queue.ticket_by_number(s, window, number, clock.now().date()))


def announce(events: HallEvents, window: str, kind: str = "ticket.issued") -> None:
    """What the live feed does when another workstation changes a window's queue."""
    events.dispatch(
        HallEvent(id=0, kind=kind, entity="ticket", entity_id=None, payload={"window": window})
    )


def column_texts(view: QTableView | QTableWidget, column: int) -> list[str]:
    model = view.model()
    return [str(model.index(row, column).data()) for row in range(model.rowCount())]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user does: Latin letters and digits on the keys, Chinese through the input
    method, which commits each phrase to the field at once."""
    for is_ascii, group in itertools.groupby(text, str.isascii):
        chunk = "".join(group)
        if is_ascii:
            QTest.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)
