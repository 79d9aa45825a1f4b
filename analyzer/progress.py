"""Progress of long work, for whoever listens: the CLI draws a bar when stderr is a terminal.

Library code calls :func:`report_progress`; it does nothing unless a listener is installed
with :func:`listening`, so notebooks, the batch runner and tests stay silent.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["Listener", "listening", "report_progress"]

Listener = Callable[[str, int, int], None]  # (what, done, total)

_listener: ContextVar[Listener | None] = ContextVar("altitude_progress", default=None)


def report_progress(what: str, done: int, total: int) -> None:
    """Tell the listener, if any, that ``done`` of ``total`` units of ``what`` are done.

    Example:
        >>> seen = []
        >>> with listening(lambda *args: seen.append(args)):
        ...     report_progress("Reading a.ics", 1, 2)
        >>> seen
        [('Reading a.ics', 1, 2)]
    """
    listener = _listener.get()
    if listener is not None:
        listener(what, done, total)


@contextmanager
def listening(listener: Listener | None) -> Iterator[None]:
    """Send progress to ``listener`` within the block (``None``: keep silent)."""
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
