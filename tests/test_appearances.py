"""Appearances: one claim published in several articles (copies, translations), checked and shown."""

from __future__ import annotations

import pytest

from site_builder.appearances import direction, foreign_language, word_changes
from site_builder.config import read_settings
from site_builder.errors import ProblemsFound
from site_builder.project import load_site

from .conftest import CLAIM, Project

COPY = """\
---
title: "Output Up 50%, Minister Says"
outlet: copy.example
url: https://copy.example/output
published: 2025-12-05
excerpt: true
---
Output rose by 50% last year, the minister said.

[…]
"""

ARABIC = """\
---
title: "ارتفع الإنتاج"
outlet: arabic.example
url: https://arabic.example/output
published: 2025-12-01
language: ar
excerpt: true
---
ارتفع الإنتاج بنسبة 40% العام الماضي، قال الوزير.
"""

WITH_APPEARANCES = CLAIM.replace("claimant: The minister\n", """\
appearances:
  - article: copy-article
    quote: Output rose by 50% last year
    note: "Numbers changed: 50% for 40%."
  - article: arabic-article
    quote: ارتفع الإنتاج بنسبة 40% العام الماضي
    translation: Output rose by 40% last year
claimant: The minister
""")


@pytest.fixture
def travelled(project: Project) -> Project:
    project.write_article("copy-article", COPY)
    project.write_article("arabic-article", ARABIC)
    project.write_claim("output-rose-40-percent", WITH_APPEARANCES)
    return project


def test_an_appearance_quote_not_in_its_article_is_reported_at_its_line(travelled: Project) -> None:
    travelled.write_claim("output-rose-40-percent", WITH_APPEARANCES.replace(
        "quote: Output rose by 50% last year", "quote: Output rose by 60% last year"))
    with pytest.raises(ProblemsFound) as found:
        load_site(read_settings(travelled.root / "mkdocs.yml"))
    assert [str(p) for p in found.value.problems] == [
        "claims/output-rose-40-percent.yaml:6:12: appearances[0].quote: not found in article 'copy-article' "
        "(expected the article's exact words; the article has \"50%\", the quote has \"60%\"; closest passage, 96% similar: \"Output rose by 50% last year,\")"]


def test_an_appearance_in_a_missing_article_is_reported(travelled: Project) -> None:
    travelled.write_claim("output-rose-40-percent", WITH_APPEARANCES.replace(
        "article: copy-article", "article: copy-artcle"))
    with pytest.raises(ProblemsFound) as found:
        load_site(read_settings(travelled.root / "mkdocs.yml"))
    assert [str(p) for p in found.value.problems] == [
        "claims/output-rose-40-percent.yaml:5:14: appearances[0].article: no article 'copy-artcle' (expected "
        "the id of a file in content/articles; did you mean 'copy-article'?)"]


def test_the_claim_page_lists_every_appearance_by_date_with_changed_words(travelled: Project) -> None:
    result = travelled.build()
    assert result.returncode == 0, result.stderr
    page = travelled.html("claims/output-rose-40-percent")
    section = page[page.index('id="where-published"'):page.index('id="context"')]
    # By date: the Arabic copy (1 December), the first quote's article (3 December), the copy (5 December).
    assert section.index("arabic.example") < section.index("example.news") < section.index("copy.example")
    assert '<span class="appearance-first">First known appearance: </span><a href="../../articles/arabic-article/#claim-output-rose-40-percent" lang="ar" dir="rtl">' in section
    assert ('<span class="appearance-own">Quoted above: </span><a href="../../articles/output-article/'
            '#claim-output-rose-40-percent" lang="en" dir="ltr">') in section
    # The changed number, marked without relying on colour: struck through and underlined, with words for
    # screen readers.
    assert ('<del><span class="sr-only">[removed: </span>40%<span class="sr-only">]</span></del> '
            '<ins><span class="sr-only">[added: </span>50%<span class="sr-only">]</span></ins>') in section
    assert '<blockquote class="appearance-quote" lang="ar" dir="rtl"><p>ارتفع الإنتاج بنسبة 40% العام الماضي</p></blockquote>' in section
    assert "Translation: Output rose by 40% last year" in section
    assert "Note: Numbers changed: 50% for 40%." in section


def test_an_article_that_carries_the_claim_twice_is_listed_once_with_both_passages(travelled: Project) -> None:
    travelled.write_article("copy-article", COPY.replace(
        "the minister said.", "the minister said. Output was 50% higher than the year before."))
    travelled.write_claim("output-rose-40-percent", WITH_APPEARANCES.replace("  - article: arabic-article", """\
  - article: copy-article
    quote: Output was 50% higher than the year before
  - article: arabic-article"""))
    result = travelled.build()
    assert result.returncode == 0, result.stderr
    page = travelled.html("claims/output-rose-40-percent")
    section = page[page.index('id="where-published"'):page.index('id="context"')]
    assert section.count("<li>") == 3 and section.count("</li>") == 3  # three articles
    assert section.count('<blockquote class="appearance-quote"') == 4  # four passages
    copy = section[section.index("copy.example"):]
    assert copy.index("Output rose by") < copy.index("higher") < copy.index("</li>")


def test_article_pages_highlight_appearances_and_excerpts_say_so(travelled: Project) -> None:
    result = travelled.build()
    assert result.returncode == 0, result.stderr
    copy = travelled.html("articles/copy-article")
    assert 'id="claim-output-rose-40-percent" href="../../claims/output-rose-40-percent/"' in copy
    assert "<mark>Output rose by 50% last year</mark>" in copy
    assert "This page shows excerpts only" in copy and 'href="https://copy.example/output"' in copy
    # an excerpt is never called the whole text
    assert '<p class="article-legend">Each passage as published.' in copy and "text as published" not in copy
    arabic = travelled.html("articles/arabic-article")
    assert '<div class="article-text" lang="ar" dir="rtl" data-search-exclude' in arabic
    assert "<mark>ارتفع الإنتاج بنسبة 40% العام الماضي</mark>" in arabic
    assert '" lang="ar" dir="rtl">ارتفع الإنتاج</a></td>' in travelled.html("articles")  # its headline, in the list
    # The claim is listed in each article's claim table.
    assert 'href="../../claims/output-rose-40-percent/">Output rose by 40% last year</a>' in arabic


def test_a_headline_given_in_another_language_is_marked_with_its_own(travelled: Project) -> None:
    """title_language: an Arabic article whose headline the record gives in English (a translation, or a
    placeholder where the stored copy has none) marks the headline as English and the text as Arabic."""
    travelled.write_article("arabic-article", ARABIC.replace('title: "ارتفع الإنتاج"', "title: Output rose (headline "
                                                              "translated)\ntitle_language: en"))
    result = travelled.build()
    assert result.returncode == 0, result.stderr
    arabic = travelled.html("articles/arabic-article")
    assert '<h1 class="article-title" id="article" lang="en" dir="ltr">Output rose (headline translated)</h1>' in arabic
    assert '<div class="article-text" lang="ar" dir="rtl" data-search-exclude' in arabic
    claim = travelled.html("claims/output-rose-40-percent")
    assert ('<a href="../../articles/arabic-article/#claim-output-rose-40-percent" lang="en" dir="ltr">Output rose '
            '(headline translated)</a>') in claim
    assert 'lang="en" dir="ltr">Output rose (headline translated)</a></td>' in travelled.html("articles")  # the list
    travelled.write_article("arabic-article", ARABIC.replace("language: ar", "language: ar\ntitle_language: english"))
    refused = travelled.validate()
    assert refused.returncode == 1
    assert ("content/articles/arabic-article.md:7:17: title_language: 'english' is not a BCP 47 language tag "
            "(expected e.g. 'en', 'ru', 'pt-BR'; did you mean 'en'?)") in refused.stderr, refused.stderr


def test_word_changes_and_direction() -> None:
    assert word_changes("a b c", "a b c") is None
    assert str(word_changes("rate of 40%", "rate of 50%")) == (
        'rate of <del><span class="sr-only">[removed: </span>40%<span class="sr-only">]</span></del> '
        '<ins><span class="sr-only">[added: </span>50%<span class="sr-only">]</span></ins>')
    assert str(word_changes("<b>", "<i>")).count("&lt;") == 2  # escaped
    assert [direction(code) for code in ("ar", "he-IL", "fa", "en", "ru", "ur")] == ["rtl", "rtl", "rtl", "ltr", "ltr", "rtl"]


@pytest.mark.parametrize(("language", "site_language", "named"), [
    ("ru", "en", "Russian"), ("ar", "en", "Arabic"), ("zh-Hant", "en", "Chinese (Traditional)"),
    ("ru", "fr", "russe"), ("pt-BR", "en", "Portuguese (Brazil)"),
    ("en-GB", "en", ""), ("en", "en-US", ""), ("EN", "en", ""),  # the site's own language is not named
])
def test_an_article_in_another_language_is_named_in_the_sites_language(language: str, site_language: str, named: str) -> None:
    assert foreign_language(language, site_language) == named
