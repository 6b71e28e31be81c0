"""action requests: user actions applied once however often they are retried

Revision ID: 0030_action_request
Revises: 0021_case_indexes
Create Date: 2026-11-21 10:00:00.000000

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0030_action_request'
down_revision: Union[str, Sequence[str], None] = '0021_case_indexes'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('action_request',
    sa.Column('request_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=48), nullable=False),
    sa.Column('entity_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=True),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('request_id', name=op.f('pk_action_request'))
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('action_request')
