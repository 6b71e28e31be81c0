"""One place states each field's rules (hall.fields): the same bad value in a ledger row and in
the front desk's form gets the same message, on both databases."""

from __future__ import annotations

import pytest

from db.engine import Database
from hall import reception
from tests.hall.ledger_helpers import ZHANG, csv_bytes, visit_row, xlsx
from tests.hall.test_ledgers import run

WRONG_CHECK_DIGIT = ZHANG[:-1] + ("1" if ZHANG[-1] != "1" else "2")
# (ledger column, form field, bad value)
MISTAKES = [
    ("姓名", "name", "张\u202e建国"),
    ("姓名", "name", "张建国<script>"),
    ("姓名", "name", "名" * 33),
    ("姓名", "name", ""),
    ("乡镇街道", "township", "乡" * 33),
    ("村社区", "village", "东街\x07村"),
    ("详细地址", "address", "址" * 101),
    ("事由摘要", "summary", "长" * 501),
    ("事由摘要", "summary", "承包地\u200b征收"),
    ("证件号码", "id_number", WRONG_CHECK_DIGIT),
    ("联系电话", "phone", "12345"),
]


def form_message(field: str, value: str) -> str:
    form = reception.Registration(name="张建国", window="letters", summary="承包地征收")
    setattr(form, field, value)
    return next(e.message for e in reception.validate(form) if e.field == field)


@pytest.mark.parametrize(("heading", "field", "value"), MISTAKES)
def test_a_ledger_row_is_told_what_the_form_is_told(
    hall_db: Database, heading: str, field: str, value: str
) -> None:
    # A CSV: a worksheet cannot hold a control character, an old CSV ledger can.
    report = run(hall_db, csv_bytes([visit_row(**{heading: value})], "utf-8"))
    told = [p for p in report.problems if p.column == heading]
    assert [p.what for p in told] == [form_message(field, value)]
    assert form_message(field, value) in report.lines()[1]


def test_the_limits_are_the_forms(hall_db: Database) -> None:
    """A summary the front desk takes is taken from a ledger, full-width punctuation kept."""
    summary = "反映：承包地征收补偿款（2 万元）未到位，" + "长" * 470
    assert len(summary) <= 500 and not any(
        e.field == "summary" for e in reception.validate(
            reception.Registration(name="张建国", window="letters", summary=summary)
        )
    )  # fmt: skip
    assert run(hall_db, xlsx([visit_row(事由摘要=summary)])).ok
