"""Operations: /healthz, /metrics in Prometheus format, and masked key=value logs."""

from __future__ import annotations

import io
import logging
from datetime import timedelta
from pathlib import Path

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from settings import Settings
from store.db import Database
from store.models import Channel
from store.models import Heartbeat
from store.models import Message
from store.models import MessageKind
from store.models import MessageState
from store.models import utcnow
from web.app import create_app

from logging_setup import KeyValueFormatter, configure_logging  # isort: skip


def _beat(db: Database, name: str, seconds_ago: float) -> None:
    with db.transaction() as session:
        session.merge(Heartbeat(name=name, beat_at=utcnow() - timedelta(seconds=seconds_ago)))


def test_health_is_ok_when_the_database_answers_and_both_parts_tick(settings: Settings, db: Database) -> None:
    _beat(db, "scheduler", 5)
    _beat(db, "dispatcher", 1)
    with TestClient(create_app(settings, db=db)) as client:
        response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["parts"]["scheduler"]["alive"] is True
    assert 4 <= body["parts"]["scheduler"]["last_tick_age_seconds"] < 60


def test_health_reports_a_stale_or_missing_part_as_degraded(settings: Settings, db: Database) -> None:
    _beat(db, "dispatcher", 3600)
    with TestClient(create_app(settings, db=db)) as client:
        body = client.get("/healthz").json()
    assert body["status"] == "degraded"
    assert body["parts"]["dispatcher"]["alive"] is False
    assert 3600 <= body["parts"]["dispatcher"]["last_tick_age_seconds"] < 3660
    assert body["parts"]["scheduler"] == {"alive": False, "last_tick_age_seconds": None}


def test_health_is_503_when_the_database_is_unreachable(settings: Settings, tmp_path: Path) -> None:
    broken = Database(f"sqlite:///{tmp_path}/no/such/dir/jeger.db")
    with TestClient(create_app(settings, db=broken)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def _samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def test_metrics_count_messages_by_channel_and_state_and_the_due_outbox(
    settings: Settings, db: Database
) -> None:
    now = utcnow()
    with db.transaction() as session:
        for state, due in [
            (MessageState.QUEUED, now - timedelta(minutes=1)),
            (MessageState.QUEUED, now - timedelta(minutes=2)),
            (MessageState.QUEUED, now + timedelta(days=1)),  # not due yet: not in the depth
            (MessageState.DELIVERED, now),
        ]:
            session.add(
                Message(
                    kind=MessageKind.OUTREACH,
                    channel=Channel.SMS,
                    address="+4791234567",
                    state=state,
                    due_at=due,
                )
            )
    with TestClient(create_app(settings, db=db)) as client:
        response = client.get("/metrics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/plain")
    samples = _samples(response.text)
    queued = (("channel", "sms"), ("kind", "outreach"), ("state", "queued"))
    assert samples[("jeger_messages", queued)] == 3
    assert (
        samples[("jeger_messages", (("channel", "sms"), ("kind", "outreach"), ("state", "delivered")))] == 1
    )
    assert samples[("jeger_outbox_depth", (("channel", "sms"),))] == 2


def _value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_send_durations_fall_into_the_right_buckets_counted_by_the_database(
    settings: Settings, db: Database
) -> None:
    """The database counts the histogram: a claim-to-sent time lands in every bucket at or above it, a sent
    time before the claim (a clock step) counts as zero, sends older than an hour and answers are left out."""
    now = utcnow()
    with db.transaction() as session:
        for seconds, kind, sent_ago in [
            (0.02, MessageKind.OUTREACH, 10),
            (3.0, MessageKind.OUTREACH, 10),
            (100.0, MessageKind.OUTREACH, 10),
            (-5.0, MessageKind.OUTREACH, 10),
            (1.0, MessageKind.OUTREACH, 7200),  # sent two hours ago
            (1.0, MessageKind.CONVERSATION, 10),
        ]:
            sent = now - timedelta(seconds=sent_ago)
            session.add(
                Message(
                    kind=kind,
                    channel=Channel.SMS,
                    address="+4791234567",
                    state=MessageState.SENT,
                    due_at=sent,
                    last_attempt_at=sent - timedelta(seconds=seconds),
                    sent_at=sent,
                )
            )
    with TestClient(create_app(settings, db=db)) as client:
        samples = _samples(client.get("/metrics").text)
    bucket = "jeger_send_duration_seconds_bucket"
    assert _value(samples, bucket, channel="sms", le="0.01") == 1  # the clock step
    assert _value(samples, bucket, channel="sms", le="0.025") == 2
    assert _value(samples, bucket, channel="sms", le="2.5") == 2
    assert _value(samples, bucket, channel="sms", le="5") == 3
    assert _value(samples, bucket, channel="sms", le="60") == 3
    assert _value(samples, bucket, channel="sms", le="300") == 4
    assert _value(samples, bucket, channel="sms", le="+Inf") == 4
    assert _value(samples, "jeger_send_duration_seconds_count", channel="sms") == 4
    assert abs(_value(samples, "jeger_send_duration_seconds_sum", channel="sms") - 103.02) < 0.01


def test_a_real_dispatch_shows_in_the_send_metrics_whichever_process_sent(
    settings: Settings, db: Database
) -> None:
    import asyncio

    from campaigns.dispatch.dispatcher import Dispatcher
    from tests.outbox_factories import make_campaign
    from tests.outbox_factories import queue_messages

    with db.transaction() as session:
        campaign, step = make_campaign(session)
        queue_messages(session, campaign=campaign, step=step, count=5)
    with TestClient(create_app(settings, db=db)) as client:
        before = _samples(client.get("/metrics").text)
        assert _value(before, "jeger_send_duration_seconds_count", channel="sms") == 0
        asyncio.run(Dispatcher(settings=settings, db=db, poll_interval=0.05).drain(timeout=30))
        after = _samples(client.get("/metrics").text)
    # From the database: what any worker sent in the last hour, so a separate `jeger worker` shows too.
    assert _value(after, "jeger_send_duration_seconds_count", channel="sms") == 5
    assert _value(after, "jeger_send_duration_seconds_bucket", channel="sms", le="+Inf") == 5
    assert _value(after, "jeger_send_duration_seconds_sum", channel="sms") >= 0
    assert _value(after, "jeger_messages", channel="sms", kind="outreach", state="sent") == 5
    # The provider-call histogram counts this process's sends (the dispatcher ran in it).
    grown = _value(after, "jeger_send_latency_seconds_count", channel="sms") - _value(
        before, "jeger_send_latency_seconds_count", channel="sms"
    )
    assert grown == 5


def test_real_webhook_requests_move_the_webhook_counters(settings: Settings, db: Database) -> None:
    from channels.twilio_webhooks import sign

    token = "test-auth-token"
    twilio = settings.model_copy(
        update={
            "twilio_account_sid": "AC" + "0" * 32,
            "twilio_auth_token": token,
            "twilio_from": "+4759440000",
        }
    )
    path = "/webhooks/twilio/sms"
    form = {"MessageSid": "SM" + "1" * 32, "From": "+4791234567", "To": "+4759440000", "Body": "Hei"}
    with TestClient(create_app(twilio, db=db)) as client:
        before = _samples(client.get("/metrics").text)
        signed = sign(token, twilio.public_base_url + path, form)
        assert client.post(path, data=form, headers={"X-Twilio-Signature": signed}).status_code == 200
        forged = client.post(path, data=form, headers={"X-Twilio-Signature": "forged"})
        assert forged.status_code == 403
        after = _samples(client.get("/metrics").text)

    def grew(name: str, **labels: str) -> float:
        return _value(after, name, **labels) - _value(before, name, **labels)

    assert grew("jeger_webhook_requests_total", webhook="twilio_sms") == 2
    assert grew("jeger_webhook_rejections_total", webhook="twilio_sms", reason="signature") == 1


def test_metrics_still_answer_when_the_database_is_down(settings: Settings, tmp_path: Path) -> None:
    broken = Database(f"sqlite:///{tmp_path}/no/such/dir/jeger.db")
    with TestClient(create_app(settings, db=broken)) as client:
        response = client.get("/metrics")
    assert response.status_code == 200
    assert "jeger_messages{" not in response.text


def _log_line(logger: logging.Logger, *args: object, **kwargs: object) -> str:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(KeyValueFormatter())
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        logger.info(*args, **kwargs)  # type: ignore[arg-type]
    finally:
        logger.removeHandler(handler)
    return stream.getvalue()


def test_log_lines_are_key_value_with_phone_numbers_and_addresses_masked() -> None:
    line = _log_line(
        logging.getLogger("tests.ops"),
        "sent to %s and %s",
        "+4791234567",
        "ola.nordmann@firma.no",
        extra={"recipient": "+4798765432"},
    )
    assert line.startswith("ts=") and "level=INFO logger=tests.ops" in line
    assert "91234567" not in line and "ola.nordmann" not in line and "98765432" not in line
    assert 'msg="sent to ' in line and "recipient=" in line and "67" in line


def test_a_broken_format_string_is_logged_masked_not_raised() -> None:
    record = logging.LogRecord(
        "tests.ops", logging.INFO, __file__, 1, "sent to %s and %d", ("+4791234567",), None
    )
    line = KeyValueFormatter().format(record)
    assert "level=INFO" in line and "sent to" in line and "91234567" not in line


def test_exceptions_in_logs_are_masked_too() -> None:
    logger = logging.getLogger("tests.ops.exc")
    stream = io.StringIO()
    handler = configure_logging(stream=stream)
    try:
        try:
            raise ValueError("bad number +4791234567")
        except ValueError:
            logger.exception("failed for kari@firma.no")
    finally:
        logging.getLogger().removeHandler(handler)
    text = stream.getvalue()
    assert "ValueError" in text and "exc=" in text
    assert "91234567" not in text and "kari@" not in text


def test_health_answers_503_without_secret_key_when_the_database_is_down(
    settings: Settings, tmp_path: Path
) -> None:
    broken = Database(f"sqlite:///{tmp_path}/no/such/dir/jeger.db")
    app = create_app(settings.model_copy(update={"secret_key": None}), db=broken)
    with TestClient(app) as client:
        assert client.get("/healthz").status_code == 503


def test_registration_and_start_tokens_are_masked_in_the_access_log() -> None:
    stream = io.StringIO()
    handler = configure_logging(stream=stream)
    try:
        # The record uvicorn's access logger writes for every request (its own format and arguments).
        access = logging.getLogger("uvicorn.access")
        access.info('%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "GET", "/r/Xy7_secretToken9", "1.1", 200)
        access.info(
            '%s - "%s %s HTTP/%s" %d', "127.0.0.1:5000", "POST", "/r/Xy7_secretToken9?x=1", "1.1", 303
        )
        logging.getLogger("tests.ops.tg").info("link https://t.me/jegerbot?start=Ab12_cd34 sent")
        logging.getLogger("tests.ops.tg").info("chat wrote /start Ab12_cd34")
    finally:
        logging.getLogger().removeHandler(handler)
    text = stream.getvalue()
    assert "secretToken" not in text and "Ab12_cd34" not in text
    assert "/r/***" in text and "start=***" in text and "/start ***" in text
    assert "GET" in text and "200" in text
