"""Other languages in the browser: the site search over a Russian quote.

The demo's Peskov claim carries Kommersant's Russian words as an appearance, and the Kommersant article
is in Russian, so the search is set up for English and Russian (search_languages.py). What that does in
mkdocs-material 9.8, and what it does not: Russian stop words leave the index, punctuation around a
word no longer hides it, and a word is found from its beginning (the theme adds a trailing wildcard to
every word typed); the Russian stemmer is not used (the theme's default pipeline leaves stemmers out),
so a form that does not begin with what was typed is not found.
"""

from __future__ import annotations

import re
from typing import Any

from .conftest import BuiltSite, Tab

PESKOV = "peskov-s400-central-to-putin-visit"


def _search(tab: Tab, query: str) -> list[str]:
    """The result links (page URLs without the highlight query) for a query typed into the search box."""
    page = tab.page
    box = page.locator('input[data-md-component="search-query"]')
    box.click()
    box.fill("")
    box.press_sequentially(query, delay=20)
    box.press("End")  # the theme reads the box on keyup; letters outside the US layout are inserted without one
    meta = page.locator(".md-search-result__meta")
    page.wait_for_function("el => !/Initializing|Type to start/.test(el.textContent)", arg=meta.element_handle())
    page.wait_for_timeout(300)  # the result list follows the count
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(link => link.href)")
    return sorted({re.sub(r"\?.*$", "", href).removeprefix(tab.base) for href in hrefs})


def test_the_search_finds_a_russian_word_form_from_its_beginning(
    desktop: Tab, built_site: BuiltSite, expect: Any
) -> None:
    claim = built_site.data.claims[PESKOV]
    russian = [a for a in claim.appearances if built_site.data.articles[a.article].meta.language == "ru"]
    assert russian and "на брифинге для СМИ" in russian[0].quote
    config = (built_site.out / "search/search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en","ru"]' in config.replace(" ", "")
    desktop.open("")
    # "брифинг" (nominative) is not the text's form ("на брифинге", prepositional), but begins it.
    assert _search(desktop, "брифинг") == [f"claims/{PESKOV}/"]
    assert _search(desktop, "Песков") == [f"claims/{PESKOV}/"]
    # A Russian stop word is not indexed once Russian is a search language ("для" is in the quote).
    assert _search(desktop, "для") == []
    # Quotation marks no longer hide a word: ‘Sinjar’ in the quotes of two claims.
    assert "claims/shugayev-indian-praise-sinjar-operation/" in _search(desktop, "Sinjar")
    # No stemming: the nominative "повестка" does not find "на повестке" (the theme's search cannot).
    assert _search(desktop, "повестка") == []
    assert _search(desktop, "повестк") == [f"claims/{PESKOV}/"]
    # The other side of trimming: the index holds "90", so "90%" typed with its sign finds nothing.
    assert "claims/s400-90-percent-success-rate/" in _search(desktop, "90")
    assert _search(desktop, "90%") == []
