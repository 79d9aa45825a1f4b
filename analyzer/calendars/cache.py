"""The parse cache: headers and expansions of a calendar, keyed by the hash of its bytes.

Parsing and expanding are most of a report's cost; a second report on an unchanged file
reads compact columns from the user cache folder instead. Entries are written atomically
(a temporary file, then a rename), so concurrent runs never see half an entry; an entry
that cannot be read is ignored and rewritten. Keys include a fingerprint of the reading
code and of the libraries it uses, so an upgrade never serves stale results. No pickle:
numbers are stored with NumPy (``allow_pickle=False``) and text as JSON.
"""

from __future__ import annotations

import dataclasses
import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from analyzer.calendars.expand import ComponentProblem, Expansion
from analyzer.calendars.parse import CalendarHeader
from analyzer.calendars.table import ComponentFacts, OccurrenceTable
from analyzer.storage import code_fingerprint, default_cache_dir, write_atomically

__all__ = ["ParseCache", "cache_usage", "clear_cache"]

_LIBRARIES = ("icalendar", "recurring-ical-events", "x-wr-timezone", "tzdata")
_COLUMNS = ("start", "end", "anchor", "all_day", "component")
_FACT_FIELDS = tuple(f.name for f in dataclasses.fields(ComponentFacts) if f.name != "calendar")
_FOLDER = "parse"
_FOLDERS = (_FOLDER, "labels", "batch", "reports")  # every cache this module can list and clear


def _fingerprint() -> str:
    return code_fingerprint(("calendars",), _LIBRARIES)[:16]


class ParseCache:
    """Headers and expansions on disk; ``ParseCache(None)`` is a cache that never hits."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder / _FOLDER if folder is not None else None

    @classmethod
    def default(cls, enabled: bool = True) -> ParseCache:
        """The user cache folder (``$ALTITUDE_CACHE_DIR`` overrides), or a disabled cache."""
        return cls(default_cache_dir() if enabled else None)

    def _path(self, digest: str, suffix: str) -> Path | None:
        if self.folder is None:
            return None
        return self.folder / digest[:2] / f"{digest}-{_fingerprint()}{suffix}"

    def get_header(self, digest: str) -> CalendarHeader | None:
        path = self._path(digest, ".header.json")
        data = _read(path)
        if data is None:
            return None
        try:
            raw = json.loads(data)
            return CalendarHeader(
                calname=raw["calname"],
                timezone=raw["timezone"],
                addresses=tuple((str(a), int(n)) for a, n in raw["addresses"]),
            )
        except (ValueError, KeyError, TypeError):
            _forget(path)
            return None

    def put_header(self, digest: str, header: CalendarHeader) -> None:
        data = json.dumps(dataclasses.asdict(header)).encode()
        _write(self._path(digest, ".header.json"), data)

    def get_expansion(self, digest: str, span: str, calendar: str) -> Expansion | None:
        path = self._path(digest, f"-{span}.npz")
        data = _read(path)
        if data is None:
            return None
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
                columns = {name: arrays[name] for name in _COLUMNS}
                meta = json.loads(arrays["meta"].tobytes())
            components = [
                ComponentFacts(
                    **{
                        **fields,
                        "calendar": calendar,
                        "attendees": _pairs(fields),
                        "not_people": tuple(str(a) for a in fields.get("not_people", ())),
                    }
                )
                for fields in meta["components"]
            ]
            problems = [ComponentProblem(calendar, uid, reason) for uid, reason in meta["problems"]]
            table = OccurrenceTable(components=components, **columns)
        except (ValueError, KeyError, TypeError, OSError, zipfile.BadZipFile):
            _forget(path)
            return None
        return Expansion(table, problems)

    def put_expansion(self, digest: str, span: str, expansion: Expansion) -> None:
        table = expansion.table
        meta = {
            # Shallow on purpose: dataclasses.asdict deep-copies, a cost per component.
            "components": [
                {name: getattr(c, name) for name in _FACT_FIELDS} for c in table.components
            ],
            "problems": [[p.uid, p.reason] for p in expansion.problems],
        }
        buffer = io.BytesIO()
        np.savez(
            buffer,
            meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
            **{name: getattr(table, name) for name in _COLUMNS},
        )
        _write(self._path(digest, f"-{span}.npz"), buffer.getvalue())


def _pairs(fields: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    return tuple((str(a), str(p)) for a, p in fields["attendees"])


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def _forget(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)


def _write(path: Path | None, data: bytes) -> None:
    if path is not None:
        write_atomically(path, data)


def cache_usage(folder: Path | None = None) -> tuple[int, int]:
    """How many files and bytes the caches (parse and labels) hold."""
    root = folder or default_cache_dir()
    sizes = [p.stat().st_size for sub in _FOLDERS for p in (root / sub).rglob("*") if p.is_file()]
    return len(sizes), sum(sizes)


def clear_cache(folder: Path | None = None) -> tuple[int, int]:
    """Delete every cache entry (parse and labels); returns (files, bytes) removed."""
    root = folder or default_cache_dir()
    files = removed = 0
    for sub in _FOLDERS:
        base = root / sub
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*"), reverse=True):
            if path.is_dir():
                path.rmdir()
            else:
                removed += path.stat().st_size
                files += 1
                path.unlink()
        base.rmdir()
    return files, removed
