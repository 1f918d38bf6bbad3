"""Stage 2: checks across fact sheets and sources.

`briefing.check_briefing` turns loaded fact sheets into a `Briefing` the analysis and pages
can trust: every id unique and free, every reference resolved, every name owned once, every
source file readable and every quote found in it, and nothing no source could say.
"""
