"""Every real-world file of ../shared/corpus/ics is handled: reported, or rejected in one line."""

from __future__ import annotations

import csv
import json

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from tests.conftest import CORPUS

MANIFEST = CORPUS / "MANIFEST.csv"
ROWS = (
    list(csv.DictReader(MANIFEST.read_text(encoding="utf-8").splitlines()))
    if MANIFEST.is_file()
    else []
)


@pytest.mark.skipif(not ROWS, reason="../shared/corpus is not beside the checkout")
@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_corpus_file_is_handled(row: dict[str, str]) -> None:
    runner = CliRunner()
    args = [
        "report",
        str(CORPUS / row["file"]),
        "--format",
        "json",
        "--tz",
        "UTC",
        "--from",
        "2000-01-01",
        "--to",
        "2030-01-01",
    ]
    result = runner.invoke(main, args)
    assert "Traceback" not in result.output + result.stderr
    if row["expected"] == "reject":
        assert result.exit_code == 3, result.output
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1
        assert lines[0].startswith("Error: cannot read ")
        return
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    counted = report["occurrences"] + sum(
        report["excluded"][k] for k in ("cancelled", "declined", "all_day", "transparent")
    )
    if row["expected"] == "report":
        assert report["excluded"]["invalid"] == 0
        # Every occurrence the reference expansion found is either counted or excluded. The
        # reference read 2000..2030 in each event's own zone, this report reads it in UTC: one
        # occurrence at either end of thirty years may fall on the other side.
        assert abs(counted - int(row["occurrences_2000_2030"])) <= 2
    else:
        assert row["expected"] == "report-with-invalid"
        warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
        assert report["excluded"]["invalid"] == len(warned) or report["excluded"]["invalid"] == 0
