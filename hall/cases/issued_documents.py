"""The notices a case issues (受理告知书, 延期告知书, 信访处理意见书 ...), their reprints and
the case's attachments and letters."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import events
from db.case_models import (
    ACCEPTANCE,
    ASSIGNMENT,
    DOCUMENT_NAMES,
    EXTENSION,
    REJECTION,
    REPLY,
    REREVIEW_OPINION,
    REVIEW_OPINION,
    SUPERVISION,
    CaseAttachment,
    CaseDocument,
    CaseLetter,
    PetitionCase,
    SupervisionOrder,
)
from db.event_kinds import EventKind
from db.models import User
from db.states import CaseDecision
from hall import clock
from hall.cases.transitions import case_for_update
from hall.errors import IllegalTransition, InvalidInput, NotFound


def document_refusal(case: PetitionCase, kind: str, order: SupervisionOrder | None = None) -> str:
    """Why ``kind`` cannot be issued for the case now ('' when it can)."""
    name = DOCUMENT_NAMES.get(kind)
    if name is None:
        return f"没有“{kind}”这种文书。"
    ready = {
        ACCEPTANCE: case.decision in (CaseDecision.ACCEPTED, CaseDecision.ASSIGNED),
        REJECTION: case.decision in (CaseDecision.NOT_ACCEPTED, CaseDecision.SEPARATED),
        EXTENSION: case.extension_days > 0,
        REPLY: case.replied_on is not None,
        REVIEW_OPINION: case.reviewed_on is not None,
        REREVIEW_OPINION: case.rereviewed_on is not None,
        ASSIGNMENT: case.decision == CaseDecision.ASSIGNED,
        SUPERVISION: order is not None and order.case_id == case.id,
    }[kind]
    if ready:
        return ""
    why = {
        ACCEPTANCE: "尚未受理或交办",
        REJECTION: "没有作出不予受理或诉访分离的决定",
        EXTENSION: "没有延期",
        REPLY: "尚未出具处理意见",
        REVIEW_OPINION: "尚未作出复查意见",
        REREVIEW_OPINION: "尚未作出复核意见",
        ASSIGNMENT: "不是交办件",
        SUPERVISION: "没有对应的督办单",
    }[kind]
    return f"信访事项{case.number}{why}，不能出具{name}。"


def issue_document(
    session: Session,
    case_id: int,
    kind: str,
    pdf: bytes,
    issued_on: dt.date,
    order_id: int | None = None,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> CaseDocument:
    """Keep a rendered document of the case and record its first issue."""
    now = now or clock.now()
    case = case_for_update(session, case_id)
    order = session.get(SupervisionOrder, order_id) if order_id is not None else None
    refusal = document_refusal(case, kind, order)
    if refusal:
        raise IllegalTransition(refusal)
    if not pdf.startswith(b"%PDF-"):
        raise InvalidInput("文书不是 PDF 文件。", "pdf")
    document = CaseDocument(
        case_id=case.id,
        order_id=order.id if order else None,
        kind=kind,
        issued_on=issued_on,
        pdf=pdf,
        created_at=now,
        created_by=actor.id if actor else None,
    )
    session.add(document)
    session.flush()
    events.append(
        session,
        EventKind.DOCUMENT_ISSUED,
        "case_document",
        document.id,
        now,
        actor.id if actor else None,
        {"number": case.number, "kind": kind, "case_id": case.id},
    )
    return document


PRINT_WAYS = {"printed": "打印", "saved": "保存为文件", "reprinted": "重新打印"}


def reissue_document(
    session: Session,
    document_id: int,
    how: str,
    actor: User | None = None,
    now: dt.datetime | None = None,
) -> bytes:
    """The document as first issued, for printing, saving or reprinting; each is recorded."""
    now = now or clock.now()
    if how not in PRINT_WAYS:
        raise InvalidInput(f"“{how}”无效，应为：{'、'.join(PRINT_WAYS)}。", "how")
    document = session.get(CaseDocument, document_id)
    if document is None:
        raise NotFound(f"找不到编号为 {document_id} 的文书。")
    events.append(
        session,
        EventKind.DOCUMENT_PRINTED,
        "case_document",
        document.id,
        now,
        actor.id if actor else None,
        {"kind": document.kind, "case_id": document.case_id, "how": how},
    )
    return document.pdf


@dataclass(frozen=True)
class DocumentIssue:
    at: dt.datetime
    what: str
    actor_id: int | None


def documents(session: Session, case_id: int) -> Sequence[CaseDocument]:
    return session.scalars(
        select(CaseDocument).where(CaseDocument.case_id == case_id).order_by(CaseDocument.id)
    ).all()


def document_history(session: Session, document_id: int) -> list[DocumentIssue]:
    """When the document was issued and every time it was printed, saved or reprinted."""
    history = []
    for event in events.for_entity(session, "case_document", document_id):
        how = str(event.payload.get("how", ""))
        what = "出具" if event.kind == EventKind.DOCUMENT_ISSUED else PRINT_WAYS.get(how, how)
        history.append(DocumentIssue(event.at, what, event.actor_id))
    return history


def attachments(session: Session, case_id: int) -> Sequence[CaseAttachment]:
    return session.scalars(
        select(CaseAttachment).where(CaseAttachment.case_id == case_id).order_by(CaseAttachment.id)
    ).all()


def letters(session: Session, case_id: int) -> Sequence[CaseLetter]:
    return session.scalars(
        select(CaseLetter).where(CaseLetter.case_id == case_id).order_by(CaseLetter.id)
    ).all()
