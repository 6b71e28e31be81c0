from __future__ import annotations

import datetime as dt

import pytest

from db.case_models import PetitionCase
from db.court_models import CourtHandoff
from db.engine import Database
from db.mechanism_models import Dispute
from db.models import User
from hall.errors import IllegalTransition, InvalidInput
from hall.mechanisms import disputes, risk
from tests.hall.mechanisms.helpers import entry, prepare

DUE = dt.date(2026, 6, 30)


def test_risk_level_follows_the_admin_rules(hall_db: Database) -> None:
    prepare(hall_db)
    with hall_db.write() as s:
        risk.set_risk_rules(
            s,
            [
                risk.Rule("", 5, "serious"),
                risk.Rule("", 30, "major"),
                risk.Rule("征地", 1, "serious"),
            ],
        )
    with hall_db.write() as s:
        small = disputes.register(s, entry(people=2), "window")
        group = disputes.register(s, entry(people=12), "station")
        mass = disputes.register(s, entry(people=40), "informant")
        land = disputes.register(s, entry(people=1, category="征地"), "letter")
        assert [small.risk, group.risk, mass.risk, land.risk] == [
            "general",
            "serious",
            "major",
            "serious",
        ]
        assert small.number == "纠〔2026〕0001号" and land.number == "纠〔2026〕0004号"


def test_an_entry_needs_parties_place_and_summary(hall_db: Database) -> None:
    with hall_db.write() as s, pytest.raises(InvalidInput) as raised:
        disputes.register(s, disputes.DisputeEntry(township="千秋镇", summary="x"), "window")
    assert raised.value.field == "parties"


def test_the_leader_must_be_on_the_leaders_list(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        dispute = disputes.register(s, entry(), "window")
        with pytest.raises(InvalidInput, match="不在领导名单") as raised:
            disputes.assign(s, dispute.id, disputes.Assignment("赵六", unit, "刘稳", DUE))
        assert raised.value.field == "leader"
        done = disputes.assign(s, dispute.id, disputes.Assignment("王建国", unit, "刘稳", DUE))
        assert done.assignment_number == "交〔2026〕0001号"
        disputes.add_progress(s, dispute.id, "已约双方当面协商")
        assert [p.text for p in done.progress] == ["已约双方当面协商"]


def test_resolution_rate_per_leader_and_unit(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        ids = [disputes.register(s, entry(), "window").id for _ in range(4)]
        for n, dispute_id in enumerate(ids):
            leader = "王建国" if n < 3 else "李红"
            disputes.assign(s, dispute_id, disputes.Assignment(leader, unit, "刘稳", DUE))
        disputes.record_outcome(s, ids[0], "resolved")
        disputes.record_outcome(s, ids[1], "unresolved")
        disputes.record_outcome(s, ids[3], "resolved")
        with pytest.raises(IllegalTransition):
            disputes.record_outcome(s, ids[0], "partly")
    with hall_db.read() as s:
        by_leader = {r.name: r for r in disputes.resolution_rates(s, "leader")}
        assert by_leader["王建国"].rate == 0.5 and by_leader["王建国"].assigned == 3
        assert by_leader["李红"].rate == 1.0
        (by_unit,) = disputes.resolution_rates(s, "unit")
        assert (by_unit.name, by_unit.closed, by_unit.resolved) == ("千秋镇政府", 3, 2)


def test_overdue_entries_are_flagged_for_the_leader(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        late = disputes.register(s, entry(), "window")
        disputes.assign(
            s, late.id, disputes.Assignment("王建国", unit, "刘稳", dt.date(2026, 6, 10))
        )
        other = disputes.register(s, entry(), "window")
        disputes.assign(s, other.id, disputes.Assignment("李红", unit, "刘稳", DUE))
    with hall_db.read() as s:
        later = dt.date(2026, 6, 11)
        assert [r.number for r in disputes.overdue(s, later)] == [late.number]
        assert disputes.overdue(s, later, leader="李红") == []
        assert disputes.search(s, leader="王建国", on=later)[0].overdue


def test_turned_into_a_case_opens_a_petition_case(hall_db: Database) -> None:
    prepare(hall_db)
    with hall_db.write() as s:
        dispute = disputes.register(s, entry(), "workday")
        disputes.record_outcome(s, dispute.id, "to_case", "多次调解未果")
        case = s.get_one(PetitionCase, dispute.case_id)
        assert case.visitor.name == "张三" and "纠〔2026〕0001号" in case.summary


def test_handed_to_the_court_through_the_letters_desk(hall_db: Database) -> None:
    admin_id, _ = prepare(hall_db)
    with hall_db.write() as s:
        admin = s.get_one(User, admin_id)
        dispute = disputes.register(s, entry(), "window")
        with pytest.raises(InvalidInput, match="对方当事人"):
            disputes.record_outcome(s, dispute.id, "to_court", actor=admin)
        disputes.record_outcome(s, dispute.id, "to_court", actor=admin, other_party="李四")
        handoff = s.get_one(CourtHandoff, s.get_one(Dispute, dispute.id).handoff_id)
        assert handoff.party == "张三、李四" and handoff.other_party == "李四"


def test_a_leaders_instruction_becomes_the_assignment(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    with hall_db.write() as s:
        first = disputes.register(s, entry(), "window").id
        second = disputes.register(s, entry(parties="王五"), "window").id
        with pytest.raises(InvalidInput, match="批示"):
            disputes.instruct(s, first, " ", disputes.Assignment("王建国", unit, "刘稳", DUE))
        disputes.instruct(
            s, first, "请千秋镇一周内约谈双方", disputes.Assignment("王建国", unit, "刘稳", DUE)
        )
        disputes.assign(
            s, second, disputes.Assignment("王建国", unit, "刘稳", dt.date(2026, 6, 20))
        )
        assert [p.text for p in s.get_one(Dispute, first).progress] == [
            "王建国批示：请千秋镇一周内约谈双方"
        ]
    with hall_db.read() as s:
        assert [r.id for r in disputes.led_by(s, "王建国")] == [second, first]
        assert disputes.led_by(s, "李红") == []
