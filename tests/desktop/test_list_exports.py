"""导出 Excel from the lists, on both databases: the 社情民意 ledger and 督办 written as the
lists show them, read back with openpyxl (caption, Chinese headings, typed cells, frozen
heading row). (The records' export withholding an accusation is in test_confidential.)"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
from pytestqt.qtbot import QtBot

from db.engine import Database
from hall import ledgers
from kit.context import AppContext
from kit.export import ExportButton
from tests.hall.ledger_helpers import visit_row, xlsx
from windows.opinion import OpinionLedgerPage
from windows.supervision_orders import SupervisionPage


def export(qtbot: QtBot, button: ExportButton, path: Path) -> list[tuple[object, ...]]:
    with qtbot.waitSignal(button.exported):
        button.export_to(path)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    assert sheet.freeze_panes == "A3"
    return list(sheet.iter_rows(values_only=True))


def test_opinion_ledger_exported_as_listed(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    with hall_db.write() as s:
        ledgers.import_ledger(s, "opinions", ledgers.template(s, "opinions"))
    page = OpinionLedgerPage(admin_ctx)
    qtbot.addWidget(page)
    page.from_edit.setDate(dt.date(2026, 1, 1))
    rows = export(qtbot, page.export_button, tmp_path / "opinions.xlsx")
    assert str(rows[0][0]).startswith("社情民意台账（2026-01-01 至 2026-06-10")
    assert rows[1][:3] == ("日期", "议题", "意见建议")
    assert rows[2][0] == dt.datetime(2026, 3, 2) and rows[2][2] == "建议在新区增设公交站点"
    assert page.model.rowCount() == len(rows) - 2 == 1
    assert page.status_label.text().startswith("Exported to")


def test_supervision_list_exported_with_typed_cells(
    admin_ctx: AppContext, hall_db: Database, qtbot: QtBot, tmp_path: Path
) -> None:
    # Accepted in January and never closed: long overdue, so it needs supervision.
    overdue = visit_row(登记日期="2026-01-05", 受理日期="2026-01-06", 办结日期="", 满意度="")
    with hall_db.write() as s:
        assert ledgers.import_ledger(s, "visits", xlsx([overdue])).ok
    page = SupervisionPage(admin_ctx)
    qtbot.addWidget(page)
    rows = export(qtbot, page.export_button, tmp_path / "督办.xlsx")
    assert rows[1] == (
        "编号", "状态", "信访目的", "事由摘要", "承办单位",
        "登记日期", "期限", "超期天数", "督办原因",
    )  # fmt: skip
    assert page.model.rowCount() == len(rows) - 2 == 1
    case = rows[2]
    assert case[3] == "承包地征收补偿款未到位" and case[5] == dt.datetime(2026, 1, 5)
    assert isinstance(case[6], dt.datetime) and isinstance(case[7], int) and case[7] > 0
