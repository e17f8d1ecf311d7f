"""Reference data shipped with the application: counties, municipalities, trades (store/data)."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy import String
from sqlalchemy.orm import Mapped
from sqlalchemy.orm import mapped_column

from store.models.base import Base


class County(Base):
    __tablename__ = "county"

    number: Mapped[str] = mapped_column(String(2), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))


class Municipality(Base):
    __tablename__ = "municipality"

    number: Mapped[str] = mapped_column(String(4), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    county_number: Mapped[str] = mapped_column(ForeignKey("county.number"), index=True)


class Trade(Base):
    """An apprenticeship trade (lærefag); `id` is its 1-based row in trades.csv, so numbers stay stable."""

    __tablename__ = "trade"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    programme: Mapped[str] = mapped_column(String(120))
    exam_code: Mapped[str | None] = mapped_column(String(16))
