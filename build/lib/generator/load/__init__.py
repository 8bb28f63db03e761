"""Stage 1, load: read every input file into raw records that remember where they came from."""
