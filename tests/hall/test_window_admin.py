"""What the administrator keeps for the windows, on both databases: the lists, the
responsible units and who may serve which window."""

from __future__ import annotations

import pytest

from db.engine import Database
from db.window_models import AID_KINDS, OPINION_TOPICS, POLICY_TOPICS
from hall import lists, queue, staffing, units, users
from hall.errors import InvalidInput, PermissionDenied
from tests.hall.window_helpers import event_kinds, person, setup_hall


@pytest.fixture
def hall(db: Database) -> Database:
    return setup_hall(db)


def names(db: Database, list_code: str, active_only: bool = True) -> list[str]:
    with db.read() as s:
        return [i.name for i in lists.items(s, list_code, active_only)]


def test_the_lists_are_seeded_once(hall: Database) -> None:
    assert names(hall, AID_KINDS) == list(lists.DEFAULTS[AID_KINDS])
    assert names(hall, OPINION_TOPICS)[-1] == "其他"
    with hall.write() as s:
        lists.add_item(s, POLICY_TOPICS, "义务教育入学")
        lists.seed(s)
    assert names(hall, POLICY_TOPICS)[-1] == "义务教育入学"
    assert len(names(hall, POLICY_TOPICS)) == len(lists.DEFAULTS[POLICY_TOPICS]) + 1


def test_add_rename_retire_and_move(hall: Database) -> None:
    admin = person(hall, "admin")
    with hall.write() as s:
        added = lists.add_item(s, AID_KINDS, " 残疾人两项补贴 ", actor=admin)
        added_id = added.id
    assert names(hall, AID_KINDS)[-1] == "残疾人两项补贴"
    for name, message in (
        ("", "请填写帮扶救助类别名称。"),
        ("医疗救助", "帮扶救助类别中已有“医疗救助”：帮扶救助类别名称不能重复，请换一个名称。"),
    ):
        with hall.write() as s, pytest.raises(InvalidInput) as refused:
            lists.rename_item(s, added_id, name, actor=admin)
        assert str(refused.value) == message
    with hall.write() as s:
        lists.rename_item(s, added_id, "残疾人补贴", actor=admin)
        lists.move_item(s, added_id, -100, actor=admin)
    assert names(hall, AID_KINDS)[0] == "残疾人补贴"
    with hall.write() as s:
        lists.set_item_active(s, added_id, False, actor=admin)
    assert "残疾人补贴" not in names(hall, AID_KINDS)
    assert names(hall, AID_KINDS, active_only=False)[0] == "残疾人补贴"
    assert event_kinds(hall, "list_item") == ["list_item.added"] + ["list_item.changed"] * 3


def test_units_are_edited_and_retired(hall: Database) -> None:
    admin = person(hall, "admin")
    with hall.write() as s:
        civil = next(u for u in units.units(s) if u.name == "市民政局")
        civil_id = civil.id
        units.update_unit(
            s, civil_id, "义马市民政局", units.DEPARTMENT, "社会救助科 王科长 13903980000", admin
        )
        added = units.add_unit(s, "义马市第一中学", units.ENTERPRISE, "校办 0398-5816000", admin)
        added_id = added.id
    with hall.write() as s, pytest.raises(InvalidInput) as refused:
        units.update_unit(s, added_id, "义马市民政局", units.ENTERPRISE, "", admin)
    assert str(refused.value) == "已有名为“义马市民政局”的单位：单位名称不能重复，请换一个名称。"
    with hall.write() as s:
        units.set_unit_active(s, added_id, False, admin)
    with hall.read() as s:
        active = {u.name: u for u in units.units(s)}
        assert "义马市第一中学" not in active
        assert active["义马市民政局"].contact == "社会救助科 王科长 13903980000"
        assert units.legal_aid_offices(s) == ["市公共法律服务中心", "市法律援助中心"]


def test_who_may_serve_which_window(hall: Database) -> None:
    admin = person(hall, "admin")
    officer = person(hall, "falv")
    with hall.write() as s:
        staffing.set_windows(s, officer.id, ["legal", "talk", "legal"], admin)
    with hall.read() as s:
        changed = users.by_login(s, "falv")
        assert users.window_codes(changed) == ["legal", "talk"]
        member = next(m for m in staffing.staff(s) if m.login == "falv")
        assert member.windows == ("legal", "talk") and member.roles == "窗口工作人员"
        assert "lingdao" not in {m.login for m in staffing.staff(s)}
    with hall.write() as s, pytest.raises(InvalidInput) as refused:
        staffing.set_windows(s, person(hall, "lingdao").id, ["talk"], admin)
    assert "不是窗口工作人员或法庭书记员" in str(refused.value)
    with hall.write() as s, pytest.raises(InvalidInput):
        staffing.set_windows(s, officer.id, ["nowhere"], admin)
    with hall.write() as s:
        staffing.set_windows(s, officer.id, ["talk"], admin)
    # The queue follows: the officer no longer serves the legal window.
    with hall.write() as s:
        queue.issue_ticket(s, "legal")
    with hall.write() as s, pytest.raises(PermissionDenied):
        queue.call_next(s, "legal", actor=users.by_login(s, "falv"))
