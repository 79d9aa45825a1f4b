"""Shared fixtures: paths, the CLI runner, a fixed today, and the --update-golden switch."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]
CALENDARS = ROOT / "tests" / "calendars"
SAMPLES = ROOT / "data" / "samples"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus" / "ics"
TODAY = dt.date(2026, 7, 8)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite tests/golden from current output"
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def write_ics(tmp_path: Path, body: str, name: str = "cal.ics") -> Path:
    """A VCALENDAR around ``body`` (VEVENT text), written to ``tmp_path / name``."""
    text = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Altitude tests//EN\n" + body.strip()
    path = tmp_path / name
    path.write_text(text + "\nEND:VCALENDAR\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read or write the user's cache folder."""
    import os

    os.environ["ALTITUDE_CACHE_DIR"] = str(tmp_path_factory.mktemp("altitude-cache"))
