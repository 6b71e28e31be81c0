"""A visit's summary and a letter's scans at rest, on both databases: encrypted in the file and
in a raw SELECT, the summary still found by its words (and only the visits that hold them),
the scans read back byte for byte, both re-encrypted by a rotation and by the walk that
encrypts an older database."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from sqlalchemy import text

from db import crypto
from db.engine import Database
from db.window_models import EXPLAINED
from hall import at_rest, cases, keys, letters, outcomes
from hall.letters import Attachment
from tests.hall.test_at_rest import stored_text
from tests.hall.test_cases_letters import SCAN_PDF, SCAN_PNG, registration
from tests.hall.window_helpers import T0, person, serving, setup_hall

WAGES = "反映拖欠工程款问题"
# Holds both pairs of 工程款 (工程, 程款), but not the word: the tokens find it, the check drops it.
APART = "工程结束后程款未付"
ALLOWANCE = "咨询低保政策"
SUMMARIES = {"王建军": WAGES, "李秀英": APART, "赵德明": ALLOWANCE}


def served(db: Database) -> None:
    for n, (name, summary) in enumerate(SUMMARIES.items()):
        at = T0 + dt.timedelta(minutes=10 * n)
        ticket_id = serving(db, "legal", name, at=at, summary=summary)
        with db.write() as s:
            entry = outcomes.LegalEntry(question="咨询", laws="", aid_office="")
            outcomes.finish(
                s,
                ticket_id,
                outcomes.Outcome(EXPLAINED, entry, notes="已解答"),
                actor=person(db, "falv"),
                now=at + dt.timedelta(minutes=5),
            )


def found(db: Database, words: str) -> list[str]:
    with db.read() as s:
        rows = outcomes.search_records(s, outcomes.RecordFilter(text=words), person(db, "falv"))
        return sorted(r.visitor_name for r in rows)


def raw_summaries(db: Database) -> list[str]:
    with db.engine.connect() as connection:
        return list(connection.execute(text("SELECT summary FROM visit ORDER BY id")).scalars())


@pytest.fixture
def hall(db: Database) -> Database:
    setup_hall(db)
    served(db)
    return db


def test_summaries_are_encrypted_and_found_by_their_words(hall: Database) -> None:
    stored = stored_text(hall)
    for summary in SUMMARIES.values():
        assert summary not in stored
    if hall.is_postgres:
        with hall.engine.connect() as connection:
            tokens = str(connection.execute(text("SELECT * FROM visit_summary_token")).all())
        assert not any(summary[:2] in tokens for summary in SUMMARIES.values())
    assert all(crypto.is_encrypted(value) for value in raw_summaries(hall))
    assert found(hall, "工程款") == ["王建军"]
    assert found(hall, "程款") == ["李秀英", "王建军"]
    assert found(hall, "低保") == ["赵德明"]
    assert found(hall, "保") == ["赵德明"]
    assert found(hall, "咨询低保政策") == ["赵德明"]
    assert found(hall, "欠薪") == []
    # The other fields are still searched as before.
    assert found(hall, "李秀") == ["李秀英"]


def test_rotation_re_encrypts_summaries_and_their_tokens(
    hall: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    keys.save_keyring(crypto.current_keyring())
    with hall.write() as s:
        keys.mark_database(s, crypto.current_keyring().current)
    new, walked = at_rest.rotate(hall)
    assert walked.rows["visit"] == len(SUMMARIES)
    assert {crypto.key_id_of(v) for v in raw_summaries(hall)} == {new.key_id}
    # Found under the new key alone: the tokens were rebuilt, not left under the old one.
    crypto.use_keyring(crypto.Keyring(new))
    assert found(hall, "工程款") == ["王建军"]


def test_an_older_database_has_its_summaries_encrypted_and_indexed(hall: Database) -> None:
    with hall.engine.begin() as connection:
        for visit_id, summary in enumerate(SUMMARIES.values(), start=1):
            connection.execute(
                text("UPDATE visit SET summary = :summary WHERE id = :id"),
                {"summary": summary, "id": visit_id},
            )
        connection.execute(text("DELETE FROM visit_summary_token"))
        connection.execute(text(f"DELETE FROM hall_setting WHERE key = '{at_rest.DONE_SETTING}'"))
    assert found(hall, "工程款") == []
    walked = at_rest.encrypt_pending(hall)
    assert walked.rows["visit"] == len(SUMMARIES)
    assert all(crypto.is_encrypted(value) for value in raw_summaries(hall))
    assert found(hall, "工程款") == ["王建军"]


def raw_scans(db: Database) -> list[bytes]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT content FROM case_attachment ORDER BY id"))
        return [bytes(value) for value in rows.scalars()]


def test_scans_are_encrypted_read_back_identically_and_rotated(
    hall_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scans = [Attachment("信件第1页.pdf", SCAN_PDF), Attachment("信封.png", SCAN_PNG)]
    with hall_db.write() as s:
        case_id = letters.register_letter(
            s, registration(attachments=scans), now=dt.datetime(2026, 3, 3, 9)
        ).id

    def read_back() -> list[bytes]:
        with hall_db.read() as s:
            kept = cases.attachments(s, case_id)
            assert all(hashlib.sha256(a.content).hexdigest() == a.sha256 for a in kept)
            return [a.content for a in kept]

    with hall_db.engine.connect() as connection:
        summary = connection.execute(text("SELECT summary FROM petition_case")).scalar_one()
    assert crypto.is_encrypted(summary), "the case's summary as well"
    first = raw_scans(hall_db)
    assert all(raw.startswith(crypto.BYTES_PREFIX) for raw in first)
    assert not any(SCAN_PDF in raw or SCAN_PNG in raw for raw in first)
    assert read_back() == [SCAN_PDF, SCAN_PNG]

    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    keys.save_keyring(crypto.current_keyring())
    with hall_db.write() as s:
        keys.mark_database(s, crypto.current_keyring().current)
    new, walked = at_rest.rotate(hall_db)
    assert walked.rows["case_attachment"] == 2
    assert {crypto.bytes_key_id(raw) for raw in raw_scans(hall_db)} == {new.key_id}
    crypto.use_keyring(crypto.Keyring(new))
    assert read_back() == [SCAN_PDF, SCAN_PNG]


def test_scans_stored_plain_before_are_encrypted_by_the_walk(hall_db: Database) -> None:
    with hall_db.write() as s:
        case_id = letters.register_letter(
            s,
            registration(attachments=[Attachment("信.pdf", SCAN_PDF)]),
            now=dt.datetime(2026, 3, 3, 9),
        ).id
    with hall_db.engine.begin() as connection:
        connection.execute(text("UPDATE case_attachment SET content = :plain"), {"plain": SCAN_PDF})
        connection.execute(text(f"DELETE FROM hall_setting WHERE key = '{at_rest.DONE_SETTING}'"))
    with hall_db.read() as s:  # read as it is until the walk reaches it
        assert [a.content for a in cases.attachments(s, case_id)] == [SCAN_PDF]
    assert at_rest.encrypt_pending(hall_db).rows["case_attachment"] == 1
    [raw] = raw_scans(hall_db)
    assert raw.startswith(crypto.BYTES_PREFIX) and SCAN_PDF not in raw
    with hall_db.read() as s:
        assert [a.content for a in cases.attachments(s, case_id)] == [SCAN_PDF]
