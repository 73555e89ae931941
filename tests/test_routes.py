"""routes.py: every generated page's URI and URL, with directory URLs and without."""

from __future__ import annotations

from site_builder.routes import Routes


def test_uris_and_urls_with_directory_urls() -> None:
    routes = Routes(directory_urls=True, articles_prefix="sources", claimant_slugs={"The Minister": "the-minister"})
    assert routes.claim("x") == "claims/x.md" and routes.url("claims/x.md") == "claims/x/"
    assert routes.article("a") == "sources/a.md" and routes.articles_index == "sources/index.md"
    assert routes.url(routes.index("claims")) == "claims/"
    assert routes.claimant("The Minister") == "claimants/the-minister.md"
    assert routes.pages_of("claims/index.md", 3) == ["claims/index.md", "claims/2.md", "claims/3.md"]
    assert routes.pages_of("tags/economy.md", 2) == ["tags/economy.md", "tags/economy/2.md"]
    assert routes.redirect_file("old") == "claims/old/index.html"
    assert routes.absolute("claims/x.md", "https://example.org/") == "https://example.org/claims/x/"
    assert routes.absolute("data/claims.json", "") == "/data/claims.json"
    assert routes.links("claims/x.md").article("a", "x") == "../../sources/a/#claim-x"
    assert routes.links("index.md").claim("x") == "claims/x/"


def test_uris_and_urls_without_directory_urls() -> None:
    routes = Routes(directory_urls=False)
    assert routes.url("claims/x.md") == "claims/x.html" and routes.url("index.md") == "index.html"
    assert routes.redirect_file("old") == "claims/old.html"
    assert routes.links("claims/x.md").article("a") == "../articles/a.html"
    assert routes.links("claims/2.md").index("claims") == "index.html"


def test_links_for_templates_to_indexes_data_and_feeds() -> None:
    links = Routes(directory_urls=True, articles_prefix="sources").links("claimants/someone.md")
    assert (links.index("claimants"), links.articles_index, links.claimant_page("x")) == ("../", "../../sources/", "../x/")
    assert (links.claims_json, links.claims_csv, links.claimreview_json) == (
        "../../data/claims.json", "../../data/claims.csv", "../../data/claimreview.json")
    assert (links.rss_feed, links.json_feed) == ("../../feed.xml", "../../feed.json")
