"""figures: the content category list and each visit's category

Only new tables: nothing existing changes, so no server defaults are needed.

Revision ID: 0060_figures
Revises: 0040_windows
Create Date: 2026-06-10 14:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0060_figures"
down_revision: Union[str, Sequence[str], None] = "0050_calendar"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "content_category",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["content_category.id"],
            name=op.f("fk_content_category_parent_id_content_category"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_content_category")),
        sa.UniqueConstraint("parent_id", "name", name="uq_content_category_parent_name"),
    )
    op.create_table(
        "visit_category",
        sa.Column(
            "visit_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["category_id"],
            ["content_category.id"],
            name=op.f("fk_visit_category_category_id_content_category"),
        ),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visit.id"],
            name=op.f("fk_visit_category_visit_id_visit"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("visit_id", name=op.f("pk_visit_category")),
    )
    op.create_index(
        "ix_visit_category_category", "visit_category", ["category_id", "visit_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_visit_category_category", table_name="visit_category")
    op.drop_table("visit_category")
    op.drop_table("content_category")
