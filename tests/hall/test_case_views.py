"""The formal cases' screens' units of work, on both databases: a case opened with its timeline
named by who acted, a document refused or issued, a repeated letter answered with its open
matters and nothing written, and a year of the holiday calendar."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.case_models import CaseDocument, PetitionCase
from db.engine import Database
from db.models import User, Visitor
from hall import case_views, cases, clock, users
from hall.errors import IllegalTransition
from hall.letters import LetterRegistration

SENDER_ID = "41128119900202002X"


def officer(database: Database) -> User:
    with database.write() as s:
        return users.add_user(s, "xin", "辛办信", "secret1", [users.OFFICER], ["letters"])


def letter(**changes: object) -> LetterRegistration:
    fields: dict[str, object] = {
        "sender_name": "李秀英",
        "sender_id_number": SENDER_ID,
        "received_on": clock.now().date(),
        "summary": "对土地确权结果不服",
    }
    fields.update(changes)
    return LetterRegistration(**fields)  # type: ignore[arg-type]


def test_an_opened_case_names_who_acted_and_lists_its_documents(hall_db: Database) -> None:
    user = officer(hall_db)
    with hall_db.write() as s:
        outcome = case_views.register_letter(s, letter(), user)
        assert outcome.case_id is not None
        case_id = outcome.case_id
        cases.accept(s, case_id, actor=user)
    with hall_db.write() as s, pytest.raises(IllegalTransition, match="不能出具延期告知书"):
        case_views.issue_notice(s, case_id, "extension", user)
    with hall_db.write() as s:
        document_id = case_views.issue_notice(s, case_id, "acceptance", user)
    with hall_db.write() as s:
        opened = case_views.open_case(s, case_id, user)
    assert opened.view.number == outcome.number and opened.view.state == "handling"
    assert [(e.kind, e.actor) for e in opened.timeline] == [
        ("case.registered", "辛办信"),
        ("case.accepted", "辛办信"),
    ]
    assert [(d.id, d.kind) for d in opened.documents] == [(document_id, "acceptance")]
    with hall_db.read() as s:
        pdf = s.get_one(CaseDocument, document_id).pdf
    assert pdf.startswith(b"%PDF-") and opened.court is None


def test_a_letter_on_an_open_matter_is_answered_with_it_and_writes_nothing(
    hall_db: Database,
) -> None:
    user = officer(hall_db)
    with hall_db.write() as s:
        first = case_views.register_letter(s, letter(), user)
    with hall_db.write() as s:
        again = case_views.register_letter(s, letter(sender_phone="13903981234"), user)
    assert again.case_id is None and "不要重复登记" in again.refusal
    assert [m.case_id for m in again.matters] == [first.case_id]
    with hall_db.read() as s:
        assert s.scalar(select(func.count()).select_from(PetitionCase)) == 1
        # The refused letter's phone number did not reach the sender's record.
        assert s.scalar(select(Visitor.phone)) == ""

    with hall_db.write() as s:
        linked = case_views.link_letter(s, again.matters[0].case_id, letter(), user)
        assert case_views.letter_outcome(s, linked.case_id or 0) == linked
    assert linked.case_id == first.case_id and linked.number == first.number

    with hall_db.write() as s:
        new = case_views.register_letter(s, letter(), user, new_matter=True)
    assert new.case_id not in (None, first.case_id)


def test_a_year_of_the_calendar_with_its_warning(hall_db: Database) -> None:
    today = clock.now().date()
    with hall_db.read() as s:
        shown = case_views.calendar_year(s, 2026, today)
        warning = cases.calendar_warning(s, today)
    assert shown.year == 2026 and shown.warning == warning
    assert dt.date(2026, 10, 1) in {d.day for d in shown.days}
    assert shown.confirmed
