"""A case's issued documents at rest, on both databases: the stored PDF (which for a 检举控告
case quotes the accusation) is encrypted in a raw SELECT, read back byte for byte for a
reprint, re-encrypted by a rotation, and encrypted by the walk when an older database held it
plain."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from db import crypto
from db.case_models import ACCEPTANCE
from db.engine import Database
from hall import at_rest, cases, keys
from tests.hall.test_cases import accepted_on, at

ACCUSED = "举报某局局长收受贿赂"
PDF = b"%PDF-1.4 " + ACCUSED.encode("utf-8") + b" %%EOF"
DAY = dt.date(2026, 3, 2)


def issued(db: Database) -> tuple[int, int]:
    case_id = accepted_on(db, DAY)
    with db.write() as s:
        document = cases.issue_document(s, case_id, ACCEPTANCE, PDF, DAY, now=at(DAY))
        return case_id, document.id


def raw_documents(db: Database) -> list[bytes]:
    with db.engine.connect() as connection:
        rows = connection.execute(text("SELECT pdf FROM case_document ORDER BY id"))
        return [bytes(value) for value in rows.scalars()]


def reprinted(db: Database, document_id: int) -> bytes:
    with db.write() as s:
        return cases.reissue_document(s, document_id, "reprinted", now=at(DAY, 11))


def test_documents_are_encrypted_read_back_identically_and_rotated(
    hall_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id, document_id = issued(hall_db)
    [raw] = raw_documents(hall_db)
    assert raw.startswith(crypto.BYTES_PREFIX)
    assert b"%PDF" not in raw and ACCUSED.encode("utf-8") not in raw
    assert reprinted(hall_db, document_id) == PDF
    with hall_db.read() as s:
        assert [d.pdf for d in cases.documents(s, case_id)] == [PDF]

    monkeypatch.setenv("HALL_DATA_DIR", str(tmp_path))
    keys.save_keyring(crypto.current_keyring())
    with hall_db.write() as s:
        keys.mark_database(s, crypto.current_keyring().current)
    new, walked = at_rest.rotate(hall_db)
    assert walked.rows["case_document"] == 1
    assert {crypto.bytes_key_id(r) for r in raw_documents(hall_db)} == {new.key_id}
    crypto.use_keyring(crypto.Keyring(new))
    assert reprinted(hall_db, document_id) == PDF


def test_documents_stored_plain_before_are_encrypted_by_the_walk(hall_db: Database) -> None:
    _, document_id = issued(hall_db)
    with hall_db.engine.begin() as connection:
        connection.execute(text("UPDATE case_document SET pdf = :plain"), {"plain": PDF})
        connection.execute(text(f"DELETE FROM hall_setting WHERE key = '{at_rest.DONE_SETTING}'"))
    assert reprinted(hall_db, document_id) == PDF  # read as it is until the walk reaches it
    assert at_rest.encrypt_pending(hall_db).rows["case_document"] == 1
    [raw] = raw_documents(hall_db)
    assert raw.startswith(crypto.BYTES_PREFIX) and PDF not in raw
    assert reprinted(hall_db, document_id) == PDF
    assert at_rest.encrypt_pending(hall_db).rows == {}, "done, and marked so"
