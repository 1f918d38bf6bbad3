"""Text reuse between sources, and the checks on declared derivation."""

import textwrap

from generator.cli import main
from generator.pipeline import load_briefings
from generator.problems import has_errors
from generator.render.site import render_site
from generator.sources.reuse import measure_reuse
from generator.sources.text import clean_source_text

ORIGINAL = textwrap.dedent("""\
    Armed men crossed the river at dawn and took the old mill near the village of Lowford,
    local officials said on Monday.

    "We will hold the mill until the talks begin," the group's commander told reporters.

    The regional governor said the situation was tense but under control.
    """)

# A close copy: the narration reworded in a few places, the quotation kept.
COPY = textwrap.dedent("""\
    Armed men crossed the river at dawn and took the old mill near the village of Lowford,
    officials said on Monday.

    "We will hold the mill until the talks begin," the group's commander said.

    The regional governor said the situation was tense but under control, according to the
    report.
    """)

# Its own narration; shares the quotation only.
QUOTER = textwrap.dedent("""\
    A commander of the group that seized a mill in the Lowford area spoke to journalists.

    "We will hold the mill until the talks begin," he said.
    """)

INDEPENDENT = textwrap.dedent("""\
    Fighting was reported in the north of the province. Residents described hearing gunfire
    through the night, and several roads were closed by police.
    """)


def texts(**sources):
    return {name: clean_source_text(text, "", []) for name, text in sources.items()}


def test_a_copy_shares_its_narration_a_quoter_only_the_quotation():
    reuse = measure_reuse(
        texts(original=ORIGINAL, copy=COPY, quoter=QUOTER, independent=INDEPENDENT)
    )
    assert reuse.narration["copy", "original"] > 60
    assert reuse.narration["original", "copy"] > 60
    # The quotation is shared text, but not shared narration.
    assert reuse.shared["quoter", "original"] > 30
    assert reuse.narration["quoter", "original"] == 0
    assert reuse.shared["independent", "original"] == 0
    assert reuse.shared["original", "independent"] == 0


def test_shared_passages_are_the_longest_runs_with_their_paragraphs():
    reuse = measure_reuse(texts(original=ORIGINAL, copy=COPY))
    passages = reuse.passages["copy", "original"]
    first = passages[0]
    assert (first.text, first.words, first.paragraph_a, first.paragraph_b, first.quoted) == (
        "Armed men crossed the river at dawn and took the old mill near the village of Lowford, "
        "officials said on Monday",
        21,
        1,
        1,
        False,
    )
    quoted = [p for p in passages if p.quoted]
    assert [p.text for p in quoted] == [
        "We will hold the mill until the talks begin,\" the group's commander"
    ]


SOURCES = textwrap.dedent("""\
    - id: original
      file: original.txt
      outlet: The Original
      title: Mill taken
      published: 2023-05-22
      language: en
    - id: copy
      file: copy.txt
      outlet: The Copy
      title: Mill taken
      published: 2023-05-23
      language: en
    - id: independent
      file: independent.txt
      outlet: The Independent Report
      title: Fighting in the north
      published: 2023-05-23
      language: en
    """)

CLAIMS = ""
EVENTS = textwrap.dedent("""\
    - id: mill
      title: Fighting in the north, and the mill is taken
      date: 2023-05-22
      summary: Armed men took the mill.
      status: reported
      citations:
        - source: original
          quote: took the old mill near the village of Lowford
        - source: copy
          quote: took the old mill near the village of Lowford
        - source: independent
          quote: Fighting was reported in the north of the province
    """)


def reuse_project(project, sources):
    return project(
        files={
            "sources.yaml": sources,
            "events.yaml": EVENTS,
            "claims.yaml": CLAIMS,
            "actors.yaml": "",
        },
        seeds={"original.txt": ORIGINAL, "copy.txt": COPY, "independent.txt": INDEPENDENT},
    )


def test_check_warns_about_undeclared_copying(project, capsys):
    root = reuse_project(project, SOURCES)
    assert main(["--root", str(root), "check", "--strict"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 2
    assert err[0].startswith(
        "briefings/test/sources.yaml:7: warning: derived_from: 'copy' and 'original' share "
    )
    assert err[0].endswith(
        " of their narration in runs of 6 words, but neither declares "
        "derived_from the other; add it to the one that copies"
    )


def test_check_accepts_a_supported_declaration_and_warns_about_an_unsupported_one(project, capsys):
    declared = SOURCES.replace(
        "  published: 2023-05-23\n  language: en\n- id: independent",
        "  published: 2023-05-23\n  language: en\n  derived_from: [original]\n- id: independent",
    )
    root = reuse_project(project, declared)
    assert main(["--root", str(root), "check", "--strict"]) == 0
    capsys.readouterr()

    unsupported = declared + "  derived_from: [original]\n"
    root = reuse_project(project, unsupported)
    assert main(["--root", str(root), "check", "--strict"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "briefings/test/sources.yaml:20: warning: derived_from: 'independent' is declared to "
        "derive from 'original', but they share only 0.0% of their narration in runs of 6 "
        "words; check the declaration (a loose translation may share little wording)"
    )


# Two reports of one statement: the same long quotation, and the same words introducing its
# speaker (narration), as the Guardian and another outlet wrote Andriy Yusov's words.
STATEMENT = (
    '"We will hold the mill and every road around it until the talks begin and the army '
    'withdraws from the valley," Ivan Petrov, a spokesman for the regional command, told '
)
ATTRIBUTED = STATEMENT + "local radio.\n\nThe mill was quiet on Tuesday.\n"
ALSO_ATTRIBUTED = STATEMENT + "the Kyiv media.\n\nFighting went on near the bridge.\n"
QUOTED_ONLY = (
    'Ivan Petrov spoke to journalists: "We will hold the mill and every road around it until '
    'the talks begin and the army withdraws from the valley."\n'
)


def test_a_quotation_sharing_its_narration_is_not_labelled_a_mere_quotation():
    # The rule facts' lineages go by (dependence) and the label the compare page gives a
    # run are one: a mostly quoted run that holds six words of narration is shared
    # narration (audit m10: the page said "quotation" where the statement was one lineage).
    reuse = measure_reuse(texts(a=ATTRIBUTED, b=ALSO_ATTRIBUTED, c=QUOTED_ONLY))
    shared = reuse.passages["a", "b"][0]
    assert shared.quoted and shared.shares_narration and shared.narration_words == 9
    only_quoted = reuse.passages["a", "c"][0]
    assert only_quoted.quoted and not only_quoted.shares_narration


def test_the_compare_page_says_how_much_narration_a_quoted_run_shares(project):
    sources = "".join(
        f"- id: {sid}\n  file: {sid}.txt\n  outlet: Outlet {sid.upper()}\n  title: Mill\n"
        "  published: 2023-05-23\n  language: en\n"
        for sid in ("a", "b", "c")
    )
    events = textwrap.dedent("""\
        - id: mill
          title: The mill is held
          date: 2023-05-22
          summary: A spokesman said the mill would be held.
          status: reported
          citations:
            - source: a
              quote: The mill was quiet on Tuesday
            - source: b
              quote: Fighting went on near the bridge
            - source: c
              quote: Ivan Petrov spoke to journalists
        """)
    root = project(
        files={"sources.yaml": sources, "events.yaml": events, "claims.yaml": ""},
        seeds={"a.txt": ATTRIBUTED, "b.txt": ALSO_ATTRIBUTED, "c.txt": QUOTED_ONLY},
    )
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert not has_errors(problems)
    compare = render_site(briefings)["test/compare.md"]
    runs = [line for line in compare.splitlines() if line.startswith("- [Outlet")]
    # A and B share the quotation and its narration; each shares only the quotation with C.
    assert [run.split("), ", 1)[0].rsplit(") ", 1)[1] for run in runs] == [
        "(quotation, and 9 words of narration around it: shared narration",
        "(quotation",
        "(quotation",
    ]
    assert "[Outlet A ¶1](sources/a.md#p1) · [Outlet B ¶1](sources/b.md#p1) (" in runs[0]
