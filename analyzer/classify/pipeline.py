"""The classifier: cleaned title -> TF-IDF words + character n-grams -> linear model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC

from analyzer.classify.clean import clean_title

__all__ = ["MODEL_KINDS", "ModelKind", "build_pipeline", "clean_titles"]

ModelKind = Literal["logreg", "svm-calibrated", "logreg-words", "nb-words"]
MODEL_KINDS: tuple[ModelKind, ...] = ("logreg", "svm-calibrated", "logreg-words", "nb-words")


def clean_titles(titles: Sequence[str] | Any) -> list[str]:
    """Vectorised :func:`clean_title`, the first step of every pipeline."""
    return [clean_title(str(t)) for t in np.asarray(titles, dtype=object).ravel()]


# Hashed n-grams, then TF-IDF weights: no vocabulary to store or look up, so the model is
# small, loads fast and classifies > 20k titles a second (benchmarks/RESULTS.md).
_BUCKETS = 2**18


def _words() -> Pipeline:
    hashed = HashingVectorizer(
        analyzer="word",
        ngram_range=(1, 2),
        token_pattern=r"(?u)\b\w[\w:'&+-]*\b|1:1",
        n_features=_BUCKETS,
        alternate_sign=False,
        norm=None,
    )
    return Pipeline([("hash", hashed), ("tfidf", TfidfTransformer(sublinear_tf=True))])


def _chars() -> Pipeline:
    hashed = HashingVectorizer(
        analyzer="char", ngram_range=(3, 5), n_features=_BUCKETS, alternate_sign=False, norm=None
    )
    return Pipeline([("hash", hashed), ("tfidf", TfidfTransformer(sublinear_tf=True))])


def build_pipeline(kind: ModelKind = "logreg", c: float = 8.0) -> Pipeline:
    """A fresh, unfitted pipeline of the given kind (the candidates the model card compares).

    Example:
        >>> build_pipeline("logreg").steps[0][0]
        'clean'
    """
    clean = ("clean", FunctionTransformer(clean_titles))
    both = ("features", FeatureUnion([("words", _words()), ("chars", _chars())]))
    if kind == "logreg":
        return Pipeline([clean, both, ("model", LogisticRegression(C=c, max_iter=3000))])
    if kind == "svm-calibrated":
        svm = CalibratedClassifierCV(LinearSVC(C=c / 16), cv=3, method="sigmoid")
        return Pipeline([clean, both, ("model", svm)])
    if kind == "logreg-words":
        words = ("features", _words())
        return Pipeline([clean, words, ("model", LogisticRegression(C=c, max_iter=3000))])
    if kind == "nb-words":
        return Pipeline([clean, ("features", _words()), ("model", ComplementNB(alpha=0.3))])
    raise ValueError(f"unknown model kind {kind!r}")
