"""Issue 17: a formal case's 包案领导 and the leader's home list, on both databases — the leader
checked against the register's leaders' list, set only by those who assign the register's
entries, on the case's timeline; the leader's open cases listed with his register entries,
nearest deadline first. The clock is pinned on 10 June 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from db import events
from db.case_models import PetitionCase
from db.engine import Database
from db.event_kinds import EventKind
from db.models import User
from hall import case_views, cases, users
from hall.errors import IllegalTransition, InvalidInput, PermissionDenied
from hall.mechanisms import disputes, leading
from hall.mechanisms.leading import CASE, ENTRY
from tests.hall.mechanisms.helpers import entry, prepare
from tests.hall.test_cases import letter

EARLIER = dt.datetime(2026, 6, 1, 10)


def person(database: Database, login: str, roles: list[str], windows: tuple[str, ...] = ()) -> User:
    with database.write() as s:
        return users.add_user(s, login, login, "secret1", roles, windows)


def name_leader(database: Database, case_id: int, leader: str, actor: User) -> None:
    with database.write() as s:
        leading.set_case_leader(s, case_id, leader, actor)


def test_a_case_s_leader_is_one_of_the_register_s_leaders_named_by_leaders_and_admins(
    hall_db: Database,
) -> None:
    prepare(hall_db)
    case_id = letter(hall_db, dt.date(2026, 6, 8))
    leader = person(hall_db, "lingdao", [users.LEADER])
    admin = person(hall_db, "guanli", [users.ADMIN])
    officer = person(hall_db, "banxin", [users.OFFICER], ("letters",))

    with pytest.raises(InvalidInput, match="不在领导名单") as raised, hall_db.write() as s:
        leading.set_case_leader(s, case_id, "赵六", leader)
    assert raised.value.field == "leader"
    with pytest.raises(PermissionDenied, match="只有领导和系统管理员"), hall_db.write() as s:
        leading.set_case_leader(s, case_id, "王建国", officer)

    name_leader(hall_db, case_id, " 王建国 ", leader)
    name_leader(hall_db, case_id, "王建国", leader)  # the same leader again: nothing changes
    name_leader(hall_db, case_id, "李红", admin)
    with hall_db.read() as s:
        assert s.get_one(PetitionCase, case_id).leader == "李红"
        shown = cases.read_case(s, case_id, None)
        assert shown.leader == "李红"
        assert [r.leader for r in cases.list_cases(s, dt.date(2026, 6, 10))] == ["李红"]
        named = [
            (e.kind, e.actor_id, e.payload["leader"], e.payload["before"])
            for e in events.for_entity(s, "case", case_id)
            if e.kind == EventKind.CASE_LEADER_SET
        ]
    assert named == [
        (EventKind.CASE_LEADER_SET, leader.id, "王建国", ""),
        (EventKind.CASE_LEADER_SET, admin.id, "李红", "王建国"),
    ]
    name_leader(hall_db, case_id, "", leader)  # "" removes the leader
    with hall_db.read() as s:
        assert s.get_one(PetitionCase, case_id).leader == ""


def test_a_case_no_longer_open_gets_no_leader(hall_db: Database) -> None:
    prepare(hall_db)
    case_id = letter(hall_db, dt.date(2026, 6, 8))
    leader = person(hall_db, "lingdao", [users.LEADER])
    with hall_db.write() as s:
        cases.reject(s, case_id, "向人民法院提起诉讼", "属于法院受理范围")
    with pytest.raises(IllegalTransition, match="不能再指定包案领导"), hall_db.write() as s:
        leading.set_case_leader(s, case_id, "王建国", leader)
    with hall_db.read() as s:
        assert s.get_one(PetitionCase, case_id).leader == ""


def test_a_leader_s_home_lists_his_open_cases_with_his_entries_nearest_deadline_first(
    hall_db: Database,
) -> None:
    _, unit = prepare(hall_db)
    leader = person(hall_db, "lingdao", [users.LEADER])
    late = letter(hall_db, dt.date(2026, 5, 6), summary="供暖")  # its 15 days are past
    fresh = letter(hall_db, dt.date(2026, 6, 8), summary="拆迁")
    someone_else_s = letter(hall_db, dt.date(2026, 6, 1), summary="修路")
    rejected = letter(hall_db, dt.date(2026, 6, 2), summary="退休金")
    for case_id, name in ((late, "王建国"), (fresh, "王建国"), (someone_else_s, "李红")):
        name_leader(hall_db, case_id, name, leader)
    name_leader(hall_db, rejected, "王建国", leader)
    with hall_db.write() as s:
        cases.reject(s, rejected, "向人民法院提起诉讼", "属于法院受理范围")
        for parties, due in (("赵甲、钱乙", dt.date(2026, 6, 5)), ("孙丙", dt.date(2026, 6, 12))):
            dispute = disputes.register(s, entry(parties=parties), "window", now=EARLIER)
            assignment = disputes.Assignment("王建国", unit, "刘稳", due)
            disputes.assign(s, dispute.id, assignment, now=EARLIER)
    with hall_db.read() as s:
        late_due = s.get_one(PetitionCase, late).watch_due
        fresh_due = s.get_one(PetitionCase, fresh).watch_due
        rows = leading.led_home(s, "王建国", dt.date(2026, 6, 10))
        assert leading.led_home(s, "刘书记", dt.date(2026, 6, 10)) is None
    assert late_due is not None and late_due < dt.date(2026, 6, 5)
    assert fresh_due is not None and fresh_due > dt.date(2026, 6, 12)
    assert rows is not None
    assert [(r.kind, r.parties, r.due_on, r.overdue) for r in rows] == [
        (CASE, "张三", late_due, True),
        (ENTRY, "赵甲、钱乙", dt.date(2026, 6, 5), True),
        (ENTRY, "孙丙", dt.date(2026, 6, 12), False),
        (CASE, "张三", fresh_due, False),
    ]
    assert rows[0].id == late and rows[3].id == fresh
    assert rows[0].standing == "已登记待受理" and rows[1].standing == "一般"
    assert rows[1].place == "千秋镇北村" and rows[1].unit == "千秋镇政府"


def test_an_opened_case_offers_the_leaders_only_to_those_who_may_name_one(
    hall_db: Database,
) -> None:
    prepare(hall_db)
    plain = letter(hall_db, dt.date(2026, 6, 8))
    accusation = letter(hall_db, dt.date(2026, 6, 8), purpose="report", summary="举报")
    leader = person(hall_db, "lingdao", [users.LEADER])
    admin = person(hall_db, "guanli", [users.ADMIN])
    officer = person(hall_db, "banxin", [users.OFFICER], ("letters",))
    with hall_db.write() as s:
        assert case_views.open_case(s, plain, leader).leaders == ["李红", "王建国"]
        assert case_views.open_case(s, plain, admin).leaders == ["李红", "王建国"]
        assert case_views.open_case(s, plain, officer).leaders == []
        # The administrator may not read an accusation, so is not offered to lead it.
        assert case_views.open_case(s, accusation, admin).leaders == []
        assert case_views.open_case(s, accusation, leader).leaders == ["李红", "王建国"]
    # Nor may the administrator name one another way than the screen.
    with pytest.raises(PermissionDenied, match="无权查阅"), hall_db.write() as s:
        leading.set_case_leader(s, accusation, "王建国", admin)
    name_leader(hall_db, accusation, "王建国", leader)
    with hall_db.write() as s:
        cases.reject(s, plain, "向人民法院提起诉讼", "属于法院受理范围")
        assert case_views.open_case(s, plain, leader).leaders == []
