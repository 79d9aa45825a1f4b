"""Save and load the model with skops: no pickle, and only the types we know are loaded."""

from __future__ import annotations

import functools
import zipfile
from pathlib import Path
from typing import Any

from analyzer.errors import ModelError

__all__ = ["DEFAULT_MODEL_PATH", "load_model", "save_model"]

DEFAULT_MODEL_PATH = Path(__file__).resolve().parents[2] / "models" / "altitude.skops"

# Our own callables that a model may reference; everything else must be a type skops trusts.
_TRUSTED_EXTRA = frozenset({"analyzer.classify.pipeline.clean_titles"})
_TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "builtins.", "re.")


def save_model(model: Any, path: str | Path) -> Path:
    """Write ``model`` to ``path`` in skops format (folders created as needed).

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
    return path


@functools.lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> Any:
    """Load a skops model, refusing any type outside scikit-learn, NumPy and Altitude.

    Raises:
        ModelError: the file is missing, unreadable or references untrusted types.
    """
    import skops.io as sio

    resolved = Path(path) if path is not None else DEFAULT_MODEL_PATH
    if not resolved.is_file():
        raise ModelError(f"model {resolved} not found: reinstall Altitude or run `altitude train`")
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
