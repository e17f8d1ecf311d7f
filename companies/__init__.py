"""Companies and their addresses: phone verdicts, e-mail validation, unsubscribe links (layout.md)."""
