"""`python -m generator` runs the `briefing` command."""

from generator.cli import main

main()
