"""Sample calendars: byte-identical regeneration, parsing, features, story and size."""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from statistics import mean
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from analyzer.samples import generate, intended_labels, intended_weekly_shares

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"
ICS = {"ceo": "ceo_google.ics", "manager": "manager_outlook.ics", "ic": "ic_apple.ics"}
FILES = sorted([*ICS.values(), "ceo_takeout.zip", "README.md"])
OWNERS = {
    "ceo": ("dana.reyes@northwind.example", "America/New_York"),
    "manager": ("sam.okafor@contoso.example", "America/Los_Angeles"),
    "ic": ("lena.fischer@fabrikam.example", "Europe/Berlin"),
}
OCCURRENCES = {"ceo": (900, 1150), "manager": (900, 1150), "ic": (650, 850)}
PREFIXES = ("Updated invitation: ", "FW: ", "RE: ", "[EXTERNAL] ", "Accepted: ")
COMMON_MARKERS = (
    "\r\nRRULE:FREQ=WEEKLY",
    "\r\nRRULE:FREQ=DAILY",
    "\r\nEXDATE",
    "\r\nRECURRENCE-ID",
    "\r\nSTATUS:CANCELLED",
    "PARTSTAT=DECLINED",
    "PARTSTAT=TENTATIVE",
    "PARTSTAT=NEEDS-ACTION",
    "VALUE=DATE:",
    "\r\nTRANSP:TRANSPARENT",
    "\r\nDURATION:PT",
    "BEGIN:VALARM",
)
STYLE_MARKERS = {
    "ceo": (
        "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
        "X-WR-CALNAME:dana.reyes@northwind.example",
        "X-WR-TIMEZONE:America/New_York",
        "TZID:America/New_York",
        "DTSTART;TZID=America/New_York:",
        "DTSTART;TZID=Europe/London:",
        "DTEND;TZID=Europe/London:",
        "@google.com",
        "_R20260310T170000@google.com",
        "CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;RSVP=FALSE;CN=",
    ),
    "manager": (
        "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
        "METHOD:PUBLISH",
        "TZID:Pacific Standard Time",
        "DTSTART;TZID=Pacific Standard Time:",
        "DTSTART;TZID=Eastern Standard Time:",
        "DTSTART;TZID=GMT Standard Time:",
        "DTEND;TZID=GMT Standard Time:",
        "X-MICROSOFT-CDO-BUSYSTATUS:OOF",
        "UID:040000008200E00074C5B7101A82E008",
        'CN="Kim, Rachel"',
    ),
    "ic": (
        "PRODID:-//Apple Inc.//macOS 15.0//EN",
        "X-WR-CALNAME:Work",
        "X-APPLE-CALENDAR-COLOR:",
        "DTSTART;TZID=Europe/Berlin:",
        "DTEND;TZID=Europe/Lisbon:",
        "TZID:Europe/Lisbon",
        'EMAIL="lena.fischer@fabrikam.example"',
    ),
}


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("samples")
    generate(out)
    return out


@pytest.fixture(scope="module")
def calendars() -> dict[str, Any]:
    return {
        key: icalendar.Calendar.from_ical((SAMPLES / name).read_bytes())
        for key, name in ICS.items()
    }


@pytest.fixture(scope="module")
def expanded(calendars: dict[str, Any]) -> dict[str, list[Any]]:
    window = (date(2026, 1, 5), date(2026, 7, 6))
    return {
        key: list(recurring_ical_events.of(cal).between(*window)) for key, cal in calendars.items()
    }


def _unfolded(name: str) -> str:
    return (SAMPLES / name).read_bytes().decode("utf-8").replace("\r\n ", "")


def _attendees(component: Any) -> list[Any]:
    value = component.get("ATTENDEE", [])
    return value if isinstance(value, list) else [value]


def _owner_partstat(component: Any, owner: str) -> str:
    for attendee in _attendees(component):
        if str(attendee).lower() == f"mailto:{owner}":
            return str(attendee.params.get("PARTSTAT", ""))
    return ""


def test_generator_writes_exactly_the_committed_files(regenerated: Path) -> None:
    assert sorted(p.name for p in regenerated.iterdir()) == FILES
    # team.toml is the hand-written `altitude batch` config of the three personas
    assert sorted(p.name for p in SAMPLES.iterdir() if p.name != "team.toml") == FILES


@pytest.mark.parametrize("name", FILES)
def test_regeneration_is_byte_identical(regenerated: Path, name: str) -> None:
    assert (regenerated / name).read_bytes() == (SAMPLES / name).read_bytes()


@pytest.mark.parametrize("name", FILES)
def test_files_are_small(name: str) -> None:
    assert (SAMPLES / name).stat().st_size < 1_000_000


@pytest.mark.parametrize("name", sorted(ICS.values()))
def test_content_lines_are_crlf_folded_utf8(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")
    lines = data.split(b"\r\n")
    assert lines[-1] == b""
    for line in lines[:-1]:
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never splits a multi-byte character
    assert any(line.startswith(b" ") for line in lines)  # long lines really are folded


@pytest.mark.parametrize("key", sorted(ICS))
def test_expands_with_recurring_ical_events(expanded: dict[str, list[Any]], key: str) -> None:
    low, high = OCCURRENCES[key]
    assert low <= len(expanded[key]) <= high


@pytest.mark.parametrize("key", sorted(ICS))
def test_required_features_are_present(calendars: dict[str, Any], key: str) -> None:
    text = _unfolded(ICS[key])
    for marker in COMMON_MARKERS + STYLE_MARKERS[key]:
        assert marker in text, marker
    owner = OWNERS[key][0]
    events = list(calendars[key].walk("VEVENT"))
    summaries = [str(e["SUMMARY"]) for e in events]
    for prefix in PREFIXES:
        assert any(s.startswith(prefix) for s in summaries), prefix
    assert any(any(ord(c) > 127 for c in s) for s in summaries)
    statuses = {_owner_partstat(e, owner) for e in events}
    assert {"DECLINED", "TENTATIVE", "NEEDS-ACTION"} <= statuses
    assert any(not isinstance(e["DTSTART"].dt, datetime) for e in events)


def test_style_specific_details(calendars: dict[str, Any]) -> None:
    google = _unfolded(ICS["ceo"])
    assert re.search(r"\r\nDTSTART:2026\d{4}T\d{6}Z\r\n", google)
    assert "X-WR-CALNAME" not in _unfolded(ICS["manager"])
    apple = _unfolded(ICS["ic"])
    assert re.search(
        r"\r\nUID:[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[0-9A-F]{4}-[0-9A-F]{12}\r\n", apple
    )
    floating = [
        e
        for e in calendars["ic"].walk("VEVENT")
        if isinstance(e["DTSTART"].dt, datetime) and e["DTSTART"].dt.tzinfo is None
    ]
    assert 1 <= len(floating) <= 3
    counts: Counter[str] = Counter()
    for event in calendars["manager"].walk("VEVENT"):
        for value in [event.get("ORGANIZER"), *_attendees(event)]:
            if value is not None:
                counts[str(value).lower().removeprefix("mailto:")] += 1
    assert counts.most_common(1)[0][0] == OWNERS["manager"][0]


def test_takeout_zip_holds_the_google_export() -> None:
    with zipfile.ZipFile(SAMPLES / "ceo_takeout.zip") as archive:
        infos = archive.infolist()
        names = [i.filename for i in infos]
        assert names == [
            "Takeout/Calendar/dana.reyes@northwind.example.ics",
            "Takeout/Calendar/Holidays in United States.ics",
        ]
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
        assert {i.date_time for i in infos} == {(2026, 7, 6, 9, 30, 12)}
        assert archive.read(names[0]) == (SAMPLES / ICS["ceo"]).read_bytes()
        holidays = icalendar.Calendar.from_ical(archive.read(names[1]))
    days = [e["DTSTART"].dt for e in holidays.walk("VEVENT")]
    assert days
    assert all(not isinstance(d, datetime) for d in days)


@pytest.mark.parametrize("key", sorted(ICS))
def test_bookkeeping_matches_recurring_ical_events(
    expanded: dict[str, list[Any]], key: str
) -> None:
    """The README's intended shares are what an RFC 5545 expansion of the file gives."""
    owner, home = OWNERS[key]
    zone, labels = ZoneInfo(home), intended_labels(key)
    hours = [{"macro": 0.0, "micro": 0.0} for _ in range(26)]
    for event in expanded[key]:
        start = event["DTSTART"].dt
        if (
            str(event.get("STATUS", "")) == "CANCELLED"
            or _owner_partstat(event, owner) == "DECLINED"
            or not isinstance(start, datetime)
            or str(event.get("TRANSP", "")) == "TRANSPARENT"
        ):
            continue
        end = event["DTEND"].dt if "DTEND" in event else start + event["DURATION"].dt
        start, end = (t if t.tzinfo else t.replace(tzinfo=zone) for t in (start, end))
        week = (start.astimezone(zone).date() - date(2026, 1, 5)).days // 7
        label = labels[str(event["SUMMARY"])]
        if 0 <= week < 26 and label != "other":
            hours[week][label] += (end - start).total_seconds() / 3600
    shares = [h["macro"] / (h["macro"] + h["micro"]) if h["micro"] else None for h in hours]
    assert shares == pytest.approx(intended_weekly_shares(key))


def test_ceo_macro_share_drifts_and_recovers() -> None:
    shares = [s or 0.0 for s in intended_weekly_shares("ceo")]
    assert 0.37 <= mean(shares[0:6]) <= 0.43
    assert mean(shares[6:10]) > mean(shares[10:13]) > mean(shares[13:18])
    assert 0.17 <= mean(shares[13:18]) <= 0.22
    assert max(shares[13:18]) <= 0.22
    assert 0.35 <= mean(shares[18:26]) <= 0.40
    assert min(shares[19:26]) >= 0.34


@pytest.mark.parametrize(("key", "low", "high"), [("manager", 0.15, 0.25), ("ic", 0.05, 0.10)])
def test_other_personas_are_mostly_micro(key: str, low: float, high: float) -> None:
    shares = [s for s in intended_weekly_shares(key) if s is not None]
    assert low <= mean(shares) <= high
