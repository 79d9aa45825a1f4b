"""The report as JSON (the contract in docs/json.md)."""

from __future__ import annotations

import json

from analyzer.types import ReportDict

__all__ = ["render_json"]


def render_json(report: ReportDict) -> str:
    """Serialise a report: stable key order, UTF-8 text, trailing newline."""
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
