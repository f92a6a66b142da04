"""Bytes <-> Document: one module per format, atomic writing, input limits."""
