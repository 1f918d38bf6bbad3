"""One claimant's figures for one loss in different places or scopes are linked from each
other's entries, and a figure whose coverage the sources leave unstated says so."""

import textwrap

from conftest import CLAIMS, SEED

from generator.analysis.build import analyse
from generator.pipeline import load_briefings
from generator.render.charts import FigureGroup, FigureRow, casualty_chart
from generator.render.views.base import Book
from generator.render.views.facts import casualties_view

TOWN = SEED.replace(
    "The brigade says", "In Lowford, Petrov said, three people were wounded. The brigade says"
)
CLAIMS_2 = CLAIMS + textwrap.dedent("""\
    - id: petrov-lowford-3
      claimant: ivan-petrov
      as_of: 2023-05-22
      incident: crossing
      category: wounded
      group: unspecified
      place: lowford
      count: 3
      citations:
        - source: daily
          quote: In Lowford, Petrov said, three people were wounded
    """)
PLACES = "- id: lowford\n  name: Lowford\n  kind: village\n"


def test_each_of_one_claimants_figures_links_the_others_and_an_unstated_scope_says_so(project):
    root = project(
        files={"claims.yaml": CLAIMS_2, "places.yaml": PLACES}, seeds={"daily.txt": TOWN}
    )
    briefings, problems = load_briefings(root, root / "briefings", root / "seeds")
    assert briefings, problems
    view = casualties_view(Book(briefings[0], analyse(briefings[0])))
    entries = {e.claim.id: e for g in view.incidents[0].groups for e in g.claims}
    whole, town = entries["petrov-wounded"], entries["petrov-lowford-3"]
    assert [t.anchor for t in whole.also] == ["petrov-lowford-3"]
    assert [t.anchor for t in town.also] == ["petrov-wounded"]
    assert whole.also[0].text.startswith("3 people wounded")
    # "Eight people were wounded" says nowhere what it covers; the Lowford figure does.
    assert whole.scope_unstated and not town.scope_unstated


def test_a_lone_figure_links_nothing(project):
    root = project()
    briefings, _ = load_briefings(root, root / "briefings", root / "seeds")
    view = casualties_view(Book(briefings[0], analyse(briefings[0])))
    (entry,) = view.incidents[0].groups[0].claims
    assert entry.also == () and not entry.scope_unstated


def test_the_casualty_chart_prints_every_figure_and_label_whole():
    long = "“hundreds of thousands” (read as at least 200,000)"
    rows = (
        FigureRow(
            "according to the regional evacuation office",
            "more than 1,200",
            1201,
            None,
            False,
            False,
            "#a",
            "a",
        ),
        FigureRow(
            "the outlet's own count (The Halden Courier)",
            long,
            200_000,
            None,
            False,
            False,
            "#b",
            "b",
        ),
    )
    html = casualty_chart("Evacuated", [FigureGroup("Evacuated: people", "update", rows)])
    assert ">more than 1,200</span>" in html
    assert html.count("(read as at least 200,000)") == 1
    assert "according to the regional evacuation office</span>" in html
    assert "…" not in html
