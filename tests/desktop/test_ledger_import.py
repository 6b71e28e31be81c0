"""导入台账 on both databases: a file with errors lists every problem in the table (and saves
them as Excel) while nothing is written; a good file previewed, then imported with its counts
shown; an import cancelled writing nothing; the menu offered only to those who may import."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QMainWindow, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from db.engine import Database
from db.models import Visit, Visitor
from desktop.ledger_import import LedgerImportScreen, add_ledger_menu, importable
from hall import users
from kit.context import AppContext, HallEvents
from kit.operations import worker_of
from tests.desktop.conftest import AddUser
from tests.hall.ledger_helpers import LI, visit_row, xlsx


def written(db: Database) -> tuple[int, int]:
    with db.read() as s:
        return (
            s.scalar(select(func.count()).select_from(Visitor)) or 0,
            s.scalar(select(func.count()).select_from(Visit)) or 0,
        )


def cells(table: QTableWidget) -> list[list[str]]:
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


@pytest.fixture
def screen(qtbot: QtBot, admin_ctx: AppContext) -> LedgerImportScreen:
    window = QMainWindow()
    qtbot.addWidget(window)
    shown = LedgerImportScreen(admin_ctx, importable(window, admin_ctx))
    qtbot.addWidget(shown)
    return shown


def test_a_file_with_errors_lists_them_and_writes_nothing(
    screen: LedgerImportScreen, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(xlsx([visit_row(), visit_row(登记日期="2026/13/1", 信访目的="闲聊")]))
    screen.choose_file(bad)
    assert screen.kind() == "visits"
    with qtbot.waitSignal(screen.reported):
        screen.check_button.click()
    rows = cells(screen.problems_table)
    assert [row[:2] for row in rows] == [["3", "登记日期"], ["3", "信访目的"]]
    assert all(row[2] and row[3] for row in rows)
    assert screen.message_label.text().startswith("文件中有 2 处问题")
    assert screen.results.currentIndex() == 1 and screen.export_problems_button.isEnabled()
    # Importing it anyway is refused the same way.
    with qtbot.waitSignal(screen.reported):
        screen.import_button.click()
    assert len(cells(screen.problems_table)) == 2
    assert written(hall_db) == (0, 0)
    saved = tmp_path / "问题.xlsx"
    screen.save_problems(saved)
    sheet = openpyxl.load_workbook(saved).worksheets[0]
    listed = list(sheet.iter_rows(values_only=True))
    assert listed[1] == ("行号", "列", "问题", "修改方法")
    assert [row[:2] for row in listed[2:]] == [(3, "登记日期"), (3, "信访目的")]


def test_a_good_file_previewed_then_imported(
    screen: LedgerImportScreen, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx([visit_row(), visit_row(姓名="李秀英", 证件号码=LI)]))
    screen.choose_file(good)
    with qtbot.waitSignal(screen.reported) as checked:
        screen.check_button.click()
    assert checked.args is not None and checked.args[0].dry_run
    preview = dict(cells(screen.created_table))  # type: ignore[arg-type]
    assert preview["新建来访人"] == "2" and preview["来访登记"] == "2"
    assert screen.message_label.text().startswith("预检通过，将导入")
    assert written(hall_db) == (0, 0)
    with qtbot.waitSignal(screen.reported):
        screen.import_button.click()
    assert dict(cells(screen.created_table)) == preview  # type: ignore[arg-type]
    assert screen.message_label.text().startswith("导入完成，新建")
    assert (screen.progress_bar.value(), screen.progress_bar.maximum()) == (2, 2)
    assert written(hall_db) == (2, 2)
    # Again: nothing new, and the screen says so.
    with qtbot.waitSignal(screen.reported):
        screen.import_button.click()
    assert screen.message_label.text() == "没有新的记录需要导入：文件的 2 行都已导入过。"
    assert written(hall_db) == (2, 2)


def test_an_import_cancelled_writes_nothing(
    screen: LedgerImportScreen, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    good = tmp_path / "good.xlsx"
    good.write_bytes(xlsx([visit_row(), visit_row(姓名="李秀英", 证件号码=LI)]))
    screen.choose_file(good)
    # The screen's worker is held busy, so the import waits behind it and the cancel is
    # pressed, for certain, before the import starts writing.
    release = threading.Event()
    worker_of(screen).start(lambda: (release.wait(60), None), lambda _r, _p: None)
    screen.import_button.click()
    assert screen.cancel_button.isEnabled() and not screen.import_button.isEnabled()
    screen.cancel_button.click()
    with qtbot.waitSignal(screen.told) as stopped:
        release.set()
    assert stopped.args == ["已取消导入，没有写入任何记录。"]
    assert written(hall_db) == (0, 0)
    assert screen.import_button.isEnabled() and not screen.cancel_button.isEnabled()


def test_the_menu_is_for_those_who_may_import(
    qtbot: QtBot, hall_db: Database, add_user: AddUser, hall_events: HallEvents
) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    officer = add_user("falv", [users.OFFICER], ["legal"])
    assert add_ledger_menu(window, AppContext(hall_db, officer, hall_events)) is None
    clerk = add_user("shuji", [users.CLERK])
    menu = add_ledger_menu(window, AppContext(hall_db, clerk, hall_events))
    assert menu is not None and menu.title() == "&Ledgers"
    assert importable(window, AppContext(hall_db, clerk, hall_events)) == {"court": "法庭收案台账"}
