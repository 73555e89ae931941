"""How pages look: no sideways scrolling on a phone, and screenshots of every page type to look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DESKTOP, PHONE, SCREENSHOTS, SCREENSHOTS_TAKEN, PageTypes, Tab

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


def test_on_a_phone_a_listed_claim_says_which_link_is_its_article(open_tab: Callable[..., Tab]) -> None:
    """A phone hides the column headers: the outlet's link (often the claimant's name again) reads "in ..."."""
    labelled = """[...document.querySelectorAll('.claims-list td')]
        .filter(td => getComputedStyle(td, '::before').content === '"in "').map(td => td.cellIndex)"""
    phone = open_tab(PHONE).open("claims/")
    headers = phone.evaluate("[...document.querySelectorAll('.claims-list th')].map(th => th.textContent)")
    rows = phone.locator(".claims-list tbody tr").count()
    assert rows > 1 and phone.evaluate(labelled) == [headers.index("Article")] * rows
    assert open_tab(DESKTOP).open("claims/").evaluate(labelled) == []  # the column header says it


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
