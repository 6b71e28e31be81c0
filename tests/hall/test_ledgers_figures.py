"""A hall's visits ledger, imported into an empty hall, gives the same figures for its period
(``hall-admin report --json``: hall.figures.report_json), on both databases.

What a visits ledger cannot carry, and so is left out of the comparison:

* 内容分类 is kept as the ledger's words, not filed under the hall's content categories
  (``by_category``);
* the unit a case was assigned or forwarded to has no column (``by_unit``);
* repeat visits linked to an earlier matter have no column (``rates.repeat``);
* the queue's waits and service times (窗口效能), the court's and 督办's tabs: a ledger gives a
  day, not the hour, and the other ledgers carry the court.

Every other figure of the report is asserted equal.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from db.engine import Database
from db.states import CaseOutcome
from db.window_models import CASE, EXPLAINED, FORWARDED
from hall import cases, ledgers, outcomes
from hall.figures import report_json
from tests.hall import window_helpers
from tests.hall.ledger_helpers import LI, visit_row, xlsx
from tests.hall.test_ledgers import run

FIRST, LAST = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
NOT_CARRIED = ("by_category", "by_unit")


def carried(figures: dict[str, object]) -> dict[str, object]:
    rates = figures["rates"]
    assert isinstance(rates, dict)
    kept = {k: v for k, v in figures.items() if k not in NOT_CARRIED}
    kept["rates"] = {k: v for k, v in rates.items() if k != "repeat"}
    return kept


def _typed(db: Database) -> None:
    """Visits typed at the front desk and served at the letters window: one explained and
    rated, one by telephone for a group, forwarded and unrated, one made a formal case that
    is accepted, replied to and closed."""
    officer = window_helpers.person(db, "banxin")
    served = [
        (dt.datetime(2026, 3, 3, 9), "王丽", {"township": "东区街道"}, EXPLAINED, "satisfied"),
        (
            dt.datetime(2026, 3, 4, 10),
            "赵强",
            {"channel": "phone", "group_size": 3, "purpose": "opinion"},
            FORWARDED,
            None,
        ),
        (dt.datetime(2026, 3, 9, 9), "李秀英", {"id_number": LI}, CASE, "basic"),
    ]
    for at, name, form, outcome, score in served:
        ticket = window_helpers.serving(db, "letters", name, at=at, summary="反映的问题", **form)
        with db.write() as s:
            unit = window_helpers.unit_id(db, "市交通运输局") if outcome == FORWARDED else None
            record = outcomes.finish(
                s,
                ticket,
                outcomes.Outcome(outcome=outcome, notes="已答复", unit_id=unit, score=score),
                actor=officer,
                now=at + dt.timedelta(minutes=20),
            )
            case_id = record.case_id
        if case_id is None:
            continue
        with db.write() as s:
            cases.accept(s, case_id, actor=officer, now=at + dt.timedelta(days=1))
        done = dt.datetime(2026, 4, 1, 10)
        with db.write() as s:
            cases.reply(s, case_id, CaseOutcome.SUPPORT, "予以支持", actor=officer, now=done)
            cases.close(s, case_id, actor=officer, now=done)


def test_an_imported_ledger_gives_the_same_figures(
    hall_db: Database, sqlite_template: Path, tmp_path: Path
) -> None:
    path = tmp_path / "source.sqlite3"
    shutil.copy(sqlite_template, path)
    source = Database(f"sqlite:///{path}")
    try:
        window_helpers.setup_hall(source)
        _typed(source)
        # Part of the source's past came from a ledger itself: an accepted case still open
        # and overdue, a closed one, a letter, an unaccepted visit.
        run(
            source,
            xlsx(
                [
                    visit_row(),
                    visit_row(登记日期="2026-01-05", 受理日期="2026-01-06", 办结日期=""),
                    visit_row(
                        信访形式="来信", 姓名="孙七", 证件号码="", 是否受理="否", 受理日期="",
                        办结日期="", 满意度="不满意", 乡镇街道="新区街道",
                    ),
                ]
            ),
        )  # fmt: skip
        with source.read() as s:
            expected = report_json(s, FIRST, LAST)
            exported = ledgers.export(s, "visits", FIRST, LAST)
    finally:
        source.dispose()
    assert expected["total"] == 6, expected

    window_helpers.setup_hall(hall_db)
    assert run(hall_db, exported).ok
    with hall_db.read() as s:
        figures = report_json(s, FIRST, LAST)
    assert carried(figures) == carried(expected)
