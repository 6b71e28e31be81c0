"""Letters: the envelope, the scans kept with the case, validation, repeats; both databases."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from db import events
from db.case_models import CaseAttachment, CaseLink, PetitionCase
from db.engine import Database
from db.models import Visitor
from hall import cases, letters
from hall.errors import IllegalTransition, InvalidInput
from hall.letters import Attachment, LetterRegistration
from tests.hall.test_cases import at

D = dt.date
SENDER_ID = "41128119900202002X"
SCAN_PDF = b"%PDF-1.7\n% a scanned letter\n"
SCAN_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
SCAN_JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


def registration(**changes: object) -> LetterRegistration:
    fields: dict[str, object] = {
        "sender_name": "李秀英",
        "sender_id_number": SENDER_ID,
        "sender_phone": "139 0398 1234",
        "sender_address": "义马市新区街道幸福路8号",
        "received_on": D(2026, 3, 2),
        "postmarked_on": D(2026, 2, 27),
        "pages": 3,
        "purpose": "appeal",
        "summary": "对土地确权结果不服",
        "request": "要求重新确权",
    }
    fields.update(changes)
    return LetterRegistration(**fields)  # type: ignore[arg-type]


def test_a_letter_opens_a_case_with_its_envelope_and_scans(hall_db: Database) -> None:
    scans = [Attachment("C:\\扫描\\信件第1页.pdf", SCAN_PDF), Attachment("信封.png", SCAN_PNG)]
    with hall_db.write() as s:
        case = letters.register_letter(s, registration(attachments=scans), now=at(D(2026, 3, 3)))
        case_id = case.id
    with hall_db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        [row] = cases.letters(s, case_id)
        kept = cases.attachments(s, case_id)
        visitor = s.get_one(Visitor, case.visitor_id)
        kinds = [e.kind for e in events.for_entity(s, "case", case_id)]
        contents = [a.content for a in kept]
    assert (case.source, case.purpose, case.received_on) == ("letter", "appeal", D(2026, 3, 2))
    assert (case.summary, case.request) == ("对土地确权结果不服", "要求重新确权")
    assert (row.sender_name, row.postmarked_on, row.pages, row.repeat) == (
        "李秀英",
        D(2026, 2, 27),
        3,
        False,
    )
    assert (visitor.id_number, visitor.gender, visitor.phone) == (SENDER_ID, "女", "13903981234")
    assert visitor.address == "义马市新区街道幸福路8号" and visitor.name_initials == "lxy"
    assert [(a.filename, a.media_type, a.size) for a in kept] == [
        ("信件第1页.pdf", "application/pdf", len(SCAN_PDF)),
        ("信封.png", "image/png", len(SCAN_PNG)),
    ]
    assert contents == [SCAN_PDF, SCAN_PNG]
    assert kept[0].sha256 == hashlib.sha256(SCAN_PDF).hexdigest()
    assert kinds == ["case.registered"]


def test_a_letter_is_checked_by_the_hall_s_field_rules() -> None:
    """The same mistake gets the same words as at the front desk and on the command line."""
    letter = registration(
        sender_name="李\u202e秀英",
        received_on=D(1999, 12, 31),
        postmarked_on=None,
        summary="诉" * 501,
        facts="第一行\r\n第二行",
    )
    problems = {p.field: p.message for p in letters.validate(letter, today=D(2026, 3, 9))}
    assert problems == {
        "sender_name": "来信人姓名中有看不见的控制字符（U+202E），可能是复制粘贴带进来的："
        "请删去后重新输入。",
        "received_on": "收信日期应在 2000-01-01 到 2099-12-31 之间，现在是 1999-12-31。",
        "summary": "事由摘要太长（501 个字，最多 500 个字），请删减后再保存。",
    }


def test_every_problem_of_the_form_is_reported_with_its_field() -> None:
    letter = registration(
        sender_name=" ",
        sender_phone="12345",
        received_on=D(2026, 3, 10),
        postmarked_on=D(2026, 3, 11),
        pages=0,
        summary="",
        attachments=[Attachment("note.txt", b"hello"), Attachment("empty.pdf", b"")],
    )
    problems = letters.validate(letter, today=D(2026, 3, 9))
    assert [p.field for p in problems] == [
        "sender_name",
        "sender_phone",
        "received_on",
        "postmarked_on",
        "pages",
        "summary",
        "attachments",
        "attachments",
    ]
    messages = " ".join(p.message for p in problems)
    assert "不能晚于今天" in messages and "请核对信封" in messages
    assert "“note.txt”不是 PDF 或图片" in messages and "“empty.pdf”是空文件" in messages


def test_a_wrong_id_number_is_refused_before_anything_is_written(hall_db: Database) -> None:
    with pytest.raises(InvalidInput) as error, hall_db.write() as s:
        letters.register_letter(
            s, registration(sender_id_number="411281199002020021"), now=at(D(2026, 3, 3))
        )
    assert error.value.field == "sender_id_number" and "校验位" in str(error.value)
    with hall_db.read() as s:
        assert cases.count_cases(s) == 0


def test_an_oversized_scan_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(letters, "MAX_ATTACHMENT_BYTES", 1024 * 1024)
    big = Attachment("scan.jpg", SCAN_JPEG + b"\x00" * (1024 * 1024))
    [problem] = letters.validate(registration(attachments=[big]), today=D(2026, 3, 3))
    assert "超过 1 MB" in problem.message and "scan.jpg" in problem.message


def test_a_second_letter_on_the_same_matter_is_linked_to_the_open_case(hall_db: Database) -> None:
    with hall_db.write() as s:
        case_id = letters.register_letter(s, registration(), now=at(D(2026, 3, 3))).id
    follow_up = registration(
        received_on=D(2026, 3, 20), attachments=[Attachment("补充.jpg", SCAN_JPEG)]
    )
    with pytest.raises(IllegalTransition) as repeat, hall_db.write() as s:
        letters.register_letter(s, follow_up, now=at(D(2026, 3, 20)))
    assert "义群信〔2026〕0001号" in str(repeat.value) and "关联" in str(repeat.value)
    with hall_db.write() as s:
        letters.link_letter(s, case_id, follow_up, now=at(D(2026, 3, 20)))
    with hall_db.read() as s:
        case = s.get_one(PetitionCase, case_id)
        kept = [(row.received_on, row.repeat) for row in cases.letters(s, case_id)]
        links = s.scalars(select(CaseLink).where(CaseLink.case_id == case_id)).all()
        scans = [a.filename for a in cases.attachments(s, case_id)]
    assert case.repeat_count == 1 and case.state == "registered"
    assert kept == [(D(2026, 3, 2), False), (D(2026, 3, 20), True)]
    assert len(links) == 1 and links[0].letter_id is not None
    assert scans == ["补充.jpg"]
    with hall_db.read() as s:
        assert cases.count_cases(s) == 1


def test_a_letter_from_a_picked_petitioner_uses_that_record(hall_db: Database) -> None:
    with hall_db.write() as s:
        first = letters.register_letter(s, registration(), now=at(D(2026, 3, 3)))
        visitor_id = first.visitor_id
        second = letters.register_letter(
            s,
            registration(sender_id_number="", visitor_id=visitor_id, purpose="opinion"),
            now=at(D(2026, 3, 4)),
        )
        assert second.visitor_id == visitor_id
        assert s.scalar(select(Visitor.id).where(Visitor.id != visitor_id)) is None


def test_a_scan_added_later_is_kept_and_logged(hall_db: Database) -> None:
    with hall_db.write() as s:
        case_id = letters.register_letter(s, registration(), now=at(D(2026, 3, 3))).id
    with hall_db.write() as s:
        added = letters.add_attachment(
            s, case_id, Attachment("证据.jpg", SCAN_JPEG), now=at(D(2026, 3, 5))
        )
        with pytest.raises(InvalidInput):
            letters.add_attachment(s, case_id, Attachment("x.doc", b"PK\x03\x04"))
    with hall_db.read() as s:
        stored = s.get_one(CaseAttachment, added.id)
        kind, payload = [(e.kind, e.payload) for e in events.for_entity(s, "case", case_id)][-1]
        assert stored.content == SCAN_JPEG and stored.letter_id is None
    assert kind == "case.attachment_added" and payload["media_type"] == "image/jpeg"
