"""Where Altitude keeps files of its own: the user cache folder and the code fingerprint."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

from analyzer._version import __version__

__all__ = [
    "code_fingerprint",
    "default_cache_dir",
    "file_sha256",
    "replace_atomically",
    "write_atomically",
]

# Libraries whose upgrade can change a result (occurrences, labels, pixels).
_LIBRARIES = (
    "icalendar",
    "recurring-ical-events",
    "x-wr-timezone",
    "python-dateutil",
    "tzdata",
    "numpy",
    "pandas",
    "scikit-learn",
    "skops",
    "matplotlib",
    "rich",
    "click",
)
_PACKAGE = Path(__file__).resolve().parent


def default_cache_dir() -> Path:
    """``$ALTITUDE_CACHE_DIR``, else the user cache folder (``~/.cache/altitude`` on Linux)."""
    override = os.environ.get("ALTITUDE_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("altitude", appauthor=False))


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes, read in blocks (raises OSError like ``open``)."""
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


@cache
def code_fingerprint(
    folders: tuple[str, ...] = (".",), libraries: tuple[str, ...] = _LIBRARIES
) -> str:
    """A hash of Altitude's source in ``folders`` and the versions of ``libraries``.

    Part of every cache key: a code change invalidates the cache even without a new version.
    The parse cache hashes only the reading layer and its libraries, which is cheap.
    """
    digest = hashlib.sha256(__version__.encode())
    for folder in folders:
        for path in sorted((_PACKAGE / folder).rglob("*")):  # code and data files
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.relative_to(_PACKAGE).as_posix().encode())
                digest.update(path.read_bytes())
    for name in libraries:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=absent".encode())
    return digest.hexdigest()


def replace_atomically(path: Path, data: bytes, honour_umask: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``.

    Readers see the old file or the new one, never half of one; folders are created as
    needed. The temporary file is named ``.<name>.<random>``. ``mkstemp`` creates it 0600;
    with ``honour_umask`` it gets the usual permissions instead (reports a user shares).

    Raises:
        OSError: the folder or the file cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        if honour_umask:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_atomically(path: Path, data: bytes) -> bool:
    """Write a cache file atomically; False if it failed.

    A cache that cannot be written is simply not used: no error reaches the user.
    """
    try:
        replace_atomically(path, data)
    except OSError:
        return False
    return True
