"""Every module of the application imports. mypy runs with ignore_missing_imports (third-party stubs), so it
does not notice an import of one of our own modules that was moved or removed; this does."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from tests.project import PACKAGES

ROOTS = PACKAGES


def modules() -> list[str]:
    names = ["scheduler", "runtime", "settings", "logging_setup"]
    for root in ROOTS:
        package = importlib.import_module(root)
        names += [
            m.name for m in pkgutil.walk_packages(package.__path__, f"{root}.") if ".migrations" not in m.name
        ]
    return names


@pytest.mark.parametrize("name", modules())
def test_the_module_imports(name: str) -> None:
    importlib.import_module(name)
