"""A claim published in several articles and languages, in what the site exports: its ClaimReview, the open
data files, the feeds and the search index. Real builds; exact output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder.appearances import surely_before

from .conftest import Project, make_project
from .schemaorg_vocab import check
from .test_appearances import ARABIC, COPY, WITH_APPEARANCES
from .test_publishing import json_ld

CLAIM_URL = "https://claims.example.org/claims/output-rose-40-percent/"

ARABIC_WORK = {
    "@type": "CreativeWork", "url": "https://arabic.example/output", "headline": "ارتفع الإنتاج",
    "publisher": {"@type": "Organization", "name": "arabic.example"}, "datePublished": "2025-12-01",
    "inLanguage": "ar",
}
OWN_WORK = {  # the claim's own quote's article: its language is not given, so none is said
    "@type": "CreativeWork", "url": "https://example.news/output", "headline": "Minister Says Output Rose Sharply",
    "publisher": {"@type": "Organization", "name": "example.news"}, "datePublished": "2025-12-03",
}
COPY_WORK = {
    "@type": "CreativeWork", "url": "https://copy.example/output", "headline": "Output Up 50%, Minister Says",
    "publisher": {"@type": "Organization", "name": "copy.example"}, "datePublished": "2025-12-05",
}


def travelled_project(root: Path) -> Project:
    project = make_project(root)
    project.write_article("copy-article", COPY)
    project.write_article("arabic-article", ARABIC)
    project.write_claim("output-rose-40-percent", WITH_APPEARANCES)
    return project


@pytest.fixture(scope="module")
def travelled(tmp_path_factory: pytest.TempPathFactory) -> Project:
    """Built once for the module: the tests only read the output."""
    project = travelled_project(tmp_path_factory.mktemp("travelled") / "project")
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_claim_review_lists_every_appearance_and_the_first(travelled: Project) -> None:
    [review] = json_ld(travelled.html("claims/output-rose-40-percent"))
    assert check(review) == []
    assert review["itemReviewed"] == {
        "@type": "Claim",
        "appearance": [ARABIC_WORK, OWN_WORK, COPY_WORK],  # oldest first, as on the page
        "firstAppearance": ARABIC_WORK,
        "author": {"@type": "Person", "name": "The minister"},
        "datePublished": "2025-12-01",  # the claim entered public discourse with its first appearance
    }
    # The site-wide file carries the very same ClaimReview.
    reviews = json.loads((travelled.root / "site/data/claimreview.json").read_text(encoding="utf-8"))
    [same] = [r for r in reviews if r["url"] == CLAIM_URL]
    assert same == review


def test_an_unknown_day_never_makes_an_appearance_first(tmp_path: Path) -> None:
    """An appearance dated only to the month of the claim's own quote may be older or not: the claim's own
    quote stays the first known appearance, on the page and in the ClaimReview alike."""
    project = travelled_project(tmp_path / "project")
    project.write_article("arabic-article", ARABIC.replace("published: 2025-12-01", "published: 2025-12"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.html("claims/output-rose-40-percent")
    [review] = json_ld(page)
    arabic = {key: value for key, value in ARABIC_WORK.items() if key != "datePublished"}
    assert review["itemReviewed"]["appearance"] == [arabic, OWN_WORK, COPY_WORK]  # "2025-12" sorts first
    assert review["itemReviewed"]["firstAppearance"] == OWN_WORK
    assert review["itemReviewed"]["datePublished"] == "2025-12-03"
    assert ('<span class="appearance-first">First known appearance: </span>'
            '<a href="../../articles/output-article/#claim-output-rose-40-percent">') in page
    assert check(review) == []


def test_surely_before_reads_partial_dates_as_every_day_they_may_mean() -> None:
    assert surely_before("2025-12-01", "2025-12-03")
    assert surely_before("2025-11", "2025-12-01") and surely_before("2024", "2025-01")
    assert not surely_before("2025-12", "2025-12-03")  # 1 or 31 December
    assert not surely_before("2025-12-03", "2025-12")
    assert not surely_before("2025-12-03", "2025-12-03")  # a tie
    assert not surely_before("2025", "2025-06-01")
