"""Registration beyond the basics: groups and representatives, other documents, proxies."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.models import Ticket, Visit, Visitor
from hall import reception
from hall.errors import InvalidInput
from hall.receipt_data import receipt_for

T0 = dt.datetime(2026, 11, 23, 9, 0)


def reps(n: int) -> list[reception.Representative]:
    return [reception.Representative(f"代表{i}") for i in range(1, n + 1)]


def fields(problems: list[InvalidInput]) -> list[str | None]:
    return [p.field for p in problems]


def test_a_sixth_representative_is_refused_with_the_rule() -> None:
    problems = reception.validate(
        reception.Registration(
            "张三", "legal", group_size=30, representatives=reps(6), summary="来访咨询"
        )
    )
    assert fields(problems) == ["representatives"]
    assert "不超过 5 人" in problems[0].message and "《信访工作条例》" in problems[0].message
    assert (
        reception.validate(
            reception.Registration(
                "张三", "legal", group_size=30, representatives=reps(5), summary="来访咨询"
            )
        )
        == []
    )


def test_a_large_group_must_name_representatives() -> None:
    problems = reception.validate(
        reception.Registration("张三", "legal", group_size=8, summary="来访咨询")
    )
    assert fields(problems) == ["representatives"]
    assert (
        reception.validate(
            reception.Registration("张三", "legal", group_size=5, summary="来访咨询")
        )
        == []
    )


def test_representatives_are_checked_one_by_one() -> None:
    bad = [
        reception.Representative("甲", id_number="11010519491231003X"),
        reception.Representative(""),
        reception.Representative("丙", phone="12345"),
    ]
    problems = reception.validate(
        reception.Registration(
            "张三", "legal", group_size=10, representatives=bad, summary="来访咨询"
        )
    )
    messages = [p.message for p in problems]
    assert any(m.startswith("第 1 名代表：") and "校验位" in m for m in messages)
    assert "第 2 名代表的姓名未填写。" in messages
    assert any(m.startswith("第 3 名代表：") for m in messages)


def test_proxy_needs_the_proxys_name() -> None:
    problems = reception.validate(
        reception.Registration("张三", "legal", channel="proxy", summary="来访咨询")
    )
    assert fields(problems) == ["proxy_name"]


def test_other_documents_are_checked_for_shape_only() -> None:
    ok = reception.Registration(
        "Anna", "legal", id_type="passport", id_number="E12345678", summary="来访咨询"
    )
    assert reception.validate(ok) == []
    bad = reception.Registration(
        "Anna", "legal", id_type="passport", id_number="#?", summary="来访咨询"
    )
    assert fields(reception.validate(bad)) == ["id_number"]


def test_group_visit_is_one_visit_with_its_representatives(hall_db: Database) -> None:
    reg = reception.Registration(
        "王五",
        "talk",
        group_size=12,
        representatives=reps(3),
        township="新区街道",
        village="杨村",
        request="要求解决拆迁安置",
        summary="来访咨询",
    )
    with hall_db.write() as s:
        ticket = reception.register(s, reg, now=T0)
        visit_id, ticket_id = ticket.visit_id, ticket.id
    with hall_db.read() as s:
        visit = s.get_one(Visit, visit_id)
        assert [r.name for r in visit.representatives] == ["代表1", "代表2", "代表3"]
        assert visit.group_size == 12 and visit.request == "要求解决拆迁安置"
        assert visit.visitor.township == "新区街道" and visit.visitor.name_initials == "ww"
        assert len(visit.query_code) == 8
        # The receipt, and a reprint from the look-up, say how many came and who speaks.
        receipt = receipt_for(s, s.get_one(Ticket, ticket_id))
        assert (receipt.group_size, receipt.representatives) == (12, 3)
        assert ("来访人数", "12 人") in receipt.details


def test_a_refused_registration_writes_nothing(hall_db: Database) -> None:
    reg = reception.Registration(
        "王五", "talk", group_size=12, representatives=reps(6), summary="来访咨询"
    )
    with pytest.raises(InvalidInput), hall_db.write() as s:
        reception.register(s, reg, now=T0)
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visitor)) == 0
        assert s.scalar(select(func.count()).select_from(Visit)) == 0


def test_gender_and_birth_date_come_from_the_id_number(hall_db: Database) -> None:
    reg = reception.Registration(
        "张三丰", "legal", id_number="11010519491231002x", gender="男", summary="来访咨询"
    )
    with hall_db.write() as s:
        visit_id = reception.register(s, reg, now=T0).visit_id
    with hall_db.read() as s:
        visitor = s.get_one(Visit, visit_id).visitor
    assert visitor.id_number == "11010519491231002X"
    assert visitor.gender == "女"  # the ID number says so, whatever was picked
    assert visitor.birth_date == dt.date(1949, 12, 31)
