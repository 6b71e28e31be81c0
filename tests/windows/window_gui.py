"""What the GUI tests of the service windows share: a hall with units and officers, a
workstation shown for an officer, and a user's ways with its keys, drop-downs and dialogs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFileDialog,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.case_models import ResponsibleUnit
from db.engine import Database
from db.models import Event
from hall import lists, outcomes, queue, reception, units, users
from kit.context import AppContext, HallEvents
from tests.windows.helpers import make_ctx, show
from windows import open_workstation
from windows.base import WindowWorkstation

LOGINS = {
    "legal": "falv",
    "talk": "tanxin",
    "opinion": "minyi",
    "aid": "bangfu",
    "publicity": "xuanjiao",
    "supervision": "jiancha",
    "letters": "banxin",
}


def with_units(database: Database) -> Database:
    with database.write() as s:
        units.seed_demo(s)
    return database


def officer_ctx(
    database: Database, window: str, events: HallEvents | None = None, seat: int = 1
) -> AppContext:
    return make_ctx(database, LOGINS[window], [users.OFFICER], [window], seat=seat, events=events)


def open_window(qtbot: QtBot, ctx: AppContext, window: str) -> WindowWorkstation:
    workstation = open_workstation(ctx, window)
    assert isinstance(workstation, WindowWorkstation)
    show(qtbot, workstation)
    return workstation


def press(qtbot: QtBot, ws: WindowWorkstation, key: Qt.Key, target: QWidget | None = None) -> None:
    """Press an action's F-key; the action has run once the counter is shown again."""
    with qtbot.waitSignal(ws.current_changed):
        QTest.keyClick(target or ws, key)


def serve_next(qtbot: QtBot, ws: WindowWorkstation) -> None:
    """Call the next visitor (F1) and start serving them (F4)."""
    press(qtbot, ws, Qt.Key.Key_F1)
    press(qtbot, ws, Qt.Key.Key_F4)


def choose(combo: QComboBox, text: str) -> None:
    """Pick ``text`` in a drop-down with the keyboard, as a user does (arrow keys)."""
    combo.setFocus()
    index = combo.findText(text)
    assert index >= 0, f"{text} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text


def register(
    database: Database, name: str, window: str, at: dt.datetime | None = None, **fields: object
) -> int:
    fields.setdefault("summary", "来访咨询")
    with database.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(name=name, window=window, **fields),  # type: ignore[arg-type]
            now=at,
        )
        return ticket.id


def served_earlier(
    database: Database,
    window: str,
    name: str,
    at: dt.datetime,
    chosen: outcomes.Outcome,
    officer: AppContext,
    **fields: object,
) -> None:
    """A visit served on an earlier day, as the window recorded it then."""
    ticket_id = register(database, name, window, at=at, **fields)
    with database.write() as s:
        queue.call_ticket(
            s, ticket_id, seat=1, actor=officer.user, now=at + dt.timedelta(minutes=1)
        )
        queue.start(s, ticket_id, actor=officer.user, now=at + dt.timedelta(minutes=2))
        outcomes.finish(s, ticket_id, chosen, actor=officer.user, now=at + dt.timedelta(minutes=8))


def list_item(database: Database, list_code: str, name: str) -> int:
    with database.read() as s:
        return next(i.id for i in lists.items(s, list_code) if i.name == name)


def unit_id(database: Database, name: str) -> int:
    with database.read() as s:
        return s.scalars(select(ResponsibleUnit.id).where(ResponsibleUnit.name == name)).one()


def texts_shown(widget: QWidget) -> str:
    """Every text a user can read in the widget: labels, fields, tables, tabs."""
    parts: list[str] = []
    for child in [widget, *widget.findChildren(QWidget)]:
        for getter in ("text", "toPlainText", "currentText", "title", "placeholderText"):
            method = getattr(child, getter, None)
            if callable(method):
                try:
                    value = method()
                except TypeError:
                    continue
                if isinstance(value, str):
                    parts.append(value)
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model = child.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    parts.append(str(model.index(row, column).data() or ""))
                    parts.append(
                        str(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole) or "")
                    )
    return "\n".join(parts)


def labels_of(table: QTableWidget, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def save_in(qtbot: QtBot, dialog: QFileDialog | None, path: Path) -> None:
    """Choose ``path`` in a save dialog the screen opened."""
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.selectFile(str(path))
    dialog.accept()


def events_of(database: Database, kind: str) -> list[Event]:
    with database.read() as s:
        return list(s.scalars(select(Event).where(Event.kind == kind).order_by(Event.id)))


def focused() -> QWidget | None:
    return QApplication.focusWidget()
