"""The languages we write in, and the one we write when nothing says otherwise: bokmål.

One constant each, kept at the bottom layer because the models' column defaults need them as much as the
catalogue (`catalogue` re-exports them) and the campaigns' language rules do.
"""

from __future__ import annotations

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"
# The two written standards of Norwegian: a company's målform in the register is one of them.
WRITTEN_STANDARDS = ("nb", "nn")
