"""A team rollup as files: JSON, CSV, a self-contained HTML page and its drift charts."""

from __future__ import annotations

import base64
import datetime as dt
import json
import math
from html import escape
from typing import Any

import pandas as pd

from analyzer.batch.person import SVG_HASHSALT
from analyzer.batch.rollup import TeamRollup, rollup_json
from analyzer.render.charts import display_text, figure_bytes, plot_drift
from analyzer.render.csv import render_csv

__all__ = ["plot_small_multiples", "render_team"]

_CSS = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232b;
margin:0;background:#f6f7f9}main{max-width:1040px;margin:0 auto;padding:32px 24px 48px}
h1{font-size:26px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 12px}.sub{color:#5b6573}
.chart{background:#fff;border-radius:10px;padding:8px;box-shadow:0 1px 3px #0001;margin:12px 0}
.chart img{width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;background:#fff;font-variant-numeric:tabular-nums}
th,td{padding:6px 10px;text-align:right;border-bottom:1px solid #eceef1}
th:first-child,td:first-child{text-align:left}th{background:#f0f2f5}.alert{color:#D55E00}
"""


def plot_small_multiples(rollup: TeamRollup, rolling: int = 4) -> Any:
    """One small drift panel per member (same 0-100 % axis), drawn with :func:`plot_drift`."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    members = [m for m in rollup.members if m.key in rollup.member_drifts]
    columns = min(3, max(1, len(members)))
    rows = max(1, math.ceil(len(members) / columns))
    figure = Figure(figsize=(3.6 * columns, 2.6 * rows + 0.8), dpi=110, layout="constrained")
    axes = figure.subplots(rows, columns, sharey=True, squeeze=False).ravel()
    handles: dict[str, Any] = {}
    for ax, member in zip(axes, members, strict=False):
        drift = rollup.member_drifts[member.key]
        plot_drift(
            ax, drift, band=member.band, rolling=rolling, title=display_text(member.name, 30)
        )
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault("Target band" if label.startswith("Target band") else label, handle)
        ax.get_legend().remove()
        for note in list(ax.texts):  # change-point notes do not fit a small panel
            note.remove()
        ax.set_xlabel("")
        ax.set_ylabel("")
        ax.set_title(display_text(member.name, 30), fontsize=10, loc="left")
        step = max(1, math.ceil(len(drift) / 4))
        ticks = list(range(0, len(drift), step))
        ax.set_xticks(ticks, [pd.Timestamp(str(drift.index[i])).strftime("%d %b") for i in ticks])
        ax.tick_params(labelsize=8)
    for ax in axes[len(members) :]:
        ax.set_visible(False)
    figure.supylabel("Macro share (%)", fontsize=9)
    figure.suptitle(f"{display_text(rollup.team.name, 60)}: macro share by person", fontsize=12)
    if handles:
        figure.legend(
            list(handles.values()),
            list(handles),
            loc="outside lower center",
            ncols=4,
            fontsize=8,
            frameon=False,
        )
    return figure


def render_team(
    rollup: TeamRollup, window: tuple[dt.date, dt.date], formats: tuple[str, ...], rolling: int
) -> dict[str, bytes]:
    """Every file of a team's rollup, by name relative to the team's folder."""
    document = rollup_json(rollup, window)
    files: dict[str, bytes] = {}
    if "json" in formats:
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        files["rollup.json"] = text.encode("utf-8")
    if "csv" in formats:
        files["rollup.csv"] = render_csv(pd.DataFrame(document["weeks"])).encode("utf-8")
    if "html" not in formats and "charts" not in formats:
        return files
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": SVG_HASHSALT}):
        figures = {
            "drift": _team_drift(rollup, rolling),
            "people_drift": plot_small_multiples(rollup, rolling),
        }
        pngs = {stem: figure_bytes(figure, "png") for stem, figure in figures.items()}
        if "charts" in formats:
            for stem, figure in figures.items():
                files[f"charts/{stem}.png"] = pngs[stem]
                files[f"charts/{stem}.svg"] = figure_bytes(figure, "svg")
    if "html" in formats:
        files["rollup.html"] = _html(document, pngs).encode("utf-8")
    return dict(sorted(files.items()))


def _team_drift(rollup: TeamRollup, rolling: int) -> Any:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(10, 4.8), dpi=110, layout="constrained")
    title = f"{display_text(rollup.team.name, 60)}: team macro share by week"
    plot_drift(
        figure.add_subplot(),
        rollup.drift,
        band=rollup.team.target_band,
        rolling=rolling,
        title=title,
    )
    return figure


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _band(band: list[float] | None) -> str:
    return "—" if not band else f"{band[0]:.0%}–{band[1]:.0%}"


def _html(document: dict[str, Any], pngs: dict[str, bytes]) -> str:
    totals = document["totals"]
    images = {
        stem: f'<div class="chart"><img alt="{escape(alt)}" src="data:image/png;base64,'
        f'{base64.b64encode(pngs[stem]).decode("ascii")}"></div>'
        for stem, alt in (
            ("drift", "Team macro share by week with rolling share and target band"),
            ("people_drift", "Macro share by week for each person, on the same axis"),
        )
    }
    members = "".join(
        f"<tr><td>{_member_name(m)}</td><td>{escape(m['status'])}</td>"
        f"<td>{m['macro_hours']:.1f}</td><td>{m['micro_hours']:.1f}</td>"
        f"<td>{m['other_hours']:.1f}</td><td>{_pct(m['macro_share'])}</td>"
        f"<td>{_pct(m['rolling_share'])}</td><td>{_band(m['target_band'])}</td></tr>"
        for m in document["members"]
    )
    weeks = "".join(
        f"<tr><td>{escape(w['week_start'])}</td><td>{w['macro_hours']:.1f}</td>"
        f"<td>{w['micro_hours']:.1f}</td><td>{w['other_hours']:.1f}</td>"
        f"<td>{_pct(w['macro_share'])}</td><td{' class=alert' if w['outside_band'] else ''}>"
        f"{_pct(w['rolling_share'])}</td></tr>"
        for w in document["weeks"]
    )
    window = document["window"]
    name = escape(document["name"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{name}: Altitude team rollup</title><style>{_CSS}</style></head>
<body><main>
<h1>{name}: team rollup</h1>
<p class="sub">{escape(window["start"])} to {escape(window["end"])} (end exclusive).
Team macro share {_pct(totals["macro_share"])} (macro {totals["macro_hours"]:.1f} h, micro
{totals["micro_hours"]:.1f} h, other {totals["other_hours"]:.1f} h); target band
{_band(document["target_band"])}. Macro share = macro ÷ (macro + micro), hours added up over
the members.</p>
<h2>Is the team's balance drifting?</h2>
{images["drift"]}
<h2>Each person</h2>
{images["people_drift"]}
<table><thead><tr><th>Person</th><th>Status</th><th>Macro h</th><th>Micro h</th><th>Other h</th>
<th>Macro share</th><th>Rolling share</th><th>Target band</th></tr></thead>
<tbody>{members}</tbody></table>
<h2>Week by week</h2>
<table><thead><tr><th>Week of</th><th>Macro h</th><th>Micro h</th><th>Other h</th>
<th>Macro share</th><th>Rolling share</th></tr></thead><tbody>{weeks}</tbody></table>
</main></body></html>
"""


def _member_name(member: dict[str, Any]) -> str:
    name = escape(member["name"])
    if member["status"] == "failed":
        return name
    return f'<a href="../../people/{escape(member["key"])}/report.html">{name}</a>'
