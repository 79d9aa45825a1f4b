"""One self-contained HTML report: charts embedded, every text escaped, prints well."""

from __future__ import annotations

import base64
from html import escape
from typing import Any

import pandas as pd

from analyzer.render.charts import LABEL_COLOURS, figure_bytes
from analyzer.render.insights import insights_html
from analyzer.render.text import comparison_lines
from analyzer.types import ReportDict

__all__ = ["render_html"]

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;
margin:0;background:#f6f7f9}
main{max-width:1040px;margin:0 auto;padding:32px 24px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px}
.sub{color:#5b6573;margin:0 0 24px}
.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
.card{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 3px #0001}
.card .k{font-size:13px;color:#5b6573}.card .v{font-size:26px;font-weight:650}
.chart{background:#fff;border-radius:10px;padding:8px;box-shadow:0 1px 3px #0001;margin:12px 0}
.chart img{width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;background:#fff;border-radius:10px;overflow:hidden;
box-shadow:0 1px 3px #0001;font-variant-numeric:tabular-nums}
th,td{padding:6px 10px;text-align:right;border-bottom:1px solid #eceef1}
th:first-child,td:first-child{text-align:left}th{background:#f0f2f5;font-weight:600}
.label{display:inline-block;padding:0 8px;border-radius:9px;color:#fff;font-size:12px}
.note{color:#5b6573;font-size:13px}
h3{font-size:16px;margin:22px 0 8px}td.why,th.why{text-align:left}
td.why{font-size:13px;color:#3b4450}
td:first-child{white-space:nowrap}
.ref{border-left:3px solid #CC79A7;padding-left:10px}
@media print{body{background:#fff}.chart,.card,table{box-shadow:none;break-inside:avoid}
main{padding:0}}
"""


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _img(figure: Any, alt: str) -> str:
    data = base64.b64encode(figure_bytes(figure, "png")).decode("ascii")
    return f'<div class="chart"><img alt="{escape(alt)}" src="data:image/png;base64,{data}"></div>'


def _label(label: str) -> str:
    colour = LABEL_COLOURS.get(label, "#999999")
    return f'<span class="label" style="background:{colour}">{escape(label)}</span>'


def render_html(
    report: ReportDict, figures: dict[str, Any], sinks: pd.DataFrame, title: str = ""
) -> str:
    """The whole report as one HTML page; no network needed to open it."""
    window, totals = report["window"], report["totals"]
    heading = escape(title or "Altitude balance report")
    cards = "".join(
        f'<div class="card"><div class="k">{escape(k)}</div><div class="v">{escape(v)}</div></div>'
        for k, v in (
            ("Macro share", _pct(totals["macro_share"])),
            ("Macro hours", f"{totals['macro_hours']:.1f}"),
            ("Micro hours", f"{totals['micro_hours']:.1f}"),
            ("Other hours", f"{totals['other_hours']:.1f}"),
        )
    )
    week_rows = "".join(
        f"<tr><td>{escape(w['week_start'])}</td><td>{w['macro_hours']:.1f}</td>"
        f"<td>{w['micro_hours']:.1f}</td><td>{w['other_hours']:.1f}</td>"
        f"<td>{_pct(w['macro_share'])}</td></tr>"
        for w in report["weeks"]
    )
    sink_rows = "".join(
        f"<tr><td>{escape(str(r.title))}</td><td>{_label(str(r.label))}</td>"
        f"<td>{r.hours:.1f}</td><td>{r.occurrences}</td></tr>"
        for r in sinks.itertuples()
    )
    excluded = ", ".join(
        f"{escape(k.replace('_', '-'))} {v}" for k, v in report["excluded"].items()
    )
    charts = {
        "drift": "Weekly macro share with rolling share and target band",
        "weekly_hours": "Stacked macro, micro and other hours per week",
        "heatmap_macro": "Macro hours by weekday and hour",
        "heatmap_micro": "Micro hours by weekday and hour",
        "time_sinks": "Series that take the most hours",
    }
    images = {name: _img(figures[name], alt) for name, alt in charts.items() if name in figures}
    comparison = _comparison_html(report.get("comparison"))
    insight_charts = {
        "reactive": "Share of each week's hours added to the calendar shortly before",
        "people": "Hours with each person, by label",
        "focus": "Share of working hours in meetings, fragmented and in focus blocks",
    }
    insights = report.get("insights")
    insight_section = (
        insights_html(
            insights,
            {n: _img(figures[n], alt) for n, alt in insight_charts.items() if n in figures},
            _label,
        )
        if insights
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}</title><style>{_CSS}</style></head>
<body><main>
<h1>{heading}</h1>
<p class="sub">{escape(window["start"])} to {escape(window["end"])} (end exclusive),
times in {escape(window["timezone"])}. Macro share = macro ÷ (macro + micro).</p>
<div class="cards">{cards}</div>
<h2>Is the balance drifting?</h2>
{images.get("drift", "")}
{comparison}
<h2>Hours per week</h2>
{images.get("weekly_hours", "")}
<table><thead><tr><th>Week of</th><th>Macro h</th><th>Micro h</th><th>Other h</th>
<th>Macro share</th></tr></thead><tbody>{week_rows}</tbody></table>
<h2>Where the time went</h2>
{images.get("time_sinks", "")}
<table><thead><tr><th>Series or title</th><th>Label</th><th>Hours</th><th>Occurrences</th>
</tr></thead><tbody>{sink_rows}</tbody></table>
<h2>When in the week</h2>
{images.get("heatmap_macro", "")}
{images.get("heatmap_micro", "")}
{insight_section}
<p class="note">Counted {report["occurrences"]} occurrences. Labels below the confidence
threshold: {report.get("uncertain_hours", 0.0):.1f} h. Excluded: {excluded}.</p>
</main></body></html>
"""


def _comparison_html(comparison: dict[str, Any] | None) -> str:
    if not comparison:
        return ""
    summary = escape(comparison_lines(comparison)[0])
    rows = "".join(
        f"<tr><td>{escape(r['title'])}</td><td>{_label(r['label'])}</td>"
        f"<td>{r['hours_before']:.1f}</td><td>{r['hours_now']:.1f}</td>"
        f"<td>{r['change']:+.1f}</td></tr>"
        for r in comparison["series"]
    )
    table = (
        "<table><thead><tr><th>Series</th><th>Label</th><th>Before h</th><th>Now h</th>"
        f"<th>Change h</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else ""
    )
    return f"<h2>Compared with an earlier window</h2><p>{summary}</p>{table}"
