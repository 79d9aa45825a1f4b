"""`altitude cache`: where the parse and label caches live, and clearing them."""

from __future__ import annotations

import click

from analyzer.calendars.cache import cache_usage, clear_cache
from analyzer.storage import default_cache_dir

__all__ = ["cache"]


@click.group()
def cache() -> None:
    """Show or clear the cache that makes repeated reports fast.

    Parsed calendars and the model's answers are kept by content hash in the user cache
    folder ($ALTITUDE_CACHE_DIR overrides it); they hold event data, so clear them when
    you are done with a calendar.

    \b
    Example:
      altitude cache info
      altitude cache clear
    """


@cache.command()
def info() -> None:
    """Print the cache folder and its size."""
    folder = default_cache_dir()
    files, size = cache_usage(folder)
    click.echo(f"{folder}: {files} files, {size / 1e6:.1f} MB")


@cache.command()
def clear() -> None:
    """Delete every cached calendar and label."""
    folder = default_cache_dir()
    files, size = clear_cache(folder)
    click.echo(f"Removed {files} files ({size / 1e6:.1f} MB) from {folder}")
