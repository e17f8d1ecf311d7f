"""Campaign definitions (PRODUCT §5): the TOML staff write, validated into the dict stored on the campaign.

Every problem is reported at once, each naming the file, the line and the field, and nothing is stored while
any remain. Defaults are those of PRODUCT §5. Language: `language = "nb"|"nn"|"en"` fixes the language for
every company; leaving it out (or `"auto"`) gives each company its own written standard (maalform), bokmål
when the register says nothing.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from campaigns.windows import DAY_NAMES, DEFAULT_WINDOW, parse_clock
from store.models import Channel, StepAudience

TOP_KEYS = {
    "name",
    "language",
    "include_sole_proprietors",
    "window",
    "rate",
    "audience",
    "steps",
    "description",
}
WINDOW_KEYS = set(DEFAULT_WINDOW)
RATE_DEFAULTS = {"sms": 5.0, "email": 10.0, "telegram": 20.0}
AUDIENCE_KEYS = {"counties", "nace", "employees", "exclude", "municipalities"}
EXCLUDES = {"opted_out", "registered", "training_company"}
STEP_KEYS = {"name", "channel", "template", "at", "after_days", "only"}
LANGUAGES = {"nb", "nn", "en"}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.field}: {self.message}"


class DefinitionError(ValueError):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def line_index(source: str) -> dict[str, int]:
    """Maps dotted field paths (`window.end`, `steps[1].after_days`) to their line numbers."""
    index: dict[str, int] = {}
    section = ""
    steps = -1
    for number, raw in enumerate(source.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("[["):
            name = line.strip("[] ")
            if name == "steps":
                steps += 1
                section = f"steps[{steps}]"
            else:
                section = name
            index.setdefault(section, number)
        elif line.startswith("["):
            section = line.strip("[] ")
            index.setdefault(section, number)
        elif (match := re.match(r"([A-Za-z_][A-Za-z0-9_-]*)\s*=", line)) is not None:
            index[f"{section}.{match.group(1)}" if section else match.group(1)] = number
    return index


class _Checker:
    def __init__(self, filename: str, source: str, counties: set[str], tz: str) -> None:
        self.filename = filename
        self.lines = line_index(source)
        self.counties = counties
        self.tz = ZoneInfo(tz)
        self.problems: list[Problem] = []

    def problem(self, field: str, message: str) -> None:
        line = self.lines.get(field) or self.lines.get(field.rsplit(".", 1)[0])
        self.problems.append(Problem(self.filename, line, field, message))

    def unknown_keys(self, table: dict[str, Any], allowed: set[str], prefix: str) -> None:
        for key in sorted(set(table) - allowed):
            self.problem(f"{prefix}{key}", f"unknown field (allowed: {', '.join(sorted(allowed))})")


def parse_definition(
    source: str, *, filename: str = "campaign.toml", counties: set[str], tz: str = "Europe/Oslo"
) -> dict[str, Any]:
    """Validates a campaign TOML and returns the normalised definition; raises DefinitionError."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        line = re.search(r"line (\d+)", str(exc))
        raise DefinitionError(
            [Problem(filename, int(line.group(1)) if line else None, "toml", str(exc))]
        ) from exc
    check = _Checker(filename, source, counties, tz)
    check.unknown_keys(data, TOP_KEYS, "")

    name = str(data.get("name") or "").strip()
    if not name:
        check.problem("name", "a campaign needs a name")
    language = str(data.get("language", "auto"))
    if language not in LANGUAGES | {"auto"}:
        check.problem("language", f"'{language}' is not one of nb, nn, en, auto")

    window = {**DEFAULT_WINDOW, **(data.get("window") or {})}
    check.unknown_keys(data.get("window") or {}, WINDOW_KEYS, "window.")
    for day in window["days"]:
        if day not in DAY_NAMES:
            check.problem("window.days", f"'{day}' is not a day (use {', '.join(DAY_NAMES)})")
    if not window["days"]:
        check.problem("window.days", "the window has no days")
    try:
        if parse_clock(window["end"]) <= parse_clock(window["start"]):
            check.problem(
                "window.end", f"the window ends ({window['end']}) before it starts ({window['start']})"
            )
    except (ValueError, TypeError, AttributeError):
        check.problem("window.start", "times are written HH:MM, e.g. 09:00")

    rate = {**RATE_DEFAULTS, **(data.get("rate") or {})}
    for channel, value in rate.items():
        if channel not in RATE_DEFAULTS:
            check.problem(f"rate.{channel}", "unknown channel (sms, email, telegram)")
        elif not isinstance(value, int | float) or value < 0:
            check.problem(f"rate.{channel}", "a rate is a number of messages per second, 0 or more")

    audience = dict(data.get("audience") or {})
    check.unknown_keys(audience, AUDIENCE_KEYS, "audience.")
    for key in ("counties", "nace", "exclude", "municipalities"):
        if not isinstance(audience.get(key, []), list):  # a bare string would be read letter by letter
            check.problem(f"audience.{key}", 'write a list, e.g. ["55", "56"]')
            audience[key] = []
    audience_counties = [str(c).zfill(2) for c in audience.get("counties", [])]
    for county in audience_counties:
        if county not in counties:
            check.problem("audience.counties", f"unknown county code '{county}' (the 15 counties of 2024)")
    municipalities = [str(m).zfill(4) for m in audience.get("municipalities", [])]
    for municipality in municipalities:
        if not (len(municipality) == 4 and municipality.isdigit()):
            check.problem(
                "audience.municipalities", f"'{municipality}' is not a municipality number (4 digits)"
            )
    employees = audience.get("employees")
    if employees is not None and (
        not isinstance(employees, list)
        or len(employees) != 2
        or not all(isinstance(n, int) and n >= 0 for n in employees)
        or employees[0] > employees[1]
    ):
        check.problem("audience.employees", "write a range [from, to], e.g. [2, 500]")
    exclude = audience.get("exclude", sorted(EXCLUDES))
    for item in exclude:
        if item not in EXCLUDES:
            check.problem("audience.exclude", f"'{item}' is not one of {', '.join(sorted(EXCLUDES))}")

    raw_steps = data.get("steps") or []
    if not isinstance(raw_steps, list) or not all(isinstance(step, dict) for step in raw_steps):
        check.problem("steps", "write each step as a [[steps]] table")
        raw_steps = []
    steps = [_step(check, i, step) for i, step in enumerate(raw_steps)]
    if not steps:
        check.problem("steps", "a campaign needs at least one [[steps]]")
    names = [s["name"] for s in steps]
    for duplicate in {n for n in names if names.count(n) > 1}:
        check.problem("steps", f"two steps are called '{duplicate}'")

    if check.problems:
        raise DefinitionError(check.problems)
    return {
        "name": name,
        "language": "nb" if language == "auto" else language,
        "fixed_language": language != "auto",
        "include_sole_proprietors": bool(data.get("include_sole_proprietors", False)),
        "window": window,
        "rate": rate,
        "audience": {
            "counties": audience_counties,
            "nace": [str(n) for n in audience.get("nace", [])],
            "employees": employees,
            "municipalities": municipalities,
            "exclude": list(exclude),
        },
        "steps": steps,
    }


def _step(check: _Checker, index: int, step: dict[str, Any]) -> dict[str, Any]:
    prefix = f"steps[{index}]."
    check.unknown_keys(step, STEP_KEYS, prefix)
    channel = str(step.get("channel", ""))
    if channel not in {c.value for c in Channel}:
        check.problem(prefix + "channel", f"'{channel}' is not a channel (letter, email, sms, telegram)")
    only = str(step.get("only", "everyone"))
    if only not in {a.value for a in StepAudience}:
        check.problem(prefix + "only", f"'{only}' is not one of everyone, no_reply, interested")
    at = step.get("at")
    after_days = step.get("after_days")
    scheduled: str | None = None
    if index == 0:
        if after_days is not None:
            check.problem(prefix + "after_days", "the first step has no previous step: give `at` instead")
        if at is None:
            check.problem(prefix + "at", 'the first step needs `at`, e.g. at = "2027-06-07T09:00"')
    elif at is None and after_days is None:
        check.problem(prefix + "after_days", "give `after_days` (after the previous step) or `at`")
    if at is not None:
        try:
            moment = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=check.tz)
            scheduled = moment.isoformat()
        except ValueError:
            check.problem(prefix + "at", f"'{at}' is not a date and time like 2027-06-07T09:00")
    if after_days is not None and (not isinstance(after_days, int) or after_days < 0):
        check.problem(prefix + "after_days", "a whole number of days, 0 or more")
    template = str(step.get("template", "")).strip()
    if not template:
        check.problem(prefix + "template", "each step needs a template, e.g. sms/invitasjon")
    return {
        "name": str(step.get("name") or f"steg{index + 1}"),
        "channel": channel,
        "template": template,
        "at": scheduled,
        "after_days": after_days,
        "only": only,
    }
