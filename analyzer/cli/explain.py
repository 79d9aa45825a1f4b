"""`altitude explain`: why a title gets its label (rule, correction, or the model's words)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from analyzer.classify.corrections import load_corrections
from analyzer.classify.predict import DEFAULT_THRESHOLD
from analyzer.classify.rules import load_rules
from analyzer.insights.explain import explain_titles, term_weights

__all__ = ["explain"]


@click.command(short_help="Explain why a title gets its label.")
@click.argument("titles", nargs=-1, required=True, metavar="TITLE...")
@click.option(
    "--rules",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file of [[rules]] pattern/label that override the model.",
)
@click.option(
    "--corrections",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file of [[corrections]]; title corrections apply to a bare title.",
)
@click.option(
    "--model",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this trained model instead of the shipped one.",
)
@click.option(
    "--threshold",
    type=click.FloatRange(0, 1),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Below this confidence a label is flagged uncertain.",
)
@click.option(
    "--terms",
    type=click.IntRange(min=1),
    default=6,
    show_default=True,
    help="How many of the model's words to list.",
)
def explain(**params: Any) -> None:
    """Explain the label of each TITLE: label, confidence, source and reason.

    For the model, each word's weight is its share of the model's score for the label
    (word and character n-grams given back to the words they come from); the weights,
    the other characters and the intercept add up to that score.

    \b
    Example:
      altitude explain "Board prep" "Dana / Priya 1:1"
      altitude explain "Weekly sync" --rules my-rules.toml --corrections corrections.toml
    """
    rules = load_rules(params["rules"]) if params["rules"] else []
    corrections = load_corrections(params["corrections"]) if params["corrections"] else []
    table = explain_titles(
        params["titles"],
        rules=rules,
        corrections=corrections,
        model_path=params["model"],
        threshold=params["threshold"],
    )
    from_model = table[table["source"] == "model"].drop_duplicates("title")
    weights = (
        term_weights(
            from_model["title"].astype(str).tolist(),
            from_model["label"].astype(str).tolist(),
            model_path=params["model"],
        )
        if len(from_model)
        else None
    )
    for number, row in enumerate(table.itertuples()):
        click.echo(("\n" if number else "") + str(row.title))
        flag = ", uncertain" if row.uncertain else ""
        click.echo(f"  label       {row.label} (confidence {row.confidence:.2f}{flag})")
        click.echo(f"  source      {row.source}")
        click.echo(f"  reason      {row.reason}")
        if weights is not None and row.source == "model":
            mine = weights[weights["title"] == row.title]
            all_words = mine[~mine["term"].str.startswith("(")]
            words = all_words.head(params["terms"])
            rest = mine[mine["term"].str.startswith("(")]
            listed = [f"{t} {w:+.2f}" for t, w in zip(words["term"], words["weight"], strict=True)]
            if len(all_words) > len(words):
                others = all_words["weight"].iloc[len(words) :].sum()
                listed.append(f"{len(all_words) - len(words)} more words {others:+.2f}")
            listed += [f"{t} {w:+.2f}" for t, w in zip(rest["term"], rest["weight"], strict=True)]
            click.echo(f"  weights     {', '.join(listed)} = score {mine['weight'].sum():+.2f}")
