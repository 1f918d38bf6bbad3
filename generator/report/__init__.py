"""Reports for editors: what the facts leave uncaptured (`coverage`), and what a change
does to the facts (`diff`)."""
