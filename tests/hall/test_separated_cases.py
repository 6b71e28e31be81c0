"""A formal case the letters desk separates from petitions (诉访分离) reaches the court on both
databases, whether it was opened from a visit or from a letter (which has no visit): the
clerk's inbox, the court file, a return and a second hand-off, and every refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db import counters, events
from db.case_models import COURT_HANDOFF_PENDING, SEPARATED, PetitionCase
from db.court_models import ACCEPTED, HANDED, PETITION_HANDED, RETURNED, VISIT_HANDED, CourtHandoff
from db.engine import Database
from db.models import Visit
from hall import cases, court, letters, users
from hall.errors import IllegalTransition, PermissionDenied
from tests.hall.court_helpers import T0, accept, add_people, brief, new_visit

LATER = T0 + dt.timedelta(days=1)


@pytest.fixture
def hall(hall_db: Database) -> Database:
    add_people(hall_db)
    return hall_db


def letter_case(
    db: Database,
    *,
    purpose: str = "request",
    summary: str = "要求撤销民事判决",
    request: str = "要求法院重新审理借款纠纷",
    separate: bool = True,
) -> int:
    """A letter registered as a case (litigation-related) and, unless told otherwise,
    separated from petitions the next day; returns the case id."""
    with db.write() as s:
        case = letters.register_letter(
            s,
            letters.LetterRegistration(
                sender_name="赵来信",
                sender_phone="13900139000",
                sender_address="千秋路街道红旗社区幸福路 9 号",
                received_on=T0.date(),
                summary=summary,
                request=request,
                facts="2024 年借款纠纷一审判决后未上诉。",
                purpose=purpose,
                litigation=True,
            ),
            users.by_login(s, "banxin"),
            now=T0,
            new_matter=True,
        )
        case_id = case.id
    if separate:
        with db.write() as s:
            cases.separate(s, case_id, "属于民事诉讼", users.by_login(s, "banxin"), now=LATER)
    return case_id


def hand_case(db: Database, case_id: int, login: str = "banxin") -> int:
    with db.write() as s:
        return court.hand_off_case(s, case_id, brief("赵来信"), users.by_login(s, login), LATER).id


def case_events(db: Database, case_id: int) -> list[tuple[str, dict[str, object]]]:
    with db.read() as s:
        return [(e.kind, e.payload) for e in events.for_entity(s, "case", case_id)]


def test_a_letter_case_reaches_the_clerks_inbox_as_a_letter_in_the_register(
    hall: Database,
) -> None:
    case_id = letter_case(hall)
    handoff_id = hand_case(hall, case_id)

    with hall.read() as s:
        case = s.get_one(PetitionCase, case_id)
        handoff = s.get_one(CourtHandoff, handoff_id)
        visit = s.get_one(Visit, handoff.visit_id)
        assert (case.state, case.court_handoff, case.visit_id) == (
            SEPARATED,
            PETITION_HANDED,
            visit.id,
        )
        # The letter, entered in the register of visits as a letter from its sender.
        assert (visit.channel, visit.visitor_id, visit.status) == (
            "letter",
            case.visitor_id,
            VISIT_HANDED,
        )
        assert visit.code == "V202603030001" and visit.litigation
        assert (visit.summary, visit.request) == ("要求撤销民事判决", "要求法院重新审理借款纠纷")
        assert (handoff.number, handoff.state, handoff.window.code) == (
            "移交〔2026〕0001号",
            HANDED,
            "letters",
        )
        clerk = users.by_login(s, "shuji")
        inbox = court.inbox(s, clerk)
    assert [(h.number, h.visit_code, h.officer, h.window_name) for h in inbox] == [
        ("移交〔2026〕0001号", "V202603030001", "冯芳", "办信办案")
    ]
    assert case_events(hall, case_id)[-1] == (
        "case.handed_to_court",
        {"number": case.number, "state": SEPARATED, "handoff_number": "移交〔2026〕0001号"},
    )

    court_case_id = accept(hall, handoff_id, now=LATER)
    with hall.write() as s:
        seen = court.handed_visit(s, handoff_id, users.by_login(s, "shuji"), now=LATER)
        status = court.case_court_status(s, case_id)
    assert court_case_id > 0
    assert (seen.channel, seen.visitor_name, seen.phone) == ("来信", "赵来信", "13900139000")
    assert seen.facts == "2024 年借款纠纷一审判决后未上诉。"
    assert status is not None and status.handoff_state == ACCEPTED
    assert status.line == "移交〔2026〕0001号，已接收，接访阶段"


def test_a_returned_letter_case_is_handed_again_from_the_same_record(hall: Database) -> None:
    case_id = letter_case(hall)
    first = hand_case(hall, case_id)
    with hall.write() as s:
        court.return_handoff(s, first, "请补充一审判决书", users.by_login(s, "shuji"), now=LATER)
    with hall.read() as s:
        assert s.get_one(PetitionCase, case_id).court_handoff == COURT_HANDOFF_PENDING
        status = court.case_court_status(s, case_id)
    assert status is not None and status.handoff_state == RETURNED
    assert status.line == "移交〔2026〕0001号 法庭已退回：请补充一审判决书"
    assert case_events(hall, case_id)[-1][0] == "case.court_returned"

    second = hand_case(hall, case_id)
    with hall.read() as s:
        handoffs = s.scalars(select(CourtHandoff).order_by(CourtHandoff.id)).all()
        assert [h.id for h in handoffs] == [first, second]
        assert handoffs[0].visit_id == handoffs[1].visit_id
        assert s.scalar(select(func.count()).select_from(Visit)) == 1
        assert s.get_one(PetitionCase, case_id).court_handoff == PETITION_HANDED


def test_a_case_opened_from_a_visit_hands_that_visit_over(hall: Database) -> None:
    visit_id = new_visit(hall, window="letters")
    with hall.write() as s:
        case_id = cases.open_from_visit(s, visit_id, users.by_login(s, "banxin"), now=T0).id
        s.get_one(PetitionCase, case_id).litigation = True
    with hall.write() as s:
        cases.separate(s, case_id, "", users.by_login(s, "banxin"), now=LATER)
    handoff_id = hand_case(hall, case_id)
    with hall.read() as s:
        handoff = s.get_one(CourtHandoff, handoff_id)
        assert handoff.visit_id == visit_id
        assert s.get_one(Visit, visit_id).status == VISIT_HANDED
        assert s.scalar(select(func.count()).select_from(Visit)) == 1


def test_a_case_not_separated_or_already_handed_is_refused(hall: Database) -> None:
    waiting = letter_case(hall, separate=False)
    with pytest.raises(IllegalTransition) as error:
        hand_case(hall, waiting)
    assert "没有作诉访分离处理，不能移交法庭" in str(error.value)

    handed = letter_case(hall)
    hand_case(hall, handed)
    with pytest.raises(IllegalTransition) as again:
        hand_case(hall, handed)
    assert "已经移交法庭，不能重复移交" in str(again.value)
    with hall.read() as s:
        assert s.scalar(select(func.count()).select_from(CourtHandoff)) == 1
        assert s.scalar(select(func.count()).select_from(Visit)) == 1


def test_only_the_letters_desk_or_an_admin_hands_a_case_over(hall: Database) -> None:
    case_id = letter_case(hall)
    for login in ("falv", "lingdao", "shuji"):
        with pytest.raises(PermissionDenied) as error:
            hand_case(hall, case_id, login=login)
        assert "不是办信办案窗口的工作人员" in str(error.value)
    with hall.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
    hand_case(hall, case_id, login="admin")


def test_an_incomplete_brief_writes_nothing(hall: Database) -> None:
    case_id = letter_case(hall)
    with pytest.raises(court.InvalidForm) as error, hall.write() as s:
        court.hand_off_case(
            s,
            case_id,
            court.HandoffBrief(party="赵来信", other_party="", claim=" "),
            users.by_login(s, "banxin"),
            LATER,
        )
    assert str(error.value) == "移交信息不完整：请填写对方当事人、诉求简要。"
    with hall.read() as s:
        case = s.get_one(PetitionCase, case_id)
        assert (case.court_handoff, case.visit_id) == (COURT_HANDOFF_PENDING, None)
        assert s.scalar(select(func.count()).select_from(Visit)) == 0
        assert counters.current_value(s, "court_handoff:2026") == 0


def test_the_brief_of_a_case_starts_from_it_but_never_copies_an_accusation(
    hall: Database,
) -> None:
    ordinary = letter_case(hall)
    report = letter_case(hall, purpose="report", request="举报某局干部")
    with hall.read() as s:
        assert court.brief_for_case(s, ordinary) == court.HandoffBrief(
            party="赵来信", other_party="", claim="要求法院重新审理借款纠纷"
        )
        assert court.brief_for_case(s, report).claim == ""


def test_a_case_whose_visit_is_already_with_the_court_follows_that_hand_off(
    hall: Database,
) -> None:
    visit_id = new_visit(hall, window="letters")
    with hall.write() as s:
        case_id = cases.open_from_visit(s, visit_id, users.by_login(s, "banxin"), now=T0).id
        s.get_one(PetitionCase, case_id).litigation = True
    # The window hands the visitor over at the counter before the case is separated.
    with hall.write() as s:
        first = court.hand_off_to_court(s, visit_id, brief(), users.by_login(s, "banxin"), T0)
        first_id, first_number = first.id, first.number
    with hall.write() as s:
        cases.separate(s, case_id, "", users.by_login(s, "banxin"), now=LATER)
    assert hand_case(hall, case_id) == first_id
    with hall.read() as s:
        assert s.get_one(PetitionCase, case_id).court_handoff == PETITION_HANDED
        assert s.scalar(select(func.count()).select_from(CourtHandoff)) == 1
    assert case_events(hall, case_id)[-1][1]["handoff_number"] == first_number
