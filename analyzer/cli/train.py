"""`altitude train`: retrain the classifier on the shipped data plus your labelled rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from analyzer.classify.model_io import DEFAULT_MODEL_PATH, save_model

__all__ = ["train"]


@click.command()
@click.argument("data", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_MODEL_PATH,
    show_default="models/altitude.skops",
    help="Where to write the trained model.",
)
@click.option("--no-shipped", is_flag=True, help="Train only on DATA, not the shipped rows.")
def train(**params: Any) -> None:
    """Retrain the classifier and print cross-validated metrics.

    DATA are CSV files (columns title,label) added to the shipped training set; a title
    you label again overrides the shipped label.

    \b
    Example:
      altitude train my_labels.csv --output models/mine.skops
      altitude report work.ics --model models/mine.skops
    """
    from analyzer.classify.evaluate import format_metrics  # scikit-learn: slow to import
    from analyzer.classify.train import SHIPPED_DATA, read_labelled, train_model

    sources = ([] if params["no_shipped"] else [SHIPPED_DATA]) + list(params["data"])
    data = read_labelled(sources)
    click.echo(
        f"Training on {len(data)} distinct titles; comparing models (5-fold CV)...", err=True
    )
    result = train_model(data)
    for kind, metrics in result.comparison.items():
        marker = "*" if kind == result.kind else " "
        click.echo(f"{marker} {kind:15} macro-F1 {metrics['macro_f1']:.3f}")
    click.echo(f"\nCross-validated metrics of the chosen model ({result.kind}):")
    click.echo(format_metrics(result.comparison[result.kind]), nl=False)
    path = save_model(result.model, params["output"])
    click.echo(f"Model written to {path}")
