"""What a reader does: follow links from the home page to a claim and its quote, search, browse lists."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from site_builder.model import slugify

from ..conftest import CLAIM, Project
from .conftest import PHONE, REPO, BuiltSite, PageTypes, Tab, guarded_tab, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser


def test_a_reader_goes_from_the_home_page_to_the_quote_in_the_article_and_back(
    desktop: Tab, built_site: BuiltSite, page_types: PageTypes, expect: Any
) -> None:
    claim = built_site.data.claims[page_types.claim_id]
    claim_url = desktop.url(f"claims/{claim.id}/")
    page = desktop.open("")
    content = page.locator("article.md-content__inner")

    content.get_by_role("link", name="All claims", exact=True).click()
    expect(page).to_have_url(desktop.url("claims/"))

    link = content.get_by_role("link", name=claim.title, exact=True)
    pages = page.locator(".claims-pager a")  # a long list has pages: look through them
    for number in range(pages.count()):
        if link.count():
            break
        pages.nth(number).click()
        page.wait_for_load_state()
    link.click()
    expect(page).to_have_url(claim_url)
    expect(page.locator("h1")).to_have_text(claim.title)

    page.get_by_role("link", name="See the quote highlighted in the article").click()
    expect(page).to_have_url(desktop.url(f"articles/{claim.article}/#claim-{claim.id}"))
    target = page.locator(":target")
    expect(target).to_have_id(f"claim-{claim.id}")
    expect(target).to_be_in_viewport()
    # Scrolled into view below the sticky header, not under it.
    header = page.locator(".md-header").bounding_box()
    quote = target.bounding_box()
    assert header is not None and quote is not None
    assert quote["y"] >= header["y"] + header["height"] - 1, (quote, header)
    expect(target).to_have_attribute("href", f"../../claims/{claim.id}/")

    page.go_back()
    expect(page).to_have_url(claim_url)
    expect(page.locator("h1")).to_have_text(claim.title)


def test_search_finds_a_claim_by_a_word_of_its_quote(
    desktop: Tab, built_site: BuiltSite, page_types: PageTypes, expect: Any
) -> None:
    claim = built_site.data.claims[page_types.claim_id]
    assert "staggering" in claim.quote
    page = desktop.open("")
    box = page.locator('input[data-md-component="search-query"]')
    box.click()
    box.press_sequentially("staggering", delay=50)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    # search.highlight adds ?h=<the query> to result links.
    hit = page.locator(f'.md-search-result__item a[href^="{desktop.url(f"claims/{claim.id}/")}"]').first
    expect(hit).to_be_visible()
    expect(hit).to_contain_text(claim.title)
    hit.click()
    expect(page).to_have_url(re.compile(re.escape(desktop.url(f"claims/{claim.id}/")) + r"(\?h=staggering)?$"))
    expect(page.locator("h1")).to_have_text(claim.title)


def _listed_claims(tab: Tab, path: str) -> list[str]:
    """The claim ids that a listing's claims tables link to, in order, over all its pages."""
    page = tab.open(path)
    more = page.eval_on_selector_all(".claims-pager a", "links => links.map(link => link.href)")
    hrefs = []
    for url in [tab.url(path), *more]:
        if url != page.url:
            page.goto(url)
        hrefs += page.eval_on_selector_all(
            ".claims-list tbody tr td:first-child a", "links => links.map(link => link.href)"
        )
    prefix = tab.url("claims/")
    assert all(href.startswith(prefix) and href.endswith("/") for href in hrefs), hrefs
    return [href.removeprefix(prefix).rstrip("/") for href in hrefs]


def test_rating_tag_and_claimant_pages_list_the_right_claims(
    desktop: Tab, built_site: BuiltSite, expect: Any
) -> None:
    published = built_site.published
    scale = built_site.data.settings.scale
    wrong: dict[str, tuple[list[str], list[str]]] = {}

    def check(path: str, expected: list[str]) -> None:
        listed = _listed_claims(desktop, path)
        if sorted(listed) != sorted(expected):
            wrong[path] = (sorted(listed), sorted(expected))

    for rating in scale.ids:
        expected = [c.id for c in published if c.rating == rating]
        check(f"ratings/{rating}/", expected)
        if not expected:
            expect(desktop.page.get_by_text("No published claim has this rating yet.")).to_be_visible()
    for tag in sorted({tag for claim in published for tag in claim.tags}):
        check(f"tags/{tag}/", [c.id for c in published if tag in c.tags])
    for slug in sorted({slugify(claim.claimant) for claim in published}):
        check(f"claimants/{slug}/", [c.id for c in published if slugify(c.claimant) == slug])
    check("claims/", [c.id for c in published])
    assert not wrong, "listed vs expected claims: " + repr(wrong)


def test_a_link_to_a_former_id_lands_on_the_claim_at_the_same_anchor(
    browser: Browser, project: Project, expect: Any
) -> None:
    """A deep link shared before a claim was renamed (aliases) keeps its #fragment on the way."""
    project.write_claim("output-rose-40-percent", CLAIM.replace("tags:", "aliases: [output-rose]\ntags:"))
    config = project.root / "mkdocs.yml"  # the site's overrides (the stock theme asks GitHub)
    config.write_text(config.read_text().replace(
        "  name: material\n", f"  name: material\n  custom_dir: {(REPO / 'overrides').as_posix()}\n"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    with serve(project.root / "site") as base:
        context, tab = guarded_tab(browser, base, PHONE)
        try:
            tab.page.goto(base + "claims/output-rose/#sources")
            expect(tab.page).to_have_url(base + "claims/output-rose-40-percent/#sources")
            expect(tab.page.locator("#sources")).to_be_in_viewport()
        finally:
            context.close()
        assert not tab.blocked and not tab.errors, (tab.blocked, tab.errors)
