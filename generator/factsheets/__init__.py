"""Stage 1: fact sheets, from YAML to typed records.

`yaml_nodes` parses strictly, keeping lines; `hints` reads the model's type hints into
shapes; `reader` reads nodes into the records of `model` (with `vocabulary` and `dates`);
`load` reads a briefing folder, a sheet per row of `kinds`. `json_schema` and `skeleton`
serve editors' tools.
"""
