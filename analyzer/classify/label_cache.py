"""Remember the model's answers per title, so a warm report needs no model at all.

Even the model's fast export (:func:`analyzer.classify.model_io.load_predictor`) takes a
moment to load, and titles repeat from one report to the next. Answers are keyed by the
SHA-256 of the model file, so a retrained model starts afresh, and stored as JSON
(probabilities per class) in the user cache.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from analyzer.classify.contributions import TitleTerms, title_terms
from analyzer.classify.model_io import DEFAULT_MODEL_PATH, load_predictor
from analyzer.storage import default_cache_dir, file_sha256, write_atomically

__all__ = ["CachedModel"]


class CachedModel:
    """Behaves like the fitted pipeline for ``predict_proba``; loads it only on a miss."""

    def __init__(self, path: str | Path | None = None, folder: Path | None = None) -> None:
        self.path = Path(path) if path is not None else DEFAULT_MODEL_PATH
        self.folder = (folder or default_cache_dir()) / "labels"

    @cached_property
    def _file(self) -> Path:
        try:
            digest = file_sha256(self.path)[:24]
        except OSError:
            digest = "missing"
        return self.folder / f"{digest}.json"

    @cached_property
    def _stored(self) -> dict[str, Any]:
        try:
            data = json.loads(self._file.read_text(encoding="utf-8"))
            if isinstance(data.get("classes"), list) and isinstance(data.get("answers"), dict):
                return data  # type: ignore[no-any-return]
        except (OSError, ValueError, AttributeError):
            pass
        return {"classes": None, "answers": {}}

    @property
    def classes_(self) -> npt.NDArray[Any]:
        classes = self._stored["classes"]
        if classes is None:
            classes = [str(c) for c in load_predictor(self.path).classes_]
        return np.asarray(classes, dtype=object)

    def predict_proba(self, titles: Sequence[str] | npt.NDArray[Any]) -> npt.NDArray[np.float64]:
        """Class probabilities per title: from the cache, the rest from the model."""
        keys = [str(t) for t in np.asarray(titles, dtype=object).ravel()]
        answers: dict[str, list[float]] = self._stored["answers"]
        missing = sorted({k for k in keys if k not in answers})
        if missing:
            model = load_predictor(self.path)
            stored_classes = self._stored["classes"]
            classes = [str(c) for c in model.classes_]
            if stored_classes not in (None, classes):  # a different model behind this hash
                answers.clear()
                missing = sorted(set(keys))
            self._stored["classes"] = classes
            rows = model.predict_proba(np.asarray(missing, dtype=object))
            answers.update(
                {k: [float(p) for p in row] for k, row in zip(missing, rows, strict=True)}
            )
            write_atomically(self._file, json.dumps(self._stored).encode("utf-8"))
        return np.array([answers[k] for k in keys], dtype=np.float64).reshape(len(keys), -1)

    def title_terms(self, titles: Sequence[str], labels: Sequence[str]) -> list[TitleTerms] | None:
        """Word weights per title towards its label (:func:`title_terms`), cached beside the
        probabilities so that explaining a warm report needs no model either."""
        if self._stored.get("linear") is False:
            return None
        stored: dict[str, Any] = self._stored.setdefault("terms", {})
        keys = [str(t) for t in titles]
        wanted = [str(label) for label in labels]
        missing = {
            k: label
            for k, label in zip(keys, wanted, strict=True)
            if stored.get(k, {}).get("label") != label
        }
        if missing:
            found = title_terms(load_predictor(self.path), list(missing), list(missing.values()))
            if found is None:
                self._stored["linear"] = False
            else:
                for key, terms in zip(missing, found, strict=True):
                    stored[key] = {
                        "label": terms.label,
                        "terms": [[word, weight] for word, weight in terms.terms],
                        "other": terms.other,
                        "intercept": terms.intercept,
                    }
            write_atomically(self._file, json.dumps(self._stored).encode("utf-8"))
            if found is None:
                return None
        return [
            TitleTerms(
                str(entry["label"]),
                tuple((str(word), float(weight)) for word, weight in entry["terms"]),
                float(entry["other"]),
                float(entry["intercept"]),
            )
            for entry in (stored[k] for k in keys)
        ]
