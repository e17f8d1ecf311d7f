"""Printed letters: the claimed letters of a step become one merged PDF with its manifest, and each row records
its page as the provider id."""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

from campaigns.dispatch.claim import Claimed
from campaigns.dispatch.outcome import Outcome
from channels.base import RetryLater
from channels.base import Sent
from channels.letters import LetterPrinter
from channels.letters import PrintLetter
from store.models import utcnow

log = logging.getLogger("campaigns.dispatch.dispatcher")  # the dispatcher's log, as operators know it


async def print_letters(
    printer: LetterPrinter, letters: list[Claimed], *, out_dir: Path
) -> list[tuple[Claimed, Outcome]]:
    """Prints the letters step by step; a step whose printing fails is retried later, the others stand."""
    outcomes: list[tuple[Claimed, Outcome]] = []
    by_step: dict[tuple[str, str], list[Claimed]] = defaultdict(list)
    for item in letters:
        by_step[(item.campaign_name or "kampanje", item.step_name or "brev")].append(item)
    for (campaign_name, step_name), items in by_step.items():
        try:
            batch = await printer.print_batch(
                [
                    PrintLetter(orgnr=i.orgnr or "", name=i.company_name or "", html=i.html or i.body)
                    for i in items
                ],
                out_dir=out_dir,
                campaign_name=campaign_name,
                step_name=step_name,
                day=utcnow().date(),
            )
        except Exception as exc:
            log.exception("printing %d letters failed", len(items))
            outcomes.extend((i, RetryLater(reason=f"printing failed: {exc}")) for i in items)
            continue
        for item, entry in zip(items, batch.entries, strict=True):
            outcomes.append((item, Sent(provider="print", provider_id=f"{batch.pdf_path.name}#{entry.page}")))
        log.info("printed %d letters (%d pages) to %s", len(items), batch.pages, batch.pdf_path)
    return outcomes
