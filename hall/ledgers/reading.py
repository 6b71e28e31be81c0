"""Reading a ledger file: an .xlsx workbook (its first sheet) or a .csv in UTF-8, with or
without BOM, or GB18030 (what Excel on a Chinese Windows saves). Headings are found by name,
wherever they stand and whatever else the file has; cells come back as Excel gave them (a
date cell as a date) or as text, for the checks to judge."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from zipfile import BadZipFile

from openpyxl import load_workbook

from hall.errors import InvalidInput
from hall.ledgers.columns import LEDGER_NUMBER_HEADINGS, LedgerColumn

RawCell = str | int | float | dt.date | dt.datetime | None
XLSX_MAGIC = b"PK\x03\x04"
# How far down a heading row may sit (above it: a title, the period, a unit's name).
HEADING_SEARCH_ROWS = 10


@dataclass(frozen=True)
class RawRow:
    """One data row: its row number in the file (as Excel or a text editor shows it) and its
    cells by heading."""

    number: int
    cells: dict[str, RawCell]
    ledger_number: str


@dataclass(frozen=True)
class LedgerFile:
    rows: list[RawRow]


def _heading(value: RawCell) -> str:
    # Full-width spaces and letters, and a star marking a required column, are not the name.
    text = unicodedata.normalize("NFKC", str(value or "")).replace("*", "")
    return "".join(text.split())


def _decode(content: bytes) -> str:
    if content.startswith(b"\xef\xbb\xbf"):
        return content[3:].decode("utf-8")
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("gb18030")
    except UnicodeDecodeError:
        raise InvalidInput(
            "无法识别文件的文字编码：请在 Excel 中“另存为” .xlsx，或 UTF-8 编码的 CSV 后再导入。",
            "file",
        ) from None


def _csv_rows(content: bytes) -> Iterator[tuple[int, Sequence[RawCell]]]:
    text = _decode(content)
    yield from enumerate(csv.reader(io.StringIO(text, newline="")), start=1)


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, Sequence[RawCell]]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (BadZipFile, KeyError, OSError, ValueError) as error:
        raise InvalidInput(
            f"无法读取这个 Excel 文件（{error}）：请确认它是 .xlsx 格式，并且没有损坏或加密。",
            "file",
        ) from None
    try:
        sheet = book.worksheets[0]
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            yield number, [v if not isinstance(v, dt.time) else str(v) for v in row]  # type: ignore[misc]
    finally:
        book.close()


def _blank(row: Sequence[RawCell]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def read(content: bytes, columns: Sequence[LedgerColumn], file_name: str = "") -> LedgerFile:
    """The data rows of a ledger file. A required heading missing from the file is refused
    here, naming it: without the column, every row would be wrong in the same way."""
    is_xlsx = content.startswith(XLSX_MAGIC) or file_name.lower().endswith(".xlsx")
    rows = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    wanted = {c.heading for c in columns} | set(LEDGER_NUMBER_HEADINGS)
    positions: dict[str, int] = {}
    for number, row in rows:
        headings = [_heading(v) for v in row]
        if wanted & set(headings):
            positions = {h: i for i, h in reversed(list(enumerate(headings))) if h in wanted}
            break
        if number >= HEADING_SEARCH_ROWS:
            break
    missing = [c.heading for c in columns if c.required and c.heading not in positions]
    if missing:
        expected = "、".join(c.heading for c in columns)
        raise InvalidInput(
            f"文件中缺少必填的列：{'、'.join(missing)}。请使用“下载模板”得到的表格，"
            f"第一行依次为：{expected}。",
            "file",
        )
    number_at = next((positions[h] for h in LEDGER_NUMBER_HEADINGS if h in positions), None)
    data: list[RawRow] = []
    for number, row in rows:
        if _blank(row):
            continue
        cells = {h: (row[i] if i < len(row) else None) for h, i in positions.items()}
        ledger_number = ""
        if number_at is not None and number_at < len(row) and row[number_at] is not None:
            value = row[number_at]
            # Excel keeps a typed-in 12 as the number 12.0.
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            ledger_number = str(value).strip()
        data.append(RawRow(number, cells, ledger_number))
    return LedgerFile(data)
