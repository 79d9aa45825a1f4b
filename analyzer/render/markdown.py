"""The report as Markdown, with every title escaped (no HTML or links can be injected)."""

from __future__ import annotations

import re

import pandas as pd

from analyzer.render.insights import insights_markdown
from analyzer.render.text import comparison_lines
from analyzer.types import ReportDict

__all__ = ["escape_markdown", "render_markdown"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def escape_markdown(text: str) -> str:
    """Backslash-escape Markdown and HTML syntax; newlines become spaces.

    Example:
        >>> escape_markdown("<script>|*x*")
        '\\\\<script\\\\>\\\\|\\\\*x\\\\*'
    """
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_markdown(report: ReportDict, sinks: pd.DataFrame) -> str:
    """A Markdown report: totals, weekly table, top time sinks, exclusions."""
    window, totals = report["window"], report["totals"]
    lines = [
        "# Altitude balance report",
        "",
        f"{window['start']} to {window['end']} (end exclusive), times in {window['timezone']}.",
        "",
        f"**Macro share {_pct(totals['macro_share'])}** — macro {totals['macro_hours']:.1f} h, "
        f"micro {totals['micro_hours']:.1f} h, other {totals['other_hours']:.1f} h.",
        "",
        "| Week of | Macro h | Micro h | Other h | Macro share |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {w['week_start']} | {w['macro_hours']:.1f} | {w['micro_hours']:.1f} | "
        f"{w['other_hours']:.1f} | {_pct(w['macro_share'])} |"
        for w in report["weeks"]
    ]
    if len(sinks):
        lines += [
            "",
            "## Top time sinks",
            "",
            "| Series or title | Label | Hours |",
            "|---|---|---:|",
        ]
        lines += [
            f"| {escape_markdown(str(r.title))} | {r.label} | {r.hours:.1f} |"
            for r in sinks.itertuples()
        ]
    comparison = report.get("comparison")
    if comparison:
        lines += ["", "## Compared with an earlier window", "", comparison_lines(comparison)[0]]
        rows = comparison["series"]
        if rows:
            lines += [
                "",
                "| Series | Label | Before h | Now h | Change h |",
                "|---|---|---:|---:|---:|",
            ]
            lines += [
                f"| {escape_markdown(r['title'])} | {r['label']} | {r['hours_before']:.1f} | "
                f"{r['hours_now']:.1f} | {r['change']:+.1f} |"
                for r in rows
            ]
    insights = report.get("insights")
    if insights:
        lines += insights_markdown(insights, escape_markdown)
    excluded = ", ".join(f"{k.replace('_', '-')} {v}" for k, v in report["excluded"].items())
    lines += [
        "",
        f"Counted {report['occurrences']} occurrences; uncertain labels on "
        f"{report.get('uncertain_hours', 0.0):.1f} h. Excluded: {excluded}.",
        "",
    ]
    return "\n".join(lines)
