"""Reading a calendar part by part, in this process or in workers, changes nothing.

Parts hold whole series; joined in order they must give exactly the whole file's
occurrences, problems and header. The quick path for events that do not recur must agree
with the library's full expansion, boundaries included.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
from click.testing import CliRunner

import analyzer.calendars.expand as expand_module
from analyzer.calendars.expand import Expansion, expand_occurrences
from analyzer.calendars.parallel import expand_in_parts
from analyzer.calendars.parse import parse_calendar
from analyzer.calendars.sources import CalendarSource
from analyzer.calendars.split import scan_header, split_by_uid
from analyzer.cli import main
from analyzer.errors import InputError
from tests.conftest import CALENDARS, CORPUS, SAMPLES

NEW_YORK = ZoneInfo("America/New_York")
EVERYTHING = (dt.datetime(2000, 1, 1, tzinfo=NEW_YORK), dt.datetime(2031, 1, 1, tzinfo=NEW_YORK))
# The samples' series are open-ended: their year keeps the tests quick.
SAMPLE_YEAR = (dt.datetime(2026, 1, 1, tzinfo=NEW_YORK), dt.datetime(2027, 1, 1, tzinfo=NEW_YORK))


def _span(path: Path) -> tuple[dt.datetime, dt.datetime]:
    return EVERYTHING if path.parent == CORPUS else SAMPLE_YEAR


def _files() -> list[Path]:
    files = sorted(SAMPLES.glob("*.ics")) + sorted(CALENDARS.glob("*.ics"))
    return files + (sorted(CORPUS.glob("*.ics")) if CORPUS.is_dir() else [])


def _rows(expansion: Expansion) -> list[tuple[Any, ...]]:
    """Occurrences as comparable rows (the library yields a series' overrides in no set
    order, and nothing downstream depends on it)."""
    table = expansion.table
    facts = [repr(table.components[i]) for i in table.component.tolist()]
    return sorted(
        zip(
            table.start.tolist(),
            table.end.tolist(),
            table.anchor.tolist(),
            table.all_day.tolist(),
            facts,
            strict=True,
        )
    )


def _whole(path: Path) -> tuple[Any, Expansion] | InputError:
    try:
        parsed = parse_calendar(CalendarSource(path.name, path.read_bytes()))
    except InputError as exc:
        return exc
    return parsed.header, expand_occurrences(parsed, *_span(path), NEW_YORK)


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_parts_give_the_whole_files_result(path: Path) -> None:
    whole = _whole(path)
    source = CalendarSource(path.name, path.read_bytes())
    try:
        header, parts = expand_in_parts(source, *_span(path), NEW_YORK, part_bytes=300)
    except InputError as exc:
        message = exc.message
    else:
        message = None
    if message is not None or isinstance(whole, InputError):
        assert isinstance(whole, InputError)
        assert message == whole.message
        return
    assert not isinstance(whole, InputError), whole.message
    assert header == whole[0]
    assert _rows(parts) == _rows(whole[1])
    assert [str(p) for p in parts.problems] == [str(p) for p in whole[1].problems]


def test_workers_give_the_whole_files_result() -> None:
    path = SAMPLES / "manager_outlook.ics"
    source = CalendarSource(path.name, path.read_bytes())
    header, whole = expand_in_parts(source, *SAMPLE_YEAR, NEW_YORK)
    header2, parallel = expand_in_parts(source, *SAMPLE_YEAR, NEW_YORK, jobs=2, part_bytes=20_000)
    assert header2 == header
    assert _rows(parallel) == _rows(whole)
    assert dict(header.addresses)["sam.okafor@contoso.example"] > 100


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_single_events_read_like_the_full_expansion(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        parsed = parse_calendar(CalendarSource(path.name, path.read_bytes()))
    except InputError:
        pytest.skip("not a calendar")
    events = [e for e in parsed.calendar.walk("VEVENT") if expand_module._problem(e) is None]
    spans = [_span(path)]
    for event in random.Random(path.name).sample(events, min(3, len(events))):
        start = event.start
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(0))
        start = start if start.tzinfo else start.replace(tzinfo=NEW_YORK)
        hour = dt.timedelta(hours=1)
        # touching at either end, starting inside, ending inside
        spans += [
            (start, start + hour),
            (start - hour, start),
            (start + hour / 2, start + 24 * hour),
        ]
    for span in spans:
        quick = expand_occurrences(parsed, *span, NEW_YORK)
        with monkeypatch.context() as patch:
            patch.setattr(expand_module, "_EventAdapter", None)
            full = expand_occurrences(parsed, *span, NEW_YORK)
        assert _rows(quick) == _rows(full), span


def test_parts_hold_every_event_once_with_its_series() -> None:
    data = (SAMPLES / "ceo_google.ics").read_bytes()
    parts = split_by_uid(data, 50_000)
    assert len(parts) > 3
    whole = icalendar.Calendar.from_ical(data)
    uids = [
        {str(e["UID"]) for e in icalendar.Calendar.from_ical(p.data).walk("VEVENT")} for p in parts
    ]
    assert sum(len(u) for u in uids) == len({str(e["UID"]) for e in whole.walk("VEVENT")})
    numbers = [n for p in parts for n in p.numbers]
    assert sorted(numbers) == list(range(len(whole.walk("VEVENT"))))
    # every part keeps the time zones and the calendar's own properties
    assert all(scan_header(p.data) == scan_header(data) for p in parts)
    assert all(p.data.count(b"BEGIN:VTIMEZONE") == data.count(b"BEGIN:VTIMEZONE") for p in parts)


def test_events_without_uid_keep_their_file_wide_names(tmp_path: Path) -> None:
    event = (
        "BEGIN:VEVENT\r\nDTSTART:2026020{d}T100000Z\r\nDTEND:2026020{d}T110000Z\r\nEND:VEVENT\r\n"
    )
    text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(event.format(d=d) for d in range(1, 6))
    source = CalendarSource("n.ics", (text + "END:VCALENDAR\r\n").encode())
    _, parts = expand_in_parts(source, *EVERYTHING, NEW_YORK, part_bytes=1)
    uids = sorted({c.uid for c in parts.table.components})
    assert uids == [f"(no UID, event #{n})" for n in range(1, 6)]


@pytest.mark.parametrize(
    "text",
    [
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\n",  # truncated: no END
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
        b"BEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\n",
        b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nEND:VEVENT\r\nX-LATE:1\r\n"
        b"BEGIN:VEVENT\r\nUID:b\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    ],
    ids=["truncated", "two-calendars", "no-calendar", "property-between-events"],
)
def test_odd_structure_is_left_whole_for_the_parser(text: bytes) -> None:
    assert [p.data for p in split_by_uid(text, 1)] == [text]


def test_progress_is_reported_part_by_part() -> None:
    data = (SAMPLES / "ceo_google.ics").read_bytes()
    seen: list[tuple[int, int]] = []
    source = CalendarSource("c.ics", data)
    expand_in_parts(
        source, *SAMPLE_YEAR, NEW_YORK, part_bytes=50_000, progress=lambda *a: seen.append(a)
    )
    done = [d for d, _ in seen]
    assert len(seen) > 3
    assert done == sorted(done)
    assert done[-1] == seen[-1][1]


def test_a_terminal_shows_a_bar_and_a_pipe_nothing() -> None:
    from analyzer.cli.progress import progress_on_terminal
    from analyzer.progress import report_progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with progress_on_terminal(stream):
            report_progress("Reading big.ics", 5, 10)
    assert "Reading big.ics" in terminal.getvalue()
    assert pipe.getvalue() == ""


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


def test_reading_in_parts_gives_identical_report(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analyzer.calendars.files as files_module

    args = ["report", str(SAMPLES / "ceo_google.ics"), "--weeks", "26", "-f", "json", "--no-cache"]
    whole = runner.invoke(main, args)
    monkeypatch.setattr(files_module, "PART_BYTES", 40_000)
    calls: list[int] = []
    real = files_module.expand_in_parts

    def counted(*a: Any, **k: Any) -> Any:
        calls.append(1)
        return real(*a, **k)

    monkeypatch.setattr(files_module, "expand_in_parts", counted)
    parts = runner.invoke(main, args)
    assert whole.exit_code == parts.exit_code == 0, parts.stderr
    assert calls
    assert parts.stdout == whole.stdout


def test_jobs_stay_parallel_when_only_the_header_is_cached(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import analyzer.calendars.files as files_module

    monkeypatch.setenv("ALTITUDE_CACHE_DIR", str(tmp_path))
    calls = []
    real = files_module.expand_in_parts

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(kwargs)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(files_module, "expand_in_parts", counted)
    path = str(SAMPLES / "ceo_google.ics")
    for start, end in (("2026-01-05", "2026-02-02"), ("2026-02-02", "2026-03-02")):
        result = runner.invoke(
            main, ["report", path, "--from", start, "--to", end, "--jobs", "2", "-f", "json"]
        )
        assert result.exit_code == 0, result.stderr
    assert len(calls) == 2  # the second window found the header cached, not the expansion


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_narrow_spans_leave_out_far_events_and_change_nothing(path: Path) -> None:
    source = CalendarSource(path.name, path.read_bytes())
    try:
        parsed = parse_calendar(source)
    except InputError:
        pytest.skip("not a calendar")
    events = [e for e in parsed.calendar.walk("VEVENT") if expand_module._problem(e) is None]
    zone = ZoneInfo("Pacific/Kiritimati")  # UTC+14: dates far from UTC's
    for event in random.Random(path.name).sample(events, min(2, len(events))):
        start = event.start
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(0))
        start = (start if start.tzinfo else start.replace(tzinfo=zone)).astimezone(zone)
        for span in ((start, start + dt.timedelta(hours=1)), (start, start + dt.timedelta(days=9))):
            whole = expand_occurrences(parsed, *span, zone)
            header, parts = expand_in_parts(source, *span, zone, part_bytes=5_000)
            assert header == parsed.header  # addresses of events left unread still count
            assert _rows(parts) == _rows(whole)
            assert [str(p) for p in parts.problems] == [str(p) for p in whole.problems]


def test_events_far_from_the_span_are_not_parsed() -> None:
    from collections import Counter

    data = (SAMPLES / "ceo_google.ics").read_bytes()
    left_out: Counter[str] = Counter()
    far = (dt.date(2031, 1, 6), dt.date(2031, 3, 31))
    (part,) = split_by_uid(data, 10**9, far, left_out)
    whole = parse_calendar(CalendarSource("c.ics", data))
    kept = icalendar.Calendar.from_ical(part.data).walk("VEVENT")
    assert 0 < len(kept) < len(whole.calendar.walk("VEVENT")) / 2  # open-ended series stay
    singles = [e for e in kept if e.get("RRULE") is None and e.get("RECURRENCE-ID") is None]
    assert len(singles) <= 3  # only the few whose text is not plain (DURATION, mixed zones)
    kept_header = parse_calendar(CalendarSource("p.ics", part.data)).header
    assert Counter(dict(kept_header.addresses)) + left_out == Counter(dict(whole.header.addresses))


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("DTSTART;VALUE=DATE:20200101T100000", "DTEND;VALUE=DATE:20200101T110000"),
        ("DTSTART;TZID=Europe/Berlin:20200101", "DTEND;TZID=Europe/Berlin:20200102"),
        ("DTSTART:20200101T100000Z", "DTEND:20200101T090000Z"),
        ("DTSTART:20200101", "DTEND:20200101T110000Z"),
        ("DTSTART:20201301T100000Z", "DTEND:20201301T110000Z"),
    ],
    ids=["value-date-with-time", "zone-on-date", "reversed", "mixed", "month-13"],
)
def test_odd_far_events_are_judged_by_the_parser(start: str, end: str) -> None:
    good = "BEGIN:VEVENT\r\nUID:good\r\nDTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\n"
    odd = f"BEGIN:VEVENT\r\nUID:odd\r\n{start}\r\n{end}\r\nEND:VEVENT\r\n"
    text = f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{good}END:VEVENT\r\n{odd}END:VCALENDAR\r\n"
    source = CalendarSource("odd.ics", text.encode())
    span = (dt.datetime(2026, 1, 5, tzinfo=NEW_YORK), dt.datetime(2026, 1, 12, tzinfo=NEW_YORK))
    whole = expand_occurrences(parse_calendar(source), *span, NEW_YORK)
    _, parts = expand_in_parts(source, *span, NEW_YORK, part_bytes=1)
    assert [str(p) for p in parts.problems] == [str(p) for p in whole.problems]
    assert _rows(parts) == _rows(whole)
