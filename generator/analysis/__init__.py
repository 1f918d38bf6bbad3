"""Stage 3: what the pages show that no single fact sheet says, computed once from a
checked briefing into a frozen `model.Analysis` (`build.analyse`): lineages and grades
(`corroboration`), figure verdicts (`figures`), renderings compared (`statements`), framing
words (`framing`), names counted (`names`) and coverage (`coverage`). Data only: no page
paths, no English.
"""
