"""Spreadsheet downloads (PRODUCT §12): one CSV writer and one XLSX writer that every export goes through.

Below every domain package: it knows cells, not leads or campaigns."""
