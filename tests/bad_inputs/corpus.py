"""The bad-input corpus: every mistake an editor (or a stranger's pull request) can make,
run against a copy of the shipped project with a built site, and judged.

Each case sets up one mistake, runs the commands an editor would (`briefing check`, then
`briefing build`, or the command the mistake is about) as subprocesses, and is classified:

    CLEAR      the expected `file:line: ...` line was printed, every command that should
               fail failed, site/ and the inputs are as they were
    OK         valid (if unusual) input, handled: every command succeeded, site/ is complete
    SILENT     no expected message, or exit status 0 where the input is an error
    TRACEBACK  a Python traceback, or the one-line "unexpected" report of one
    HANG       a command ran past the time limit
    DAMAGE     site/ or an input changed when it should not have

The review of main at c7613f8 (../shared/reviews/reliability-2026-11-23.md) listed every
case that was not CLEAR; each is here under its review id (S03, K16, ...). The others,
prefixed N-, are new cases in the same families. The review of main at dd7a752
(reliability-2026-12-07.md) is in the `cases_*.py` modules, each case under `R-<its id>`,
with new cases of its families prefixed N2-; the machinery is in `kit.py`.

    python tests/bad_inputs/corpus.py [ID ...]    run cases and print the tally
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script

from bad_inputs.cases_build import BUILD_CASES
from bad_inputs.cases_commands import COMMANDS_CASES
from bad_inputs.cases_history import HISTORY_CASES
from bad_inputs.cases_text import TEXT_CASES
from bad_inputs.cases_versions import VERSION_CASES
from bad_inputs.cases_waivers import WAIVER_CASES
from bad_inputs.kit import (
    BUILD,
    CANARY,
    ROOT,
    SLUG,
    B,
    Case,
    Step,
    append,
    base_project,
    copy_project,
    crlf_kept,
    git_commit,
    immutable_site,
    judge,
    link_sheet,
    new_actor,
    new_claim,
    new_event,
    new_place,
    new_statement,
    read,
    replace,
    retitle,
    secret_outside,
    source_with_file,
    write,
)

# The line of the raid's title in the shipped events.yaml, where the YAML cases break it:
# read from the file, so that editing the briefing does not move the cases' expectations.
RAID_TITLE = 1 + (ROOT / B / "events.yaml").read_text(encoding="utf-8").splitlines().index(
    "  title: Armed men cross from Ukraine into the Belgorod region"
)

# The cases

R = "reliability review"
CASES: list[Case] = [
    # --- sources: only files inside seeds/ are read -------------------------------------
    Case(
        "S03",
        "sources",
        "seeds/evil.txt is a link to /etc/passwd, listed as a source",
        lambda r: (
            (r / "seeds/evil.txt").symlink_to("/etc/passwd"),
            source_with_file(r, "evil.txt"),
        ),
        rf"{B}/sources.yaml:\d+: file: seeds/evil.txt is a symbolic link to a file outside "
        r"seeds/",
    ),
    Case(
        "S03-cited",
        "sources",
        "the link to a file outside, cited with a line of it",
        lambda r: (
            (r / "seeds/evil.txt").symlink_to(secret_outside(r)),
            source_with_file(r, "evil.txt", cite=f"password={CANARY}"),
        ),
        r"file: seeds/evil.txt is a symbolic link to a file outside seeds/",
    ),
    Case(
        "S03-environ",
        "sources",
        "a link to /proc/self/environ (the build's secrets)",
        lambda r: (
            (r / "seeds/env.txt").symlink_to("/proc/self/environ"),
            source_with_file(r, "env.txt", cite="PATH=/usr/local/bin"),
        ),
        r"file: seeds/env.txt is a symbolic link to a file outside seeds/",
    ),
    Case(
        "S15",
        "sources",
        "file: names a folder",
        lambda r: ((r / "seeds/dir.txt").mkdir(), source_with_file(r, "dir.txt")),
        r"file: seeds/dir.txt is a folder, not a source text",
    ),
    Case(
        "N-S01",
        "sources",
        "file: names a FIFO (reading it would block forever)",
        lambda r: (os.mkfifo(r / "seeds/pipe.txt"), source_with_file(r, "pipe.txt")),
        r"file: seeds/pipe.txt is a FIFO \(named pipe\), not a source text",
    ),
    Case(
        "N-S02",
        "sources",
        "a link to a fact sheet: inside the project, outside seeds/",
        lambda r: (
            (r / "seeds/sheet.txt").symlink_to(r / f"{B}/actors.yaml"),
            source_with_file(r, "sheet.txt"),
        ),
        r"file: seeds/sheet.txt is a symbolic link to a file outside seeds/",
    ),
    Case(
        "N-S03",
        "sources",
        "a link to nothing",
        lambda r: (
            (r / "seeds/gone.txt").symlink_to("nowhere.txt"),
            source_with_file(r, "gone.txt"),
        ),
        r"file: seeds/gone.txt is a symbolic link to nothing",
    ),
    Case(
        "N-S04",
        "sources",
        "file: climbs out of seeds/ with ..",
        lambda r: source_with_file(r, "../mkdocs.yml"),
        r"file: seeds/../mkdocs.yml names a path; give the name of a file directly in the "
        r"folder",
    ),
    Case(
        "N-S05",
        "sources",
        "seeds/ itself is a link to /etc",
        lambda r: (shutil.rmtree(r / "seeds"), (r / "seeds").symlink_to("/etc")),
        r"^seeds:1: the seeds folder resolves outside the project folder",
    ),
    Case(
        "N-S06",
        "sources",
        "a source text of 3 MB",
        lambda r: (
            (r / "seeds/huge.txt").write_text("word " * 600_000),
            source_with_file(r, "huge.txt"),
        ),
        r"file: seeds/huge.txt is 3.0 MB; a source text may be at most 1.0 MB",
    ),
    Case(
        "N-S07",
        "sources",
        "a source text in Latin-1, not UTF-8",
        lambda r: (
            (r / "seeds/latin.txt").write_bytes("Caf\xe9 cr\xe8me".encode("latin-1")),
            source_with_file(r, "latin.txt"),
        ),
        r"file: 'latin.txt' is not UTF-8 text \(byte 3\); convert the file to UTF-8",
    ),
    Case(
        "N-S08",
        "sources",
        "an empty source file",
        lambda r: ((r / "seeds/empty.txt").write_text(""), source_with_file(r, "empty.txt")),
        r"file: seeds/empty.txt has no text to quote",
    ),
    Case(
        "N-S09",
        "sources",
        "a link inside seeds/ to another source's file",
        lambda r: (
            (r / "seeds/alias.txt").symlink_to("2023-05-23_the-guardian.txt"),
            replace(r, f"{B}/sources.yaml", "file: 2023-05-23_the-guardian.txt", "file: alias.txt"),
        ),
        outcome="ok",
    ),
    Case(
        "H07",
        "sources",
        "a URL whose scheme is written in capitals",
        lambda r: replace(
            r,
            f"{B}/sources.yaml",
            "  outlet: The Guardian\n",
            "  outlet: The Guardian\n  url: HTTPS://www.theguardian.com/\n",
        ),
        outcome="ok",
    ),
    Case(
        "S10b",
        "sources",
        "a quote that occurs in two paragraphs of its source",
        lambda r: (
            append(
                r,
                "seeds/2023-05-23_the-guardian.txt",
                "The governor of the Belgorod region confirmed an attack on Monday.",
            ),
        ),
        rf"{B}/events.yaml:\d+: warning: citations\[0\]\.quote: found in ¶\d+ of source "
        r"'guardian' and again in ¶\d+",
        outcome="warning",
    ),
    Case(
        "H08",
        "sources",
        "terminal escape sequences in a source paragraph",
        lambda r: append(
            r,
            "seeds/2023-05-23_the-guardian.txt",
            "Gladkov said \x1b]0;pwned\x07\x1b[2J the Kozinka raid continued.",
        ),
        steps=(Step(("coverage",)), BUILD),
        outcome="ok",
    ),
    # --- fact sheets: files, names, encodings ---------------------------------------------
    Case(
        "Y10",
        "fact sheets",
        "briefing.yaml is empty",
        lambda r: write(r, f"{B}/briefing.yaml", ""),
        rf"{B}/briefing.yaml:1: is empty; it needs title, summary, period, status and "
        r"last_reviewed",
    ),
    Case(
        "Y40",
        "fact sheets",
        "briefing.yaml is all comments",
        lambda r: write(r, f"{B}/briefing.yaml", "# title: x\n# summary: y\n"),
        rf"{B}/briefing.yaml:1: is empty",
    ),
    Case(
        "N-Y01",
        "fact sheets",
        "a briefing folder without briefing.yaml",
        lambda r: os.remove(r / f"{B}/briefing.yaml"),
        rf"{B}/briefing.yaml:1: file is missing; create it",
    ),
    Case(
        "Y38",
        "fact sheets",
        "statements.yaml renamed statement.yaml",
        lambda r: (r / f"{B}/statements.yaml").rename(r / f"{B}/statement.yaml"),
        rf"{B}/statement.yaml:1: is not a fact sheet this tool reads, so nothing in it would "
        r"reach the site; did you mean statements.yaml\?",
    ),
    Case(
        "Y39",
        "fact sheets",
        "statements.yaml is a link to nothing",
        lambda r: link_sheet(r, "statements.yaml", "gone.yaml"),
        rf"{B}/statements.yaml:1: is a symbolic link to nothing",
    ),
    Case(
        "Y37",
        "fact sheets",
        "events.yaml is a folder",
        lambda r: (os.remove(r / f"{B}/events.yaml"), (r / f"{B}/events.yaml").mkdir()),
        rf"{B}/events.yaml:1: is a folder, not a fact sheet",
    ),
    Case(
        "N-Y02",
        "fact sheets",
        "events.yaml is a link to /etc/passwd",
        lambda r: link_sheet(r, "events.yaml", "/etc/passwd"),
        rf"{B}/events.yaml:1: is a symbolic link to a file outside {SLUG}/",
    ),
    Case(
        "N-Y03",
        "fact sheets",
        "actors.yaml is a link to another folder's sheet",
        lambda r: (
            write(r, "elsewhere/actors.yaml", read(r, f"{B}/actors.yaml")),
            link_sheet(r, "actors.yaml", r / "elsewhere/actors.yaml"),
        ),
        rf"{B}/actors.yaml:1: is a symbolic link to a file outside {SLUG}/",
    ),
    Case(
        "N-Y04",
        "fact sheets",
        "events.yml instead of events.yaml",
        lambda r: (r / f"{B}/events.yaml").rename(r / f"{B}/events.yml"),
        rf"{B}/events.yml:1: is not a fact sheet .*; rename it to events.yaml",
    ),
    Case(
        "N-Y05",
        "fact sheets",
        "Claims.yaml with a capital letter",
        lambda r: (r / f"{B}/claims.yaml").rename(r / f"{B}/Claims.yaml"),
        rf"{B}/Claims.yaml:1: is not a fact sheet .*; rename it to claims.yaml",
    ),
    Case(
        "N-Y06",
        "fact sheets",
        "an extra notes.yaml beside the fact sheets",
        lambda r: write(r, f"{B}/notes.yaml", "- todo: check the figures\n"),
        rf"{B}/notes.yaml:1: is not a fact sheet this tool reads",
    ),
    Case(
        "Y16",
        "fact sheets",
        "a 50 MB waivers.yaml",
        lambda r: write(
            r, f"{B}/waivers.yaml", "- name: Somebody\n  reason: a reason long enough\n" * 1_000_000
        ),
        rf"{B}/waivers.yaml:1: is 48.0 MB; a fact sheet may be at most 5.0 MB",
    ),
    Case(
        "Y07",
        "fact sheets",
        "byte 0xFF in places.yaml",
        lambda r: (r / f"{B}/places.yaml").write_bytes(
            (r / f"{B}/places.yaml").read_bytes().replace(b"Kozinka", b"Koz\xffinka", 1)
        ),
        rf"{B}/places.yaml:\d+: byte 0xFF at column \d+ is not UTF-8 text",
    ),
    Case(
        "N-Y07",
        "fact sheets",
        "claims.yaml saved as UTF-16",
        lambda r: (r / f"{B}/claims.yaml").write_bytes(
            read(r, f"{B}/claims.yaml").encode("utf-16")
        ),
        rf"{B}/claims.yaml:1: byte 0xFF at column 1 is not UTF-8 text",
    ),
    Case(
        "N-Y08",
        "fact sheets",
        "a UTF-8 byte-order mark and CRLF line endings",
        lambda r: (r / f"{B}/places.yaml").write_bytes(
            b"\xef\xbb\xbf" + (r / f"{B}/places.yaml").read_bytes().replace(b"\n", b"\r\n")
        ),
        outcome="ok",
    ),
    Case(
        "Y01",
        "yaml",
        'an unclosed " in a title',
        lambda r: replace(
            r, f"{B}/events.yaml", "title: Armed men cross", 'title: "Armed men cross'
        ),
        rf"{B}/events.yaml:{RAID_TITLE}: a quoted value starts on this line and is not closed "
        r"on it",
    ),
    Case(
        "Y08",
        "yaml",
        "a NUL byte in a title",
        lambda r: replace(
            r, f"{B}/events.yaml", "title: Armed men cross", "title: Armed\x00 men cross"
        ),
        rf"{B}/events.yaml:{RAID_TITLE}: a control character \(U\+0000\) is not allowed",
    ),
    Case(
        "Y13",
        "yaml",
        "10,000 nested [",
        lambda r: write(r, f"{B}/waivers.yaml", "x: " + "[" * 10_000 + "]" * 10_000 + "\n"),
        rf"{B}/waivers.yaml:1: lists or mappings nested more than 32 levels deep",
    ),
    Case(
        "Y14",
        "yaml",
        "10,000 nested mappings",
        lambda r: write(r, f"{B}/waivers.yaml", "{a: " * 10_000 + "b" + "}" * 10_000 + "\n"),
        rf"{B}/waivers.yaml:1: lists or mappings nested more than 32 levels deep",
    ),
    Case(
        "N-Y09",
        "yaml",
        "a tab used for indentation",
        lambda r: replace(r, f"{B}/places.yaml", "  name: Kozinka", "\tname: Kozinka"),
        rf"{B}/places.yaml:\d+: a tab character; YAML indents with spaces only",
    ),
    Case(
        "N-Y10",
        "yaml",
        "a field indented one space too far",
        lambda r: replace(r, f"{B}/places.yaml", "  name: Kozinka", "   name: Kozinka"),
        rf"{B}/places.yaml:26: this line starts in column 4 but the field 'id' on line 25 "
        r"in column 3: the fields of one record must line up",
    ),
    Case(
        "N-Y11",
        "yaml",
        "a second document ('---') in a sheet",
        lambda r: append(r, f"{B}/places.yaml", "---\n- id: x\n"),
        rf"{B}/places.yaml:\d+: a second YAML document starts here",
    ),
    Case(
        "N-Y12",
        "yaml",
        'an escaped ESC ("\\e") in a summary',
        lambda r: replace(
            r,
            f"{B}/places.yaml",
            "  name: Kozinka",
            '  name: Kozinka\n  description: "a \\e[31m red"',
        ),
        rf"{B}/places.yaml:\d+: description: contains U\+001B",
    ),
    Case(
        "N-Y13",
        "yaml",
        "an escaped right-to-left override in an event title",
        lambda r: replace(
            r,
            f"{B}/events.yaml",
            "title: Armed men cross from Ukraine into the Belgorod region",
            'title: "Armed \\u202emen cross from Ukraine into the Belgorod region"',
        ),
        rf"{B}/events.yaml:{RAID_TITLE}: title: contains U\+202E \(RIGHT-TO-LEFT OVERRIDE\)",
    ),
    Case(
        "N-Y14",
        "yaml",
        "claims.yaml is a mapping, not a list",
        lambda r: write(r, f"{B}/claims.yaml", "id: x\ncount: 3\n"),
        rf"{B}/claims.yaml:1: claims.yaml must be a list of claims",
    ),
    Case(
        "N-Y15",
        "yaml",
        "an anchor and an alias",
        lambda r: replace(
            r,
            f"{B}/places.yaml",
            "kind: village",
            "kind: &k village",
        ),
        rf"{B}/places.yaml:\d+: anchor '&k' is not allowed in fact sheets",
    ),
    Case(
        "N-Y16",
        "yaml",
        "a field of an event indented one space less (issue 15's slip)",
        lambda r: replace(
            r,
            f"{B}/events.yaml",
            "  date: 2023-05-22\n  date_phrase: on Monday",
            " date: 2023-05-22\n  date_phrase: on Monday",
        ),
        rf"{B}/events.yaml:{RAID_TITLE + 1}: this line starts in column 2 but the field 'title' "
        rf"on line {RAID_TITLE} in column 3: the fields of one record must line up",
    ),
    Case(
        "N-Y17",
        "yaml",
        "places.yaml does not parse: the references to its ids are counted once, not reported",
        lambda r: replace(r, f"{B}/places.yaml", "  kind: village", "   kind: village"),
        rf"{B}/places.yaml:27: warning: \d+ references to places in the other fact sheets "
        r"were not checked because places.yaml did not parse",
    ),
    Case(
        "N-Y18",
        "yaml",
        "a citation's '- ' one column left of the entry above it",
        lambda r: replace(
            r,
            f"{B}/places.yaml",
            "    - source: mondo\n      quote: entered the territory of the Graivoronsk",
            "   - source: mondo\n      quote: entered the territory of the Graivoronsk",
        ),
        rf"{B}/places.yaml:22: this entry's '- ' is in column 4, but the entries of its list "
        r"\(line 20\) in column 5: the '- ' of one list must line up",
    ),
    Case(
        "N-Y19",
        "yaml",
        "an unquoted value holding ': '",
        lambda r: replace(r, f"{B}/places.yaml", "  name: Kozinka", "  name: Kozinka: a village"),
        rf"{B}/places.yaml:26: the value of 'name' holds ': ', which YAML reads as a new "
        r"field; put the whole value in quotes",
    ),
    Case(
        "N-Y20",
        "yaml",
        "a new entry written '-id:' without the space",
        lambda r: replace(r, f"{B}/places.yaml", "- id: kozinka", "-id: kozinka"),
        rf"{B}/places.yaml:25: an entry starts with '- ' \(a dash and a space\): write "
        r"'- id: kozinka'",
    ),
    Case(
        "N-Y21",
        "yaml",
        "a value starting with '@'",
        lambda r: replace(
            r,
            f"{B}/places.yaml",
            "  country: Russia",
            "  country: @Russia",
        ),
        rf"{B}/places.yaml:\d+: a value cannot start with '@' in YAML; put the whole value "
        r"in quotes",
    ),
    # --- the briefing folder and its address -----------------------------------------------
    Case(
        "P05",
        "addresses",
        "a briefing folder named like the editors' guide",
        lambda r: shutil.copytree(r / B, r / "briefings/writing-fact-sheets"),
        r"briefings/writing-fact-sheets/briefing.yaml:1: the briefing's folder name "
        r"'writing-fact-sheets' is an address a hand-written page in docs already uses",
    ),
    Case(
        "N-P01",
        "addresses",
        "a briefing folder named pagefind (where the search index goes)",
        lambda r: shutil.copytree(r / B, r / "briefings/pagefind"),
        r"briefings/pagefind/briefing.yaml:1: the briefing's folder name 'pagefind' is an "
        r"address the site itself already uses",
    ),
    Case(
        "N-P02",
        "addresses",
        "a briefing inside briefings/schemas/",
        lambda r: shutil.copy(r / f"{B}/briefing.yaml", r / "briefings/schemas/"),
        r"briefings/schemas/briefing.yaml:1: briefings/schemas/ holds the fact sheets' "
        r"JSON Schemas, not a briefing",
    ),
    Case(
        "N-P03",
        "addresses",
        "a briefing folder with a capital letter",
        lambda r: shutil.copytree(r / B, r / "briefings/Belgorod"),
        r"briefings/Belgorod:1: a briefing folder name becomes its URL",
    ),
    Case(
        "N-P04",
        "addresses",
        "a briefing folder that is a link out of briefings/",
        lambda r: (
            shutil.copytree(r / B, r / "elsewhere/copy"),
            (r / "briefings/copy").symlink_to(r / "elsewhere/copy"),
        ),
        r"briefings/copy:1: is a link to a folder outside briefings/",
    ),
    Case(
        "P08",
        "addresses",
        "an actor with id index",
        lambda r: append(r, f"{B}/actors.yaml", new_actor("index", "Index Person")),
        rf"{B}/actors.yaml:\d+: id: 'index' is the address of the actors list page",
    ),
    Case(
        "P09",
        "addresses",
        "a source with id index",
        lambda r: (
            replace(r, f"{B}/sources.yaml", "- id: thansan", "- id: index"),
            replace(r, f"{B}/events.yaml", "source: thansan", "source: index"),
        ),
        rf"{B}/sources.yaml:\d+: id: 'index' is the address of the sources list page",
    ),
    Case(
        "P10",
        "addresses",
        "a place with id index",
        lambda r: append(r, f"{B}/places.yaml", new_place("index", "Indexville")),
        rf"{B}/places.yaml:\d+: id: 'index' is the address of the places list page",
    ),
    Case(
        "P11",
        "addresses",
        "an event with id timeline-hatch (a chart's old anchor)",
        lambda r: append(r, f"{B}/events.yaml", new_event("timeline-hatch")),
        outcome="ok",
    ),
    Case(
        "N-P05",
        "addresses",
        "an event with id timeline (the page title's anchor)",
        lambda r: append(r, f"{B}/events.yaml", new_event("timeline")),
        rf"{B}/events.yaml:\d+: id: 'timeline' is the anchor of the title of the Timeline "
        r"page on timeline.md",
    ),
    Case(
        "P12",
        "addresses",
        "a claim with id incident-raid-begins",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("incident-raid-begins")),
        rf"{B}/claims.yaml:\d+: id: 'incident-raid-begins' is the anchor of the section of "
        r"incident 'raid-begins' on casualties.md",
    ),
    Case(
        "N-P06",
        "addresses",
        "a claim with id casualty-claims",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("casualty-claims")),
        rf"{B}/claims.yaml:\d+: id: 'casualty-claims' is the anchor of the title",
    ),
    Case(
        "N-P07",
        "addresses",
        "a statement with id statements",
        lambda r: append(r, f"{B}/statements.yaml", new_statement("statements")),
        rf"{B}/statements.yaml:\d+: id: 'statements' is the anchor of the title",
    ),
    # --- names -------------------------------------------------------------------------------
    Case(
        "Y28",
        "names",
        "a right-to-left override in an actor name",
        lambda r: replace(
            r, f"{B}/actors.yaml", "name: Denis Nikitin", 'name: "Denis \\u202eNikitin"'
        ),
        rf"{B}/actors.yaml:\d+: name: contains U\+202E",
    ),
    Case(
        "Y29",
        "names",
        "an alias with a zero-width joiner",
        lambda r: append(
            r,
            f"{B}/actors.yaml",
            new_actor("zwj", "Someone Else", '["Russian Volunteer\\u200dCorps"]'),
        ),
        rf"{B}/actors.yaml:\d+: aliases\[0\]: 'Russian Volunteer.Corps' holds U\+200D ZERO "
        r"WIDTH JOINER",
    ),
    Case(
        "N-N01",
        "names",
        "an alias with a zero-width space",
        lambda r: append(
            r, f"{B}/actors.yaml", new_actor("zwsp", "Someone Else", '["Kozinka\\u200b"]')
        ),
        r"holds U\+200B ZERO WIDTH SPACE",
    ),
    Case(
        "N-N02",
        "names",
        "an alias with a soft hyphen",
        lambda r: append(
            r, f"{B}/actors.yaml", new_actor("shy", "Someone Else", '["Glad\\u00adkov"]')
        ),
        r"holds U\+00AD SOFT HYPHEN",
    ),
    Case(
        "Y33",
        "names",
        "Cyrillic о in 'Russian Vоlunteer Cоrps' on another actor",
        lambda r: append(
            r, f"{B}/actors.yaml", new_actor("fake", "Someone Else", '["Russian Vоlunteer Cоrps"]')
        ),
        rf"{B}/actors.yaml:\d+: aliases\[0\]: 'Vоlunteer' mixes Cyrillic and Latin letters",
    ),
    Case(
        "N-N03",
        "names",
        "Greek omicron in a place name",
        lambda r: append(r, f"{B}/places.yaml", new_place("fake-place", "Kοzinka Nοrth")),
        rf"{B}/places.yaml:\d+: name: 'Kοzinka' mixes Greek and Latin letters",
    ),
    Case(
        "N-N04",
        "names",
        "an all-Cyrillic look-alike of another place's name",
        lambda r: append(r, f"{B}/places.yaml", new_place("fake-moscow", "Моѕсоԝ")),
        rf"{B}/places.yaml:\d+: aliases: 'Моѕсоԝ' is also a name of place 'moscow' \(it "
        r"looks the same as 'Moscow'\)",
    ),
    Case(
        "N-N05",
        "names",
        "a fullwidth spelling of another actor's name",
        lambda r: append(r, f"{B}/actors.yaml", new_actor("wide", "Someone Else", '["ＦＳＢ"]')),
        r"aliases: 'ＦＳＢ' is also a name of actor 'fsb'",
    ),
    Case(
        "N-N06",
        "names",
        "Cyrillic letters (Вагнер) as their own word: one script each",
        lambda r: append(r, f"{B}/actors.yaml", new_actor("wagner", "Wagner Group", '["Вагнер"]')),
        outcome="ok",
    ),
    # --- ids ---------------------------------------------------------------------------------
    Case(
        "Y30",
        "ids",
        "an actor id with a Cyrillic letter while the old id is referenced",
        lambda r: replace(r, f"{B}/actors.yaml", "- id: denis-nikitin", "- id: denis-nikitіn"),
        rf"{B}/actors.yaml:\d+: id: 'denis-nikitіn' is not valid",
    ),
    Case(
        "Y32",
        "ids",
        "an id with a space, a slash and a dot",
        lambda r: replace(r, f"{B}/places.yaml", "- id: kozinka", "- id: Koz inka/../x.y"),
        rf"{B}/places.yaml:\d+: id: 'Koz inka/../x.y' is not valid",
    ),
    Case(
        "N-I01",
        "ids",
        "a reference to an id that did not read says so, after its cause",
        lambda r: replace(r, f"{B}/places.yaml", "- id: zamostye", "- id: Zamostye"),
        r"'zamostye' is not the id of any place in places.yaml.*an id in places.yaml is "
        r"itself invalid \(reported above\)",
    ),
    Case(
        "R03",
        "ids",
        "two sources derive from each other",
        lambda r: replace(
            r,
            f"{B}/sources.yaml",
            "  published: 2023-05-23\n  language: en\n  reliability:\n    grade: B",
            "  published: 2023-05-23\n  language: en\n  derived_from: [mondo]\n"
            "  reliability:\n    grade: B",
        ),
        rf"{B}/sources.yaml:\d+: derived_from: derivation goes round in a circle: 'guardian' "
        r"→ 'mondo' → 'guardian'",
    ),
    # --- dates -------------------------------------------------------------------------------
    Case(
        "D07",
        "dates",
        "an event on 9999-12-31",
        lambda r: append(r, f"{B}/events.yaml", new_event("far-future", "9999-12-31")),
        rf"{B}/events.yaml:\d+: warning: date: 31 December 9999 is after every source citing "
        r"it was published",
        outcome="warning",
    ),
    Case(
        "D13",
        "dates",
        "a claim as of 1900-01-01",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("old-claim", as_of="1900-01-01")),
        rf"{B}/claims.yaml:\d+: as_of: 1900-01-01 is before its incident 'raid-begins'",
    ),
    Case(
        "D05",
        "dates",
        "9999-12-30 with precision approximate",
        lambda r: append(
            r, f"{B}/events.yaml", new_event("near-end", "9999-12-30", "precision: approximate")
        ),
        rf"{B}/events.yaml:\d+: warning: date: around 30 December 9999 is after every source",
        outcome="warning",
    ),
    Case(
        "D06",
        "dates",
        "0001-01-02 with precision approximate",
        lambda r: append(
            r, f"{B}/events.yaml", new_event("near-start", "0001-01-02", "precision: approximate")
        ),
        rf"{B}/events.yaml:\d+: warning: date: around 2 January 1 is more than 100 years before",
        outcome="warning",
    ),
    Case(
        "N-D01",
        "dates",
        "year 0000",
        lambda r: append(r, f"{B}/events.yaml", new_event("year-zero", "0000", "precision: year")),
        rf"{B}/events.yaml:\d+: date: '0000' is in year 0, which no calendar has",
    ),
    Case(
        "N-D02",
        "dates",
        "a claim as of a day after its only source was published",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("late-claim", as_of="2023-06-30")),
        rf"{B}/claims.yaml:\d+: warning: as_of: 2023-06-30 is after every source giving the "
        r"figure was published",
        outcome="warning",
    ),
    Case(
        "N-D04",
        "dates",
        "an event in 1023 (a typo for 2023)",
        lambda r: append(r, f"{B}/events.yaml", new_event("typo-year", "1023-05-22")),
        rf"{B}/events.yaml:\d+: warning: date: 22 May 1023 is more than 100 years before the "
        r"briefing's period",
        outcome="warning",
    ),
    Case(
        "N-D03",
        "dates",
        "a date that does not exist",
        lambda r: append(r, f"{B}/events.yaml", new_event("bad-day", "2023-02-30")),
        rf"{B}/events.yaml:\d+: date: '2023-02-30' is not a real calendar date",
    ),
    # --- figures -----------------------------------------------------------------------------
    Case(
        "F03",
        "figures",
        "count 10^30 on a quote that says eight",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("huge", count="1" + "0" * 30)),
        rf"{B}/claims.yaml:\d+: count: '1000000000000000000…' has 31 digits",
    ),
    Case(
        "N-F04",
        "figures",
        "a count of twenty billion",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("billions", count="20000000000")),
        rf"{B}/claims.yaml:\d+: count: 20,000,000,000 is more than any count of people or "
        r"things can be",
    ),
    Case(
        "F11",
        "figures",
        "a range whose max is 10^41",
        lambda r: append(
            r, f"{B}/claims.yaml", new_claim("huge-range", count="{min: 8, max: 1" + "0" * 41 + "}")
        ),
        rf"{B}/claims.yaml:\d+: count.max: .* has 42 digits",
    ),
    Case(
        "F07",
        "figures",
        "a count of 5,000 digits",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("digits", count="9" * 5000)),
        rf"{B}/claims.yaml:\d+: count: .* has 5,000 digits; no number here needs more than 15",
    ),
    Case(
        "N-F01",
        "figures",
        "count 80 where the quote says eight",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("typo", count="80")),
        rf"{B}/claims.yaml:\d+: warning: count: 80 is not within a factor of ten of any "
        r"number its quotes give \(8\)",
        outcome="warning",
    ),
    Case(
        "N-F02",
        "figures",
        "a negative count",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("negative", count="-3")),
        rf"{B}/claims.yaml:\d+: count: a count cannot be negative",
    ),
    Case(
        "N-F03",
        "figures",
        "a latitude of 1e400",
        lambda r: replace(
            r,
            f"{B}/places.yaml",
            "kind: village",
            "kind: village\n  coordinates: {lat: 1e400, lon: 35.4}",
        ),
        rf"{B}/places.yaml:\d+: coordinates.lat: inf is not a latitude",
    ),
    Case(
        "N-F05",
        "figures",
        "a summary giving a figure no claim gives (20 wounded for the governor's 12)",
        lambda r: replace(r, f"{B}/briefing.yaml", "he said 12 civilians", "he said 20 civilians"),
        rf"{B}/briefing.yaml:5: warning: summary: gives “20 civilians.*”, but no claim in "
        r"claims\.yaml gives 20",
        outcome="warning",
    ),
    Case(
        "N-F06",
        "figures",
        "a summary saying the sources disagree over figures the comparison finds compatible",
        lambda r: replace(
            r,
            f"{B}/briefing.yaml",
            "The sources name the two groups",
            "The sources disagree on the number of wounded, and name the two groups",
        ),
        rf"{B}/briefing.yaml:5: warning: summary: says the sources disagree about the figures "
        r"for wounded .*, but no figures compared for that loss are apart: Wounded: civilians",
        outcome="warning",
    ),
    # --- quotes ------------------------------------------------------------------------------
    Case(
        "Y26",
        "quotes",
        "a 1 MB quote that is not in the source",
        lambda r: append(r, f"{B}/claims.yaml", new_claim("long-quote", quote="x" * 1_000_000)),
        rf"{B}/claims.yaml:\d+: citations\[0\]\.quote: is 1,000,000 characters; a quote may be "
        r"at most 2,000",
    ),
    Case(
        "N-Q01",
        "quotes",
        "a 1,900-character quote that is not in the source",
        lambda r: append(
            r, f"{B}/claims.yaml", new_claim("long-miss", quote="eight people were wounded " * 73)
        ),
        rf"{B}/claims.yaml:\d+: citations\[0\]\.quote: not found in source 'guardian' "
        r"\(closest: ",
    ),
    Case(
        "N-Q02",
        "quotes",
        "a quote with different spaces, quotes and dashes",
        lambda r: append(
            r,
            f"{B}/claims.yaml",
            new_claim(
                "spacing", quote="said   eight people  were wounded after the town came under"
            ),
        ),
        outcome="ok",
    ),
    # --- commands ----------------------------------------------------------------------------
    Case(
        "K16",
        "commands",
        "render --out seeds",
        lambda r: None,
        r"^briefing render: --out seeds is the project's seeds folder, which the render would "
        r"replace",
        steps=(Step(("render", "--out", "seeds")),),
    ),
    Case(
        "N-C01",
        "commands",
        "render --out briefings/x",
        lambda r: None,
        r"^briefing render: --out briefings/x is inside the project's briefings folder",
        steps=(Step(("render", "--out", "briefings/x")),),
    ),
    Case(
        "N-C02",
        "commands",
        "render --out . (the project itself)",
        lambda r: None,
        r"^briefing render: --out \. is the project folder, or a folder around it",
        steps=(Step(("render", "--out", ".")),),
    ),
    Case(
        "N-C03",
        "commands",
        "render --out a folder holding other files",
        lambda r: write(r, "mine/notes.txt", "my notes\n"),
        r"^briefing render: --out mine already holds files that `briefing render` did not "
        r"write",
        steps=(Step(("render", "--out", "mine")),),
    ),
    Case(
        "N-C04",
        "commands",
        "render twice into the same folder",
        lambda r: None,
        r"^wrote out$",
        steps=(Step(("render", "--out", "out")), Step(("render", "--out", "out"))),
        outcome="ok",
        may_change=("out",),
    ),
    Case(
        "K17",
        "commands",
        "render --out FILE",
        lambda r: write(r, "afile", "x\n"),
        r"^briefing render: --out afile is a file; give a folder",
        steps=(Step(("render", "--out", "afile")),),
    ),
    Case(
        "K18",
        "commands",
        "schema --out FILE",
        lambda r: write(r, "afile", "x\n"),
        r"^briefing schema: --out afile is a file; give a folder",
        steps=(Step(("schema", "--out", "afile")),),
    ),
    Case(
        "K11",
        "commands",
        "diff -- --output=claims.yaml (git option injection)",
        git_commit,
        r"^briefing diff: cannot read a revision: '--output=.*' is not a revision",
        steps=(Step(("diff", "--", f"--output={B}/claims.yaml")),),
    ),
    Case(
        "N-C05",
        "commands",
        "diff of a revision that does not exist",
        git_commit,
        r"^briefing diff: cannot read a revision: 'no-such-branch' names no commit",
        steps=(Step(("diff", "no-such-branch")),),
    ),
    Case(
        "N-C06",
        "commands",
        "diff of a revision whose seeds/ holds a link out",
        lambda r: ((r / "seeds/evil.txt").symlink_to("/etc/passwd"), git_commit(r)),
        r"^briefing diff: cannot read a revision: at HEAD, seeds/evil.txt links outside "
        r"seeds/; `briefing check` refuses such links too",
        steps=(Step(("diff", "HEAD")),),
    ),
    Case(
        "K14",
        "commands",
        "new event on a CRLF events.yaml",
        lambda r: (r / f"{B}/events.yaml").write_bytes(
            (r / f"{B}/events.yaml").read_bytes().replace(b"\n", b"\r\n")
        ),
        rf"^{B}/events.yaml:\d+: added event 'new-event'",
        steps=(Step(("new", "event", "--briefing", SLUG)),),
        outcome="ok",
        may_change=(f"{B}/events.yaml",),
        verify=crlf_kept,
    ),
    Case(
        "K15",
        "commands",
        "new event --briefing ../../outside",
        lambda r: None,
        r"^briefings/\.\./\.\./outside: no such briefing",
        steps=(Step(("new", "event", "--briefing", "../../outside")),),
    ),
    Case(
        "N-C07",
        "commands",
        "new place on a places.yaml written as a flow list",
        lambda r: write(r, f"{B}/places.yaml", "[]\n"),
        rf"^{B}/places.yaml is not a plain list of entries",
        steps=(Step(("new", "place", "--briefing", SLUG)),),
    ),
    Case(
        "N-C08",
        "commands",
        "new actor on an actors.yaml with a syntax error",
        lambda r: append(r, f"{B}/actors.yaml", '- id: "broken\n'),
        rf"^{B}/actors.yaml is not a plain list of entries",
        steps=(Step(("new", "actor", "--briefing", SLUG)),),
    ),
    Case(
        "N-C09",
        "commands",
        "new event when events.yaml is a link out",
        lambda r: link_sheet(r, "events.yaml", secret_outside(r)),
        rf"^{B}/events.yaml is a symbolic link to a file outside",
        steps=(Step(("new", "event", "--briefing", SLUG)),),
    ),
    # --- the build ---------------------------------------------------------------------------
    Case(
        "K19",
        "build",
        "an uncited source, then a strict build",
        lambda r: (
            shutil.copy(r / "seeds/2023-05-23_the-guardian.txt", r / "seeds/copy.txt"),
            source_with_file(r, "copy.txt"),
        ),
        rf"{B}/sources.yaml:\d+: warning: id: source 'extra' is cited by no fact",
        outcome="warning",
    ),
    # A killed build: site/ must be the old or the complete new site at once, and the next
    # build clears what the killed one left.
    *(
        Case(
            case_id,
            "build",
            f"a build killed at {seconds} s, then built again",
            retitle,
            steps=(Step(("build",), kill_after=seconds), BUILD),
            outcome="ok",
        )
        for case_id, seconds in (("K02", 0.8), ("K04", 1.0), ("K05", 1.2))
    ),
    Case(
        "K08",
        "build",
        "the disk fills up during the build (files over 50 KB fail)",
        retitle,
        r"^briefing build: File too large",
        steps=(Step(("build",), file_size_limit=50_000),),
    ),
    Case(
        "K06",
        "build",
        "two builds at once",
        retitle,
        r"another build of site/ is running \(process \d+\); waiting for it to finish",
        steps=(Step(("build",), together=2),),
        outcome="ok",
    ),
    Case(
        "K07",
        "build",
        "site/ cannot be renamed (immutable as root, read-only otherwise)",
        immutable_site,
        r"briefing: Operation not permitted" if os.geteuid() == 0 else "",
        steps=(BUILD,),
        outcome="error" if os.geteuid() == 0 else "ok",
    ),
    Case(
        "N-B01",
        "build",
        "docs/ holds a link to /etc/passwd",
        lambda r: (r / "docs/passwd.md").symlink_to("/etc/passwd"),
        r"^docs/passwd.md:1: is a symbolic link to something outside docs/",
    ),
    Case(
        "N-B02",
        "build",
        "docs/ holds a FIFO",
        lambda r: os.mkfifo(r / "docs/pipe.md"),
        r"^docs/pipe.md:1: is not a regular file or folder",
    ),
    Case(
        "N-B03",
        "build",
        "mkdocs.yml points docs_dir outside the project",
        lambda r: (
            replace(r, "mkdocs.yml", "docs_dir: docs", f"docs_dir: {r.parent}/outside")
            or secret_outside(r)
        ),
        r"outside:1: the docs folder resolves outside the project folder",
    ),
    Case(
        "N-B04",
        "build",
        "the plugin's seeds_dir points outside the project",
        lambda r: (
            replace(
                r, "mkdocs.yml", "  - briefing:\n", "  - briefing:\n      seeds_dir: ../outside\n"
            ),
            secret_outside(r),
        ),
        r"outside:1: the seeds folder resolves outside the project folder",
        steps=(BUILD,),
    ),
    Case(
        "N-B05",
        "build",
        "a hand-written page at the address of a briefing",
        lambda r: write(r, f"docs/{SLUG}.md", "# Mine\n"),
        rf"{B}/briefing.yaml:1: the briefing's folder name '{SLUG}' is an address a "
        r"hand-written page in docs already uses",
    ),
]

# The review of main at dd7a752 (reliability-2026-12-07.md) and new cases in its families.
CASES += BUILD_CASES + HISTORY_CASES + TEXT_CASES + COMMANDS_CASES + WAIVER_CASES
# Rival versions of an assertion (issue 28).
CASES += VERSION_CASES


def main(ids: list[str]) -> int:
    import tempfile

    chosen = [c for c in CASES if not ids or c.id in ids]
    tally: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        base = base_project(Path(tmp) / "base")
        for number, case in enumerate(chosen):
            result = judge(case, copy_project(base, Path(tmp) / f"case{number}" / "project"))
            tally[result.verdict] += 1
            print(
                f"{result.verdict:<9} {case.id:<12} {result.seconds:5.1f}s  {case.mistake}"
                + (f"  [{result.detail}]" if result.detail else "")
            )
            if result.verdict not in ("CLEAR", "OK") or len(chosen) == 1:
                print(textwrap.indent(result.output.rstrip(), "    | "))
    review = sum(not c.id.startswith(("N-", "N2-")) for c in chosen)
    print(
        f"\n{len(chosen)} cases ({review} from the review, {len(chosen) - review} new): "
        + ", ".join(
            f"{k} {tally.get(k, 0)}"
            for k in ("CLEAR", "OK", "SILENT", "TRACEBACK", "HANG", "DAMAGE")
        )
    )
    return 0 if set(tally) <= {"CLEAR", "OK"} else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
