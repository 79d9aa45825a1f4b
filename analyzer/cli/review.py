"""`altitude review`: confirm or correct the labels that matter most, and keep the answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click

from analyzer.analysis import analyze
from analyzer.classify.corrections import append_corrections, corrections_for
from analyzer.classify.review import append_labels, append_rules, review_candidates
from analyzer.cli.options import build_options, calendar_options, warn_problems
from analyzer.types import Label

__all__ = ["review"]

_KEYS: dict[str, Label] = {"a": "macro", "i": "micro", "o": "other"}


@click.command(short_help="Confirm or correct the labels that matter most.")
@calendar_options
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=20,
    show_default=True,
    help="How many titles to review.",
)
@click.option(
    "--save-rules",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append answers as exact-title rules to this TOML (use with --rules).",
)
@click.option(
    "--save-corrections",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Append answers as corrections to this TOML: by series UID for recurring events, "
    "so one answer relabels the whole series (use with --corrections).",
)
@click.option(
    "--save-labels",
    type=click.Path(dir_okay=False, path_type=Path),
    default=Path("altitude-labels.csv"),
    show_default=True,
    help="Append answers as title,label rows (use with `altitude train`).",
)
def review(**params: Any) -> None:
    """Confirm or correct labels: the most uncertain and highest-hour titles first.

    For each title press Enter to keep the label, or a (macro), i (micro), o (other);
    s skips, q stops. Answers are saved as training rows, as rules with --save-rules, and
    as series corrections with --save-corrections.

    \b
    Example:
      altitude review work.ics --limit 15 --save-rules my-rules.toml
      altitude review work.ics --save-corrections corrections.toml
      altitude report work.ics --corrections corrections.toml
      altitude train altitude-labels.csv --output models/mine.skops
    """
    analysis = analyze(params["paths"], build_options(params))
    warn_problems(analysis.problems, params["verbose"])
    candidates = review_candidates(analysis.events, params["limit"])
    if candidates.empty:
        click.echo("Nothing to review in this window.")
        return
    answers: list[tuple[str, Label]] = []
    click.echo("Enter keeps the label; a = macro, i = micro, o = other, s = skip, q = quit.")
    for number, row in enumerate(candidates.itertuples(), start=1):
        click.echo(
            f"\n[{number}/{len(candidates)}] {row.title}\n"
            f"    {row.hours:.1f} h in {row.occurrences} occurrences; "
            f"label {row.label} ({row.confidence:.0%} sure)"
        )
        key = click.prompt(
            "    label",
            default="",
            show_default=False,
            type=click.Choice(["", "a", "i", "o", "s", "q"]),
            show_choices=False,
        )
        if key == "q":
            break
        if key == "s":
            continue
        answers.append((str(row.title), _KEYS.get(key, cast(Label, row.label))))
    if not answers:
        click.echo("No answers saved.")
        return
    append_labels(params["save_labels"], answers)
    click.echo(f"Saved {len(answers)} labelled titles to {params['save_labels']}")
    if params["save_rules"] is not None:
        append_rules(params["save_rules"], answers)
        click.echo(f"Saved {len(answers)} rules to {params['save_rules']}")
    if params["save_corrections"] is not None:
        corrections = corrections_for(analysis.events, answers)
        append_corrections(params["save_corrections"], corrections)
        click.echo(f"Saved {len(corrections)} corrections to {params['save_corrections']}")
