"""Classifier metrics: per-class precision, recall, F1, macro-F1 and the confusion matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from analyzer.types import LABELS

__all__ = ["format_metrics", "score_labels"]


def score_labels(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Metrics of ``predicted`` against ``truth`` over the three labels.

    Example:
        >>> score_labels(["macro", "micro", "other"], ["macro", "micro", "other"])["macro_f1"]
        1.0
    """
    labels = list(LABELS)
    precision, recall, f1, support = precision_recall_fscore_support(
        list(truth), list(predicted), labels=labels, zero_division=0
    )
    matrix = confusion_matrix(list(truth), list(predicted), labels=labels)
    return {
        "n": len(truth),
        "accuracy": float(np.mean(np.asarray(truth) == np.asarray(predicted)))
        if len(truth)
        else 0.0,
        "macro_f1": float(np.mean(f1)),
        "per_class": {
            label: {
                "precision": float(precision[i]),
                "recall": float(recall[i]),
                "f1": float(f1[i]),
                "support": int(support[i]),
            }
            for i, label in enumerate(labels)
        },
        "labels": labels,
        "confusion_matrix": matrix.tolist(),
    }


def format_metrics(metrics: dict[str, Any]) -> str:
    """Metrics as a plain-text table (rows: true label, columns: predicted)."""
    lines = [f"{'':8} {'precision':>9} {'recall':>7} {'f1':>6} {'support':>8}"]
    for label, row in metrics["per_class"].items():
        lines.append(
            f"{label:8} {row['precision']:9.3f} {row['recall']:7.3f} {row['f1']:6.3f} "
            f"{row['support']:8d}"
        )
    lines.append(
        f"macro-F1 {metrics['macro_f1']:.3f}   accuracy {metrics['accuracy']:.3f}   "
        f"n {metrics['n']}"
    )
    lines.append("")
    lines.append("confusion (rows true, columns predicted)")
    lines.append(f"{'':8} " + " ".join(f"{label:>6}" for label in metrics["labels"]))
    for label, row in zip(metrics["labels"], metrics["confusion_matrix"], strict=True):
        lines.append(f"{label:8} " + " ".join(f"{v:6d}" for v in row))
    return "\n".join(lines) + "\n"
