"""User rules (`--rules FILE.toml`): regular expressions that override the model."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import ConfigError
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
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"cannot read rules file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read rules file {path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    entries = data.get("rules", [])
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: 'rules' must be a list of [[rules]] tables")
    rules = []
    for number, entry in enumerate(entries, start=1):
        where = f"{path}: rules #{number}"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: must be a table with pattern and label")
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
