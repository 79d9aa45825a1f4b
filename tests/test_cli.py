"""The command group: help, version, usage errors and the one-line error contract."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from analyzer import __version__
from analyzer.cli import main
from tests.conftest import CALENDARS

COMMANDS = sorted(main.list_commands(click.Context(main)))


def test_version(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_help_lists_every_command_with_a_purpose(runner: CliRunner) -> None:
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(runner: CliRunner, name: str) -> None:
    result = runner.invoke(main, [name, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert f"altitude {name}" in readme


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [
        (["report"], 2, "Missing argument"),
        (["report", "x.ics", "--from", "March"], 2, "not a date"),
        (["report", "x.ics", "--overlap", "half"], 2, "Invalid value"),
        (
            ["report", str(CALENDARS / "timed_floating.ics"), "--tz", "Mars/Olympus"],
            2,
            "unknown time zone",
        ),
        (
            [
                "report",
                str(CALENDARS / "timed_floating.ics"),
                "--from",
                "2026-03-09",
                "--to",
                "2026-03-02",
            ],
            2,
            "empty window",
        ),
        (
            ["report", str(CALENDARS / "timed_floating.ics"), "--rules", "nope.toml"],
            2,
            "cannot read rules file",
        ),
    ],
)
def test_usage_errors(runner: CliRunner, args: list[str], code: int, fragment: str) -> None:
    result = runner.invoke(main, args)
    assert result.exit_code == code
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_rules_name_the_key(tmp_path: Path, runner: CliRunner) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text('[[rules]]\npattern = "x"\nlabel = "strategic"\n')
    result = runner.invoke(
        main, ["report", str(CALENDARS / "timed_floating.ics"), "--rules", str(rules)]
    )
    assert result.exit_code == 2
    assert "rules #1.label" in result.stderr


def test_default_window_is_twelve_complete_weeks_before_today(runner: CliRunner) -> None:
    # today Wednesday 2026-07-08 -> the week of Monday 2026-07-06 is incomplete;
    # 12 weeks back from 2026-07-06 is 2026-04-13
    result = runner.invoke(
        main,
        [
            "report",
            str(CALENDARS / "timed_floating.ics"),
            "--tz",
            "UTC",
            "--format",
            "json",
            "--today",
            "2026-07-08",
        ],
    )
    assert result.exit_code == 0, result.stderr
    window = json.loads(result.stdout)["window"]
    assert window == {"start": "2026-04-13", "end": "2026-07-06", "timezone": "UTC"}
    weeks = json.loads(result.stdout)["weeks"]
    assert len(weeks) == 12


def test_output_file(tmp_path: Path, runner: CliRunner) -> None:
    target = tmp_path / "deep" / "report.json"
    result = runner.invoke(
        main,
        [
            "report",
            str(CALENDARS / "timed_floating.ics"),
            "--tz",
            "UTC",
            "--format",
            "json",
            "--from",
            "2026-03-02",
            "--to",
            "2026-03-09",
            "--output",
            str(target),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert json.loads(target.read_text())["window"]["start"] == "2026-03-02"
