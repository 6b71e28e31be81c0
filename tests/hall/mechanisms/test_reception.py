"""Leader reception (领导接访): the leader's instruction on a visit registers the matter in the
dispute register and assigns it in one unit of work; an accusation's content stays out."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.engine import Database
from db.mechanism_models import Dispute
from db.models import Visit
from hall import reception as front_desk
from hall.errors import IllegalTransition, InvalidFields, InvalidInput
from hall.mechanisms import disputes, reception
from tests.hall.mechanisms.helpers import prepare

DUE = dt.date(2026, 6, 30)


def _visit(database: Database, purpose: str, township: str = "千秋镇") -> int:
    with database.write() as s:
        front_desk.register(
            s,
            front_desk.Registration(
                name="李秀梅",
                window="talk",
                purpose=purpose,
                township=township,
                summary="对拆迁补偿标准有意见",
                group_size=3,
            ),
        )
        return s.scalars(select(Visit.id).order_by(Visit.id.desc())).first() or 0


def test_an_instruction_on_a_visit_registers_and_assigns_it(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    visit_id = _visit(hall_db, "request")
    with hall_db.write() as s:
        with pytest.raises(InvalidInput) as refused:
            reception.instruct_on_visit(
                s, visit_id, "", disputes.Assignment("王建国", unit, "", DUE)
            )
        assert isinstance(refused.value, InvalidFields)
        assert {p.field for p in refused.value.problems} == {"instruction", "keeper"}
    with hall_db.write() as s:
        assert s.scalar(select(func.count(Dispute.id))) == 0
        dispute = reception.instruct_on_visit(
            s, visit_id, "两周内答复", disputes.Assignment("王建国", unit, "刘稳", DUE)
        )
        assert (dispute.parties, dispute.township, dispute.people) == ("李秀梅", "千秋镇", 3)
        assert (dispute.leader, dispute.due_on, dispute.source) == ("王建国", DUE, "window")
        assert disputes.instruction_of(s, dispute) == "两周内答复"


def test_an_accusation_is_not_put_in_the_register(hall_db: Database) -> None:
    _, unit = prepare(hall_db)
    visit_id = _visit(hall_db, "report")
    with hall_db.write() as s, pytest.raises(IllegalTransition, match="保密"):
        reception.instruct_on_visit(
            s, visit_id, "查实", disputes.Assignment("王建国", unit, "刘稳", DUE)
        )
