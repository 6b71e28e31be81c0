"""The workbook writer read back with openpyxl: types, headings, widths, the frozen heading."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook

from printing.spreadsheet import PERCENT_FORMAT, Cell, Column, Sheet, write


def test_cells_keep_their_types_and_the_heading_is_frozen() -> None:
    columns = [Column("登记日期", 12), Column("人数", 6), Column("满意率", 8, PERCENT_FORMAT)]
    rows: list[list[Cell]] = [
        [dt.date(2026, 6, 1), 3, 0.5],
        [dt.datetime(2026, 6, 2, 9, 30), 1, None],
    ]
    data = write([Sheet("来信来访/登记:台账", columns, rows, caption=["来信来访登记台账"])])
    book = load_workbook(io.BytesIO(data))
    sheet = book["来信来访_登记_台账"]
    assert sheet["A1"].value == "来信来访登记台账"
    assert [c.value for c in sheet[2]] == ["登记日期", "人数", "满意率"]
    assert sheet.freeze_panes == "A3"
    assert sheet["A3"].value == dt.datetime(2026, 6, 1)
    assert sheet["A3"].number_format == "yyyy-mm-dd"
    assert sheet["A4"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["B3"].value == 3 and isinstance(sheet["B3"].value, int)
    assert sheet["C3"].number_format == PERCENT_FORMAT
    assert sheet.column_dimensions["A"].width == 12
