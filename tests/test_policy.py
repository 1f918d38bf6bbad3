"""The site's Content-Security-Policy (generator/render/policy.py): each page allows its
theme's inline scripts by hash and nothing of its content's; script in a hand-written
page is located in its Markdown; the check of the built site (render/origin.py) names
every page the policy does not hold on."""

from __future__ import annotations

import base64
import hashlib
import textwrap

import pytest

from generator.render.origin import describe_unprotected, scan_site
from generator.render.policy import (
    REFERRER_META,
    allow_added_scripts,
    content_problems,
    inline_code,
    inline_scripts,
    policy,
    protect,
    unprotected,
)

THEME_SCRIPT = '__md_scope=new URL("../..",location)'
PALETTE = 'var palette=__md_get("__palette");\nif(palette){x()}'
CONTENT = textwrap.dedent("""\
    <h1 id="notes">Notes</h1>
    <p>Text &lt;script&gt;not a script&lt;/script&gt;</p>
    <script>
    alert("in the content")
    </script>
    """)
PAGE = textwrap.dedent(f"""\
    <!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8">
        <script>{THEME_SCRIPT}</script>
        <script id="__config" type="application/json">{{"base": "../.."}}</script>
        <script src="../../assets/javascripts/bundle.js"></script>
      </head>
      <body>
        <article>{CONTENT}</article>
        <script>{PALETTE}</script>
      </body>
    </html>
    """)


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def written_policy(page: str) -> str:
    start = page.index('content="', page.index("Content-Security-Policy")) + len('content="')
    return page[start : page.index('"', start)]


def test_the_theme_s_inline_scripts_are_allowed_by_their_hashes_and_the_content_s_are_not():
    protected = protect(PAGE, CONTENT)
    script_src = next(d for d in written_policy(protected).split("; ") if "script-src" in d)
    assert script_src == " ".join(
        ["script-src 'self' 'wasm-unsafe-eval'", sha256(THEME_SCRIPT), sha256(PALETTE)]
    )
    assert sha256('\nalert("in the content")\n') not in protected
    assert sha256('{"base": "../.."}') not in protected  # a data block runs nothing


def test_the_policy_and_the_referrer_policy_open_the_head():
    protected = protect(PAGE, CONTENT)
    head = protected.index("<head>") + len("<head>")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{written_policy(protected)}">'
    assert protected[head:].startswith(meta + REFERRER_META)
    assert protected.replace(meta + REFERRER_META, "") == PAGE
    assert written_policy(protected) == policy([sha256(THEME_SCRIPT), sha256(PALETTE)])


def test_the_policy_says_what_the_site_loads():
    assert policy() == (
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
        "base-uri 'self'; form-action 'none'"
    )


def test_a_script_s_hash_is_of_its_text_as_a_browser_parses_it():
    page = "<html><head></head><body><script>a();\r\nb();\rc();</script></body></html>"
    assert sha256("a();\nb();\nc();") in protect(page)


def test_a_page_the_theme_did_not_make_is_left_as_it_is():
    assert protect("<p>no head</p>") == "<p>no head</p>"


@pytest.mark.parametrize(
    ("html", "found"),
    [
        ("<script>x()</script>", [("script", "x()")]),
        ("<script type=module>x()</script>", [("script", "x()")]),
        ("<SCRIPT TYPE='Text/JavaScript'>x()</SCRIPT >", [("script", "x()")]),
        ("<script language=javascript>x()</script>", [("script", "x()")]),
        ("<svg><script>x()</script></svg>", [("script", "x()")]),
        ("<script/>x()</script>", [("script", "x()")]),  # not self-closing in HTML
        ('<script type="application/ld+json">{}</script>', []),
        ('<script type="text/template"><b onclick=x></b></script>', []),
        ('<script src="a.js"></script>', []),
        ("<!-- <script>x()</script> -->", []),
        ("<p>&lt;script&gt;x()&lt;/script&gt;</p>", []),
        ("<img src=x onerror=alert(1)>", [("handler", "onerror")]),
        ('<a href="javascript:alert(1)">a</a>', [("url", "javascript:alert(1)")]),
        ('<a href=" JaVa&#x09;Script:alert(1)">a</a>', [("url", "JaVa\tScript:alert(1)")]),
        ('<form action="javascript:x"></form>', [("url", "javascript:x")]),
        ('<a href="https://example.org/javascript:x" title="javascript: a language">', []),
        ('<p data-onclick="x" one-two="y">', []),
    ],
)
def test_inline_code_is_what_a_browser_would_run(html, found):
    assert [(c.kind, c.text) for c in inline_code(html)] == found
    # The quick reading of a whole page finds the same scripts.
    scripts = [text for kind, text in found if kind == "script"]
    assert [text for _, text in inline_scripts(html)] == scripts


def test_the_quick_reading_skips_what_is_not_a_script_element():
    html = (
        '<div data-src="x"><script data-src="x">a()</script></div>'
        "<!-- <script>b()</script> --><script type='module' >c()</script >"
        '<script src=x.js>ignored()</script><script type="text/plain">d()</script>'
    )
    assert [text for _, text in inline_scripts(html)] == ["a()", "c()"]


SOURCE = textwrap.dedent("""\
    ---
    title: Notes
    ---
    # Notes

    A page that talks about `<script>` tags without having one.

    <script>
    alert("one")
    </script>

    Click [here](javascript:alert(2)) or <button onclick="alert(3)">this</button>.

    A paragraph with a handler.
    {: onmouseover="alert(4)" }

    <script>alert("five")</script>
    """)
RENDERED = textwrap.dedent("""\
    <h1 id="notes">Notes</h1>
    <p>A page that talks about <code>&lt;script&gt;</code> tags without having one.</p>
    <script>
    alert("one")
    </script>

    <p>Click <a href="javascript:alert(2)">here</a> or <button onclick="alert(3)">this</button>.</p>
    <p onmouseover="alert(4)">A paragraph with a handler.</p>
    <script>alert("five")</script>
    """)
FIX = "move the code into a .js file under docs/ and list it under extra_javascript in mkdocs.yml"


def test_script_in_a_hand_written_page_is_reported_at_its_line():
    blocked = "would be blocked by the site's Content-Security-Policy (pages run scripts only "
    blocked += "from files on the site)"
    assert [str(p) for p in content_problems(RENDERED, SOURCE, "docs/notes.md")] == [
        f"docs/notes.md:8: an inline <script> {blocked}: {FIX}",
        f"docs/notes.md:12: a javascript: link {blocked}: link to a page, or {FIX}",
        f"docs/notes.md:12: an inline event handler (onclick=) {blocked}: move the code into "
        "a .js file under docs/ that adds the handler with addEventListener, and list it under "
        "extra_javascript in mkdocs.yml",
        f"docs/notes.md:15: an inline event handler (onmouseover=) {blocked}: move the code "
        "into a .js file under docs/ that adds the handler with addEventListener, and list it "
        "under extra_javascript in mkdocs.yml",
        f"docs/notes.md:17: an inline <script> {blocked}: {FIX}",
    ]


def test_the_same_script_twice_is_reported_at_each_line():
    source = "# A\n\n<script>x()</script>\n\ntext\n\n<script>x()</script>\n"
    rendered = "<h1>A</h1>\n<script>x()</script>\n<p>text</p>\n<script>x()</script>\n"
    assert [p.line for p in content_problems(rendered, source, "docs/a.md")] == [3, 7]


def test_script_the_source_does_not_show_is_reported_at_its_first_line():
    # Written with entities in the source: the browser would run it all the same.
    source = '# A\n\n<a href="&#106;avascript:x()">a</a>\n'
    rendered = '<h1>A</h1>\n<p><a href="&#106;avascript:x()">a</a></p>\n'
    assert [p.line for p in content_problems(rendered, source, "docs/a.md")] == [1]


def test_a_page_of_plain_content_has_no_problem():
    assert (
        content_problems(CONTENT.replace("<script>", "<p>").replace("</script>", "</p>"), "", "x")
        == []
    )


def test_a_protected_page_has_nothing_wrong():
    assert unprotected(protect(PAGE)) == []


@pytest.mark.parametrize(
    ("page", "wrong"),
    [
        (PAGE, "no Content-Security-Policy <meta> as the first element of its <head>"),
        (
            protect(PAGE).replace("<head>", "<head><title>x</title>"),
            "no Content-Security-Policy <meta> as the first element of its <head>",
        ),
        (
            protect(PAGE).replace(REFERRER_META, ""),
            'no <meta name="referrer" content="no-referrer"> after its policy',
        ),
        (
            protect(PAGE).replace("object-src 'none'", "object-src *"),
            "a Content-Security-Policy other than the site's",
        ),
        (
            protect(PAGE).replace(THEME_SCRIPT, "stolen()"),
            "line 5: an inline <script> its policy does not allow, so no browser would run it",
        ),
    ],
    ids=["none", "not first", "no referrer", "another policy", "a script changed"],
)
def test_what_is_wrong_with_a_page_s_policy_is_said(page, wrong):
    assert wrong in unprotected(page)


def test_the_built_site_s_check_names_the_pages_without_the_policy(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(protect(PAGE))
    (tmp_path / "index.html").write_text(protect(PAGE))
    (tmp_path / "embed.html").write_text("<p>copied from docs/ as it is</p>")
    (tmp_path / "feed.xml").write_text("<feed/>")
    scan = scan_site(tmp_path)
    assert scan.unprotected == {
        "embed.html": ["no Content-Security-Policy <meta> as the first element of its <head>"]
    }
    assert describe_unprotected(scan.unprotected) == (
        "embed.html: no Content-Security-Policy <meta> as the first element of its <head>"
    )
    many = {f"{n}.html": ["why"] for n in range(7)}
    assert describe_unprotected(many, limit=5).splitlines()[-1] == "and 2 more pages"


def test_a_script_the_preview_server_adds_is_allowed_as_it_is_served():
    page = protect(PAGE)
    served = page.replace("</body>", "<script>livereload(1, 2);</script></body>")
    allowed = allow_added_scripts(page, served)
    assert sha256("livereload(1, 2);") in written_policy(allowed)
    assert unprotected(allowed) == []
    assert allow_added_scripts(PAGE, PAGE) == PAGE  # no policy to add to
