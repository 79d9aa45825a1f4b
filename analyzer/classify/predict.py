"""Label titles: user rules first, then the model; each distinct title is classified once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.classify.model_io import load_model
from analyzer.classify.rules import Rule, apply_rules

__all__ = ["DEFAULT_THRESHOLD", "classify_titles"]

# Below this confidence a prediction is flagged uncertain (model card: where it sits and why).
DEFAULT_THRESHOLD = 0.6


def classify_titles(
    titles: Sequence[str],
    *,
    rules: Sequence[Rule] = (),
    model: Any | None = None,
    model_path: str | Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> pd.DataFrame:
    """Label each title macro, micro or other.

    Args:
        titles: raw titles (as in the calendar); duplicates are classified once.
        rules: user rules; a matching rule wins with confidence 1.
        model: a fitted pipeline; default: the shipped model (loaded once, cached).
        model_path: load the model from here instead of the shipped one.
        threshold: predictions below this confidence are flagged ``uncertain``.

    Returns:
        A frame in input order: ``title``, ``label``, ``confidence``, ``uncertain``, ``source``
        (``rule`` or ``model``).

    Example:
        >>> classify_titles(["Board meeting", "Lunch"])["label"].tolist()
        ['macro', 'other']
    """
    frame = pd.DataFrame({"title": pd.Series(list(titles), dtype="object")})
    distinct = pd.unique(frame["title"])
    labels = np.empty(len(distinct), dtype=object)
    confidence = np.ones(len(distinct), dtype="float64")
    source = np.full(len(distinct), "rule", dtype=object)
    rule_list = list(rules)
    pending = []
    for position, title in enumerate(distinct):
        label = apply_rules(rule_list, str(title)) if rule_list else None
        if label is None:
            pending.append(position)
        else:
            labels[position] = label
    if pending:
        fitted = model if model is not None else load_model(model_path)
        probabilities = fitted.predict_proba(distinct[pending])
        classes = np.asarray(fitted.classes_, dtype=object)
        best = probabilities.argmax(axis=1)
        labels[pending] = classes[best]
        confidence[pending] = probabilities[np.arange(len(pending)), best]
        source[pending] = "model"
    table = pd.DataFrame(
        {"label": labels, "confidence": confidence, "source": source}, index=distinct
    )
    looked_up = table.loc[frame["title"]].reset_index(drop=True)
    result = pd.DataFrame(
        {
            "title": frame["title"].astype("string"),
            "label": looked_up["label"].astype("string"),
            "confidence": looked_up["confidence"].astype("float64"),
            "uncertain": looked_up["confidence"] < threshold,
            "source": looked_up["source"].astype("string"),
        }
    )
    return result
