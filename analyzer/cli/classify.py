"""`altitude classify`: label titles, one per line, as CSV title,label,confidence."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import pandas as pd

from analyzer.classify.predict import classify_titles
from analyzer.classify.rules import load_rules
from analyzer.cli.options import output_option
from analyzer.render.csv import render_csv
from analyzer.render.files import write_text

__all__ = ["classify"]


@click.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option(
    "--rules",
    type=click.Path(dir_okay=False, path_type=Path),
    help="TOML file of [[rules]] pattern/label that override the model.",
)
@click.option(
    "--model",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Use this trained model instead of the shipped one.",
)
@output_option
def classify(**params: Any) -> None:
    """Label titles (one per line) as macro, micro or other.

    Writes CSV title,label,confidence, one row per input line, in input order.

    \b
    Example:
      printf 'Board prep\\nSprint retro\\n' | altitude classify
      altitude classify titles.txt --output labels.csv
    """
    titles = params["source"].read().splitlines()
    rules = load_rules(params["rules"]) if params["rules"] else []
    labelled = classify_titles(titles, rules=rules, model_path=params["model"])
    table = pd.DataFrame(
        {
            "title": labelled["title"],
            "label": labelled["label"],
            "confidence": labelled["confidence"].round(4),
        }
    )
    text = render_csv(table)
    if params["output"] is not None:
        write_text(params["output"], text)
    else:
        click.echo(text, nl=False)
