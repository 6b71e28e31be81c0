"""The records search by a common phrase of a summary, on both databases: a page decrypts about
the summaries it shows, not every candidate; the pages hold exactly the visits whose summary
holds the words (not those holding its pairs apart), newest first; the count is exact, or a
range when more candidates remain than a count checks; the export holds them all."""

from __future__ import annotations

import datetime as dt

import pytest

from db import crypto
from db.engine import Database
from db.window_models import EXPLAINED
from hall import outcomes
from hall.outcomes import records
from tests.hall.window_helpers import T0, person, serving, setup_hall

WAGES = "反映拖欠工程款问题"
# Holds both pairs of 工程款 (工程, 程款), but not the word.
APART = "工程结束后程款未付"
VISITS = 40
# The oldest few hold the pairs apart; the rest the phrase.
APART_VISITS = 4


@pytest.fixture
def hall(db: Database) -> list[str]:
    """The visitors' names of the visits holding 工程款, newest first."""
    setup_hall(db)
    holding = []
    for n in range(VISITS):
        at = T0 + dt.timedelta(minutes=10 * n)
        name = f"王{n:02d}"
        ticket_id = serving(db, "legal", name, at=at, summary=APART if n < APART_VISITS else WAGES)
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(EXPLAINED, outcomes.LegalEntry(question="咨询"), notes="已解答"),
                actor=person(db, "falv"),
                now=at + dt.timedelta(minutes=5),
            )
        if n >= APART_VISITS:
            holding.append(name)
    return holding[::-1]


WANTED = outcomes.RecordFilter(text="工程款")


def test_a_page_decrypts_about_what_it_shows(
    db: Database, hall: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    decrypted = 0
    real = crypto.decrypt

    def counting(value: str) -> str:
        nonlocal decrypted
        decrypted += 1
        return real(value)

    monkeypatch.setattr(crypto, "decrypt", counting)
    with db.read() as s:
        page = outcomes.search_records(s, WANTED, person(db, "falv"), 0, 5)
    assert [r.visitor_name for r in page] == hall[:5]
    # Five checked and five shown; before, every one of the 40 candidates was checked.
    assert decrypted <= 10


def test_the_pages_hold_exactly_the_visits_holding_the_words(db: Database, hall: list[str]) -> None:
    falv = person(db, "falv")
    with db.read() as s:
        pages = [
            outcomes.search_records(s, WANTED, falv, offset, 7) for offset in range(0, VISITS, 7)
        ]
        counted = outcomes.count_records(s, WANTED, falv)
        exported = outcomes.export_records(s, WANTED, falv)
        pairs = outcomes.count_records(s, outcomes.RecordFilter(text="程款"), falv)
    assert [r.visitor_name for page in pages for r in page] == hall
    assert counted == outcomes.RecordCount(len(hall), len(hall)) and counted.exact
    assert [line.split(",")[4] for line in exported.splitlines()[1:]] == hall
    # Two characters are one token: no check, every candidate holds them.
    assert pairs == outcomes.RecordCount(VISITS, VISITS)


def test_a_count_checking_part_of_the_candidates_says_a_range(
    db: Database, hall: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(records, "COUNT_CHECKS", 10)
    with db.read() as s:
        counted = outcomes.count_records(s, WANTED, person(db, "falv"))
    # The newest ten checked all hold the phrase; the thirty others may or may not.
    assert counted == outcomes.RecordCount(10, VISITS) and not counted.exact
    assert counted.low <= len(hall) <= counted.high
