"""The run's manifest.json and alerts.json, and the summary printed at the end of a run."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from analyzer.batch.result import BatchResult

__all__ = ["MANIFEST_VERSION", "alerts_json", "manifest_json", "render_json", "summary_text"]

MANIFEST_VERSION = "1.0"


def render_json(document: dict[str, Any]) -> bytes:
    """Stable JSON bytes: sorted keys, two-space indent, UTF-8, trailing newline."""
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def alerts_json(result: BatchResult) -> dict[str, Any]:
    """``alerts.json``: every person and team outside their target band (may be empty)."""
    return {
        "run_date": result.run_date.isoformat(),
        "window": _window(result),
        "alerts": [alert.to_json() for alert in result.alerts],
    }


def manifest_json(result: BatchResult) -> dict[str, Any]:
    """``manifest.json``. Only its ``run`` section (start time, timings, executor, cache hits)
    changes between two runs over the same inputs on the same day; the rest is identical.
    """
    people = {
        p.key: {
            "name": p.name,
            "status": p.status,
            "error": p.error,
            "inputs": [{k: v for k, v in asdict(r).items() if v is not None} for r in p.inputs],
            "failed_inputs": [{"calendar": n, "error": m} for n, m in p.failed_inputs],
            "warnings": p.warnings,
            "files": p.files,
            "occurrences": p.occurrences,
        }
        for p in result.people
    }
    teams = {
        t.key: {"name": t.name, "members": t.members, "missing": t.missing, "files": t.files}
        for t in result.teams
    }
    statuses = [p.status for p in result.people]
    return {
        "manifest_version": MANIFEST_VERSION,
        "config": str(result.config),
        "run_date": result.run_date.isoformat(),
        "window": _window(result),
        "versions": result.versions,
        "counts": {
            "people": len(result.people),
            "people_ok": statuses.count("ok"),
            "people_partial": statuses.count("partial"),
            "people_failed": statuses.count("failed"),
            "teams": len(result.teams),
            "inputs": sum(len(p.inputs) for p in result.people),
            "failed_inputs": len(result.failed_inputs),
            "alerts": len(result.alerts),
            "files": len(result.files),
            "warnings": len(result.warnings) + sum(len(p.warnings) for p in result.people),
        },
        "people": people,
        "teams": teams,
        "alerts": [alert.to_json() for alert in result.alerts],
        "warnings": result.warnings,
        "files": {
            path: {"sha256": sha, "bytes": size} for path, (sha, size) in result.files.items()
        },
        "run": result.run,
    }


def summary_text(result: BatchResult) -> str:
    """The few lines printed at the end of a run (names and counts, never event titles)."""
    statuses = [p.status for p in result.people]
    lines = [
        f"Altitude batch {result.run_date}: window {result.window[0]} to {result.window[1]} "
        f"(end exclusive), {result.window_spec}",
        f"  people: {statuses.count('ok')} reported, {statuses.count('partial')} partial, "
        f"{statuses.count('failed')} failed; teams: {len(result.teams)}; "
        f"files: {len(result.files) + 1} in {result.folder}",
    ]
    for person, _calendar, message in result.failed_inputs:
        lines.append(f"  failed: people.{person}: {message}")
    for outcome in result.people:
        if outcome.status == "failed" and not outcome.failed_inputs:
            lines.append(f"  failed: people.{outcome.key}: {outcome.error}")
    lines.extend(f"  alert: {alert}" for alert in result.alerts)
    if not result.alerts:
        lines.append("  alerts: none")
    warnings = len(result.warnings) + sum(len(p.warnings) for p in result.people)
    if warnings:
        lines.append(f"  warnings: {warnings} (see manifest.json)")
    lines.append(f"  manifest: {result.folder / 'manifest.json'}")
    return "\n".join(lines) + "\n"


def _window(result: BatchResult) -> dict[str, str]:
    return {
        "start": result.window[0].isoformat(),
        "end": result.window[1].isoformat(),
        "spec": result.window_spec,
    }
