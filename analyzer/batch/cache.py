"""The batch cache: a person's finished result, keyed by the hashes of everything it depends on."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import time
from pathlib import Path
from typing import Any

from analyzer.batch.person import PersonResult, PersonTask
from analyzer.render.files import write_bytes
from analyzer.storage import code_fingerprint, file_sha256

__all__ = ["ResultCache", "file_sha256"]

_MAX_AGE_S = 30 * 24 * 3600
_FOLDER = "batch"


class ResultCache:
    """Finished :class:`PersonResult` objects on disk, one gzip'd JSON file per key.

    Entries are written atomically; an unreadable, corrupt or mismatched entry is treated as
    missing (and rewritten after the person is recomputed). ``folder=None`` disables it.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.hits = 0
        self.misses = 0

    def key(self, task: PersonTask, extra: dict[str, Any]) -> str:
        """The cache key of ``task``: every input's hash, every option, the code fingerprint."""
        options = task.options
        document = {
            "code": code_fingerprint(),
            "sources": [[s.name, hashlib.sha256(s.data).hexdigest()] for s in task.sources],
            "options": {
                "tz": options.tz,
                "start": str(options.start),
                "end": str(options.end),
                "me": list(options.me),
                "overlap": options.overlap,
                "threshold": options.threshold,
                "rules": file_sha256(options.rules) if options.rules else None,
            },
            "formats": list(task.formats),
            "rolling": task.rolling,
            "band": list(task.band) if task.band else None,
            **extra,
        }
        text = json.dumps(document, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / _FOLDER / key[:2] / f"{key}.json.gz"

    def get(self, key: str) -> PersonResult | None:
        """The cached result for ``key``, or None (counted as a miss)."""
        if self.folder is None:
            return None
        try:
            document = json.loads(gzip.decompress(self._path(key).read_bytes()))
            if document.get("cache_key") != key:
                raise ValueError("key mismatch")
            result = PersonResult.from_json(document["result"])
        except (OSError, EOFError, ValueError, KeyError, TypeError, AttributeError):
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(self._path(key))  # recently used: kept by prune()
        return result

    def put(self, key: str, result: PersonResult) -> None:
        """Store ``result`` unless it is not cacheable; an unwritable cache is skipped."""
        if self.folder is None or not result.cacheable:
            return
        document = {"cache_key": key, "result": result.to_json()}
        data = gzip.compress(json.dumps(document).encode("utf-8"), compresslevel=5, mtime=0)
        try:
            write_bytes(self._path(key), data)
        except Exception:  # a full or read-only cache must not fail the batch
            return

    def prune(self) -> None:
        """Delete entries not used for 30 days."""
        if self.folder is None:
            return
        cutoff = time.time() - _MAX_AGE_S
        for path in (self.folder / _FOLDER).glob("*/*.json.gz"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
            except OSError:
                continue
