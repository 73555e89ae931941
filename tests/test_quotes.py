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
