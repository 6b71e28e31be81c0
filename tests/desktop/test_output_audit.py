"""Every export and print leaves one audit entry (issue 15), on both databases: who, which
workstation, what, in the unit of work that made the file, so a file that could not be written
leaves none; the chain still verifies (``hall-admin audit verify``)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db import audit_log
from db.account_models import AuditEntry
from db.engine import Database
from desktop.receipt_print import ReceiptOutput
from hall import ledgers, outputs
from kit.context import PDF_ONLY, AppContext, ReceiptSetup
from tests.hall.ledger_helpers import visit_row, xlsx
from tests.hall.test_audit import verify
from tests.printing.test_receipt import receipt
from windows.opinion import OpinionLedgerPage


def new_entries(db: Database, after: int) -> list[AuditEntry]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.seq > after)))


def last_seq(db: Database) -> int:
    with db.read() as s:
        return max(s.scalars(select(AuditEntry.seq)), default=0)


def test_a_list_export_is_audited_once_and_only_when_written(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        ledgers.import_ledger(s, "opinions", ledgers.template(s, "opinions"))
    page = OpinionLedgerPage(admin_ctx)
    qtbot.addWidget(page)
    page.from_edit.setDate(dt.date(2026, 1, 1))
    before = last_seq(hall_db)
    with qtbot.waitSignal(page.export_button.exported):
        page.export_button.export_to(tmp_path / "opinions.xlsx")
    (entry,) = new_entries(hall_db, before)
    assert (entry.kind, entry.actor_login, entry.outcome) == ("list.exported", "admin", "done")
    assert entry.workstation == audit_log.workstation()
    detail = json.loads(entry.detail)
    assert detail["what"].startswith("社情民意台账") and detail["rows"] == 1
    # A folder that is not there: nothing written, nothing recorded.
    before = last_seq(hall_db)
    with qtbot.waitSignal(page.export_button.told) as told:
        page.export_button.export_to(tmp_path / "missing" / "opinions.xlsx")
    qtbot.waitUntil(page.export_button.isEnabled)
    assert told.args and new_entries(hall_db, before) == []
    assert verify(hall_db).returncode == 0


def test_a_receipt_print_is_audited_once(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    admin_ctx.workstation.receipt = ReceiptSetup(output=PDF_ONLY, folder=str(tmp_path))
    printing = ReceiptOutput(admin_ctx)
    before = last_seq(hall_db)
    with qtbot.waitSignal(printing.printed):
        printing.send(receipt())
    (entry,) = new_entries(hall_db, before)
    assert (entry.kind, entry.actor_login) == ("receipt.printed", "admin")
    assert json.loads(entry.detail) == {"code": "A017 V202611230017", "how": outputs.FILE}
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    assert verify(hall_db).returncode == 0


def test_a_ledger_export_and_a_report_print_are_audited(
    admin_ctx: AppContext, hall_db: Database
) -> None:
    with hall_db.write() as s:
        assert ledgers.import_ledger(s, "visits", xlsx([visit_row()])).ok
    before = last_seq(hall_db)
    with hall_db.write() as s:
        ledgers.export(s, "visits", dt.date(2026, 3, 1), dt.date(2026, 3, 31), admin_ctx.user)
    (exported,) = new_entries(hall_db, before)
    assert (exported.kind, exported.actor_login, exported.target) == (
        "ledger.exported", "admin", "ledger",
    )  # fmt: skip
    assert json.loads(exported.detail) == {
        "what": "来信来访登记台账", "period": "2026-03-01 至 2026-03-31", "rows": 1,
    }  # fmt: skip
    with hall_db.write() as s:
        pdf = outputs.report_pdf(
            s, admin_ctx.user, dt.date(2026, 3, 1), dt.date(2026, 3, 31), outputs.PRINTER
        )
    assert pdf.startswith(b"%PDF")
    (printed,) = new_entries(hall_db, exported.seq)
    assert (printed.kind, printed.actor_login) == ("report.printed", "admin")
    assert json.loads(printed.detail)["how"] == outputs.PRINTER
    assert verify(hall_db).returncode == 0


@pytest.mark.usefixtures("chinese")
def test_a_receipt_printed_from_its_preview_is_audited_and_a_closed_preview_is_not(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    printing = ReceiptOutput(admin_ctx)
    parent = QWidget()
    qtbot.addWidget(parent)
    before = last_seq(hall_db)
    closed = printing.preview(receipt(), parent)
    qtbot.waitExposed(closed)
    closed.reject()
    assert new_entries(hall_db, before) == []
    dialog = printing.preview(receipt(), parent)
    qtbot.waitExposed(dialog)
    target = tmp_path / "printed.pdf"

    def print_to_file() -> None:
        # The system print dialog the preview's print button opens: print to a PDF file.
        chosen = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog))
        file_name = chosen.findChild(QLineEdit, "filename")
        assert file_name is not None
        file_name.setText(str(target))
        chosen.accept()

    QTimer.singleShot(200, print_to_file)
    (print_button,) = [a for a in dialog.findChildren(QAction) if a.text() == "打印"]
    with qtbot.waitSignal(printing.printed):
        print_button.trigger()
    assert target.exists()
    (entry,) = new_entries(hall_db, before)
    assert (entry.kind, entry.actor_login) == ("receipt.printed", "admin")
    assert json.loads(entry.detail)["how"] == outputs.PRINTER
    assert verify(hall_db).returncode == 0
