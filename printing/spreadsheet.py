"""Excel workbooks: one writer for every list, figure table, ledger and template the program
exports. Layouts take plain data and return bytes, as the PDF papers do.

Cells keep their types (numbers as numbers, dates as dates), headings are Chinese and frozen,
and each column has a width that fits its heading and typical content.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

Cell = str | int | float | Decimal | dt.date | dt.datetime | None

DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT_FORMAT = "0.0%"
# Excel's limit on a sheet name, and the characters it refuses in one.
MAX_SHEET_NAME = 31
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    """A column: its heading, its width in characters (a CJK character counts two), and the
    number format for its cells ("" for Excel's default; dates get theirs by type)."""

    title: str
    width: float = 12
    number_format: str = ""


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: Sequence[Column]
    rows: Sequence[Sequence[Cell]]
    # Lines above the heading (a title, the period, the filters applied).
    caption: Sequence[str] = field(default_factory=tuple)


def sheet_name(name: str) -> str:
    return name.translate(SHEET_NAME_FORBIDDEN)[:MAX_SHEET_NAME] or "Sheet"


def _number_format(column: Column, value: Cell) -> str:
    if column.number_format:
        return column.number_format
    if isinstance(value, dt.datetime):
        return DATETIME_FORMAT
    if isinstance(value, dt.date):
        return DATE_FORMAT
    return ""


def write(sheets: Sequence[Sheet]) -> bytes:
    """The workbook holding ``sheets`` in order, as the bytes of an .xlsx file."""
    # Imported here: openpyxl costs a tenth of a second, which a hardware caller's command that
    # merely names an export among its sub-commands must not pay.
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    for blank in book.worksheets:
        book.remove(blank)
    bold = Font(bold=True)
    for spec in sheets:
        sheet = book.create_sheet(sheet_name(spec.name))
        for line in spec.caption:
            sheet.append([line])
        top = len(spec.caption) + 1
        sheet.append([column.title for column in spec.columns])
        for cell in sheet[top]:
            cell.font = bold
            cell.alignment = Alignment(vertical="center", wrap_text=True)
        # Cells are reached by row and column: ``sheet[row]`` and ``sheet.max_row`` scan every
        # cell written so far, which made a sheet of 20 000 rows take ten minutes.
        for row_number, values in enumerate(spec.rows, start=top + 1):
            sheet.append(list(values))
            cells = (sheet.cell(row_number, i) for i in range(1, len(spec.columns) + 1))
            for column, cell in zip(spec.columns, cells, strict=False):
                number_format = _number_format(column, cell.value)
                if number_format:
                    cell.number_format = number_format
        for index, column in enumerate(spec.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
        sheet.freeze_panes = sheet.cell(row=top + 1, column=1)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
