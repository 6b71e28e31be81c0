"""An imported ledger is kept at rest as a typed visit is, on both databases: the bulk insert
(COPY on PostgreSQL) stores the ID number, phone, address and summary encrypted, and the
summary is found by its words in the 办理记录 search, through its keyed tokens."""

from __future__ import annotations

import datetime as dt

from db.engine import Database
from hall import outcomes
from tests.hall.ledger_helpers import ZHANG, visit_row, xlsx
from tests.hall.test_at_rest import stored_text
from tests.hall.test_ledgers import run

SUMMARY = "承包地征收补偿款未到位"
PHONE = "13912345678"
ADDRESS = "东街 12 号"


def test_an_imported_visit_is_encrypted_and_found_by_its_words(hall_db: Database) -> None:
    run(hall_db, xlsx([visit_row(事由摘要=SUMMARY, 联系电话=PHONE, 详细地址=ADDRESS)]))
    stored = stored_text(hall_db)
    for plain in (ZHANG, PHONE, ADDRESS, SUMMARY):
        assert plain not in stored, plain
    with hall_db.read() as s:
        march = outcomes.RecordFilter(
            start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), text="补偿款"
        )
        assert [r.summary for r in outcomes.search_records(s, march, None)] == [SUMMARY]
        missing = outcomes.RecordFilter(
            start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31), text="低保"
        )
        assert outcomes.search_records(s, missing, None) == []
