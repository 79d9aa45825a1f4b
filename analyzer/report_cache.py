"""Finished reports remembered by everything that went into them.

Asking again for the same report on unchanged calendars returns the stored text without
reading, classifying or even importing pandas. The key is the SHA-256 of: every input's
name and bytes; every option; the bytes of the files options point at (rules,
corrections, the model and its export); Altitude's own files and the versions of the
libraries it uses; the machine's time zone; and the current quarter of an hour in UTC,
because a report without explicit dates is relative to "today" in the report's zone and
no zone's date changes within a UTC quarter-hour. Entries are JSON, written atomically;
an unreadable or mismatched entry is a miss. Only text outputs are kept (not HTML or
charts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from analyzer.calendars.sources import CalendarSource
from analyzer.storage import code_fingerprint, default_cache_dir, file_sha256, write_atomically

__all__ = ["CachedReport", "ReportCache"]

_FOLDER = "reports"
_QUARTER_HOUR_S = 15 * 60


def _file_digest(path: Path | None) -> str | None:
    if path is None:
        return None
    try:
        return file_sha256(path)
    except OSError:
        return "unreadable"


class CachedReport:
    """A stored report: its text and the warnings that went with it."""

    def __init__(self, text: str, warnings: Sequence[str]) -> None:
        self.text = text
        self.warnings = list(warnings)


class ReportCache:
    """Reports on disk under the user cache folder; ``ReportCache(None)`` never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / _FOLDER if folder is not None else None

    @classmethod
    def default(cls, enabled: bool = True) -> ReportCache:
        """The user cache folder (``$ALTITUDE_CACHE_DIR`` overrides), or a disabled cache."""
        return cls(default_cache_dir() if enabled else None)

    def key(
        self,
        sources: Sequence[CalendarSource],
        settings: Mapping[str, Any],
        files: Sequence[Path | None],
        zone: str,
        now: dt.datetime | None = None,
    ) -> str:
        """The key of a report on ``sources`` with ``settings`` (any JSON-able values; other
        values count by ``str``), ``files`` the settings point at, in machine zone ``zone``.

        Example:
            >>> cache = ReportCache(None)
            >>> one = CalendarSource("a.ics", b"BEGIN:VCALENDAR")
            >>> at = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
            >>> cache.key([one], {"format": "json"}, [], "UTC", at) == cache.key(
            ...     [one], {"format": "csv"}, [], "UTC", at)
            False
        """
        now = now or dt.datetime.now(dt.UTC)
        document = {
            "code": code_fingerprint(),
            "sources": [[s.name, hashlib.sha256(s.data).hexdigest()] for s in sources],
            "settings": dict(sorted(settings.items())),
            "files": [_file_digest(path) for path in files],
            "zone": zone,
            "quarter_hour": int(now.timestamp()) // _QUARTER_HOUR_S,
        }
        text = json.dumps(document, sort_keys=True, default=str, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()

    def _path(self, key: str) -> Path | None:
        return None if self.folder is None else self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> CachedReport | None:
        """The report stored under ``key``, or None."""
        path = self._path(key)
        if path is None:
            return None
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            if document["key"] != key:
                return None
            return CachedReport(str(document["text"]), [str(w) for w in document["warnings"]])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, report: CachedReport) -> None:
        """Store ``report`` under ``key`` (a cache that cannot be written is no error)."""
        path = self._path(key)
        if path is None:
            return
        document = {"key": key, "text": report.text, "warnings": report.warnings}
        write_atomically(path, json.dumps(document).encode("utf-8"))
