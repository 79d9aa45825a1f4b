"""Resolve the report's time zone: --tz, else the calendar's, else the machine's."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from analyzer.errors import ConfigError

__all__ = ["is_zone", "local_zone_name", "resolve_zone"]


def resolve_zone(name: str) -> ZoneInfo:
    """Return the IANA zone called ``name``.

    Raises:
        ConfigError: the name is not an IANA time zone.
    """
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            f"unknown time zone {name!r}: use an IANA name such as Europe/Berlin"
        ) from None


def local_zone_name() -> str:
    """The machine's IANA zone name, from TZ, /etc/localtime or /etc/timezone; UTC otherwise."""
    candidates: list[str] = []
    env = os.environ.get("TZ", "").lstrip(":")
    if env:
        candidates.append(env)
    localtime = Path("/etc/localtime")
    with contextlib.suppress(OSError):
        target = str(localtime.resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    with contextlib.suppress(OSError):
        candidates.append(Path("/etc/timezone").read_text().strip())
    return next((name for name in candidates if is_zone(name)), "UTC")


def is_zone(name: str) -> bool:
    """True when ``name`` is an IANA time zone known to this machine."""
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True
