"""ledger imports: the rows already imported, by their stable key

Only a new table: nothing existing changes.

Revision ID: 0085_ledgers
Revises: 0080_devices
Create Date: 2026-12-04 23:50:00.000000

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0085_ledgers'
down_revision: str | Sequence[str] | None = "0080_devices"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "ledger_row",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("visit_id", BIG_ID, nullable=True),
        sa.Column("case_id", BIG_ID, nullable=True),
        sa.Column("court_case_id", BIG_ID, nullable=True),
        sa.Column("opinion_id", BIG_ID, nullable=True),
        sa.Column("extra", sa.JSON(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("imported_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name=op.f("fk_ledger_row_visit_id_visit")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["petition_case.id"], name=op.f("fk_ledger_row_case_id_petition_case")
        ),
        sa.ForeignKeyConstraint(
            ["court_case_id"],
            ["court_case.id"],
            name=op.f("fk_ledger_row_court_case_id_court_case"),
        ),
        sa.ForeignKeyConstraint(
            ["opinion_id"], ["opinion.id"], name=op.f("fk_ledger_row_opinion_id_opinion")
        ),
        sa.ForeignKeyConstraint(
            ["imported_by"], ["app_user.id"], name=op.f("fk_ledger_row_imported_by_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_row")),
        sa.UniqueConstraint("kind", "key", name="uq_ledger_row_kind_key"),
    )
    op.create_index("ix_ledger_row_visit_id", "ledger_row", ["visit_id"])
    op.create_index("ix_ledger_row_court_case_id", "ledger_row", ["court_case_id"])
    op.create_index("ix_ledger_row_opinion_id", "ledger_row", ["opinion_id"])


def downgrade() -> None:
    op.drop_table("ledger_row")
