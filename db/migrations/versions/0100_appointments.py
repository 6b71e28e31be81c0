"""appointments: 预约 slots and bookings; today's queue status read by day

New tables, and one new index on ticket (service_date first) so that ``queue.status`` reads
today's rows only however long the history grows. Nothing existing changes.

Revision ID: 0100_appointments
Revises: 0086_figure_indexes
Create Date: 2026-06-10 14:00:00

"""

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = "0100_appointments"
down_revision: Union[str, Sequence[str], None] = "0086_figure_indexes"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "appointment_slot",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("window_id", sa.Integer(), nullable=False),
        sa.Column("for_leader", sa.Boolean(), nullable=False),
        sa.Column("starts", sa.Time(), nullable=False),
        sa.Column("ends", sa.Time(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["window_id"],
            ["service_window.id"],
            name=op.f("fk_appointment_slot_window_id_service_window"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment_slot")),
    )
    op.create_table(
        "appointment",
        sa.Column("id", BIG_ID, nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("id_number", sa.String(length=32), nullable=False),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("summary", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("booked_at", sa.DateTime(), nullable=False),
        sa.Column("checked_in_at", sa.DateTime(), nullable=True),
        sa.Column("ticket_id", BIG_ID, nullable=True),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["appointment_slot.id"],
            name=op.f("fk_appointment_slot_id_appointment_slot"),
        ),
        sa.ForeignKeyConstraint(
            ["ticket_id"], ["ticket.id"], name=op.f("fk_appointment_ticket_id_ticket")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appointment")),
        sa.UniqueConstraint("code", name=op.f("uq_appointment_code")),
    )
    op.create_index("ix_appointment_day_id_number", "appointment", ["day", "id_number"])
    op.create_index("ix_appointment_day_phone", "appointment", ["day", "phone"])
    op.create_index("ix_appointment_slot_day", "appointment", ["slot_id", "day"])
    op.create_index(
        "ix_ticket_day_window", "ticket", ["service_date", "window_id", "status", "priority"]
    )


def downgrade() -> None:
    op.drop_index("ix_ticket_day_window", table_name="ticket")
    op.drop_index("ix_appointment_slot_day", table_name="appointment")
    op.drop_index("ix_appointment_day_phone", table_name="appointment")
    op.drop_index("ix_appointment_day_id_number", table_name="appointment")
    op.drop_table("appointment")
    op.drop_table("appointment_slot")
