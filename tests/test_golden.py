"""Our own output (each generated page as a document: front matter and HTML), compared with golden files.

Regenerate after an intended change with `make golden` (pytest --update-golden)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.pages import build_pages
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.render import environment

from .conftest import Project
from .travelled import RTL_ID, THREE_COPIES_ID, add_travelled

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["claims/output-rose-40-percent.md", "claims/exports-doubled.md", "articles/output-article.md", "index.md"]
# The test project with claims that travel (tests/travelled.py): three appearances, and an Arabic one.
TRAVELLED = [f"claims/{THREE_COPIES_ID}.md", f"claims/{RTL_ID}.md", "articles/arabic-article.md",
             "articles/copy-one.md"]


@pytest.mark.parametrize("uri", PAGES + TRAVELLED)
def test_generated_markdown_matches_golden_file(project: Project, uri: str, update_golden: bool) -> None:
    if uri in TRAVELLED:
        add_travelled(project)
    settings = read_settings(project.root / "mkdocs.yml")
    pages = build_pages(load_site(settings), environment(settings.templates_dir))
    golden = GOLDEN / uri
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(pages[uri], encoding="utf-8")
    assert pages[uri] == golden.read_text(encoding="utf-8"), f"{uri} changed: run `make golden` if intended"
