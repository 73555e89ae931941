"""How pages look: no sideways scrolling on a phone, and screenshots of every page type to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from ..conftest import ARTICLE, CLAIM, make_project, quoting
from .conftest import DESKTOP, PHONE, REPO, SCREENSHOTS, SCREENSHOTS_TAKEN, PageTypes, Tab, guarded_tab, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser

# The elements sticking out past the right edge, to say what overflows.
WIDEST = """() => {
  const width = window.innerWidth;
  const found = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && getComputedStyle(element).position !== "fixed") {
      const name = element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
        + (element.classList.length ? "." + [...element.classList].join(".") : "");
      found.push(name + " (right edge " + Math.round(box.right) + ")");
    }
  }
  return found.slice(0, 8);
}"""


def test_no_page_scrolls_sideways_on_a_phone(phone: Tab, page_types: PageTypes) -> None:
    overflowing = {}
    for name, path in page_types.paths.items():
        page = phone.open(path)
        width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width > inner:
            overflowing[name] = (path, width, inner, page.evaluate(WIDEST))
    assert not overflowing, f"pages wider than the {PHONE['width']}px screen: {overflowing}"


# Words a phone cannot fit on one line: social media's hashtags and handles, and links, are quoted as they were.
HASHTAG = "#ExportsDoubledUnderTheNewMinistryOfEconomicDevelopmentProgramme2026"
LINK = "https://example.news/2026/01/exports-doubled-under-the-new-ministry-programme-official-figures"
NARROW = {**PHONE, "width": 320}  # the narrowest phones in use, and any phone with its text enlarged


# Tables wider than their frame: the theme scrolls them sideways inside the page.
SCROLLING_TABLES = """() => [...document.querySelectorAll("article table")]
  .filter(table => [table, table.parentElement, table.closest(".md-typeset__scrollwrap")]
    .some(frame => frame && frame.scrollWidth > frame.clientWidth + 1))
  .map(table => table.closest("div[class]").className + " (" + table.scrollWidth + "px)")"""


def test_a_word_longer_than_the_screen_wraps_instead_of_widening_the_page(browser: Browser, tmp_path: Path) -> None:
    """A quote, title, claimant or outlet holding a hashtag or link wider than a phone breaks inside it
    (overflow-wrap: anywhere) on every page that shows it, tables included."""
    project = make_project(tmp_path / "project")
    config = project.root / "mkdocs.yml"  # the demo's theme overrides (no GitHub API call)
    config.write_text(config.read_text().replace("  font: false\n", f"  font: false\n  custom_dir: {REPO / 'overrides'}\n"))
    sentence = f"The ministry posted {HASHTAG} with a link, {LINK}, on Monday."
    project.write_article("output-article", ARTICLE.replace("outlet: example.news", f"outlet: {HASHTAG[1:]}.news")
                          .replace("Nobody knows why.", f"Nobody knows why.\n\n{sentence}\n"))
    project.write_claim("output-rose-40-percent", quoting(sentence, CLAIM).replace(
        "title: Output rose by 40% last year", f'title: "The ministry\'s {HASHTAG} post says output rose"').replace(
        "claimant: The minister", f"claimant: {HASHTAG[1:]}"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    paths = ["claims/output-rose-40-percent/", "articles/output-article/", "claims/", "", "ratings/supported/",
             "tags/economy/", "claimants/", "articles/"]
    with serve(project.root / "site") as base:
        context, tab = guarded_tab(browser, base, NARROW)
        try:
            overflowing = {}
            for path in paths:
                page = tab.open(path)
                assert HASHTAG[1:] in page.content(), path
                width, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
                if width > inner:
                    overflowing[path] = (width, page.evaluate(WIDEST))
                tables = page.evaluate(SCROLLING_TABLES)  # a table the theme lets scroll inside its frame
                if tables:
                    overflowing[path] = tables
            assert not overflowing, f"pages wider than the {NARROW['width']}px screen: {overflowing}"
        finally:
            context.close()
        assert not tab.blocked and not tab.errors, (tab.blocked, tab.errors)


def test_on_a_phone_a_listed_claim_says_which_link_is_its_article(open_tab: Callable[..., Tab]) -> None:
    """A phone hides the column headers: the outlet's link (often the claimant's name again) reads "in ..."."""
    labelled = """[...document.querySelectorAll('.claims-list td')]
        .filter(td => getComputedStyle(td, '::before').content === '"in "').map(td => td.cellIndex)"""
    phone = open_tab(PHONE).open("claims/")
    headers = phone.evaluate("[...document.querySelectorAll('.claims-list th')].map(th => th.textContent)")
    rows = phone.locator(".claims-list tbody tr").count()
    assert rows > 1 and phone.evaluate(labelled) == [headers.index("Article")] * rows
    assert open_tab(DESKTOP).open("claims/").evaluate(labelled) == []  # the column header says it


def test_on_a_phone_the_articles_list_fits_and_says_what_its_numbers_count(open_tab: Callable[..., Tab]) -> None:
    """The demo's headlines are long: on a phone each article is a card (headline, outlet, date, "N claims")
    instead of a table whose last column is off the screen; on a desktop the column header says it."""
    counts = "[...document.querySelectorAll('.articles-list td.articles-claims')].map(td => td.innerText.trim())"
    phone = open_tab(PHONE).open("articles/")
    assert phone.evaluate(SCROLLING_TABLES) == []
    right = "Math.max(...[...document.querySelectorAll('.articles-list td')].map(td => td.getBoundingClientRect().right))"
    assert phone.evaluate(f"{right} <= window.innerWidth")
    on_phone = phone.evaluate(counts)
    assert on_phone and all(count.endswith((" claim", " claims")) for count in on_phone), on_phone
    assert "1 claim" in on_phone and any(count.endswith(" claims") for count in on_phone)
    assert all(count.isdigit() for count in open_tab(DESKTOP).open("articles/").evaluate(counts))


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots_of_every_page_type(
    open_tab: Callable[..., Tab], page_types: PageTypes, viewport: dict[str, int]
) -> None:
    """Full-page screenshots in test-artifacts/screenshots/ (the run prints where), for people to look at."""
    tab = open_tab(viewport)
    label = "desktop" if viewport is DESKTOP else "phone"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SCREENSHOTS.glob(f"*-{label}.png"):
        stale.unlink()
    for name, path in page_types.paths.items():
        page = tab.open(path)
        page.evaluate("document.fonts.ready")
        target = SCREENSHOTS / f"{name}-{label}.png"
        page.screenshot(path=str(target), full_page=True, animations="disabled")
        assert target.stat().st_size > 0
        SCREENSHOTS_TAKEN.append(target)
