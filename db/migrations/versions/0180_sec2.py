"""sec2: a case's issued documents encrypted at rest

- ``case_document.pdf`` is now ``EncryptedBytes`` (the paper of a 检举控告 case quotes the
  accusation): the at-rest walk's "done" mark is removed, so the next start (or ``hall-admin key
  encrypt``) encrypts the documents already stored, in resumable batches.

Revision ID: 0180_sec2
Revises: 0160_figspeed
Create Date: 2026-12-05 04:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0180_sec2"
down_revision: str | Sequence[str] | None = "0160_figspeed"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DONE_SETTING = "crypto.encrypted_under"


def upgrade() -> None:
    op.execute(sa.text("DELETE FROM hall_setting WHERE key = :key").bindparams(key=DONE_SETTING))


def downgrade() -> None:
    # The documents stay encrypted: the column's storage type (bytes) is unchanged, and the
    # earlier program reads them only through this one's key handling.
    pass
