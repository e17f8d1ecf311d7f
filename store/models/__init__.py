"""The domain model (PRODUCT §3). Import models from here."""

from store.models.base import MAX_ID
from store.models.base import SQLITE_DATETIME
from store.models.base import Base
from store.models.base import UTCDateTime
from store.models.base import utcnow
from store.models.campaigns import Campaign
from store.models.campaigns import CampaignFigures
from store.models.campaigns import CampaignStage
from store.models.campaigns import CampaignStageCount
from store.models.campaigns import CampaignStageEvent
from store.models.campaigns import CampaignStep
from store.models.campaigns import EarlyDeliveryReport
from store.models.campaigns import Message
from store.models.campaigns import MessageCount
from store.models.companies import Company
from store.models.companies import Contact
from store.models.companies import OptOut
from store.models.conversations import Conversation
from store.models.conversations import Registration
from store.models.conversations import Reply
from store.models.conversations import registration_trade
from store.models.enums import FINAL_STATES
from store.models.enums import UNSENT_STATES
from store.models.enums import CampaignState
from store.models.enums import Channel
from store.models.enums import ContactKind
from store.models.enums import HunterState
from store.models.enums import HunterType
from store.models.enums import Intent
from store.models.enums import LeadState
from store.models.enums import MessageKind
from store.models.enums import MessageState
from store.models.enums import NoticeChannel
from store.models.enums import NoticeMode
from store.models.enums import RegistrationSource
from store.models.enums import RsvpStatus
from store.models.enums import StaffRole
from store.models.enums import StepAudience
from store.models.enums import WaitReason
from store.models.events import Event
from store.models.events import Rsvp
from store.models.hunters import Hunter
from store.models.hunters import HunterMember
from store.models.hunters import Lead
from store.models.hunters import hunter_county
from store.models.hunters import hunter_trade
from store.models.members import LeadNote
from store.models.members import MemberLogin
from store.models.members import MemberNotice
from store.models.members import MemberSession
from store.models.organisations import AuditEvent
from store.models.organisations import HunterChange
from store.models.ownership import CampaignLaunchRequest
from store.models.ownership import CampaignOwner
from store.models.reference import County
from store.models.reference import Municipality
from store.models.reference import Trade
from store.models.scheduler import APSCHEDULER_JOBS
from store.models.scheduler import apscheduler_jobs
from store.models.staff import ApiToken
from store.models.staff import AppSecret
from store.models.staff import Heartbeat
from store.models.staff import ImportJob
from store.models.staff import Notice
from store.models.staff import StaffSession
from store.models.staff import StaffUser
from store.models.staff import Throttle
from store.models.staff import staff_county
from store.models.training import TrainingApproval

__all__ = [
    "APSCHEDULER_JOBS",
    "FINAL_STATES",
    "MAX_ID",
    "SQLITE_DATETIME",
    "UNSENT_STATES",
    "ApiToken",
    "AppSecret",
    "AuditEvent",
    "Base",
    "Campaign",
    "CampaignFigures",
    "CampaignLaunchRequest",
    "CampaignOwner",
    "CampaignStage",
    "CampaignStageCount",
    "CampaignStageEvent",
    "CampaignState",
    "CampaignStep",
    "Channel",
    "Company",
    "Contact",
    "ContactKind",
    "Conversation",
    "County",
    "EarlyDeliveryReport",
    "Event",
    "Heartbeat",
    "Hunter",
    "HunterChange",
    "HunterMember",
    "HunterState",
    "HunterType",
    "ImportJob",
    "Intent",
    "Lead",
    "LeadNote",
    "LeadState",
    "MemberLogin",
    "MemberNotice",
    "MemberSession",
    "Message",
    "MessageCount",
    "MessageKind",
    "MessageState",
    "Municipality",
    "Notice",
    "NoticeChannel",
    "NoticeMode",
    "OptOut",
    "Registration",
    "RegistrationSource",
    "Reply",
    "Rsvp",
    "RsvpStatus",
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
    "staff_county",
    "utcnow",
]
