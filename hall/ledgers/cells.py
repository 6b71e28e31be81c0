"""Judging one cell of a ledger: what it means, or what is wrong with it and how to fix it.

Every problem names its row and column, so that all of a file's problems can be listed at
once and the clerk can correct the file in one pass.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from hall import fields
from hall.errors import InvalidInput
from hall.identity import check_phone, check_resident_id
from hall.ledgers.columns import LedgerColumn
from hall.ledgers.reading import RawCell

# 2013-05-06, 2013/5/6, 2013.5.6 and 2013年5月6日 (the 日 may be missing), with an optional time.
DATE_FORMS = re.compile(
    r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
DATE_HINT = "请写成 2013-05-06、2013/5/6、2013.5.6 或 2013年5月6日，或设为 Excel 日期格式"


@dataclass(frozen=True)
class Problem:
    """What is wrong with one cell (row 0 and an empty column for the file as a whole)."""

    row: int
    column: str
    what: str
    fix: str

    def line(self) -> str:
        place = f"第 {self.row} 行“{self.column}”" if self.row else "文件"
        return f"{place}：{self.what.rstrip('。')}。{self.fix}"


class CellError(Exception):
    def __init__(self, what: str, fix: str) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix


def text_of(value: RawCell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


def parse_date(value: RawCell) -> dt.date:
    if isinstance(value, dt.datetime):
        return _in_range(value.date())
    if isinstance(value, dt.date):
        return _in_range(value)
    if isinstance(value, (int, float)):
        raise CellError(f"“{text_of(value)}”是数字，不是日期", DATE_HINT)
    text = text_of(value)
    match = DATE_FORMS.match(text)
    if match is None:
        raise CellError(f"“{text}”不是可识别的日期", DATE_HINT)
    year, month, day = (int(g) for g in match.groups())
    try:
        return _in_range(dt.date(year, month, day))
    except ValueError:
        raise CellError(
            f"“{text}”不是有效日期（{month} 月没有 {day} 日或月份有误）", "请核对年月日"
        ) from None


def _in_range(day: dt.date) -> dt.date:
    try:
        return fields.check_day(fields.DATE, day)
    except InvalidInput as error:
        raise CellError(error.message, "请核对年份") from None


def parse_count(value: RawCell) -> int:
    try:
        return fields.parse_number(fields.GROUP_SIZE, text_of(value))
    except InvalidInput as error:
        raise CellError(error.message, "不填为 1 人") from None


def parse_choice(column: LedgerColumn, value: RawCell) -> str:
    text = text_of(value)
    if text not in column.choices:
        raise CellError(f"“{text}”不是可选的值", f"只能填写：{'、'.join(column.choices)}")
    return text


def parse_id_number(value: RawCell) -> str:
    try:
        return check_resident_id(text_of(value)).number
    except InvalidInput as error:
        raise CellError(error.message, "身份证号码不确定的，可以不填") from None


def parse_phone(value: RawCell) -> str:
    try:
        return check_phone(text_of(value))
    except InvalidInput as error:
        raise CellError(error.message, "电话不确定的，可以不填") from None


def parse_text(column: LedgerColumn, value: RawCell) -> str:
    if column.rule is not None:
        # Checked as the form checks it, on the text as typed (a summary keeps its
        # full-width punctuation, as at the front desk).
        typed = value if isinstance(value, str) else text_of(value)
        try:
            return fields.clean(column.rule, typed)
        except InvalidInput as error:
            raise CellError(error.message, "请改正这一格后重新导入") from None
    text = text_of(value)
    if len(text) > column.max_length:
        raise CellError(
            f"内容有 {len(text)} 个字，超过了 {column.max_length} 个字",
            "请精简，或把其余内容写进“备注”",
        )
    return text
