"""Invariants under random input: mangled calendars end cleanly; reports stay consistent."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.analysis import ReportOptions, analyze
from analyzer.cli import main
from analyzer.errors import AltitudeError
from tests.conftest import CALENDARS

SEED = (CALENDARS / "timed_rrule_override_outlook.ics").read_bytes()
RULES = CALENDARS / "labels.toml"
OPTIONS = ReportOptions(
    tz="Europe/Berlin", start=dt.date(2026, 1, 1), end=dt.date(2026, 3, 1), rules=RULES
)


def _mangle(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    lines = data.splitlines(keepends=True)
    for kind, position, junk in edits:
        if not lines:
            break
        i = position % len(lines)
        if kind == 0:
            del lines[i]
        elif kind == 1:
            lines[i] = junk + b"\r\n"
        elif kind == 2:
            lines.insert(i, lines[(i * 7) % len(lines)])
        else:
            cut = position % max(1, len(lines[i]))
            lines[i] = lines[i][:cut] + junk + lines[i][cut:]
    return b"".join(lines)


EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 10_000), st.binary(min_size=0, max_size=12)),
    min_size=1,
    max_size=6,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mangled_calendars_end_cleanly(edits: list[tuple[int, int, bytes]]) -> None:
    data = _mangle(SEED, edits)
    try:
        result = analyze(["-"], OPTIONS, stdin=io.BytesIO(data))
    except AltitudeError as exc:
        error = exc
    else:
        error = None
    if error is not None:
        assert error.exit_code in (2, 3)
        assert "\n" not in error.message
        return
    weekly = result.weekly()
    total = weekly[["macro_hours", "micro_hours", "other_hours"]].to_numpy().sum()
    assert total >= 0
    # split overlaps: never more than the wall-clock length of the window
    assert total <= (OPTIONS.end - OPTIONS.start).days * 24 + 1e-6  # type: ignore[operator]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_cli_never_shows_a_traceback(edits: list[tuple[int, int, bytes]]) -> None:
    data = _mangle(SEED, edits)
    result = CliRunner().invoke(
        main,
        [
            "report",
            "-",
            "--tz",
            "UTC",
            "--from",
            "2026-01-01",
            "--to",
            "2026-03-01",
            "--rules",
            str(RULES),
            "--format",
            "json",
        ],
        input=data,
    )
    assert result.exit_code in (0, 3), result.output
    assert "Traceback" not in result.stderr
    if result.exit_code == 0:
        report = json.loads(result.stdout)
        weeks_total = sum(
            w["macro_hours"] + w["micro_hours"] + w["other_hours"] for w in report["weeks"]
        )
        totals = report["totals"]
        assert weeks_total == pytest.approx(
            totals["macro_hours"] + totals["micro_hours"] + totals["other_hours"], abs=1e-3
        )
