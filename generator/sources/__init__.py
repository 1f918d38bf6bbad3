"""Stage 0: the source texts, as received, cleaned for display (`text`), and how much of
one source's wording appears in another (`reuse`)."""
