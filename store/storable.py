"""What the database cannot store in a text column: NUL (PostgreSQL refuses it) and lone surrogates (no UTF-8
for them). One rule for every input that keeps text, so SQLite and PostgreSQL refuse the same values."""

from __future__ import annotations

import re

UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
