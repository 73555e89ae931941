"""Real `mkdocs build --strict` runs into a temporary folder, asserting on the HTML."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from .conftest import ARTICLE, CLAIM, REPO, Project, tree_differences


def test_a_page_per_published_claim_and_no_drafts(project: Project) -> None:
    result = project.build()
    assert result.returncode == 0, result.stderr
    rose = project.html("claims/output-rose-40-percent")
    assert '<h1 class="claim-title" id="claim">Output rose by 40% last year</h1>' in rose
    assert '<blockquote class="claim-quote" lang="en" dir="ltr"><p>Output rose by 40% last year</p></blockquote>' in rose
    assert 'href="../../ratings/supported/">Supported</a>' in rose
    assert '<a href="../../claimants/the-minister/"><span dir="auto">The minister</span></a>' in rose
    assert "<strong>January</strong>" in rose  # context notes rendered from Markdown
    assert 'href="../../articles/output-article/#claim-output-rose-40-percent"' in rose
    assert "<mark>Output rose by 40% last year</mark>" in rose  # quote in context
    assert "drafted by software" not in rose
    doubled = project.html("claims/exports-doubled")
    assert "drafted by software (site-builder extract 0.1.0, check-worthiness score 0.91)" in doubled
    assert "The base year was wrong." in doubled
    assert not (project.root / "site/claims/prices-fell").exists()
    assert "Prices fell" not in project.html("claims")


def test_article_page_highlights_and_links_every_claim(project: Project) -> None:
    assert project.build().returncode == 0
    article = project.html("articles/output-article")
    marks = re.findall(r'<a class="claim-mark rating-(\S+)"(?: id="([^"]+)")? href="([^"]+)"', article)
    assert marks == [
        ("supported", "claim-output-rose-40-percent", "../../claims/output-rose-40-percent/"),
        ("misleading", "claim-exports-doubled", "../../claims/exports-doubled/"),  # over a line break
    ]
    table = article.split('<div class="claims-list">')[1]
    assert table.index("output-rose-40-percent") < table.index("exports-doubled")
    assert "Reports indicate that prices fell." in article  # the draft's sentence, unmarked
    assert "claims/prices-fell" not in article


def test_indexes_list_the_right_claims(project: Project) -> None:
    assert project.build().returncode == 0
    home = project.html("")
    assert re.search(r'rating-misleading" href="ratings/misleading/">Misleading</a> <span class="rating-count">1 claim</span>', home)
    assert project.html("claims").count('<div class="claims-list">') == 1
    assert "exports-doubled" in project.html("ratings/misleading")
    assert "output-rose-40-percent" not in project.html("ratings/misleading")
    assert "No published claim has this rating yet." in project.html("ratings/false")
    economy, output = project.html("tags/economy"), project.html("tags/output")
    assert "exports-doubled" in economy and "output-rose-40-percent" in economy
    assert "exports-doubled" not in output
    assert "exports-doubled" in project.html("claimants/the-ministry")


def test_claim_and_article_pages_stay_out_of_the_navigation(project: Project) -> None:
    assert project.build().returncode == 0
    for page in ("", "claims", "claims/output-rose-40-percent"):
        html = project.html(page)
        nav = html.split('<nav class="md-nav md-nav--primary"')[1].split('<div class="md-sidebar md-sidebar--secondary"')[0]
        assert "output-rose-40-percent" not in nav and "articles/output-article" not in nav
        assert "Claims" in nav and "Methodology" in nav


def test_a_broken_claim_fails_the_build_with_its_location(project: Project) -> None:
    project.write_claim("bad", CLAIM.replace("rating: supported", "rating: suported"))
    result = project.build()
    assert result.returncode == 1
    assert "claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale" in result.stderr
    assert not (project.root / "site" / "index.html").exists()


def test_rebuilds_are_byte_identical(project: Project) -> None:
    assert project.build("one").returncode == 0
    assert project.build("two").returncode == 0
    assert tree_differences(project.root / "one", project.root / "two") == []
    sitemap = (project.root / "one" / "sitemap.xml").read_text()
    assert "<lastmod>2026-01-15</lastmod>" in sitemap  # from the records, not the clock


def test_contributor_text_is_escaped_and_sanitised(project: Project) -> None:
    hostile = (CLAIM.replace("claimant: The minister", "claimant: The minister & co")
               .replace("summary: Official figures", "summary: <script>alert(1)</script> Official figures")
               .replace("The statistics office published", "{{ config }} The statistics office published"))
    project.write_claim("output-rose-40-percent", hostile)
    assert project.build().returncode == 0
    page = project.html("claims/output-rose-40-percent")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Official figures" in page
    assert "onerror" not in page and "javascript:" not in page and "<img" not in page
    assert "{{ config }}" in page  # shown as text, never evaluated
    assert "The minister &amp; co" in page


def test_html_and_a_link_that_context_would_lose_stop_the_build_at_their_place(project: Project) -> None:
    # the sanitiser would drop them without a word (tests/test_fast_paths.py checks that it still does)
    project.write_claim("output-rose-40-percent", CLAIM.replace(
        "The statistics office published",
        "<img src=x onerror=alert(1)> [click](javascript:alert(1)) The statistics office published"))
    result = project.build()
    assert result.returncode == 1
    assert ("claims/output-rose-40-percent.yaml:9:3: context: HTML is not allowed: '<img src=x onerror=alert(1)>' "
            "(expected Markdown: **bold**, [words](https://...))") in result.stderr
    assert ("claims/output-rose-40-percent.yaml:9:32: context: link 'javascript:alert(1)' is not an http(s) URL "
            "(expected a link starting with http:// or https://)") in result.stderr
    assert not (project.root / "site" / "index.html").exists()


def test_the_demo_site_builds_with_every_claim(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    for name in ("claims", "content", "templates", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    demo = Project(root)
    result = demo.build()
    assert result.returncode == 0, result.stderr
    claim_ids = sorted(p.stem for p in (REPO / "claims").glob("*.yaml"))
    assert len(claim_ids) >= 16
    for article in ("india-considers-additional-s400", "privileged-access-s400-supply"):
        assert "claim-mark" in demo.html(f"articles/{article}")
    linked = "".join(demo.html(f"articles/{a}") for a in ("india-considers-additional-s400", "privileged-access-s400-supply"))
    for claim_id in claim_ids:
        assert f"claims/{claim_id}/" in linked
        assert "claim-quote" in demo.html(f"claims/{claim_id}")


def test_long_listings_are_split_into_pages(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - claims:\n", "  - claims:\n      page_size: 1\n"))
    assert project.build().returncode == 0
    first, second = project.html("claims"), project.html("claims/2")
    assert "exports-doubled" in first and "output-rose-40-percent" not in first.split("claims-list")[1]
    assert "output-rose-40-percent/" in second
    assert '<strong aria-current="page">1</strong> · <a href="2/">2</a>' in first
    assert '<a href="../">1</a> · <strong aria-current="page">2</strong>' in second
    assert "tags/economy/2/" not in first and (project.root / "site/tags/economy/2/index.html").exists()


def test_article_text_quoted_shows_only_the_paragraphs_published_claims_quote(project: Project) -> None:
    # third-party articles quoted minimally: what a draft quotes, and any paragraph no claim quotes, stay out
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - claims:\n", "  - claims:\n      article_text: quoted\n"))
    project.write_article("unquoted", ARTICLE.replace("https://example.news/output", "https://example.news/unquoted"))
    assert project.build().returncode == 0
    text = project.html("articles/output-article").split('<div class="article-text"')[1].split("</div>")[0]
    paragraphs = re.findall(r"<p>(.*?)</p>", text, re.S)
    assert len(paragraphs) == 3 and paragraphs[2] == "[…]", paragraphs  # the gap: the draft's paragraph
    assert "Output rose by 40% last year" in paragraphs[0] and "a record," in paragraphs[1]
    assert "Reports indicate" not in project.html("articles/output-article")
    assert '<h2 data-search-exclude="" id="full-text">Excerpts</h2>' in project.html("articles/output-article")
    unquoted = project.html("articles/unquoted")
    assert "No passage is shown until a checked claim quotes one." in unquoted
    assert "Output rose" not in unquoted.split('id="full-text"')[1] and 'class="article-text"' not in unquoted


def test_the_search_index_holds_what_readers_search_for(project: Project) -> None:
    assert project.build().returncode == 0
    docs = json.loads((project.root / "site/search/search_index.json").read_text())["docs"]
    by_page: dict[str, str] = {}
    for doc in docs:
        by_page[doc["location"].split("#")[0]] = by_page.get(doc["location"].split("#")[0], "") + doc["title"] + doc["text"]
    claim = by_page["claims/output-rose-40-percent/"]
    for wanted in ("Output rose by 40% last year", "Official figures show a 40% rise", "The minister", "economy"):
        assert wanted in claim
    assert "statistics office published" not in claim  # context notes are not indexed
    assert "Statistics Office" not in claim  # nor sources
    assert set(by_page) == {"claims/output-rose-40-percent/", "claims/exports-doubled/", "articles/output-article/",
                            "methodology/", "data/"}
    assert "Reports indicate" not in by_page["articles/output-article/"]  # article text is not indexed
    # what the page writes for people only (how the article attributes the claim) leaves no empty paragraph
    assert "<p></p>" not in by_page["claims/output-rose-40-percent/"] and "own words" not in claim


def test_generated_pages_have_a_table_of_contents_and_the_configured_permalinks(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text() + "markdown_extensions:\n  - toc:\n      permalink: true\n")
    assert project.build().returncode == 0
    rose = project.html("claims/output-rose-40-percent")
    assert ('<h2 data-search-exclude="" id="in-context">In context<a class="headerlink" href="#in-context" '
            'title="Permanent link">&para;</a></h2>') in rose
    assert '<h1 class="claim-title" id="claim">Output rose by 40% last year</h1>' in rose  # the title: no permalink
    toc = rose.split('<nav class="md-nav md-nav--secondary"')[1].split("</nav>")[0]
    assert re.findall(r'href="#([^"]+)"', toc) == ["in-context", "source-article", "context", "sources", "related-claims"]
    assert "<title>Claim: Output rose by 40% last year | Rated Supported - Test claims</title>" in rose
    assert '<meta name="description" content="Supported. Official figures show a 40% rise. The figure is for the whole year.">' in rose
    home = project.html("")
    assert 'id="latest-claims">Latest claims<a class="headerlink" href="#latest-claims"' in home
