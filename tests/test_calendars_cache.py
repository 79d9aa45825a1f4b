"""The parse and label caches: warm runs skip parsing and the model, and change nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import analyzer.calendars.files as files_module
import analyzer.classify.label_cache as label_module
from analyzer.cli import main

SAMPLE = str(Path(__file__).resolve().parents[1] / "data" / "samples" / "manager_outlook.ics")
ARGS = ["report", SAMPLE, "--from", "2026-02-02", "--to", "2026-03-02", "--format", "json"]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("ALTITUDE_CACHE_DIR", str(folder))
    return folder


def _forbid(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("the cache should have answered")

    monkeypatch.setattr(files_module, "parse_calendar", fail)
    monkeypatch.setattr(files_module, "expand_occurrences", fail)
    monkeypatch.setattr(label_module, "load_predictor", fail)


def test_warm_run_reads_nothing_but_the_cache_and_is_identical(
    cache_dir: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = runner.invoke(main, ARGS)
    assert cold.exit_code == 0, cold.stderr
    assert list((cache_dir / "parse").rglob("*.npz"))
    assert list((cache_dir / "labels").glob("*.json"))
    shutil.rmtree(cache_dir / "reports")  # the finished report would answer first
    _forbid(monkeypatch)
    warm = runner.invoke(main, ARGS)
    assert warm.exit_code == 0, warm.stderr
    assert warm.stdout == cold.stdout


def test_no_cache_neither_reads_nor_writes(cache_dir: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, [*ARGS, "--no-cache"])
    assert result.exit_code == 0, result.stderr
    assert not cache_dir.exists()


def test_corrupt_entries_are_ignored_and_rewritten(cache_dir: Path, runner: CliRunner) -> None:
    cold = runner.invoke(main, ARGS)
    entries = [p for p in cache_dir.rglob("*") if p.is_file()]
    assert len(entries) >= 4  # header, expansion, labels, the finished report
    for path in entries:
        path.write_bytes(b"\x00garbage")
    again = runner.invoke(main, ARGS)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == cold.stdout
    assert all(p.read_bytes() != b"\x00garbage" for p in entries if p.exists())


def test_another_window_is_another_entry(cache_dir: Path, runner: CliRunner) -> None:
    runner.invoke(main, ARGS)
    other = ["report", SAMPLE, "--from", "2026-03-02", "--to", "2026-03-30", "--format", "json"]
    assert runner.invoke(main, other).exit_code == 0
    assert len(list((cache_dir / "parse").rglob("*.npz"))) == 2


def test_cache_clear(cache_dir: Path, runner: CliRunner) -> None:
    runner.invoke(main, ARGS)
    info = runner.invoke(main, ["cache", "info"])
    assert info.exit_code == 0
    assert str(cache_dir) in info.stdout
    cleared = runner.invoke(main, ["cache", "clear"])
    assert cleared.exit_code == 0
    assert "Removed" in cleared.stdout
    assert not [p for p in cache_dir.rglob("*") if p.is_file()]
