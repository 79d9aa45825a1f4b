"""Golden files: every text format of the report on the sample calendars.

Regenerate after a deliberate change with `make golden` (pytest --update-golden) and review
the diff: a changed number here is a changed answer for users.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from tests.conftest import GOLDEN, ROOT

SAMPLES = {
    "ceo": ("data/samples/ceo_google.ics", ["--target-band", "0.3:0.5"]),
    # Outlook writes no X-WR-TIMEZONE: name the zone, or the machine's own would be used
    "manager": ("data/samples/manager_outlook.ics", ["--tz", "America/Los_Angeles"]),
    "ic": ("data/samples/ic_apple.ics", []),
}
FORMATS = {"text": "txt", "markdown": "md", "csv": "csv", "json": "json"}
WINDOW = ["--from", "2026-01-05", "--to", "2026-07-06"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("persona", SAMPLES)
def test_report_matches_golden(
    persona: str, fmt: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    path, extra = SAMPLES[persona]
    result = CliRunner().invoke(main, ["report", path, *WINDOW, *extra, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / f"{persona}.{FORMATS[fmt]}"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert golden.is_file(), f"missing {golden.name}: run `make golden`"
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_events_csv_matches_golden(update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ["events", "data/samples/ceo_google.ics", "--from", "2026-03-02", "--to", "2026-03-09"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.stderr
    golden = GOLDEN / "ceo_events_2026-03-02.csv"
    if update_golden:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")


def test_anonymized_outputs_hold_no_calendar_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    source = Path("data/samples/ceo_google.ics").read_text(encoding="utf-8")
    titles = {
        line.split(":", 1)[1].strip()
        for line in source.splitlines()
        if line.startswith("SUMMARY:") and len(line) > 14
    }
    for fmt in ("text", "markdown", "json", "csv"):
        result = CliRunner().invoke(
            main,
            [
                "report",
                "data/samples/ceo_google.ics",
                *WINDOW,
                "--format",
                fmt,
                "--anonymize",
                "--compare",
                "2025-07-07:2026-01-05",
            ],
        )
        assert result.exit_code == 0, result.stderr
        for secret in ("dana", "northwind", "ceo_google"):
            assert secret not in result.stdout.lower()
        leaked = [t for t in titles if t in result.stdout]
        assert not leaked, leaked[:3]
