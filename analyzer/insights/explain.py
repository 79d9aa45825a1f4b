"""Why a title got its label: the rule, the correction, or the model's strongest words.

Each labelled occurrence carries a ``reason`` in the events table; this module explains
titles on their own (``altitude explain``) and lists the reasons of the series that take
the most time. How the model's word weights are computed, and why they add up to its score:
:mod:`analyzer.classify.contributions`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analyzer.aggregate.sinks import top_sinks
from analyzer.classify.contributions import title_terms
from analyzer.classify.corrections import Correction, title_correction
from analyzer.classify.model_io import load_predictor
from analyzer.classify.predict import DEFAULT_THRESHOLD, classify_titles
from analyzer.classify.rules import Rule

__all__ = ["explain_titles", "series_reasons", "term_weights"]


def explain_titles(
    titles: Sequence[str],
    *,
    rules: Sequence[Rule] = (),
    corrections: Sequence[Correction] = (),
    model: Any | None = None,
    model_path: str | Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """Label each title as a report would, and say why.

    A title correction wins, then the first matching rule, then the model. (Series
    corrections need a calendar: they apply in reports, not to a bare title; neither does
    metadata, which reads attendees.)

    Returns:
        ``title``, ``label``, ``confidence``, ``uncertain``, ``source`` and ``reason``, in
        input order.

    Example:
        >>> explain_titles(["Board prep"])["reason"].iloc[0]
        'model: 0.99 — board (+1.17), prep (+0.16)'
    """
    table = classify_titles(
        titles,
        rules=rules,
        model=model,
        model_path=model_path,
        threshold=threshold,
        explain=True,
    )
    for position, title in enumerate(table["title"].astype(str)):
        correction = title_correction(corrections, title)
        if correction is not None:
            table.loc[position, ["label", "source", "reason"]] = [
                correction.label,
                "correction",
                correction.reason,
            ]
            table.loc[position, "confidence"] = 1.0
            table.loc[position, "uncertain"] = False
    return table


def term_weights(
    titles: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    model: Any | None = None,
    model_path: str | Path | None = None,
) -> pd.DataFrame:
    """Every word's weight in the model's score for each title's label, in long form.

    Besides the words, each title has an ``(other characters)`` row (character n-grams
    outside every word) and an ``(intercept)`` row, so the weights of a title add up to the
    model's score for its label.

    Args:
        titles: raw titles.
        labels: the label to explain per title; default: the model's prediction.

    Returns:
        ``title``, ``label``, ``term``, ``weight``, largest absolute weight first within
        each title; empty when the model is not linear.

    Example:
        >>> term_weights(["Board prep"]).head(2)[["term", "weight"]].round(2).values.tolist()
        [['board', 1.17], ['prep', 0.16]]
    """
    fitted = model if model is not None else load_predictor(model_path)
    titles = [str(t) for t in titles]
    if labels is None:
        labels = [str(label) for label in fitted.predict(titles)]
    found = title_terms(fitted, titles, labels) or []
    rows = []
    for title, terms in zip(titles, found, strict=False):
        for term, weight in terms.terms:
            rows.append((title, terms.label, term, weight))
        rows.append((title, terms.label, "(other characters)", terms.other))
        rows.append((title, terms.label, "(intercept)", terms.intercept))
    return pd.DataFrame(rows, columns=["title", "label", "term", "weight"])


def series_reasons(
    events: pd.DataFrame, n: int = 8, sinks: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The reason behind the label of each of the ``n`` series that take the most hours.

    Args:
        sinks: ``top_sinks(events, n)`` when already at hand (it is not cheap).

    Returns:
        ``title``, ``label``, ``source``, ``reason``, ``hours`` (the rows of
        :func:`analyzer.top_sinks`, with the reason of the first occurrence of that title).
    """
    columns = ["title", "label", "source", "reason", "hours"]
    sinks = (top_sinks(events, n) if sinks is None else sinks.head(n)).copy()
    if sinks.empty or "reason" not in events:
        return pd.DataFrame(columns=columns)
    # The first occurrence of each (title, label), among the titles of the sinks only.
    wanted = events["title"].isin(sinks["title"]).to_numpy(dtype=bool)
    columns_used = ["title", "label", "label_source", "reason"]
    first = events.loc[wanted, columns_used].drop_duplicates(["title", "label"])
    first = first.set_index(["title", "label"])
    keys = pd.MultiIndex.from_arrays([sinks["title"], sinks["label"]])
    sinks["source"] = first["label_source"].reindex(keys).to_numpy()
    sinks["reason"] = first["reason"].reindex(keys).to_numpy()
    return sinks[columns]
