"""Shared fixtures: a small real project in a temporary folder, built with real MkDocs."""

from __future__ import annotations

import filecmp
import json
import os
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "templates"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


ARTICLE = """\
---
title: "Minister Says Output Rose Sharply"
outlet: example.news
url: https://example.news/output
published: 2025-12-03
retrieved: 2026-01-05
notes: A made-up article for tests.
---
Output rose by 40% last year, the minister said on Monday.

According to the ministry, exports doubled in the U.S.
market: “a record,” it added.

Reports indicate that prices fell. Nobody knows why.
"""

CLAIM = """\
title: Output rose by 40% last year
quote: Output rose by 40% last year
article: output-article
claimant: The minister
attribution: reported
rating: supported
summary: Official figures show a 40% rise. The figure is for the whole year.
context: |
  The statistics office published the figure in **January**.

  - [Statistics office](https://stats.example.org/output)
sources:
  - title: Output statistics 2025
    url: https://stats.example.org/output
    publisher: Statistics Office
    published: 2026-01-10
    note: The annual figure.
tags: [economy, output]
related: [exports-doubled]
reviewed: 2026-01-12
status: published
provenance: manual
"""

CLAIM_2 = """\
title: Exports to the US market doubled
quote: "exports doubled in the U.S. market: \\"a record,\\""
article: output-article
claimant: The ministry
attribution: direct
rating: misleading
summary: Exports rose, but from a very low base.
context: Exports doubled from a small base.
sources:
  - title: Trade figures
    url: https://stats.example.org/trade
    publisher: Statistics Office
    published: 2026-01
tags: [economy]
related: [output-rose-40-percent]
reviewed: 2026-01-11
updated: 2026-01-15
corrections:
  - date: 2026-01-15
    note: The base year was wrong.
provenance:
  extractor: site-builder extract
  version: 0.1.0
  model: checkworthiness 1
  score: 0.91
"""

# Two claims quoting the same passage of an article is an error, and nearly the same titles a warning: a
# variant of CLAIM written beside it (to test another field) has its own title and quotes another passage
# of the article (or one of ``other_passages``).
CLAIM_ELSEWHERE = CLAIM.replace("quote: Output rose by 40% last year", "quote: the minister said on Monday").replace(
    "title: Output rose by 40% last year", "title: The minister spoke on Monday")


def other_passages(count: int) -> list[str]:
    """``count`` passages of ARTICLE's first sentence, each a different span and none quoted by a fixture
    claim (none starts at 'Output'), for tests that write many claims."""
    words = "Output rose by 40% last year, the minister said on Monday.".split()
    found = [" ".join(words[start:end]) for start in range(1, len(words) - 1) for end in range(len(words), start + 1, -1)]
    assert count <= len(found)
    return found[:count]


def quoting(passage: str, claim: str = CLAIM) -> str:
    """``claim`` with ``passage`` as its quote."""
    return re.sub(r"^quote: .*$", lambda _: f"quote: {json.dumps(passage, ensure_ascii=False)}", claim, count=1, flags=re.M)


DRAFT = """\
title: Prices fell
quote: Reports indicate that prices fell.
article: output-article
claimant: Unnamed reports
attribution: vague
status: draft
provenance:
  extractor: site-builder extract
  version: 0.1.0
  score: 0.55
"""


def tree_differences(left: Path, right: Path) -> list[str]:
    """The files that differ between two folders, byte for byte, or are in only one of them (any depth)."""
    return _differences(filecmp.dircmp(left, right))


def _differences(comparison: filecmp.dircmp[str]) -> list[str]:
    found = [*comparison.left_only, *comparison.right_only, *comparison.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right, comparison.common_files, shallow=False)
    found += mismatch + errors
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found


@dataclass
class Project:
    root: Path

    @property
    def claims(self) -> Path:
        return self.root / "claims"

    @property
    def articles(self) -> Path:
        return self.root / "content" / "articles"

    def write_claim(self, claim_id: str, text: str) -> Path:
        path = self.claims / f"{claim_id}.yaml"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def write_article(self, article_id: str, text: str) -> Path:
        path = self.articles / f"{article_id}.md"
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        return subprocess.run(args, cwd=self.root, capture_output=True, text=True, env=env, check=False)

    def build(self, out: str = "site") -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "mkdocs", "build", "--strict", "-d", out)

    def validate(self) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "site_builder", "validate")

    def html(self, url_path: str, out: str = "site") -> str:
        return (self.root / out / url_path / "index.html").read_text(encoding="utf-8")


MKDOCS_YML = f"""\
site_name: Test claims
site_url: https://claims.example.org/
repo_url: https://github.com/example/claims
edit_uri: edit/main/content/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - claims:
      templates_dir: {TEMPLATES.as_posix()}
nav:
  - Home: index.md
  - Claims: claims/index.md
  - Ratings: ratings/index.md
  - Tags: tags/index.md
  - Claimants: claimants/index.md
  - Articles: articles/index.md
  - Methodology: methodology.md
  - Corrections: corrections.md
  - Data: data.md
validation:
  links:
    not_found: warn
    anchors: warn
"""


def make_project(root: Path) -> Project:
    project = Project(root)
    project.claims.mkdir(parents=True)
    project.articles.mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "content" / "methodology.md").write_text("# Methodology\n\nHow we work.\n", encoding="utf-8")
    (root / "content" / "data.md").write_text("# Data\n\nThe data files.\n", encoding="utf-8")
    project.write_article("output-article", ARTICLE)
    project.write_claim("output-rose-40-percent", CLAIM)
    project.write_claim("exports-doubled", CLAIM_2)
    project.write_claim("prices-fell", DRAFT)
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return make_project(tmp_path / "project")
