"""Rebuild the shipped model and its card: `python tools/build_model.py` (or `make model`).

1. Read data/training/*.csv; hold out a stratified 20 % test split (seed 42).
2. Compare the candidate pipelines by 5-fold cross-validation on the training split.
3. Fit the best on the training split; score it on the held-out split and on the
   independent evaluation set (tests/data/eval_titles.csv, written apart from the data).
4. Refit the best on all rows, write models/altitude.skops, its exact export for fast
   inference models/altitude.linear.npz (analyzer/classify/linear.py), models/metrics.json
   and models/MODEL_CARD.md (prose from models/MODEL_CARD.in.md, numbers from this run).

`python tools/build_model.py --sidecar-only` rewrites only models/altitude.linear.npz from
the existing models/altitude.skops, without retraining (the skops file is left untouched).
"""

from __future__ import annotations

import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import sklearn
from sklearn.model_selection import train_test_split

from analyzer.classify.clean import clean_title
from analyzer.classify.evaluate import score_labels
from analyzer.classify.model_io import load_model, save_model, write_sidecar
from analyzer.classify.pipeline import build_pipeline
from analyzer.classify.train import SHIPPED_DATA, compare_models, read_labelled

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "models"
EVAL = ROOT / "tests" / "data" / "eval_titles.csv"


def _table(metrics: dict[str, Any]) -> str:
    rows = ["| label | precision | recall | F1 | support |", "|---|---:|---:|---:|---:|"]
    for label, m in metrics["per_class"].items():
        rows.append(
            f"| {label} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
            f"{m['support']} |"
        )
    rows.append(f"| **macro-F1** | | | **{metrics['macro_f1']:.3f}** | {metrics['n']} |")
    return "\n".join(rows)


def _confusion(metrics: dict[str, Any]) -> str:
    labels = metrics["labels"]
    rows = ["| true \\ predicted | " + " | ".join(labels) + " |", "|---|" + "---:|" * len(labels)]
    for label, counts in zip(labels, metrics["confusion_matrix"], strict=True):
        rows.append(f"| {label} | " + " | ".join(str(c) for c in counts) + " |")
    return "\n".join(rows)


def main() -> None:
    started = time.time()
    data = read_labelled([SHIPPED_DATA])
    train, test = train_test_split(data, test_size=0.2, stratify=data["label"], random_state=42)
    comparison = compare_models(train["title"].tolist(), train["label"].tolist())
    best = max(comparison, key=lambda kind: comparison[kind]["macro_f1"])
    model = build_pipeline(best)  # type: ignore[arg-type]
    model.fit(np.asarray(train["title"], dtype=object), np.asarray(train["label"], dtype=object))
    held_out = score_labels(
        test["label"].tolist(), list(model.predict(np.asarray(test["title"], dtype=object)))
    )

    final = build_pipeline(best)  # type: ignore[arg-type]
    final.fit(np.asarray(data["title"], dtype=object), np.asarray(data["label"], dtype=object))
    save_model(final, MODELS / "altitude.skops")  # and its sidecar, altitude.linear.npz

    evaluation = pd.read_csv(EVAL, dtype=str, keep_default_na=False)
    evaluation["predicted"] = final.predict(np.asarray(evaluation["title"], dtype=object))
    seen = set(data["title"].map(clean_title))
    evaluation["unseen"] = ~evaluation["title"].map(clean_title).isin(seen)
    eval_scores = {
        "all": score_labels(evaluation["label"].tolist(), evaluation["predicted"].tolist())
    }
    for subset, rows in evaluation.groupby("subset"):
        eval_scores[str(subset)] = score_labels(rows["label"].tolist(), rows["predicted"].tolist())
    unseen = evaluation[evaluation["unseen"]]
    eval_scores["unseen_titles"] = score_labels(
        unseen["label"].tolist(), unseen["predicted"].tolist()
    )

    metrics = {
        "chosen": best,
        "rows": len(data),
        "by_label": data["label"].value_counts().to_dict(),
        "by_lang": data["lang"].value_counts().to_dict() if "lang" in data else {},
        "cross_validation": {k: round(v["macro_f1"], 4) for k, v in comparison.items()},
        "held_out": held_out,
        "evaluation_set": eval_scores,
        "versions": {"scikit-learn": sklearn.__version__, "python": platform.python_version()},
        "seconds": round(time.time() - started, 1),
    }
    (MODELS / "metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")

    template = (MODELS / "MODEL_CARD.in.md").read_text(encoding="utf-8")
    comparison_rows = "\n".join(
        f"| {kind}{mark} | {m['macro_f1']:.3f} | {m['accuracy']:.3f} |"
        for kind, m in comparison.items()
        for mark in [" (chosen)" if kind == best else ""]
    )
    subsets = "\n".join(
        f"| {name} | {m['n']} | {m['macro_f1']:.3f} | {m['accuracy']:.3f} |"
        for name, m in eval_scores.items()
    )
    card = template.format(
        rows=len(data),
        chosen=best,
        comparison="| candidate | CV macro-F1 | CV accuracy |\n|---|---:|---:|\n" + comparison_rows,
        held_out_table=_table(held_out),
        held_out_confusion=_confusion(held_out),
        held_out_n=held_out["n"],
        eval_table="| subset | titles | macro-F1 | accuracy |\n|---|---:|---:|---:|\n" + subsets,
        sklearn_version=sklearn.__version__,
    )
    (MODELS / "MODEL_CARD.md").write_text(card, encoding="utf-8")
    print(json.dumps({k: metrics[k] for k in ("chosen", "rows", "cross_validation", "seconds")}))


def sidecar_only() -> None:
    """Export the existing models/altitude.skops to models/altitude.linear.npz."""
    path = MODELS / "altitude.skops"
    written = write_sidecar(load_model(path), path)
    print(f"wrote {written}" if written else f"{path.name} cannot be exported: no sidecar")


if __name__ == "__main__":
    if "--sidecar-only" in sys.argv[1:]:
        sidecar_only()
    else:
        main()
