"""Structured data, feeds, open data, permalinks and contributor tooling, on real builds."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import extruct
import pytest

from site_builder.schema import schema_text
from site_builder.structured import script
from site_builder.config import read_settings

from .conftest import CLAIM, CLAIM_ELSEWHERE, REPO, Project
from .schemaorg_vocab import check

JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(html: str) -> list[dict]:
    """Strictly parsed JSON-LD blocks; extruct (lenient, as a consumer reads them) must agree."""
    strict = [json.loads(raw) for raw in JSON_LD_RE.findall(html)]
    assert extruct.extract(html, syntaxes=["json-ld"])["json-ld"] == strict
    return strict


@pytest.fixture
def built(project: Project) -> Project:
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_claim_page_carries_one_valid_claim_review(built: Project) -> None:
    html = built.html("claims/exports-doubled")
    [review] = json_ld(html)
    assert check(review) == []
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == "Exports to the US market doubled"
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Misleading", "ratingValue": 3,
                                      "bestRating": 5, "worstRating": 1}
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert review["url"] == canonical == "https://claims.example.org/claims/exports-doubled/"
    assert review["author"] == {"@type": "Organization", "name": "Test claims", "url": "https://claims.example.org/"}
    assert review["datePublished"] == "2026-01-11"
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"]["name"] == "The ministry"
    assert item["appearance"][0]["url"] == "https://example.news/output"


def test_a_claim_the_outlet_attributes_to_someone_is_authored_by_the_outlet(built: Project) -> None:
    """The methodology's "outlet, attributing to X" (X could not be shown to have said it) names the outlet
    alone as the claim's author in structured data; the page and listings keep the claimant as written."""
    built.write_claim("output-rose-40-percent", CLAIM.replace("claimant: The minister",
                                                              "claimant: example.news, attributing to The minister"))
    assert built.build().returncode == 0
    page = built.html("claims/output-rose-40-percent")
    [review] = json_ld(page)
    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "example.news"}
    assert check(review) == []
    assert "example.news, attributing to The minister" in page


def test_a_claim_review_is_modified_after_it_is_published_never_before(built: Project) -> None:
    """dateModified is the last update or correction after the last review: an 'updated' older than a
    re-review is not a later change, and a correction is one."""
    [review] = json_ld(built.html("claims/exports-doubled"))  # reviewed 11 January, updated and corrected 15
    assert (review["datePublished"], review["dateModified"]) == ("2026-01-11", "2026-01-15")
    built.write_claim("output-rose-40-percent", CLAIM.replace("reviewed: 2026-01-12", "reviewed: 2026-01-12\nupdated: 2026-01-05"))
    assert built.build().returncode == 0
    [review] = json_ld(built.html("claims/output-rose-40-percent"))
    assert review["datePublished"] == "2026-01-12" and "dateModified" not in review
    built.write_claim("output-rose-40-percent", CLAIM.replace("reviewed: 2026-01-12", "reviewed: 2026-01-12\nupdated: 2026-01-05") + (
        "corrections:\n  - date: 2026-02-01\n    note: A source link was broken.\n"))
    assert built.build().returncode == 0
    [review] = json_ld(built.html("claims/output-rose-40-percent"))
    assert (review["datePublished"], review["dateModified"]) == ("2026-01-12", "2026-02-01")


def test_cannot_verify_carries_its_label_but_no_point_on_the_scale(built: Project) -> None:
    built.write_claim("output-rose-40-percent", CLAIM.replace("rating: supported", "rating: cannot-verify"))
    assert built.build().returncode == 0
    [review] = json_ld(built.html("claims/output-rose-40-percent"))
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Cannot verify"}
    assert check(review) == []


def test_article_and_home_pages_carry_valid_structured_data(built: Project) -> None:
    [page] = json_ld(built.html("articles/output-article"))
    assert page["@type"] == "WebPage" and page["about"]["url"] == "https://example.news/output"
    [organisation] = json_ld(built.html(""))
    assert organisation["@type"] == "Organization"
    assert check(page) == [] and check(organisation) == []


def test_json_ld_cannot_break_out_of_its_script_element() -> None:
    hostile = {"name": "</script><script>alert(1)</script> & <!--"}
    text = str(script(hostile))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_feeds_newest_first_with_corrections_as_updates(built: Project) -> None:
    rss = ET.fromstring((built.root / "site/feed.xml").read_bytes())
    items = rss.findall("./channel/item")
    assert [i.findtext("link") for i in items] == [
        "https://claims.example.org/claims/exports-doubled/",  # corrected on 15 January
        "https://claims.example.org/claims/output-rose-40-percent/",
    ]
    assert items[0].findtext("pubDate") == "Thu, 15 Jan 2026 00:00:00 +0000"
    assert "Corrected 15 January 2026: The base year was wrong." in items[0].findtext("description")
    feed = json.loads((built.root / "site/feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["id"] for i in feed["items"]] == [i.findtext("guid") for i in items]
    assert feed["items"][0]["date_modified"] == "2026-01-15T00:00:00Z"


def test_open_data_files(built: Project) -> None:
    data = json.loads((built.root / "site/data/claims.json").read_text())
    assert data["version"] == 2
    assert [c["id"] for c in data["claims"]] == ["exports-doubled", "output-rose-40-percent"]
    first = data["claims"][0]
    assert first["rating"] == {"id": "misleading", "label": "Misleading", "value": 3}
    assert first["article"]["title"] == "Minister Says Output Rose Sharply"
    assert first["article"]["url"] == "https://example.news/output"
    assert first["article"]["page_url"] == "https://claims.example.org/articles/output-article/"
    rows = list(csv.DictReader(io.StringIO((built.root / "site/data/claims.csv").read_text())))
    assert [r["id"] for r in rows] == ["exports-doubled", "output-rose-40-percent"]
    assert rows[1]["tags"] == "economy;output"
    reviews = json.loads((built.root / "site/data/claimreview.json").read_text())
    assert [r["url"] for r in reviews] == [c["url"] for c in data["claims"]]
    assert all(check(r) == [] for r in reviews)
    home = built.html("")
    assert 'href="data/claims.json"' in home and 'href="feed.xml"' in home


def test_sitemap_lists_every_generated_page_with_canonical_urls(built: Project) -> None:
    sitemap = (built.root / "site/sitemap.xml").read_text()
    urls = set(re.findall(r"<loc>(.*?)</loc>", sitemap))
    for path in ("", "claims/", "claims/exports-doubled/", "claims/output-rose-40-percent/", "articles/",
                 "articles/output-article/", "ratings/misleading/", "tags/economy/", "claimants/the-ministry/"):
        assert f"https://claims.example.org/{path}" in urls
    assert not any("prices-fell" in url for url in urls)


def test_renamed_claim_keeps_working_through_aliases(built: Project) -> None:
    built.write_claim("output-rose-40-percent", CLAIM.replace("tags:", "aliases: [output-rose]\ntags:"))
    assert built.build().returncode == 0
    redirect = (built.root / "site/claims/output-rose/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../output-rose-40-percent/">' in redirect
    assert '<link rel="canonical" href="https://claims.example.org/claims/output-rose-40-percent/">' in redirect
    assert "claims/output-rose/" not in (built.root / "site/sitemap.xml").read_text()


def test_an_alias_that_collides_with_an_id_is_refused(project: Project) -> None:
    project.write_claim("output-rose-40-percent", CLAIM.replace("tags:", "aliases: [exports-doubled]\ntags:"))
    result = project.validate()
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "claims/output-rose-40-percent.yaml:18:11: aliases[0]: 'exports-doubled' is the id of "
        "claims/exports-doubled.yaml (expected a former id that no claim uses)")


def test_claim_page_links_to_its_yaml_file_for_editing(built: Project) -> None:
    html = built.html("claims/exports-doubled")
    assert '<a href="https://github.com/example/claims/edit/main/claims/exports-doubled.yaml" rel="nofollow">Edit this claim</a>' in html
    assert '<a href="#corrections">Corrected</a> <time' in html


def test_validate_github_annotations_and_json(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"))
    github = project.run(sys.executable, "-m", "site_builder", "validate", "--format", "github")
    assert github.returncode == 1
    assert github.stdout == (
        "::error file=claims/bad.yaml,line=6,col=9,title=rating::rating: 'suported' is not on the rating scale "
        "(expected one of: supported, partly-supported, misleading, unsupported, false, cannot-verify; did you "
        "mean 'supported'?)\n::notice title=site-builder validate::1 error, 0 warnings\n")
    as_json = project.run(sys.executable, "-m", "site_builder", "validate", "--format", "json")
    assert json.loads(as_json.stdout)[0] == {
        "path": "claims/bad.yaml", "line": 6, "column": 9, "field": "rating", "severity": "error",
        "message": "'suported' is not on the rating scale (expected one of: supported, partly-supported, "
                   "misleading, unsupported, false, cannot-verify; did you mean 'supported'?)"}


def test_long_titles_are_a_warning_not_an_error(project: Project) -> None:
    project.write_claim("output-rose-40-percent", CLAIM.replace(
        "title: Output rose by 40% last year", "title: " + "Output rose by forty percent last year " * 2))
    result = project.validate()
    assert result.returncode == 0
    assert result.stderr == ("claims/output-rose-40-percent.yaml:1:8: title: warning: 77 characters is long for "
                             "search results (expected under 75: Google shows shorter claimReviewed titles)\n")


def test_committed_schema_is_generated_from_the_model() -> None:
    settings = read_settings(REPO / "mkdocs.yml")
    assert (REPO / "claims/schema.json").read_text() == schema_text(settings.scale), "run: site-builder schema"
    for path in sorted((REPO / "claims").glob("*.yaml")):
        assert path.read_text().startswith("# yaml-language-server: $schema=schema.json\n"), path


def test_new_scaffolds_a_claim_that_validates(project: Project) -> None:
    result = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                         "--quote", "Nobody knows why.", "--id", "nobody-knows")
    assert result.returncode == 0, result.stderr
    text = (project.claims / "nobody-knows.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    for field in ("title", "quote", "article", "claimant", "attribution", "rating", "summary", "context",
                  "sources", "tags", "related", "reviewed", "status", "provenance"):
        assert re.search(rf"^{field}:", text, re.M), field
    assert project.validate().returncode == 0


def test_new_refuses_a_passage_another_claim_quotes(project: Project) -> None:
    """validate refuses two claims on one passage: new never writes the second."""
    result = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                         "--quote", "Reports  indicate that prices fell.", "--id", "prices-fell-again")
    assert (result.returncode, result.stderr) == (1, (
        "Error: the quote is the same passage of article 'output-article' as the quote of claim 'prices-fell' "
        "(expected a passage no claim quotes: add to that claim, or quote the part the new claim checks)\n"))
    assert not (project.claims / "prices-fell-again.yaml").exists()


def test_new_never_writes_a_second_file_for_an_id_a_persons_yml_file_holds(project: Project) -> None:
    (project.claims / "nobody-knows.yml").write_text("title: A claim being written\n", encoding="utf-8")
    result = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                         "--quote", "Nobody knows why.", "--id", "nobody-knows")
    assert (result.returncode, result.stderr) == (1, "Error: claims/nobody-knows.yml already holds claim "
                                                     "'nobody-knows' (expected another --id; or rename that file to "
                                                     "nobody-knows.yaml and edit it)\n")
    assert not (project.claims / "nobody-knows.yaml").exists()


def test_new_offers_the_article_sentences(project: Project) -> None:
    result = subprocess_with_input(project, "4\n")
    assert "  1. Output rose by 40% last year, the minister said on Monday." in result.stdout
    assert result.returncode == 0, result.stderr
    assert "quote: \"Nobody knows why.\"" in (project.claims / "nobody-knows-why.yaml").read_text()


def subprocess_with_input(project: Project, answer: str):  # type: ignore[no-untyped-def]
    import subprocess

    return subprocess.run([sys.executable, "-m", "site_builder", "new", "--article", "output-article"],
                          cwd=project.root, input=answer, capture_output=True, text=True, check=False)


def test_every_command_is_documented() -> None:
    from site_builder.cli import main

    readme = (REPO / "README.md").read_text() + (REPO / "CONTRIBUTING.md").read_text()
    for command in main.commands:
        assert f"site-builder {command}" in readme, command
    assert Path(REPO / "content/data.md").exists()
