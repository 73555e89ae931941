"""The live preview in a real browser: a tab left open on a claim shows the problems when the claim
breaks, and the claim again once it is fixed, without anyone reloading it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..conftest import CLAIM, make_project
from ..test_serve import BROKEN, BROKEN_REPORT, ERROR_MARK, _wait_for, serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

TITLE = "h1.claim-title"
ERROR = f"html[{ERROR_MARK}]"


def test_an_open_tab_shows_claim_errors_and_recovers_by_itself(browser: Browser, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    with serving(project) as (base, log):
        claim = base + "claims/output-rose-40-percent/"
        assert _wait_for(claim, "Output rose by 40% last year", 60), log.read_text()
        context = browser.new_context(service_workers="block")
        context.set_default_timeout(60_000)
        errors: list[str] = []

        def route(route: Route) -> None:  # nothing but the preview (the stock theme of this test project,
            if route.request.url.startswith(base):  # without the demo's overrides, asks GitHub for its repo)
                route.continue_()
            else:
                route.abort("blockedbyclient")

        context.route("**/*", route)
        try:
            tab: Page = context.new_page()
            tab.on("pageerror", lambda error: errors.append(str(error)))
            tab.goto(claim)
            assert tab.locator(TITLE).inner_text() == "Output rose by 40% last year"

            project.write_claim("output-rose-40-percent", BROKEN)
            tab.wait_for_selector(ERROR)  # MkDocs' reload script brought the error page in
            assert tab.locator("pre").inner_text() == BROKEN_REPORT
            # an address that never had a page: MkDocs answers with 404.html, which gets no reload
            # script from MkDocs; the error page's own one brings the site back
            lost = context.new_page()
            lost.goto(base + "claims/not-written-yet/")
            assert lost.locator("pre").inner_text() == BROKEN_REPORT

            project.write_claim("output-rose-40-percent", CLAIM)
            tab.wait_for_selector(TITLE)
            assert tab.locator(TITLE).inner_text() == "Output rose by 40% last year"
            lost.wait_for_function(f"!document.documentElement.hasAttribute('{ERROR_MARK}')")
            assert "404" in lost.title() or "not found" in lost.content().lower()
        finally:
            context.close()
        assert not errors, errors
