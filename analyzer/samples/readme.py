"""Renders data/samples/README.md: personas, feature matrix and intended weekly shares."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from analyzer.samples import tz
from analyzer.samples.bookkeeping import (
    WeekHours,
    is_counted,
    occurrences,
    week_of,
    weekly_hours,
)
from analyzer.samples.builder import PREFIXES
from analyzer.samples.model import WEEKS, WINDOW_START, Event, Persona, week_monday

__all__ = ["FEATURES", "double_bookings", "phase", "render_readme", "summary_table"]

PROFILES = {
    "ceo": (
        "**Dana Reyes**, CEO of Northwind (`dana.reyes@northwind.example`, New York). "
        "Google Calendar export: single events in UTC, series and their overrides with "
        "`TZID=America/New_York`, a London week with `TZID=Europe/London`. The story: about "
        "40% macro in weeks 1-6 (leadership offsite, Q1 board), a slide to about 20% over weeks "
        "7-18 as an EU data-pipeline incident (daily incident standup, war rooms, customer "
        "escalations) and a hiring push (VP Engineering, Head of Security) crowd out the weekly "
        "strategy block (cancelled, deleted and moved occurrences), lowest in weeks 14-18, then a "
        "recovery to 35-40% from week 19 (Q2 board, 2027 strategy offsite, investor and partner "
        "meetings in London). Also in `ceo_takeout.zip` as Google Takeout lays it out, next to a "
        "`Holidays in United States.ics` calendar of all-day events."
    ),
    "manager": (
        "**Sam Okafor**, engineering manager at Contoso (`sam.okafor@contoso.example`, Seattle). "
        "Outlook export: Windows zone names (`Pacific Standard Time`, `Eastern Standard Time` for "
        "the director's meetings, `GMT Standard Time` for a London office week), "
        "`X-MICROSOFT-CDO-*` properties, Teams blocks in descriptions, no `X-WR-CALNAME`: the "
        "owner is the most frequent ORGANIZER/ATTENDEE address. Mostly micro (standups, 1:1s, "
        "sprint rituals, reviews, hiring), 16-24% macro (org design, platform strategy)."
    ),
    "ic": (
        "**Lena Fischer**, software engineer at Fabrikam (`lena.fischer@fabrikam.example`, "
        "Berlin). Apple Calendar export (`X-WR-CALNAME:Work`, uppercase UUID UIDs, quoted CN and "
        "EMAIL parameters, audio VALARMs), `TZID=Europe/Berlin`, a conference trip to Lisbon, two "
        "floating personal events, German holidays and vacation. Mostly micro with a little macro "
        "(3-12%: platform strategy workshops, an alliance due-diligence call, the town hall)."
    ),
}


Check = Callable[[Persona, str], bool]


def _has(*patterns: str) -> Check:
    return lambda _p, text: all(re.search(pattern, text) for pattern in patterns)


def _any(test: Callable[[Event, Persona], bool]) -> Check:
    return lambda p, _text: any(test(e, p) for e in p.events)


def _day(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def double_bookings(persona: Persona) -> int:
    """Pairs of consecutive counted occurrences that overlap."""
    counted = [
        o for o in occurrences(persona.events, persona.home_tz) if is_counted(o, persona.owner)
    ]
    return sum(1 for a, b in zip(counted, counted[1:], strict=False) if b.start < a.end)


def _late(event: Event, persona: Persona) -> bool:
    if not isinstance(event.start, datetime) or event.recurrence_id is not None:
        return False
    lead = tz.to_utc(event.start, event.tz or persona.home_tz) - event.created
    return lead < timedelta(hours=48)


def _prefixes(persona: Persona, _text: str) -> bool:
    return all(any(e.summary.startswith(x) for e in persona.events) for x in PREFIXES)


FEATURES: list[tuple[str, Check]] = [
    ("Weekly RRULE (`BYDAY`, `INTERVAL=2`)", _has("RRULE:FREQ=WEEKLY", "INTERVAL=2")),
    ("Daily RRULE", _has("RRULE:FREQ=DAILY")),
    ("Monthly RRULE (nth weekday)", _has("RRULE:FREQ=MONTHLY")),
    ("Series ending by `UNTIL` / `COUNT`", _has("UNTIL=|COUNT=")),
    (
        "Open-ended series",
        _any(lambda e, _: e.rrule is not None and not (e.rrule.until or e.rrule.count)),
    ),
    (
        "Series started before the window",
        _any(lambda e, _: e.rrule is not None and _day(e.start) < WINDOW_START),
    ),
    ("EXDATE (holidays skipped)", _has("EXDATE")),
    (
        "Moved occurrence (RECURRENCE-ID, new DTSTART)",
        _any(lambda e, _: e.recurrence_id is not None and e.start != e.recurrence_id),
    ),
    (
        "Cancelled occurrence (override `STATUS:CANCELLED`)",
        _any(lambda e, _: e.recurrence_id is not None and e.status == "CANCELLED"),
    ),
    (
        "Fully cancelled event or series",
        _any(lambda e, _: e.recurrence_id is None and e.status == "CANCELLED"),
    ),
    (
        "Owner declined (`PARTSTAT=DECLINED`)",
        _any(lambda e, p: e.partstat_of(p.owner) == "DECLINED"),
    ),
    (
        "Owner tentative (`PARTSTAT=TENTATIVE`)",
        _any(lambda e, p: e.partstat_of(p.owner) == "TENTATIVE"),
    ),
    (
        "Owner needs-action (`PARTSTAT=NEEDS-ACTION`)",
        _any(lambda e, p: e.partstat_of(p.owner) == "NEEDS-ACTION"),
    ),
    ("All-day (`VALUE=DATE`)", _has("VALUE=DATE:")),
    (
        "Multi-day all-day event",
        _any(lambda e, _: e.all_day and (_day(e.end) - _day(e.start)).days > 1),
    ),
    ("Transparent holds (`TRANSP:TRANSPARENT`)", _has("TRANSP:TRANSPARENT")),
    (
        "Flight: DTSTART and DTEND in different zones",
        _any(lambda e, _: e.end_tz is not None and e.end_tz != e.tz),
    ),
    (
        "Meetings written in a second zone (trip)",
        _any(lambda e, p: e.tz not in (None, p.home_tz) and not e.end_tz),
    ),
    ("UTC times (`...Z`)", _has(r"DTSTART:\d{8}T\d{6}Z")),
    ("Floating times", _any(lambda e, _: not e.all_day and e.tz is None)),
    ("DURATION instead of DTEND", _has("\r\nDURATION:")),
    ("Double bookings", lambda p, _text: double_bookings(p) > 0),
    ("Created < 48 h before start", _any(_late)),
    ("Client prefixes (Updated invitation:, FW:, RE:, [EXTERNAL], Accepted:)", _prefixes),
    ("Emoji in titles", _any(lambda e, _: any(ord(c) >= 0x2600 for c in e.summary))),
    ("German / French / Spanish titles", _any(lambda e, _: e.language != "en-us")),
    (
        "Group attendee (`CUTYPE=GROUP`)",
        _any(lambda e, _: any(a.person.group for a in e.attendees)),
    ),
    ("VALARM", _has("BEGIN:VALARM")),
    ("Escaped TEXT (`\\,` `\\;` `\\n`)", _has(r"\\,", r"\\n")),
]


def phase(week: int) -> str:
    """The CEO story's phase of a 0-based week."""
    return (
        "baseline" if week < 6 else "slide" if week < 13 else "trough" if week < 18 else "recovery"
    )


def _fmt(share: float | None) -> str:
    return "–" if share is None else f"{share:.1%}"


def summary_table(persona: Persona, split: Sequence[WeekHours] | None = None) -> str:
    """Markdown table of a persona's intended weekly hours and macro share."""
    rows = ["| Week | Monday | Macro h | Micro h | Other h | Macro share | Share (split) |"]
    rows.append("|---:|---|---:|---:|---:|---:|---:|")
    hours = weekly_hours(persona.events, persona.owner, persona.home_tz)
    split = split or weekly_hours(persona.events, persona.owner, persona.home_tz, "split")
    for week, (w, s) in enumerate(zip(hours, split, strict=True)):
        rows.append(
            f"| {week + 1} | {week_monday(week)} | {w.macro:.2f} | {w.micro:.2f} | "
            f"{w.other:.2f} | {_fmt(w.share)} | {_fmt(s.share)} |"
        )
    return "\n".join(rows)


def _stats(persona: Persona, data: bytes) -> str:
    occ = [o for o in occurrences(persona.events, persona.home_tz) if 0 <= week_of(o.start) < WEEKS]
    counted = sum(1 for o in occ if is_counted(o, persona.owner))
    events = persona.events
    foreign = sum(1 for e in events if e.language != "en-us")
    titles = len({e.summary for e in events})
    return (
        f"| `{persona.filename}` | {len(data):,} | {len(events)} | "
        f"{sum(1 for e in events if e.rrule)} | {sum(1 for e in events if e.recurrence_id)} | "
        f"{len(occ)} | {counted} | {titles} | {foreign / len(events):.0%} | "
        f"{double_bookings(persona)} |"
    )


def render_readme(personas: Sequence[Persona], files: dict[str, bytes]) -> str:
    """The README text."""
    out = ["# Sample calendars", ""]
    out += [
        "Generated by `python -m analyzer.samples data/samples` (standard library only, fixed "
        "seeds, no clock): re-running it reproduces every file byte for byte, and "
        "`tests/test_samples.py` checks that. Do not edit these files by hand; change "
        "`analyzer/samples/` and regenerate. This README is generated too.",
        "",
        "Every title in the generator carries its intended label (macro / micro / other, per "
        "`LABELS.md`); the weekly tables below come from that bookkeeping. Counted time leaves "
        "out cancelled, owner-declined, all-day and transparent occurrences; weeks start on "
        "Monday in the owner's home zone; the share is macro / (macro + micro). *Share (split)* "
        "divides overlapping minutes equally between the events covering them (the double "
        "bookings); the plain share counts every event in full.",
        "",
        "## Personas",
        "",
    ]
    for persona in personas:
        out += [f"- `{persona.filename}`: {PROFILES[persona.key]}"]
    out += ["", "## Files", ""]
    out += [
        "| File | Bytes | VEVENTs | Series | Overrides | Occurrences* | Counted* | Titles | "
        "Non-English | Double bookings |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    out += [_stats(p, files[p.filename]) for p in personas]
    out += [
        f"| `ceo_takeout.zip` | {len(files['ceo_takeout.zip']):,} | | | | | | | | |",
        "",
        "\\* starting in the 26 weeks from Monday 2026-01-05 to Monday 2026-07-06 (exclusive), "
        "by the generator's own expansion (which `tests/test_samples.py` checks against "
        "`recurring_ical_events`).",
        "",
        "## Features per file",
        "",
        "| Feature | " + " | ".join(f"`{p.filename}`" for p in personas) + " |",
        "|---|" + "---|" * len(personas),
    ]
    for name, test in FEATURES:
        marks = ["yes" if test(p, files[p.filename].decode("utf-8")) else "–" for p in personas]
        out.append(f"| {name} | " + " | ".join(marks) + " |")
    for persona in personas:
        weeks = weekly_hours(persona.events, persona.owner, persona.home_tz)
        macro, micro = sum(w.macro for w in weeks), sum(w.micro for w in weeks)
        out += ["", f"## Intended weekly shares: {persona.key} ({persona.owner.name})", ""]
        out += [f"All 26 weeks: {macro:.1f} h macro, {micro:.1f} h micro, "]
        out[-1] += f"macro share {macro / (macro + micro):.1%}.\n"
        out += [summary_table(persona)]
    return "\n".join(out).rstrip() + "\n"
