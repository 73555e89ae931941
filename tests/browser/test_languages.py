"""Other languages in the browser: the site search over a Russian quote; an Arabic appearance laid out
right to left; the words a copy changed, marked without colour; axe on the appearances and excerpts.

The demo's Peskov claim carries Kommersant's Russian words as an appearance, and the Kommersant article
is in Russian, so the search is set up for English and Russian (search_languages.py). What that does in
mkdocs-material 9.8, and what it does not: Russian stop words leave the index, punctuation around a
word no longer hides it, and a word is found from its beginning (the theme adds a trailing wildcard to
every word typed); the Russian stemmer is not used (the theme's default pipeline leaves stemmers out),
so a form that does not begin with what was typed is not found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from ..conftest import make_project
from ..travelled import ARABIC_CLAIMANT_ID, RTL_ID, THREE_COPIES_ID, add_travelled
from .conftest import REPO, BuiltSite, Tab, guarded_tab, need, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

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
    assert f"claims/{PESKOV}/" in _search(desktop, "Песков")
    # A Russian stop word is not indexed once Russian is a search language ("для" is in the quote).
    assert _search(desktop, "для") == []
    # Quotation marks no longer hide a word: ‘Sinjar’ in the quotes of two claims.
    assert "claims/shugayev-indian-praise-sinjar-operation/" in _search(desktop, "Sinjar")
    # No stemming: the nominative "повестка" does not find "на повестке" (the theme's search cannot).
    assert _search(desktop, "повестка") == []
    assert f"claims/{PESKOV}/" in _search(desktop, "повестк")
    # Trimming puts "90" in the index for "90%"; the separator splits "90%" typed with its sign the same way.
    assert "claims/s400-90-percent-success-rate/" in _search(desktop, "90")
    assert "claims/s400-90-percent-success-rate/" in _search(desktop, "90%")
    assert _search(desktop, "90%") == _search(desktop, "90")
    assert json.loads(config)["config"]["separator"] == r"[\s\-%$€£¥₹₽]+"


# Claims that travel (tests/travelled.py): an Arabic appearance, and a claim whose copies change words.


@pytest.fixture(scope="module")
def travelled_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = add_travelled(make_project(tmp_path_factory.mktemp("travelled") / "project"))
    config = project.root / "mkdocs.yml"  # the demo's theme overrides (no GitHub API call, accessible search)
    config.write_text(config.read_text().replace("  font: false\n", f"  font: false\n  custom_dir: {REPO / 'overrides'}\n"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as base:
        yield base


@pytest.fixture
def travelled(browser: Browser, travelled_server: str) -> Iterator[Tab]:
    """A tab on the travelled build that reaches nothing else and throws nothing."""
    context, tab = guarded_tab(browser, travelled_server)
    yield tab
    context.close()
    assert not tab.blocked and not tab.errors, (tab.blocked, tab.errors)


# The horizontal extent of the first and the last word of an element's text, as laid out.
WORD_BOXES = """element => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const node = walker.nextNode();
  const text = node.textContent;
  const box = (start, end) => {
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    const rect = range.getBoundingClientRect();
    return {left: rect.left, right: rect.right, top: rect.top};
  };
  const first = text.indexOf(" "), last = text.lastIndexOf(" ") + 1;
  return {first: box(0, first), last: box(last, text.length), words: [text.slice(0, first), text.slice(last)]};
}"""


def test_an_arabic_appearance_renders_right_to_left(travelled: Tab, expect: Any) -> None:
    page = travelled.open(f"claims/{RTL_ID}/")
    arabic = page.locator('.claim-appearances blockquote[lang="ar"] p')
    expect(arabic).to_have_text("يتوقع المسؤولون مزيدا من النمو في العام المقبل")
    assert arabic.evaluate("el => getComputedStyle(el).direction") == "rtl"
    boxes = arabic.evaluate(WORD_BOXES)
    assert boxes["words"] == ["يتوقع", "المقبل"]
    assert boxes["first"]["top"] == boxes["last"]["top"]  # one line
    # Read right to left: the first word is at the right end, the last at the left.
    assert boxes["first"]["left"] > boxes["last"]["right"], boxes
    # The English quote beside it runs left to right, and so does the translation.
    english = page.locator('.claim-appearances blockquote[lang="en"] p')
    assert english.evaluate("el => getComputedStyle(el).direction") == "ltr"
    boxes = english.evaluate(WORD_BOXES)
    assert boxes["first"]["right"] < boxes["last"]["left"], boxes
    translation = page.locator(".claim-appearances .appearance-translation")
    expect(translation).to_have_text("Translation: Officials expect more growth next year")
    assert translation.evaluate("el => getComputedStyle(el).direction") == "ltr"
    # The Arabic article's page sets its text right to left too.
    page = travelled.open("articles/arabic-article/")
    text = page.locator(".article-text p").first
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # The rating at the end of the highlight is in English: said so, and set left to right.
    label = text.locator(".claim-mark-label").first
    expect(label).to_have_attribute("lang", "en")
    assert label.evaluate("el => getComputedStyle(el).direction") == "ltr"


# The horizontal extent of each of ``parts`` (a text within one text node of the element), as laid out.
PLACES = """([element, parts]) => parts.map(part => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent.indexOf(part);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + part.length);
    const rect = range.getBoundingClientRect();
    return {left: rect.left, right: rect.right, top: rect.top};
  }
  return null;
})"""


def _left_to_right(tab: Tab, selector: str, parts: list[str]) -> None:
    """``parts`` are laid out in this order, left to right on one line, each whole."""
    element = tab.page.locator(selector).first
    boxes = tab.page.evaluate(PLACES, [element.element_handle(), parts])
    assert None not in boxes, (parts, boxes)
    assert len({box["top"] for box in boxes}) == 1, boxes
    for (before, left), (after, right) in zip(zip(parts, boxes), zip(parts[1:], boxes[1:])):
        assert left["right"] <= right["left"] + 0.5, f"{before!r} is not left of {after!r}: {boxes}"


def test_names_in_another_script_keep_their_place_in_an_english_line(travelled: Tab) -> None:
    """An Arabic title, outlet or claimant among English words is set apart (dir): without it, the comma
    and the day after an Arabic outlet join its right-to-left run, and a claimant's count goes before it."""
    travelled.open(f"claims/{RTL_ID}/")
    _left_to_right(travelled, ".claim-appearances li:has(blockquote[lang=ar]) p[data-search-exclude]",
                   ["المسؤولون يتوقعون مزيدا من النمو", "الوكالة العربية", "3 December 2025", "(in Arabic)"])
    travelled.open(f"claims/{ARABIC_CLAIMANT_ID}/")
    _left_to_right(travelled, "figcaption", ["From", "الوكالة العربية", "3 December 2025"])
    _left_to_right(travelled, ".claim-source", ["Claimed by", "مكتب الإحصاء", "in", "الوكالة العربية", "3 December"])
    travelled.open("claimants/")
    _left_to_right(travelled, ".claimant-list li:first-child", ["مكتب الإحصاء", "(1)"])


def test_the_changed_words_are_marked_without_colour(travelled: Tab, expect: Any) -> None:
    page = travelled.open(f"claims/{THREE_COPIES_ID}/")
    changed = page.locator(".claim-appearances li", has_text="copy-one.example").locator("blockquote p")
    expect(changed).to_have_text("Factory output rose by [removed: 40%] [added: 50%] in 2025")
    removed, added = changed.locator("del"), changed.locator("ins")
    style = "el => { const s = getComputedStyle(el); return [s.textDecorationLine, s.textDecorationStyle, s.display]; }"
    assert removed.evaluate(style) == ["line-through", "solid", "inline"]
    assert added.evaluate(style) == ["underline", "solid", "inline"]
    # The words themselves are shown; the bracketed words are for screen readers only, not seen.
    assert removed.evaluate("el => el.getBoundingClientRect().width") > 10
    assert removed.locator(".sr-only").first.evaluate("el => el.getBoundingClientRect().width") <= 1
    # The visible text, as a screen reader is not told: the old and the new figure, side by side.
    assert changed.evaluate("""el => [...el.childNodes].map(n => n.nodeType === 3 ? n.textContent :
        [...n.childNodes].filter(c => !(c.classList && c.classList.contains("sr-only"))).map(c => c.textContent).join("")
        ).join("")""") == "Factory output rose by 40% 50% in 2025"
    # The word-for-word copy shows no change; the reworded, earlier copy is the first known appearance.
    same = page.locator(".claim-appearances li", has_text="copy-two.example")
    expect(same.locator("del, ins")).to_have_count(0)
    first = page.locator(".claim-appearances li").first
    expect(first).to_contain_text("First known appearance: Output Up, Says Office, copy-three.example")
    assert first.locator(".appearance-first").evaluate("el => getComputedStyle(el).fontWeight") == "700"


def _violations(page: Any, include: list[str]) -> str:
    axe = need("axe_playwright_python.sync_playwright").Axe()
    for selector in include:
        assert page.locator(selector).count(), f"{page.url}: nothing matches {selector}"
    violations = axe.run(page, context={"include": [[selector] for selector in include]}).response["violations"]
    return "\n".join(f"{page.url}: {v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes'][:5]]}"
                     for v in violations)


SECTION = ["#where-published", ".appearances-legend", ".claim-appearances"]
EXCERPT = [".excerpt-note", ".article-text"]


def test_axe_finds_nothing_in_the_appearances_and_the_excerpt_notice(
    travelled: Tab, desktop: Tab, built_site: BuiltSite
) -> None:
    found = [_violations(travelled.open(f"claims/{RTL_ID}/"), SECTION),
             _violations(travelled.open(f"claims/{THREE_COPIES_ID}/"), SECTION),
             _violations(travelled.open("articles/arabic-article/"), EXCERPT)]
    # The demo: the copies of the 90% claim, the Russian appearance, and an excerpt article.
    excerpts = sorted(a.id for a in built_site.data.articles.values() if a.meta.excerpt)
    assert excerpts, "the demo has no excerpt article"
    found += [_violations(desktop.open("claims/s400-90-percent-success-rate/"), SECTION),
              _violations(desktop.open(f"claims/{PESKOV}/"), SECTION),
              *(_violations(desktop.open(f"articles/{article_id}/"), EXCERPT) for article_id in excerpts)]
    assert not any(found), "\n".join(f for f in found if f)
