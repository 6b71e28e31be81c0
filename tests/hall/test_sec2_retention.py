"""Retention of court files, opinions and aid records, on both databases and a pinned clock: each
either side of the cut-off, the dry run counting what the apply does and writing nothing, the
archived records read-only (the program and the triggers), and the people whose items are all
archived de-identified in their aid records' household and in their court files."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from db.court_models import BY_TRANSCRIPT, CourtCase, CourtHandoff
from db.engine import Database
from db.models import Ticket, User, Visit
from db.window_models import (
    AID_KINDS,
    COURT,
    EXPLAINED,
    FORWARDED,
    OPINION_TOPICS,
    AidRecord,
    Opinion,
)
from hall import aid, court, court_cases, opinions, outcomes, retention, users
from hall.archive import Archived
from tests.daytime import pin_clock
from tests.hall.court_helpers import brief, register
from tests.hall.window_helpers import T0, item_id, person, serving, setup_hall, unit_id
from tests.passwords import password_hash

TODAY = dt.date(2026, 6, 10)
CUTOFF = dt.date(2021, 6, 10)
BEFORE = dt.datetime(2021, 6, 9, 9, 0)
ON = dt.datetime(2021, 6, 10, 9, 0)
OPENED = dt.datetime(2021, 6, 1, 9, 0)


def finished(
    db: Database, window: str, name: str, at: dt.datetime, entry: object, **how: object
) -> int:
    ticket_id = serving(db, window, name, at=at, phone="13912345678")
    login = {"aid": "bangfu", "opinion": "minyi"}[window]
    with db.write() as s:
        outcomes.finish(
            s,
            ticket_id,
            outcomes.Outcome(how.pop("outcome", EXPLAINED), entry, **how),  # type: ignore[arg-type]
            actor=person(db, login),
            now=at + dt.timedelta(minutes=10),
        )
        return int(s.get_one(Ticket, ticket_id).visit_id or 0)


def court_file(db: Database, name: str, closed: dt.datetime | None) -> int:
    """A legal visit of ``name`` handed to the court on OPENED; with ``closed``, registered
    (立案) then, mediated and closed on that day."""
    ticket_id = serving(db, "legal", name, at=OPENED, phone="13912345678", address="幸福路 8 号")
    with db.write() as s:
        handed = outcomes.Outcome(
            COURT, outcomes.LegalEntry(question="借款纠纷"), brief=brief(name)
        )
        outcomes.finish(s, ticket_id, handed, actor=person(db, "falv"), now=OPENED)
        handoff_id = s.scalars(select(CourtHandoff.id).order_by(CourtHandoff.id.desc())).first()
        assert handoff_id is not None
        case_id = court.accept_handoff(s, handoff_id, users.by_login(s, "shuji"), now=OPENED).id
    if closed is not None:
        register(db, case_id, now=OPENED, plaintiff_name=name)
        with db.write() as s:
            clerk = users.by_login(s, "shuji")
            court_cases.record_mediation(
                s, case_id, closed.date(), "赵法官", "agreed", actor=clerk, now=closed
            )
            court_cases.close_by_mediation(
                s, case_id, BY_TRANSCRIPT, "当场还款", actor=clerk, now=closed
            )
    return case_id


def aid_entry(db: Database, household: str) -> aid.AidEntry:
    return aid.AidEntry(
        kind_id=item_id(db, AID_KINDS, "临时救助"),
        household=household,
        household_size=3,
        granted="800",
    )


def opinion_entry(db: Database, content: str) -> opinions.OpinionEntry:
    return opinions.OpinionEntry(content=content, topic_id=item_id(db, OPINION_TOPICS, "城乡建设"))


@pytest.fixture
def hall(db: Database, monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Court files: closed the day before the cut-off (goes, with its visit, and its party is
    de-identified), closed on it (stays), never closed (kept open). Opinions: received the day
    before (goes) and on the cut-off (stays). Aid: granted the day before (goes, household
    cleared), referred the day before and still waiting (kept open)."""
    pin_clock(monkeypatch, day=TODAY)
    setup_hall(db)
    with db.write() as s:
        s.add(
            User(
                login="shuji",
                name="陈洁",
                password_hash=password_hash("secret123"),
                roles=users.CLERK,
                active=True,
                created_at=T0,
            )
        )
    return {
        "court_goes": court_file(db, "王建军", BEFORE),
        "court_stays": court_file(db, "李建国", ON),
        "court_open": court_file(db, "赵德明", None),
        "opinion_goes": finished(db, "opinion", "钱进", BEFORE, opinion_entry(db, "建议修缮村道")),
        "opinion_stays": finished(db, "opinion", "孙丽华", ON, opinion_entry(db, "建议增设路灯")),
        "aid_goes": finished(
            db, "aid", "赵淑兰", BEFORE, aid_entry(db, "赵淑兰丈夫患尿毒症，两子在读")
        ),
        "aid_waits": finished(
            db,
            "aid",
            "周大勇",
            BEFORE,
            aid_entry(db, "周大勇独居，无收入"),
            outcome=FORWARDED,
            unit_id=unit_id(db, "市民政局"),
        ),
    }


def archived(db: Database) -> dict[str, set[int]]:
    with db.read() as s:
        return {
            "court": set(s.scalars(select(CourtCase.id).where(CourtCase.archived_on.is_not(None)))),
            "opinion": set(
                s.scalars(select(Opinion.visit_id).where(Opinion.archived_on.is_not(None)))
            ),
            "aid": set(
                s.scalars(select(AidRecord.visit_id).where(AidRecord.archived_on.is_not(None)))
            ),
        }


def snapshot(db: Database) -> list[object]:
    with db.engine.connect() as connection:
        return [
            connection.execute(text(f"SELECT * FROM {table} ORDER BY 1")).all()
            for table in (
                "court_case",
                "court_handoff",
                "opinion",
                "aid_record",
                "visit",
                "visitor",
            )
        ]


def test_old_closed_court_files_opinions_and_aid_records_are_archived_and_de_identified(
    db: Database, hall: dict[str, int]
) -> None:
    before = snapshot(db)
    with db.write() as s:
        plan = retention.plan(s)
    assert snapshot(db) == before
    assert (plan.court_files, plan.opinions, plan.aid_records) == (1, 1, 1)
    # The court visit goes with its file; the opinion's and the aid's visits too.
    assert plan.visits == 3
    # 钱进, 赵淑兰 and 王建军: every item archived.
    assert plan.visitors == 3
    # Begun before the cut-off and staying: two court files (one closed on the day, one open),
    # their two visits (handed to the court), the aid record referred and its visit.
    assert plan.kept_open == 6

    with db.write() as s:
        done = retention.apply(s)
    assert done == plan
    assert archived(db) == {
        "court": {hall["court_goes"]},
        "opinion": {hall["opinion_goes"]},
        "aid": {hall["aid_goes"]},
    }
    with db.read() as s:
        gone = s.get_one(CourtCase, hall["court_goes"])
        assert (gone.plaintiff_name, gone.plaintiff_address, gone.plaintiff_contact) == (
            "王*",
            "",
            "",
        )
        assert gone.handoff.party == "王*" and gone.handoff.other_party == "张*"
        assert gone.agreement_terms == "当场还款", "what the file says of the dispute stays"
        assert s.get_one(Visit, gone.visit_id).archived_on == TODAY
        kept = s.get_one(CourtCase, hall["court_stays"])
        assert kept.archived_on is None and kept.handoff.party == "李建国"
        households = dict(s.execute(select(AidRecord.visit_id, AidRecord.household)).tuples().all())
        assert households == {hall["aid_goes"]: "", hall["aid_waits"]: "周大勇独居，无收入"}
    with db.write() as s:
        again = retention.apply(s)
    assert (again.court_files, again.opinions, again.aid_records, again.visitors) == (0, 0, 0, 0)


def test_archived_court_files_opinions_and_aid_records_are_read_only(
    db: Database, hall: dict[str, int]
) -> None:
    with db.write() as s:
        retention.apply(s)
    with pytest.raises(Archived, match="法院诉讼档案已于"), db.write() as s:
        s.get_one(CourtCase, hall["court_goes"]).outcome_note = "改写"
    with pytest.raises(Archived, match="社情民意已于"), db.write() as s:
        s.scalars(
            select(Opinion).where(Opinion.visit_id == hall["opinion_goes"])
        ).one().content = "x"
    with pytest.raises(Archived, match="帮扶济困记录已于"), db.write() as s:
        s.scalars(
            select(AidRecord).where(AidRecord.visit_id == hall["aid_goes"])
        ).one().granted_fen = 1
    for sql, key in (
        ("UPDATE court_case SET claims = 'x' WHERE id = :id", "court_goes"),
        ("UPDATE opinion SET content = 'x' WHERE visit_id = :id", "opinion_goes"),
        ("UPDATE aid_record SET granted_fen = 1 WHERE visit_id = :id", "aid_goes"),
    ):
        with pytest.raises(DBAPIError, match="已归档的记录只读"), db.engine.begin() as connection:
            connection.execute(text(sql), {"id": hall[key]})
    with db.write() as s:  # what is not archived changes as before
        s.scalars(
            select(Opinion).where(Opinion.visit_id == hall["opinion_stays"])
        ).one().place = "村口"
        s.get_one(CourtCase, hall["court_open"]).outcome_note = "补记"
    with db.read() as s:
        assert (
            s.scalar(
                select(CourtHandoff.party).join(CourtCase).where(CourtCase.id == hall["court_open"])
            )
            == "赵德明"
        )
