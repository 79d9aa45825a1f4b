"""Ready-to-paste cron and systemd-timer entries for a Monday-morning batch run."""

from __future__ import annotations

import shlex
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["altitude_command", "cron_entry", "systemd_units"]


def altitude_command() -> list[str]:
    """The absolute command that runs ``altitude``: this script, the venv's, or ``python -m``."""
    invoked = Path(sys.argv[0])
    if invoked.name == "altitude" and invoked.is_file():
        return [str(invoked.absolute())]
    beside = Path(sys.executable).parent / "altitude"
    if beside.is_file():
        return [str(beside.absolute())]
    found = shutil.which("altitude")
    if found:
        return [str(Path(found).absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "analyzer"]


def _command(config: Path, extra: Sequence[str]) -> list[str]:
    return [*altitude_command(), "batch", str(config.resolve()), *extra]


def cron_entry(config: Path, extra: Sequence[str] = ()) -> str:
    """A crontab line that runs the batch every Monday at 07:00 (the machine's time zone).

    Example:
        >>> cron_entry(Path("/srv/team.toml")).splitlines()[-1].startswith("0 7 * * 1 /")
        True
    """
    command = shlex.join(_command(config, extra))
    return (
        "# Altitude batch reports, every Monday at 07:00. Add with `crontab -e`.\n"
        "# cron mails the output when MAILTO is set; exit 4 = drift alert, 5 = an input failed.\n"
        f"0 7 * * 1 {command}\n"
    )


def systemd_units(config: Path, extra: Sequence[str] = ()) -> str:
    """A systemd service and timer (user units) that run the batch every Monday at 07:00.

    Example:
        >>> "OnCalendar=Mon *-*-* 07:00:00" in systemd_units(Path("/srv/team.toml"))
        True
    """
    command = " ".join(_quote(part) for part in _command(config, extra))
    return f"""# ~/.config/systemd/user/altitude-batch.service
[Unit]
Description=Altitude batch reports ({config.name})

[Service]
Type=oneshot
ExecStart={command}

# ~/.config/systemd/user/altitude-batch.timer
[Unit]
Description=Altitude batch reports every Monday at 07:00

[Timer]
OnCalendar=Mon *-*-* 07:00:00
Persistent=true

[Install]
WantedBy=timers.target

# Then: systemctl --user daemon-reload && systemctl --user enable --now altitude-batch.timer
# (and `loginctl enable-linger $USER` to run while you are logged out).
"""


def _quote(part: str) -> str:
    """systemd's quoting: double quotes around words with spaces, escaping \\, " and %."""
    escaped = part.replace("%", "%%")
    if any(c in part for c in " \"\\'\t"):
        escaped = '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return escaped
