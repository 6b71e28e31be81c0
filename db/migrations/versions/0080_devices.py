"""devices: hall-admin's devices (callers, rating pads, kiosks) and unconfirmed calls

Only new tables: nothing existing changes, so no server defaults are needed.

Revision ID: 0080_devices
Revises: 0060_figures
Create Date: 2026-06-10 14:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0080_devices"
down_revision: Union[str, Sequence[str], None] = "0060_figures"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        "hall_device",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("actions", sa.String(length=128), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["app_user.id"], name=op.f("fk_hall_device_created_by_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_hall_device_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hall_device")),
        sa.UniqueConstraint("name", name=op.f("uq_hall_device_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_hall_device_token_hash")),
    )
    op.create_table(
        "pending_call",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column(
            "ticket_id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("called_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_pending_call_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_pending_call")),
    )
    op.create_index(op.f("ix_pending_call_ticket_id"), "pending_call", ["ticket_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pending_call_ticket_id"), table_name="pending_call")
    op.drop_table("pending_call")
    op.drop_table("hall_device")
