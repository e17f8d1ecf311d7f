"""Send windows across Norwegian holidays and daylight-saving changes."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from campaigns.windows import SendWindow

OSLO = ZoneInfo("Europe/Oslo")
WINDOW = SendWindow.from_definition(None)


def oslo(*args: int) -> datetime:
    return datetime(*args, tzinfo=OSLO).astimezone(UTC)


def test_inside_the_window_is_now() -> None:
    at = oslo(2027, 6, 7, 10, 30)
    assert WINDOW.is_open(at) and WINDOW.next_open(at) == at


def test_before_opening_waits_until_nine() -> None:
    assert WINDOW.next_open(oslo(2027, 6, 7, 7, 0)) == oslo(2027, 6, 7, 9, 0)


def test_a_step_scheduled_on_a_sunday_goes_on_monday_morning() -> None:
    assert WINDOW.next_open(oslo(2027, 6, 6, 12, 0)) == oslo(2027, 6, 7, 9, 0)


def test_a_window_that_closes_mid_batch_continues_next_working_day() -> None:
    friday_late = oslo(2027, 6, 11, 15, 59, 30)
    assert WINDOW.closes_at(friday_late) == oslo(2027, 6, 11, 16, 0)
    assert not WINDOW.is_open(oslo(2027, 6, 11, 16, 0))
    assert WINDOW.next_open(oslo(2027, 6, 11, 16, 0)) == oslo(2027, 6, 14, 9, 0)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        # Easter 2027: skjærtorsdag 25 March, langfredag 26, 2. påskedag 29 March
        (oslo(2027, 3, 24, 16, 30), oslo(2027, 3, 30, 9, 0)),
        # 17 May 2027 is a Monday
        (oslo(2027, 5, 17, 10, 0), oslo(2027, 5, 18, 9, 0)),
        # Christmas 2026: 25 (Fri) and 26 (Sat) December; 24th is an ordinary weekday
        (oslo(2026, 12, 24, 10, 0), oslo(2026, 12, 24, 10, 0)),
        (oslo(2026, 12, 24, 17, 0), oslo(2026, 12, 28, 9, 0)),
        # Ascension Day 2027: 6 May
        (oslo(2027, 5, 6, 9, 30), oslo(2027, 5, 7, 9, 0)),
    ],
)
def test_public_holidays_are_skipped(at: datetime, expected: datetime) -> None:
    assert WINDOW.next_open(at) == expected


def test_holidays_count_when_skip_holidays_is_false() -> None:
    window = SendWindow.from_definition({"skip_holidays": False})
    assert window.is_open(oslo(2027, 5, 17, 10, 0))


def test_spring_forward_keeps_local_nine() -> None:
    # DST starts Sunday 28 March 2027: Friday 09:00 is 08:00 UTC, Monday 09:00 is 07:00 UTC
    assert WINDOW.next_open(oslo(2027, 3, 26, 17, 0)) == datetime(
        2027, 3, 30, 7, 0, tzinfo=UTC
    )  # after Easter Monday
    window = SendWindow.from_definition({"days": ["fri", "sat", "sun", "mon"], "skip_holidays": False})
    assert window.next_open(datetime(2027, 3, 27, 16, 0, tzinfo=UTC)) == datetime(
        2027, 3, 28, 7, 0, tzinfo=UTC
    )
    assert window.closes_at(datetime(2027, 3, 26, 9, 0, tzinfo=UTC)) == datetime(
        2027, 3, 26, 15, 0, tzinfo=UTC
    )


def test_fall_back_keeps_local_nine() -> None:
    # DST ends Sunday 31 October 2027: Friday 29th 09:00 is 07:00 UTC, Monday 1 November 09:00 is 08:00 UTC
    friday = WINDOW.next_open(oslo(2027, 10, 29, 6, 0))
    assert friday == datetime(2027, 10, 29, 7, 0, tzinfo=UTC)
    monday = WINDOW.next_open(oslo(2027, 10, 29, 16, 30))
    assert monday == datetime(2027, 11, 1, 8, 0, tzinfo=UTC)
    window = SendWindow.from_definition(
        {"days": ["sun"], "start": "02:30", "end": "03:30", "skip_holidays": False}
    )
    opens = window.next_open(datetime(2027, 10, 30, 12, 0, tzinfo=UTC))
    assert opens.astimezone(OSLO).hour == 2 and window.is_open(opens)


def test_a_window_without_days_is_an_error() -> None:
    with pytest.raises(ValueError, match="never opens"):
        SendWindow.from_definition({"days": []}).next_open(oslo(2027, 1, 4, 9, 0))


def test_skip_holidays_written_as_text_false_is_false_not_true() -> None:
    """bool("false") is True: a stored text "false" must not silently skip holidays, nor anything else."""
    assert SendWindow.from_definition({"skip_holidays": "false"}).is_open(oslo(2027, 5, 17, 10, 0))
    assert not SendWindow.from_definition({"skip_holidays": "true"}).is_open(oslo(2027, 5, 17, 10, 0))
    with pytest.raises(ValueError, match="skip_holidays"):
        SendWindow.from_definition({"skip_holidays": "nei"})
