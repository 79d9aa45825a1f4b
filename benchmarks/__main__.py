"""``python -m benchmarks``: time Altitude against the floors of the libraries it stands on.

For each generated calendar (shape x size) it measures, every time in a fresh process:

* the floors: reading the bytes; ``icalendar`` parsing alone; parsing plus
  ``x_wr_timezone`` plus ``recurring_ical_events`` expansion materialised in a list (the
  reference every figure is divided by, "p+e");
* Altitude's stages through its library API, in one process (read, expand + account,
  classify, aggregate, render);
* ``altitude report --format json`` end to end as a process: cold (``--no-cache``), the
  first run that fills the parse cache, the warm second run, and ``--jobs 1`` / ``--jobs 2``
  when the CLI has those options (``n/a`` otherwise);
* peak RSS of each process (``wait4``; for ``--jobs`` runs the largest single process).

Then a 12-week report on the eight-year calendar against parsing alone, and ``altitude
batch`` over 40 calendars with ``--jobs 1`` and ``--jobs 2``. Repetitions run round-robin
(every measurement once, then again), so load on the machine spreads over all of them; each
figure is the median. Prints Markdown, writes ``benchmarks/RESULTS.md`` (``--results``) and
JSON (``--json``).

Usage::

    python -m benchmarks [--sizes 10k,100k] [--shapes series,singles] [--quick] [--json out.json]
    python -m benchmarks --profile series:100k   # cProfile of the CLI -> benchmarks/PROFILE.md
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import importlib
import json
import os
import platform
import pstats
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.generate import (
    SHAPES,
    Dataset,
    ensure_dataset,
    parse_size,
    record_facts,
    size_label,
)

ROOT = Path(__file__).resolve().parents[1]
NOTES = Path(__file__).resolve().parent / "NOTES.md"  # appended to the results file
HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
PROFILE = HERE / "PROFILE.md"
WINDOW_WEEKS = 12
BATCH_SHAPE, BATCH_SIZE, BATCH_PEOPLE = "series", 10_000, 40
LIBRARIES = (
    "altitude",
    "icalendar",
    "recurring-ical-events",
    "x-wr-timezone",
    "python-dateutil",
    "tzdata",
    "numpy",
    "pandas",
    "scikit-learn",
)

# Targets of issue 11: name -> limit (a ratio measured in one run).
LIMITS = {
    "cold": 1.3,
    "jobs2": 0.7,
    "memory": 0.6,
    "window": 1.2,
    "warm": 0.15,
    "growth_10x": 12.0,
    "growth_3x": 3.6,
    "batch": 0.6,
    "dask": 1.2,
}


# --------------------------------------------------------------------------- processes


@dataclass
class Child:
    """What one child process did: wall time, peak RSS, exit code, its output."""

    wall_s: float
    rss_mb: float
    code: int
    stdout: bytes
    stderr: str
    load: float | None = None  # 1-minute load average when it started
    cpu_s: float | None = None  # user + system CPU seconds, reaped workers included

    @property
    def ok(self) -> bool:
        """True when the child exited 0."""
        return self.code == 0

    def error(self) -> str:
        """A one-line description of a failure (the last stderr line)."""
        lines = [line for line in self.stderr.strip().splitlines() if line.strip()]
        tail = lines[-1] if lines else ""
        return f"exit {self.code}: {tail[:160]}"


def run_child(
    cmd: Sequence[str], env: dict[str, str] | None = None, timeout: float = 7200
) -> Child:
    """Run ``cmd`` in its own session and measure it from spawn to exit.

    Peak RSS comes from ``wait4`` on this child alone (Linux reports kilobytes; for a child
    with worker processes it is the largest single process, not their sum). A child still
    running after ``timeout`` seconds is killed with its session.
    """
    load = _load_1min()
    with tempfile.TemporaryDirectory(prefix="altitude-bench-") as tmp:
        out_path, err_path = Path(tmp) / "stdout", Path(tmp) / "stderr"
        with out_path.open("wb") as out, err_path.open("wb") as err:
            clock = time.perf_counter()
            proc = subprocess.Popen(
                list(cmd),
                stdout=out,
                stderr=err,
                env={**os.environ, **(env or {})},
                cwd=ROOT,
                start_new_session=True,
            )
            timer = threading.Timer(timeout, _kill_session, args=(proc.pid,))
            timer.start()
            try:
                _, status, usage = os.wait4(proc.pid, 0)
            finally:
                timer.cancel()
            wall = time.perf_counter() - clock
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = err_path.read_text(encoding="utf-8", errors="replace")
        output = out_path.read_bytes()
        cpu = usage.ru_utime + usage.ru_stime
        return Child(wall, usage.ru_maxrss / 1024, proc.returncode, output, stderr, load, cpu)


def _load_1min() -> float | None:
    with contextlib.suppress(OSError, ValueError, IndexError):
        return float(Path("/proc/loadavg").read_text().split()[0])
    return None


def _kill_session(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def altitude_command() -> list[str]:
    """The ``altitude`` entry point of this interpreter's environment."""
    script = Path(sys.executable).with_name("altitude")
    return [str(script)] if script.exists() else [sys.executable, "-m", "analyzer"]


@dataclass(frozen=True)
class Features:
    """Which options of the CLI exist yet (the core is being optimised concurrently)."""

    no_cache: bool
    jobs: bool
    batch: bool


def detect_features() -> Features:
    """Read ``altitude report --help`` and ``altitude --help``."""
    report = run_child([*altitude_command(), "report", "--help"], timeout=120)
    group = run_child([*altitude_command(), "--help"], timeout=120)
    text = report.stdout.decode("utf-8", "replace")
    commands = group.stdout.decode("utf-8", "replace")
    return Features(
        no_cache="--no-cache" in text,
        jobs="--jobs" in text,
        batch=any(line.split()[:1] == ["batch"] for line in commands.splitlines()),
    )


# --------------------------------------------------------------------------- measurements


@dataclass
class Row:
    """One measured figure (median over its samples) and its ratios to the reference."""

    key: str
    label: str
    kind: str  # "floor" (process + in-process time), "stage" (in-process), "cli" (process)
    samples: list[dict[str, Any]] = field(default_factory=list)
    note: str = ""
    status: str = "ok"  # ok | n/a | error
    work_s: float | None = None
    process_s: float | None = None
    rss_mb: float | None = None
    cpu_s: float | None = None
    time_ratio: float | None = None
    rss_ratio: float | None = None
    output_sha256: str | None = None

    def summarise(self) -> None:
        """Medians of the samples."""
        good = [s for s in self.samples if s.get("ok", True)]
        if not good:
            return

        def median(name: str) -> float | None:
            values = [s[name] for s in good if s.get(name) is not None]
            return statistics.median(values) if values else None

        self.work_s, self.process_s, self.rss_mb, self.cpu_s = (
            median("work_s"),
            median("process_s"),
            median("rss_mb"),
            median("cpu_s"),
        )
        hashes = {s["sha256"] for s in good if s.get("sha256")}
        if len(hashes) == 1:
            self.output_sha256 = hashes.pop()
        elif len(hashes) > 1:
            self.output_sha256 = "varies"
            self.note = _join(self.note, "output differs between runs")

    def time(self) -> float | None:
        """The time this row is judged by: in-process for stages, process wall otherwise."""
        return self.work_s if self.kind == "stage" else self.process_s


def _join(*parts: str) -> str:
    return "; ".join(p for p in parts if p)


@dataclass
class Plan:
    """Everything measured on one calendar: rows, and the tasks that add their samples."""

    dataset: Dataset
    title: str
    start: dt.date
    end: dt.date
    rows: dict[str, Row] = field(default_factory=dict)
    tasks: list[Callable[[int], None]] = field(default_factory=list)
    occurrences: int | None = None
    code: list[str] = field(default_factory=list)  # source digest before and after

    def row(self, key: str, label: str, kind: str) -> Row:
        """The row called ``key``, created on first use (keeps insertion order)."""
        if key not in self.rows:
            self.rows[key] = Row(key, label, kind)
        return self.rows[key]


def _probe_task(
    plan: Plan, key: str, label: str, kind: str, start: dt.date, end: dt.date, timeout: float
) -> Callable[[int], None]:
    def task(rep: int) -> None:
        cmd = [sys.executable, "-m", "benchmarks.probe", kind, plan.dataset.path]
        cmd += [start.isoformat(), end.isoformat()]
        with tempfile.TemporaryDirectory(prefix="altitude-bench-cache-") as cache:
            child = run_child(cmd, env={"ALTITUDE_CACHE_DIR": cache}, timeout=timeout)
        row = plan.row(key, label, "floor")
        sample: dict[str, Any] = {
            "process_s": child.wall_s,
            "rss_mb": child.rss_mb,
            "load": child.load,
            "cpu_s": child.cpu_s,
        }
        if not child.ok:
            row.status, row.note = "error", child.error()
            row.samples.append({**sample, "ok": False})
            return
        facts = json.loads(child.stdout.decode().strip().splitlines()[-1])
        row.samples.append({**sample, "work_s": facts["work_s"], "facts": facts})
        if kind == "expand" and key == "floor.expand":
            plan.occurrences = facts["occurrences"]
        if kind == "stages":
            _stage_rows(plan, facts)

    return task


_STAGES = (
    ("read", "stage: read + parse (`read_calendars`)"),
    ("expand+account", "stage: expand + account (`analyze_calendars` minus classify)"),
    ("expand", "  of which expansion (`CalendarFile.expand` / `expand_occurrences`)"),
    ("account", "  of which `account`"),
    ("classify", "stage: classify (`classify_titles`)"),
    ("insights", "stage: insights (`compute_insights`)"),
    ("aggregate", "stage: aggregate (`build_report`, incl. `Analysis.weekly`)"),
    ("top_sinks", "stage: `top_sinks` (render_report computes it for JSON too)"),
    ("render", "stage: render (`render_json`)"),
    ("other", "unattributed (total minus the stages above)"),
)


def _stage_rows(plan: Plan, facts: dict[str, Any]) -> None:
    stages = facts.get("stages", {})
    for name, label in _STAGES:
        row = plan.row(f"stage.{name}", label, "stage")
        value = stages.get(name)
        if value is None:
            row.status = "n/a"
            row.note = "no such function on the report path (no separate entry point)"
        row.samples.append({"work_s": value})


def _cli_task(
    plan: Plan,
    keys: Sequence[tuple[str, str]],
    flags: Sequence[Sequence[str]],
    start: dt.date,
    end: dt.date,
    timeout: float,
    forget_reports: Sequence[bool] = (),
) -> Callable[[int], None]:
    """Run ``altitude report`` once per (key, flags), in order, sharing one cache folder.

    Where ``forget_reports`` is true, finished reports are removed from the cache first, so
    that the run shows what the parse and label caches alone give.
    """
    for key, label in keys:
        plan.row(key, label, "cli")

    def task(rep: int) -> None:
        with tempfile.TemporaryDirectory(prefix="altitude-bench-cache-") as cache:
            forget = list(forget_reports) + [False] * len(keys)
            for (key, label), extra, clear in zip(keys, flags, forget, strict=False):
                if clear:
                    shutil.rmtree(Path(cache) / "reports", ignore_errors=True)
                cmd = [
                    *altitude_command(),
                    "report",
                    plan.dataset.path,
                    "--format",
                    "json",
                    "--from",
                    start.isoformat(),
                    "--to",
                    end.isoformat(),
                    *extra,
                ]
                child = run_child(cmd, env={"ALTITUDE_CACHE_DIR": cache}, timeout=timeout)
                row = plan.row(key, label, "cli")
                row.note = row.note or "`" + " ".join(["altitude report FILE", *extra]) + "`"
                sample: dict[str, Any] = {
                    "process_s": child.wall_s,
                    "rss_mb": child.rss_mb,
                    "ok": child.ok,
                    "load": child.load,
                    "cpu_s": child.cpu_s,
                }
                if child.ok:
                    sample["sha256"] = hashlib.sha256(child.stdout).hexdigest()
                else:
                    row.status, row.note = "error", child.error()
                row.samples.append(sample)

    return task


def build_plan(
    dataset: Dataset,
    title: str,
    window: tuple[dt.date, dt.date] | None,
    features: Features,
    timeout: float,
) -> Plan:
    """The measurements of one calendar; ``window`` (default: the whole span) for reports."""
    span = (dt.date.fromisoformat(dataset.span_start), dt.date.fromisoformat(dataset.span_end))
    start, end = window or span
    plan = Plan(dataset, title, start, end)
    whole = "whole span" if window is None else f"{WINDOW_WEEKS} weeks"
    probes = [
        ("floor.read", "floor: read the bytes", "read", *span),
        ("floor.parse", "floor: `icalendar` parse", "parse", *span),
        ("floor.expand", "floor: parse + expand, whole span (**p+e**)", "expand", *span),
    ]
    if window is not None:
        probes.append(
            ("floor.expand-window", f"floor: parse + expand, {whole}", "expand", start, end)
        )
    probes.append(
        ("stages", f"Altitude stages in one process, {whole} (total)", "stages", start, end)
    )
    for key, label, kind, a, b in probes:
        plan.row(key, label, "floor")
        plan.tasks.append(_probe_task(plan, key, label, kind, a, b, timeout))
        if kind == "stages":
            for name, stage_label in _STAGES:
                plan.row(f"stage.{name}", stage_label, "stage")

    no_cache = ["--no-cache"] if features.no_cache else []
    cold = ("cli.cold", f"`altitude report --format json`, {whole}, cold")
    plan.tasks.append(_cli_task(plan, [cold], [no_cache], start, end, timeout))
    first = ("cli.first", "… first run with the cache (fills it)")
    warm = ("cli.warm", "… second run, warm cache")
    parse_only = ("cli.warm-parse", "… warm, finished report removed (parse + label caches)")
    if features.no_cache:
        steps = [first, warm, parse_only]
        plan.tasks.append(
            _cli_task(plan, steps, [[], [], []], start, end, timeout, [False, False, True])
        )
    else:
        for key, label in (first, warm, parse_only):
            row = plan.row(key, label, "cli")
            row.status, row.note = "n/a", "no `--no-cache` in `altitude report --help` yet"
    jobs1 = ("cli.jobs1", "… `--jobs 1`")
    jobs2 = ("cli.jobs2", "… `--jobs 2`")
    if features.jobs:
        plan.tasks.append(
            _cli_task(
                plan,
                [jobs1, jobs2],
                [["--jobs", "1", *no_cache], ["--jobs", "2", *no_cache]],
                start,
                end,
                timeout,
            )
        )
    else:
        for key, label in (jobs1, jobs2):
            row = plan.row(key, label, "cli")
            row.status, row.note = "n/a", "no `--jobs` in `altitude report --help` yet"
    return plan


def finish_plan(plan: Plan) -> None:
    """Medians, ratios to p+e, and the check that every report run printed the same bytes."""
    for row in plan.rows.values():
        row.summarise()
    reference = plan.rows["floor.expand"]
    for row in plan.rows.values():
        if row.status != "ok":
            continue
        ref_time = reference.work_s if row.kind == "stage" else reference.process_s
        mine = row.time()
        if mine is not None and ref_time:
            row.time_ratio = mine / ref_time
        if row.rss_mb is not None and reference.rss_mb:
            row.rss_ratio = row.rss_mb / reference.rss_mb
    outputs = {k: r.output_sha256 for k, r in plan.rows.items() if r.output_sha256}
    if len(set(outputs.values())) > 1:
        cold = outputs.get("cli.cold")
        for key, digest in outputs.items():
            if digest != cold:
                plan.rows[key].note = _join(plan.rows[key].note, "**output differs from cold**")


# --------------------------------------------------------------------------- batch


@dataclass
class BatchResult:
    """``altitude batch`` over many calendars with one and two worker processes."""

    people: int
    occurrences_each: int
    status: str = "ok"
    note: str = ""
    jobs1: list[dict[str, Any]] = field(default_factory=list)
    jobs2: list[dict[str, Any]] = field(default_factory=list)
    dask: list[dict[str, Any]] = field(default_factory=list)  # on a 2-worker LocalCluster
    dask_note: str = ""
    identical: bool | None = None
    code: list[str] = field(default_factory=list)  # source digest before and after

    def median(self, runs: list[dict[str, Any]], name: str) -> float | None:
        """Median of one figure over successful runs."""
        values = [r[name] for r in runs if r.get("ok")]
        return statistics.median(values) if values else None

    def ratio(self) -> float | None:
        """``--jobs 2`` time over ``--jobs 1`` time."""
        one, two = self.median(self.jobs1, "process_s"), self.median(self.jobs2, "process_s")
        return two / one if one and two else None

    def dask_ratio(self) -> float | None:
        """Dask executor time over local ``--jobs 2`` time."""
        dask, two = self.median(self.dask, "process_s"), self.median(self.jobs2, "process_s")
        return dask / two if dask and two else None


def run_batch(people: int, runs: int, features: Features, timeout: float) -> BatchResult:
    """Generate the calendars, write a config and time ``altitude batch`` both ways."""
    result = BatchResult(people, BATCH_SIZE)
    if not features.batch:
        result.status, result.note = "n/a", "no `altitude batch` command yet"
        return result
    spec = SHAPES[BATCH_SHAPE]
    result.code.append(source_digest())
    calendars = [ensure_dataset(BATCH_SIZE, BATCH_SHAPE, v) for v in range(1, people + 1)]
    with tempfile.TemporaryDirectory(prefix="altitude-bench-batch-") as tmp:
        folder = Path(tmp)
        lines = [
            f'output = "{folder / "out"}"',
            'formats = ["json"]',
            "",
            "[window]",
            f"start = {spec.start.isoformat()}",
            f"end = {spec.end.isoformat()}",
        ]
        for i, calendar in enumerate(calendars, start=1):
            lines += ["", f"[people.p{i:02d}]", f'calendars = ["{calendar.path}"]']
        config = folder / "team.toml"
        config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        digests: dict[str, set[str]] = {"1": set(), "2": set(), "dask": set()}
        for rep in range(runs):
            for jobs in ("1", "2"):
                out = folder / f"out-{jobs}-{rep}"
                cmd = [
                    *altitude_command(),
                    "batch",
                    str(config),
                    "--jobs",
                    jobs,
                    "--no-cache",
                    "--output",
                    str(out),
                    "--today",
                    "2026-01-06",
                ]
                with tempfile.TemporaryDirectory(prefix="altitude-bench-cache-") as cache:
                    child = run_child(cmd, env={"ALTITUDE_CACHE_DIR": cache}, timeout=timeout)
                sample = {
                    "process_s": child.wall_s,
                    "rss_mb": child.rss_mb,
                    "ok": child.ok,
                    "cpu_s": child.cpu_s,
                }
                (result.jobs1 if jobs == "1" else result.jobs2).append(sample)
                if child.ok:
                    digests[jobs].add(_tree_digest(out))
                else:
                    result.status, result.note = "error", child.error()
        for rep in range(runs):
            _time_dask(result, config, folder / f"out-dask-{rep}", digests, timeout)
        if digests["1"] and digests["2"]:
            result.identical = len(set().union(*digests.values())) == 1
    result.code.append(source_digest())
    if len(set(result.code)) > 1:
        result.note = _join(result.note, "**`analyzer/` changed during the batch runs**")
    return result


def _time_dask(
    result: BatchResult, config: Path, out: Path, digests: dict[str, set[str]], timeout: float
) -> None:
    """Time ``altitude batch --executor dask`` against a fresh 2-worker LocalCluster.

    The cluster is started, its workers spawned and Altitude imported in them before the
    clock starts, as in a standing cluster (local workers are forked from a process that
    has imported it already); each worker runs one task at a time, like a local worker.
    """
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        result.dask_note = "dask.distributed is not installed"
        return
    with tempfile.TemporaryDirectory(prefix="altitude-bench-cache-") as cache:
        saved = os.environ.get("ALTITUDE_CACHE_DIR")
        os.environ["ALTITUDE_CACHE_DIR"] = cache  # the workers inherit it
        try:
            with LocalCluster(  # type: ignore[no-untyped-call]
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster:
                with Client(cluster) as client:  # type: ignore[no-untyped-call]
                    client.run(importlib.import_module, "analyzer.batch.person")
                cmd = [
                    *altitude_command(),
                    "batch",
                    str(config),
                    "--executor",
                    "dask",
                    "--scheduler",
                    str(cluster.scheduler_address),
                    "--no-cache",
                    "--output",
                    str(out),
                    "--today",
                    "2026-01-06",
                ]
                child = run_child(cmd, env={"ALTITUDE_CACHE_DIR": cache}, timeout=timeout)
        finally:
            if saved is None:
                os.environ.pop("ALTITUDE_CACHE_DIR", None)
            else:
                os.environ["ALTITUDE_CACHE_DIR"] = saved
    result.dask.append(
        {"process_s": child.wall_s, "rss_mb": child.rss_mb, "ok": child.ok, "cpu_s": child.cpu_s}
    )
    if child.ok:
        digests["dask"].add(_tree_digest(out))
    else:
        result.dask_note = child.error()


def _tree_digest(folder: Path) -> str:
    """A hash of every file under ``folder`` except the manifest (it holds timings)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        if path.name == "manifest.json":
            continue
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


# --------------------------------------------------------------------------- targets


@dataclass
class Target:
    """One target of issue 11, the ratio measured and its verdict."""

    name: str
    limit: str
    measured: float | None
    verdict: str  # PASS | FAIL | n/a
    detail: str = ""


def _judge(
    name: str, limit: float, value: float | None, detail: str = "", extra_ok: bool = True
) -> Target:
    if value is None:
        return Target(name, f"≤ {limit}", None, "n/a", detail)
    verdict = "PASS" if value <= limit and extra_ok else "FAIL"
    return Target(name, f"≤ {limit}", value, verdict, detail)


def _compared(row: Row, reference: Row, agreed: str) -> tuple[bool, str]:
    """Whether ``row`` printed what ``reference`` printed, and how to say so ("" when
    ``row`` did not run)."""
    same = row.output_sha256 is not None and row.output_sha256 == reference.output_sha256
    return same, "" if row.status != "ok" else (agreed if same else "OUTPUT DIFFERS")


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def evaluate_targets(
    plans: Sequence[Plan], window: Plan | None, batch: BatchResult | None
) -> list[Target]:
    """Every target of the issue, from the medians of this run."""
    targets: list[Target] = []
    by_key = {(p.dataset.shape, p.dataset.target): p for p in plans}
    for plan in plans:
        rows, tag = plan.rows, plan.title
        ref = rows["floor.expand"]
        cold = rows["cli.cold"]
        targets.append(
            _judge(
                f"cold report / p+e ({tag})", LIMITS["cold"], _ratio(cold.process_s, ref.process_s)
            )
        )
        jobs1, jobs2 = rows["cli.jobs1"], rows["cli.jobs2"]
        same, detail = _compared(jobs2, jobs1, "identical output")
        targets.append(
            _judge(
                f"`--jobs 2` / p+e ({tag})",
                LIMITS["jobs2"],
                _ratio(jobs2.process_s, ref.process_s) if jobs2.status == "ok" else None,
                detail or jobs2.note,
                same,
            )
        )
        targets.append(
            _judge(
                f"peak RSS cold / p+e ({tag})", LIMITS["memory"], _ratio(cold.rss_mb, ref.rss_mb)
            )
        )
        warm = rows["cli.warm"]
        same, detail = _compared(warm, cold, "byte-identical")
        targets.append(
            _judge(
                f"warm / cold ({tag})",
                LIMITS["warm"],
                _ratio(warm.process_s, cold.process_s) if warm.status == "ok" else None,
                detail or warm.note,
                same,
            )
        )
        parse_only = rows.get("cli.warm-parse")
        if parse_only is not None and parse_only.status == "ok":
            _, detail = _compared(parse_only, cold, "byte-identical")
            targets.append(
                Target(
                    f"… parse + label caches only / cold ({tag})",
                    "(for information)",
                    _ratio(parse_only.process_s, cold.process_s),
                    "info",
                    detail + "; a new report on an unchanged file",
                )
            )
    if window is not None:
        rows = window.rows
        targets.append(
            _judge(
                f"12-week report / parse alone ({window.title})",
                LIMITS["window"],
                _ratio(rows["cli.cold"].process_s, rows["floor.parse"].process_s),
            )
        )
    for (shape, size), plan in sorted(by_key.items()):
        for factor, limit in ((10, "growth_10x"), (3, "growth_3x")):
            bigger = by_key.get((shape, size * factor))
            if bigger is None:
                continue
            small, big = plan.rows["cli.cold"], bigger.rows["cli.cold"]
            span = f"{shape} {size_label(size * factor)} / {size_label(size)}"
            targets.append(
                _judge(
                    f"growth, time: {span}", LIMITS[limit], _ratio(big.process_s, small.process_s)
                )
            )
            targets.append(
                _judge(f"growth, memory: {span}", LIMITS[limit], _ratio(big.rss_mb, small.rss_mb))
            )
    if batch is not None:
        detail = batch.note
        if batch.identical is not None:
            detail = _join(detail, "identical output" if batch.identical else "OUTPUT DIFFERS")
        targets.append(
            _judge(
                f"batch {batch.people} × {size_label(batch.occurrences_each)}: `--jobs 2` / "
                "`--jobs 1`",
                LIMITS["batch"],
                batch.ratio(),
                detail,
                batch.identical is not False,
            )
        )
        targets.append(
            _judge(
                "batch: Dask executor (2-worker LocalCluster) / local `--jobs 2`",
                LIMITS["dask"],
                batch.dask_ratio(),
                batch.dask_note or ("" if not batch.dask else "same files as `--jobs 1`"),
                batch.identical is not False,
            )
        )
    return targets


# --------------------------------------------------------------------------- reporting


def machine() -> dict[str, Any]:
    """CPU, cores, memory, OS, Python and library versions, date, git revision, load."""
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = round(int(line.split()[1]) / 1024**2, 1)
    versions = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gb": memory,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": versions,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "git": _git(),
        "load_start": _load(),
    }


def _git() -> str:
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "analyzer"], cwd=ROOT, capture_output=True, text=True
    )
    if head.returncode != 0:
        return "unknown"
    state = " (analyzer/ has uncommitted changes)" if dirty.stdout.strip() else ""
    return head.stdout.strip() + state


def source_digest() -> str:
    """A short hash of Altitude's source (``analyzer/**/*.py``): did the code change mid-run?"""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "analyzer").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        with contextlib.suppress(OSError):
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _load() -> str:
    with contextlib.suppress(OSError):
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    return "unknown"


def _num(value: float | None, digits: int = 2) -> str:
    return "—" if value is None else f"{value:,.{digits}f}"


def _ratio_cell(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}×"


def markdown(
    report: dict[str, Any],
    plans: Sequence[Plan],
    window: Plan | None,
    batch: BatchResult | None,
    targets: Sequence[Target],
) -> str:
    """The results as Markdown: machine, one table per calendar, batch, targets."""
    m = report["machine"]
    libs = ", ".join(f"{k} {v}" for k, v in m["libraries"].items())
    out = [
        "# Benchmark results",
        "",
        f"Command: `{report['command']}` — {report['runs_note']}.",
        "",
        f"- Machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), "
        f"{m['memory_gb']} GB RAM, {m['os']}",
        f"- Python {m['python']}; {libs}",
        f"- Date: {m['date']}; git {m['git']}",
        f"- Load average at start / end: {m['load_start']} / {report['load_end']} "
        "(other work on the machine inflates times; ratios within one run are the figures "
        "to compare)",
        f"- CLI options found: `--no-cache` {_yes(report['features']['no_cache'])}, "
        f"`--jobs` {_yes(report['features']['jobs'])}, `altitude batch` "
        f"{_yes(report['features']['batch'])}",
        "",
        "How to read the tables: **p+e** is the floor `icalendar` parse + `x_wr_timezone` + "
        "`recurring_ical_events.between` materialised in a list, in a fresh process. "
        "*in-process s* excludes interpreter start-up and imports; *process s* is the wall "
        "time of the whole process (spawn to exit). Ratios compare like with like: stage rows "
        "by in-process time to p+e's in-process time, process rows by wall time to p+e's wall "
        "time. *CPU s* is user + system time of the process and the workers it waited for (less "
        "sensitive to a busy machine than wall time). Peak RSS is per process (`wait4`); for "
        "`--jobs` runs it is the largest single process, not the sum.",
        "",
    ]
    for plan in [*plans, *([window] if window else [])]:
        out += _plan_table(plan)
    if batch is not None:
        out += _batch_table(batch)
    out += [
        "## Targets",
        "",
        "| target | limit | measured | verdict | note |",
        "|---|---|---|---|---|",
    ]
    for t in targets:
        measured = "—" if t.measured is None else f"{t.measured:.2f}"
        out.append(f"| {t.name} | {t.limit} | {measured} | **{t.verdict}** | {t.detail} |")
    out.append("")
    return "\n".join(out)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _plan_table(plan: Plan) -> list[str]:
    d = plan.dataset
    occurrences = plan.occurrences
    check = "" if occurrences is None else f"; recurring-ical-events finds {occurrences:,}"
    lines = [
        f"## {plan.title}",
        "",
        f"`{Path(d.path).name}`: {d.size_bytes / 1e6:,.1f} MB, {d.vevents:,} VEVENTs "
        f"({d.series:,} series, {d.overrides:,} overrides); {d.expected:,} occurrences "
        f"{d.span_start} – {d.span_end} by the generator{check}. Report window "
        f"{plan.start} – {plan.end}. Runs: {_runs(plan)}. Mean load average when processes "
        f"started: {_num(mean_load(plan))} on {os.cpu_count()} cores. "
        f"Code: {' -> '.join(plan.code)}.",
        "",
        "| measurement | in-process s | process s | CPU s | time × p+e | peak RSS MB | RSS × p+e "
        "| note |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    if len(set(plan.code)) > 1:
        lines[-3:-3] = [
            "",
            "**Warning: `analyzer/` changed while this calendar was measured; its rows mix "
            "two versions of the code.**",
        ]
    for row in plan.rows.values():
        if row.status == "n/a" and not row.samples:
            lines.append(f"| {row.label} | n/a | n/a | n/a | n/a | n/a | n/a | {row.note} |")
            continue
        if row.status == "n/a":
            lines.append(f"| {row.label} | n/a | | | | | | {row.note} |")
            continue
        lines.append(
            f"| {row.label} | {_num(row.work_s, 3)} | {_num(row.process_s)} | "
            f"{_num(row.cpu_s)} | {_ratio_cell(row.time_ratio)} | {_num(row.rss_mb, 0)} | "
            f"{_ratio_cell(row.rss_ratio)} | {row.note} |"
        )
    lines.append("")
    return lines


def mean_load(plan: Plan) -> float | None:
    """The mean 1-minute load average when this calendar's processes started."""
    loads = [s["load"] for r in plan.rows.values() for s in r.samples if s.get("load") is not None]
    return statistics.fmean(loads) if loads else None


def _runs(plan: Plan) -> str:
    counts = {len(r.samples) for r in plan.rows.values() if r.samples}
    return ", ".join(str(c) for c in sorted(counts)) + " (median)" if counts else "0"


def _batch_table(batch: BatchResult) -> list[str]:
    lines = [
        f"## Batch: {batch.people} calendars × {size_label(batch.occurrences_each)} occurrences",
        "",
        f"`altitude batch team.toml --no-cache --jobs N`, JSON reports only, whole span. "
        f"{batch.note}",
        "",
        "| run | process s | CPU s (all processes) | peak RSS MB (largest process) |",
        "|---|---:|---:|---:|",
    ]
    runs_by_name = (
        ("`--jobs 1`", batch.jobs1),
        ("`--jobs 2`", batch.jobs2),
        ("`--executor dask` (2 workers; CPU and RSS of the client only)", batch.dask),
    )
    for name, runs in runs_by_name:
        lines.append(
            f"| {name} | {_num(batch.median(runs, 'process_s'))} | "
            f"{_num(batch.median(runs, 'cpu_s'))} | {_num(batch.median(runs, 'rss_mb'), 0)} |"
        )
    lines.append("")
    return lines


def to_json(
    report: dict[str, Any],
    plans: Sequence[Plan],
    window: Plan | None,
    batch: BatchResult | None,
    targets: Sequence[Target],
) -> dict[str, Any]:
    """Every figure and sample, for machines."""

    def plan_json(plan: Plan) -> dict[str, Any]:
        return {
            "title": plan.title,
            "dataset": asdict(plan.dataset),
            "occurrences": plan.occurrences,
            "code": plan.code,
            "mean_load": mean_load(plan),
            "window": [plan.start.isoformat(), plan.end.isoformat()],
            "rows": [asdict(r) for r in plan.rows.values()],
        }

    return {
        **report,
        "calendars": [plan_json(p) for p in plans],
        "windowed": plan_json(window) if window else None,
        "batch": asdict(batch) if batch else None,
        "targets": [asdict(t) for t in targets],
    }


# --------------------------------------------------------------------------- profile


def profile(shape: str, size: int, out: Path, timeout: float) -> str:
    """cProfile of ``altitude report --format json`` over the whole span; top 15 as Markdown."""
    dataset = ensure_dataset(size, shape)
    with tempfile.TemporaryDirectory(prefix="altitude-bench-profile-") as tmp:
        stats_path = Path(tmp) / "report.prof"
        features = detect_features()
        flags = ["--no-cache"] if features.no_cache else []
        cmd = [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(stats_path),
            "-m",
            "analyzer",
            "report",
            dataset.path,
            "--format",
            "json",
            "--from",
            dataset.span_start,
            "--to",
            dataset.span_end,
            *flags,
        ]
        child = run_child(cmd, env={"ALTITUDE_CACHE_DIR": tmp}, timeout=timeout)
        if not child.ok:
            raise SystemExit(f"profiled run failed: {child.error()}")
        stats = pstats.Stats(str(stats_path))
    entries = stats.stats  # type: ignore[attr-defined]
    total = max(ct for (_, _, _, ct, _) in entries.values())
    command = " ".join(["altitude report", Path(dataset.path).name, "--format json", *flags])
    text = [
        "# Profile: `altitude report --format json`",
        "",
        f"`python -m benchmarks --profile {shape}:{size_label(size)}` — cProfile of "
        f"`{command}` over the whole span {dataset.span_start} – {dataset.span_end} "
        f"({dataset.expected:,} occurrences, {dataset.size_bytes / 1e6:,.1f} MB, "
        f"{dataset.vevents:,} VEVENTs). Wall time under the profiler {child.wall_s:,.1f} s "
        f"(profiling slows call-heavy code such as parsing by 1.5-2×), peak RSS "
        f"{child.rss_mb:,.0f} MB. Date: {dt.datetime.now(dt.UTC):%Y-%m-%d}; git {_git()}.",
        "",
    ]
    tables = (
        ("cumulative time (interpreter and click plumbing omitted)", 3, _not_plumbing),
        ("own time (tottime)", 2, lambda key: True),
        ("cumulative time, Altitude's own functions (`analyzer/`)", 3, _ours),
    )
    for title, index, keep in tables:
        chosen = [item for item in entries.items() if keep(item[0])]
        ranked = sorted(chosen, key=lambda item: item[1][index], reverse=True)[:15]
        text += [
            f"## Top 15 by {title}",
            "",
            "| # | function | calls | tottime s | cumtime s | cum % |",
            "|---:|---|---:|---:|---:|---:|",
        ]
        for rank, ((file, line, name), (cc, nc, tt, ct, _)) in enumerate(ranked, start=1):
            calls = f"{nc:,}" if cc == nc else f"{nc:,}/{cc:,}"
            text.append(
                f"| {rank} | `{_where(file, line, name)}` | {calls} | {tt:,.2f} | {ct:,.2f} | "
                f"{100 * ct / total:.0f} |"
            )
        text.append("")
    markdown_text = "\n".join(text)
    out.write_text(markdown_text, encoding="utf-8")
    return markdown_text


_PLUMBING = (
    "<frozen runpy>",
    "<string>",
    "click/core.py",
    "analyzer/__main__.py",
    "analyzer/cli/group.py",
)


def _not_plumbing(key: tuple[str, int, str]) -> bool:
    file, _, name = key
    if file == "~" and name == "<built-in method builtins.exec>":
        return False
    return not any(marker in file for marker in _PLUMBING)


def _ours(key: tuple[str, int, str]) -> bool:
    return (str(ROOT / "analyzer") + "/") in key[0] and _not_plumbing(key)


def _where(file: str, line: int, name: str) -> str:
    if file == "~":
        return name
    path = file
    for marker in (
        "site-packages/",
        str(ROOT) + "/",
        f"python{sys.version_info[0]}.{sys.version_info[1]}/",
    ):
        if marker in path:
            path = path.split(marker, 1)[1]
    return f"{path}:{line}({name})"


# --------------------------------------------------------------------------- main


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument(
        "--sizes", help="occurrences, e.g. 10k,100k,300k (default 10k,100k; 10k with --quick)"
    )
    parser.add_argument("--shapes", default="series,singles", help="series, singles")
    parser.add_argument("--runs", type=int, help="repetitions (default 3; 1 from 300k)")
    parser.add_argument(
        "--quick", action="store_true", help="one run each, batch of 8 calendars (a smoke run)"
    )
    parser.add_argument("--json", type=Path, help="also write every figure as JSON here")
    parser.add_argument("--results", type=Path, default=RESULTS, help="Markdown results file")
    parser.add_argument("--no-results", action="store_true", help="do not write --results")
    parser.add_argument("--no-window", action="store_true", help="skip the 12-week report")
    parser.add_argument("--no-batch", action="store_true", help="skip the batch runs")
    parser.add_argument("--batch-people", type=int, help=f"default {BATCH_PEOPLE}")
    parser.add_argument("--timeout", type=float, default=7200, help="seconds per process")
    parser.add_argument(
        "--profile", metavar="SHAPE:SIZE", help="profile the CLI instead (writes PROFILE.md)"
    )
    args = parser.parse_args(argv)
    for shape in args.shapes.split(","):
        if shape not in ("series", "singles"):
            parser.error(f"unknown shape {shape!r} (series, singles)")
    return args


def _runs_for(size: int, args: argparse.Namespace) -> int:
    if args.runs:
        return int(args.runs)
    if args.quick:
        return 1
    return 1 if size >= 300_000 else 3


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _execute(plan: Plan, runs: int) -> None:
    """Round-robin: every task once per repetition, so load spreads over all figures."""
    plan.code.append(source_digest())
    for rep in range(runs):
        for index, task in enumerate(plan.tasks, start=1):
            _say(f"  [{plan.title}] run {rep + 1}/{runs}, task {index}/{len(plan.tasks)}")
            task(rep)
    plan.code.append(source_digest())
    finish_plan(plan)
    if plan.occurrences is not None and plan.dataset.verified != plan.occurrences:
        plan.dataset = Dataset(**{**asdict(plan.dataset), "verified": plan.occurrences})
        record_facts(plan.dataset)


@contextlib.contextmanager
def _stage(text: str) -> Iterator[None]:
    clock = time.perf_counter()
    _say(text)
    yield
    _say(f"  done in {time.perf_counter() - clock:,.0f} s")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or the profile) and write the results."""
    args = _parse_args(argv)
    if args.profile:
        shape, _, size = args.profile.partition(":")
        print(profile(shape, parse_size(size or "100k"), PROFILE, args.timeout))
        return 0
    chosen = args.sizes or ("10k" if args.quick else "10k,100k")
    sizes = [parse_size(s) for s in chosen.split(",") if s.strip()]
    shapes = [s for s in args.shapes.split(",") if s.strip()]
    features = detect_features()
    report: dict[str, Any] = {
        "command": "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv),
        "machine": machine(),
        "features": asdict(features),
        "limits": LIMITS,
    }
    plans: list[Plan] = []
    for size in sizes:
        for shape in shapes:
            title = f"{shape} · {size_label(size)}"
            with _stage(f"generating {title}"):
                dataset = ensure_dataset(size, shape)
            plan = build_plan(dataset, title, None, features, args.timeout)
            with _stage(f"measuring {title}"):
                _execute(plan, _runs_for(size, args))
            plans.append(plan)
    window = None
    if not args.no_window:
        spec = SHAPES["eight-years"]
        with _stage("generating eight-years"):
            dataset = ensure_dataset(spec.default_target, "eight-years")
        span = (spec.end - dt.timedelta(weeks=WINDOW_WEEKS), spec.end)
        title = f"eight-years · {size_label(spec.default_target)}, {WINDOW_WEEKS}-week report"
        window = build_plan(dataset, title, span, features, args.timeout)
        with _stage(f"measuring {title}"):
            _execute(window, _runs_for(dataset.target, args))
    batch = None
    if not args.no_batch:
        people = args.batch_people or (8 if args.quick else BATCH_PEOPLE)
        with _stage(f"batch of {people} calendars"):
            batch = run_batch(people, 1, features, args.timeout)
    report["load_end"] = _load()
    report["runs_note"] = (
        "median of 3 runs below 300k occurrences, 1 run from 300k"
        if not (args.runs or args.quick)
        else f"{_runs_for(0, args)} run(s) each"
    ) + "; batch: 1 run each"
    targets = evaluate_targets(plans, window, batch)
    text = markdown(report, plans, window, batch, targets)
    print(text)
    if not args.no_results:
        # The hand-kept account of what dominated and what each change won follows the tables.
        notes = NOTES.read_text(encoding="utf-8") if NOTES.is_file() else ""
        args.results.write_text(text.rstrip() + "\n\n" + notes, encoding="utf-8")
    if args.json:
        data = to_json(report, plans, window, batch, targets)
        args.json.write_text(json.dumps(data, indent=2, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
