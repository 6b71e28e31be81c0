"""figure indexes: covering indexes for a period's visits, tickets and ratings

The leaders' figures read a month or a year of visits and tickets; these indexes hold every
column the figures read, so the scan never touches the wide rows.

Revision ID: 0086_figure_indexes
Revises: 0085_ledgers
Create Date: 2026-06-10 15:00:00

"""

from typing import Sequence, Union

from alembic import op

revision: str = "0086_figure_indexes"
down_revision: Union[str, Sequence[str], None] = "0085_ledgers"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

VISIT_COLUMNS = ["created_at", "window_id", "channel", "purpose", "group_size", "visitor_id", "id"]
TICKET_COLUMNS = [
    "service_date",
    "window_id",
    "status",
    "queued_at",
    "called_at",
    "started_at",
    "finished_at",
    "called_by",
    "visit_id",
    "id",
]


def upgrade() -> None:
    op.create_index("ix_visit_figures", "visit", VISIT_COLUMNS, unique=False)
    op.create_index("ix_ticket_figures", "ticket", TICKET_COLUMNS, unique=False)
    op.create_index(
        "ix_satisfaction_figures", "satisfaction", ["rated_at", "ticket_id", "score"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_satisfaction_figures", table_name="satisfaction")
    op.drop_index("ix_ticket_figures", table_name="ticket")
    op.drop_index("ix_visit_figures", table_name="visit")
