"""Fixtures for the desktop tests: the program's Chinese translations and font, users, and a
logged-in :class:`AppContext` on a real database."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.models import User
from desktop.app import install_font, install_translations
from desktop.widgets.context import AppContext, HallEvents
from desktop.widgets.resources import i18n_dir
from hall import users

PASSWORD = "secret123"
HALL_ADMIN = str(Path(sys.executable).with_name("hall-admin"))


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type as a user does: Latin letters and digits key by key, Chinese committed by the
    input method (QTest can only press keys that exist on the keyboard)."""
    for run in re.findall(r"[ -~]+|[^ -~]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped .ts files compiled afresh, so the tests see the translations as they are
    in the source tree, not whatever .qm a previous build left behind."""
    target = tmp_path_factory.mktemp("i18n")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted(i18n_dir().glob("*.ts")):
        qm = target / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return target


@pytest.fixture
def chinese(qapp: QApplication, compiled_translations: Path) -> Iterator[None]:
    """The program as users see it: Chinese translations and the shipped CJK font. Undone
    afterwards, so tests that do not ask for it see the English source strings."""
    locale = QLocale()
    font = qapp.font()
    translators = install_translations(qapp, compiled_translations)
    install_font(qapp)
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    qapp.setFont(font)


AddUser = Callable[..., User]


@pytest.fixture
def add_user(hall_db: Database) -> AddUser:
    """Add a user to the test database: ``add_user("falv", [users.OFFICER], ["legal"])``."""

    def add(
        login: str,
        roles: Iterable[str],
        windows: Iterable[str] = (),
        name: str | None = None,
        password: str = PASSWORD,
    ) -> User:
        with hall_db.write() as session:
            return users.add_user(session, login, name or login, password, roles, windows)

    return add


@pytest.fixture
def hall_events(qapp: QApplication) -> HallEvents:
    return HallEvents()


@pytest.fixture
def admin_ctx(hall_db: Database, add_user: AddUser, hall_events: HallEvents) -> AppContext:
    """An administrator logged in on a database with the hall's windows, on both engines."""
    return AppContext(hall_db, add_user("admin", [users.ADMIN], name="系统管理员"), hall_events)
