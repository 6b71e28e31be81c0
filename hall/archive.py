"""Archived records (归档, ``hall.retention``) are read-only, said in the user's words.

The database refuses any change to what an archived record says (triggers of migrations
0150_secops, 0180_sec2 and 0190_case_leader), but its refusal reaches a screen as a database
failure. This check, run before every flush of the program's sessions, refuses the same changes
first with a message that says why. The columns are the triggers' own list.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session

from hall.errors import IllegalTransition

# What an archived record says (the migration's GUARDED lists, as mapped attributes), by table:
# named rather than imported, so that loading this check (with anything that may change a
# visit, such as the queue) does not declare the cases', the court's and the windows' tables.
GUARDED: dict[str, tuple[str, ...]] = {
    "visit": (
        "code",
        "query_code",
        "visitor_id",
        "channel",
        "purpose",
        "group_size",
        "litigation",
        "urgent",
        "sensitive",
        "leader_reception",
        "priority_reason",
        "window_id",
        "status",
        "outcome_notes",
        "created_at",
        "created_by",
        "archived_on",
    ),
    "petition_case": (
        "number",
        "visit_id",
        "visitor_id",
        "purpose",
        "summary",
        "state",
        "decision",
        "decided_on",
        "decision_note",
        "unit_id",
        "officer_id",
        "replied_on",
        "outcome",
        "reply_text",
        "closed_on",
        "review_requested_on",
        "review_outcome",
        "review_text",
        "rereview_requested_on",
        "rereview_outcome",
        "rereview_text",
        "executed_on",
        "execution_note",
        "archived_on",
        # Added by migration 0190_case_leader.
        "leader",
    ),
    # Migration 0180_sec2's lists.
    "court_case": (
        "handoff_id",
        "visit_id",
        "stage",
        "opened_at",
        "number",
        "type_code",
        "track",
        "registered_on",
        "due_on",
        "plaintiff_gender",
        "plaintiff_age",
        "defendant_kind",
        "claims",
        "facts_reasons",
        "evidence",
        "witnesses",
        "outcome",
        "closed_on",
        "outcome_note",
        "agreement_on",
        "agreement_terms",
        "confirmation_applied_on",
        "enforcement_applied_on",
        "enforcement_note",
        "archived_on",
    ),
    "opinion": (
        "visit_id",
        "visitor_id",
        "received_on",
        "content",
        "topic_id",
        "township",
        "village",
        "place",
        "unit_id",
        "created_at",
        "archived_on",
    ),
    "aid_record": (
        "visit_id",
        "visitor_id",
        "kind_id",
        "household_size",
        "requested_fen",
        "granted_fen",
        "unit_id",
        "referral",
        "referral_note",
        "created_at",
        "updated_at",
        "archived_on",
    ),
}
WHAT = {
    "visit": "来访登记",
    "petition_case": "信访事项",
    "court_case": "法院诉讼档案",
    "opinion": "社情民意",
    "aid_record": "帮扶济困记录",
}


class Archived(IllegalTransition):
    """A change to an archived record."""


def _archived_on(record: Any) -> object:
    history = inspect(record).attrs.archived_on.history
    # The value as stored before this unit of work: archiving itself is allowed.
    return history.deleted[0] if history.deleted else (history.unchanged or [None])[0]


@event.listens_for(Session, "before_flush")
def _refuse_changes(session: Session, _context: object, _instances: object) -> None:
    for record in session.dirty:
        table = str(getattr(type(record), "__tablename__", ""))
        guarded = GUARDED.get(table)
        if guarded is None or _archived_on(record) is None:
            continue
        state = inspect(record)
        if any(state.attrs[name].history.has_changes() for name in guarded):
            what = WHAT[table]
            raise Archived(
                f"这条{what}已于 {_archived_on(record)} 归档，归档后只读，不能修改。"
                "如确需补充，请登记新的来访或信访事项。"
            )
