"""Companies and their addresses: who may be written to, and why not (PRODUCT §3)."""
