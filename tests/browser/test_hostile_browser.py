"""The site built from every accepted hostile case (tests/hostile/), opened in headless Chromium.

Every HTML page of it is loaded; handlers an attack could have smuggled in are provoked (synthetic
mouse, focus, load and error events on every element of the content, then a real hover and click on
the first highlighted quote). No dialog may open, the canary ``window.__pwned`` that the payloads set
must stay unset, no page may throw, and no request may leave the local test server: every other
request is blocked and reported. The static checks of the same build are in tests/test_hostile.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pytest

from ..hostile.corpus import CANARY, AcceptedSite, build_accepted
from .conftest import DESKTOP, serve

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

# After load: is the canary set? Then fire, at every element of the content, the events whose inline
# handlers (onmouseover=, onerror=, ...) an injected element could carry, and ask again. A real click on
# the first highlighted quote follows; its handlers all run, only the link's navigation is held back (the
# page it leads to is visited anyway).
PROVOKE = """() => {
  const loaded = typeof window.__pwned !== "undefined";
  const types = ["mouseover", "mouseenter", "mousemove", "mousedown", "pointerover", "focus", "focusin", "blur",
                 "load", "error", "toggle", "animationstart", "transitionend", "input", "change"];
  const elements = document.querySelectorAll("article *");
  for (const element of elements) {
    for (const type of types) element.dispatchEvent(new Event(type, {bubbles: false}));
  }
  const marks = document.querySelectorAll("a.claim-mark").length;
  if (marks) document.addEventListener("click", event => event.preventDefault(), {once: true});
  return {loaded, provoked: typeof window.__pwned !== "undefined", elements: elements.length, marks};
}""".replace("__pwned", CANARY)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> AcceptedSite:
    """The same build as tests/test_hostile.py uses (built once per session, by whichever asks first)."""
    return build_accepted(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="module")
def hostile_server(hostile_site: AcceptedSite) -> Iterator[str]:
    """The hostile build, served."""
    with serve(hostile_site.out) as base:
        yield base


@dataclass
class Watch:
    """What the pages of one browser context did that they must not."""

    base: str
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    canaries: list[str] = field(default_factory=list)

    def check(self, page: Page, where: str) -> None:
        if page.evaluate(f"() => typeof window.{CANARY} !== 'undefined'"):
            self.canaries.append(where)

    def report(self) -> str:
        parts = [f"{name}: {sorted(set(found))}" for name, found in
                 (("dialogs opened", self.dialogs), ("requests outside 127.0.0.1", self.blocked),
                  ("page errors", self.errors), (f"window.{CANARY} set on", self.canaries)) if found]
        return "\n".join(parts)


@pytest.fixture
def watched(browser: Browser, hostile_server: str) -> Iterator[tuple[Page, Watch]]:
    context: BrowserContext = browser.new_context(viewport=DESKTOP, service_workers="block")
    watch = Watch(hostile_server)

    def block(route: Route) -> None:
        watch.blocked.append(route.request.url)
        route.abort("blockedbyclient")

    # every request but the test server's; matched inside the browser, so local requests cost nothing
    context.route(re.compile(rf"^(?!{re.escape(hostile_server)})"), block)
    page = context.new_page()
    page.on("dialog", lambda dialog: (watch.dialogs.append(f"{page.url}: {dialog.type} {dialog.message!r}"),
                                      dialog.dismiss()))
    page.on("pageerror", lambda error: watch.errors.append(f"{page.url}: {error}"))
    yield page, watch
    context.close()


def _pages(site: AcceptedSite) -> list[tuple[str, bool]]:
    """(URL path, is a redirect) of every HTML page of the build."""
    out = []
    for path in site.html_pages():
        relative = path.relative_to(site.out).as_posix()
        url = relative[: -len("index.html")] if relative.endswith("index.html") else relative
        out.append((url, 'http-equiv="refresh"' in path.read_text(encoding="utf-8")))
    return out


def test_no_page_runs_a_script_or_leaves_127_0_0_1(watched: tuple[Page, Watch], hostile_site: AcceptedSite) -> None:
    page, watch = watched
    pages = _pages(hostile_site)
    assert len(pages) > len(hostile_site.cases), "fewer pages than accepted cases"
    provoked = marks = 0
    for path, redirect in pages:
        url = watch.base + path
        response = page.goto(url, wait_until="load")
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        if redirect:  # a former id: the page moves on to the claim at once
            page.wait_for_url(lambda now: now != url, timeout=10_000)
            page.wait_for_load_state("load")
        state = page.evaluate(PROVOKE)
        watch.canaries += [path] if state["loaded"] else []
        watch.canaries += [f"{path} (after provoking handlers)"] if state["provoked"] else []
        provoked += state["elements"]
        if state["marks"]:
            marks += 1
            mark = page.locator("a.claim-mark").first
            mark.hover(force=True)  # a static page: no need to wait for it to settle
            watch.check(page, f"{path} (after hovering the first quote)")
            mark.click(force=True, no_wait_after=True)
            watch.check(page, f"{path} (after clicking the first quote)")
    assert provoked > 1000 and marks > 10, (provoked, marks)  # the checks above did reach the content
    assert not watch.report(), watch.report()


def test_search_results_stay_inert(watched: tuple[Page, Watch], hostile_site: AcceptedSite) -> None:
    """The theme renders search results with innerHTML: search for words of the hostile payloads."""
    page, watch = watched
    page.goto(watch.base, wait_until="load")
    box = page.locator('input[data-md-component="search-query"]')
    for query in ("script", "pwned", "onerror", "minister"):
        box.click()
        box.fill("")
        box.press_sequentially(query, delay=20)
        page.locator(".md-search-result__meta").wait_for(state="visible")
        page.wait_for_timeout(300)  # results render in batches
        watch.check(page, f"search {query!r}")
    assert page.locator(".md-search-result__item").count() > 0, "the search found nothing"
    assert not watch.report(), watch.report()


# The pages of the non-BMP cases (tests/hostile/*/non-bmp-every-field.*): emoji and other characters
# outside the Basic Multilingual Plane beside Markdown in every text field of a claim and an article (they
# once turned a page's front matter into live Markdown: a javascript: link and onmouseover/onfocus handlers).
NON_BMP_PAGES = [
    "claims/non-bmp-every-field/",
    "articles/non-bmp-every-field/",
    "claimants/rocket-the-minister-em-onmouseover-window-pwned-1-link-javascript-alert-1/",
    "tags/economy/",
    "claims/",
    "articles/",
]
# Links must not take the page away while every element is clicked: cancel their navigation (inline
# handlers on the element still run first).
HOLD_NAVIGATION = "document.addEventListener('click', event => event.preventDefault(), true)"


def test_non_bmp_payloads_stay_inert_under_hover_focus_and_click(watched: tuple[Page, Watch],
                                                                 hostile_site: AcceptedSite) -> None:
    """Each page is loaded (no interaction), then every element of its content is hovered with the real
    mouse, focused and clicked, one by one: no dialog, no canary, no request outside 127.0.0.1."""
    from playwright.sync_api import Error as PlaywrightError

    page, watch = watched
    page.add_init_script(HOLD_NAVIGATION)
    interacted = 0
    for path in NON_BMP_PAGES:
        assert (hostile_site.out / path / "index.html").is_file(), f"{path} was not built"
        response = page.goto(watch.base + path, wait_until="load")
        assert response is not None and response.ok, path
        if "non-bmp" in path:  # the title arrives whole: it once broke the page's front matter
            assert page.title().startswith(("🚀 O", "Claim: 🚀 O")), page.title()
        watch.check(page, f"{path} (loaded)")
        elements = page.locator("article *")
        count = elements.count()
        assert count > 20, (path, count)
        for index in range(count):
            element = elements.nth(index)
            try:
                element.hover(force=True, timeout=1000)
                element.click(force=True, no_wait_after=True, timeout=1000)
                interacted += 1
            except PlaywrightError:
                pass  # no box to point at (hidden, or empty): focused and provoked below all the same
            element.evaluate("e => { if (e.focus) e.focus(); }")
        watch.check(page, f"{path} (after hovering, focusing and clicking {count} elements)")
        assert page.url == watch.base + path, f"clicking on {path} navigated to {page.url}"
    assert interacted > 300, interacted
    assert not watch.report(), watch.report()
