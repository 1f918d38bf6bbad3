"""Where pages and facts live: anchors as the built site gives them."""

import markdown

from generator.addresses import heading_anchor


def test_a_headings_anchor_is_the_one_the_table_of_contents_gives():
    """The anchors the checks reserve are Python-Markdown's own (its toc runs in the build):
    accents folded, not kept ("Café — naïve" is cafe-naive)."""
    for title in ("Café — naïve", "Casualty claims", "Who’s who: names & aliases"):
        html = markdown.markdown(f"# {title}", extensions=["toc"])
        assert f'id="{heading_anchor(title)}"' in html, (title, html)
