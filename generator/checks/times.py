"""Clock times need a zone: a time written without one could be anyone's."""

from __future__ import annotations

from ..factsheets.kinds import kind as kind_named
from ..factsheets.load import FactSheets
from ..factsheets.times import is_clock
from ..problems import Problem

__all__ = ["zoneless_times"]

# The fields holding a time of day, by sheet.
TIME_FIELDS = {
    "events": ("time", "end_time"),
    "statements": ("time",),
    "claims": ("as_of_time",),
}


def zoneless_times(sheets: FactSheets) -> list[Problem]:
    """Clock times ("09:30") in a briefing that names no time zone, on records that name
    none either: the site would show a time nobody can place."""
    if sheets.info is None or sheets.info.timezone is not None:
        return []
    problems = []
    for sheet, fields in TIME_FIELDS.items():
        for record in sheets.records(kind_named(sheet)):
            if record.time_zone is not None:
                continue
            for name in fields:
                if is_clock(getattr(record, name)):
                    problems.append(
                        sheets.problem_at(
                            sheet,
                            record,
                            name,
                            f"'{getattr(record, name)}' has no time zone: add "
                            "`timezone: Europe/London` (the IANA name of the zone the "
                            "briefing's times are in) to briefing.yaml, or `time_zone:` to "
                            "this record if it is written in another zone",
                        )
                    )
    return problems
