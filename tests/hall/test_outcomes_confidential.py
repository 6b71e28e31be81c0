"""An accusation stays with those allowed to read it, at the rules' level, on both databases:
the counter, the visitor's history, the records' search, list and export, an opened record
and the follow-up list; every opening of one is logged."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.engine import Database
from db.models import Event
from db.window_models import CASE, EXPLAINED
from hall import followup, outcomes
from tests.hall.window_helpers import T0, person, serving, setup_hall, unit_id

ACCUSATION = "城建局某副局长收受开发商红包二万元"
ACCUSED = "城建局某副局长"
ALICE = "11010519491231002X"
LATER = T0 + dt.timedelta(minutes=10)


@pytest.fixture
def hall(db: Database) -> Database:
    """An accusation recorded at the supervision window, with a follow-up, and the accuser's
    later, ordinary visit to the legal window."""
    setup_hall(db)
    ticket_id = serving(
        db, "supervision", "郭玉兰", id_number=ALICE, purpose="report", summary=ACCUSATION
    )
    with db.write() as s:
        outcomes.finish(
            s,
            ticket_id,
            outcomes.Outcome(
                CASE,
                outcomes.ComplaintEntry(
                    kind="conduct",
                    unit_id=unit_id(db, "市住房和城乡建设局"),
                    person=ACCUSED,
                    content=f"{ACCUSATION}，有转账记录",
                ),
                notes=f"来访人称{ACCUSED}多次索要好处",
                follow_up_on=dt.date(2026, 3, 9),
                follow_up_subject=f"核实{ACCUSED}问题的调查进展",
            ),
            actor=person(db, "jiancha"),
            now=LATER,
        )
    serving(db, "legal", "郭玉兰", id_number=ALICE, summary="咨询遗产继承", at=LATER)
    return db


def leaks(text: str) -> bool:
    return ACCUSATION in text or ACCUSED in text


def access_log(db: Database) -> list[tuple[str, int | None, str]]:
    with db.read() as s:
        return [
            (e.kind, e.actor_id, str(e.payload["via"]))
            for e in s.scalars(
                select(Event).where(Event.entity == "visit", Event.kind.like("visit.view%"))
            )
        ]


def test_an_officer_without_the_right_sees_it_nowhere(hall: Database) -> None:
    legal = person(hall, "falv")
    with hall.write() as s:
        rows = outcomes.search_records(s, outcomes.RecordFilter(), legal)
        assert [(r.window_name, r.visitor_name, r.summary) for r in rows] == [
            ("效能监察", "郭**", "（检举控告件，内容保密）")
        ]
        # Words of the accusation find nothing for those who may not read it.
        for words in ("红包", "副局长", "郭玉兰", "索要"):
            found = outcomes.search_records(s, outcomes.RecordFilter(text=words), legal)
            assert found == [], words
        assert not leaks(outcomes.export_records(s, outcomes.RecordFilter(), legal))
        detail = outcomes.read_record(s, rows[0].id, legal, now=LATER)
        assert detail.withheld and not any(leaks(text) for _label, text in detail.lines)
        assert dict(detail.lines)["来访人"] == "郭**"
        # The accuser's later visit at the legal counter: the history withholds the earlier one.
        visits = s.scalars(select(Event.entity_id).where(Event.kind == "visit.registered")).all()
        card = outcomes.open_visit(s, visits[-1], legal, now=LATER)
        assert not card.withheld and card.summary == "咨询遗产继承"
        [earlier] = card.history
        assert earlier.withheld and earlier.summary == "（检举控告件，内容保密）"
        assert not leaks(repr(card))
        # Opening the accusation itself at the counter withholds it too.
        first = outcomes.open_visit(s, visits[0], legal, now=LATER)
        assert first.withheld and not leaks(repr(first)) and first.phone == ""
        assert followup.due(s, "supervision", dt.date(2026, 3, 9), legal)[0].withheld
    assert access_log(hall) == [
        ("visit.view_withheld", legal.id, "records"),
        ("visit.view_withheld", legal.id, "history"),
        ("visit.view_withheld", legal.id, "counter"),
    ]


def test_those_allowed_see_it_and_each_view_is_logged(hall: Database) -> None:
    supervisor = person(hall, "jiancha")
    leader = person(hall, "lingdao")
    with hall.write() as s:
        rows = outcomes.search_records(s, outcomes.RecordFilter(text="红包"), supervisor)
        # Found by its words, but lists still never carry it.
        assert [r.summary for r in rows] == ["（检举控告件，内容保密）"]
        assert not leaks(outcomes.export_records(s, outcomes.RecordFilter(), supervisor))
        detail = outcomes.read_record(s, rows[0].id, supervisor, now=LATER)
        lines = dict(detail.lines)
        assert lines["反映内容"].startswith(ACCUSATION) and lines["被反映人员"] == ACCUSED
        assert lines["来访人"] == "郭玉兰"
        visit_id = s.scalars(
            select(Event.entity_id).where(Event.kind == "visit.registered")
        ).first()
        assert visit_id is not None
        card = outcomes.open_visit(s, visit_id, leader, now=LATER)
        assert card.summary == ACCUSATION and not card.withheld
        [row] = followup.due(s, "supervision", dt.date(2026, 3, 9), supervisor)
        assert row.subject == f"核实{ACCUSED}问题的调查进展"
    assert access_log(hall) == [
        ("visit.viewed", supervisor.id, "records"),
        ("visit.viewed", leader.id, "counter"),
    ]


def test_event_payloads_never_carry_it(hall: Database) -> None:
    with hall.read() as s:
        payloads = [repr(e.payload) for e in s.scalars(select(Event))]
    assert payloads and not any(leaks(p) for p in payloads)


def test_a_complaint_makes_the_whole_visit_confidential(hall: Database) -> None:
    """A complaint about an official recorded on an ordinary visit (not filed as an
    accusation) is confidential like one, and so is what was recorded before it."""
    ticket_id = serving(hall, "supervision", "马志强", summary="反映窗口工作人员态度差")
    with hall.write() as s:
        outcomes.finish(
            s,
            ticket_id,
            outcomes.Outcome(
                EXPLAINED,
                outcomes.ComplaintEntry(kind="conduct", person="某窗口工作人员", content="态度差"),
                follow_up_on=dt.date(2026, 3, 9),
                follow_up_subject="回访处理结果",
            ),
            actor=person(hall, "jiancha"),
            now=LATER,
        )
    legal = person(hall, "falv")
    with hall.write() as s:
        found = outcomes.search_records(s, outcomes.RecordFilter(text="态度差"), legal)
        assert found == []
        rows = outcomes.search_records(
            s, outcomes.RecordFilter(window_code="supervision", outcome=EXPLAINED), legal
        )
        assert [r.summary for r in rows] == ["（检举控告件，内容保密）"]
    with hall.read() as s:
        due = followup.due(s, "supervision", dt.date(2026, 3, 9), legal)
        assert [r.withheld for r in due] == [True, True]
