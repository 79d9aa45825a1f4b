"""A progress bar on stderr while long work runs, only when stderr is a terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

from analyzer.progress import listening

__all__ = ["TerminalProgress", "progress_on_terminal"]


class TerminalProgress:
    """Draws one bar per task reported (see :func:`analyzer.progress.report_progress`).

    The bar appears with the first report, so quick commands never show one, and is
    removed when the work ends.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __call__(self, what: str, done: int, total: int) -> None:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn

            self._bar = Progress(
                "{task.description}",
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=Console(file=self._stream, force_terminal=True),
                transient=True,
            )
            self._bar.start()
        task = self._tasks.get(what)
        if task is None:
            task = self._tasks[what] = self._bar.add_task(what, total=total)
        self._bar.update(task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


@contextmanager
def progress_on_terminal(stream: IO[str] | None = None) -> Iterator[None]:
    """Show progress of the work inside the block when ``stream`` (stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    if not stream.isatty():
        yield
        return
    bar = TerminalProgress(stream)
    try:
        with listening(bar):
            yield
    finally:
        bar.close()
