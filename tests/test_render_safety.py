"""Titles are data, never markup or formulas: HTML, Markdown and CSV outputs stay inert."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from analyzer.render.csv import safe_cell
from tests.conftest import write_ics

NASTY = [
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil.example","x")',
    "+1 call",
    "-2 sync",
    "@SUM(A1)",
    "[link](javascript:alert(1)) | *bold*",
]


@pytest.fixture
def nasty_calendar(tmp_path: Path) -> Path:
    body = "\n".join(
        f"BEGIN:VEVENT\nUID:n{i}\nDTSTART:20260302T{9 + i:02d}0000Z\n"
        f"DTEND:20260302T{9 + i:02d}3000Z\nSUMMARY:{title.replace(',', chr(92) + ',')}\n"
        "END:VEVENT"
        for i, title in enumerate(NASTY)
    )
    return write_ics(tmp_path, body)


WINDOW = ["--from", "2026-03-02", "--to", "2026-03-09", "--tz", "UTC"]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx"])
def test_safe_cell_neutralises_formulas(value: str) -> None:
    assert safe_cell(value) == "'" + value


def test_html_escapes_titles(nasty_calendar: Path, tmp_path: Path, runner: CliRunner) -> None:
    out = tmp_path / "r.html"
    result = runner.invoke(
        main, ["report", str(nasty_calendar), *WINDOW, "--format", "html", "--output", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    page = out.read_text()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<a " not in page


def test_markdown_escapes_titles(nasty_calendar: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["report", str(nasty_calendar), *WINDOW, "--format", "markdown"])
    assert result.exit_code == 0, result.stderr
    assert "<script>" not in result.stdout
    assert "](javascript" not in result.stdout


def test_events_csv_has_no_live_formulas(nasty_calendar: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["events", str(nasty_calendar), *WINDOW])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == len(NASTY)
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@")), value


def test_events_jsonl_round_trips(nasty_calendar: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["events", str(nasty_calendar), *WINDOW, "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["title"] for r in rows) == sorted(NASTY)
    assert sum(r["hours"] for r in rows) == pytest.approx(3.0)  # six 30-minute events
