"""Options shared by several commands, declared once, turned into one ReportOptions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from analyzer.insights.settings import InsightSettings, parse_work_days, parse_work_hours
from analyzer.types import DEFAULT_THRESHOLD

if TYPE_CHECKING:  # the library is imported when a command runs, not when it is parsed
    from analyzer.analysis import ReportOptions

__all__ = [
    "anonymize_option",
    "build_insight_settings",
    "build_options",
    "calendar_options",
    "insight_options",
    "output_option",
    "parsed_by",
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
            "--corrections",
            type=click.Path(dir_okay=False, path_type=Path),
            help="TOML file of [[corrections]] (by series_uid or title) that win over "
            "rules and model; `altitude review --save-corrections` writes one.",
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
            "-j",
            "--jobs",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            help="Parse and expand a large calendar in this many processes.",
        ),
        click.option(
            "--no-cache",
            "no_cache",
            is_flag=True,
            help="Parse and classify afresh, without the cache of earlier runs "
            "(see `altitude cache`).",
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
    from analyzer.analysis import ReportOptions

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
        corrections=params.get("corrections"),
        cache=not params.get("no_cache", False),
        jobs=params.get("jobs") or 1,
    )


def output_option(func: F) -> F:
    """``--output FILE``: write there instead of standard output."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help="Write to FILE instead of standard output.",
    )(func)


def warn_problems(problems: list[Any], verbose: bool) -> list[str]:
    """One warning line per skipped component on stderr (UIDs and files, never titles).

    Returns the lines written.
    """
    lines = [f"warning: {problem}" for problem in (problems if verbose else problems[:20])]
    if len(problems) > 20 and not verbose:
        lines.append(f"warning: ... and {len(problems) - 20} more (use --verbose)")
    for line in lines:
        click.echo(line, err=True)
    return lines


def anonymize_option(func: F) -> F:
    """``--anonymize``: stable pseudonyms for titles, people, calendars and domains."""
    return click.option(
        "--anonymize",
        is_flag=True,
        help="Replace titles, people, calendars and domains with pseudonyms, for sharing.",
    )(func)


def parsed_by(parser: Callable[[str], Any]) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """A click callback running ``parser`` on the value; its ValueError is a usage error."""

    def callback(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
        if value is None:
            return None
        try:
            return parser(value)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from None

    return callback


def insight_options(func: F) -> F:
    """The thresholds of the Insights section (README, "Insights")."""
    defaults = InsightSettings()
    decorators = [
        click.option(
            "--lead-time",
            "lead_hours",
            type=click.FloatRange(min=0),
            default=defaults.lead_hours,
            show_default=True,
            metavar="HOURS",
            help="Events added to the calendar less than this before they start are reactive.",
        ),
        click.option(
            "--work-hours",
            metavar="HH:MM-HH:MM",
            default=defaults.work_hours,
            show_default=True,
            callback=parsed_by(parse_work_hours),
            help="Working hours in the report time zone (for focus and after-hours time).",
        ),
        click.option(
            "--work-days",
            metavar="DAYS",
            default="mon-fri",
            show_default=True,
            callback=parsed_by(parse_work_days),
            help="Working days, e.g. mon-fri, sun-thu or mon,tue,thu.",
        ),
        click.option(
            "--focus-block",
            "focus_hours",
            type=click.FloatRange(min=0, min_open=True),
            default=defaults.focus_hours,
            show_default=True,
            metavar="HOURS",
            help="A free block at least this long inside working hours is focus time.",
        ),
        click.option(
            "--large-meeting",
            type=click.IntRange(min=1),
            default=defaults.large_meeting,
            show_default=True,
            metavar="N",
            help="Report the share of time in meetings of more than N people (you included).",
        ),
        click.option(
            "--top-people",
            type=click.IntRange(min=1),
            default=defaults.top_people,
            show_default=True,
            metavar="N",
            help="How many people to list by hours together.",
        ),
        click.option(
            "--references",
            is_flag=True,
            help="Draw published reference values from a study on the charts (not targets).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def build_insight_settings(params: dict[str, Any]) -> InsightSettings:
    """The insight thresholds from a command's parameters (defaults where absent)."""
    defaults = InsightSettings()
    start, end = params.get("work_hours") or (defaults.work_start_minute, defaults.work_end_minute)
    return InsightSettings(
        lead_hours=params.get("lead_hours", defaults.lead_hours),
        work_days=params.get("work_days") or defaults.work_days,
        work_start_minute=start,
        work_end_minute=end,
        focus_hours=params.get("focus_hours", defaults.focus_hours),
        large_meeting=params.get("large_meeting", defaults.large_meeting),
        top_people=params.get("top_people", defaults.top_people),
        references=bool(params.get("references")),
    )
