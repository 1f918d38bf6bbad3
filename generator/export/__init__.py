"""Stage 4b: the data files, for use in other tools (`data`)."""
