"""Find calendar bytes in files, folders, Google Takeout zips and standard input."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from analyzer.errors import InputError

__all__ = ["CalendarSource", "read_sources"]

_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class CalendarSource:
    """The raw bytes of one calendar and the name it is reported under."""

    name: str
    data: bytes


def read_sources(
    paths: Sequence[str | Path], stdin: BinaryIO | None = None
) -> list[CalendarSource]:
    """Read every calendar named by ``paths``.

    Args:
        paths: ``.ics`` files, folders (every ``.ics`` inside, recursively), Google Takeout
            ``.zip`` files (every ``.ics`` inside) or ``"-"`` for standard input.
        stdin: where ``"-"`` reads from (default: ``sys.stdin.buffer``).

    Returns:
        One :class:`CalendarSource` per calendar, in a stable order.

    Raises:
        InputError: a path is missing, unreadable, an empty folder or a corrupt zip.
    """
    if not paths:
        raise InputError("no calendar given: name an .ics file, a folder, a .zip or -")
    sources: list[CalendarSource] = []
    for raw in paths:
        if str(raw) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            sources.append(CalendarSource("<stdin>", stream.read()))
            continue
        path = Path(raw)
        if path.is_dir():
            sources.extend(_read_folder(path))
        else:
            data = _read_bytes(path)
            if data.startswith(_ZIP_MAGIC) or path.suffix.lower() == ".zip":
                sources.extend(_read_zip(path, data))
            else:
                sources.append(CalendarSource(str(path), data))
    return sources


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"cannot read {path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"cannot read {path}: is a directory") from None
    except PermissionError:
        raise InputError(f"cannot read {path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_folder(folder: Path) -> list[CalendarSource]:
    files = sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() == ".ics")
    if not files:
        raise InputError(f"cannot read {folder}: the folder holds no .ics file")
    return [CalendarSource(str(p), _read_bytes(p)) for p in files]


def _read_zip(path: Path, data: bytes) -> list[CalendarSource]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = sorted(_ics_members(archive.infolist()))
            if not names:
                raise InputError(f"cannot read {path}: the zip holds no .ics file")
            return [CalendarSource(f"{path}!{name}", archive.read(name)) for name in names]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise InputError(f"cannot read {path}: not a readable zip file ({exc})") from None
    except (RuntimeError, NotImplementedError) as exc:  # encrypted or unsupported compression
        raise InputError(f"cannot read {path}: {exc}") from None


def _ics_members(infos: Iterable[zipfile.ZipInfo]) -> Iterable[str]:
    for info in infos:
        if not info.is_dir() and info.filename.lower().endswith(".ics"):
            yield info.filename
