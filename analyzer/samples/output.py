"""Writes the sample files: three .ics exports, a Google Takeout zip and the README."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from functools import cache
from pathlib import Path

from analyzer.samples import ceo, ic, manager
from analyzer.samples.bookkeeping import Policy, weekly_hours
from analyzer.samples.model import Label, Persona
from analyzer.samples.readme import render_readme
from analyzer.samples.styles import EXPORTED_AT, render_calendar, render_holidays

__all__ = [
    "PERSONAS",
    "TAKEOUT_NAME",
    "build_all",
    "generate",
    "intended_labels",
    "intended_weekly_shares",
    "takeout_zip",
]

PERSONAS: dict[str, Callable[[], Persona]] = {
    "ceo": ceo.build,
    "manager": manager.build,
    "ic": ic.build,
}
TAKEOUT_NAME = "ceo_takeout.zip"
US_HOLIDAYS_2026 = [
    (date(2026, 1, 1), "New Year's Day", True),
    (date(2026, 1, 19), "Martin Luther King Jr. Day", True),
    (date(2026, 2, 14), "Valentine's Day", False),
    (date(2026, 2, 16), "Presidents' Day", True),
    (date(2026, 3, 17), "St. Patrick's Day", False),
    (date(2026, 4, 5), "Easter Sunday", False),
    (date(2026, 4, 15), "Tax Day", False),
    (date(2026, 5, 10), "Mother's Day", False),
    (date(2026, 5, 25), "Memorial Day", True),
    (date(2026, 6, 19), "Juneteenth National Independence Day", True),
    (date(2026, 6, 21), "Father's Day", False),
    (date(2026, 7, 3), "Independence Day (substitute)", True),
    (date(2026, 7, 4), "Independence Day", True),
    (date(2026, 9, 7), "Labor Day", True),
    (date(2026, 10, 12), "Columbus Day", True),
    (date(2026, 10, 31), "Halloween", False),
    (date(2026, 11, 11), "Veterans Day", True),
    (date(2026, 11, 26), "Thanksgiving Day", True),
    (date(2026, 12, 24), "Christmas Eve", False),
    (date(2026, 12, 25), "Christmas Day", True),
    (date(2026, 12, 31), "New Year's Eve", False),
]


def build_all() -> list[Persona]:
    """Build every persona (deterministic; a fraction of a second)."""
    return [build() for build in PERSONAS.values()]


@cache
def _persona(key: str) -> Persona:
    return PERSONAS[key]()


def intended_weekly_shares(
    persona: str = "ceo", policy: Policy = "count-all"
) -> list[float | None]:
    """Intended macro / (macro + micro) of each of the 26 weeks, from the generator's labels.

    Counted time excludes cancelled, owner-declined, all-day and transparent occurrences;
    weeks start on Monday in the owner's home zone. ``split`` shares overlapping minutes.
    """
    built = _persona(persona)
    return [w.share for w in weekly_hours(built.events, built.owner, built.home_tz, policy)]


def intended_labels(persona: str = "ceo") -> dict[str, Label]:
    """Every SUMMARY the persona's file contains, mapped to its intended label."""
    return {event.summary: event.label for event in _persona(persona).events}


def takeout_zip(calendar: bytes, owner_email: str) -> bytes:
    """A Google Takeout-style zip: the owner's calendar and a US holidays calendar."""
    holidays = render_holidays("Holidays in United States", US_HOLIDAYS_2026)
    members = [
        (f"Takeout/Calendar/{owner_email}.ics", calendar),
        ("Takeout/Calendar/Holidays in United States.ics", holidays),
    ]
    stamp = EXPORTED_AT.timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()


def generate(outdir: Path) -> list[Path]:
    """Write every sample file into ``outdir`` and return their paths."""
    outdir.mkdir(parents=True, exist_ok=True)
    personas = build_all()
    files: dict[str, bytes] = {}
    for persona in personas:
        files[persona.filename] = render_calendar(persona)
    files[TAKEOUT_NAME] = takeout_zip(files["ceo_google.ics"], personas[0].owner.email)
    files["README.md"] = render_readme(personas, files).encode("utf-8")
    written = []
    for name, data in files.items():
        path = outdir / name
        path.write_bytes(data)
        written.append(path)
    return written
