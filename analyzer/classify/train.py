"""Train the classifier: read labelled CSVs, compare candidates by cross-validation, fit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from analyzer.errors import ConfigError
from analyzer.types import LABELS

if TYPE_CHECKING:
    from analyzer.classify.pipeline import ModelKind

# scikit-learn is imported when a model is trained, not when `import analyzer` runs.

__all__ = ["SHIPPED_DATA", "TrainingResult", "compare_models", "read_labelled", "train_model"]

SHIPPED_DATA = Path(__file__).resolve().parents[2] / "data" / "training"


def read_labelled(paths: Sequence[str | Path]) -> pd.DataFrame:
    """Labelled rows (``title``, ``label`` and any other columns) from CSV files or folders.

    Raises:
        ConfigError: a file is missing, lacks a title or label column, or has unknown labels.

    Example:
        >>> data = read_labelled([SHIPPED_DATA])
        >>> list(data.columns[:2]), len(data) > 3000
        (['title', 'label'], True)
    """
    frames = []
    for raw in paths:
        path = Path(raw)
        files = sorted(path.glob("*.csv")) if path.is_dir() else [path]
        for file in files:
            try:
                frame = pd.read_csv(file, dtype=str, keep_default_na=False)
            except FileNotFoundError:
                raise ConfigError(f"cannot read {file}: no such file") from None
            except (OSError, ValueError, pd.errors.ParserError) as exc:
                raise ConfigError(f"cannot read {file}: {exc}") from None
            missing = {"title", "label"} - set(frame.columns)
            if missing:
                raise ConfigError(f"{file}: needs columns title,label (missing {sorted(missing)})")
            frame["label"] = frame["label"].str.strip().str.lower()
            bad = frame.loc[~frame["label"].isin(LABELS)]
            if len(bad):
                line = int(bad.index[0]) + 2
                raise ConfigError(
                    f"{file} line {line}: label must be macro, micro or other, "
                    f"not {bad['label'].iloc[0]!r}"
                )
            frame["file"] = file.name
            frames.append(frame)
    if not frames:
        raise ConfigError("no labelled rows found")
    data = pd.concat(frames, ignore_index=True)
    data = data[data["title"].str.strip() != ""]
    # The last row wins for a repeated title, so a user's correction beats the shipped data.
    data = data.drop_duplicates(subset="title", keep="last").reset_index(drop=True)
    return data


@dataclass
class TrainingResult:
    """A fitted model with the cross-validated metrics of every candidate compared."""

    model: Any
    kind: ModelKind
    comparison: dict[str, dict[str, Any]] = field(default_factory=dict)


def compare_models(
    titles: Sequence[str],
    labels: Sequence[str],
    kinds: Sequence[ModelKind] | None = None,
    folds: int = 5,
    seed: int = 0,
) -> dict[str, dict[str, Any]]:
    """Cross-validated metrics of each candidate pipeline (default: all) on the same folds."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    from analyzer.classify.evaluate import score_labels
    from analyzer.classify.pipeline import MODEL_KINDS, build_pipeline

    kinds = MODEL_KINDS if kinds is None else kinds
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    x = np.asarray(titles, dtype=object)
    results: dict[str, dict[str, Any]] = {}
    for kind in kinds:
        predicted = cross_val_predict(build_pipeline(kind), x, np.asarray(labels), cv=splitter)
        results[kind] = score_labels(list(labels), list(predicted))
    return results


def train_model(
    data: pd.DataFrame, kinds: Sequence[ModelKind] | None = None, folds: int = 5
) -> TrainingResult:
    """Compare candidates by cross-validated macro-F1, then fit the best on all rows.

    Args:
        data: labelled rows with ``title`` and ``label`` (:func:`read_labelled`).
        kinds: the candidates to compare (default: all four of the model card);
            ``("svm-calibrated",)``, the shipped kind, trains in seconds.
        folds: cross-validation folds.

    Raises:
        ConfigError: some label has fewer than ``folds`` rows.

    Example:
        >>> data = pd.DataFrame({"title": ["Board meeting", "Strategy offsite", "Standup",
        ...     "1:1 Ana", "Lunch", "Gym"], "label": ["macro", "macro", "micro", "micro",
        ...     "other", "other"]})
        >>> result = train_model(data, kinds=("nb-words",), folds=2)
        >>> result.kind, result.model.predict(["Board prep"]).tolist()
        ('nb-words', ['macro'])
    """
    from analyzer.classify.pipeline import build_pipeline

    counts = data["label"].value_counts()
    short = [str(label) for label, count in counts.items() if count < folds]
    if short:
        raise ConfigError(
            f"{folds}-fold cross-validation needs at least {folds} rows of every label; "
            f"too few: {', '.join(short)}"
        )
    titles, labels = data["title"].tolist(), data["label"].tolist()
    comparison = compare_models(titles, labels, kinds, folds)
    best = max(comparison, key=lambda kind: comparison[kind]["macro_f1"])
    kind: ModelKind = best  # type: ignore[assignment]
    model = build_pipeline(kind).fit(np.asarray(titles, dtype=object), np.asarray(labels))
    return TrainingResult(model=model, kind=kind, comparison=comparison)
