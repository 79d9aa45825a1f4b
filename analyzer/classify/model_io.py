"""Save and load the model with skops: no pickle, and only the types we know are loaded.

Beside each skops file, :func:`save_model` writes its exact export for fast inference,
``<name>.linear.npz`` (:mod:`analyzer.classify.linear`: NumPy arrays, no pickle), which
records the SHA-256 of the skops file it came from. :func:`load_predictor` uses it when that
hash still matches, so that classifying needs neither scikit-learn nor skops; the skops file
stays the model of record, and :func:`load_model` loads it for training and evaluation.
"""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from typing import Any

from analyzer.errors import ModelError
from analyzer.storage import file_sha256

__all__ = [
    "DEFAULT_MODEL_PATH",
    "load_model",
    "load_predictor",
    "save_model",
    "sidecar_path",
    "write_sidecar",
]

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "altitude.skops"

# Our own callables that a model may reference; everything else must be a type skops trusts.
_TRUSTED_EXTRA = frozenset({"analyzer.classify.pipeline.clean_titles"})
_TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.", "re.")


def sidecar_path(path: str | Path) -> Path:
    """Where the fast export of a skops model lives: ``altitude.skops`` -> ``altitude.linear.npz``.

    Example:
        >>> sidecar_path("models/altitude.skops").as_posix()
        'models/altitude.linear.npz'
    """
    return Path(path).with_suffix(".linear.npz")


def save_model(model: Any, path: str | Path) -> Path:
    """Write ``model`` to ``path`` in skops format (folders created as needed), and its exact
    linear export to :func:`sidecar_path` when the model is one (else no sidecar).

    Raises:
        ModelError: the file cannot be written.

    Example:
        >>> import tempfile
        >>> from sklearn.dummy import DummyClassifier
        >>> model = DummyClassifier().fit([[0], [1]], ["macro", "micro"])
        >>> save_model(model, Path(tempfile.mkdtemp()) / "mine.skops").name
        'mine.skops'
    """
    import skops.io as sio

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # The vocabularies are stored as JSON; deflate makes the file about ten times smaller.
        sio.dump(model, path, compression=zipfile.ZIP_DEFLATED, compresslevel=9)
    except OSError as exc:
        raise ModelError(f"cannot write model {path}: {exc.strerror or exc}") from None
    write_sidecar(model, path)
    return path


def write_sidecar(model: Any, path: str | Path) -> Path | None:
    """Export ``model``, saved at ``path``, to :func:`sidecar_path`; ``None`` when it cannot
    be exported (then any older sidecar is removed: it would not match anyway).

    Raises:
        ModelError: the file cannot be written.
    """
    from analyzer.classify.linear import LinearTitleModel, UnsupportedModelError

    path = Path(path)
    sidecar = sidecar_path(path)
    try:
        try:
            compact = LinearTitleModel.from_pipeline(model, source_sha256=file_sha256(path))
        except UnsupportedModelError:
            sidecar.unlink(missing_ok=True)
            return None
        return compact.save(sidecar)
    except OSError as exc:
        raise ModelError(f"cannot write model {sidecar}: {exc.strerror or exc}") from None


@functools.lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> Any:
    """Load a skops model, refusing any type outside scikit-learn, NumPy and Altitude.

    Raises:
        ModelError: the file is missing, unreadable or references untrusted types.
    """
    import skops.io as sio

    resolved = _existing(path)
    try:
        untrusted = sio.get_untrusted_types(file=resolved)
    except Exception as exc:
        raise ModelError(f"cannot read model {resolved}: not a skops file ({exc})") from None
    refused = [
        t for t in untrusted if t not in _TRUSTED_EXTRA and not t.startswith(_TRUSTED_PREFIXES)
    ]
    if refused:
        raise ModelError(f"model {resolved} holds untrusted types: {', '.join(sorted(refused))}")
    try:
        return sio.load(resolved, trusted=list(untrusted))
    except Exception as exc:
        raise ModelError(
            f"cannot load model {resolved} ({type(exc).__name__}): retrain with `altitude train`"
        ) from None


@functools.lru_cache(maxsize=4)
def load_predictor(path: str | Path | None = None) -> Any:
    """What classifying needs: ``predict_proba``, ``predict``, ``classes_`` and the word
    weights of :func:`analyzer.classify.contributions.title_terms`.

    That is the skops model's export (:class:`analyzer.classify.linear.LinearTitleModel`),
    read from its sidecar when the sidecar records the skops file's SHA-256, else exported
    after loading the skops file; a model that cannot be exported is returned as loaded.

    Raises:
        ModelError: as :func:`load_model`.
    """
    from analyzer.classify.linear import LinearTitleModel, as_linear

    resolved = _existing(path)
    sidecar = sidecar_path(resolved)
    if sidecar.is_file():
        try:
            compact = LinearTitleModel.load(sidecar)
            if compact.source_sha256 == file_sha256(resolved):
                return compact
        except (OSError, ValueError, zipfile.BadZipFile):
            pass  # unreadable or stale: the skops file decides
    model = load_model(path)
    return as_linear(model) or model


def _existing(path: str | Path | None) -> Path:
    resolved = Path(path) if path is not None else DEFAULT_MODEL_PATH
    if not resolved.is_file():
        raise ModelError(f"model {resolved} not found: reinstall Altitude or run `altitude train`")
    return resolved
