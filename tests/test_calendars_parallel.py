"""Splitting a calendar by UID and expanding the parts in processes changes nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner

from analyzer.calendars.parallel import expand_in_parallel
from analyzer.calendars.sources import CalendarSource
from analyzer.calendars.split import scan_header, split_by_uid
from analyzer.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "samples"


@pytest.mark.parametrize("name", ["ceo_google.ics", "manager_outlook.ics", "ic_apple.ics"])
def test_parts_hold_every_event_once_with_its_series(name: str) -> None:
    data = (SAMPLES / name).read_bytes()
    parts = split_by_uid(data, 3)
    assert len(parts) == 3
    whole = icalendar.Calendar.from_ical(data)
    uids_per_part = [
        {str(e["UID"]) for e in icalendar.Calendar.from_ical(p).walk("VEVENT")} for p in parts
    ]
    assert sum(len(u) for u in uids_per_part) == len({str(e["UID"]) for e in whole.walk("VEVENT")})
    events = sum(len(icalendar.Calendar.from_ical(p).walk("VEVENT")) for p in parts)
    assert events == len(whole.walk("VEVENT"))
    # every part keeps the time zones and the calendar's own properties
    assert all(scan_header(p) == scan_header(data) for p in parts)
    assert all(p.count(b"BEGIN:VTIMEZONE") == data.count(b"BEGIN:VTIMEZONE") for p in parts)


def test_parallel_expansion_equals_serial() -> None:
    data = (SAMPLES / "manager_outlook.ics").read_bytes()
    tz = ZoneInfo("America/Los_Angeles")
    start = dt.datetime(2026, 1, 1, tzinfo=tz)
    end = dt.datetime(2026, 4, 1, tzinfo=tz)
    _, serial = expand_in_parallel(CalendarSource("m.ics", data), start, end, tz, jobs=1)
    header, parallel = expand_in_parallel(CalendarSource("m.ics", data), start, end, tz, jobs=2)
    assert len(parallel.table) == len(serial.table)
    assert sorted(parallel.table.start.tolist()) == sorted(serial.table.start.tolist())
    assert dict(header.addresses)["sam.okafor@contoso.example"] > 100


def test_jobs_two_gives_identical_report(runner: CliRunner) -> None:
    args = [
        "report",
        str(SAMPLES / "ceo_google.ics"),
        "--from",
        "2026-01-05",
        "--to",
        "2026-07-06",
        "--format",
        "json",
        "--no-cache",
    ]
    one = runner.invoke(main, args)
    two = runner.invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == 0, one.stderr
    assert two.exit_code == 0, two.stderr
    assert two.stdout == one.stdout


def test_unsplittable_text_is_returned_whole() -> None:
    data = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n"  # truncated: no END
    assert split_by_uid(data, 2) == [data]


def test_jobs_stay_parallel_when_only_the_header_is_cached(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analyzer.calendars.files as files_module

    monkeypatch.setenv("ALTITUDE_CACHE_DIR", str(tmp_path))
    calls = []
    real = files_module.expand_in_parallel

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module, "expand_in_parallel", counted)
    path = str(SAMPLES / "ceo_google.ics")
    for start, end in (("2026-01-05", "2026-02-02"), ("2026-02-02", "2026-03-02")):
        result = runner.invoke(
            main, ["report", path, "--from", start, "--to", end, "--jobs", "2", "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
    assert len(calls) == 2  # the second window found the header cached, not the expansion
