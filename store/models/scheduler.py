"""APScheduler's job table, declared here so that Alembic creates it (the job store only finds it).

The columns are those of `apscheduler.jobstores.sqlalchemy.SQLAlchemyJobStore` in 3.11.
"""

from __future__ import annotations

from sqlalchemy import Column
from sqlalchemy import Float
from sqlalchemy import LargeBinary
from sqlalchemy import Table
from sqlalchemy import Unicode

from store.models.base import Base

APSCHEDULER_JOBS = "apscheduler_jobs"

apscheduler_jobs = Table(
    APSCHEDULER_JOBS,
    Base.metadata,
    Column("id", Unicode(191), primary_key=True),
    Column("next_run_time", Float(25), index=True),
    Column("job_state", LargeBinary, nullable=False),
)
