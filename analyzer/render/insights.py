"""The Insights section of the text, Markdown and HTML reports, from the JSON ``insights``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape
from typing import Any

__all__ = ["PEOPLE_COLUMNS", "insight_rows", "insights_html", "insights_markdown"]

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WEEK_COLUMNS = (
    ("Week of", "week_start", "{}"),
    ("Focus h", "focus_hours", "{:.1f}"),
    ("Fragmented h", "fragmented_hours", "{:.1f}"),
    ("Meeting load", "meeting_load", "{:.0%}"),
    ("Chains", "back_to_back_chains", "{}"),
    ("Longest chain", "longest_chain_events", "{}"),
    ("After hours h", "after_hours", "{:.1f}"),
    ("Double-booked h", "double_booked_hours", "{:.1f}"),
    ("Unanswered h", "needs_action_hours", "{:.1f}"),
    ("Reactive", "reactive_share", "{:.0%}"),
)
PEOPLE_COLUMNS = (
    ("Hours", "hours"),
    ("1:1 h", "one_to_one_hours"),
    ("Macro h", "macro_hours"),
    ("Micro h", "micro_hours"),
    ("Other h", "other_hours"),
)


def _pct(value: float | None) -> str:
    return "unknown" if value is None else f"{value:.0%}"


def _days(names: list[str]) -> str:
    """``Mon–Fri`` for a run of three or more days, else ``Mon, Wed``."""
    indexes = [_WEEKDAYS.index(n) for n in names]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0].capitalize()}–{names[-1].capitalize()}"
    return ", ".join(n.capitalize() for n in names)


def _reactive_line(reactive: Mapping[str, Any]) -> str:
    lead = f"{reactive['lead_hours']:g} h"
    if not reactive["known"]:
        return (
            f"unknown — this export carries no creation times (CREATED), so whether events "
            f"were added less than {lead} ahead cannot be told"
        )
    known = (reactive["reactive_hours"] or 0.0) + (reactive["planned_hours"] or 0.0)
    labels = ", ".join(
        f"{label} {_pct(row['reactive_share'])}" for label, row in reactive["labels"].items()
    )
    unknown = reactive["unknown_hours"]
    tail = f"; {unknown:.1f} h unknown" if unknown > 0.05 else ""
    return (
        f"{_pct(reactive['reactive_share'])} of {known:.1f} h was added to the calendar less "
        f"than {lead} before it started ({labels}){tail}"
    )


def _people_line(people: Mapping[str, Any]) -> str:
    sizes = people["sizes"]
    return (
        f"{people['people']} people; of all time, {_pct(sizes['internal']['share'])} with "
        f"colleagues only, {_pct(sizes['external']['share'])} with someone from outside, "
        f"{_pct(sizes['one_to_one']['share'])} in 1:1s and {_pct(sizes['large']['share'])} in "
        f"meetings of more than {people['large_meeting']} people"
    )


def _focus_lines(insights: Mapping[str, Any]) -> list[tuple[str, str]]:
    settings, focus = insights["settings"], insights["focus"]
    totals = focus["totals"]
    weeks = max(1, sum(1 for w in focus["weeks"] if w["working_hours"] > 0))
    chain = (
        f"longest {totals['longest_chain_events']} in a row, {totals['longest_chain_hours']:.1f} h,"
        f" week of {totals['longest_chain_week']}"
        if totals["longest_chain_events"]
        else "none"
    )
    return [
        (
            "Focus",
            f"{_days(settings['work_days'])} {settings['work_hours']}, per week: "
            f"{totals['focus_hours'] / weeks:.1f} h of focus in free blocks of "
            f"{settings['focus_block_hours']:g} h or more, "
            f"{totals['fragmented_hours'] / weeks:.1f} h fragmented, meeting load "
            f"{_pct(totals['meeting_load'])}",
        ),
        ("Back-to-back", f"{totals['back_to_back_chains']} chains ({chain})"),
        (
            "Load",
            f"after hours {totals['after_hours']:.1f} h, double-booked "
            f"{totals['double_booked_hours']:.1f} h, not yet answered "
            f"{totals['needs_action_hours']:.1f} h (tentative {totals['tentative_hours']:.1f} h, "
            f"accepted {totals['accepted_hours']:.1f} h)",
        ),
    ]


def _corrections_line(corrections: Mapping[str, Any]) -> str:
    if not corrections["occurrences"]:
        return "none applied"
    moves = ", ".join(f"{m['from']} → {m['to']} {m['hours']:.1f} h" for m in corrections["moves"])
    return (
        f"{corrections['corrected_hours']:.1f} h corrected in {corrections['occurrences']} "
        f"occurrences; they moved {corrections['moved_hours']:.1f} h"
        + (f" ({moves})" if moves else "")
    )


def _reference_text(reference: Mapping[str, Any]) -> str:
    return f"{reference['label']} (study, not a target). {reference['definition']} " + str(
        reference["source"]
    )


def insight_rows(insights: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The Insights section as (heading, sentence) pairs, in the order every format uses."""
    rows = [
        ("Reactive time", _reactive_line(insights["reactive"])),
        ("People", _people_line(insights["people"])),
        *_focus_lines(insights),
        ("Corrections", _corrections_line(insights["corrections"])),
    ]
    rows += [("Reference", _reference_text(r)) for r in insights["references"]]
    return rows


def _week_rows(insights: Mapping[str, Any]) -> list[list[str]]:
    reactive = {w["week_start"]: w for w in insights["reactive"]["weeks"]}
    rows = []
    for week in insights["focus"]["weeks"]:
        merged = {
            **week,
            "reactive_share": reactive.get(week["week_start"], {}).get("reactive_share"),
        }
        rows.append(
            [
                "—" if merged[key] is None else fmt.format(merged[key])
                for _, key, fmt in _WEEK_COLUMNS
            ]
        )
    return rows


def insights_markdown(insights: Mapping[str, Any], escape_text: Callable[[str], str]) -> list[str]:
    """The Insights section as Markdown lines; ``escape_text`` escapes calendar text."""
    rows = insight_rows(insights)
    lines = ["", "## Insights", ""]
    lines += [f"- **{heading}:** {escape_text(text)}." for heading, text in rows]
    lines.append("")
    top = insights["people"]["top"]
    if top:
        lines += [
            "| Person | Inside? | " + " | ".join(h for h, _ in PEOPLE_COLUMNS) + " |",
            "|---|---|" + "---:|" * len(PEOPLE_COLUMNS),
        ]
        lines += [
            f"| {escape_text(row['person'])} | {'internal' if row['internal'] else 'external'} | "
            + " | ".join(f"{row[key]:.1f}" for _, key in PEOPLE_COLUMNS)
            + " |"
            for row in top
        ]
        lines.append("")
    lines += [
        "| " + " | ".join(h for h, _, _ in _WEEK_COLUMNS) + " |",
        "|---|" + "---:|" * (len(_WEEK_COLUMNS) - 1),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in _week_rows(insights)]
    if insights["explanations"]:
        lines += ["", "Why these labels:", "", "| Series or title | Label | Why |", "|---|---|---|"]
        lines += [
            f"| {escape_text(str(r['title']))} | {r['label']} | {escape_text(str(r['reason']))} |"
            for r in insights["explanations"]
        ]
    return lines


def insights_html(
    insights: Mapping[str, Any], images: Mapping[str, str], label: Callable[[str], str]
) -> str:
    """The Insights section of the HTML report: one chart per measure where a chart reads
    better, tables for the rest; ``images`` maps chart names to ``<img>`` blocks."""
    top = insights["people"]["top"]
    people_rows = "".join(
        f"<tr><td>{escape(str(r['person']))}</td>"
        f"<td>{'internal' if r['internal'] else 'external'}</td>"
        + "".join(f"<td>{r[key]:.1f}</td>" for _, key in PEOPLE_COLUMNS)
        + "</tr>"
        for r in top
    )
    people_table = (
        "<table><thead><tr><th>Person</th><th>Inside?</th>"
        + "".join(f"<th>{escape(h)}</th>" for h, _ in PEOPLE_COLUMNS)
        + f"</tr></thead><tbody>{people_rows}</tbody></table>"
        if top
        else ""
    )
    week_table = (
        "<table><thead><tr>"
        + "".join(f"<th>{escape(h)}</th>" for h, _, _ in _WEEK_COLUMNS)
        + "</tr></thead><tbody>"
        + "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in _week_rows(insights)
        )
        + "</tbody></table>"
    )
    why_rows = "".join(
        f"<tr><td>{escape(str(r['title']))}</td><td>{label(str(r['label']))}</td>"
        f"<td class='why'>{escape(str(r['reason']))}</td></tr>"
        for r in insights["explanations"]
    )
    why = (
        "<h3>Why these labels</h3><table><thead><tr><th>Series or title</th><th>Label</th>"
        f"<th class='why'>Why</th></tr></thead><tbody>{why_rows}</tbody></table>"
        if why_rows
        else ""
    )
    references = "".join(
        f'<p class="note ref"><b>Reference (study, not a target):</b> {escape(r["label"])}. '
        f"{escape(r['definition'])} <i>{escape(r['source'])}</i></p>"
        for r in insights["references"]
    )
    focus = "<br>".join(
        f"<b>{escape(heading)}:</b> {escape(text)}." for heading, text in _focus_lines(insights)
    )
    corrections = escape(_corrections_line(insights["corrections"]))
    return f"""<h2>Insights</h2>
<h3>Reactive or planned?</h3>
<p>{escape(_reactive_line(insights["reactive"]).capitalize())}.</p>
{images.get("reactive", "")}
<h3>Who the time goes to</h3>
<p>{escape(_people_line(insights["people"]))}.</p>
{images.get("people", "")}
{people_table}
<h3>Focus and fragmentation</h3>
<p>{focus}</p>
{images.get("focus", "")}
{week_table}
{why}
<p class="note"><b>Corrections:</b> {corrections}.</p>
{references}"""
