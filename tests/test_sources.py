from generator.addresses import paragraph_anchor
from generator.factsheets.model import StripRule
from generator.sources.text import clean_source_text

RAW = (
    "Skip to content\nMay 23, 2023\n\nThe Headline\n\nFirst paragraph.\n\nAdvertisement\n\n"
    "Second paragraph\ncontinues here.\n\n"
    "A tweet pic.twitter.com/abc — Someone (@someone)May 22, 2023\n\nOliver Thansan\n26 Reads\n"
)


def test_chrome_is_hidden_and_recorded_and_paragraphs_keep_file_positions():
    rule = StripRule(reason="byline", text="Oliver Thansan")
    text = clean_source_text(RAW, "The Headline", [rule])
    assert [(p.number, p.text) for p in text.paragraphs] == [
        (3, "First paragraph."),
        (5, "Second paragraph continues here."),
    ]
    assert [(s.block, s.reason) for s in text.stripped] == [
        (1, "skip link"),
        (1, "dateline"),
        (2, "headline (shown as the source's Title)"),
        (4, "advertisement marker"),
        (6, "embedded tweet"),
        (7, "byline"),
        (7, "read count"),
    ]
    # The paragraphs where each rule hid a line, by rule.
    assert text.rule_hits == {0: [7]}


def test_date_header_is_stripped_from_the_first_line_and_kept():
    text = clean_source_text(" date 2023-05-22 On Monday, fighting.\n\nMore.", "", [])
    assert text.header_date == "2023-05-22"
    assert text.paragraphs[0].text == "On Monday, fighting."
    assert text.stripped[0].text == "date 2023-05-22"


def test_a_strip_rule_changes_nothing_else_numbering_included():
    rule = StripRule(reason="section label", starts_with="First")
    text = clean_source_text(RAW, "The Headline", [rule])
    assert [p.number for p in text.paragraphs] == [5, 7]
    assert paragraph_anchor(text.paragraphs[0].number) == "p5"
