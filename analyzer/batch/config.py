"""The batch config: a TOML file read into typed, frozen dataclasses, validated up front."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from analyzer.batch.fields import Fields
from analyzer.batch.keylines import key_lines
from analyzer.classify.predict import DEFAULT_THRESHOLD
from analyzer.classify.rules import load_rules
from analyzer.errors import ConfigError
from analyzer.types import OverlapPolicy

__all__ = ["FORMATS", "BatchConfig", "Person", "Team", "WindowSpec", "load_config"]

FORMATS: tuple[str, ...] = ("html", "json", "charts", "csv", "markdown", "text")
_DEFAULT_FORMATS = ("html", "json", "charts")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_TOP = (
    "output",
    "formats",
    "timezone",
    "rolling",
    "overlap",
    "threshold",
    "model",
    "target_band",
    "window",
    "people",
    "teams",
)
_PERSON = ("name", "calendars", "owner", "rules", "target_band", "timezone")
_TEAM = ("name", "people", "target_band")
_WINDOW = ("last_weeks", "quarter_to_date", "start", "end")


@dataclass(frozen=True)
class WindowSpec:
    """Which dates a run covers: the last complete weeks, the quarter to date, or fixed dates.

    Example:
        >>> WindowSpec(last_weeks=2).resolve(dt.date(2026, 7, 8))
        (datetime.date(2026, 6, 22), datetime.date(2026, 7, 6))
        >>> WindowSpec(quarter_to_date=True).resolve(dt.date(2026, 7, 1))
        (datetime.date(2026, 4, 1), datetime.date(2026, 7, 1))
    """

    last_weeks: int | None = None
    quarter_to_date: bool = False
    start: dt.date | None = None
    end: dt.date | None = None

    def resolve(self, today: dt.date) -> tuple[dt.date, dt.date]:
        """``(start, end)``, end exclusive, for a run on ``today``.

        ``last_weeks``: the complete Monday-to-Sunday weeks before today. ``quarter_to_date``:
        from the first day of yesterday's quarter up to today (so a run on 1 April covers
        the whole first quarter).
        """
        if self.start is not None and self.end is not None:
            return self.start, self.end
        if self.quarter_to_date:
            yesterday = today - dt.timedelta(days=1)
            first_month = 3 * ((yesterday.month - 1) // 3) + 1
            return dt.date(yesterday.year, first_month, 1), today
        end = today - dt.timedelta(days=today.weekday())
        return end - dt.timedelta(weeks=self.last_weeks or 12), end


@dataclass(frozen=True)
class Person:
    """One person: their calendars, who they are in them, and their target band."""

    key: str
    name: str
    calendars: tuple[Path, ...]
    owner: tuple[str, ...] = ()
    rules: Path | None = None
    target_band: tuple[float, float] | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class Team:
    """A named group of people whose hours are added up in a rollup."""

    key: str
    name: str
    people: tuple[str, ...]
    target_band: tuple[float, float] | None = None


@dataclass(frozen=True)
class BatchConfig:
    """Everything a batch run needs, paths already resolved against the config's folder."""

    path: Path
    people: tuple[Person, ...]
    teams: tuple[Team, ...]
    window: WindowSpec
    output: Path
    formats: tuple[str, ...] = _DEFAULT_FORMATS
    timezone: str | None = None
    rolling: int = 4
    overlap: OverlapPolicy = "split"
    threshold: float = DEFAULT_THRESHOLD
    model: Path | None = None
    warnings: tuple[str, ...] = ()


def load_config(path: str | Path, output: Path | None = None) -> BatchConfig:
    """Read and validate a batch config; nothing is analysed or written yet.

    Args:
        path: the TOML file; relative paths inside it are relative to its folder.
        output: overrides the config's ``output`` folder (then ``output`` may be absent).

    Returns:
        The validated config.

    Raises:
        ConfigError: the file is unreadable, not TOML, or a value is wrong; the message
            names the file, the line and the key, e.g.
            ``team.toml line 12: people.ana.calendars: not found: ana.ics``.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _syntax_error(path, exc) from None
    fields = Fields(path, key_lines(text))
    fields.table(data, (), _TOP)
    default_band = fields.band(data, ("target_band",))
    warnings: list[str] = []
    people = _people(fields, data, default_band, warnings)
    teams = _teams(fields, data, {p.key for p in people}, default_band, warnings)
    formats = fields.texts(data, ("formats",)) or _DEFAULT_FORMATS
    for fmt in formats:
        if fmt not in FORMATS:
            raise fields.error(("formats",), f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    overlap = fields.text(data, ("overlap",), "split")
    if overlap not in ("split", "count-all"):
        raise fields.error(("overlap",), f"must be split or count-all, not {overlap!r}")
    model = fields.text(data, ("model",))
    return BatchConfig(
        path=path.resolve(),
        people=people,
        teams=teams,
        window=_window(fields, data),
        output=output.resolve() if output else _output(fields, data),
        formats=tuple(dict.fromkeys(formats)),
        timezone=fields.zone(data, ("timezone",)),
        rolling=fields.integer(data, ("rolling",), default=4, minimum=1),
        overlap="split" if overlap == "split" else "count-all",
        threshold=fields.number(data, ("threshold",), default=DEFAULT_THRESHOLD),
        model=fields.path(model, ("model",)) if model else None,
        warnings=tuple(warnings),
    )


def _syntax_error(path: Path, exc: tomllib.TOMLDecodeError) -> ConfigError:
    message = str(exc)
    found = re.search(r"\(at line (\d+), column (\d+)\)", message)
    if found:
        detail = message[: found.start()].strip()
        return ConfigError(
            f"{path} line {found.group(1)}: not valid TOML: {detail} (column {found.group(2)})"
        )
    return ConfigError(f"{path}: not valid TOML: {message}")


def _output(fields: Fields, data: dict[str, Any]) -> Path:
    value = fields.text(data, ("output",))
    if value is None:
        raise fields.error(("output",), "missing: name the folder the reports go to")
    return (fields.folder / Path(value).expanduser()).resolve()


def _window(fields: Fields, data: dict[str, Any]) -> WindowSpec:
    table = fields.sub_table(data, ("window",))
    fields.table(table, ("window",), _WINDOW)
    chosen: list[str] = [k for k in ("last_weeks", "quarter_to_date") if k in table]
    if "start" in table or "end" in table:
        chosen.append("start/end")
    if len(chosen) > 1:
        raise fields.error(
            ("window",),
            f"choose one of last_weeks, quarter_to_date or start/end, not {' and '.join(chosen)}",
        )
    if "quarter_to_date" in table:
        if table["quarter_to_date"] is not True:
            raise fields.error(("window", "quarter_to_date"), "must be true (or left out)")
        return WindowSpec(quarter_to_date=True)
    if chosen == ["start/end"]:
        start = fields.date(table, ("window", "start"))
        end = fields.date(table, ("window", "end"))
        if start is None or end is None:
            missing = "start" if start is None else "end"
            raise fields.error(("window", missing), "missing: give both start and end")
        if end <= start:
            raise fields.error(("window", "end"), f"must be after start ({start})")
        return WindowSpec(start=start, end=end)
    return WindowSpec(last_weeks=fields.integer(table, ("window", "last_weeks"), 12, minimum=1))


def _people(
    fields: Fields,
    data: dict[str, Any],
    default_band: tuple[float, float] | None,
    warnings: list[str],
) -> tuple[Person, ...]:
    table = fields.sub_table(data, ("people",))
    if not table:
        raise fields.error(("people",), "missing: add at least one [people.NAME] table")
    people = []
    for key, entry in table.items():
        where = ("people", key)
        if not _KEY.match(key):
            raise fields.error(where, "use letters, digits, - and _ only (it names a folder)")
        if not isinstance(entry, dict):
            raise fields.error(where, f"must be a table like [people.{key}]")
        fields.table(entry, where, _PERSON)
        listed = fields.texts(entry, (*where, "calendars"))
        if not listed:
            raise fields.error((*where, "calendars"), "missing: list the person's calendar files")
        calendars = [fields.path(c, (*where, "calendars"), directory_ok=True) for c in listed]
        if len(set(calendars)) < len(calendars):
            warnings.append(f"people.{key}.calendars: a calendar is listed twice (read once)")
        owner = fields.texts(entry, (*where, "owner"))
        for address in owner:
            if "@" not in address:
                raise fields.error((*where, "owner"), f"{address!r} is not an e-mail address")
        rules_value = fields.text(entry, (*where, "rules"))
        rules = fields.path(rules_value, (*where, "rules")) if rules_value else None
        if rules is not None:
            try:
                load_rules(rules)
            except ConfigError as exc:
                raise fields.error((*where, "rules"), exc.message) from None
        band = fields.band(entry, (*where, "target_band"))
        people.append(
            Person(
                key=key,
                name=fields.text(entry, (*where, "name"), key) or key,
                calendars=tuple(dict.fromkeys(calendars)),
                owner=tuple(a.lower() for a in owner),
                rules=rules,
                target_band=band or default_band,
                timezone=fields.zone(entry, (*where, "timezone")),
            )
        )
    return tuple(people)


def _teams(
    fields: Fields,
    data: dict[str, Any],
    known: set[str],
    default_band: tuple[float, float] | None,
    warnings: list[str],
) -> tuple[Team, ...]:
    teams = []
    for key, entry in fields.sub_table(data, ("teams",)).items():
        where = ("teams", key)
        if not _KEY.match(key):
            raise fields.error(where, "use letters, digits, - and _ only (it names a folder)")
        if not isinstance(entry, dict):
            raise fields.error(where, f"must be a table like [teams.{key}]")
        fields.table(entry, where, _TEAM)
        members = fields.texts(entry, (*where, "people"))
        if not members:
            raise fields.error((*where, "people"), "missing: list the team's people")
        for member in members:
            if member not in known:
                raise fields.error(
                    (*where, "people"), f"unknown person {member!r} (no [people.{member}])"
                )
        if len(set(members)) < len(members):
            warnings.append(f"teams.{key}.people: a person is listed twice (counted once)")
        band = fields.band(entry, (*where, "target_band"))
        teams.append(
            Team(
                key=key,
                name=fields.text(entry, (*where, "name"), key) or key,
                people=tuple(dict.fromkeys(members)),
                target_band=band or default_band,
            )
        )
    return tuple(teams)
