"""The closed vocabularies of the domain (PRODUCT §3). Values are what the database and JSON output hold."""

from __future__ import annotations

from enum import StrEnum


class ContactKind(StrEnum):
    PHONE = "phone"
    EMAIL = "email"
    TELEGRAM = "telegram"


class Channel(StrEnum):
    LETTER = "letter"
    EMAIL = "email"
    SMS = "sms"
    TELEGRAM = "telegram"


class CampaignState(StrEnum):
    DRAFT = "draft"
    SCHEDULED = "scheduled"
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


# The states in which a campaign may send and has step jobs (campaigns.state moves between them).
LIVE_CAMPAIGN_STATES = (CampaignState.SCHEDULED, CampaignState.RUNNING)


class StepAudience(StrEnum):
    EVERYONE = "everyone"
    NO_REPLY = "no_reply"
    INTERESTED = "interested"


class MessageKind(StrEnum):
    OUTREACH = "outreach"  # a campaign step
    CONVERSATION = "conversation"  # an answer to someone who wrote to us
    NOTIFICATION = "notification"  # hunters and staff
    TEST = "test"  # `campaign test --to`


class MessageState(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    UNDELIVERED = "undelivered"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"
    UNKNOWN = "unknown"


class WaitReason(StrEnum):
    """Why a queued outreach message is not going out yet; its `due_at` says until when (issue 15)."""

    WINDOW = "window"  # outside the send window's hours (evening, night)
    SEND_DAY = "send_day"  # not a send day of the window (a weekend, by default)
    HOLIDAY = "holiday"  # a Norwegian public holiday
    DAILY_CAP = "daily_cap"  # the company already got MAX_OUTREACH_PER_DAY messages today
    RATE = "rate"  # its campaign's send rate for the channel
    PAUSED = "paused"  # the campaign is paused
    RETRY = "retry"  # the provider asked us to try again later


UNSENT_STATES = (MessageState.QUEUED, MessageState.UNKNOWN)
FINAL_STATES = (
    MessageState.DELIVERED,
    MessageState.FAILED,
    MessageState.UNDELIVERED,
    MessageState.SKIPPED,
    MessageState.CANCELLED,
)


class Intent(StrEnum):
    INTERESTED = "interested"
    DECLINED = "declined"
    OPT_OUT = "opt_out"
    HELP = "help"
    FREE_TEXT = "free_text"
    ANSWER = "answer"  # an answer inside a conversation flow (registration, hunter signup)
    COMMAND = "command"  # a Telegram command or button


class RsvpStatus(StrEnum):
    """A company's answer to an information meeting (PRODUCT §11)."""

    ATTENDING = "attending"  # said JA and has a place
    WAITING = "waiting"  # said JA after the meeting was full: on the waiting list, in the order of answering
    DECLINED = "declined"  # said NEI


class RegistrationSource(StrEnum):
    SMS = "sms"
    TELEGRAM = "telegram"
    WEB = "web"
    STAFF = "staff"


class HunterType(StrEnum):
    UNION = "union"
    TRADE_BODY = "trade_body"
    TRAINING_OFFICE = "training_office"
    SCHOOL = "school"
    MUNICIPALITY = "municipality"
    COUNTY_COUNCIL = "county_council"
    NAV = "nav"
    OTHER = "other"


class HunterState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"


class NoticeChannel(StrEnum):
    """How a member of a hunter organisation hears of new leads and outcomes."""

    EMAIL = "email"
    SMS = "sms"
    TELEGRAM = "telegram"


class NoticeMode(StrEnum):
    INSTANT = "instant"
    DIGEST = "digest"  # one message a day


class LeadState(StrEnum):
    NEW = "new"
    CLAIMED = "claimed"
    CONTACTED = "contacted"
    BECAME_TRAINING_COMPANY = "became_training_company"
    DECLINED = "declined"
    NO_ANSWER = "no_answer"


class StaffRole(StrEnum):
    ADMIN = "admin"
    STAFF = "staff"
