"""Verdict first: on a phone, the claim, who made it, the verdict and who checked it are on the first screen;
search results name the rating; screenshots of the head of a claim page for people to look at."""

from __future__ import annotations

import re
from typing import Any

from .conftest import DESKTOP, PHONE, SCREENSHOTS, SCREENSHOTS_TAKEN, BuiltSite, PageTypes, Tab

# The bottom edge of each part of the head, in CSS pixels from the top of the page (not scrolled).
BOTTOMS = """() => Object.fromEntries(
  ["h1.claim-title", ".claim-source", ".verdict .rating-badge", ".rating-scale", ".claim-summary", ".claim-byline"]
    .map(selector => [selector, Math.round(document.querySelector(selector).getBoundingClientRect().bottom)]))"""

HEADING = """() => {
  const style = getComputedStyle(document.querySelector("h1.claim-title"));
  return [style.color, style.fontWeight, getComputedStyle(document.body).backgroundColor];
}"""


def test_on_a_phone_the_first_screen_holds_claim_claimant_verdict_and_reviewer(
    phone: Tab, built_site: BuiltSite
) -> None:
    too_low = {}
    for claim in built_site.published:
        page = phone.open(f"claims/{claim.id}/")
        bottoms = page.evaluate(BOTTOMS)
        if max(bottoms.values()) > PHONE["height"]:
            too_low[claim.id] = bottoms
    assert not too_low, f"below the first {PHONE['height']}px of a {PHONE['width']}px wide screen: {too_low}"


def _channels(css: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", css))


def _luminance(rgb: tuple[float, ...]) -> float:
    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_the_claim_heading_is_legible(desktop: Tab, page_types: PageTypes) -> None:
    page = desktop.open(f"claims/{page_types.claim_id}/")
    colour, weight, background = page.evaluate(HEADING)
    text, paper = _channels(colour), _channels(background)
    alpha = text[3] if len(text) == 4 else 1.0
    seen = tuple(alpha * t + (1 - alpha) * p for t, p in zip(text[:3], paper[:3]))
    lighter, darker = sorted((_luminance(seen), _luminance(paper)), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5, (colour, background)
    assert weight == "400"


def test_the_scale_marks_the_rating_in_words_for_screen_readers(desktop: Tab, built_site: BuiltSite,
                                                               page_types: PageTypes) -> None:
    claim = built_site.data.claims[page_types.claim_id]
    label = built_site.data.settings.scale[claim.rating].label
    page = desktop.open(f"claims/{claim.id}/")
    current = page.locator("ol.rating-scale li.rating-step-current")
    assert current.count() == 1
    assert current.inner_text().startswith(f"▲\u00a0{label}") or label in current.inner_text()
    assert f"{label} (this claim’s rating:" in current.text_content()


def test_a_rating_outside_the_scale_stands_apart_from_its_steps(desktop: Tab, page_types: PageTypes) -> None:
    """Cannot verify is no point on the scale: it is not read as the step past False."""
    page = desktop.open(f"claims/{page_types.claim_id}/")
    gaps = page.eval_on_selector_all(
        "ol.rating-scale .rating-step-bar",
        "bars => bars.map(bar => bar.getBoundingClientRect()).map((box, i, all) => i ? box.left - all[i - 1].right : 0)")
    classes = page.eval_on_selector_all("ol.rating-scale li", "steps => steps.map(step => step.className)")
    assert "rating-step-outside" in classes[-1] and not any("rating-step-outside" in c for c in classes[:-1])
    assert gaps[-1] > 2 * max(gaps[1:-1]), gaps


def test_search_results_name_the_rating(desktop: Tab, built_site: BuiltSite, page_types: PageTypes,
                                        expect: Any) -> None:
    claim = built_site.data.claims[page_types.claim_id]
    label = built_site.data.settings.scale[claim.rating].label
    page = desktop.open("")
    box = page.locator('input[data-md-component="search-query"]')
    box.click()
    box.press_sequentially("staggering", delay=50)
    hit = page.locator(f'.md-search-result__item a[href^="{desktop.url(f"claims/{claim.id}/")}"]').first
    expect(hit).to_be_visible()
    expect(hit).to_contain_text(f"Rated {label}")


def test_article_highlights_read_without_colour(desktop: Tab, built_site: BuiltSite, page_types: PageTypes) -> None:
    claim = built_site.data.claims[page_types.claim_id]
    page = desktop.open(f"articles/{claim.article}/")
    marks = page.locator("a.claim-mark")
    assert marks.count() >= 1
    # A quote over several paragraphs is highlighted in each; its rating follows the last piece.
    texts = page.eval_on_selector_all("a.claim-mark", "links => links.map(link => [link.href, link.textContent])")
    last = {href: text for href, text in texts}
    scale = built_site.data.settings.scale
    labels = [rating.label for rating in scale.ratings.values()]
    for href, text in last.items():
        claim_id = href.rstrip("/").rsplit("/", 1)[-1]
        assert text.endswith(f" Rated {scale[built_site.data.claims[claim_id].rating].label}"), (href, text)
    assert page.locator(".rating-legend li").all_inner_texts() == labels


def test_screenshots_of_the_claim_head(open_tab: Any, page_types: PageTypes) -> None:
    """The head of a claim page (title to the report link) at phone and desktop width, in
    test-artifacts/screenshots/ (git-ignored), for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for label, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
        page = open_tab(viewport).open(f"claims/{page_types.claim_id}/")
        top = page.locator("h1.claim-title").bounding_box()
        bottom = page.locator(".claim-help").bounding_box()
        assert top is not None and bottom is not None
        target = SCREENSHOTS / f"claim-head-{label}.png"
        page.screenshot(path=str(target), animations="disabled",
                        clip={"x": 0, "y": 0, "width": viewport["width"], "height": bottom["y"] + bottom["height"] + 16})
        assert target.stat().st_size > 0
        SCREENSHOTS_TAKEN.append(target)
