"""Moved to companies/phones.py (layout.md); kept so existing imports keep working."""

from companies.phones import PhoneClassifier, classify_phone, is_mobile, normalize_phone

__all__ = ["PhoneClassifier", "classify_phone", "is_mobile", "normalize_phone"]
