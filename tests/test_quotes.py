from __future__ import annotations

import pytest

from site_builder.quotes import Span, find, nearest, paragraphs

TEXT = "He said: “It’s a record — the best.”\nThen the U.S.\n\nPatriot system failed. Later, more."


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("It's a record - the best.", [Span(10, 35)]),  # straight quote and hyphen for curly and em dash
        ('"It’s a record—the best."', [Span(9, 36)]),  # no spaces around the dash
        ("the U.S. Patriot system failed.", [Span(42, 74)]),  # across a paragraph break
        ("He said: … Later, more.", [Span(0, 8), Span(75, 87)]),
        ("He said: [...] Later", [Span(0, 8), Span(75, 80)]),
    ],
)
def test_find(quote: str, expected: list[Span]) -> None:
    assert find(quote, TEXT) == expected
    assert all(TEXT[s.start : s.end] for s in expected)


@pytest.mark.parametrize("quote", ["It is a record", "Later, more. … He said:", "he said:", ""])
def test_not_found(quote: str) -> None:
    assert find(quote, TEXT) is None


def test_nearest_shows_the_original_passage() -> None:
    near = nearest("Then the US Patriot system failed", TEXT)
    assert near.passage == "Then the U.S. Patriot system failed."
    assert near.similarity == 90


def test_paragraphs_by_blank_lines_or_else_by_lines() -> None:
    assert [TEXT[p.start : p.end] for p in paragraphs(TEXT)] == [
        "He said: “It’s a record — the best.”\nThen the U.S.", "Patriot system failed. Later, more."]
    assert [p for p in paragraphs("One.\nTwo.\n")] == [Span(0, 4), Span(5, 9)]


def test_nearest_covers_a_long_quote_to_its_end() -> None:
    """A difference after the first NEAR_LIMIT characters is in the passage, and counts in the similarity."""
    article = ("Russia has confirmed that the supply of advanced S-400 anti-aircraft missile systems to India remains "
               "a top priority on the bilateral agenda. Other words follow here.")
    near = nearest("Russia has confirmed that the supply of advanced S-400 anti-aircraft missile systems to India remains "
                   "the top priority on the bilateral agenda.", article)
    assert near.passage == ("Russia has confirmed that the supply of advanced S-400 anti-aircraft missile systems to "
                            "India remains a top priority on the bilateral agenda.")
    assert near.similarity == 98


CHINESE = "克里姆林宫发言人佩斯科夫表示，俄罗斯向印度供应S-400防空导弹系统的问题\n已列入普京访问新德里的议程。"


@pytest.mark.parametrize("quote", [
    "俄罗斯向印度供应S-400防空导弹系统的问题已列入普京访问新德里的议程",  # the page was wrapped mid-sentence
    "俄罗斯向印度供应S-400防空导弹系统的问题 已列入普京访问新德里的议程",  # a YAML quote folded over two lines
])
def test_whitespace_between_chinese_characters_is_no_difference(quote: str) -> None:
    [span] = find(quote, CHINESE)
    assert CHINESE[span.start : span.end] == "俄罗斯向印度供应S-400防空导弹系统的问题\n已列入普京访问新德里的议程"


def test_whitespace_between_words_of_other_scripts_still_counts() -> None:
    assert find("Putinwill visit", "Putin will\nvisit India") is None
    assert find("Путинпосетит", "Путин\nпосетит") is None


@pytest.mark.parametrize("form", ["NFC", "NFD"])
def test_accents_match_however_they_are_encoded(form: str) -> None:
    import unicodedata

    article = unicodedata.normalize(form, "Dijo que «este tema está en la agenda», según El País.")
    other = "NFD" if form == "NFC" else "NFC"
    [span] = find(unicodedata.normalize(other, "este tema está en la agenda"), article)
    assert article[span.start : span.end] == unicodedata.normalize(form, "este tema está en la agenda")


def test_full_width_forms_and_corner_brackets_are_typography() -> None:
    # '，' for ',', '％' for '%', 「」 for “”: a contributor's keyboard, not other words
    article = "佩斯科夫表示，“这个话题已列入议程”。成功率达到90％。ペスコフ報道官は「この問題は議題に上っている」と述べた。"
    for quote in ('佩斯科夫表示,"这个话题已列入议程"', "成功率达到90%", "“この問題は議題に上っている”"):
        assert find(quote, article) is not None, quote
    assert find("成功率达到80%", article) is None


FRENCH = "Le ministre a déclaré\u202f: «\u00a0La croissance atteindra 3\u202f% cette année\u00a0», selon le communiqué. Vraiment\u202f?"


@pytest.mark.parametrize("quote", [
    "«La croissance atteindra 3% cette année»",  # no space inside « » nor before %
    '"La croissance atteindra 3 % cette année"',  # straight quotes and ordinary spaces
    "a déclaré: « La croissance",
    "selon le communiqué. Vraiment?",
])
def test_french_spaces_inside_guillemets_and_before_punctuation_are_typography(quote: str) -> None:
    assert find(quote, FRENCH) is not None, quote


def test_french_spacing_leaves_words_and_numbers_as_they_are() -> None:
    assert find("La croissance atteindra 30 % cette année", FRENCH) is None
    assert find("La croissanceatteindra 3 %", FRENCH) is None
    # the span covers the article's own characters, its narrow no-break space included
    assert find("atteindra 3%", "atteindra 3\u202f% cette année") == [Span(0, 13)]


def test_a_tatweel_is_typography_as_a_soft_hyphen_is() -> None:
    # the kashida (U+0640) stretches an Arabic word to fill a justified line: 'الـحـكومة' is 'الحكومة'
    stretched = "قالت الـحـكومة إن النمو سيصل إلى ٣٪ هذا العام"
    [span] = find("قالت الحكومة إن النمو", stretched)
    assert stretched[span.start : span.end] == "قالت الـحـكومة إن النمو"
    assert find("الـحـكـومـة إن النمو", "قالت الحكومة إن النمو سيصل") is not None
    assert find("قالت الحكومه", stretched) is None  # a different letter is a different word
