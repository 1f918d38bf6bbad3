from generator.checks.quotes import closest_passage, paragraphs_quoting
from generator.sources.text import clean_source_text
from generator.text import normalise

TEXT = clean_source_text(
    "Intro line here.\n\nThe governor said “eight people were wounded” – and that’s all.\n",
    "",
    [],
)


def test_normalise_folds_quotes_apostrophes_dashes_and_spaces():
    assert normalise("“it’s”  —\n‘ok’ – fine") == "\"it's\" - 'ok' - fine"


def test_quote_is_found_despite_typographic_differences():
    found = paragraphs_quoting('said "eight people were wounded" - and that\'s all', TEXT)
    assert [p.number for p in found] == [2]


def test_missing_quote_gives_the_closest_passage_and_paragraph():
    assert paragraphs_quoting("eight persons were injured", TEXT) == []
    excerpt, paragraph = closest_passage("eight persons were injured", TEXT)
    assert paragraph.number == 2
    assert excerpt == '"eight people were wounded"'
