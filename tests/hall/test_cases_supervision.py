"""Supervision on both databases: overdue and stalled lists, alert counts, orders with their
replies and escalation, and the units' records."""

from __future__ import annotations

import datetime as dt

import pytest

from db.case_models import ORDER_ESCALATED, ORDER_OPEN, ORDER_REPLIED
from db.engine import Database
from db.models import User
from hall import cases, supervision, users
from hall.deadlines import ALERT_LEVELS, Alert
from hall.errors import IllegalTransition, InvalidInput
from tests.hall.test_cases import act, at, get, letter

D = dt.date


@pytest.fixture
def units(hall_db: Database) -> dict[str, int]:
    with hall_db.write() as s:
        return {
            "land": cases.add_unit(s, "义马市自然资源局", "市直部门").id,
            "civil": cases.add_unit(s, "义马市民政局", "市直部门").id,
            "street": cases.add_unit(s, "千秋路街道办事处", "乡镇街道").id,
        }


@pytest.fixture
def officer(hall_db: Database) -> User:
    with hall_db.write() as s:
        return users.add_user(s, "banxin", "冯芳", "secret1", [users.OFFICER], ["letters"])


def assigned(db: Database, unit: int, on: dt.date, due: dt.date, received: dt.date) -> int:
    case_id = letter(db, received)
    act(db, cases.assign, case_id, on, unit, due)
    return case_id


def test_overdue_list_longest_first_in_pages(hall_db: Database, units: dict[str, int]) -> None:
    newest = letter(hall_db, D(2026, 3, 9))  # decision due 24 March
    oldest = letter(hall_db, D(2026, 3, 2))  # due 17 March
    handled = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 3, 20), D(2026, 3, 3))
    fresh = letter(hall_db, D(2026, 3, 20))  # due 4 April
    on = D(2026, 3, 25)
    with hall_db.read() as s:
        everything = supervision.overdue(s, on)
        first_page = supervision.overdue(s, on, limit=2)
        second_page = supervision.overdue(s, on, limit=2, offset=2)
        total = supervision.count_overdue(s, on)
    assert [r.id for r in everything] == [oldest, handled, newest]
    assert [r.id for r in first_page + second_page] == [oldest, handled, newest]
    assert total == 3 and fresh not in {r.id for r in everything}
    assert [r.days_overdue for r in everything] == [8, 5, 1]
    assert everything[1].reasons == ["逾期未办结（期限2026年3月20日）"]
    assert everything[0].reasons == ["逾期未作出受理决定（期限2026年3月17日）"]


def test_alert_counts_agree_with_each_cases_own_alert(
    hall_db: Database, units: dict[str, int], officer: User
) -> None:
    for received in (D(2026, 3, 2), D(2026, 3, 5), D(2026, 3, 8), D(2026, 3, 11), D(2026, 3, 14)):
        letter(hall_db, received)
    mine = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.accept, mine, D(2026, 3, 2), actor=officer)
    also_mine = letter(hall_db, D(2026, 3, 9))
    act(
        hall_db,
        cases.assign,
        also_mine,
        D(2026, 3, 10),
        units["land"],
        D(2026, 3, 25),
        actor=officer,
    )

    def tally(rows: list[cases.CaseRow]) -> dict[Alert, int]:
        expected = {level: 0 for level in (*ALERT_LEVELS, Alert.OVERDUE)}
        for row in rows:
            if row.alert:
                expected[Alert(row.alert)] += 1
        return expected

    for on in (D(2026, 3, 12), D(2026, 3, 17), D(2026, 3, 18), D(2026, 3, 26), D(2026, 4, 20)):
        with hall_db.read() as s:
            counts = supervision.alert_counts(s, on)
            own_counts = supervision.alert_counts(s, on, officer_id=officer.id)
            every = cases.list_cases(s, on)
            by_level = {
                level: {r.id for r in supervision.alerts(s, on, at_least=level)}
                for level in (*ALERT_LEVELS, Alert.OVERDUE)
            }
        assert counts == tally(every), on
        assert own_counts == tally([r for r in every if r.officer == "冯芳"]), on
        for level, ids in by_level.items():
            assert ids == {r.id for r in every if r.alert >= level}, (on, level)
    with hall_db.read() as s:
        own = supervision.alert_counts(s, D(2026, 4, 20), officer_id=officer.id)
        own_rows = supervision.alerts(s, D(2026, 4, 20), officer_id=officer.id)
    # Accepted 2 March, due 6 May: on 20 April, 49 of 65 days (75 %). The assigned one was
    # due on 25 March.
    assert (own[Alert.THREE_QUARTERS], own[Alert.OVERDUE], sum(own.values())) == (1, 1, 2)
    assert [r.id for r in own_rows] == [also_mine, mine] and own_rows[0].officer == "冯芳"
    with hall_db.read() as s, pytest.raises(InvalidInput):
        supervision.alerts(s, D(2026, 4, 20), at_least=Alert.NONE)


def test_stalled_cases_list_why(hall_db: Database, units: dict[str, int]) -> None:
    unreported = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 3, 31), D(2026, 3, 3))
    act(hall_db, cases.reply, unreported, D(2026, 3, 30), "explain", "已答复")
    unexecuted = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.accept, unexecuted, D(2026, 3, 2))
    act(hall_db, cases.reply, unexecuted, D(2026, 3, 10), "support", "同意发放救助金")
    settled = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 3, 31), D(2026, 3, 3))
    act(hall_db, cases.report_closing, settled, D(2026, 3, 30), "已办结")
    act(hall_db, cases.reply, settled, D(2026, 3, 30), "explain", "已答复")
    with hall_db.read() as s:
        assert supervision.needing_supervision(s, D(2026, 3, 31)) == []
        rows = supervision.needing_supervision(s, D(2026, 4, 10))
        count = supervision.count_needing_supervision(s, D(2026, 4, 10))
    assert [(r.id, r.reasons) for r in rows] == [
        (unreported, ["承办单位逾期未报送办结报告（期限2026年3月31日）"]),
        (unexecuted, ["“予以支持”的处理意见逾期未落实（期限2026年4月9日）"]),
    ]
    assert count == 2


def test_a_supervision_order_is_numbered_replied_and_its_reply_due_skips_a_holiday(
    hall_db: Database, units: dict[str, int]
) -> None:
    case_id = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 4, 10), D(2026, 3, 3))
    with hall_db.write() as s:
        # 21 April + 10 days is 1 May: the reply is due on 6 May.
        order = supervision.issue_order(s, case_id, "逾期未办结", now=at(D(2026, 4, 21)))
        order_id = order.id
        assert (order.number, order.reply_due, order.level) == (
            "义群督〔2026〕001号",
            D(2026, 5, 6),
            1,
        )
        with pytest.raises(IllegalTransition) as twice:
            supervision.issue_order(s, case_id, "仍未办结", now=at(D(2026, 4, 22)))
        assert "义群督〔2026〕001号" in str(twice.value) and "尚未回复" in str(twice.value)
    with hall_db.write() as s:
        supervision.record_reply(s, order_id, "已召开协调会，五日内办结", now=at(D(2026, 5, 7)))
        with pytest.raises(IllegalTransition):
            supervision.record_reply(s, order_id, "再次回复", now=at(D(2026, 5, 8)))
    with hall_db.read() as s:
        [shown] = supervision.orders_of_case(s, case_id, D(2026, 5, 8))
    assert (shown.state, shown.replied_on, shown.reply_late, shown.overdue) == (
        ORDER_REPLIED,
        D(2026, 5, 7),
        True,
        False,
    )
    assert shown.as_json()["reply_due"] == "2026-05-06"


def test_an_order_needs_a_unit_and_a_reason(hall_db: Database, units: dict[str, int]) -> None:
    case_id = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.accept, case_id, D(2026, 3, 2))
    with hall_db.write() as s:
        with pytest.raises(InvalidInput) as no_unit:
            supervision.issue_order(s, case_id, "逾期", now=at(D(2026, 5, 7)))
        assert no_unit.value.field == "unit"
        with pytest.raises(InvalidInput) as no_reason:
            supervision.issue_order(s, case_id, " ", unit_id=units["civil"])
        assert no_reason.value.field == "reason"
        with pytest.raises(InvalidInput):
            supervision.issue_order(s, case_id, "逾期", unit_id=units["civil"], reply_days=31)
        order = supervision.issue_order(
            s, case_id, "逾期未办结", unit_id=units["civil"], now=at(D(2026, 5, 7))
        )
        assert order.unit.name == "义马市民政局"


def test_escalation_after_an_unanswered_order_up_to_the_top_level(
    hall_db: Database, units: dict[str, int]
) -> None:
    case_id = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 4, 10), D(2026, 3, 3))
    with hall_db.write() as s:
        first = supervision.issue_order(s, case_id, "逾期未办结", now=at(D(2026, 6, 1)))
        first_id = first.id
        with pytest.raises(IllegalTransition) as early:
            supervision.escalate(s, first_id, "仍未回复", now=at(D(2026, 6, 11)))
        assert "尚未届满" in str(early.value)
    with hall_db.write() as s:
        second = supervision.escalate(s, first_id, "逾期未回复督办", now=at(D(2026, 6, 12)))
        second_id = second.id
        assert (second.level, second.number, second.escalated_from_id) == (
            2,
            "义群督〔2026〕002号",
            first_id,
        )
        assert supervision.get_order(s, first_id).state == ORDER_ESCALATED
        with pytest.raises(IllegalTransition) as again:
            supervision.escalate(s, first_id, "再升级", now=at(D(2026, 6, 30)))
        assert "已经升级过" in str(again.value)
    with hall_db.write() as s:
        third = supervision.escalate(s, second_id, "仍未回复", now=at(D(2026, 6, 30)))
        assert third.level == 3
        with pytest.raises(IllegalTransition) as top:
            supervision.escalate(s, third.id, "仍未回复", now=at(D(2026, 8, 1)))
        assert "挂牌督办（最高一级）" in str(top.value)
    with hall_db.read() as s:
        overdue = supervision.overdue_orders(s, D(2026, 8, 1))
    assert [(o.level_name, o.state) for o in overdue] == [("挂牌督办", ORDER_OPEN)]


def test_a_replied_order_escalates_only_while_the_case_is_still_stalled(
    hall_db: Database, units: dict[str, int]
) -> None:
    case_id = assigned(hall_db, units["land"], D(2026, 3, 3), D(2026, 4, 10), D(2026, 3, 3))
    with hall_db.write() as s:
        order_id = supervision.issue_order(s, case_id, "逾期未办结", now=at(D(2026, 4, 13))).id
        supervision.record_reply(s, order_id, "正在办理", now=at(D(2026, 4, 15)))
    act(hall_db, cases.report_closing, case_id, D(2026, 4, 20), "已办结")
    act(hall_db, cases.reply, case_id, D(2026, 4, 20), "explain", "已答复")
    with hall_db.write() as s, pytest.raises(IllegalTransition) as settled:
        supervision.escalate(s, order_id, "复查", now=at(D(2026, 4, 30)))
    assert "无需升级督办" in str(settled.value)

    stuck = assigned(hall_db, units["civil"], D(2026, 3, 3), D(2026, 4, 10), D(2026, 3, 3))
    with hall_db.write() as s:
        stuck_order = supervision.issue_order(s, stuck, "逾期未办结", now=at(D(2026, 4, 13))).id
        supervision.record_reply(s, stuck_order, "正在办理", now=at(D(2026, 4, 15)))
        assert supervision.escalate(s, stuck_order, "回复后仍未办结", now=at(D(2026, 4, 30)))


def test_units_records(hall_db: Database, units: dict[str, int]) -> None:
    land, civil = units["land"], units["civil"]
    on_time = assigned(hall_db, land, D(2026, 3, 3), D(2026, 3, 31), D(2026, 3, 3))
    act(hall_db, cases.report_closing, on_time, D(2026, 3, 31), "已办结")
    late = assigned(hall_db, land, D(2026, 3, 3), D(2026, 3, 31), D(2026, 3, 3))
    act(hall_db, cases.report_closing, late, D(2026, 4, 1), "已办结")
    overdue = assigned(hall_db, land, D(2026, 3, 3), D(2026, 3, 31), D(2026, 3, 3))
    assigned(hall_db, land, D(2026, 3, 3), D(2026, 4, 30), D(2026, 3, 3))
    forwarded = letter(hall_db, D(2026, 3, 3))
    act(hall_db, cases.forward, forwarded, D(2026, 3, 4), civil)
    with hall_db.write() as s:
        supervision.issue_order(s, overdue, "逾期未办结", now=at(D(2026, 4, 2)))
    with hall_db.read() as s:
        records = {r.name: r for r in supervision.unit_records(s, D(2026, 4, 10))}
    land_record = records["义马市自然资源局"]
    assert (
        land_record.assigned,
        land_record.reported,
        land_record.reported_on_time,
        land_record.overdue,
        land_record.orders,
        land_record.orders_open,
    ) == (4, 2, 1, 1, 1, 1)
    assert land_record.on_time_rate == pytest.approx(1 / 3)
    assert records["义马市民政局"].forwarded == 1 and records["义马市民政局"].on_time_rate is None
    assert records["千秋路街道办事处"].assigned == 0
    assert records["义马市自然资源局"].as_json()["on_time_rate"] == pytest.approx(1 / 3)


def test_officers_cases_are_listed_by_state(hall_db: Database, officer: User) -> None:
    mine = letter(hall_db, D(2026, 3, 2))
    act(hall_db, cases.accept, mine, D(2026, 3, 3), actor=officer)
    letter(hall_db, D(2026, 3, 2))
    with hall_db.read() as s:
        handling = cases.list_cases(s, D(2026, 3, 4), state="handling")
        own = cases.list_cases(s, D(2026, 3, 4), officer_id=officer.id)
        assert cases.count_cases(s, "registered") == 1
    assert [r.id for r in handling] == [mine] == [r.id for r in own]
    assert get(hall_db, mine).officer_id == officer.id
