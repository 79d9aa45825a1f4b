"""Inputs: files, folders, Takeout zips, stdin; unreadable inputs fail in one line, exit 3."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import main
from tests.conftest import write_ics

EVENT = """BEGIN:VEVENT
UID:{uid}
DTSTART:20260302T090000Z
DTEND:20260302T{end}0000Z
SUMMARY:Strategy review
END:VEVENT"""
WINDOW = ["--from", "2026-03-02", "--to", "2026-03-09", "--tz", "UTC", "--format", "json"]
RULES_TEXT = '[[rules]]\npattern = "."\nlabel = "macro"\n'


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    path = tmp_path / "rules.toml"
    path.write_text(RULES_TEXT)
    return path


def _report(runner: CliRunner, *args: str, stdin: bytes | None = None) -> dict[str, object]:
    result = runner.invoke(main, ["report", *args, *WINDOW], input=stdin)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_folder_reads_every_ics_recursively(tmp_path: Path, runner: CliRunner, rules: Path) -> None:
    folder = tmp_path / "cals"
    (folder / "sub").mkdir(parents=True)
    write_ics(folder, EVENT.format(uid="a", end="10"), "a.ics")  # 1 h
    write_ics(folder / "sub", EVENT.format(uid="b", end="11"), "b.ics")  # 2 h, overlaps a
    (folder / "notes.txt").write_text("not a calendar")
    report = _report(runner, str(folder), "--rules", str(rules), "--overlap", "count-all")
    assert report["totals"]["macro_hours"] == pytest.approx(3.0)  # type: ignore[index]


def test_same_uid_in_two_files_counts_once(tmp_path: Path, runner: CliRunner, rules: Path) -> None:
    first = write_ics(tmp_path, EVENT.format(uid="same", end="10"), "one.ics")
    second = write_ics(tmp_path, EVENT.format(uid="same", end="10"), "two.ics")
    report = _report(runner, str(first), str(second), "--rules", str(rules))
    assert report["occurrences"] == 1
    assert report["totals"]["macro_hours"] == pytest.approx(1.0)  # type: ignore[index]


def test_takeout_zip(tmp_path: Path, runner: CliRunner, rules: Path) -> None:
    ics = write_ics(tmp_path, EVENT.format(uid="z", end="11"), "me@example.com.ics")
    archive = tmp_path / "takeout.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(ics, "Takeout/Calendar/me@example.com.ics")
        zf.writestr("Takeout/archive_browser.html", "<html></html>")
    report = _report(runner, str(archive), "--rules", str(rules))
    assert report["totals"]["macro_hours"] == pytest.approx(2.0)  # type: ignore[index]


def test_stdin(tmp_path: Path, runner: CliRunner, rules: Path) -> None:
    data = write_ics(tmp_path, EVENT.format(uid="s", end="10")).read_bytes()
    report = _report(runner, "-", "--rules", str(rules), stdin=data)
    assert report["occurrences"] == 1


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.ics", "no such file"),
        (lambda p: _write(p / "x.ics", b"hello, not a calendar"), "not an iCalendar file"),
        (lambda p: _write(p / "empty.ics", b""), "the file is empty"),
        (lambda p: _write(p / "bad.zip", b"PK\x03\x04 truncated"), "not a readable zip file"),
        (lambda p: _mkdir(p / "nothing"), "holds no .ics file"),
    ],
)
def test_unreadable_input_is_one_line_exit_3(
    tmp_path: Path, runner: CliRunner, make: object, message: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = runner.invoke(main, ["report", str(path), *WINDOW])
    assert result.exit_code == 3
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Error: cannot read ")
    assert message in lines[0]


def test_broken_component_warns_with_uid_not_title(tmp_path: Path, runner: CliRunner) -> None:
    body = EVENT.format(uid="good", end="10") + "\nBEGIN:VEVENT\nUID:bad-1\nDTSTART:garbage\n"
    body += "SUMMARY:Secret acquisition of Initech\nEND:VEVENT"
    path = write_ics(tmp_path, body)
    result = runner.invoke(main, ["report", str(path), *WINDOW])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["excluded"]["invalid"] == 1
    assert "bad-1" in result.stderr
    assert "Initech" not in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _mkdir(path: Path) -> Path:
    path.mkdir()
    return path
