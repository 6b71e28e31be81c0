"""The records page says how many records a summary search found: exactly, or as a range when
a common phrase has more candidates than a count checks (both databases, Chinese as shipped)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from db.engine import Database
from db.window_models import EXPLAINED
from hall import clock, outcomes, users
from hall.outcomes import records
from tests.hall.window_helpers import person, serving, setup_hall
from tests.windows.helpers import desk_translation, make_ctx, show, type_text
from windows.outcome_records import RecordsPage

SERVED = 6


def served(db: Database) -> None:
    start = clock.now() - dt.timedelta(hours=SERVED + 1)
    for n in range(SERVED):
        at = start + dt.timedelta(hours=n)
        ticket_id = serving(db, "legal", f"王{n}", at=at, summary="反映拖欠工程款问题")
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(EXPLAINED, outcomes.LegalEntry(question="咨询"), notes="已解答"),
                actor=person(db, "falv"),
                now=at + dt.timedelta(minutes=5),
            )


def searched(qtbot: QtBot, page: RecordsPage, words: str) -> str:
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, words)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    return page.count_label.text()


def test_the_count_is_exact_or_an_honest_range(
    db: Database, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    setup_hall(db)
    served(db)
    with desk_translation():
        page = RecordsPage(make_ctx(db, "falv2", [users.OFFICER], ["legal"]), "legal")
        show(qtbot, page)
        assert searched(qtbot, page, "工程款") == f"共 {SERVED} 条记录"
        monkeypatch.setattr(records, "COUNT_CHECKS", 2)
        assert searched(qtbot, page, "工程款") == f"至少 2 条记录（至多 {SERVED} 条）"
        assert page.model.rowCount() == SERVED
        page.grab().save("docs/screenshots/records_count_range.png")
