"""Write outputs atomically: a temporary file, then a rename, so no reader sees half a file."""

from __future__ import annotations

from pathlib import Path

from analyzer.errors import OutputError
from analyzer.storage import replace_atomically

__all__ = ["write_bytes", "write_text"]


def write_bytes(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically, creating folders as needed.

    Raises:
        OutputError: the file or its folder cannot be written.
    """
    path = Path(path)
    try:
        replace_atomically(path, data, honour_umask=True)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def write_text(path: str | Path, text: str) -> Path:
    """Write UTF-8 ``text`` to ``path`` atomically."""
    return write_bytes(path, text.encode("utf-8"))
