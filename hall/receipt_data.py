"""What an intake receipt says, read from the database: for a ticket just issued, or again for
a visit (a reprint), by the front desk and by ``hall-admin queue issue --receipt``."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.engine import data_dir
from db.models import Ticket
from db.states import TicketStatus
from hall import queue, settings, visitors
from hall.catalog import PURPOSES
from hall.errors import NotFound
from hall.masking import mask_name
from printing.receipt import ReceiptData


def receipt_for(session: Session, ticket: Ticket) -> ReceiptData:
    """The receipt of a ticket given for a registered visit. The people ahead and the wait
    are reckoned now, so a reprint tells the visitor where they stand at the time of the
    reprint."""
    visit = ticket.visit
    if visit is None:
        raise NotFound(
            f"号票 {ticket.number} 没有来访登记，没有查询码和条码可印：请在导访台登记后再打印凭条。"
        )
    wait = queue.ticket_wait(session, ticket) if ticket.status == TicketStatus.WAITING else None
    return ReceiptData(
        hall_name=settings.get(session, settings.HALL_NAME),
        ticket_number=ticket.number,
        window_name=ticket.window.name,
        window_location=ticket.window.location,
        issued_at=ticket.issued_at,
        people_ahead=wait.ahead if wait is not None else 0,
        masked_name=mask_name(visit.visitor.name),
        purpose=PURPOSES.get(visit.purpose, visit.purpose),
        # A matter marked sensitive keeps its summary off the paper, as an accusation does.
        summary="" if visit.sensitive else visit.summary,
        visit_code=visit.code,
        query_code=visit.query_code,
        group_size=visit.group_size,
        representatives=len(visit.representatives),
        wait_minutes=wait.minutes if wait is not None else None,
    )


def visit_receipt(session: Session, code: str) -> ReceiptData:
    """The receipt of a visit found by its visit code or query code, for its latest ticket
    (after a transfer, the window the visitor goes to now)."""
    visit = visitors.visit_by_code(session, code)
    tickets = queue.visit_tickets(session, visit)
    if not tickets:
        raise NotFound(f"来访登记 {visit.code} 没有号票，无法打印凭条。")
    return receipt_for(session, tickets[-1])


def receipt_file_name(data: ReceiptData) -> str:
    """A file name that sorts by day and says which ticket it is."""
    return f"{data.issued_at:%Y%m%d}-{data.ticket_number}-{data.visit_code}.pdf"


def default_receipt_folder() -> str:
    return str(data_dir() / "receipts")
