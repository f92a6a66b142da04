"""The first store: scans, documents and their findings (positions and rule ids, no text).

Revision ID: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scans",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("started", sa.String(32), nullable=False),
        sa.Column("finished", sa.String(32)),
        sa.Column("engine", sa.String(80), nullable=False),
        sa.Column("packs", sa.String(80), nullable=False),
        sa.Column("roots", sa.Text, nullable=False),
        sa.Column("checked", sa.Integer, nullable=False, server_default="0"),
        sa.Column("reused", sa.Integer, nullable=False, server_default="0"),
        sa.Column("failed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("removed", sa.Integer, nullable=False, server_default="0"),
        sa.Column("rechecked_all", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(2048), nullable=False, unique=True),
        sa.Column("root", sa.String(2048), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False, server_default="text"),
        sa.Column("size", sa.BigInteger, nullable=False, server_default="0"),
        sa.Column("mtime_ns", sa.BigInteger),
        sa.Column("words", sa.Integer, nullable=False, server_default="0"),
        sa.Column("content_hash", sa.String(64)),
        sa.Column("department", sa.String(200), nullable=False),
        sa.Column("day", sa.String(10)),
        sa.Column("day_from", sa.String(16)),
        sa.Column("engine", sa.String(80)),
        sa.Column("packs", sa.String(80)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("error", sa.Text),
        sa.Column("seen_scan", sa.Integer, sa.ForeignKey("scans.id"), nullable=False),
        sa.Column("checked_scan", sa.Integer, sa.ForeignKey("scans.id")),
    )
    op.create_index("documents_status_day", "documents", ["status", "day"])
    op.create_table(
        "findings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "document_id",
            sa.Integer,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("term", sa.String(80), nullable=False),
        sa.Column("rule", sa.String(80), nullable=False),
        sa.Column("severity", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
    )
    op.create_index("findings_document", "findings", ["document_id"])


def downgrade() -> None:
    op.drop_table("findings")
    op.drop_table("documents")
    op.drop_table("scans")
