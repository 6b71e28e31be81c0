"""The 备份 screen on both databases, used as the system administrator uses it: back up now
(on a worker, with its progress), the list with size and check, restore after the question
(a plainer warning on a database that holds data, and nothing done when the answer is no), the
daily backup switched off; only the system administrator reaches it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.account_models import AuditEntry
from db.engine import Database
from desktop.backup_screen import BackupScreen
from desktop.security_pages import BACKUP_PAGE, pages
from hall import audit, backup, users
from kit.context import HallEvents
from tests.hall.test_at_rest import register_accusation
from tests.questions import Questions
from tests.windows.helpers import make_ctx, show

LEFT = Qt.MouseButton.LeftButton


def visits(db: Database) -> int:
    return backup.counts(db)["visit"]


def test_back_up_list_and_restore_from_the_screen(
    hall_db: Database,
    qtbot: QtBot,
    questions: Questions,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    register_accusation(hall_db)
    ctx = make_ctx(hall_db, "xitong", [users.ADMIN], seat=None, events=HallEvents())
    screen = BackupScreen(ctx)
    show(qtbot, screen)
    assert screen.table.rowCount() == 0 and not screen.restore_button.isEnabled()
    assert screen.daily_box.isChecked()

    progress: list[int] = []
    screen.progress_bar.valueChanged.connect(progress.append)
    qtbot.mouseClick(screen.backup_button, LEFT)
    assert screen.progress_bar.isVisible() and not screen.backup_button.isEnabled()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1, timeout=60_000)
    # Each step shown as it was done, then the bar put away.
    assert progress[-4:] == [1, 2, backup.STEPS, 0] and not screen.progress_bar.isVisible()
    assert screen.status_label.text().startswith("Backed up to backup-")
    name = screen.table.item(0, 1).text()
    assert name.endswith(".hallbak") and (tmp_path / "backups" / name).is_file()
    assert screen.table.item(0, 3).text() == "Checked"
    assert screen.table.item(0, 2).text().endswith(("KB", "MB"))
    with hall_db.read() as s:  # audited, as the audit administrator reads it
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert (entry.kind, entry.actor_login) == ("backup.made", "xitong")
        assert f"文件 {name}" in audit.readable_detail(entry.detail)
        assert "已校验 是" in audit.readable_detail(entry.detail)

    # A visit registered after the backup: restoring it means losing that visit.
    register_accusation(hall_db)
    assert visits(hall_db) == 2
    screen.table.selectRow(0)
    assert screen.restore_button.isEnabled()
    questions.answer = False
    qtbot.mouseClick(screen.restore_button, LEFT)
    assert "already holds data" in questions.asked[-1] and "cannot be undone" in questions.asked[-1]
    assert questions.buttons[-1] == ("Replace the hall's data", "Replace with the backup")
    assert visits(hall_db) == 2, "answered no: nothing restored"

    questions.answer = True
    qtbot.mouseClick(screen.restore_button, LEFT)
    qtbot.waitUntil(lambda: screen.status_label.text().startswith("Restored"), timeout=60_000)
    assert "1 visits" in screen.status_label.text()
    assert visits(hall_db) == 1
    with hall_db.read() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert entry.kind == "restore.done"
        assert "操作人 xitong" in audit.readable_detail(entry.detail)

    screen.daily_box.click()
    with hall_db.read() as s:
        assert not backup.daily_on(s)
    assert screen.status_label.text() == "Daily backup turned off."


def test_only_the_system_administrator_has_the_page(hall_db: Database) -> None:
    admin = make_ctx(hall_db, "xitong", [users.ADMIN], seat=None)
    auditor = make_ctx(hall_db, "shenji", [users.AUDITOR], seat=None)
    security = make_ctx(hall_db, "anquan", [users.SECURITY], seat=None)
    assert BACKUP_PAGE in [key for key, _title, _make in pages(admin)]
    for other in (auditor, security):
        assert BACKUP_PAGE not in [key for key, _title, _make in pages(other)]
