"""Enhetsregisteret import (PRODUCT §6): streaming, validating, upserting by orgnr, with a rejects file."""

from companies.importer.run import ImportSummary
from companies.importer.run import default_rejects_path
from companies.importer.run import import_companies
from companies.importer.sources import ImportFileError

__all__ = ["ImportFileError", "ImportSummary", "default_rejects_path", "import_companies"]
