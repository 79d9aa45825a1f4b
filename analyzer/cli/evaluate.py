"""`altitude evaluate`: score the classifier on a labelled CSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from analyzer.classify.predict import classify_titles

__all__ = ["evaluate"]


@click.command(short_help="Score the classifier on a labelled CSV.")
@click.argument("labelled", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--model",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Evaluate this model instead of the shipped one.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def evaluate(**params: Any) -> None:
    """Per-class precision, recall, F1, macro-F1 and the confusion matrix.

    \b
    Example:
      altitude evaluate my_labels.csv
      altitude evaluate my_labels.csv --format json
    """
    from analyzer.classify.evaluate import format_metrics, score_labels  # scikit-learn: slow
    from analyzer.classify.train import read_labelled

    data = read_labelled([params["labelled"]])
    predicted = classify_titles(data["title"].tolist(), model_path=params["model"])
    metrics = score_labels(data["label"].tolist(), predicted["label"].tolist())
    if params["fmt"] == "json":
        click.echo(json.dumps(metrics, indent=2))
    else:
        click.echo(format_metrics(metrics), nl=False)
