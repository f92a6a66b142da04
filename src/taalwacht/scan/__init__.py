"""Collections: checking many documents in one or more processes (later: store, Dask)."""
