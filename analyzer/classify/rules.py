"""User rules (`--rules FILE.toml`): regular expressions that override the model."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import ConfigError
from analyzer.tomltables import read_tables
from analyzer.types import LABELS, Label

__all__ = ["Rule", "apply_rules", "load_rules", "matching_rule"]


@dataclass(frozen=True)
class Rule:
    """``pattern`` is matched with ``re.search``, case-insensitive, against the raw title."""

    pattern: re.Pattern[str]
    label: Label


def load_rules(path: str | Path) -> list[Rule]:
    """Read a rules file: a list of ``[[rules]]`` tables with ``pattern`` and ``label``.

    Example file::

        [[rules]]
        pattern = "^board\\\\b"
        label = "macro"

    Raises:
        ConfigError: the file is missing, not TOML, or a rule is malformed.
    """
    rules = []
    for where, entry in read_tables(path, "rules", "rules"):
        pattern, label = entry.get("pattern"), entry.get("label")
        if not isinstance(pattern, str) or not pattern:
            raise ConfigError(f"{where}.pattern: a non-empty string is required")
        if label not in LABELS:
            raise ConfigError(f"{where}.label: must be one of macro, micro, other, not {label!r}")
        try:
            compiled = re.compile(pattern, re.IGNORECASE)
        except re.error as exc:
            raise ConfigError(f"{where}.pattern: invalid regular expression ({exc})") from None
        rules.append(Rule(compiled, label))
    return rules


def apply_rules(rules: list[Rule], title: str) -> Label | None:
    """The label of the first rule matching ``title``, or None."""
    rule = matching_rule(rules, title)
    return None if rule is None else rule.label


def matching_rule(rules: list[Rule], title: str) -> Rule | None:
    """The first rule matching ``title`` (the one that decides its label), or None."""
    for rule in rules:
        if rule.pattern.search(title):
            return rule
    return None
