"""The dated output folder: atomic writes, leftovers of killed runs swept, stale files pruned."""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from pathlib import Path

from analyzer.errors import OutputError
from analyzer.render.files import write_bytes

__all__ = ["RunFolder"]

# analyzer.render.files.write_bytes writes ".<name>.<8 random characters>" and renames it;
# a run killed with SIGKILL can leave one such file behind.
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}$")
MANIFEST = "manifest.json"


class RunFolder:
    """Writes a run's files under ``folder`` and remembers what it wrote (path, sha256, size).

    Every file is written to a temporary name and renamed, so a reader never sees half a
    report. ``manifest.json`` is removed when a run starts and written last, so its presence
    means the run finished.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, tuple[str, int]] = {}
        self._previous: set[str] = set()

    def begin(self) -> None:
        """Create the folder, sweep temporary files left by a killed run, drop the old manifest.

        Raises:
            OutputError: the folder cannot be created.
        """
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"cannot write {self.folder}: {exc.strerror or exc}") from None
        for path in self.folder.rglob(".*"):
            if path.is_file() and _TEMPORARY.match(path.name):
                path.unlink(missing_ok=True)
        manifest = self.folder / MANIFEST
        with contextlib.suppress(OSError, ValueError, AttributeError):
            self._previous = set(json.loads(manifest.read_text(encoding="utf-8"))["files"])
        manifest.unlink(missing_ok=True)

    def write(self, relative: str, data: bytes, record: bool = True) -> str:
        """Write ``data`` at ``relative`` atomically (skipped when the bytes are already there).

        Raises:
            OutputError: the file cannot be written.
        """
        path = self.folder / relative
        unchanged = False
        with contextlib.suppress(OSError):
            unchanged = path.is_file() and path.read_bytes() == data
        if not unchanged:
            write_bytes(path, data)
        if record:
            self.files[relative] = (hashlib.sha256(data).hexdigest(), len(data))
        return relative

    def prune(self) -> None:
        """Delete files the previous run of the same day wrote and this one did not."""
        for relative in sorted(self._previous - set(self.files)):
            path = (self.folder / relative).resolve()
            if path.is_relative_to(self.folder.resolve()) and path.is_file():
                path.unlink()
