"""Options shared by several commands, declared once, turned into one ReportOptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from analyzer.analysis import ReportOptions
from analyzer.classify.predict import DEFAULT_THRESHOLD

__all__ = [
    "anonymize_option",
    "build_options",
    "calendar_options",
    "output_option",
    "warn_problems",
]

F = TypeVar("F", bound=Callable[..., Any])


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-02") from None


def calendar_options(func: F) -> F:
    """PATH... plus the options that decide which time is counted and how."""
    decorators = [
        click.argument("paths", nargs=-1, required=True, metavar="PATH..."),
        click.option(
            "--tz",
            help="Report time zone (IANA name). Default: the calendar's, else this machine's.",
        ),
        click.option(
            "--from",
            "start",
            metavar="DATE",
            callback=_date,
            help="First day of the window (inclusive), e.g. 2026-01-05.",
        ),
        click.option(
            "--to", "end", metavar="DATE", callback=_date, help="Day after the window (exclusive)."
        ),
        click.option(
            "--weeks",
            type=click.IntRange(min=1),
            default=12,
            show_default=True,
            help="Window length when --from or --to is missing: complete weeks before today.",
        ),
        click.option(
            "--me",
            multiple=True,
            metavar="EMAIL",
            help="The calendar owner's address (repeatable). Default: "
            "X-WR-CALNAME, else the most frequent attendee.",
        ),
        click.option(
            "--overlap",
            type=click.Choice(["split", "count-all"]),
            default="split",
            show_default=True,
            help="split: overlapping events share their common time; count-all: each counts fully.",
        ),
        click.option(
            "--rules",
            type=click.Path(dir_okay=False, path_type=Path),
            help="TOML file of [[rules]] pattern/label that override the model.",
        ),
        click.option(
            "--model",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Use this trained model instead of the shipped one.",
        ),
        click.option(
            "--threshold",
            type=click.FloatRange(0, 1),
            default=DEFAULT_THRESHOLD,
            show_default=True,
            help="Below this confidence a label is flagged uncertain.",
        ),
        click.option(
            "--today",
            callback=_date,
            hidden=True,
            help="Pretend today is DATE (for tests and reproducible runs).",
        ),
        click.option(
            "-v",
            "--verbose",
            is_flag=True,
            help="Show event titles in warnings (off by default: calendars are private).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def build_options(params: dict[str, Any]) -> ReportOptions:
    """The typed settings object from a command's parameters."""
    return ReportOptions(
        tz=params.get("tz"),
        start=params.get("start"),
        end=params.get("end"),
        weeks=params.get("weeks") or 12,
        me=tuple(params.get("me") or ()),
        overlap=params.get("overlap") or "split",
        rules=params.get("rules"),
        model=params.get("model"),
        threshold=params.get("threshold", DEFAULT_THRESHOLD),
        today=params.get("today"),
    )


def output_option(func: F) -> F:
    """``--output FILE``: write there instead of standard output."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE instead of standard output.",
    )(func)


def warn_problems(problems: list[Any], verbose: bool) -> None:
    """One warning line per skipped component on stderr (UIDs and files, never titles)."""
    for problem in problems[:20] if not verbose else problems:
        click.echo(f"warning: {problem}", err=True)
    if len(problems) > 20 and not verbose:
        click.echo(f"warning: ... and {len(problems) - 20} more (use --verbose)", err=True)


def anonymize_option(func: F) -> F:
    """``--anonymize``: stable pseudonyms for titles, people, calendars and domains."""
    return click.option(
        "--anonymize",
        is_flag=True,
        help="Replace titles, people, calendars and domains with pseudonyms, for sharing.",
    )(func)
