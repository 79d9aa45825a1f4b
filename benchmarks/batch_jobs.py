"""Time `altitude batch --jobs 1` against `--jobs 2` on copies of the sample calendars.

Not part of the test suite. Run it on a quiet machine::

    .venv/bin/python benchmarks/batch_jobs.py              # 8 people, 12 weeks, 3 rounds
    .venv/bin/python benchmarks/batch_jobs.py --people 12 --rounds 1

Each round runs both settings in a fresh process with the cache off (``--no-cache``) and
checks that they wrote the same bytes; the best wall-clock time of each is compared. CPU
seconds and the load average are printed too: on a busy machine the second core is not
free, and the speed-up then says more about the neighbours than about Altitude.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
PERSONAS = ("ceo_google.ics", "manager_outlook.ics", "ic_apple.ics")


def write_config(folder: Path, people: int) -> Path:
    """A config of ``people`` people, each with a copy of one sample calendar."""
    lines = [
        'output = "out"',
        'formats = ["html", "json", "charts"]',
        "[window]",
        "start = 2026-04-06",
        "end = 2026-06-29",
    ]
    keys = []
    for index in range(people):
        name = f"person{index:02d}.ics"
        shutil.copy(SAMPLES / PERSONAS[index % len(PERSONAS)], folder / name)
        keys.append(f"p{index:02d}")
        lines += [f"[people.{keys[-1]}]", f'calendars = ["{name}"]', 'target_band = "0.2:0.5"']
    lines += ["[teams.everyone]", "people = [" + ", ".join(f'"{k}"' for k in keys) + "]"]
    path = folder / "bench.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(config: Path, jobs: int, output: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one `altitude batch` run in a fresh process."""
    altitude = Path(sys.executable).parent / "altitude"
    command = [str(altitude), "batch", str(config), "--jobs", str(jobs), "--no-cache"]
    command += ["--output", str(output), "--today", "2026-07-08"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def same_reports(left: Path, right: Path) -> bool:
    """True when both runs wrote the same files with the same bytes (manifest aside)."""
    names = sorted(p.relative_to(left) for p in left.rglob("*") if p.is_file())
    others = sorted(p.relative_to(right) for p in right.rglob("*") if p.is_file())
    if names != others:
        return False
    checked = [str(n) for n in names if n.name != "manifest.json"]
    _, mismatch, errors = filecmp.cmpfiles(left, right, checked, shallow=False)
    return not mismatch and not errors


def main() -> None:
    """Print the best time of each setting and the speed-up."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="altitude-bench-") as scratch:
        folder = Path(scratch)
        config = write_config(folder, args.people)
        times: dict[int, list[float]] = {1: [], 2: []}
        for round_number in range(args.rounds):
            for jobs in (1, 2):
                output = folder / f"out-{jobs}-{round_number}"
                load = os.getloadavg()[0]
                wall, cpu = run(config, jobs, output)
                times[jobs].append(wall)
                print(
                    f"round {round_number + 1}: --jobs {jobs}: {wall:.1f} s "
                    f"({cpu:.1f} s CPU; load average before {load:.1f})",
                    flush=True,
                )
            identical = same_reports(
                folder / f"out-1-{round_number}", folder / f"out-2-{round_number}"
            )
            print(f"round {round_number + 1}: identical outputs: {identical}", flush=True)
        best_one, best_two = min(times[1]), min(times[2])
        print(
            f"{args.people} people, 12 weeks, html+json+charts: --jobs 1 {best_one:.1f} s, "
            f"--jobs 2 {best_two:.1f} s, speed-up x{best_one / best_two:.2f}"
        )


if __name__ == "__main__":
    main()
