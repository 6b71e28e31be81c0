"""court trial limits: conversions of procedure and approved extensions

Only a new table: nothing existing changes.

Revision ID: 0050_calendar
Revises: 0040_windows
Create Date: 2026-12-04 23:40:00

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = '0050_calendar'
down_revision: Union[str, Sequence[str], None] = '0040_windows'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('court_limit_change',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('case_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('track', sa.String(length=16), nullable=False),
    sa.Column('from_track', sa.String(length=16), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approver', sa.String(length=64), nullable=False),
    sa.Column('due_before', sa.Date(), nullable=False),
    sa.Column('due_after', sa.Date(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['case_id'], ['court_case.id'], name=op.f('fk_court_limit_change_case_id_court_case')),
    sa.ForeignKeyConstraint(['created_by'], ['app_user.id'], name=op.f('fk_court_limit_change_created_by_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_court_limit_change'))
    )
    with op.batch_alter_table('court_limit_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_court_limit_change_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_court_limit_change_decided_on'), ['decided_on'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table('court_limit_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_court_limit_change_decided_on'))
        batch_op.drop_index(batch_op.f('ix_court_limit_change_case_id'))
    op.drop_table('court_limit_change')
