"""case_leader: a formal case's 包案领导

- ``petition_case.leader``: the leader who leads the case (包案), by name from the leaders' list
  as the dispute register's ``dispute.leader`` is; "" for every case already stored. Indexed:
  a leader's home page lists the open cases he or she leads.
- The archived guard of 0150_secops on ``petition_case`` covers the new column too: who led an
  archived case is part of what it says. A trigger's column list is fixed when it is created,
  so the trigger is made again with the column added (and back without it on the way down).

Revision ID: 0190_case_leader
Revises: 0180_sec2
Create Date: 2026-12-05 10:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0190_case_leader"
down_revision: str | Sequence[str] | None = "0180_sec2"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "已归档的记录只读，不能修改"
# 0150_secops's list for petition_case, as it stands before this revision.
GUARDED = (
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
)
TRIGGER = "petition_case_archived_read_only"


def _drop_guard() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP TRIGGER {TRIGGER} ON petition_case")
    else:
        op.execute(f"DROP TRIGGER {TRIGGER}")


def _create_guard(columns: Sequence[str]) -> None:
    listed = ", ".join(columns)
    if op.get_bind().dialect.name == "postgresql":  # archived_refuse() is 0150_secops's
        op.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OF {listed} ON petition_case "
            "FOR EACH ROW WHEN (OLD.archived_on IS NOT NULL) "
            "EXECUTE FUNCTION archived_refuse()"
        )
    else:
        op.execute(
            f"CREATE TRIGGER {TRIGGER} BEFORE UPDATE OF {listed} ON petition_case "
            f"WHEN OLD.archived_on IS NOT NULL BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        )


def upgrade() -> None:
    _drop_guard()
    # Plain ALTER TABLE ADD COLUMN on both databases (no batch copy of the table on SQLite):
    # the server default fills the rows already stored.
    op.add_column(
        "petition_case",
        sa.Column("leader", sa.String(length=64), nullable=False, server_default=""),
    )
    op.create_index(op.f("ix_petition_case_leader"), "petition_case", ["leader"], unique=False)
    _create_guard((*GUARDED, "leader"))


def downgrade() -> None:
    _drop_guard()
    op.drop_index(op.f("ix_petition_case_leader"), table_name="petition_case")
    with op.batch_alter_table("petition_case") as batch:
        batch.drop_column("leader")
    _create_guard(GUARDED)
