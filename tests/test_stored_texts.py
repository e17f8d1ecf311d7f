"""Texts stored for later readers (catalogue.stored): a key and its values written out in each reader's language,
a time in Oslo, and any other text, a reason staff typed or a row from before, shown as it was written."""

from __future__ import annotations

from datetime import UTC
from datetime import datetime

import pytest

from catalogue.stored import read_text
from catalogue.stored import stored_text


def test_a_stored_text_is_written_in_each_readers_language_with_its_time_in_oslo() -> None:
    stored = stored_text(
        "reason_stale_step", step="Første brev", when=datetime(2027, 6, 14, 7, 0, tzinfo=UTC)
    )
    assert read_text(stored).startswith("Steget «Første brev» skulle gått 14.06.2027 09:00")
    assert read_text(stored, "nn").startswith("Steget «Første brev» skulle ha gått 14.06.2027 09:00")
    assert read_text(stored, "en").startswith("Step “Første brev” was due ")
    assert "09:00" in read_text(stored, "en") and "Steget" not in read_text(stored, "en")


def test_a_typed_reason_and_rows_from_before_are_shown_as_written() -> None:
    assert read_text("Stoppet til rådet har sagt ja.", "en") == "Stoppet til rådet har sagt ja."
    assert read_text('{"key": "no_such_key", "values": {}}', "en") == '{"key": "no_such_key", "values": {}}'
    assert read_text(None, "nn") == ""


def test_an_unknown_key_is_refused_when_stored_not_when_read() -> None:
    with pytest.raises(KeyError):
        stored_text("no_such_key")


def test_an_audience_gap_reads_in_each_language_and_an_old_phrase_as_written() -> None:
    from campaigns.audience_gaps import Gap

    assert Gap("gap_no_mobile", 1234).text_in("nn") == "1 234 har ikkje noko mobilnummer"
    assert Gap("gap_no_mobile", 1234).text_in("en") == "1,234 have no mobile number"
    assert Gap("har ikke noe mobilnummer", 3).text_in("en") == "3 har ikke noe mobilnummer"
