"""Plain values every stage shares: documents, regions, positions, findings, edits, fixes."""
