"""Label titles: user rules first, then the model; each distinct title is classified once."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.classify.contributions import TitleTerms, title_terms
from analyzer.classify.model_io import load_predictor
from analyzer.classify.rules import Rule, matching_rule
from analyzer.types import DEFAULT_THRESHOLD

__all__ = ["DEFAULT_THRESHOLD", "REASON_TERMS", "classify_titles", "model_reason"]

# How many words a model reason names (the strongest by absolute weight).
REASON_TERMS = 3


def model_reason(confidence: float, terms: TitleTerms | None) -> str:
    """``model: 0.93 — board (+1.17), prep (+0.16)``: the confidence, then the words that
    weigh most in the score for the label (see :mod:`analyzer.classify.contributions`).

    Example:
        >>> model_reason(0.93, TitleTerms("macro", (("board", 1.17), ("prep", 0.16)), 0.0, -0.6))
        'model: 0.93 — board (+1.17), prep (+0.16)'
    """
    head = f"model: {confidence:.2f}"
    if terms is None:
        return head
    if not terms.terms:
        return f"{head} — no words"
    shown = ", ".join(f"{word} ({weight:+.2f})" for word, weight in terms.terms[:REASON_TERMS])
    return f"{head} — {shown}"


def classify_titles(
    titles: Sequence[str],
    *,
    rules: Sequence[Rule] = (),
    model: Any | None = None,
    model_path: str | Path | None = None,
    threshold: float = DEFAULT_THRESHOLD,
    explain: bool = False,
) -> pd.DataFrame:
    """Label each title macro, micro or other.

    Args:
        titles: raw titles (as in the calendar); duplicates are classified once.
        rules: user rules; a matching rule wins with confidence 1.
        model: a fitted pipeline (or anything with ``predict_proba`` and ``classes_``);
            default: the shipped model's fast export (:func:`load_predictor`, cached).
        model_path: load the model from here instead of the shipped one.
        threshold: predictions below this confidence are flagged ``uncertain``.
        explain: add a ``reason`` column: ``rule: <pattern>`` or the model's confidence and
            its strongest words (:func:`model_reason`).

    Returns:
        A frame in input order: ``title``, ``label``, ``confidence``, ``uncertain``, ``source``
        (``rule`` or ``model``), and ``reason`` when ``explain`` is set.

    Example:
        >>> classify_titles(["Board meeting", "Lunch"])["label"].tolist()
        ['macro', 'other']
    """
    frame = pd.DataFrame({"title": pd.Series(list(titles), dtype="object")})
    distinct = pd.unique(frame["title"])
    labels = np.empty(len(distinct), dtype=object)
    confidence = np.ones(len(distinct), dtype="float64")
    source = np.full(len(distinct), "rule", dtype=object)
    reason = np.full(len(distinct), "", dtype=object)
    rule_list = list(rules)
    pending = []
    for position, title in enumerate(distinct):
        rule = matching_rule(rule_list, str(title)) if rule_list else None
        if rule is None:
            pending.append(position)
        else:
            labels[position] = rule.label
            reason[position] = f"rule: {rule.pattern.pattern}"
    if pending:
        fitted = model if model is not None else load_predictor(model_path)
        probabilities = fitted.predict_proba(distinct[pending])
        classes = np.asarray(fitted.classes_, dtype=object)
        best = probabilities.argmax(axis=1)
        labels[pending] = classes[best]
        confidence[pending] = probabilities[np.arange(len(pending)), best]
        source[pending] = "model"
        if explain:
            # A caching wrapper (label_cache.CachedModel) explains without loading the model.
            explainer = getattr(fitted, "title_terms", None)
            pending_titles = [str(t) for t in distinct[pending]]
            terms = (
                explainer(pending_titles, list(labels[pending]))
                if callable(explainer)
                else title_terms(fitted, pending_titles, list(labels[pending]))
            )
            reason[pending] = [
                model_reason(float(confidence[p]), None if terms is None else terms[n])
                for n, p in enumerate(pending)
            ]
    table = pd.DataFrame(
        {"label": labels, "confidence": confidence, "source": source, "reason": reason},
        index=distinct,
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
    if explain:
        result["reason"] = looked_up["reason"].astype("string")
    return result
