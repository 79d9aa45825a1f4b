"""What a batch run did, as plain data: the runner fills it, the manifest and summary read it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyzer.batch.inputs import InputRecord
from analyzer.batch.rollup import Alert

__all__ = ["EXIT_ALERT", "EXIT_FAILED", "BatchResult", "PersonOutcome", "TeamOutcome"]

EXIT_ALERT = 4
EXIT_FAILED = 5


@dataclass
class PersonOutcome:
    """One person's part of the run."""

    key: str
    name: str
    status: str  # ok, partial (some calendars unreadable) or failed (no report)
    inputs: list[InputRecord] = field(default_factory=list)
    failed_inputs: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    occurrences: int = 0
    error: str | None = None
    cached: bool = False
    seconds: float = 0.0


@dataclass
class TeamOutcome:
    """One team's rollup."""

    key: str
    name: str
    members: list[str]
    missing: list[str] = field(default_factory=list)
    files: list[str] = field(default_factory=list)


@dataclass
class BatchResult:
    """The summary of a run; batch outcomes are results, not exceptions.

    Example:
        >>> result = BatchResult(Path("team.toml"), dt.date(2026, 7, 8), Path("out/2026-07-08"))
        >>> result.exit_code(fail_on_alert=True)
        0
    """

    config: Path
    run_date: dt.date
    folder: Path
    window: tuple[dt.date, dt.date] = (dt.date.min, dt.date.max)
    window_spec: str = ""
    people: list[PersonOutcome] = field(default_factory=list)
    teams: list[TeamOutcome] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files: dict[str, tuple[str, int]] = field(default_factory=dict)  # path -> (sha256, bytes)
    versions: dict[str, Any] = field(default_factory=dict)
    run: dict[str, Any] = field(default_factory=dict)

    @property
    def failed_inputs(self) -> list[tuple[str, str, str]]:
        """``(person, calendar, message)`` for every calendar that could not be used."""
        return [(p.key, name, message) for p in self.people for name, message in p.failed_inputs]

    @property
    def failed(self) -> bool:
        """True when any input failed (a person partial or without a report)."""
        return any(p.status != "ok" for p in self.people)

    def exit_code(self, fail_on_alert: bool = False) -> int:
        """5 when an input failed, else 4 for alerts with ``fail_on_alert``, else 0."""
        if self.failed:
            return EXIT_FAILED
        if fail_on_alert and self.alerts:
            return EXIT_ALERT
        return 0
