"""The aid ledger on both databases: amounts, a visitor's repeated aid, referrals followed to
their end, search and filters."""

from __future__ import annotations

import datetime as dt

import pytest

from db.engine import Database
from db.window_models import AID_KINDS, FORWARDED, RESOLVED
from hall import aid, outcomes
from hall.errors import InvalidInput
from tests.hall.window_helpers import T0, item_id, person, serving, setup_hall, unit_id

ALICE = "11010519491231002X"


@pytest.mark.parametrize(
    ("typed", "fen"),
    [("", None), ("1500", 150000), ("1,500.5", 150050), ("￥800元", 80000), ("0", 0)],
)
def test_amounts_in_yuan_are_kept_in_fen(typed: str, fen: int | None) -> None:
    assert aid.parse_yuan(typed, "requested") == fen


@pytest.mark.parametrize("typed", ["abc", "-5", "12.345", "2000000"])
def test_bad_amounts_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        aid.parse_yuan(typed, "granted")
    assert refused.value.field == "granted"


def test_yuan_is_written_with_thousands() -> None:
    assert aid.yuan(150050) == "1,500.50 元" and aid.yuan(None) == ""


@pytest.fixture
def hall(db: Database) -> Database:
    """A visitor who came for aid twice, and another once."""
    setup_hall(db)
    visits = (
        (T0, ALICE, "临时救助", "", "800", RESOLVED),
        (T0 + dt.timedelta(days=30), ALICE, "医疗救助", "5000", "", FORWARDED),
        (T0 + dt.timedelta(days=31), "", "住房", "", "", FORWARDED),
    )
    for at, number, kind, requested, granted, outcome in visits:
        name = "赵淑兰" if number else "钱进"
        ticket_id = serving(db, "aid", name, at=at, id_number=number)
        with db.write() as s:
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(
                    outcome,
                    aid.AidEntry(
                        kind_id=item_id(db, AID_KINDS, kind),
                        household=f"{name}家庭困难",
                        household_size=3,
                        requested=requested,
                        granted=granted,
                    ),
                    unit_id=unit_id(db, "市民政局") if outcome == FORWARDED else None,
                ),
                actor=person(db, "bangfu"),
                now=at + dt.timedelta(minutes=10),
            )
    return db


def test_a_visitors_ledger_shows_repeated_aid(hall: Database) -> None:
    with hall.read() as s:
        [row] = aid.search(s, aid.AidFilter(text="钱进"))
        visitor = aid.search(s, aid.AidFilter(text="赵淑兰"))[0].visitor_id
        ledger = aid.ledger_of(s, visitor, now=T0 + dt.timedelta(days=40))
    assert [(r.kind, r.requested, r.granted, r.referral_name) for r in ledger.rows] == [
        ("医疗救助", "5,000.00 元", "", "已转介"),
        ("临时救助", "", "800.00 元", "本窗口办理"),
    ]
    assert (ledger.recent_count, ledger.recent_granted) == (2, "800.00 元")
    assert row.kind == "住房" and row.unit == "市民政局"


def test_a_referral_is_followed_to_its_end(hall: Database) -> None:
    with hall.read() as s:
        [medical] = aid.search(s, aid.AidFilter(kind_id=item_id(hall, AID_KINDS, "医疗救助")))
        [spot] = aid.search(s, aid.AidFilter(referral="none"))
    officer = person(hall, "bangfu")
    with hall.write() as s, pytest.raises(InvalidInput) as refused:
        aid.set_referral(s, medical.id, "refused", actor=officer)
    assert refused.value.field == "referral_note"
    with hall.write() as s, pytest.raises(InvalidInput):
        aid.set_referral(s, spot.id, "granted", actor=officer)
    with hall.write() as s:
        aid.set_referral(s, medical.id, "accepted", "民政局社会救助科已受理", actor=officer)
    with hall.write() as s:
        aid.set_referral(s, medical.id, "granted", granted="3000", actor=officer)
    with hall.read() as s:
        [done] = aid.search(s, aid.AidFilter(referral="granted"))
        assert (done.granted, done.referral_note) == ("3,000.00 元", "民政局社会救助科已受理")
        assert aid.count(s, aid.AidFilter(referral="referred")) == 1


def test_search_by_days_and_household(hall: Database) -> None:
    with hall.read() as s:
        march = aid.AidFilter(start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
        assert [r.kind for r in aid.search(s, march)] == ["临时救助"]
        april = aid.AidFilter(start=dt.date(2026, 4, 1))
        assert [r.kind for r in aid.search(s, april)] == ["住房", "医疗救助"]
        assert aid.count(s, aid.AidFilter(text="家庭困难")) == 3
