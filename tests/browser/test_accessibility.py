"""axe-core finds no accessibility violation on any page type, at desktop and phone widths.

The stock theme's findings are fixed in overrides/ (see overrides/main.html and its partials).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DESKTOP, PHONE, PageTypes, Tab, need


def _summary(violations: list[dict]) -> str:  # type: ignore[type-arg]
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_finds_no_violations(
    open_tab: Callable[..., Tab], page_types: PageTypes, viewport: dict[str, int]
) -> None:
    axe = need("axe_playwright_python.sync_playwright").Axe()
    tab = open_tab(viewport)
    found = {}
    for name, path in page_types.paths.items():
        page = tab.open(path)
        violations = axe.run(page).response["violations"]
        if violations:
            found[f"{name} ({path})"] = _summary(violations)
    assert not found, "\n".join(f"{page}:\n{summary}" for page, summary in found.items())



# Generated pages; the hand-written ones (methodology, about, data) get their skip link from Python-Markdown.
GENERATED = ("home", "claim", "claims-index", "article", "articles-index", "rating", "ratings-index", "tag",
             "tags-index", "claimant", "claimants-index", "corrections")


def test_skip_to_content_lands_on_the_page_title(desktop: Tab, page_types: PageTypes) -> None:
    """On every generated page the first Tab stop is "Skip to content", and Enter goes to the h1 (on a
    claim page the claim, above its verdict), not to the first section below it."""
    wrong = {}
    for name in GENERATED:
        page = desktop.open(page_types.paths[name])
        page.keyboard.press("Tab")
        first_stop = page.evaluate("document.activeElement.className + ' ' + document.activeElement.textContent.trim()")
        if not first_stop.startswith("md-skip"):
            wrong[name] = f"first Tab stop: {first_stop}"
            continue
        page.keyboard.press("Enter")
        page.wait_for_function("location.hash !== ''")
        landed = page.evaluate("""() => {
            const target = document.querySelector(':target'), title = document.querySelector('article h1');
            const box = title.getBoundingClientRect();
            return target === title && box.top >= 0 && box.bottom <= innerHeight ? '' : location.hash;
        }""")
        if landed:
            wrong[name] = f"landed on {landed}, not on the h1 in view"
    assert not wrong, wrong
