"""An accusation at the windows, on both databases: an officer without the right to read
accusations finds its text nowhere — the counter, the visitor's history, the records' search,
list and opened record, the exports — while an allowed officer reads it, and every opening
of it, allowed or not, is in the access log."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from db.engine import Database
from tests.windows.helpers import ALICE_ID, desk_translation, type_text
from tests.windows.window_gui import (
    choose,
    events_of,
    officer_ctx,
    open_window,
    press,
    register,
    save_in,
    serve_next,
    texts_shown,
    with_units,
)
from windows.base import WindowWorkstation
from windows.supervision import ComplaintPanel

ACCUSATION = "城建局某副局长收受开发商红包二万元"
ACCUSED = "城建局某副局长"
DETAIL = "转账记录在手机里"


@pytest.fixture(autouse=True)
def chinese() -> Iterator[None]:
    with desk_translation():
        yield


def leaks(text: str) -> bool:
    return any(secret in text for secret in (ACCUSATION, ACCUSED, DETAIL))


def access_log(database: Database) -> list[tuple[str, str]]:
    rows = events_of(database, "visit.viewed") + events_of(database, "visit.view_withheld")
    return sorted((e.kind, str(e.payload["via"])) for e in rows)


@pytest.fixture
def accused(hall_db: Database, qtbot: QtBot) -> WindowWorkstation:
    """The accusation received at the supervision window, as its officer recorded it."""
    with_units(hall_db)
    register(
        hall_db, "郭玉兰", "supervision", id_number=ALICE_ID, purpose="report", summary=ACCUSATION
    )
    ws = open_window(qtbot, officer_ctx(hall_db, "supervision"), "supervision")
    panel = ws.panel
    assert isinstance(panel, ComplaintPanel)
    serve_next(qtbot, ws)
    # The supervision officer may read it; opening it at the counter is logged.
    assert ws.summary_value.text() == ACCUSATION
    choose(panel.kind_combo, "工作作风")
    type_text(qtbot, panel.person_edit, ACCUSED)
    type_text(qtbot, ws.notes_edit, DETAIL)
    press(qtbot, ws, Qt.Key.Key_F5)
    assert ws.state_label.text() == "已办结"
    return ws


def test_an_officer_without_the_right_finds_it_nowhere(
    hall_db: Database, accused: WindowWorkstation, qtbot: QtBot, tmp_path: Path
) -> None:
    accused.close()
    # The accuser comes back the next time with an ordinary matter, to the legal window.
    register(hall_db, "郭玉兰", "legal", id_number=ALICE_ID, summary="咨询遗产继承")
    ws = open_window(qtbot, officer_ctx(hall_db, "legal"), "legal")
    serve_next(qtbot, ws)
    # Screen: the earlier visit is in the history, its matter withheld.
    assert ws.history_table.rowCount() == 1
    assert ws.history_table.item(0, 2).text() == "揭发控告　（检举控告件，内容保密）"  # type: ignore[union-attr]
    assert not leaks(texts_shown(ws))

    # Search: the accusation's words find nothing in the records, for any window.
    records = ws.records
    records.window_code = None
    ws.tabs.setCurrentWidget(records)
    records.from_edit.setDate(records.from_edit.date().addDays(-1))
    for words in ("红包", "副局长", "郭玉兰", "转账"):
        records.search_edit.clear()
        type_text(qtbot, records.search_edit, words)
        QTest.keyClick(records.search_edit, Qt.Key.Key_Return)
        assert records.model.rowCount() == 0, words
    records.search_edit.clear()
    QTest.mouseClick(records.search_button, Qt.MouseButton.LeftButton)
    assert records.model.rowCount() == 1
    listed = records.model.row(0)
    assert (listed.visitor_name, listed.summary) == ("郭**", "（检举控告件，内容保密）")
    assert not leaks(texts_shown(ws))

    # The record opened: withheld, and the opening logged.
    records.view.setCurrentIndex(records.model.index(0, 0))
    records.open_record(records.view.currentIndex())
    dialog = records.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.values["反映内容"].text() == "（检举控告件，内容保密）"
    assert not leaks(texts_shown(dialog))

    # Exports: the records as CSV.
    dialog.accept()
    QTest.mouseClick(records.export_button, Qt.MouseButton.LeftButton)
    target = tmp_path / "records.csv"
    with qtbot.waitSignal(records.exported):
        save_in(qtbot, records.file_dialog, target)
    exported = target.read_text(encoding="utf-8")
    assert "郭**" in exported and not leaks(exported)

    legal = ws.ctx.user.id
    assert [(e.kind, e.actor_id) for e in events_of(hall_db, "visit.view_withheld")] == [
        ("visit.view_withheld", legal),
        ("visit.view_withheld", legal),
    ]
    assert access_log(hall_db) == [
        ("visit.view_withheld", "history"),
        ("visit.view_withheld", "records"),
        ("visit.viewed", "counter"),
    ]


def test_those_allowed_read_it_and_each_view_is_logged(
    hall_db: Database, accused: WindowWorkstation, qtbot: QtBot
) -> None:
    records = accused.records
    accused.tabs.setCurrentWidget(records)
    type_text(qtbot, records.search_edit, "红包")
    QTest.keyClick(records.search_edit, Qt.Key.Key_Return)
    # Found by its words, but even here the list does not carry it.
    assert records.model.rowCount() == 1
    assert records.model.row(0).summary == "（检举控告件，内容保密）"
    records.open_record(records.model.index(0, 0))
    dialog = records.dialog
    assert dialog is not None
    assert dialog.values["诉求摘要"].text() == ACCUSATION
    assert dialog.values["被反映人员"].text() == ACCUSED
    assert dialog.values["备注"].text() == DETAIL
    assert access_log(hall_db) == [("visit.viewed", "counter"), ("visit.viewed", "records")]
    supervisor = accused.ctx.user.id
    assert {e.actor_id for e in events_of(hall_db, "visit.viewed")} == {supervisor}
