"""One catalogue for every text a person reads, in bokmål (`nb`), nynorsk (`nn`) and English (`en`).

Each module here holds the texts of one audience or area as `TEXTS = {key: {"nb": ..., "nn": ..., "en": ...}}`;
this package merges them and refuses a key defined twice, so a text has one owner. `{name}` and friends are
filled with str.format. A test fails when a key lacks one of the three languages.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType
from typing import Any

from catalogue import company

LANGUAGES = ("nb", "nn", "en")
DEFAULT_LANGUAGE = "nb"

_MODULES: tuple[ModuleType, ...] = (company,)


def _merge(modules: tuple[ModuleType, ...]) -> dict[str, Mapping[str, str]]:
    merged: dict[str, Mapping[str, str]] = {}
    for module in modules:
        for key, variants in module.TEXTS.items():
            if key in merged:
                raise RuntimeError(f"catalogue key {key!r} is defined twice (again in {module.__name__})")
            merged[key] = variants
    return merged


TEXTS: dict[str, Mapping[str, str]] = _merge(_MODULES)


def text(key: str, language: str = DEFAULT_LANGUAGE, **values: Any) -> str:
    """The text in `language`, falling back to bokmål for a language we do not write."""
    variants = TEXTS[key]
    return variants.get(language, variants[DEFAULT_LANGUAGE]).format(**values)
