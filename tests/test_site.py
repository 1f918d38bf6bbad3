"""Full MkDocs builds in a temporary folder, asserting on the HTML a reader gets."""

from __future__ import annotations

import csv
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, SHIPPED, copy_site_inputs, hostile_project, mkdocs_build

from generator.addresses import incident_anchor, reserved_anchors
from generator.cli import main
from generator.factsheets.kinds import KINDS
from generator.factsheets.load import load_factsheets


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, of an HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: set[str] = set()
        self.id_list: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
            self.id_list.append(attributes["id"])

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def built(shipped_site: Path) -> Path:
    """The shipped briefing, built once for the session (conftest.shipped_site)."""
    return shipped_site


def page(site: Path, path: str) -> Tags:
    return Tags((site / path / "index.html").read_text(encoding="utf-8"))


def test_every_section_and_entity_page_is_built(built):
    b = built / SHIPPED
    for section in ("", "actors", "places", "timeline", "casualties", "sources", "compare", "data"):
        assert (b / section / "index.html").is_file(), section
    actors = json.loads((b / "data/actors.json").read_text())
    sources = json.loads((b / "data/sources.json").read_text())
    for actor in actors:
        assert (b / "actors" / actor["id"] / "index.html").is_file()
    for source in sources:
        assert (b / "sources" / source["id"] / "index.html").is_file()
    assert (b / "data/claims.csv").read_text().startswith("id,incident,category,group,figure")
    # Without JavaScript, a cite line shows the fact's path within the site.
    timeline = (b / "timeline/index.html").read_text(encoding="utf-8")
    assert f'href="#raid-begins">{SHIPPED}/timeline/#raid-begins</a>' in timeline
    events = json.loads((b / "data/events.json").read_text())
    rows = list(csv.DictReader((b / "data/events.csv").read_text().splitlines()))
    assert [r["id"] for r in rows] == [e["id"] for e in events]
    raid = next(r for r in rows if r["id"] == "raid-begins")
    assert (raid["date"], raid["status"], raid["credibility"]) == ("22 May 2023", "confirmed", "1")
    assert "guardian ¶16" in raid["sources"].split("; ")
    assert (built / "writing-fact-sheets/index.html").is_file()


def test_every_citation_links_to_an_existing_paragraph_anchor(built):
    checked = 0
    for html_file in (built / SHIPPED).rglob("index.html"):
        tags = Tags(html_file.read_text(encoding="utf-8"))
        for tag, attrs in tags.tags:
            href = attrs.get("href") or ""
            m = re.fullmatch(r"((?:\.\./)*)sources/([a-z0-9-]+)/#(p\d+)", href)
            if tag != "a" or not m:
                continue
            target = (html_file.parent / f"{m.group(1)}sources/{m.group(2)}/index.html").resolve()
            assert m.group(3) in page(built, target.parent.relative_to(built)).ids, href
            checked += 1
    assert checked > 100


def test_citations_in_data_match_the_source_text(built):
    claims = json.loads((built / SHIPPED / "data/claims.json").read_text())
    gladkov_8 = next(c for c in claims if c["id"] == "gladkov-wounded-8")
    citation = gladkov_8["citations"][0]
    assert (citation["source"], citation["anchor"]) == ("guardian", "p8")
    source = page(built, f"{SHIPPED}/sources/guardian")
    assert "said eight people were wounded" in "".join(source.text)
    casualties = page(built, f"{SHIPPED}/casualties")
    assert {c["id"] for c in claims} <= casualties.ids


def test_figures_for_the_region_stand_side_by_side_and_other_scopes_apart(built):
    html = (built / SHIPPED / "casualties/index.html").read_text(encoding="utf-8")
    anchor = 'id="raid-begins--wounded--civilians--belgorod-region"'
    section = html[html.index(anchor) :]
    section = section[: section.index("<h3", 10)]
    # The region's figures do not exclude each other (12 and "at least eight"): compatible,
    # in the order they were given.
    assert "Figures: compatible</span>" in section
    order = [
        section.index(f'id="{claim}"')
        for claim in ("mondo-wounded-unknown", "gladkov-wounded-12", "thansan-injured-at-least-8")
    ]
    assert order == sorted(order)
    # The seriously wounded are part of the 12, of another scope, and not compared.
    assert "Not compared with" in section and "seriously wounded" in section
    # Gladkov's 8 after the artillery fire on the town is another incident: no update.
    # It is linked as the claimant's figure not to be added, not listed as one compared.
    assert 'id="gladkov-wounded-8"' not in section
    assert "update over time</span>" not in html
    # Each source's wording of the governor's 12 is shown beside its quote.
    assert "(gives it as “at least a dozen”)" in section


def test_every_alias_is_indexed_for_search_on_its_own_page_with_its_briefing(built):
    assert (built / "pagefind/0/pagefind.js").is_file()
    actors = json.loads((built / SHIPPED / "data/actors.json").read_text())
    title = load_factsheets(ROOT / "briefings" / SHIPPED, ROOT)[0].info.title
    for actor in actors:
        tags = Tags((built / SHIPPED / "actors" / actor["id"] / "index.html").read_text())
        metas = {a.get("data-pagefind-meta"): a.get("content") for _, a in tags.tags}
        assert json.loads(metas["names[content]"]) == [actor["name"], *actor["aliases"]]
        assert metas["briefing[content]"] == title
        body = [a for t, a in tags.tags if "data-pagefind-body" in a]
        assert len(body) == 1, actor["id"]
    # The guides are indexed, without a briefing; the 404 page is not.
    guide = Tags((built / "writing-fact-sheets/index.html").read_text())
    assert any("data-pagefind-body" in a for _, a in guide.tags)
    guide_metas = {a.get("data-pagefind-meta"): a.get("content") for _, a in guide.tags}
    guide_metas.pop(None, None)
    assert guide_metas == {"kind[content]": "Editors' guide"}
    assert "data-pagefind-body" not in (built / "404.html").read_text()


def test_nothing_is_loaded_from_another_origin(built):
    for html_file in built.rglob("*.html"):
        for tag, attrs in Tags(html_file.read_text(encoding="utf-8")).tags:
            for name in ("src", "href") if tag in ("script", "link", "img", "iframe") else ():
                value = attrs.get(name) or ""
                assert not re.match(r"(https?:)?//", value), (html_file, tag, value)
    assert "fonts.googleapis" not in (built / "index.html").read_text()


def test_entity_pages_are_linked_not_listed_in_the_nav(built):
    data_page = (built / SHIPPED / "data/index.html").read_text(encoding="utf-8")
    assert "actors/fsb/" not in data_page
    assert 'href="../timeline/"' in data_page


def test_a_page_lists_only_its_own_briefing_and_weighs_the_same_beside_others(
    built, tmp_path_factory
):
    """Every page listing every briefing made pages grow with the number of briefings."""
    root = copy_site_inputs(tmp_path_factory.mktemp("three"))
    for slug in ("zz-second", "zz-third"):
        shutil.copytree(root / "briefings" / SHIPPED, root / "briefings" / slug)
    assert mkdocs_build(root / "mkdocs.yml").returncode == 0
    site = root / "site"
    for path in (f"{SHIPPED}/actors/fsb", f"{SHIPPED}/timeline", "zz-third/places"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        links = {a.get("href") for tag, a in Tags(html).tags if tag == "a"}
        slug = path.split("/")[0]
        depth = "../" * path.count("/")
        others = [s for s in (SHIPPED, "zz-second", "zz-third") if s != slug]
        # Its own briefing's sections, the list of all briefings, and no other briefing.
        assert f"{depth}../casualties/" in links or f"{depth}casualties/" in links, path
        assert f"{depth}.." in links or f"{depth}../" in links, path
        assert not any(o in (h or "") for h in links for o in others), path
        one = (built / path.replace("zz-third", SHIPPED) / "index.html").stat().st_size
        assert len(html.encode()) <= one * 1.02, path
    home = Tags((site / "index.html").read_text(encoding="utf-8"))
    assert {f"{s}/" for s in (SHIPPED, "zz-second", "zz-third")} <= {
        a.get("href") for tag, a in home.tags if tag == "a"
    }


def test_no_page_has_two_elements_with_one_id(built):
    for path in built.rglob("*.html"):
        ids = Tags(path.read_text(encoding="utf-8")).id_list
        assert len(ids) == len(set(ids)), f"{path}: {[i for i in ids if ids.count(i) > 1]}"


def test_every_anchor_on_a_page_of_facts_is_a_fact_or_one_the_checks_reserve(built):
    """The checks refuse ids that `addresses.reserved_anchors` lists; any other anchor a page
    of facts makes must hold '--' (which no id can) or be MkDocs's own ('__…')."""
    sheets, _ = load_factsheets(ROOT / "briefings" / SHIPPED, ROOT)
    event_ids = [e.id for e in sheets.events]
    for kind in KINDS:
        if kind.page is None or kind.page.endswith("/"):
            continue  # no page, or a page per record
        page_path = kind.page
        ids = {r.id for r in sheets.records(kind)}
        if kind.name == "claims":
            ids |= {incident_anchor(e) for e in event_ids}
        reserved = reserved_anchors(kind, event_ids)
        built_page = page(built, f"{SHIPPED}/{page_path.removesuffix('.md')}")
        others = {
            i
            for i in built_page.ids - ids - set(reserved)
            if "--" not in i and not i.startswith("__")
        }
        assert others == set(), f"{page_path}: anchors the checks do not reserve: {others}"


def test_a_failed_check_leaves_the_last_good_site(shipped_project):
    config = shipped_project / "mkdocs.yml"
    assert mkdocs_build(config).returncode == 0
    marker = shipped_project / "site/marker.txt"
    marker.write_text("from the last good build")
    before = (shipped_project / f"site/{SHIPPED}/casualties/index.html").read_text()
    claims = shipped_project / "briefings" / SHIPPED / "claims.yaml"
    claims.write_text(
        claims.read_text().replace("came under Ukrainian artillery fire", "came under rocket fire")
    )
    result = mkdocs_build(config)
    assert result.returncode == 1
    line = 1 + claims.read_text().splitlines().index(
        "      quote: said eight people were wounded after the town came under rocket fire"
    )
    assert (
        f"briefings/{SHIPPED}/claims.yaml:{line}: citations[0].quote: not found in source "
        "'guardian'" in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert marker.read_text() == "from the last good build"
    assert (shipped_project / f"site/{SHIPPED}/casualties/index.html").read_text() == before


def test_rendered_folder_builds_with_plain_mkdocs_without_the_plugin(shipped_project, capsys):
    out = shipped_project / "rendered"
    assert main(["--root", str(shipped_project), "render", "--out", str(out)]) == 0
    config = yaml.safe_load((out / "mkdocs.yml").read_text())
    assert "briefing" not in config["plugins"]
    result = mkdocs_build(out / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (out / f"site/{SHIPPED}/timeline/index.html").is_file()
    assert (out / f"site/{SHIPPED}/data/events.json").is_file()


def test_markup_in_fact_sheets_and_sources_renders_as_text(tmp_path):
    root = hostile_project(tmp_path)
    result = mkdocs_build(root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    compare = (root / "site/test/compare/index.html").read_text(encoding="utf-8")
    assert "<ins>[x](javascript:alert(5))</ins>" in compare
    pages = list((root / "site/test").rglob("index.html"))
    assert len(pages) >= 10
    for html_file in [*pages, root / "site/index.html"]:
        html = html_file.read_text(encoding="utf-8")
        tags = Tags(html)
        for tag, attrs in tags.tags:
            assert tag not in ("img", "iframe", "object"), (html_file, tag)
            assert not any(name.startswith("on") for name in attrs), (html_file, tag, attrs)
            assert not (attrs.get("href") or "").lower().startswith("javascript:"), html_file
        assert "alert(1)" not in "".join(
            m for m in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
        )
        # "{{ 7*7 }} {% if 1 %}x{% endif %}", if run as a template, would read "49 x".
        assert "49 x" not in "".join(tags.text), html_file
    timeline = "".join(page(root / "site", "test/timeline").text)
    assert "</title><script>alert(1)</script>" in timeline
    actor_page = (root / "site/test/actors/evil-actor/index.html").read_text(encoding="utf-8")
    assert "<title>N &lt;/title&gt;&lt;script&gt;alert(1)" in actor_page
    assert "{{ 7*7 }}" in timeline and "**bold** a|b" in timeline
    # What the search index is given: names in a meta tag and words in a hidden paragraph,
    # both as text (the tag parser above saw no <img> or on* attribute in them).
    metas = {a.get("data-pagefind-meta"): a.get("content") for _, a in Tags(actor_page).tags}
    assert any("onerror=alert(2)>" in name for name in json.loads(metas["names[content]"] or ""))
    assert (root / "site/pagefind/0/pagefind.js").is_file()


def test_a_non_http_url_is_rejected(project, capsys):
    root = project()
    sources = root / "briefings/test/sources.yaml"
    sources.write_text(sources.read_text() + "  url: javascript:alert(1)\n")
    assert main(["--root", str(root), "check"]) == 1
    assert (
        "sources.yaml:7: url: 'javascript:alert(1)' must start with http:// or https://"
        in capsys.readouterr().err
    )
