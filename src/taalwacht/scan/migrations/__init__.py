"""Alembic migrations of the scan store: each version upgrades a store from the one before."""
