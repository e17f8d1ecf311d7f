"""The domain model (PRODUCT §3). Import models from here."""

from store.models.base import MAX_ID, SQLITE_DATETIME, Base, UTCDateTime, utcnow
from store.models.campaigns import Campaign, CampaignStep, EarlyDeliveryReport, Message
from store.models.companies import Company, Contact, OptOut
from store.models.conversations import Conversation, Registration, Reply, registration_trade
from store.models.enums import (
    FINAL_STATES,
    UNSENT_STATES,
    CampaignState,
    Channel,
    ContactKind,
    HunterState,
    HunterType,
    Intent,
    LeadState,
    MessageKind,
    MessageState,
    RegistrationSource,
    StaffRole,
    StepAudience,
    WaitReason,
)
from store.models.hunters import Hunter, Lead, hunter_county, hunter_trade
from store.models.reference import County, Municipality, Trade
from store.models.scheduler import APSCHEDULER_JOBS, apscheduler_jobs
from store.models.staff import (
    ApiToken,
    AppSecret,
    Heartbeat,
    ImportJob,
    Notice,
    StaffSession,
    StaffUser,
    Throttle,
)
from store.models.training import TrainingApproval

__all__ = [
    "APSCHEDULER_JOBS",
    "FINAL_STATES",
    "MAX_ID",
    "SQLITE_DATETIME",
    "UNSENT_STATES",
    "ApiToken",
    "AppSecret",
    "Base",
    "Campaign",
    "CampaignState",
    "CampaignStep",
    "Channel",
    "Company",
    "Contact",
    "ContactKind",
    "Conversation",
    "County",
    "EarlyDeliveryReport",
    "Heartbeat",
    "Hunter",
    "HunterState",
    "HunterType",
    "ImportJob",
    "Intent",
    "Lead",
    "LeadState",
    "Message",
    "MessageKind",
    "MessageState",
    "Municipality",
    "Notice",
    "OptOut",
    "Registration",
    "RegistrationSource",
    "Reply",
    "StaffRole",
    "StaffSession",
    "StaffUser",
    "StepAudience",
    "Throttle",
    "Trade",
    "TrainingApproval",
    "UTCDateTime",
    "WaitReason",
    "apscheduler_jobs",
    "hunter_county",
    "hunter_trade",
    "registration_trade",
    "utcnow",
]
