"""The benchmark generator at a tiny size: deterministic, and the size it promises.

The benchmark itself (``python -m benchmarks``) never runs in the test suite.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.generate import (
    SHAPES,
    count_occurrences,
    ensure_dataset,
    generate_bytes,
    parse_size,
)

TINY = 300


@pytest.mark.parametrize("shape", ["series", "singles"])
def test_generator_is_deterministic_and_meets_the_target(shape: str) -> None:
    first = generate_bytes(TINY, shape)
    assert first == generate_bytes(TINY, shape)
    assert first.startswith(b"BEGIN:VCALENDAR\r\nPRODID:-//Google Inc//Google Calendar")
    assert b"X-WR-TIMEZONE:America/New_York\r\n" in first
    assert b"BEGIN:VTIMEZONE\r\nTZID:America/New_York" in first
    spec = SHAPES[shape]
    found = count_occurrences(first, spec.start, spec.end)
    assert abs(found - TINY) <= TINY * 0.1


def test_series_shape_has_what_google_writes() -> None:
    data = generate_bytes(TINY, "series")
    for needle in (
        b"RRULE:FREQ=",
        b"EXDATE;TZID=",
        b"RECURRENCE-ID;TZID=",
        b"DTSTART;TZID=America/New_York:",
        b"PARTSTAT=",
    ):
        assert needle in data
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))


def test_variants_and_sizes_differ() -> None:
    assert generate_bytes(TINY, "series", variant=1) != generate_bytes(TINY, "series")
    assert generate_bytes(TINY + 10, "series") != generate_bytes(TINY, "series")


def test_datasets_are_cached_by_parameters(tmp_path: Path) -> None:
    made = ensure_dataset(TINY, "series", folder=tmp_path)
    facts = json.loads(Path(made.path).with_suffix(".json").read_text(encoding="utf-8"))
    assert facts["expected"] == made.expected
    modified = Path(made.path).stat().st_mtime_ns
    again = ensure_dataset(TINY, "series", folder=tmp_path)
    assert again == made
    assert Path(made.path).stat().st_mtime_ns == modified


def test_parse_size() -> None:
    assert [parse_size(s) for s in ("10k", "100K", "1.5m", "300")] == [
        10_000,
        100_000,
        1_500_000,
        300,
    ]
    with pytest.raises(ValueError, match="positive"):
        parse_size("0")
