"""Retention on both databases, on a pinned clock: closed items either side of the cut-off,
the dry run writing nothing, the apply doing exactly what the dry run counted, in one audited
transaction whose chain verifies; archived records read-only; people de-identified only when
all their items are archived; ``hall-admin retention``."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from cli.admin import run
from db.account_models import AuditEntry
from db.case_models import PetitionCase
from db.engine import Database
from db.models import Event, Ticket, Visit, Visitor
from db.states import CaseState
from db.window_models import EXPLAINED
from hall import audit, letters, outcomes, reception, retention
from hall.archive import Archived
from hall.errors import InvalidInput
from tests.daytime import pin_clock
from tests.hall.test_cases_letters import registration
from tests.hall.window_helpers import person, serving, setup_hall

D = dt.date
TODAY = D(2026, 6, 10)
# Five years (the default) before TODAY: items closed before this day go.
CUTOFF = D(2021, 6, 10)
BEFORE = dt.datetime(2021, 6, 9, 9, 0)
ON = dt.datetime(2021, 6, 10, 9, 0)


def served(db: Database, name: str, at: dt.datetime, id_number: str) -> int:
    ticket_id = serving(db, "legal", name, at=at, id_number=id_number, phone="13912345678")
    with db.write() as s:
        outcomes.finish(
            s,
            ticket_id,
            outcomes.Outcome(EXPLAINED, outcomes.LegalEntry(question="咨询"), notes="已解答"),
            actor=person(db, "falv"),
            now=at + dt.timedelta(minutes=5),
        )
        return int(s.get_one(Ticket, ticket_id).visit_id or 0)


def letter_case(db: Database, sender: str, id_number: str, closed: dt.date) -> int:
    """A letter received in March 2021, not accepted (a final state) on ``closed``."""
    with db.write() as s:
        case = letters.register_letter(
            s,
            registration(
                sender_name=sender,
                sender_id_number=id_number,
                received_on=D(2021, 3, 1),
                postmarked_on=D(2021, 2, 26),
            ),
            now=dt.datetime(2021, 3, 2, 10),
        )
        case.state = CaseState.NOT_ACCEPTED
        case.decision = CaseState.NOT_ACCEPTED
        case.decided_on = closed
        return case.id


@pytest.fixture
def hall(db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """A: served the day before the cut-off (goes, and its visitor is de-identified);
    B: served on the cut-off day (stays); C: an old visit (goes) and a recent one (C stays);
    D: an old visit still waiting in the queue (kept open); a letter case closed the day before
    the cut-off (goes, its sender de-identified) and one closed on it (kept open)."""
    pin_clock(monkeypatch, day=TODAY)
    setup_hall(db)
    ids = {
        "a": served(db, "王建军", BEFORE, "411281197001010015"),
        "b": served(db, "李建国", ON, "411281197001020010"),
        "c_old": served(db, "赵德明", BEFORE - dt.timedelta(days=200), "411281197001030016"),
        "c_new": served(db, "赵德明", dt.datetime(2026, 6, 1, 9), "411281197001030016"),
        "case_goes": letter_case(db, "李秀英", "41128119900202002X", D(2021, 6, 9)),
        "case_stays": letter_case(db, "孙丽华", "411281199003030027", D(2021, 6, 10)),
    }
    with db.write() as s:
        ticket = reception.register(
            s,
            reception.Registration(
                name="周大勇", window="legal", id_number="411281197001040011", summary="来访咨询"
            ),
            now=BEFORE - dt.timedelta(days=1),
        )
        ids["d"] = ticket.visit_id or 0
    return ids


def snapshot(db: Database) -> list[object]:
    """Everything retention could change, as stored."""
    with db.engine.connect() as connection:
        return [
            connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
            for table in (
                "visit",
                "visitor",
                "petition_case",
                "visit_representative",
                "case_letter",
                "event_log",
                "audit_entry",
            )
        ]


def archived(db: Database) -> tuple[set[int], set[int]]:
    with db.read() as s:
        visits = set(s.scalars(select(Visit.id).where(Visit.archived_on.is_not(None))))
        cases = set(s.scalars(select(PetitionCase.id).where(PetitionCase.archived_on.is_not(None))))
    return visits, cases


def visitor_of(db: Database, name: str) -> Visitor:
    with db.read() as s:
        return s.scalars(select(Visitor).where(Visitor.name == name)).one()


def test_dry_run_counts_writes_nothing_and_apply_does_exactly_that(
    db: Database, hall: dict[str, int]
) -> None:
    before = snapshot(db)
    with db.write() as s:
        plan = retention.plan(s)
    assert plan == retention.Plan(
        years=5,
        cutoff=CUTOFF,
        visits=2,
        cases=1,
        visitors=2,
        kept_open=2,
        court_files=0,
        opinions=0,
        aid_records=0,
    )
    assert snapshot(db) == before

    with db.write() as s:
        done = retention.apply(s)
    assert done == plan
    assert archived(db) == ({hall["a"], hall["c_old"]}, {hall["case_goes"]})

    gone = visitor_of(db, "王*")
    assert (gone.name, gone.id_number, gone.phone, gone.address, gone.birth_date) == (
        "王*",
        None,
        "",
        "",
        None,
    )
    assert (gone.id_hash, gone.phone_hash, gone.phone_last4) == (None, None, "")
    assert gone.deidentified_on == TODAY and gone.gender == "男"
    sender = visitor_of(db, "李*")
    assert sender.name == "李*" and sender.id_number is None
    # Still with an item not archived: kept as they are.
    for name in ("李建国", "赵德明", "孙丽华", "周大勇"):
        kept = visitor_of(db, name)
        assert kept.name == name and kept.id_number and kept.deidentified_on is None
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visitor)) == 6

    with db.read() as s:
        assert audit.verify(s).broken_at is None
        last = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert last.kind == "retention.applied" and '"visitors": 2' in last.detail
        kinds = s.scalars(select(Event.kind).where(Event.kind == "retention.applied")).all()
        assert kinds == ["retention.applied"]
    # Nothing left: a second run finds nothing to do.
    with db.write() as s:
        again = retention.apply(s)
    assert (again.visits, again.cases, again.visitors) == (0, 0, 0)


def test_an_archived_record_is_read_only(db: Database, hall: dict[str, int]) -> None:
    with db.write() as s:
        retention.apply(s)
    # Through the program: refused in words, before the database is asked.
    with pytest.raises(Archived, match="归档后只读"), db.write() as s:
        s.get_one(Visit, hall["a"]).outcome_notes = "改写"
    with pytest.raises(Archived, match="归档后只读"), db.write() as s:
        s.get_one(PetitionCase, hall["case_goes"]).state = CaseState.HANDLING
    # Past the program, by SQL typed at the database: the triggers refuse it.
    with pytest.raises(DBAPIError, match="已归档的记录只读"), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE visit SET status = 'open', outcome_notes = 'x' WHERE id = :id"),
            {"id": hall["a"]},
        )
    with pytest.raises(DBAPIError, match="已归档的记录只读"), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE petition_case SET state = 'handling' WHERE id = :id"),
            {"id": hall["case_goes"]},
        )
    # Who led it (包案领导, migration 0190_case_leader) is part of what it says.
    with pytest.raises(Archived, match="归档后只读"), db.write() as s:
        s.get_one(PetitionCase, hall["case_goes"]).leader = "王建国"
    with pytest.raises(DBAPIError, match="已归档的记录只读"), db.engine.begin() as connection:
        connection.execute(
            text("UPDATE petition_case SET leader = '王建国' WHERE id = :id"),
            {"id": hall["case_goes"]},
        )
    with db.write() as s:  # what is not archived changes as before
        s.get_one(Visit, hall["b"]).outcome_notes = "补记"


def test_the_period_is_the_administrators(db: Database, hall: dict[str, int]) -> None:
    with db.write() as s:
        retention.set_years(s, None, 6)
        assert retention.plan(s).visits == 0
        retention.set_years(s, None, 4)
        # Four years back is 2022-06-10: B (2021-06-10) goes as well.
        assert retention.plan(s).visits == 3
    with pytest.raises(InvalidInput, match="保存年限"), db.write() as s:
        retention.set_years(s, None, 0)


def test_the_command_line_shows_then_applies(
    db: Database, hall: dict[str, int], capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(db)
    assert run(["--db", db.url, "retention", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "2021-06-10 以前办结的事项将归档" in out and "将归档来访登记：2" in out
    assert "将去标识人员（全部事项均已归档）：2" in out and "没有改动任何数据" in out
    assert snapshot(db) == before
    assert run(["--db", db.url, "retention", "--apply"]) == 0
    out = capsys.readouterr().out
    assert "已归档来访登记：2" in out and "已归档信访事项：1" in out
    assert run(["--db", db.url, "audit", "verify"]) == 0
    assert "审计记录链完好" in capsys.readouterr().out
