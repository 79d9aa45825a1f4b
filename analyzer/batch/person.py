"""One person's share of a batch: analyse their calendars and render every report file."""

from __future__ import annotations

import base64
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.analysis import ReportOptions, analyze_calendars
from analyzer.calendars.cache import ParseCache
from analyzer.calendars.files import CalendarFile
from analyzer.calendars.sources import CalendarSource
from analyzer.errors import AltitudeError, InputError
from analyzer.reporting import PreparedReport, build_outputs, render_report

__all__ = ["SVG_HASHSALT", "PersonResult", "PersonTask", "run_person"]

# matplotlib salts SVG element ids with a random value per process; a fixed salt makes the
# SVG bytes the same in every process, on every executor.
SVG_HASHSALT = "altitude"
_TEXT_FILES = {
    "json": "report.json",
    "csv": "report.csv",
    "markdown": "report.md",
    "text": "report.txt",
}
_MAX_PROBLEMS = 50


@dataclass(frozen=True)
class PersonTask:
    """Everything a worker needs: the calendar bytes travel with it, so workers need no files."""

    key: str
    sources: tuple[CalendarSource, ...]
    options: ReportOptions
    formats: tuple[str, ...]
    rolling: int = 4
    band: tuple[float, float] | None = None


@dataclass(frozen=True)
class PersonResult:
    """What a worker sends back: file bytes by relative path, weekly hours, problems."""

    key: str
    files: dict[str, bytes] = field(default_factory=dict)
    weeks: tuple[tuple[str, float, float, float], ...] = ()
    occurrences: int = 0
    failed_inputs: tuple[tuple[str, str], ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None
    seconds: float = 0.0
    cacheable: bool = True

    @property
    def status(self) -> str:
        """``ok``, ``partial`` (some calendars unreadable) or ``failed`` (no report)."""
        if self.error is not None:
            return "failed"
        return "partial" if self.failed_inputs else "ok"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (file bytes in base64), for the cache."""
        return {
            "key": self.key,
            "files": {k: base64.b64encode(v).decode("ascii") for k, v in self.files.items()},
            "weeks": [list(w) for w in self.weeks],
            "occurrences": self.occurrences,
            "failed_inputs": [list(f) for f in self.failed_inputs],
            "warnings": list(self.warnings),
            "error": self.error,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PersonResult:
        """The inverse of :meth:`to_json`; raises ``KeyError``/``TypeError``/``ValueError``."""
        return cls(
            key=str(data["key"]),
            files={str(k): base64.b64decode(v, validate=True) for k, v in data["files"].items()},
            weeks=tuple((str(w), float(a), float(b), float(c)) for w, a, b, c in data["weeks"]),
            occurrences=int(data["occurrences"]),
            failed_inputs=tuple((str(n), str(m)) for n, m in data["failed_inputs"]),
            warnings=tuple(str(w) for w in data["warnings"]),
            error=None if data["error"] is None else str(data["error"]),
        )


def run_person(task: PersonTask) -> PersonResult:
    """Analyse one person and render their reports; never raises for a bad input.

    Unreadable calendars are skipped and named in ``failed_inputs``; when none can be read,
    or the analysis fails, the result carries ``error`` and no files.

    Args:
        task: the person's calendars (bytes), report options and formats.

    Returns:
        The rendered files and the weekly hours the team rollups need.
    """
    from threadpoolctl import threadpool_limits

    # One BLAS thread: several workers share the cores, and a fixed thread count keeps
    # floating-point sums, hence the bytes, the same on every executor.
    with threadpool_limits(limits=1):
        return _run(task)


def _run(task: PersonTask) -> PersonResult:
    started = time.perf_counter()
    store = ParseCache.default(task.options.cache)
    parsed: list[CalendarFile] = []
    failed: list[tuple[str, str]] = []
    for source in task.sources:
        calendar = CalendarFile(source, store)
        try:
            calendar.header  # noqa: B018 - parses (or finds in the parse cache); may raise
            parsed.append(calendar)
        except InputError as exc:
            failed.append((source.name, exc.message))
    if not parsed:
        return PersonResult(
            task.key,
            failed_inputs=tuple(failed),
            error="no calendar could be read",
            seconds=time.perf_counter() - started,
        )
    try:
        analysis = analyze_calendars(parsed, task.options)
        prepared = PreparedReport(analysis, None, task.rolling, task.band)
        files = _render(prepared, task.formats)
    except AltitudeError as exc:
        return PersonResult(
            task.key,
            failed_inputs=tuple(failed),
            error=exc.message,
            seconds=time.perf_counter() - started,
        )
    except Exception as exc:  # a bug must not stop the batch; the type only: no event text
        return PersonResult(
            task.key,
            failed_inputs=tuple(failed),
            error=f"internal error ({type(exc).__name__}); please report it",
            seconds=time.perf_counter() - started,
            cacheable=False,
        )
    warnings = [str(problem) for problem in analysis.problems[:_MAX_PROBLEMS]]
    if len(analysis.problems) > _MAX_PROBLEMS:
        warnings.append(f"... and {len(analysis.problems) - _MAX_PROBLEMS} more skipped events")
    if not len(analysis.events):
        warnings.append("no counted events in the window")
    weekly = analysis.weekly()
    hours = weekly[["macro_hours", "micro_hours", "other_hours"]].to_numpy(dtype="float64")
    weeks = tuple(
        (str(week), float(row[0]), float(row[1]), float(row[2]))
        for week, row in zip(weekly.index, hours, strict=True)
    )
    return PersonResult(
        task.key,
        files=files,
        weeks=weeks,
        occurrences=len(analysis.events),
        failed_inputs=tuple(failed),
        warnings=tuple(warnings),
        seconds=time.perf_counter() - started,
    )


def _render(prepared: PreparedReport, formats: tuple[str, ...]) -> dict[str, bytes]:
    """Every requested file, through the same functions as ``altitude report``."""
    import matplotlib

    files: dict[str, bytes] = {}
    for fmt in formats:
        if fmt in _TEXT_FILES:
            files[_TEXT_FILES[fmt]] = render_report(prepared, fmt).encode("utf-8")
    if "html" not in formats and "charts" not in formats:
        return files
    with (
        tempfile.TemporaryDirectory(prefix="altitude-batch-") as scratch,
        matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT}),
    ):
        folder = Path(scratch)
        build_outputs(
            prepared,
            fmt="json",
            html_path=folder / "report.html" if "html" in formats else None,
            charts_dir=folder / "charts" if "charts" in formats else None,
        )
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                files[path.relative_to(folder).as_posix()] = path.read_bytes()
    return dict(sorted(files.items()))
