"""Exact, pickle-free inference for the linear title classifier, without scikit-learn.

``models/altitude.skops`` stays the model of record, but loading it imports scikit-learn and
skops: about two seconds and 200 MB before a single title is classified, for a prediction
that is a sparse dot product. :meth:`LinearTitleModel.from_pipeline` exports what prediction
needs into NumPy arrays, saved as ``.npz`` beside the skops file (no pickle, see
:mod:`analyzer.classify.model_io`), and :class:`LinearTitleModel` predicts from them with
NumPy alone, step by step as the pipeline does:

1. ``clean_titles``: :func:`analyzer.classify.clean.clean_title` of each title;
2. per hashed block, the ``HashingVectorizer`` analyzer: lower-case, then word tokens and
   word n-grams, or character n-grams of the text with runs of white space collapsed;
3. each n-gram's column: MurmurHash3 (x86, 32 bit, seed 0) of its UTF-8 bytes, absolute
   value modulo the block's width, as ``FeatureHasher`` computes it; counts per column;
4. ``TfidfTransformer``: ``1 + log(count)`` when sublinear, times the column's idf, then
   the L2 norm of the block;
5. per calibration fold, the score ``X · coefᵀ + intercept``, each class's sigmoid
   ``expit(-(a · score + b))``, normalised over the classes; the mean of the folds (or, for
   a logistic regression, its softmax / logistic function).

Only the columns seen in training are stored (the ``support``, about 60k of 2 x 2^18):
anywhere else every coefficient is zero and the idf is the block's default (that of a
feature never seen), which is all the L2 norm needs.

The export is exact, not an approximation: the same float64 operations in the same order.
The sums run as scikit-learn's do, by row and then by increasing column (``np.bincount``
adds its weights in order, like SciPy's sparse products), a column outside the support adds
an exact zero, and the one function computed by other code is ``exp`` (NumPy's instead of
the C library's, at most an ulp apart). ``tests/test_classify_linear.py`` compares the
probabilities with the skops pipeline's on every training and evaluation title.
"""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from analyzer.classify.clean import clean_title
from analyzer.storage import replace_atomically

__all__ = [
    "FORMAT",
    "Features",
    "HashedBlock",
    "LinearTitleModel",
    "UnsupportedModelError",
    "as_linear",
    "hash_columns",
    "murmurhash3_32",
]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
UIntArray = npt.NDArray[np.uint32]
ByteArray = npt.NDArray[np.uint8]
Kind = Literal["sigmoid", "logistic"]

FORMAT = 1  # version of the .npz layout; a reader refuses any other
_WHITE_SPACES = re.compile(r"\s\s+")  # what scikit-learn's char analyzer collapses
_CLEANERS = {"analyzer.classify.pipeline.clean_titles": "clean_titles"}
_LOGISTIC = frozenset({"LogisticRegression", "LogisticRegressionCV"})
# Estimators whose decision function is X @ coef.T + intercept (LinearClassifierMixin).
_LINEAR = _LOGISTIC | {"LinearSVC", "SGDClassifier", "RidgeClassifier", "RidgeClassifierCV"}


class UnsupportedModelError(ValueError):
    """The pipeline is not one :meth:`LinearTitleModel.from_pipeline` can export exactly."""


# --- MurmurHash3 ---------------------------------------------------------------------------

_C1 = np.uint32(0xCC9E2D51)
_C2 = np.uint32(0x1B873593)


def _rotl(x: UIntArray, r: int) -> UIntArray:
    return (x << np.uint32(r)) | (x >> np.uint32(32 - r))  # type: ignore[no-any-return]


def _mix(k: UIntArray) -> UIntArray:
    k = k * _C1
    k = _rotl(k, 15)
    return k * _C2  # type: ignore[no-any-return]


def _murmur_of_length(buf: ByteArray, starts: IntArray, length: int) -> UIntArray:
    """MurmurHash3_x86_32 (seed 0) of the byte strings ``buf[s : s + length]``, ``s`` in
    ``starts``: all of one length, so that each step runs once over all of them."""
    h = np.zeros(len(starts), np.uint32)
    data = buf[starts[:, np.newaxis] + np.arange(length)]
    n_blocks = length // 4
    if n_blocks:
        blocks = np.ascontiguousarray(data[:, : 4 * n_blocks]).view("<u4")
        for j in range(n_blocks):
            h ^= _mix(blocks[:, j])
            h = _rotl(h, 13) * np.uint32(5) + np.uint32(0xE6546B64)
    tail = data[:, 4 * n_blocks :].astype(np.uint32)
    if tail.shape[1]:
        k = np.zeros_like(h)
        for j in range(tail.shape[1]):
            k ^= tail[:, j] << np.uint32(8 * j)
        h ^= _mix(k)
    h ^= np.uint32(length & 0xFFFFFFFF)
    h ^= h >> np.uint32(16)
    h *= np.uint32(0x85EBCA6B)
    h ^= h >> np.uint32(13)
    h *= np.uint32(0xC2B2AE35)
    h ^= h >> np.uint32(16)
    return h


def _murmur(buf: ByteArray, starts: IntArray, lengths: IntArray) -> UIntArray:
    """Unsigned MurmurHash3 of each ``buf[start : start + length]``, grouped by length."""
    out = np.empty(len(starts), np.uint32)
    order = np.argsort(lengths, kind="stable")
    bounds = np.flatnonzero(np.diff(lengths[order])) + 1
    for group in np.split(order, bounds):
        if len(group):
            out[group] = _murmur_of_length(buf, starts[group], int(lengths[group[0]]))
    return out


def _utf8_offsets(text: str) -> IntArray:
    """Byte offset in ``text.encode("utf-8")`` of each character, and of the end."""
    if text.isascii():
        return np.arange(len(text) + 1, dtype=np.int64)
    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    width = 1 + (points >= 0x80).astype(np.int64) + (points >= 0x800) + (points >= 0x10000)
    return np.concatenate([np.zeros(1, np.int64), np.cumsum(width)])


def _utf8_spans(strings: Sequence[str]) -> tuple[ByteArray, IntArray, IntArray]:
    """The UTF-8 bytes of all ``strings`` end to end, and where each one starts and ends."""
    joined = "".join(strings)
    sizes = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    bounds = np.concatenate([np.zeros(1, np.int64), np.cumsum(sizes)])
    offsets = _utf8_offsets(joined)
    starts = offsets[bounds[:-1]]
    return np.frombuffer(joined.encode("utf-8"), np.uint8), starts, offsets[bounds[1:]] - starts


def murmurhash3_32(strings: Sequence[str]) -> npt.NDArray[np.int32]:
    """Signed MurmurHash3_x86_32, seed 0, of each string's UTF-8 bytes (vectorised).

    Equal to ``sklearn.utils.murmurhash.murmurhash3_32(s, seed=0)`` for every string.

    Example:
        >>> murmurhash3_32(["foo", "", "réunion"]).tolist()
        [-156908512, 0, 561536190]
    """
    return _murmur(*_utf8_spans(strings)).view(np.int32)


def _columns(hashes: UIntArray, n_features: int) -> IntArray:
    # abs(h) % n_features; FeatureHasher maps h = -2**31 to (2**31 - 1 - (n - 1)) % n, which
    # is the same number as 2**31 % n, what int64 arithmetic gives here.
    return np.abs(hashes.view(np.int32).astype(np.int64)) % n_features  # type: ignore[no-any-return]


def hash_columns(strings: Sequence[str], n_features: int) -> IntArray:
    """The column ``FeatureHasher(n_features, alternate_sign=False)`` gives each string.

    Example:
        >>> hash_columns(["board", "board prep"], 2**18).tolist()
        [242179, 119465]
    """
    return _columns(_murmur(*_utf8_spans(strings)), n_features)


# --- the model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class HashedBlock:
    """One ``HashingVectorizer`` -> ``TfidfTransformer`` block and where its columns start."""

    analyzer: Literal["word", "char"]
    ngram_range: tuple[int, int]
    token_pattern: str
    lowercase: bool
    n_features: int
    offset: int
    sublinear_tf: bool
    l2_norm: bool

    def preprocess(self, text: str) -> str:
        """The vectorizer's preprocessing: lower-case when it does."""
        return text.lower() if self.lowercase else text

    def grams(self, texts: Sequence[str]) -> tuple[IntArray, IntArray]:
        """``(text index, block column)`` of every n-gram the vectorizer makes of ``texts``."""
        if self.analyzer == "word":
            return self._word_grams(texts)
        return self._char_grams(texts)

    def _word_grams(self, texts: Sequence[str]) -> tuple[IntArray, IntArray]:
        low, high = self.ngram_range
        tokenize = re.compile(self.token_pattern).findall
        grams: list[str] = []
        counts = np.zeros(len(texts), np.int64)
        for index, text in enumerate(texts):
            tokens = tokenize(self.preprocess(text))
            before = len(grams)
            for n in range(low, high + 1):
                if n == 1:
                    grams.extend(tokens)
                else:
                    grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
            counts[index] = len(grams) - before
        owner = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
        return owner, hash_columns(grams, self.n_features)

    def _char_grams(self, texts: Sequence[str]) -> tuple[IntArray, IntArray]:
        # Windows over all texts end to end, as byte spans: no string per n-gram.
        prepared = [_WHITE_SPACES.sub(" ", self.preprocess(t)) for t in texts]
        joined = "".join(prepared)
        sizes = np.fromiter(map(len, prepared), dtype=np.int64, count=len(prepared))
        owner_of = np.repeat(np.arange(len(texts), dtype=np.int64), sizes)
        end_of = np.repeat(np.cumsum(sizes), sizes)
        position = np.arange(len(joined), dtype=np.int64)
        offsets = _utf8_offsets(joined)
        starts, lengths, owners = [], [], []
        low, high = self.ngram_range
        for n in range(low, high + 1):
            first = position[position + n <= end_of]
            starts.append(offsets[first])
            lengths.append(offsets[first + n] - offsets[first])
            owners.append(owner_of[first])
        buf = np.frombuffer(joined.encode("utf-8"), np.uint8)
        hashes = _murmur(buf, np.concatenate(starts), np.concatenate(lengths))
        return np.concatenate(owners), _columns(hashes, self.n_features)


@dataclass(frozen=True)
class Features:
    """A sparse feature matrix in CSR order: entry ``i`` is ``value[i]`` at
    ``(row[i], column[i])``, sorted by row, then column."""

    row: IntArray
    column: IntArray
    value: FloatArray
    n_rows: int


class LinearTitleModel:
    """Hashed TF-IDF features and a linear model, as NumPy arrays (see the module docstring).

    Attributes:
        kind: ``sigmoid`` (a sigmoid-calibrated linear classifier, one row of ``coef`` per
            calibration fold) or ``logistic`` (a logistic regression, one row).
        classes: the class labels, in the pipeline's order.
        blocks: the hashed blocks, in column order.
        clean: ``clean_titles`` when the pipeline starts with it, else ``None``.
        support: the stored columns, sorted; ``idf`` their idf, ``default_idf`` per block
            that of every other column.
        coef: ``(folds, outputs, len(support))``; ``intercept``: ``(folds, outputs)``.
        calibration: ``(folds, outputs, 2)``, each output's sigmoid ``(a, b)`` (sigmoid only).
        class_index: ``(folds, outputs)``, the class each output scores.
        source_sha256: SHA-256 of the skops file the model was exported from.
        sklearn_version: the scikit-learn that fitted it, for the record.
    """

    def __init__(
        self,
        *,
        kind: Kind,
        classes: Sequence[str],
        blocks: Sequence[HashedBlock],
        clean: str | None,
        support: IntArray,
        idf: FloatArray,
        default_idf: FloatArray,
        coef: FloatArray,
        intercept: FloatArray,
        calibration: FloatArray,
        class_index: IntArray,
        source_sha256: str = "",
        sklearn_version: str | None = None,
    ) -> None:
        self.kind: Kind = kind
        self.classes = [str(c) for c in classes]
        self.blocks = list(blocks)
        self.clean = clean
        self.support = np.asarray(support, np.int64)
        self.idf = np.asarray(idf, np.float64)
        self.default_idf = np.asarray(default_idf, np.float64)
        self.coef = np.asarray(coef, np.float64)
        self.intercept = np.asarray(intercept, np.float64)
        self.calibration = np.asarray(calibration, np.float64)
        self.class_index = np.asarray(class_index, np.int64)
        self.source_sha256 = source_sha256
        self.sklearn_version = sklearn_version
        self._check()

    def _check(self) -> None:
        folds, outputs, width = self.coef.shape
        n_classes = len(self.classes)
        ok = (
            self.kind in ("sigmoid", "logistic")
            and self.clean in (None, *_CLEANERS.values())
            and bool(self.blocks)
            and all(_valid(b) for b in self.blocks)
            and self.support.shape == self.idf.shape == (width,)
            and self.default_idf.shape == (len(self.blocks),)
            and self.intercept.shape == self.class_index.shape == (folds, outputs)
            and folds >= 1
            and n_classes >= 2
            and bool(np.all(np.diff(self.support) > 0))
            and bool(np.all((self.class_index >= 0) & (self.class_index < n_classes)))
        )
        if self.kind == "sigmoid":
            ok = ok and self.calibration.shape == (folds, outputs, 2)
        else:
            ok = ok and folds == 1 and outputs == (1 if n_classes == 2 else n_classes)
        if ok and len(self.support):
            ok = self.support[0] >= 0 and self.support[-1] < self.n_features
        offsets = [b.offset for b in self.blocks]
        ok = ok and offsets == list(np.cumsum([0] + [b.n_features for b in self.blocks[:-1]]))
        if not ok:
            raise ValueError("inconsistent linear title model")

    @property
    def classes_(self) -> npt.NDArray[Any]:
        """The class labels, like a fitted scikit-learn classifier's ``classes_``."""
        return np.asarray(self.classes, dtype=object)

    @property
    def n_features(self) -> int:
        """The width of the feature matrix: all blocks side by side."""
        return sum(b.n_features for b in self.blocks)

    # -- prediction ---------------------------------------------------------------------------

    def clean_titles(self, titles: Sequence[str] | npt.NDArray[Any]) -> list[str]:
        """The pipeline's first step: :func:`clean_title` of each title, when it has one."""
        raw = np.asarray(titles, dtype=object).ravel()
        if self.clean is None:
            return [str(t) for t in raw]
        return [clean_title(str(t)) for t in raw]

    def features(self, cleaned: Sequence[str]) -> Features:
        """The feature matrix of cleaned titles, as the pipeline's ``features`` step makes it."""
        rows, columns, values = [], [], []
        for number, block in enumerate(self.blocks):
            owner, column = block.grams(cleaned)
            key, counts = np.unique(owner * block.n_features + column, return_counts=True)
            row = key // block.n_features
            column = key % block.n_features + block.offset
            value = counts.astype(np.float64)
            if block.sublinear_tf:
                np.log(value, out=value)
                value += 1.0
            value *= self._idf(column, number)
            if block.l2_norm:
                norm = np.sqrt(np.bincount(row, weights=value * value, minlength=len(cleaned)))
                np.divide(value, norm[row], out=value, where=norm[row] != 0.0)
            rows.append(row)
            columns.append(column)
            values.append(value)
        row = np.concatenate(rows)
        order = np.argsort(row, kind="stable")  # blocks are in column order: CSR order
        return Features(
            row[order], np.concatenate(columns)[order], np.concatenate(values)[order], len(cleaned)
        )

    @cached_property
    def _position_of(self) -> npt.NDArray[np.int32]:
        """Each column's index in ``support``, -1 outside it (a 4-byte lookup per column)."""
        position = np.full(self.n_features, -1, np.int32)
        position[self.support] = np.arange(len(self.support), dtype=np.int32)
        return position

    def positions(self, columns: IntArray) -> tuple[IntArray, npt.NDArray[np.bool_]]:
        """Each column's index in ``support`` (0 outside it), and whether it is there."""
        at = self._position_of[columns].astype(np.int64)
        found = at >= 0
        at[~found] = 0
        return at, found

    def _idf(self, columns: IntArray, block: int) -> FloatArray:
        at, found = self.positions(columns)
        idf = self.idf[at] if len(self.idf) else np.zeros(len(at))
        return np.where(found, idf, self.default_idf[block])

    def decision_function(self, titles: Sequence[str] | npt.NDArray[Any]) -> FloatArray:
        """``(folds, titles, outputs)``: each fold's linear score ``X · coefᵀ + intercept``."""
        x = self.features(self.clean_titles(titles))
        at, found = self.positions(x.column)
        row, at, value = x.row[found], at[found], x.value[found]
        folds, outputs, _ = self.coef.shape
        scores = np.empty((folds, x.n_rows, outputs))
        for fold in range(folds):
            for output in range(outputs):
                weights = value * self.coef[fold, output, at]
                scores[fold, :, output] = np.bincount(row, weights=weights, minlength=x.n_rows)
            scores[fold] = scores[fold] + self.intercept[fold]
        return scores

    def predict_proba(self, titles: Sequence[str] | npt.NDArray[Any]) -> FloatArray:
        """Class probabilities per title, in the order of :attr:`classes_`."""
        scores = self.decision_function(titles)
        if self.kind == "logistic":
            return _logistic_proba(scores[0])
        n_titles, n_classes = scores.shape[1], len(self.classes)
        mean = np.zeros((n_titles, n_classes))
        for fold in range(len(scores)):
            proba = np.zeros((n_titles, n_classes))
            for output in range(scores.shape[2]):
                a, b = self.calibration[fold, output]
                calibrated = _expit(-(a * scores[fold, :, output] + b))
                proba[:, self.class_index[fold, output]] = calibrated
            if n_classes == 2:
                proba[:, 0] = 1.0 - proba[:, 1]
            else:
                denominator = np.sum(proba, axis=1)[:, np.newaxis]
                uniform = np.full_like(proba, 1 / n_classes)
                proba = np.divide(proba, denominator, out=uniform, where=denominator != 0)
            proba[(proba > 1.0) & (proba <= 1.0 + 1e-5)] = 1.0
            mean += proba
        mean /= len(scores)
        return mean

    def predict(self, titles: Sequence[str] | npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The most likely class of each title (as the pipeline's ``predict``)."""
        if self.kind == "logistic":
            scores = self.decision_function(titles)[0]
            best = (scores[:, 0] > 0).astype(np.int64) if scores.shape[1] == 1 else scores.argmax(1)
        else:
            best = self.predict_proba(titles).argmax(axis=1)
        return self.classes_[best]  # type: ignore[no-any-return]

    @cached_property
    def mean_linear(self) -> tuple[FloatArray, FloatArray]:
        """``(coef (classes x support), intercept)``: the folds' mean, one row per class.

        A binary model's single row scores the second class; its negation scores the first.
        """
        coef = np.mean(self.coef, axis=0)
        intercept = np.mean(self.intercept, axis=0)
        if coef.shape[0] == 1 and len(self.classes) == 2:
            coef = np.vstack([-coef, coef])
            intercept = np.concatenate([-intercept, intercept])
        return coef, intercept

    # -- export and files -------------------------------------------------------------------

    @classmethod
    def from_pipeline(cls, pipeline: Any, source_sha256: str = "") -> LinearTitleModel:
        """Export a fitted pipeline ``[clean_titles ->] hashed TF-IDF blocks -> linear model``.

        The final step may be a sigmoid-calibrated linear classifier (``CalibratedClassifierCV``
        of ``LinearSVC``, ...) or a logistic regression.

        Raises:
            UnsupportedModelError: any other pipeline (it is then used through scikit-learn).
        """
        try:
            return cls._export(pipeline, source_sha256)
        except UnsupportedModelError:
            raise
        except (AttributeError, IndexError, TypeError, ValueError) as exc:  # unfitted, odd
            raise UnsupportedModelError(f"cannot export the pipeline: {exc!r}") from None

    @classmethod
    def _export(cls, pipeline: Any, source_sha256: str) -> LinearTitleModel:
        steps = list(getattr(pipeline, "steps", None) or [])
        if not steps or not _is(pipeline, "Pipeline"):
            raise UnsupportedModelError("not a scikit-learn Pipeline")
        clean = None
        if _is(steps[0][1], "FunctionTransformer"):
            clean = _cleaner(steps.pop(0)[1])
        if len(steps) != 2:
            raise UnsupportedModelError("expected the steps [clean ->] features -> model")
        blocks, idf = _export_blocks(steps[0][1])
        kind, classes, folds = _export_final(steps[1][1])
        width = sum(b.n_features for b in blocks)
        coef = np.stack([f[0] for f in folds])
        if coef.shape[2] != width:
            raise UnsupportedModelError(f"{coef.shape[2]} coefficients for {width} features")
        defaults = np.array([_mode(values) for values in idf])
        seen = [
            np.flatnonzero(v != d) + b.offset for v, d, b in zip(idf, defaults, blocks, strict=True)
        ]
        used = np.flatnonzero(np.any(coef != 0.0, axis=(0, 1)))
        support = np.union1d(np.concatenate(seen), used).astype(np.int64)
        return cls(
            kind=kind,
            classes=classes,
            blocks=blocks,
            clean=clean,
            support=support,
            idf=np.concatenate(idf)[support],
            default_idf=defaults,
            coef=np.ascontiguousarray(coef[:, :, support]),
            intercept=np.stack([f[1] for f in folds]),
            calibration=np.stack([f[2] for f in folds]),
            class_index=np.stack([f[3] for f in folds]),
            source_sha256=source_sha256,
            sklearn_version=getattr(sys.modules.get("sklearn"), "__version__", None),
        )

    def save(self, path: str | Path) -> Path:
        """Write the model to ``path`` (``.npz``, arrays only), atomically.

        Raises:
            OSError: the file cannot be written.
        """
        meta = {
            "format": FORMAT,
            "kind": self.kind,
            "classes": self.classes,
            "clean": self.clean,
            "blocks": [asdict(b) for b in self.blocks],
            "source_sha256": self.source_sha256,
            "sklearn_version": self.sklearn_version,
        }
        arrays = {
            "meta": np.frombuffer(json.dumps(meta, sort_keys=True).encode("utf-8"), np.uint8),
            "support": self.support.astype(np.int32 if self.n_features < 2**31 else np.int64),
            "idf": self.idf,
            "default_idf": self.default_idf,
            "coef": self.coef,
            "intercept": self.intercept,
            "calibration": self.calibration,
            "class_index": self.class_index.astype(np.int32),
        }
        path = Path(path)
        replace_atomically(path, _npz(arrays), honour_umask=True)
        return path

    @classmethod
    def load(cls, path: str | Path) -> LinearTitleModel:
        """Read a model written by :meth:`save` (never unpickles anything).

        Raises:
            OSError: the file cannot be read.
            ValueError: it is not such a model, or of another format version.
        """
        try:
            with np.load(Path(path), allow_pickle=False) as data:
                arrays = {name: data[name] for name in data.files}
            meta = json.loads(arrays.pop("meta").tobytes().decode("utf-8"))
            if meta.get("format") != FORMAT:
                raise ValueError(f"format {meta.get('format')!r}, expected {FORMAT}")
            blocks = [
                HashedBlock(**{**b, "ngram_range": tuple(b["ngram_range"])}) for b in meta["blocks"]
            ]
            return cls(
                kind=meta["kind"],
                classes=meta["classes"],
                blocks=blocks,
                clean=meta["clean"],
                source_sha256=str(meta["source_sha256"]),
                sklearn_version=meta.get("sklearn_version"),
                support=arrays["support"],
                idf=arrays["idf"],
                default_idf=arrays["default_idf"],
                coef=arrays["coef"],
                intercept=arrays["intercept"],
                calibration=arrays["calibration"],
                class_index=arrays["class_index"],
            )
        except (
            KeyError,
            TypeError,
            AttributeError,
            EOFError,
            zipfile.BadZipFile,
            zlib.error,
        ) as exc:
            raise ValueError(f"not a linear title model: {exc!r}") from None


def _npz(arrays: dict[str, npt.NDArray[Any]]) -> bytes:
    """``np.savez_compressed`` of ``arrays``, byte for byte the same for the same arrays
    (the archive's dates are fixed), so that re-exporting a model changes no file."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as stream:
                np.lib.format.write_array(stream, array, allow_pickle=False)
    return buffer.getvalue()


def _valid(block: HashedBlock) -> bool:
    """Whether a block (perhaps read from a file) is one :class:`HashedBlock` can compute."""
    low, high = block.ngram_range
    return (
        block.analyzer in ("word", "char")
        and all(type(n) is int for n in (low, high, block.n_features, block.offset))
        and 1 <= low <= high
        and block.n_features >= 1
        and isinstance(block.token_pattern, str)
    )


def as_linear(model: Any) -> LinearTitleModel | None:
    """``model`` itself, or its export when it is a supported pipeline, else ``None``."""
    if isinstance(model, LinearTitleModel):
        return model
    try:
        return LinearTitleModel.from_pipeline(model)
    except UnsupportedModelError:
        return None


def _expit(x: FloatArray) -> FloatArray:
    """SciPy's ``expit``: ``1 / (1 + exp(-x))``."""
    return 1.0 / (1.0 + np.exp(-x))  # type: ignore[no-any-return]


def _logistic_proba(scores: FloatArray) -> FloatArray:
    """``LogisticRegression.predict_proba`` from its decision function."""
    if scores.shape[1] == 1:  # binary: the score of the second class
        p = _expit(scores[:, 0])
        return np.stack([1 - p, p], axis=1)
    scores = scores - np.max(scores, axis=1).reshape((-1, 1))
    np.exp(scores, out=scores)
    scores /= np.sum(scores, axis=1).reshape((-1, 1))
    return scores


# --- export helpers: scikit-learn objects are recognised by name, never imported ------------


def _is(obj: Any, name: str) -> bool:
    cls = type(obj)
    return cls.__name__ == name and cls.__module__.startswith("sklearn.")


def _cleaner(step: Any) -> str:
    func = getattr(step, "func", None)
    name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', '')}"
    if name not in _CLEANERS or step.kw_args or step.validate:
        raise UnsupportedModelError(f"unknown first step {name}")
    return _CLEANERS[name]


def _export_blocks(features: Any) -> tuple[list[HashedBlock], list[FloatArray]]:
    if _is(features, "FeatureUnion"):
        if features.transformer_weights:
            raise UnsupportedModelError("weighted FeatureUnion")
        parts = [part for _, part in features.transformer_list]
    else:
        parts = [features]
    blocks: list[HashedBlock] = []
    idfs: list[FloatArray] = []
    offset = 0
    for part in parts:
        steps = [s for _, s in part.steps] if _is(part, "Pipeline") else [part]
        hasher, tfidf = steps[0], steps[1] if len(steps) == 2 else None
        if not _is(hasher, "HashingVectorizer") or len(steps) > 2:
            raise UnsupportedModelError("features other than hashed n-grams")
        if tfidf is not None and not _is(tfidf, "TfidfTransformer"):
            raise UnsupportedModelError(f"unsupported step {type(tfidf).__name__}")
        plain = (
            hasher.analyzer in ("word", "char")
            and hasher.input == "content"
            and hasher.preprocessor is None
            and hasher.tokenizer is None
            and hasher.stop_words is None
            and not hasher.strip_accents
            and not hasher.binary
            and not hasher.alternate_sign
            and hasher.norm is None
            and np.dtype(hasher.dtype) == np.float64
            and (hasher.analyzer == "char" or re.compile(hasher.token_pattern).groups == 0)
        )
        if not plain or (tfidf is not None and tfidf.norm not in ("l2", None)):
            raise UnsupportedModelError("a HashingVectorizer or TfidfTransformer option")
        n_features = int(hasher.n_features)
        low, high = (int(n) for n in hasher.ngram_range)
        blocks.append(
            HashedBlock(
                analyzer=hasher.analyzer,
                ngram_range=(low, high),
                token_pattern=str(hasher.token_pattern),
                lowercase=bool(hasher.lowercase),
                n_features=n_features,
                offset=offset,
                sublinear_tf=bool(tfidf is not None and tfidf.sublinear_tf),
                l2_norm=bool(tfidf is not None and tfidf.norm == "l2"),
            )
        )
        idf = np.ones(n_features)
        if tfidf is not None and tfidf.use_idf:
            idf = np.asarray(tfidf.idf_, np.float64)  # AttributeError when not fitted
        idfs.append(idf)
        offset += n_features
    return blocks, idfs


Fold = tuple[FloatArray, FloatArray, FloatArray, IntArray]


def _export_final(final: Any) -> tuple[Kind, list[str], list[Fold]]:
    """The kind, classes and ``(coef, intercept, calibration, class index)`` per fold."""
    classes = [str(c) for c in getattr(final, "classes_", [])]
    if _is(final, "CalibratedClassifierCV"):
        if final.method != "sigmoid":
            raise UnsupportedModelError(f"calibration method {final.method!r}")
        folds = []
        for calibrated in final.calibrated_classifiers_:
            coef, intercept = _linear(calibrated.estimator)
            own = [str(c) for c in calibrated.estimator.classes_]
            index = [classes.index(c) for c in own][: len(coef)]
            if len(classes) == 2:  # binary: the one output scores the second class
                index = [i + 1 for i in index]
            sigmoid = calibrated.calibrators
            if len(sigmoid) != len(coef) or not all(_is(s, "_SigmoidCalibration") for s in sigmoid):
                raise UnsupportedModelError("calibrators other than sigmoids")
            calibration = np.array([[float(s.a_), float(s.b_)] for s in sigmoid])
            folds.append((coef, intercept, calibration, np.array(index, np.int64)))
        return "sigmoid", classes, folds
    if type(final).__name__ in _LOGISTIC and _is(final, type(final).__name__):
        coef, intercept = _linear(final)
        index = [1] if len(coef) == 1 else list(range(len(coef)))
        if len(coef) != (1 if len(classes) == 2 else len(classes)):
            raise UnsupportedModelError("a logistic regression of unexpected shape")
        return "logistic", classes, [(coef, intercept, np.zeros((0, 2)), np.array(index))]
    raise UnsupportedModelError(f"final step {type(final).__name__} is not supported")


def _linear(estimator: Any) -> tuple[FloatArray, FloatArray]:
    name = type(estimator).__name__
    if name not in _LINEAR or not _is(estimator, name):
        raise UnsupportedModelError(f"{name} is not a supported linear classifier")
    coef = estimator.coef_
    coef = np.asarray(coef.toarray() if hasattr(coef, "toarray") else coef, np.float64)
    intercept = np.broadcast_to(np.asarray(estimator.intercept_, np.float64), (len(coef),))
    return coef, np.array(intercept)


def _mode(values: FloatArray) -> float:
    """The most frequent value: the idf of every column never seen in training."""
    distinct, counts = np.unique(values, return_counts=True)
    return float(distinct[np.argmax(counts)])
