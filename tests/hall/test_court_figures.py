"""Court figures for a period, on both databases: a year like the seed hall's report (223 visitors
received, 95 matters handled, 26 closed by mediation) built through the rules and counted back."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy.orm import Session

from db.court_models import (
    BY_DOCUMENT,
    BY_TRANSCRIPT,
    DISMISSED,
    JUDGMENT,
    ORDINARY,
    SIMPLE,
    SMALL_CLAIMS,
    WITHDRAWN,
)
from db.engine import Database
from db.models import User
from hall import court, court_cases, court_figures, queue, reception, users
from hall.errors import InvalidInput
from tests.hall.court_helpers import add_people, brief, registration

YEAR_START = dt.date(2025, 1, 1)
YEAR_END = dt.date(2025, 12, 31)
_names = itertools.count(1)


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def visit(s: Session, window: str, day: dt.date) -> int:
    ticket = reception.register(
        s,
        reception.Registration(name=f"赵{next(_names)}", window=window, summary="借款纠纷"),
        now=at(day),
    )
    assert ticket.visit_id is not None
    return ticket.visit_id


def serve_at_court(s: Session, day: dt.date) -> None:
    """Call and start the court window's next visitor (the one just queued)."""
    called = queue.call_next(s, "court", seat=1, now=at(day, 10))
    assert called is not None
    queue.start(s, called.id, now=at(day, 10))


def handed(s: Session, visit_id: int, officer: User, day: dt.date) -> int:
    return court.hand_off_to_court(s, visit_id, brief(), officer, now=at(day)).id


class Year:
    """The hall's court year, built through the same functions the screens call."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.officer = users.by_login(s, "falv")
        self.clerk = users.by_login(s, "shuji")
        self.handoffs: list[tuple[int, dt.date]] = []

    def day(self, n: int) -> dt.date:
        # Spread over January to October, so every later step still falls in the year.
        return YEAR_START + dt.timedelta(days=1 + n % 300)

    def receive(self) -> None:
        s = self.s
        for n in range(195):
            day = self.day(n)
            self.handoffs.append((handed(s, visit(s, "legal", day), self.officer, day), day))
        # Five came to the court's own window first and were handed over there: counted once.
        for n in range(195, 200):
            day = self.day(n)
            visit_id = visit(s, "court", day)
            serve_at_court(s, day)
            self.handoffs.append((handed(s, visit_id, self.clerk, day), day))
        # Twenty-three more were received at the court's window and answered there; one of
        # them took a ticket at the kiosk without registering a visit.
        for n in range(200, 222):
            day = self.day(n)
            visit(s, "court", day)
            serve_at_court(s, day)
        kiosk_day = self.day(222)
        queue.issue_ticket(s, "court", now=at(kiosk_day))
        serve_at_court(s, kiosk_day)

    def noise(self) -> None:
        """What the year's figures must not count."""
        s = self.s
        before, after = dt.date(2024, 12, 30), dt.date(2026, 1, 5)
        for day in (before, after):
            case = court.accept_handoff(
                s, handed(s, visit(s, "legal", day), self.officer, day), self.clerk, now=at(day)
            )
            court_cases.record_mediation(
                s, case.id, day, "赵法官", "agreed", self.clerk, now=at(day)
            )
            court_cases.close_by_mediation(
                s, case.id, BY_TRANSCRIPT, "当场履行", self.clerk, now=at(day)
            )
        # Served at another window, or called at the court's and never come.
        served_elsewhere = dt.date(2025, 6, 3)
        visit(s, "legal", served_elsewhere)
        called = queue.call_next(s, "legal", seat=1, now=at(served_elsewhere, 10))
        assert called is not None
        queue.start(s, called.id, now=at(served_elsewhere, 10))
        absent = dt.date(2025, 6, 4)
        visit(s, "court", absent)
        called = queue.call_next(s, "court", seat=1, now=at(absent, 10))
        assert called is not None
        queue.mark_no_show(s, called.id, now=at(absent, 11))

    def work(self) -> None:
        s, clerk = self.s, self.clerk
        accepted = self.handoffs[:95]
        for handoff_id, day in self.handoffs[95:195]:
            court.return_handoff(s, handoff_id, "不属于民事纠纷", clerk, now=at(day, 11))
        # The last five hand-offs still wait in the inbox.
        cases = [
            (court.accept_handoff(s, handoff_id, clerk, now=at(day, 11)).id, day)
            for handoff_id, day in accepted
        ]
        tracks = [SMALL_CLAIMS] * 10 + [SIMPLE] * 20 + [ORDINARY] * 10
        registered = cases[:40]
        for (case_id, day), track in zip(registered, tracks, strict=True):
            court_cases.register_case(
                s, case_id, registration(track=track), clerk, now=at(day + dt.timedelta(days=1))
            )

        def agree(case_id: int, day: dt.date) -> dt.datetime:
            later = at(day + dt.timedelta(days=5))
            court_cases.record_mediation(
                s, case_id, later.date(), "赵法官", "agreed", clerk, now=later
            )
            return later

        closing = iter(registered)
        for case_id, day in itertools.islice(closing, 14):
            later = agree(case_id, day)
            court_cases.close_by_mediation(s, case_id, BY_DOCUMENT, "分期还款", clerk, now=later)
        for case_id, day in itertools.islice(closing, 4):
            later = agree(case_id, day)
            court_cases.confirm_agreement(s, case_id, later.date(), "分期还款", clerk, now=later)
        for outcome, count in ((WITHDRAWN, 5), (JUDGMENT, 6), (DISMISSED, 2)):
            for case_id, day in itertools.islice(closing, count):
                court_cases.close_case(
                    s, case_id, outcome, clerk, now=at(day + dt.timedelta(days=9))
                )
        # Nine stay open at the year's end; one of them ends by judgment in the new year.
        case_id, _day = next(closing)
        court_cases.close_case(s, case_id, JUDGMENT, clerk, now=at(dt.date(2026, 1, 8)))
        # Eight were mediated at 接访, the agreement performed on the spot.
        for case_id, day in cases[40:48]:
            later = agree(case_id, day)
            court_cases.close_by_mediation(s, case_id, BY_TRANSCRIPT, "当场还款", clerk, now=later)


@pytest.fixture
def year(hall_db: Database) -> Database:
    add_people(hall_db)
    with hall_db.write() as s:
        built = Year(s)
        built.receive()
        built.noise()
        built.work()
    return hall_db


def test_a_year_like_the_seed_halls_report_comes_out_exactly(year: Database) -> None:
    with year.read() as s:
        figures = court_figures.figures(s, YEAR_START, YEAR_END)
    assert (figures.received, figures.handled, figures.mediated) == (223, 95, 26)
    assert (figures.registered, figures.closed) == (40, 39)
    assert figures.mediation_rate == pytest.approx(26 / 39)
    assert figures.mediation_rate_text == "66.7%"
    assert figures.by_track == {"小额诉讼程序": 10, "简易程序": 20, "普通程序": 10}
    assert figures.by_outcome == {
        "调解结案": 22,
        "司法确认": 4,
        "撤诉": 5,
        "判决": 6,
        "驳回起诉": 2,
    }
    data = figures.as_json()
    assert (data["first"], data["last"], data["received"]) == ("2025-01-01", "2025-12-31", 223)
    assert data["mediation_rate"] == pytest.approx(26 / 39)

    # Any other period counts only its own days.
    with year.read() as s:
        new_year = court_figures.figures(s, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
        one_day = court_figures.figures(s, dt.date(2025, 1, 2), dt.date(2025, 1, 2))
        with pytest.raises(InvalidInput):
            court_figures.figures(s, dt.date(2025, 2, 1), dt.date(2025, 1, 1))
    # The noise hand-off of 5 January, and the judgment of 8 January on a 2025 case.
    assert (new_year.received, new_year.handled, new_year.registered) == (1, 1, 0)
    assert (new_year.closed, new_year.mediated) == (2, 1)
    assert new_year.by_outcome["判决"] == 1 and new_year.by_outcome["调解结案"] == 1
    # 2 January: the year's first hand-off, accepted the same day.
    assert (one_day.received, one_day.handled) == (1, 1)


def test_a_period_with_nothing_closed_has_no_rate(hall_db: Database) -> None:
    with hall_db.read() as s:
        empty = court_figures.figures(s, YEAR_START, YEAR_END)
    assert (empty.received, empty.closed, empty.mediation_rate) == (0, 0, None)
    assert empty.mediation_rate_text == "—"
    assert set(empty.by_track.values()) == {0} and len(empty.by_outcome) == 5
