"""Deterministic generator of realistic sample calendars (standard library only)."""

from analyzer.samples.output import (
    PERSONAS,
    build_all,
    generate,
    intended_labels,
    intended_weekly_shares,
)

__all__ = ["PERSONAS", "build_all", "generate", "intended_labels", "intended_weekly_shares"]
