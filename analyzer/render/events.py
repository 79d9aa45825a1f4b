"""The events table as CSV, JSON lines or Parquet."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.errors import AltitudeError, OutputError
from analyzer.render.csv import render_csv
from analyzer.render.files import write_text

__all__ = ["EVENT_FORMATS", "render_events"]

EVENT_FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet")


def _plain(events: pd.DataFrame) -> pd.DataFrame:
    table = events.copy()
    for column in ("start", "end", "created", "last_modified", "series_start"):
        if column in table:
            table[column] = table[column].map(lambda t: "" if pd.isna(t) else t.isoformat())
    table["hours"] = table["hours"].round(4)
    table["confidence"] = table["confidence"].round(4)
    return table


def render_events(events: pd.DataFrame, fmt: str, output: Path | None) -> str | None:
    """Write the table to ``output`` (returns None) or return it as text for stdout.

    Raises:
        OutputError: Parquet was asked for without a file, or the file cannot be written.
    """
    if fmt == "parquet":
        if output is None:
            raise OutputError("Parquet is binary: name a file with --output events.parquet")
        table = events.copy()
        if "people" in table:
            table["people"] = table["people"].map(list)
        try:
            table.to_parquet(output, index=False)
        except ImportError:
            raise AltitudeError("Parquet needs pyarrow: pip install 'altitude[parquet]'") from None
        except OSError as exc:
            raise OutputError(f"cannot write {output}: {exc.strerror or exc}") from None
        return None
    table = _plain(events)
    if fmt == "csv" and "people" in table:
        table["people"] = table["people"].map(";".join)
    if fmt == "jsonl":
        text = table.to_json(orient="records", lines=True, force_ascii=False) if len(table) else ""
        if text and not text.endswith("\n"):
            text += "\n"
    else:
        text = render_csv(table)
    if output is not None:
        write_text(output, text)
        return None
    return text
