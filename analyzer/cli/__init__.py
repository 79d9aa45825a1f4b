"""CLI layer: thin click commands over the library's public API."""

from analyzer.cli.group import main

__all__ = ["main"]
