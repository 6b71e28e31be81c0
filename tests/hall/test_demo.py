"""The demo hall on both databases: eight windows, a user for every role, a morning of
visitors in several states, each of them believable (valid ID numbers, times in order); and,
whatever day it is seeded on, past weeks that give the supervisors and the court their work:
formal cases at every alert level and overdue, a unit late with its closing report, an order
awaiting a late reply, court files at several stages, one near its trial limit."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from db.case_models import (
    ORDER_OPEN,
    ORDER_REPLIED,
    PetitionCase,
    SupervisionOrder,
)
from db.court_models import ACCEPTED, HANDED, PETITION_HANDED, RETURNED, CourtHandoff
from db.engine import Database
from db.models import ServiceWindow, Ticket, User, Visit, Visitor
from hall import (
    calendar,
    cases,
    catalog,
    clock,
    court,
    court_cases,
    demo,
    queue,
    settings,
    setup,
    supervision,
    users,
)
from hall.deadlines import ALERT_LEVELS, ALERT_NAMES, Alert
from hall.identity import check_resident_id
from hall.startup import open_database

NOW = dt.datetime(2026, 11, 23, 11, 0, 0)
# The days the demo is seeded on with the clock pinned: a Monday, and the first working day
# after the Spring Festival, whose past weeks reach back into the year before and whose
# limits that ended in the holiday moved to it.
SEEDED_ON = (NOW, dt.datetime(2026, 2, 24, 10, 30, 0))
# A Saturday: no limit ends on a day off.
DAY_OFF = dt.datetime(2026, 11, 21, 10, 0, 0)


def seeded(database: Database) -> Database:
    with database.write() as s:
        demo.seed_demo(s, now=NOW)
    return database


def test_eight_windows_with_their_letters(db: Database) -> None:
    with seeded(db).read() as s:
        windows = s.scalars(select(ServiceWindow).order_by(ServiceWindow.sort_order)).all()
        assert setup.is_set_up(s)
        assert settings.get(s, settings.HALL_NAME).endswith("（演示）")
    assert [(w.code, w.letter) for w in windows] == [
        (spec.code, spec.letter) for spec in catalog.WINDOWS
    ]
    assert [w.letter for w in windows] == list("ABCDEFGH")
    assert all(w.enabled and w.seat_count >= 1 for w in windows)


def test_a_user_for_every_role_who_can_log_in(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        everyone = s.scalars(select(User)).all()
        by_role = {
            role: [u for u in everyone if users.has_role(u, role)] for role in users.ROLE_NAMES
        }
        officers = by_role[users.OFFICER]
        served = {code for officer in officers for code in users.window_codes(officer)}
        clerk_windows = [users.window_codes(u) for u in by_role[users.CLERK]]
    assert all(by_role.values()), {role: len(found) for role, found in by_role.items()}
    # Every service window has an officer; the court has its clerk.
    assert served == {spec.code for spec in catalog.WINDOWS} - {"court"}
    assert ["court"] in clerk_windows
    for role, found in by_role.items():
        with db.write() as s:
            assert users.authenticate(s, found[0].login, demo.DEMO_PASSWORD).id == found[0].id, role


def test_a_morning_of_tickets_in_several_states(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        tickets = s.scalars(select(Ticket).order_by(Ticket.id)).all()
        visitors = s.scalars(select(Visitor)).all()
        status = {w.code: w for w in queue.status(s, NOW.date())}
    states = {t.status for t in tickets}
    assert {queue.WAITING, queue.CALLED, queue.FINISHED} <= states
    assert len(tickets) == 24 and all(t.service_date == NOW.date() for t in tickets)
    assert any(t.priority_reason for t in tickets)
    assert sum(w.waiting for w in status.values()) > 0
    assert {w.code for w in status.values() if w.calling} == {"legal", "aid"}
    for visitor in visitors:
        assert visitor.id_number is not None
        resident = check_resident_id(visitor.id_number)
        assert (resident.birth_date, resident.gender) == (visitor.birth_date, visitor.gender)


def test_every_ticket_keeps_its_times_in_order(db: Database) -> None:
    seeded(db)
    with db.read() as s:
        tickets = s.scalars(select(Ticket)).all()
    for t in tickets:
        times = [t.issued_at, t.called_at, t.started_at, t.finished_at]
        present = [moment for moment in times if moment is not None]
        assert present == sorted(present), f"{t.number}: {times}"
        assert all(moment <= NOW for moment in present), f"{t.number} happens after now"


@pytest.fixture(params=SEEDED_ON, ids=lambda moment: moment.date().isoformat())
def today(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    """The clock pinned to a day the demo is seeded on (seed_demo reads it from the clock)."""
    moment: dt.datetime = request.param
    monkeypatch.setattr(clock, "now", lambda: moment)
    return moment


def seeded_today(database: Database) -> Database:
    with database.write() as s:
        demo.seed_demo(s)
    return database


def test_formal_cases_stand_at_every_alert_level_and_some_are_overdue(
    db: Database, today: dt.datetime
) -> None:
    on = today.date()
    with seeded_today(db).read() as s:
        counts = supervision.alert_counts(s, on)
        officer = users.by_login(s, "banxin")
        own = supervision.alert_counts(s, on, officer.id)
        listed = cases.list_cases(s, on)
        overdue = supervision.overdue(s, on)
        due_today = supervision.alerts(s, on, Alert.NINETY_NINE)
        cal = calendar.load(s, on.year - 1, on.year + 1)
    assert all(counts[level] >= 1 for level in (*ALERT_LEVELS, Alert.OVERDUE)), counts
    # The letters desk, whose officer registered them, sees them as its own.
    assert own == counts
    # The case list shows each alert by name, and cases without one (new, answered, closed).
    names = {row.alert_name for row in listed}
    assert {ALERT_NAMES[level] for level in (*ALERT_LEVELS, Alert.OVERDUE)} <= names
    assert "" in names
    assert {row.state_name for row in listed} >= {"已登记待受理", "办理中", "已答复", "已办结"}
    # The limits come from the holiday calendar: none ends on a day off.
    assert all(cal.is_workday(row.due_on) for row in listed if row.due_on is not None)
    assert len(overdue) == 3 and all(row.days_overdue > 0 for row in overdue)
    reasons = "；".join(reason for row in overdue for reason in row.reasons)
    assert "逾期未作出受理决定" in reasons and "逾期未办结" in reasons
    # On a working day one limit ends today: 即将到期, no day left.
    assert [row.due_on for row in due_today if row.alert == Alert.NINETY_NINE] == [on]


def test_the_supervisors_have_late_units_and_a_late_reply_to_take_up(
    db: Database, today: dt.datetime
) -> None:
    on = today.date()
    with seeded_today(db).read() as s:
        needing = supervision.needing_supervision(s, on)
        late_orders = supervision.overdue_orders(s, on)
        records = {record.name: record for record in supervision.unit_records(s, on)}
        replied = s.scalars(
            select(SupervisionOrder).where(SupervisionOrder.state == ORDER_REPLIED)
        ).all()
        replied_case = {order.case.number for order in replied}
        assert len(needing) == supervision.count_needing_supervision(s, on) == 5
    reasons = {row.number: "；".join(row.reasons) for row in needing}
    everything = "；".join(reasons.values())
    for why in ("逾期未作出受理决定", "逾期未办结", "承办单位逾期未报送办结报告", "逾期未落实"):
        assert why in everything, why
    # The unit past its deadline has an order whose reply time has run out too.
    assert [(o.unit, o.state, o.level_name) for o in late_orders] == [
        ("市人力资源和社会保障局", ORDER_OPEN, "督办")
    ]
    assert late_orders[0].reply_due < on and late_orders[0].case_number in reasons
    # The unit that answered its order still owes the closing report: the case still needs it.
    assert [order.unit.name for order in replied] == ["市住房和城乡建设局"]
    assert "承办单位逾期未报送办结报告" in reasons[replied_case.pop()]
    labour = records["市人力资源和社会保障局"]
    assert (labour.assigned, labour.overdue, labour.orders, labour.orders_open) == (1, 1, 1, 1)
    housing = records["市住房和城乡建设局"]
    assert (housing.overdue, housing.reported, housing.orders, housing.orders_open) == (1, 0, 1, 0)
    civil = records["市民政局"]
    assert (civil.reported, civil.reported_on_time, civil.on_time_rate) == (1, 1, 1.0)

    # The supervision window can act on it today: the unanswered order goes up a level.
    with db.write() as s:
        raised = supervision.escalate(
            s, late_orders[0].id, "逾期未回复督办单", actor=users.by_login(s, "jiancha")
        )
        assert (raised.level, raised.issued_on, raised.unit.name) == (
            2,
            on,
            "市人力资源和社会保障局",
        )


def test_the_court_has_files_at_several_stages_one_near_its_trial_limit(
    db: Database, today: dt.datetime
) -> None:
    on = today.date()
    with seeded_today(db).read() as s:
        clerk = users.by_login(s, "shuji")
        files = court_cases.list_cases(s, clerk, on, open_only=False)
        near = files[0]
        hearings = court_cases.hearings(s, on, on + dt.timedelta(days=30), clerk)
        handoffs = s.execute(
            select(CourtHandoff.state, Visit.channel, Visit.created_at)
            .join(Visit, CourtHandoff.visit_id == Visit.id)
            .order_by(CourtHandoff.handed_at)
        ).all()
        separated = s.scalars(
            select(PetitionCase).where(PetitionCase.court_handoff == PETITION_HANDED)
        ).one()
        separated_status = court.court_status(s, separated.visit_id or 0)
    assert [f.outcome_name or f.stage_name for f in files] == ["庭前", "接访", "调解结案"]
    assert Alert.EIGHTY_FIVE <= near.alert < Alert.OVERDUE
    assert near.defendant == demo.LETTER_PARTY.name
    assert near.registered_on is not None and near.due_on is not None
    assert (on - near.registered_on).days > 45 and near.due_on > on
    # Its hearing is before the limit ends.
    assert [(h.case_id, h.kind_name) for h in hearings] == [(near.id, "开庭审理")]
    assert on < hearings[0].starts_at.date() <= near.due_on
    # Hand-offs from a letter case weeks ago and from this morning's visits, in every state.
    assert [channel for _state, channel, _at in handoffs] == ["letter"] + ["visit"] * 4
    assert handoffs[0][2].date() < on - dt.timedelta(days=30)
    assert {state for state, _channel, _at in handoffs} == {HANDED, ACCEPTED, RETURNED}
    assert separated.source == "letter"
    assert separated_status is not None and separated_status.stage_name == "庭前"


def test_on_a_day_off_no_limit_ends_and_one_ends_on_the_next_working_day(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: DAY_OFF)
    saturday = DAY_OFF.date()
    monday = saturday + dt.timedelta(days=2)
    with seeded_today(db).read() as s:
        counts = supervision.alert_counts(s, saturday)
        on_monday = supervision.alerts(s, monday, Alert.NINETY_NINE)
        cal = calendar.load(s, saturday.year, saturday.year + 1)
    assert not cal.is_workday(saturday) and cal.on_or_after_workday(saturday) == monday
    assert counts[Alert.NINETY_NINE] == 0
    levels = (Alert.HALF, Alert.THREE_QUARTERS, Alert.EIGHTY_FIVE, Alert.OVERDUE)
    assert all(counts[level] >= 1 for level in levels), counts
    assert [row.due_on for row in on_monday if row.alert == Alert.NINETY_NINE] == [monday]


def test_opening_the_demo_hall_again_seeds_nothing_twice(db: Database) -> None:
    def counts() -> tuple[int, ...]:
        with db.read() as s:
            return tuple(
                int(s.scalar(select(func.count()).select_from(table)) or 0)
                for table in (PetitionCase, Ticket, CourtHandoff, SupervisionOrder, User)
            )

    open_database(db.url, demo_hall=True).dispose()
    first = counts()
    open_database(db.url, demo_hall=True).dispose()
    assert counts() == first and all(first)
