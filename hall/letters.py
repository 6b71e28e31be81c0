"""Letters (来信): registered with their envelope and scans, each opening a formal case or, when
it raises an open case's matter again, linked to that case as a repeat.

The 15 days to decide run from the day the hall received the letter, not from the day it is
typed in; the postmark is kept because it shows when the petitioner sent it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import PureWindowsPath

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import CaseAttachment, CaseLetter, CaseLink, PetitionCase
from db.event_kinds import EventKind
from db.lookup import id_number_is
from db.models import User, Visitor
from hall import cases, clock, fields
from hall.calendar import cn_date
from hall.errors import InvalidInput, NotFound
from hall.identity import check_phone, check_resident_id
from hall.visitors import name_initials

MAX_PAGES = 999
PAGES = fields.Number("pages", "页数", 1, MAX_PAGES, "页")
RECEIVED_ON = fields.Day("received_on", "收信日期")
POSTMARKED_ON = fields.Day("postmarked_on", "邮戳日期")
# A scanned letter of a few dozen pages at 300 dpi stays well under this.
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
# What a scan may be, told by its first bytes rather than its file name.
MEDIA_TYPES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


@dataclass
class Attachment:
    filename: str
    content: bytes


@dataclass
class LetterRegistration:
    """What the letters officer typed. Plain data, so a failed save keeps the form."""

    sender_name: str
    received_on: dt.date
    summary: str
    purpose: str = "request"
    sender_id_number: str = ""
    sender_phone: str = ""
    sender_address: str = ""
    postmarked_on: dt.date | None = None
    pages: int = 1
    request: str = ""
    facts: str = ""
    reasons: str = ""
    litigation: bool = False
    urgent: bool = False
    accused_unit_id: int | None = None
    accused: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    # A returning petitioner picked from the search, when the letter gives no ID number.
    visitor_id: int | None = None


def media_type(content: bytes) -> str | None:
    for magic, kind in MEDIA_TYPES:
        if content.startswith(magic):
            return kind
    return None


LETTER_TEXTS = (
    ("sender_name", fields.SENDER_NAME),
    ("sender_address", fields.SENDER_ADDRESS),
    ("summary", fields.SUMMARY.but(required=True)),
    ("request", fields.REQUEST),
    ("facts", fields.FACTS),
    ("reasons", fields.REASONS),
    ("accused", fields.ACCUSED),
)


def validate(letter: LetterRegistration, today: dt.date) -> list[InvalidInput]:
    """Every problem with the form at once, each naming its field."""
    # In the order of the form, so the first mistake said is the first on the screen.
    sender, matter = LETTER_TEXTS[:2], LETTER_TEXTS[2:]
    problems = fields.check_all((rule, getattr(letter, name)) for name, rule in sender)
    if letter.sender_id_number.strip():
        try:
            check_resident_id(letter.sender_id_number, "sender_id_number")
        except InvalidInput as error:
            problems.append(error)
    if letter.sender_phone.strip():
        try:
            check_phone(letter.sender_phone, "sender_phone")
        except InvalidInput as error:
            problems.append(error)
    for day, rule in ((letter.received_on, RECEIVED_ON), (letter.postmarked_on, POSTMARKED_ON)):
        if day is not None:
            try:
                fields.check_day(rule, day)
            except InvalidInput as error:
                problems.append(error)
    if letter.received_on > today:
        problems.append(
            InvalidInput(
                f"收信日期（{cn_date(letter.received_on)}）不能晚于今天（{cn_date(today)}）。",
                "received_on",
            )
        )
    if letter.postmarked_on is not None and letter.postmarked_on > letter.received_on:
        problems.append(
            InvalidInput(
                f"邮戳日期（{cn_date(letter.postmarked_on)}）不能晚于收信日期"
                f"（{cn_date(letter.received_on)}），请核对信封。",
                "postmarked_on",
            )
        )
    try:
        fields.check_number(PAGES, letter.pages)
    except InvalidInput as error:
        problems.append(error)
    problems.extend(fields.check_all((rule, getattr(letter, name)) for name, rule in matter))
    for attachment in letter.attachments:
        problem = _attachment_problem(attachment)
        if problem is not None:
            problems.append(problem)
    return problems


def _cleaned(letter: LetterRegistration) -> LetterRegistration:
    """The letter as it is stored: its texts trimmed and folded by their rules (checked before
    by :func:`validate`)."""
    return fields.cleaned(letter, LETTER_TEXTS)


def file_name(path: str) -> str:
    """The bare name of a file picked on any workstation (Windows paths use backslashes,
    which PureWindowsPath splits as well as slashes)."""
    return PureWindowsPath(path).name[:200] or "附件"


def _attachment_problem(attachment: Attachment) -> InvalidInput | None:
    name = file_name(attachment.filename)
    if not attachment.content:
        return InvalidInput(f"附件“{name}”是空文件。", "attachments")
    if len(attachment.content) > MAX_ATTACHMENT_BYTES:
        size = len(attachment.content) / 1024 / 1024
        limit = MAX_ATTACHMENT_BYTES // 1024 // 1024
        return InvalidInput(
            f"附件“{name}”有 {size:.1f} MB，超过 {limit} MB，请降低扫描分辨率后再添加。",
            "attachments",
        )
    if media_type(attachment.content) is None:
        return InvalidInput(
            f"附件“{name}”不是 PDF 或图片（PNG、JPEG、TIFF），不能作为扫描件保存。", "attachments"
        )
    return None


def _sender(session: Session, letter: LetterRegistration, now: dt.datetime) -> Visitor:
    if letter.visitor_id is not None:
        visitor = session.get(Visitor, letter.visitor_id)
        if visitor is None:
            raise NotFound("所选的来信人已不存在，请重新查找。")
        return visitor
    resident = (
        check_resident_id(letter.sender_id_number, "sender_id_number")
        if letter.sender_id_number.strip()
        else None
    )
    visitor = None
    if resident is not None:
        visitor = session.scalar(
            select(Visitor).where(id_number_is(resident.number), Visitor.id_type == "resident")
        )
    if visitor is None:
        visitor = Visitor(
            name=letter.sender_name.strip(),
            name_initials=name_initials(letter.sender_name),
            id_type="resident",
            id_number=resident.number if resident else None,
            birth_date=resident.birth_date if resident else None,
            gender=resident.gender if resident else "",
            phone="",
            address="",
            created_at=now,
        )
        session.add(visitor)
    if letter.sender_phone.strip():
        visitor.phone = check_phone(letter.sender_phone, "sender_phone")
    if letter.sender_address.strip():
        visitor.address = letter.sender_address.strip()
    session.flush()
    return visitor


def _attachment_row(
    case_id: int,
    letter_id: int | None,
    item: Attachment,
    actor: User | None,
    now: dt.datetime,
) -> CaseAttachment:
    content_type = media_type(item.content)
    assert content_type is not None, "validated before"
    return CaseAttachment(
        case_id=case_id,
        letter_id=letter_id,
        filename=file_name(item.filename),
        media_type=content_type,
        size=len(item.content),
        sha256=hashlib.sha256(item.content).hexdigest(),
        content=item.content,
        added_at=now,
        added_by=actor.id if actor else None,
    )


def _keep_letter(
    session: Session,
    letter: LetterRegistration,
    case: PetitionCase,
    repeat: bool,
    actor: User | None,
    now: dt.datetime,
) -> CaseLetter:
    row = CaseLetter(
        case_id=case.id,
        sender_name=letter.sender_name.strip(),
        sender_address=letter.sender_address.strip(),
        sender_phone=letter.sender_phone.strip(),
        received_on=letter.received_on,
        postmarked_on=letter.postmarked_on,
        pages=letter.pages,
        repeat=repeat,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(row)
    session.flush()
    session.add_all(_attachment_row(case.id, row.id, a, actor, now) for a in letter.attachments)
    session.flush()
    return row


def register_letter(
    session: Session,
    letter: LetterRegistration,
    actor: User | None = None,
    now: dt.datetime | None = None,
    new_matter: bool = False,
) -> PetitionCase:
    """Register a letter as a new formal case, with its envelope details and scans.

    As for a visit, a letter raising the sender's open or finally closed matter again is
    refused unless the officer confirms it is a new matter; a repeat goes to
    :func:`link_letter`.
    """
    now = now or clock.now()
    fields.refuse(validate(letter, now.date()))
    letter = _cleaned(letter)
    visitor = _sender(session, letter, now)
    if not new_matter:
        cases.refuse_if_repeat(session, visitor.id, letter.purpose, now.date())
    case = cases.new_case(
        session,
        source="letter",
        visitor_id=visitor.id,
        visit_id=None,
        purpose=letter.purpose,
        summary=letter.summary,
        request=letter.request,
        facts=letter.facts,
        reasons=letter.reasons,
        litigation=letter.litigation,
        urgent=letter.urgent,
        received_on=letter.received_on,
        accused_unit_id=letter.accused_unit_id,
        accused=letter.accused,
        actor=actor,
        now=now,
    )
    _keep_letter(session, letter, case, False, actor, now)
    return case


def link_letter(
    session: Session,
    case_id: int,
    letter: LetterRegistration,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> PetitionCase:
    """Record a letter raising an open case's matter again: linked to it, not a new case."""
    now = now or clock.now()
    fields.refuse(validate(letter, now.date()))
    letter = _cleaned(letter)
    case = cases.link_repeat(session, case_id, actor, now, via="letter")
    letter_row = _keep_letter(session, letter, case, True, actor, now)
    session.add(
        CaseLink(
            case_id=case.id,
            letter_id=letter_row.id,
            note="",
            linked_at=now,
            linked_by=actor.id if actor else None,
        )
    )
    session.flush()
    return case


def add_attachment(
    session: Session,
    case_id: int,
    attachment: Attachment,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> CaseAttachment:
    """Keep one more scan with a case (a document found later, a petitioner's evidence)."""
    now = now or clock.now()
    case = session.get(PetitionCase, case_id)
    if case is None:
        raise NotFound(f"找不到编号为 {case_id} 的信访事项。")
    problem = _attachment_problem(attachment)
    if problem is not None:
        raise problem
    row = _attachment_row(case.id, None, attachment, actor, now)
    session.add(row)
    session.flush()
    events.append(
        session,
        EventKind.CASE_ATTACHMENT_ADDED,
        "case",
        case.id,
        now,
        actor.id if actor else None,
        {"number": case.number, "attachment_id": row.id, "media_type": row.media_type},
    )
    return row
