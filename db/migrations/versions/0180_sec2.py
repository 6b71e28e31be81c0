"""sec2: a case's issued documents encrypted at rest; retention of court files, opinions and
aid records

- ``case_document.pdf`` is now ``EncryptedBytes`` (the paper of a 检举控告 case quotes the
  accusation): the at-rest walk's "done" mark is removed, so the next start (or ``hall-admin key
  encrypt``) encrypts the documents already stored, in resumable batches;
- ``court_case.archived_on``, ``opinion.archived_on``, ``aid_record.archived_on``: archived
  (归档) by retention (``hall.retention_records``), after which triggers refuse any change to
  what the record says, as 0150_secops does for visits and cases. Left out of the guard: the
  encrypted columns (a key rotation rewrites them) and what de-identification clears.

Revision ID: 0180_sec2
Revises: 0170_figwin
Create Date: 2026-12-05 04:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0180_sec2"
down_revision: str | Sequence[str] | None = "0170_figwin"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REFUSAL = "已归档的记录只读，不能修改"
DONE_SETTING = "crypto.encrypted_under"
GUARDED = {
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


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table, columns in GUARDED.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("archived_on", sa.Date(), nullable=True))
        listed = ", ".join(columns)
        if postgres:  # archived_refuse() is 0150_secops's
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
    op.execute(sa.text("DELETE FROM hall_setting WHERE key = :key").bindparams(key=DONE_SETTING))


def downgrade() -> None:
    # The documents stay encrypted: the column's storage (bytes) is unchanged.
    for table in GUARDED:
        op.execute(
            f"DROP TRIGGER {table}_archived_read_only ON {table}"
            if op.get_bind().dialect.name == "postgresql"
            else f"DROP TRIGGER {table}_archived_read_only"
        )
        with op.batch_alter_table(table) as batch:
            batch.drop_column("archived_on")
