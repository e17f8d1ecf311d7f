"""Persistence: SQLAlchemy models, engine and sessions, migrations, reference data, company import."""
