"""`python -m analyzer` runs the `altitude` command."""

from analyzer.cli import main

main()
