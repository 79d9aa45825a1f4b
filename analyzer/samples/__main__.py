"""Command line: ``python -m analyzer.samples OUTDIR`` and ``--summary``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from analyzer.samples.output import PERSONAS, generate
from analyzer.samples.readme import summary_table


def main(argv: Sequence[str] | None = None) -> int:
    """Write the sample files into OUTDIR and/or print the intended weekly shares."""
    parser = argparse.ArgumentParser(prog="python -m analyzer.samples", description=__doc__)
    parser.add_argument("outdir", nargs="?", type=Path, help="directory to write the files to")
    parser.add_argument(
        "--summary", action="store_true", help="print the intended weekly macro shares"
    )
    parser.add_argument(
        "--persona", choices=sorted(PERSONAS), default="ceo", help="persona for --summary"
    )
    args = parser.parse_args(argv)
    if args.outdir is None and not args.summary:
        parser.error("give OUTDIR, --summary, or both")
    if args.outdir is not None:
        for path in generate(args.outdir):
            print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    if args.summary:
        print(summary_table(PERSONAS[args.persona]()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
