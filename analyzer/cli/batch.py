"""`altitude batch`: reports for many people and teams from one config file."""

from __future__ import annotations

import contextlib
import datetime as dt
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from analyzer.batch import load_config, run_batch
from analyzer.batch.executors import EXECUTORS, default_jobs
from analyzer.batch.manifest import summary_text
from analyzer.batch.runner import ProgressCallback
from analyzer.batch.schedule import cron_entry, systemd_units

__all__ = ["batch"]


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date like 2026-03-02") from None


@click.command(short_help="Write reports for many people and teams from a config.")
@click.argument("config", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), help="Worker processes. Default: one per core."
)
@click.option(
    "--executor",
    type=click.Choice(EXECUTORS),
    default="local",
    show_default=True,
    help="local: processes on this machine; dask: an existing Dask cluster (--scheduler).",
)
@click.option("--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write under DIR instead of the config's output folder.",
)
@click.option("--fail-on-alert", is_flag=True, help="Exit 4 when anyone leaves their target band.")
@click.option("--no-cache", is_flag=True, help="Recompute everyone; ignore the result cache.")
@click.option(
    "--print-cron", is_flag=True, help="Print a crontab line for Mondays 07:00; run nothing."
)
@click.option(
    "--print-systemd", is_flag=True, help="Print a systemd service and timer; run nothing."
)
@click.option("--today", callback=_date, hidden=True, help="Pretend today is DATE (tests).")
@click.pass_context
def batch(ctx: click.Context, /, **params: Any) -> None:
    """Write reports for many people and teams, as configured in a TOML file.

    Writes OUTPUT/YYYY-MM-DD/ with each person's report, each team's rollup, alerts.json
    and manifest.json. Exit 0: all good; 4: an alert with --fail-on-alert; 5: an input
    failed (the rest are still written); 2: the config is invalid.

    \b
    Example:
      altitude batch team.toml
      altitude batch team.toml --jobs 4 --fail-on-alert
      altitude batch team.toml --print-cron >> my-crontab
    """
    config = load_config(params["config"], output=params["output"])
    if params["print_cron"] or params["print_systemd"]:
        extra = _passed_options(params)
        entry = cron_entry if params["print_cron"] else systemd_units
        click.echo(entry(params["config"], extra), nl=False)
        return
    if params["executor"] == "dask" and not params["scheduler"]:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS")
    with _progress() as progress, _sigterm_interrupts():
        result = run_batch(
            config,
            jobs=params["jobs"] or default_jobs(),
            executor=params["executor"],
            scheduler=params["scheduler"],
            today=params["today"],
            use_cache=not params["no_cache"],
            progress=progress,
        )
    click.echo(summary_text(result), nl=False)
    ctx.exit(result.exit_code(params["fail_on_alert"]))


def _passed_options(params: dict[str, Any]) -> list[str]:
    """The options given now, repeated in the scheduled command."""
    extra: list[str] = []
    if params["output"]:
        extra += ["--output", str(params["output"].resolve())]
    if params["jobs"]:
        extra += ["--jobs", str(params["jobs"])]
    if params["executor"] == "dask":
        extra += ["--executor", "dask", "--scheduler", str(params["scheduler"])]
    extra += [
        flag for flag in ("--fail-on-alert", "--no-cache") if params[flag[2:].replace("-", "_")]
    ]
    return extra


@contextlib.contextmanager
def _progress() -> Iterator[ProgressCallback]:
    """A rich progress bar on a terminal; plain lines (for logs) otherwise, on stderr."""
    if not sys.stderr.isatty():

        def plain(done: int, total: int, label: str, status: str) -> None:
            if done:
                click.echo(f"[{done}/{total}] {label}: {status}", err=True)

        yield plain
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("people and teams", total=None)

        def fancy(done: int, total: int, label: str, status: str) -> None:
            bar.update(task, completed=done, total=total, description=f"{label}: {status}")

        yield fancy


def _interrupt(signum: int, frame: Any) -> NoReturn:
    raise KeyboardInterrupt


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM stops the run like Ctrl-C: temporary files are removed on the way out."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
