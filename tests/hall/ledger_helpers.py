"""Ledger files for the ledger tests: rows written as .xlsx or .csv like a hall's own."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from hall.ledgers.columns import VISIT_COLUMNS
from printing.spreadsheet import Column, Sheet, write

HEADINGS = [c.heading for c in VISIT_COLUMNS]


def with_check_digit(body: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body + "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]


ZHANG = with_check_digit("41038119800101001")
LI = with_check_digit("41038119751231002")


def visit_row(**cells: object) -> list[object]:
    """A good row of the visits ledger, with ``cells`` (by heading) changed."""
    row: dict[str, object] = {
        "登记日期": "2026-03-02",
        "信访形式": "来访",
        "姓名": "张建国",
        "证件号码": ZHANG,
        "联系电话": "13912345678",
        "乡镇街道": "城关镇",
        "村社区": "东街村",
        "详细地址": "东街 12 号",
        "人数": 1,
        "信访目的": "求决",
        "内容分类": "土地征收",
        "事由摘要": "承包地征收补偿款未到位",
        "去往窗口": "办信办案",
        "是否受理": "是",
        "受理日期": "2026-03-04",
        "办结日期": "2026-04-20",
        "处理方式": "",
        "办理结果": "补偿款已发放",
        "满意度": "满意",
        "备注": "",
    }
    row.update(cells)
    return [row[h] for h in HEADINGS]


def xlsx(rows: Sequence[Sequence[object]], headings: Sequence[str] = HEADINGS) -> bytes:
    return write([Sheet("台账", [Column(h) for h in headings], rows)])  # type: ignore[list-item]


def csv_bytes(
    rows: Sequence[Sequence[object]], encoding: str, headings: Sequence[str] = HEADINGS
) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headings)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)
