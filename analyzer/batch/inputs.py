"""Read each person's calendars once, in the calling process, and hash them for the manifest."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from analyzer.batch.config import Person
from analyzer.calendars.sources import CalendarSource, read_sources
from analyzer.errors import InputError

__all__ = ["InputRecord", "PersonInputs", "cross_duplicates", "read_inputs"]


@dataclass(frozen=True)
class InputRecord:
    """One calendar as read: its name, content hash and size."""

    name: str
    sha256: str
    size: int
    duplicate_of: str | None = None


@dataclass
class PersonInputs:
    """A person's readable calendars (deduplicated) and those that could not be read."""

    sources: list[CalendarSource] = field(default_factory=list)
    records: list[InputRecord] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def read_inputs(person: Person, folder: Path) -> PersonInputs:
    """Read every calendar of ``person``; a bad one is recorded, never raised.

    Names are shown relative to ``folder`` (the config's), so reports do not depend on where
    the config lives. A calendar whose bytes equal one already read is counted once.

    Args:
        person: the person from the config.
        folder: the config file's folder.

    Returns:
        The sources to analyse, their records, and the failures.
    """
    inputs = PersonInputs()
    seen: dict[str, str] = {}
    for path in person.calendars:
        try:
            sources = read_sources([path])
        except InputError as exc:
            inputs.failed.append((_display(str(path), folder), _relative(exc.message, folder)))
            continue
        for source in sources:
            name = _display(source.name, folder)
            digest = hashlib.sha256(source.data).hexdigest()
            first = seen.get(digest)
            inputs.records.append(InputRecord(name, digest, len(source.data), first))
            if first is not None:
                inputs.warnings.append(f"{name} is identical to {first} (counted once)")
                continue
            seen[digest] = name
            inputs.sources.append(CalendarSource(name, source.data))
    return inputs


def cross_duplicates(inputs: dict[str, PersonInputs]) -> list[str]:
    """Warnings for calendars whose bytes appear under several people (a shared calendar)."""
    owners: dict[str, list[str]] = {}
    for key, person_inputs in inputs.items():
        for record in person_inputs.records:
            if record.duplicate_of is None:
                owners.setdefault(record.sha256, []).append(f"people.{key} ({record.name})")
    return [
        "identical calendar under " + ", ".join(names)
        for names in owners.values()
        if len({n.split(" ", 1)[0] for n in names}) > 1
    ]


def _display(name: str, folder: Path) -> str:
    prefix = str(folder) + os.sep
    return name[len(prefix) :] if name.startswith(prefix) else name


def _relative(message: str, folder: Path) -> str:
    return message.replace(str(folder) + os.sep, "")
