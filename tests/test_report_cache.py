"""The report cache: the same report on unchanged inputs is answered from disk, anything
that could change the report is a different key, and nothing stale is ever served."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from tests.conftest import SAMPLES, write_ics

BASE = ["--from", "2026-02-02", "--to", "2026-03-02", "--format", "json"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ALTITUDE_CACHE_DIR", str(folder))
    return folder


def _entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / "reports").rglob("*.json"))


def _forbid_work(monkeypatch: pytest.MonkeyPatch) -> None:
    import analyzer.reporting as reporting

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the report cache should have answered")

    monkeypatch.setattr(reporting, "prepare", fail)


def test_the_same_report_is_answered_from_the_cache(
    cache_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["report", str(SAMPLES / "ic_apple.ics"), *BASE]
    cold = runner.invoke(main, args)
    assert cold.exit_code == 0, cold.stderr
    assert len(_entries(cache_dir)) == 1
    _forbid_work(monkeypatch)
    warm = runner.invoke(main, args)
    assert warm.exit_code == 0, warm.stderr
    assert warm.stdout == cold.stdout


@pytest.mark.parametrize(
    "change",
    [
        ["--format", "csv"],
        ["--to", "2026-03-09"],
        ["--tz", "Asia/Tokyo"],
        ["--overlap", "count-all"],
        ["--anonymize"],
        ["--threshold", "0.9"],
    ],
    ids=lambda c: c[0],
)
def test_another_option_is_another_report(
    cache_dir: Path, runner: CliRunner, change: list[str]
) -> None:
    args = ["report", str(SAMPLES / "ic_apple.ics"), *BASE]
    first = runner.invoke(main, args)
    second = runner.invoke(main, [*args, *change])
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert len(_entries(cache_dir)) == 2  # its own key: never the first report's text


def test_a_changed_calendar_is_read_again(
    cache_dir: Path, runner: CliRunner, tmp_path: Path
) -> None:
    event = "BEGIN:VEVENT\nUID:a\nSUMMARY:Strategy offsite\nDTSTART:20260203T090000Z\n"
    path = write_ics(tmp_path, event + "DTEND:20260203T100000Z\nEND:VEVENT")
    args = ["report", str(path), *BASE, "--tz", "UTC"]
    before = json.loads(runner.invoke(main, args).stdout)
    write_ics(tmp_path, event + "DTEND:20260203T120000Z\nEND:VEVENT")
    after = json.loads(runner.invoke(main, args).stdout)
    assert before["totals"]["macro_hours"] == 1
    assert after["totals"]["macro_hours"] == 3


def test_a_changed_rules_file_is_another_report(
    cache_dir: Path, runner: CliRunner, tmp_path: Path
) -> None:
    rules = tmp_path / "rules.toml"
    args = ["report", str(SAMPLES / "ic_apple.ics"), *BASE, "--rules", str(rules)]
    rules.write_text('[[rules]]\npattern = "zzz-never"\nlabel = "other"\n', encoding="utf-8")
    first = runner.invoke(main, args)
    rules.write_text('[[rules]]\npattern = "."\nlabel = "other"\n', encoding="utf-8")
    second = runner.invoke(main, args)
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert json.loads(second.stdout)["totals"]["macro_hours"] == 0
    assert json.loads(first.stdout)["totals"]["macro_hours"] > 0


@pytest.mark.parametrize(
    "extra",
    [["--format", "text"], ["--no-cache"], ["--output", "OUT"], ["--charts", "OUT"]],
    ids=lambda e: e[0],
)
def test_reports_that_are_not_kept(
    cache_dir: Path, runner: CliRunner, tmp_path: Path, extra: list[str]
) -> None:
    extra = [str(tmp_path / "out") if e == "OUT" else e for e in extra]
    result = runner.invoke(main, ["report", str(SAMPLES / "ic_apple.ics"), *BASE, *extra])
    assert result.exit_code == 0, result.stderr
    assert _entries(cache_dir) == []


def test_warnings_come_back_with_the_report(
    cache_dir: Path, runner: CliRunner, tmp_path: Path
) -> None:
    body = (
        "BEGIN:VEVENT\nUID:good\nSUMMARY:Board\nDTSTART:20260203T090000Z\n"
        "DTEND:20260203T100000Z\nEND:VEVENT\n"
        "BEGIN:VEVENT\nUID:broken\nSUMMARY:x\nDTSTART:not-a-date\nEND:VEVENT"
    )
    args = ["report", str(write_ics(tmp_path, body)), *BASE, "--tz", "UTC"]
    cold = runner.invoke(main, args)
    warm = runner.invoke(main, args)
    assert "skipped event UID broken" in cold.stderr
    assert warm.stderr == cold.stderr
    assert warm.stdout == cold.stdout


def test_a_corrupt_entry_is_a_miss(
    cache_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["report", str(SAMPLES / "ic_apple.ics"), *BASE]
    cold = runner.invoke(main, args)
    (entry,) = _entries(cache_dir)
    entry.write_text('{"key": "another", "text": "stale", "warnings": []}', encoding="utf-8")
    again = runner.invoke(main, args)
    assert again.stdout == cold.stdout
    entry.write_bytes(b"\x00garbage")
    assert runner.invoke(main, args).stdout == cold.stdout


def test_a_new_quarter_hour_is_a_new_key(cache_dir: Path) -> None:
    import datetime as dt

    from analyzer.calendars.sources import CalendarSource
    from analyzer.report_cache import ReportCache

    cache = ReportCache(cache_dir)
    source = [CalendarSource("a.ics", b"BEGIN:VCALENDAR")]
    at = dt.datetime(2026, 1, 5, 23, 44, tzinfo=dt.UTC)
    same = cache.key(source, {}, [], "UTC", at + dt.timedelta(minutes=0.9))
    assert cache.key(source, {}, [], "UTC", at) == same
    assert cache.key(source, {}, [], "UTC", at + dt.timedelta(minutes=1)) != same
    assert cache.key(source, {}, [], "Europe/Berlin", at) != same


def test_a_cache_hit_imports_no_pandas(cache_dir: Path) -> None:
    args = [str(SAMPLES / "ic_apple.ics"), *BASE]
    probe = (
        "import sys; from analyzer.cli import main\n"
        "try:\n    main([ 'report', *sys.argv[1:]])\nexcept SystemExit:\n    pass\n"
        "print('pandas' in sys.modules, file=sys.stderr)"
    )
    env = {"ALTITUDE_CACHE_DIR": str(cache_dir), "PATH": ""}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe, *args], capture_output=True, text=True, env=env
        )
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout != ""
    assert runs[0].stderr.strip().endswith("True")
    assert runs[1].stderr.strip().endswith("False")
