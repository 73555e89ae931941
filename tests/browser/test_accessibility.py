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
