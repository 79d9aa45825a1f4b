"""Run a batch: read every calendar, analyse people in parallel, roll up teams, write it all."""

from __future__ import annotations

import dataclasses
import datetime as dt
import platform
import time
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from analyzer._version import __version__
from analyzer.accounting.window import ReportWindow
from analyzer.aggregate.drift import drift_table
from analyzer.analysis import ReportOptions
from analyzer.batch.cache import ResultCache, file_sha256
from analyzer.batch.config import BatchConfig
from analyzer.batch.executors import ExecutorName, run_tasks
from analyzer.batch.inputs import PersonInputs, cross_duplicates, read_inputs
from analyzer.batch.manifest import alerts_json, manifest_json, render_json
from analyzer.batch.output import MANIFEST, RunFolder
from analyzer.batch.person import PersonResult, PersonTask
from analyzer.batch.result import BatchResult, PersonOutcome, TeamOutcome
from analyzer.batch.rollup import build_rollup, find_alert, weekly_frame
from analyzer.batch.team_render import render_team
from analyzer.calendars.timezones import local_zone_name
from analyzer.classify.model_io import DEFAULT_MODEL_PATH
from analyzer.storage import default_cache_dir

__all__ = ["ProgressCallback", "run_batch"]

ProgressCallback = Callable[[int, int, str, str], None]
"""Called as ``progress(done, total, label, status)`` after each person and team."""


def run_batch(
    config: BatchConfig,
    *,
    jobs: int = 1,
    executor: ExecutorName = "local",
    scheduler: str | None = None,
    today: dt.date | None = None,
    use_cache: bool = True,
    progress: ProgressCallback | None = None,
) -> BatchResult:
    """Write every person's report, every team's rollup, ``alerts.json`` and ``manifest.json``.

    Files go to ``config.output / today``; each is written atomically, and a re-run over the
    same inputs on the same day writes the same bytes. A calendar that cannot be read is
    recorded in the result and the manifest, never raised.

    Args:
        config: the validated config (see :func:`analyzer.batch.config.load_config`).
        jobs: worker processes for the local executor (1: all in this process).
        executor: ``"local"`` or ``"dask"``.
        scheduler: the Dask scheduler address (``executor="dask"`` only).
        today: the run date (default: today in the config's time zone).
        use_cache: reuse parsed calendars and finished people from the cache in
            :func:`analyzer.storage.default_cache_dir` (``$ALTITUDE_CACHE_DIR`` overrides).
        progress: called after each person and team.

    Returns:
        What was written, what failed, the alerts; ``exit_code()`` maps it to 0, 4 or 5.

    Raises:
        OutputError: the output folder cannot be written.
        ConfigError, AltitudeError: the executor cannot start (Dask missing or unreachable).
    """
    clock, started_at = time.perf_counter(), dt.datetime.now(dt.UTC)
    today = today or _today(config)
    window = config.window.resolve(today)
    folder = RunFolder(config.output / today.isoformat())
    result = BatchResult(config.path, today, folder.folder, window, _describe(config))
    result.versions = _versions(config)
    result.warnings = list(config.warnings)
    inputs = {p.key: read_inputs(p, config.path.parent) for p in config.people}
    result.warnings += cross_duplicates(inputs)
    cache = ResultCache(default_cache_dir() if use_cache else None)
    extra = {"model": result.versions["model"]["sha256"], "zone": local_zone_name()}
    total, finished = len(config.people) + len(config.teams), []
    results: dict[str, PersonResult] = {}

    def finish(person_result: PersonResult, cached: bool) -> None:
        outcome = _write_person(folder, config, inputs[person_result.key], person_result, cached)
        result.people.append(outcome)
        results[person_result.key] = dataclasses.replace(
            person_result, files={}, failed_inputs=tuple(outcome.failed_inputs)
        )
        finished.append(outcome.key)
        if progress is not None:
            progress(len(finished), total, f"people.{outcome.key}", outcome.status)

    pending: dict[str, tuple[PersonTask, str]] = {}
    ready: list[tuple[PersonResult, bool]] = []
    for person in config.people:
        if not inputs[person.key].sources:
            ready.append((PersonResult(person.key, error="no calendar could be read"), False))
            continue
        task = _task(config, person.key, inputs[person.key], window, today, use_cache)
        cache_key = cache.key(task, extra)
        hit = cache.get(cache_key)
        if hit is not None:
            ready.append((hit, True))
        else:
            pending[person.key] = (task, cache_key)
    # Start the executor (Dask connects here) before the first write: a bad setup fails early.
    stream = run_tasks([task for task, _ in pending.values()], executor, jobs, scheduler)
    folder.begin()
    if progress is not None:
        progress(0, total, "people and teams", "started")
    for ready_result, cached in ready:
        finish(ready_result, cached)
    for person_result in stream:
        cache.put(pending[person_result.key][1], person_result)
        finish(person_result, False)
    order = {p.key: i for i, p in enumerate(config.people)}
    result.people.sort(key=lambda outcome: order[outcome.key])
    _teams_and_alerts(folder, config, results, result, progress, len(finished), total)
    folder.write("alerts.json", render_json(alerts_json(result)))
    result.files = dict(sorted(folder.files.items()))
    folder.prune()
    cache.prune()
    result.run = {
        "started_at": started_at.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 3),
        "executor": executor,
        "jobs": jobs if executor == "local" else None,
        "cache": {"enabled": use_cache, "hits": cache.hits, "misses": cache.misses},
        "people": {
            p.key: {"seconds": round(p.seconds, 3), "cached": p.cached} for p in result.people
        },
    }
    folder.write(MANIFEST, render_json(manifest_json(result)), record=False)
    return result


def _today(config: BatchConfig) -> dt.date:
    if config.timezone:
        return dt.datetime.now(ZoneInfo(config.timezone)).date()
    return dt.date.today()


def _describe(config: BatchConfig) -> str:
    spec = config.window
    if spec.start is not None:
        return "fixed dates"
    if spec.quarter_to_date:
        return "quarter to date"
    return f"last {spec.last_weeks} complete weeks"


def _versions(config: BatchConfig) -> dict[str, Any]:
    model = config.model or DEFAULT_MODEL_PATH
    return {
        "altitude": __version__,
        "model": {"file": model.name, "sha256": file_sha256(model) if model.is_file() else None},
        "python": platform.python_version(),
    }


def _task(
    config: BatchConfig,
    key: str,
    inputs: PersonInputs,
    window: tuple[dt.date, dt.date],
    today: dt.date,
    use_cache: bool,
) -> PersonTask:
    person = next(p for p in config.people if p.key == key)
    options = ReportOptions(
        tz=person.timezone or config.timezone,
        start=window[0],
        end=window[1],
        me=person.owner,
        overlap=config.overlap,
        rules=person.rules,
        model=config.model,
        threshold=config.threshold,
        today=today,
        cache=use_cache,
    )
    return PersonTask(
        key, tuple(inputs.sources), options, config.formats, config.rolling, person.target_band
    )


def _write_person(
    folder: RunFolder,
    config: BatchConfig,
    inputs: PersonInputs,
    person_result: PersonResult,
    cached: bool,
) -> PersonOutcome:
    person = next(p for p in config.people if p.key == person_result.key)
    failed = [*inputs.failed, *person_result.failed_inputs]
    status = "failed" if person_result.error else "partial" if failed else "ok"
    files = [
        folder.write(f"people/{person.key}/{name}", data)
        for name, data in person_result.files.items()
    ]
    return PersonOutcome(
        key=person.key,
        name=person.name,
        status=status,
        inputs=inputs.records,
        failed_inputs=failed,
        warnings=[*inputs.warnings, *person_result.warnings],
        files=files,
        occurrences=person_result.occurrences,
        error=person_result.error,
        cached=cached,
        seconds=person_result.seconds,
    )


def _teams_and_alerts(
    folder: RunFolder,
    config: BatchConfig,
    results: dict[str, PersonResult],
    result: BatchResult,
    progress: ProgressCallback | None,
    done: int,
    total: int,
) -> None:
    week_starts = ReportWindow(*result.window, ZoneInfo("UTC")).week_starts()
    people = {p.key: p for p in config.people}
    for person in config.people:
        person_result = results[person.key]
        if person_result.status == "failed":
            continue
        weekly = weekly_frame(person_result.weeks, week_starts)
        drift = drift_table(weekly, config.rolling, person.target_band)
        alert = find_alert("person", person.key, person.name, drift, person.target_band)
        if alert is not None:
            result.alerts.append(alert)
    for team in config.teams:
        rollup = build_rollup(team, people, results, week_starts, config.rolling)
        files = render_team(rollup, result.window, config.formats, config.rolling)
        written = [folder.write(f"teams/{team.key}/{name}", data) for name, data in files.items()]
        result.teams.append(
            TeamOutcome(team.key, team.name, list(team.people), rollup.missing, written)
        )
        alert = find_alert("team", team.key, team.name, rollup.drift, team.target_band)
        if alert is not None:
            result.alerts.append(alert)
        done += 1
        if progress is not None:
            progress(done, total, f"teams.{team.key}", "ok")
