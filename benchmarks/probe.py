"""One measurement inside a fresh process: ``python -m benchmarks.probe KIND FILE START END``.

The harness (:mod:`benchmarks.__main__`) starts this module once per measurement, so no
measurement inherits another's imports, caches or heap. It prints one JSON object on
standard output: ``work_s`` (the measured work, after the imports), per-stage times where
there are stages, and facts such as the number of occurrences. Peak memory is read by the
parent from the child's resource usage (``wait4``), so it covers the whole process.

Kinds:
    ``read``    read the file's bytes.
    ``parse``   ``icalendar.Calendar.from_ical`` alone.
    ``expand``  parse, ``x_wr_timezone.to_standard`` and
                ``recurring_ical_events.of(cal).between(start, end)`` materialised in a list.
    ``stages``  Altitude's own pipeline through its library API, each stage timed.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

__all__ = ["main"]

# Functions timed where the CLI's report path looks them up (module, then names; a dotted
# name is a method of a class in that module). Missing ones are reported as n/a.
_REPORTING = (
    "read_calendars",
    "analyze_calendars",
    "compute_insights",
    "build_report",
    "top_sinks",
    "render_json",
)
_ANALYSIS = ("expand_occurrences", "CalendarFile.expand", "account", "classify_titles")


def _read(path: Path, start: dt.date, end: dt.date) -> dict[str, Any]:
    clock = time.perf_counter()
    data = path.read_bytes()
    return {"work_s": time.perf_counter() - clock, "bytes": len(data)}


def _parse(path: Path, start: dt.date, end: dt.date) -> dict[str, Any]:
    import icalendar

    data = path.read_bytes()
    clock = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        calendar = icalendar.Calendar.from_ical(data)
    elapsed = time.perf_counter() - clock
    return {"work_s": elapsed, "components": len(calendar.subcomponents)}


def _expand(path: Path, start: dt.date, end: dt.date) -> dict[str, Any]:
    import icalendar
    import recurring_ical_events
    import x_wr_timezone

    data = path.read_bytes()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        clock = time.perf_counter()
        calendar = icalendar.Calendar.from_ical(data)
        parsed = time.perf_counter()
        calendar = x_wr_timezone.to_standard(calendar)
        standard = time.perf_counter()
        occurrences = list(recurring_ical_events.of(calendar).between(start, end))
        done = time.perf_counter()
    return {
        "work_s": done - clock,
        "stages": {
            "parse": parsed - clock,
            "x_wr_timezone": standard - parsed,
            "expand": done - standard,
        },
        "occurrences": len(occurrences),
    }


def _stages(path: Path, start: dt.date, end: dt.date) -> dict[str, Any]:
    """The CLI's own path (``reporting.prepare`` + ``render_report(..., "json")``), timed.

    Each stage is timed by wrapping the function the pipeline calls by name, so the probe
    follows the code as it changes; the cache is off (``ReportOptions(cache=False)``).
    """
    import dataclasses

    import analyzer.analysis as analysis
    import analyzer.reporting as reporting

    timers: dict[str, float] = {}
    wrapped = [n for n in _REPORTING if _wrap(reporting, n, timers)]
    wrapped += [n for n in _ANALYSIS if _wrap(analysis, n, timers)]
    fields = {f.name for f in dataclasses.fields(analysis.ReportOptions)}
    extra: dict[str, Any] = {"cache": False} if "cache" in fields else {}
    if "jobs" in fields:
        extra["jobs"] = 1
    options = analysis.ReportOptions(start=start, end=end, **extra)
    clock = time.perf_counter()
    prepared = reporting.prepare([str(path)], options)
    text = reporting.render_report(prepared, "json")
    total = time.perf_counter() - clock

    def took(name: str) -> float | None:
        return timers.get(name)

    classify, analyse = took("classify_titles"), took("analyze_calendars")
    top = _REPORTING  # the stages the report path calls directly
    stages: dict[str, float | None] = {
        "read": took("read_calendars"),
        "expand+account": None if analyse is None else analyse - (classify or 0.0),
        "expand": took("CalendarFile.expand") or took("expand_occurrences"),
        "account": took("account"),
        "classify": classify,
        "insights": took("compute_insights"),
        "aggregate": took("build_report"),
        "top_sinks": took("top_sinks"),
        "render": took("render_json"),
        "other": total - sum(timers.get(name, 0.0) for name in top),
    }
    events = prepared.analysis.events
    return {
        "work_s": total,
        "stages": stages,
        "wrapped": wrapped,
        "events": len(events),
        "excluded": dict(prepared.analysis.excluded),
        "json_bytes": len(text.encode("utf-8")),
    }


def _wrap(module: Any, name: str, timers: dict[str, float]) -> bool:
    """Replace ``module.name`` (or ``module.Class.method``) by a timed wrapper.

    Returns False when there is no such function. Nested calls of the same function are
    timed once, at the outermost call.
    """
    owner_name, _, attribute = name.rpartition(".")
    owner = getattr(module, owner_name, None) if owner_name else module
    original = getattr(owner, attribute, None) if owner is not None else None
    if not callable(original):
        return False
    depth = [0]

    def timed(*args: Any, **kwargs: Any) -> Any:
        if depth[0]:
            return original(*args, **kwargs)
        depth[0] += 1
        clock = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            timers[name] = timers.get(name, 0.0) + time.perf_counter() - clock

    setattr(owner, attribute, timed)
    return True


KINDS: dict[str, Callable[[Path, dt.date, dt.date], dict[str, Any]]] = {
    "read": _read,
    "parse": _parse,
    "expand": _expand,
    "stages": _stages,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one probe and print its JSON result."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 4 or args[0] not in KINDS:
        print(f"usage: python -m benchmarks.probe {{{','.join(KINDS)}}} FILE START END")
        return 2
    kind, path, start, end = args
    result = KINDS[kind](Path(path), dt.date.fromisoformat(start), dt.date.fromisoformat(end))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
