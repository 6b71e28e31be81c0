"""secops: encrypted summaries and scans, the summary's search tokens, retention's archive marks

- ``visit_summary_token``: the keyed tokens a visit's encrypted summary is found by
  (``db.summary_index``);
- ``visit.archived_on``, ``petition_case.archived_on``: archived (归档) by retention, after
  which triggers refuse any change to what the record says (its encrypted columns may still be
  re-encrypted under a new key, and a proxy's name still removed by de-identification);
- ``visitor.deidentified_on``: the person's identifying data removed by retention;
- the at-rest walk's "done" mark is removed, so the next start (or ``hall-admin key encrypt``)
  encrypts the summaries and scans already stored, in resumable batches, building the tokens.

Revision ID: 0150_secops
Revises: 0140_accounts
Create Date: 2026-12-05 03:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0150_secops"
down_revision: Union[str, Sequence[str], None] = "0140_accounts"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
REFUSAL = "已归档的记录只读，不能修改"
# What an archived record says: changing any of these is refused. Left out: the encrypted
# columns (a key rotation rewrites them), a visit's proxy name (de-identification clears it),
# and a case's running-limit dates (no limit runs on a closed case; recalculation may pass).
GUARDED = {
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
    ),
}
DONE_SETTING = "crypto.encrypted_under"


def _create_guards() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(
            "CREATE FUNCTION archived_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
            f"BEGIN RAISE EXCEPTION '{REFUSAL}'; END $$"
        )
    for table, columns in GUARDED.items():
        listed = ", ".join(columns)
        if postgres:
            op.execute(
                f"CREATE TRIGGER {table}_archived_read_only BEFORE UPDATE OF {listed} ON {table} "
                "FOR EACH ROW WHEN (OLD.archived_on IS NOT NULL) "
                "EXECUTE FUNCTION archived_refuse()"
            )
        else:
            op.execute(
                f"CREATE TRIGGER {table}_archived_read_only BEFORE UPDATE OF {listed} ON {table} "
                f"WHEN OLD.archived_on IS NOT NULL BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
            )


def upgrade() -> None:
    op.create_table(
        "visit_summary_token",
        sa.Column("token", sa.String(length=16), nullable=False),
        sa.Column("visit_id", BIG_ID, nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_summary_token_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", "visit_id", name=op.f("pk_visit_summary_token")),
    )
    op.create_index(op.f("ix_visit_summary_token_visit_id"), "visit_summary_token", ["visit_id"])
    with op.batch_alter_table("visit") as batch:
        batch.add_column(sa.Column("archived_on", sa.Date(), nullable=True))
    with op.batch_alter_table("petition_case") as batch:
        batch.add_column(sa.Column("archived_on", sa.Date(), nullable=True))
    with op.batch_alter_table("visitor") as batch:
        batch.add_column(sa.Column("deidentified_on", sa.Date(), nullable=True))
    _create_guards()
    op.execute(sa.text("DELETE FROM hall_setting WHERE key = :key").bindparams(key=DONE_SETTING))


def downgrade() -> None:
    for table in GUARDED:
        op.execute(
            f"DROP TRIGGER {table}_archived_read_only ON {table}"
            if op.get_bind().dialect.name == "postgresql"
            else f"DROP TRIGGER {table}_archived_read_only"
        )
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION archived_refuse()")
    with op.batch_alter_table("visitor") as batch:
        batch.drop_column("deidentified_on")
    with op.batch_alter_table("petition_case") as batch:
        batch.drop_column("archived_on")
    with op.batch_alter_table("visit") as batch:
        batch.drop_column("archived_on")
    op.drop_index(op.f("ix_visit_summary_token_visit_id"), table_name="visit_summary_token")
    op.drop_table("visit_summary_token")
