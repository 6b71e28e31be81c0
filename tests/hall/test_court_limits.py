"""Court trial limits: change of procedure and approved extensions (民事诉讼法 第一百五十二条,
第一百六十四条, 第一百六十八条, 第一百七十条); both databases.

Files are registered on Monday 2 March 2026 (court_helpers.T0): simple procedure ends on
2 June, ordinary on 2 September, small claims on 2 May, a Saturday inside Labour Day
(1–5 May 2026), so on Wednesday 6 May.
"""

from __future__ import annotations

import datetime as dt

import pytest

from db import events
from db.court_limit_models import CONVERSION, EXTENSION
from db.court_models import ORDINARY, SIMPLE, SMALL_CLAIMS, CourtCase
from db.engine import Database
from hall import court_cases, court_figures, court_limits, users
from hall.errors import HallError, IllegalTransition, InvalidInput
from tests.hall import court_helpers
from tests.hall.court_helpers import T0

D = dt.date
APPROVER = "院长 王某某"


@pytest.fixture
def court_db(hall_db: Database) -> Database:
    court_helpers.add_people(hall_db)
    return hall_db


def registered(db: Database, track: str = SIMPLE) -> int:
    return court_helpers.register(db, court_helpers.accepted_case(db), track=track).id


def on(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10))


def convert(db: Database, case_id: int, track: str, day: dt.date) -> CourtCase:
    with db.write() as s:
        return court_limits.convert_procedure(
            s,
            case_id,
            track,
            "案情复杂，需要鉴定",
            APPROVER,
            users.by_login(s, "shuji"),
            now=on(day),
        )


def extend(db: Database, case_id: int, day: dt.date, months: int | None = None) -> CourtCase:
    with db.write() as s:
        return court_limits.extend_limit(
            s,
            case_id,
            "需要等待鉴定结论",
            APPROVER,
            users.by_login(s, "shuji"),
            months=months,
            now=on(day),
        )


def refused(db: Database, action: object, *args: object) -> str:
    """The change is refused in Chinese, and the file and its timeline are left as they were."""
    case_id = args[1]
    assert isinstance(case_id, int)
    with db.read() as s:
        before = (
            s.get_one(CourtCase, case_id).due_on,
            len(events.for_entity(s, "court_case", case_id)),
        )
    with pytest.raises(HallError) as error:
        action(*args)  # type: ignore[operator]
    with db.read() as s:
        after = (
            s.get_one(CourtCase, case_id).due_on,
            len(events.for_entity(s, "court_case", case_id)),
        )
    assert after == before
    return str(error.value)


def test_a_simple_case_converted_to_ordinary_counts_six_months_from_registration(
    court_db: Database,
) -> None:
    case_id = registered(court_db)
    case = convert(court_db, case_id, ORDINARY, D(2026, 5, 20))
    assert (case.track, case.due_on) == (ORDINARY, D(2026, 9, 2))
    with court_db.read() as s:
        [change] = court_limits.changes(s, case_id)
        last = events.for_entity(s, "court_case", case_id)[-1]
    assert (change.kind, change.from_track, change.track, change.approver) == (
        CONVERSION,
        SIMPLE,
        ORDINARY,
        APPROVER,
    )
    assert (change.due_before, change.due_after) == (D(2026, 6, 2), D(2026, 9, 2))
    assert last.kind == "court.converted"
    assert (last.payload["reason"], last.payload["old"], last.payload["new"]) == (
        "案情复杂，需要鉴定",
        "2026-06-02",
        "2026-09-02",
    )


def test_procedure_never_goes_back_and_not_after_the_limit(court_db: Database) -> None:
    ordinary = registered(court_db, ORDINARY)
    message = refused(court_db, convert, court_db, ordinary, SIMPLE, D(2026, 3, 10))
    assert "不能转为简易程序" in message and "普通程序不能再转为其他程序" in message
    simple = registered(court_db)
    message = refused(court_db, convert, court_db, simple, ORDINARY, D(2026, 6, 3))
    assert "2026年6月2日届满" in message and "届满前" in message


def test_a_small_claims_case_may_go_to_simple_procedure(court_db: Database) -> None:
    case = convert(court_db, registered(court_db, SMALL_CLAIMS), SIMPLE, D(2026, 4, 1))
    assert (case.track, case.due_on) == (SIMPLE, D(2026, 6, 2))


@pytest.mark.parametrize(
    ("track", "due"),
    [
        # 2 March + 3 months + 1.
        (SIMPLE, D(2026, 7, 2)),
        # 2 March + 6 months + 6: 2 March 2027, a Tuesday.
        (ORDINARY, D(2027, 3, 2)),
        # 2 March + 2 months + 1: 2 June.
        (SMALL_CLAIMS, D(2026, 6, 2)),
    ],
)
def test_an_approved_extension_adds_its_procedures_months(
    court_db: Database, track: str, due: dt.date
) -> None:
    case_id = registered(court_db, track)
    assert extend(court_db, case_id, D(2026, 4, 1)).due_on == due
    with court_db.read() as s:
        [change] = court_limits.changes(s, case_id)
        assert events.for_entity(s, "court_case", case_id)[-1].kind == "court.limit_extended"
    assert (change.kind, change.months, change.reason) == (
        EXTENSION,
        court_limits.EXTENSION_MONTHS[track],
        "需要等待鉴定结论",
    )
    message = refused(court_db, extend, court_db, case_id, D(2026, 4, 2))
    assert "只能" in message or "已延长过一次" in message


def test_a_small_claims_case_is_not_extended_beyond_its_rule(court_db: Database) -> None:
    case_id = registered(court_db, SMALL_CLAIMS)
    message = refused(court_db, extend, court_db, case_id, D(2026, 4, 1), 2)
    assert "最多延长 1 个月" in message and "第一百六十八条" in message


def test_a_second_simple_extension_points_to_ordinary_procedure(court_db: Database) -> None:
    case_id = registered(court_db)
    extend(court_db, case_id, D(2026, 5, 1))
    message = refused(court_db, extend, court_db, case_id, D(2026, 6, 1))
    assert "转为普通程序" in message
    # Converted, the file may be extended under the ordinary rule, from registration.
    convert(court_db, case_id, ORDINARY, D(2026, 6, 1))
    assert extend(court_db, case_id, D(2026, 8, 1)).due_on == D(2027, 3, 2)


def test_an_extension_needs_reason_and_approver_and_a_running_limit(court_db: Database) -> None:
    case_id = registered(court_db)
    with court_db.write() as s:
        clerk = users.by_login(s, "shuji")
        with pytest.raises(InvalidInput) as no_reason:
            court_limits.extend_limit(s, case_id, " ", APPROVER, clerk, now=on(D(2026, 4, 1)))
        with pytest.raises(InvalidInput) as no_approver:
            court_limits.extend_limit(s, case_id, "鉴定", "", clerk, now=on(D(2026, 4, 1)))
    assert (no_reason.value.field, no_approver.value.field) == ("reason", "approver")
    message = refused(court_db, extend, court_db, case_id, D(2026, 6, 3))
    assert "已于2026年6月2日届满" in message


def test_only_a_clerk_changes_a_limit_and_only_of_a_registered_open_file(
    court_db: Database,
) -> None:
    unregistered = court_helpers.accepted_case(court_db)
    message = refused(court_db, extend, court_db, unregistered, D(2026, 3, 3))
    assert "尚未立案" in message
    case_id = registered(court_db)
    with court_db.write() as s:
        court_cases.close_case(
            s, case_id, "withdrawn", users.by_login(s, "shuji"), now=on(D(2026, 3, 5))
        )
    with pytest.raises(IllegalTransition) as closed, court_db.write() as s:
        court_limits.extend_limit(
            s, case_id, "鉴定", APPROVER, users.by_login(s, "shuji"), now=on(D(2026, 3, 6))
        )
    assert "已结案" in str(closed.value)


def test_the_courts_figures_count_conversions_and_extensions(court_db: Database) -> None:
    converted = registered(court_db)
    both = registered(court_db)
    convert(court_db, converted, ORDINARY, D(2026, 4, 1))
    extend(court_db, both, D(2026, 4, 1))
    convert(court_db, both, ORDINARY, D(2026, 5, 6))
    extend(court_db, both, D(2026, 5, 7))
    registered(court_db)
    with court_db.read() as s:
        april = court_figures.figures(s, D(2026, 4, 1), D(2026, 4, 30))
        spring = court_figures.figures(s, T0.date(), D(2026, 6, 30))
    assert (april.converted, april.extended) == (1, 1)
    # A file extended twice (under two procedures) is one file extended.
    assert (spring.converted, spring.extended) == (2, 1)
    assert spring.as_json()["converted"] == 2
