"""Scheduled batch reports: many people and teams from one TOML config (``altitude batch``).

``config`` (TOML -> typed config) -> ``inputs`` (read and hash calendars) -> ``person`` (the
per-person work, run by ``executors``: in-process, a process pool or Dask) -> ``rollup``
(teams, alerts) -> ``team_render`` -> ``output`` (atomic writes) and ``manifest``, driven by
``runner``; ``cache`` keeps finished people, ``schedule`` prints cron and systemd entries.
"""

from analyzer.batch.config import BatchConfig, Person, Team, WindowSpec, load_config
from analyzer.batch.result import BatchResult
from analyzer.batch.runner import run_batch

__all__ = [
    "BatchConfig",
    "BatchResult",
    "Person",
    "Team",
    "WindowSpec",
    "load_config",
    "run_batch",
]
