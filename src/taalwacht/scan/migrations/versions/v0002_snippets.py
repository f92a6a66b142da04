"""A short quote around each finding, stored only when the config asks for it
(``store-snippets = true``): by default the store keeps no text of a document.

Revision ID: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.add_column(sa.Column("snippet", sa.String(300)))


def downgrade() -> None:
    with op.batch_alter_table("findings") as batch:
        batch.drop_column("snippet")
