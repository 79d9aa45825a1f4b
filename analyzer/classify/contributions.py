"""Why the model chose a label: each word's share of a linear model's score for that label.

The features are hashed, so there is no vocabulary to read weights from. Instead each title
is analysed into the very word and character n-grams the pipeline hashes, each n-gram is
hashed again to find its column, and its contribution is its TF-IDF value times the label's
coefficient in that column. Contributions are then given to the words they come from:

- a word n-gram is shared equally between its words ("board prep" gives half to each);
- a character n-gram is shared between the words by how many of its characters fall in each
  (" 1:1" is mostly "1:1"); characters outside every word (spaces, "/") go to ``other``;
- n-grams that land in the same column (a repeated n-gram, a hash collision) split it equally.

The word weights, ``other`` and the intercept add up exactly to the model's score for the
label. For a calibrated SVM the coefficients are the average over its calibration folds, so
the weights explain the averaged score; the confidence shown beside them is the calibrated
probability. Models that are not linear over these features get no weights (``None``).

All of it runs on the model's NumPy export (:class:`analyzer.classify.linear.LinearTitleModel`,
which also computes the TF-IDF values and the columns), so explaining a title needs neither
scikit-learn nor SciPy; a scikit-learn pipeline is exported first.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from analyzer.classify.linear import HashedBlock, LinearTitleModel, as_linear, hash_columns

__all__ = ["TitleTerms", "linear_weights", "title_terms"]

FloatArray = npt.NDArray[np.float64]
_RUNS_OF_SPACE = re.compile(r"\s\s+")  # what scikit-learn's char analyzer collapses


@dataclass(frozen=True)
class TitleTerms:
    """The words behind one title's score for ``label``, largest absolute weight first."""

    label: str
    terms: tuple[tuple[str, float], ...]
    other: float  # characters outside every word
    intercept: float

    @property
    def score(self) -> float:
        """The model's score for ``label``: every weight plus ``other`` and the intercept."""
        return sum(w for _, w in self.terms) + self.other + self.intercept


def linear_weights(model: Any) -> tuple[list[str], FloatArray, FloatArray] | None:
    """``(classes, coefficients (classes x features), intercepts)`` of a linear pipeline.

    Logistic regression gives its coefficients; a calibrated classifier the average of its
    folds' estimators. ``None`` when the final step is not linear (naive Bayes, ...).
    """
    if isinstance(model, LinearTitleModel):
        support_coef, intercept = model.mean_linear
        coef = np.zeros((len(support_coef), model.n_features))
        coef[:, model.support] = support_coef
        return list(model.classes), coef, intercept
    final = model.steps[-1][1] if hasattr(model, "steps") else model
    if hasattr(final, "calibrated_classifiers_"):
        estimators = [c.estimator for c in final.calibrated_classifiers_]
    else:
        estimators = [final]
    if not all(hasattr(e, "coef_") and hasattr(e, "intercept_") for e in estimators):
        return None
    coef = np.mean([_dense(e.coef_) for e in estimators], axis=0)
    intercept = np.mean([np.asarray(e.intercept_, dtype="float64") for e in estimators], axis=0)
    classes = [str(c) for c in final.classes_]
    if coef.shape[0] == 1 and len(classes) == 2:  # binary: one row scores the second class
        coef = np.vstack([-coef, coef])
        intercept = np.concatenate([-intercept, intercept])
    return classes, coef, intercept


def title_terms(
    model: Any, titles: Sequence[str], labels: Sequence[str]
) -> list[TitleTerms] | None:
    """The word weights of each title towards its label (see the module docstring).

    Args:
        model: a :class:`~analyzer.classify.linear.LinearTitleModel`, or a fitted pipeline
            ``clean -> features -> linear model`` (as built by
            :func:`analyzer.classify.pipeline.build_pipeline`), which is exported to one.
        titles: raw titles.
        labels: the label to explain for each title (usually the predicted one).

    Returns:
        One :class:`TitleTerms` per title, or ``None`` when the model is not linear over
        hashed n-grams.
    """
    linear = as_linear(model)
    if linear is None or not titles:
        return None if linear is None else []
    classes = linear.classes
    coef, intercept = linear.mean_linear
    blocks = linear.blocks
    cleaned = linear.clean_titles(list(titles))
    matrix = linear.features(cleaned)
    label_rows = np.array([classes.index(str(label)) for label in labels], dtype=np.int64)

    word_pattern = re.compile(_word_pattern(blocks))
    preprocess = blocks[0].preprocess
    token_text: list[str] = []
    token_title: list[int] = []
    occ_title: list[npt.NDArray[np.int64]] = []
    block_grams: list[list[str]] = [[] for _ in blocks]
    block_of: list[npt.NDArray[np.int64]] = []
    attribution: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]] = []
    n_occ = 0
    for index, text in enumerate(cleaned):
        prepared = _RUNS_OF_SPACE.sub(" ", preprocess(text))
        spans = [(m.start(), m.end()) for m in word_pattern.finditer(prepared)]
        first_token = len(token_text)
        token_text.extend(prepared[s:e] for s, e in spans)
        token_title.extend([index] * len(spans))
        for number, block in enumerate(blocks):
            grams, rows, cols, share = _ngrams(block, prepared, spans)
            if not grams:
                continue
            block_grams[number].extend(grams)
            block_of.append(np.full(len(grams), number, np.int64))
            occ_title.append(np.full(len(grams), index, np.int64))
            attribution.append((rows + n_occ, cols + first_token, share))
            n_occ += len(grams)
    if n_occ == 0:
        return [TitleTerms(classes[r], (), 0.0, float(intercept[r])) for r in label_rows]
    title_of = np.concatenate(occ_title)
    which = np.concatenate(block_of)
    column = np.zeros(n_occ, np.int64)
    for number, block in enumerate(blocks):
        if block_grams[number]:
            column[which == number] = (
                hash_columns(block_grams[number], block.n_features) + block.offset
            )
    # Several n-grams of one title in one column share that column's value equally.
    width = linear.n_features
    key = title_of * width + column
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    stored = matrix.row * width + matrix.column  # sorted: the matrix is in CSR order
    at = np.minimum(np.searchsorted(stored, key), max(len(stored) - 1, 0))
    values = np.where(stored[at] == key, matrix.value[at], 0.0) if len(stored) else 0.0 * key
    position, found = linear.positions(column)
    weight = np.where(found, coef[label_rows[title_of], position], 0.0)
    contribution = values * weight / counts[inverse]
    rows = np.concatenate([a[0] for a in attribution])
    cols = np.concatenate([a[1] for a in attribution])
    share = np.concatenate([a[2] for a in attribution])
    per_token = _shared_out(rows, cols, share, contribution, max(1, len(token_text)))
    per_title = np.bincount(title_of, weights=contribution, minlength=len(cleaned))
    token_sum = np.bincount(
        np.array(token_title, np.int64),
        weights=per_token[: len(token_text)],
        minlength=len(cleaned),
    )
    result = []
    by_title: list[dict[str, float]] = [{} for _ in cleaned]
    for text, owner, weight_of in zip(token_text, token_title, per_token, strict=False):
        by_title[owner][text] = by_title[owner].get(text, 0.0) + float(weight_of)
    for index, words in enumerate(by_title):
        ranked = tuple(sorted(words.items(), key=lambda item: (-abs(item[1]), item[0])))
        row = label_rows[index]
        other = float(per_title[index] - token_sum[index])
        result.append(TitleTerms(classes[row], ranked, other, float(intercept[row])))
    return result


def _shared_out(
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    share: FloatArray,
    contribution: FloatArray,
    n_tokens: int,
) -> FloatArray:
    """Each token's total: ``Σ share(n-gram, token) x contribution(n-gram)``.

    The (n-gram, token) entries are summed first, then the products are added n-gram by
    n-gram: the order of the sparse product ``shares.T @ contribution`` this replaces.
    """
    key = rows * n_tokens + cols
    order = np.argsort(key, kind="stable")
    pairs, inverse = np.unique(key[order], return_inverse=True)
    summed = np.bincount(inverse, weights=share[order], minlength=len(pairs))
    occurrence = pairs // n_tokens
    weights = summed * contribution[occurrence]
    return np.asarray(np.bincount(pairs % n_tokens, weights, n_tokens), dtype=np.float64)


def _dense(coef: Any) -> FloatArray:
    return np.asarray(coef.toarray() if hasattr(coef, "toarray") else coef, dtype="float64")


def _word_pattern(blocks: Sequence[HashedBlock]) -> str:
    words = [b for b in blocks if b.analyzer == "word"]
    return words[0].token_pattern if words else r"(?u)\b\w+\b"


def _ngrams(
    vectorizer: Any, text: str, spans: list[tuple[int, int]]
) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int64], FloatArray]:
    """The n-grams the vectorizer makes of ``text`` and how each is shared between words.

    Returns the n-gram strings and the (n-gram, word, share) entries of the sharing matrix.
    """
    low, high = vectorizer.ngram_range
    if vectorizer.analyzer == "word":
        grams: list[str] = []
        rows: list[int] = []
        cols: list[int] = []
        share: list[float] = []
        words = [text[s:e] for s, e in spans]
        for n in range(low, high + 1):
            for first in range(len(words) - n + 1):
                row = len(grams)
                grams.append(" ".join(words[first : first + n]))
                rows += [row] * n
                cols += list(range(first, first + n))
                share += [1.0 / n] * n
        return (
            grams,
            np.array(rows, np.int64),
            np.array(cols, np.int64),
            np.array(share, "float64"),
        )
    owner = np.full(len(text), -1, np.int64)
    for number, (start, end) in enumerate(spans):
        owner[start:end] = number
    grams = []
    parts = []
    for n in range(low, min(high, len(text)) + 1):
        windows = np.lib.stride_tricks.sliding_window_view(owner, n)
        base = len(grams)
        grams += [text[i : i + n] for i in range(len(text) - n + 1)]
        inside = windows >= 0
        counts = inside.sum(axis=1)
        row_index, position = np.nonzero(inside)
        parts.append(
            (
                row_index.astype(np.int64) + base,
                windows[row_index, position],
                1.0 / counts[row_index],
            )
        )
    if not parts:
        empty = np.zeros(0, np.int64)
        return [], empty, empty, np.zeros(0, "float64")
    return (
        grams,
        np.concatenate([p[0] for p in parts]),
        np.concatenate([p[1] for p in parts]),
        np.concatenate([p[2] for p in parts]).astype("float64"),
    )
