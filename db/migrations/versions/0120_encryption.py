"""encryption at rest: encrypted columns widened to text, visitors' look-up columns

ID numbers, phones and addresses are stored SM4-GCM encrypted (db.crypto), longer than their old
width, so those columns become text. Visitors are found by keyed hashes of the ID number and the
phone (and the phone's last four digits) instead of prefixes of the plain values, so the old
prefix indexes go and the look-up columns come with their indexes.

The rows are not encrypted here: a migration has no key. The program encrypts them in batches,
resumably, when it first opens the database with the hall key (hall.at_rest; ``hall-admin key
encrypt`` shows the progress). Downgrading restores the columns' types only: values already
encrypted stay encrypted.

Revision ID: 0120_encryption
Revises: 0100_appointments
Create Date: 2026-12-05 10:00:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0120_encryption"
down_revision: str | Sequence[str] | None = "0100_appointments"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (table, column, width before)
WIDENED = (
    ("visitor", "id_number", 32),
    ("visitor", "phone", 32),
    ("visitor", "address", 200),
    ("visit_representative", "id_number", 32),
    ("visit_representative", "phone", 32),
    ("case_letter", "sender_address", 200),
    ("case_letter", "sender_phone", 32),
    ("court_case", "plaintiff_address", 200),
    ("court_case", "plaintiff_contact", 64),
    ("court_case", "defendant_address", 200),
)
LOOKUPS = ("id_hash", "phone_hash", "phone_last4")
# Indexed for searching by the birth date an ID number holds (the number itself no longer can be).
BIRTH_INDEX = "ix_visitor_birth_date"


def _tables() -> list[str]:
    return list(dict.fromkeys(table for table, _, _ in WIDENED))


def upgrade() -> None:
    with op.batch_alter_table("visitor") as batch_op:
        batch_op.drop_index("ix_visitor_id_number")
        batch_op.drop_index("ix_visitor_phone")
        batch_op.add_column(sa.Column("id_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("phone_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(
            sa.Column("phone_last4", sa.String(length=4), nullable=False, server_default="")
        )
    for table in _tables():
        with op.batch_alter_table(table) as batch_op:
            for name, column, width in WIDENED:
                if name == table:
                    batch_op.alter_column(
                        column, type_=sa.Text(), existing_type=sa.String(length=width)
                    )
    with op.batch_alter_table("visitor") as batch_op:
        batch_op.alter_column("phone_last4", server_default=None)
        for column in LOOKUPS:
            batch_op.create_index(f"ix_visitor_{column}", [column], unique=False)
        batch_op.create_index(BIRTH_INDEX, ["birth_date"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("visitor") as batch_op:
        batch_op.drop_index(BIRTH_INDEX)
        for column in LOOKUPS:
            batch_op.drop_index(f"ix_visitor_{column}")
            batch_op.drop_column(column)
    for table in _tables():
        with op.batch_alter_table(table) as batch_op:
            for name, column, width in WIDENED:
                if name == table:
                    batch_op.alter_column(
                        column, type_=sa.String(length=width), existing_type=sa.Text()
                    )
    with op.batch_alter_table("visitor") as batch_op:
        for column in ("id_number", "phone"):
            batch_op.create_index(
                f"ix_visitor_{column}",
                [column],
                unique=False,
                postgresql_ops={column: "varchar_pattern_ops"},
            )
