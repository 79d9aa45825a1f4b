"""The model's NumPy export: exact against scikit-learn, pickle-free, and all `report` needs."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction import FeatureHasher
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.svm import LinearSVC
from sklearn.utils.murmurhash import murmurhash3_32 as sklearn_murmurhash3_32

import analyzer.classify.model_io as model_io
from analyzer.classify.contributions import (
    _RUNS_OF_SPACE,
    TitleTerms,
    _ngrams,
    linear_weights,
    title_terms,
)
from analyzer.classify.linear import (
    LinearTitleModel,
    UnsupportedModelError,
    _columns,
    _murmur,
    hash_columns,
    murmurhash3_32,
)
from analyzer.classify.model_io import (
    DEFAULT_MODEL_PATH,
    load_model,
    load_predictor,
    save_model,
    sidecar_path,
)
from analyzer.classify.pipeline import build_pipeline, clean_titles

ROOT = Path(__file__).resolve().parents[1]
SIDECAR = sidecar_path(DEFAULT_MODEL_PATH)
ODD = ["", "   ", "🚀🚀 ✨", "\t\n", "x" * 500, ("Réunion d'équipe Q3/Q4 " * 25)[:500], "a", "1:1"]


def _strings() -> list[str]:
    rng = np.random.default_rng(7)
    alphabet = (
        list("abcXYZ 019:'&+-/") + list("éüßçñ") + list("中文日本語") + ["🚀", "😀", "\u0301"]
    )
    drawn = ["".join(rng.choice(alphabet, size=n)) for n in range(41) for _ in range(12)]
    return ["", "a", "ab", "abc", "abcd", "board prep", "Réunion", "会議", "🚀", *drawn]


def test_murmurhash_is_sklearns() -> None:
    strings = _strings()
    assert murmurhash3_32(strings).tolist() == [sklearn_murmurhash3_32(s, seed=0) for s in strings]


def _key_hashing_to(target: int) -> bytes:
    """The 4-byte key whose MurmurHash3 (seed 0) is ``target``: the hash inverted."""
    mask = 0xFFFFFFFF

    def rotr(x: int, r: int) -> int:
        return ((x >> r) | (x << (32 - r))) & mask

    def unshift(x: int, s: int) -> int:  # inverse of x ^= x >> s
        result = x
        for _ in range(32 // s + 1):
            result = x ^ (result >> s)
        return result & mask

    h = target & mask
    h = unshift(h, 16)
    h = (h * pow(0xC2B2AE35, -1, 2**32)) & mask
    h = unshift(h, 13)
    h = (h * pow(0x85EBCA6B, -1, 2**32)) & mask
    h = unshift(h, 16) ^ 4  # the length
    mixed = rotr(((h - 0xE6546B64) * pow(5, -1, 2**32)) & mask, 13)
    k = (rotr((mixed * pow(0x1B873593, -1, 2**32)) & mask, 15) * pow(0xCC9E2D51, -1, 2**32)) & mask
    return k.to_bytes(4, "little")


@pytest.mark.parametrize("n_features", [2**18, 1000, 7])
def test_columns_are_feature_hashers(n_features: int) -> None:
    strings = _strings()
    hasher = FeatureHasher(n_features=n_features, input_type="string", alternate_sign=False)
    expected = sparse.csr_matrix(hasher.transform([[s] for s in strings])).indices
    assert hash_columns(strings, n_features).tolist() == expected.tolist()
    # The one hash whose absolute value overflows: FeatureHasher special-cases it.
    key = _key_hashing_to(-(2**31))
    assert sklearn_murmurhash3_32(key, seed=0) == -(2**31)
    buf = np.frombuffer(key, np.uint8)
    ours = _columns(_murmur(buf, np.array([0]), np.array([4])), n_features)
    assert ours.tolist() == sparse.csr_matrix(hasher.transform([[key]])).indices.tolist()


@pytest.fixture(scope="module")
def pipeline() -> object:
    return load_model()


@pytest.fixture(scope="module")
def compact() -> LinearTitleModel:
    return LinearTitleModel.load(SIDECAR)


def _all_titles() -> list[str]:
    files = [
        ROOT / "tests" / "data" / "eval_titles.csv",
        *(ROOT / "data" / "training").glob("*.csv"),
    ]
    titles = [t for f in files for t in pd.read_csv(f, dtype=str, keep_default_na=False)["title"]]
    return titles + ODD


def test_shipped_export_predicts_exactly_like_the_skops_pipeline(
    pipeline: object, compact: LinearTitleModel
) -> None:
    titles = np.asarray(_all_titles(), dtype=object)
    expected = pipeline.predict_proba(titles)  # type: ignore[attr-defined]
    found = compact.predict_proba(titles)
    assert found.shape == expected.shape
    assert np.abs(found - expected).max() <= 1e-9
    assert (found.argmax(axis=1) == expected.argmax(axis=1)).all()
    assert list(compact.predict(titles)) == list(pipeline.predict(titles))  # type: ignore[attr-defined]
    assert list(compact.classes_) == list(pipeline.classes_)  # type: ignore[attr-defined]


def test_sidecar_belongs_to_the_shipped_skops_file(compact: LinearTitleModel) -> None:
    digest = hashlib.sha256(DEFAULT_MODEL_PATH.read_bytes()).hexdigest()
    assert compact.source_sha256 == digest
    load_predictor.cache_clear()
    assert isinstance(load_predictor(), LinearTitleModel)


def test_sidecar_holds_plain_arrays_only() -> None:
    with np.load(SIDECAR, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    assert all(a.dtype != object for a in arrays.values())
    meta = json.loads(arrays["meta"].tobytes())
    assert meta["classes"] == ["macro", "micro", "other"]
    assert [b["analyzer"] for b in meta["blocks"]] == ["word", "char"]


def _copy_model(tmp_path: Path) -> Path:
    path = tmp_path / "model.skops"
    shutil.copyfile(DEFAULT_MODEL_PATH, path)
    return path


def test_a_stale_or_broken_sidecar_falls_back_to_the_skops_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    titles, labels = _tiny()
    model = _small("logreg").fit(titles, labels)
    path = save_model(model, tmp_path / "mine.skops")
    stale = LinearTitleModel.load(sidecar_path(path))
    stale.source_sha256 = "0" * 64  # exported from another skops file
    stale.save(sidecar_path(path))
    loaded: list[object] = []
    real = model_io.load_model

    def spy(where: object = None) -> object:
        loaded.append(where)
        return real(where)  # type: ignore[arg-type]

    monkeypatch.setattr(model_io, "load_model", spy)
    load_predictor.cache_clear()
    fresh = load_predictor(path)
    assert loaded == [path]
    assert isinstance(fresh, LinearTitleModel)  # exported again, from the skops file
    assert fresh.predict_proba(PROBE).tolist() == model.predict_proba(PROBE).tolist()
    sidecar_path(path).write_bytes(b"not a zip")
    load_predictor.cache_clear()
    assert isinstance(load_predictor(path), LinearTitleModel)
    assert loaded == [path, path]


def test_a_matching_sidecar_is_used_without_the_skops_model(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compact: LinearTitleModel
) -> None:
    path = _copy_model(tmp_path)
    compact.save(sidecar_path(path))

    def fail(*args: object) -> None:
        raise AssertionError("the sidecar should have answered")

    monkeypatch.setattr(model_io, "load_model", fail)
    assert isinstance(load_predictor(path), LinearTitleModel)


def _reference_title_terms(model: object, titles: list[str], labels: list[str]) -> list[TitleTerms]:
    """Word weights as computed before the export existed: the pipeline's own features and
    scikit-learn's FeatureHasher (the sparse algebra of analyzer.classify.contributions)."""
    classes, coef, intercept = linear_weights(model)  # type: ignore[misc]
    steps = dict(model.steps)  # type: ignore[attr-defined]
    parts = [p.named_steps["hash"] for _, p in steps["features"].transformer_list]
    offsets = np.cumsum([0] + [p.n_features for p in parts])
    cleaned = [str(t) for t in steps["clean"].transform(titles)]
    matrix = sparse.csr_matrix(steps["features"].transform(cleaned))
    label_rows = np.array([classes.index(label) for label in labels])
    pattern = re.compile(parts[0].token_pattern)
    preprocess = parts[0].build_preprocessor()
    token_text: list[str] = []
    token_title: list[int] = []
    occ_title, columns, attribution = [], [], []
    n_occ = 0
    for index, text in enumerate(cleaned):
        prepared = _RUNS_OF_SPACE.sub(" ", preprocess(text))
        spans = [(m.start(), m.end()) for m in pattern.finditer(prepared)]
        first_token = len(token_text)
        token_text.extend(prepared[s:e] for s, e in spans)
        token_title.extend([index] * len(spans))
        for vectorizer, offset in zip(parts, offsets, strict=False):
            grams, rows, cols, share = _ngrams(vectorizer, prepared, spans)
            if not grams:
                continue
            hasher = FeatureHasher(vectorizer.n_features, input_type="string", alternate_sign=False)
            hashed = sparse.csr_matrix(hasher.transform([[g] for g in grams]))
            columns.append(hashed.indices.astype(np.int64) + offset)
            occ_title.append(np.full(len(grams), index))
            attribution.append((rows + n_occ, cols + first_token, share))
            n_occ += len(grams)
    if n_occ == 0:
        return [TitleTerms(classes[r], (), 0.0, float(intercept[r])) for r in label_rows]
    title_of = np.concatenate(occ_title)
    column = np.concatenate(columns)
    _, inverse, counts = np.unique(
        title_of * matrix.shape[1] + column, return_inverse=True, return_counts=True
    )
    values = np.asarray(matrix[title_of, column], dtype="float64").ravel()
    contribution = values * coef[label_rows[title_of], column] / counts[inverse]
    rows = np.concatenate([a[0] for a in attribution])
    cols = np.concatenate([a[1] for a in attribution])
    share = np.concatenate([a[2] for a in attribution])
    shares = sparse.csr_matrix((share, (rows, cols)), shape=(n_occ, max(1, len(token_text))))
    per_token = shares.T @ contribution
    per_title = np.bincount(title_of, weights=contribution, minlength=len(cleaned))
    token_sum = np.bincount(
        np.array(token_title, np.int64),
        weights=per_token[: len(token_text)],
        minlength=len(cleaned),
    )
    by_title: list[dict[str, float]] = [{} for _ in cleaned]
    for text, owner, weight in zip(token_text, token_title, per_token, strict=False):
        by_title[owner][text] = by_title[owner].get(text, 0.0) + float(weight)
    result = []
    for index, words in enumerate(by_title):
        ranked = tuple(sorted(words.items(), key=lambda item: (-abs(item[1]), item[0])))
        row = label_rows[index]
        other = float(per_title[index] - token_sum[index])
        result.append(TitleTerms(classes[row], ranked, other, float(intercept[row])))
    return result


def test_title_terms_of_the_export_are_the_pipelines(
    pipeline: object, compact: LinearTitleModel
) -> None:
    everything = _all_titles()
    sample = [everything[i] for i in range(0, len(everything), 23)] + ODD
    sample += ["Updated invitation: Dana / Priya 1:1", "sync sync sync", "M&A — Q3/Q4 (JIRA-4821)"]
    labels = [str(label) for label in compact.predict(sample)]
    expected = _reference_title_terms(pipeline, sample, labels)
    for found in (title_terms(compact, sample, labels), title_terms(pipeline, sample, labels)):
        assert found is not None
        for mine, theirs in zip(found, expected, strict=True):
            assert mine.label == theirs.label
            assert mine.intercept == theirs.intercept
            assert [w for w, _ in mine.terms] == [w for w, _ in theirs.terms]
            assert [v for _, v in mine.terms] == pytest.approx(
                [v for _, v in theirs.terms], abs=1e-12
            )
            assert mine.other == pytest.approx(theirs.other, abs=1e-12)


def _tiny() -> tuple[list[str], list[str]]:
    rows = {
        "macro": ["Board meeting", "Strategy offsite", "Investor update", "Vision workshop"],
        "micro": ["Sprint standup", "Code review", "1:1 with Sam", "Expense approvals"],
        "other": ["Lunch", "Gym", "Flight to Oslo", "Dentist"],
    }
    pairs = [(title, label) for label, titles in rows.items() for title in titles]
    return [t for t, _ in pairs], [label for _, label in pairs]


PROBE = ["Board standup", "Lunch with investors", "Gym", "", "Strategy review 1:1", "🚀"]


def _small(final: str, words_only: bool = False, tfidf: bool = True) -> Pipeline:
    """A pipeline like the shipped one, in 2^10 columns per block so that it fits at once."""

    def block(vectorizer: HashingVectorizer) -> Pipeline:
        steps = [("hash", vectorizer)]
        return Pipeline(
            [*steps, ("tfidf", TfidfTransformer(sublinear_tf=True))] if tfidf else steps
        )

    words = block(
        HashingVectorizer(
            ngram_range=(1, 2),
            token_pattern=r"(?u)\b\w[\w:'&+-]*\b|1:1",
            n_features=2**10,
            alternate_sign=False,
            norm=None,
        )
    )
    chars = block(
        HashingVectorizer(
            analyzer="char", ngram_range=(3, 5), n_features=2**10, alternate_sign=False, norm=None
        )
    )
    features = words if words_only else FeatureUnion([("words", words), ("chars", chars)])
    model = (
        LogisticRegression(C=8, max_iter=3000)
        if final == "logreg"
        else CalibratedClassifierCV(LinearSVC(C=0.5), cv=3, method="sigmoid")
    )
    clean = FunctionTransformer(clean_titles)
    return Pipeline([("clean", clean), ("features", features), ("model", model)])


@pytest.mark.parametrize(
    ("final", "classes", "words_only", "tfidf"),
    [
        ("logreg", 3, False, True),
        ("logreg", 2, False, True),
        ("logreg", 3, True, False),
        ("svm", 3, True, True),
        ("svm", 2, False, False),
    ],
)
def test_other_linear_pipelines_export_exactly(
    final: str, classes: int, words_only: bool, tfidf: bool
) -> None:
    titles, labels = _tiny()
    if classes == 2:
        labels = ["other" if label == "other" else "work" for label in labels]
    titles, labels = titles * 2, labels * 2  # three calibration folds need six of each
    model = _small(final, words_only, tfidf).fit(titles, labels)
    compact = LinearTitleModel.from_pipeline(model)
    assert np.abs(compact.predict_proba(PROBE) - model.predict_proba(PROBE)).max() <= 1e-12
    assert list(compact.predict(PROBE)) == list(model.predict(PROBE))
    labels = [str(label) for label in model.predict(PROBE)]
    found = title_terms(compact, PROBE, labels)
    assert found is not None
    linear = linear_weights(model)
    assert linear is not None
    scores = np.asarray(model[:-1].transform(PROBE) @ linear[1].T) + linear[2]
    for terms, label, row in zip(found, labels, scores, strict=True):
        assert terms.score == pytest.approx(row[linear[0].index(label)], abs=1e-9)


def test_non_linear_models_are_not_exported(tmp_path: Path) -> None:
    titles, labels = _tiny()
    bayes = build_pipeline("nb-words").fit(titles, labels)
    with pytest.raises(UnsupportedModelError):
        LinearTitleModel.from_pipeline(bayes)
    with pytest.raises(UnsupportedModelError):
        LinearTitleModel.from_pipeline(build_pipeline("logreg"))  # not fitted
    path = save_model(bayes, tmp_path / "bayes.skops")
    assert not sidecar_path(path).exists()
    assert load_predictor(path) is load_model(path)  # used through scikit-learn


def test_save_model_writes_a_matching_sidecar(tmp_path: Path) -> None:
    titles, labels = _tiny()
    model = _small("svm").fit(titles * 2, labels * 2)
    path = save_model(model, tmp_path / "mine.skops")
    compact = LinearTitleModel.load(sidecar_path(path))
    assert compact.source_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert compact.predict_proba(PROBE).tolist() == model.predict_proba(PROBE).tolist()


_NO_SKLEARN = """
import sys
from analyzer.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    assert not stop.code, stop.code
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("sklearn", "skops", "scipy"))
print("HEAVY", heavy, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args",
    [
        ["report", "data/samples/ceo_google.ics", "--format", "json", "--no-cache"],
        ["report", "data/samples/ceo_google.ics", "--format", "json"],
        ["explain", "Board prep", "Updated invitation: Dana / Priya 1:1"],
    ],
)
def test_report_and_explain_import_no_sklearn(tmp_path: Path, args: list[str]) -> None:
    env = {**os.environ, "ALTITUDE_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-c", _NO_SKLEARN, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stderr, done.stderr
