"""Quotes on the article page: every published claim is highlighted and has the anchor its claim page
links to, even when its quote lies inside another claim's quote, overlaps it, or is all covered by others'."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .conftest import CLAIM, Project

INNER = CLAIM.replace("title: Output rose by 40% last year", "title: The rise was 40%").replace(
    "quote: Output rose by 40% last year", "quote: rose by 40%").replace("related: [exports-doubled]", "related: []")
OVERLAPPING = INNER.replace("title: The rise was 40%", "title: The rise was last year").replace(
    "quote: rose by 40%", "quote: 40% last year, the minister said")
# the same first words as the outer quote (quoting the very same passage is an error: one claim per passage)
SAME = INNER.replace("title: The rise was 40%", "title: Output rose (same first words)").replace(
    "quote: rose by 40%", "quote: Output rose")


class Marks(HTMLParser):
    """The article text's links to claims, with the text each holds, and every id on the page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[list[str]] = []  # [href, text]
        self._in: list[str] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        if tag == "a" and "claim-mark" in (values.get("class") or ""):
            self._in = [str(values["href"]), ""]
            self.links.append(self._in)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._in[1] += data


def test_nested_overlapping_and_covered_quotes_each_get_a_highlight_and_an_anchor(project: Project) -> None:
    project.write_claim("inner-rise", INNER)
    project.write_claim("overlapping-rise", OVERLAPPING)
    project.write_claim("same-words", SAME)
    result = project.build()
    assert result.returncode == 0, result.stderr
    article = project.html("articles/output-article")
    marks = Marks(article)
    first_paragraph = [(re.sub(r"^\.\./\.\./claims/|/$", "", href), text) for href, text in marks.links[:-1]]
    # "Output rose by 40% last year, the minister said": outer, inside it "Output rose" and "rose by 40%",
    # overlapping "40% last year, the minister said" (it starts last, so the words both quote link to it):
    # the outer quote's words all belong to the claims inside it
    assert first_paragraph == [
        ("same-words", "Output "),
        ("inner-rise", "rose by "),
        ("overlapping-rise", "40% last year, the minister said Rated Supported"),  # its rating where it ends
    ]
    # every claim page's link to its quote in the article lands on an id that exists there
    for claim_id in ("output-rose-40-percent", "inner-rise", "overlapping-rise", "same-words", "exports-doubled"):
        page = project.html(f"claims/{claim_id}")
        targets = set(re.findall(r'href="\.\./\.\./articles/output-article/#([^"]+)"', page))
        assert targets == {f"claim-{claim_id}"}, (claim_id, targets)
        assert f"claim-{claim_id}" in marks.ids, claim_id
    # the claim that owns no piece of its own has an anchor just before the first highlight over its words
    assert '<span class="claim-anchor" id="claim-output-rose-40-percent"></span><a class="claim-mark' in article


def test_line_separators_in_article_text_keep_words_apart(project: Project) -> None:
    """A lone CR, NEL, U+2028 or U+2029 is a line break in the source: on the page it is a space."""
    text = (project.articles / "output-article.md").read_text(encoding="utf-8")
    project.write_article("output-article", text.replace("Nobody knows why.",
                                                         "Nobody\rknows\x85why\u2028at\u2029all\x0cthen."))
    assert project.build().returncode == 0
    article = project.html("articles/output-article")
    assert "Nobody knows why at all then." in article
