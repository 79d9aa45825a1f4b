"""The terminal report (rich): totals, the weekly balance with a sparkline, where time went."""

from __future__ import annotations

import io
from typing import Any

import pandas as pd
from rich.console import Console
from rich.table import Table
from rich.text import Text

from analyzer.render.insights import PEOPLE_COLUMNS, insight_rows
from analyzer.types import ReportDict

__all__ = ["render_text", "sparkline"]

_BARS = "▁▂▃▄▅▆▇█"
LABEL_STYLES = {"macro": "bold #0072B2", "micro": "bold #E69F00", "other": "#999999"}


def sparkline(values: list[float | None]) -> str:
    """One character per value from 0 to 1; a gap (·) where the value is unknown.

    Example:
        >>> sparkline([0.0, 0.5, 1.0, None])
        '▁▅█·'
    """
    out = []
    for value in values:
        if value is None:
            out.append("·")
        else:
            out.append(_BARS[min(len(_BARS) - 1, max(0, round(value * (len(_BARS) - 1))))])
    return "".join(out)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_text(
    report: ReportDict, sinks: pd.DataFrame | None = None, width: int = 100, color: bool = False
) -> str:
    """The report for a terminal; ``sinks`` (title, label, hours) lists the top time sinks."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    window, totals, weeks = report["window"], report["totals"], report["weeks"]
    console.print(
        Text.assemble(
            ("Altitude balance report", "bold"),
            f"  {window['start']} → {window['end']} (end exclusive), {window['timezone']}",
        )
    )
    worked = totals["macro_hours"] + totals["micro_hours"]
    console.print(
        Text.assemble(
            "Macro share ",
            (_pct(totals["macro_share"]), "bold"),
            f" of {worked:.1f} h of macro + micro work   ",
            ("macro ", LABEL_STYLES["macro"]),
            f"{totals['macro_hours']:.1f} h   ",
            ("micro ", LABEL_STYLES["micro"]),
            f"{totals['micro_hours']:.1f} h   ",
            ("other ", LABEL_STYLES["other"]),
            f"{totals['other_hours']:.1f} h",
        )
    )
    shares = [w["macro_share"] for w in weeks]
    console.print(f"Weekly macro share  {sparkline(shares)}  (▁ 0% … █ 100%)")
    table = Table(title=None, show_edge=False, pad_edge=False, box=None)
    for name, justify in (
        ("week of", "left"),
        ("macro h", "right"),
        ("micro h", "right"),
        ("other h", "right"),
        ("macro share", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for week in weeks:
        table.add_row(
            week["week_start"],
            f"{week['macro_hours']:.1f}",
            f"{week['micro_hours']:.1f}",
            f"{week['other_hours']:.1f}",
            _pct(week["macro_share"]),
        )
    console.print(table)
    if sinks is not None and len(sinks):
        console.print(Text("Top time sinks", style="bold"))
        for row in sinks.itertuples():
            console.print(
                Text.assemble(
                    f"  {row.hours:6.1f} h  ",
                    (f"{row.label:<5}", LABEL_STYLES.get(str(row.label), "")),
                    f"  {row.title}",
                )
            )
    comparison = report.get("comparison")
    if comparison:
        _print_comparison(console, comparison)
    insights = report.get("insights")
    if insights:
        _print_insights(console, insights)
    excluded = report["excluded"]
    console.print(
        f"Counted {report['occurrences']} occurrences; "
        f"uncertain labels on {report.get('uncertain_hours', 0.0):.1f} h.  Excluded: "
        + ", ".join(f"{k.replace('_', '-')} {v}" for k, v in excluded.items())
    )
    return buffer.getvalue()


def _signed(value: float | None, unit: str = " h") -> str:
    return "—" if value is None else f"{value:+.1f}{unit}"


def comparison_lines(comparison: dict[str, Any]) -> list[str]:
    """The comparison with an earlier window as plain lines (shared by text and Markdown)."""
    now, before, change = comparison["current"], comparison["earlier"], comparison["change"]
    share_change = change["macro_share"]
    lines = [
        f"Compared with {before['start']} → {before['end']}: macro share "
        f"{_pct(before['macro_share'])} → {_pct(now['macro_share'])} "
        f"({_signed(None if share_change is None else share_change * 100, ' pts')}); "
        + ", ".join(
            f"{label} {_signed(change[f'{label}_hours'])}" for label in ("macro", "micro", "other")
        ),
    ]
    for row in comparison["series"]:
        lines.append(
            f"  {_signed(row['change'])}  {row['label']:<5}  {row['title']} "
            f"({row['hours_before']:.1f} h → {row['hours_now']:.1f} h)"
        )
    return lines


def _print_comparison(console: Console, comparison: dict[str, Any]) -> None:
    lines = comparison_lines(comparison)
    console.print(Text(lines[0], style="bold"))
    console.print(Text("Biggest changes by series" if len(lines) > 1 else "No series changed"))
    for line in lines[1:]:
        console.print(Text(line))


def _print_insights(console: Console, insights: dict[str, Any], people: int = 5) -> None:
    """The Insights section: one line per measure, then the top ``people``."""
    console.print(Text("Insights", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column()
    for heading, text in insight_rows(insights):
        grid.add_row(heading, text)
    with console.capture() as captured:
        console.print(grid)
    for line in captured.get().splitlines():  # a grid pads every cell; keep lines clean
        console.print(Text.from_ansi(line.rstrip()))
    top = insights["people"]["top"][:people]
    if top:
        table = Table(show_edge=False, pad_edge=False, box=None)
        table.add_column("top people", justify="left")
        table.add_column("in/out", justify="left")
        for heading, _ in PEOPLE_COLUMNS:
            table.add_column(heading.lower(), justify="right")
        for row in top:
            table.add_row(
                str(row["person"]),
                "internal" if row["internal"] else "external",
                *(f"{row[key]:.1f}" for _, key in PEOPLE_COLUMNS),
            )
        console.print(table)
