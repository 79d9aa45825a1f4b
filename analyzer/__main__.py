"""`python -m analyzer` runs the `altitude` command."""

from analyzer.cli import main

if __name__ == "__main__":
    main()
