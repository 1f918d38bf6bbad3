"""Stage 4a: the pages. Each page's view (`views/`) is built from the briefing and its
analysis; its template (`templates/`) prints it through filters bound to the page
(`filters.py`), which make links relative and every value text (`markup.py`)."""
