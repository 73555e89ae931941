"""A claim published in several articles and languages, in what the site exports: its ClaimReview, the open
data files, the feeds and the search index. Real builds; exact output."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from site_builder import memo
from site_builder.appearances import surely_before
from site_builder.config import read_settings
from site_builder.exports import DATA_VERSION
from site_builder.pages import PageWriter, Reuse
from site_builder.project import load_site
from site_builder.render import environment

from .conftest import REPO, Project, make_project
from .schemaorg_vocab import check
from .test_appearances import ARABIC, COPY, WITH_APPEARANCES
from .test_publishing import json_ld

CLAIM_URL = "https://claims.example.org/claims/output-rose-40-percent/"
SITE = "https://claims.example.org/"
TRANSLATION = "Production grew by forty percent over the last year"
CLAIM = WITH_APPEARANCES.replace("translation: Output rose by 40% last year", f"translation: {TRANSLATION}")
ATOM = "{http://www.w3.org/2005/Atom}"

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
    project.write_claim("output-rose-40-percent", CLAIM)
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
        "appearance": [ARABIC_WORK, OWN_WORK, COPY_WORK],  # by date, as on the page
        "firstAppearance": ARABIC_WORK,
        "author": {"@type": "Person", "name": "The minister"},
        "datePublished": "2025-12-01",  # the claim entered public discourse with its first appearance
    }
    # The site-wide file carries the very same ClaimReview.
    reviews = json.loads((travelled.root / "site/data/claimreview.json").read_text(encoding="utf-8"))
    [same] = [r for r in reviews if r["url"] == CLAIM_URL]
    assert same == review


def test_the_home_page_counts_the_articles_checked_apart_from_the_copies(travelled: Project) -> None:
    assert ("We have checked 2 claims from 1 article; 2 other articles were found to publish some of them too."
            in travelled.html(""))


def test_when_the_dates_cannot_tell_no_appearance_is_called_first(tmp_path: Path) -> None:
    """An appearance dated only to the month of the claim's own quote may be older or not: no article is
    called the first known appearance, on the page, in the ClaimReview, in claims.json or in the feed, and
    the page says the dates do not tell."""
    project = travelled_project(tmp_path / "project")
    project.write_article("arabic-article", ARABIC.replace("published: 2025-12-01", "published: 2025-12"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.html("claims/output-rose-40-percent")
    [review] = json_ld(page)
    arabic = {key: value for key, value in ARABIC_WORK.items() if key != "datePublished"}
    assert review["itemReviewed"]["appearance"] == [arabic, OWN_WORK, COPY_WORK]  # "2025-12" sorts first
    assert "firstAppearance" not in review["itemReviewed"] and "datePublished" not in review["itemReviewed"]
    assert check(review) == []
    assert "appearance-first" not in page
    assert ("removed words are <del>struck through</del> and added words are <ins>underlined</ins>. Their dates "
            "do not show which published it first.</p>") in page
    data = json.loads((project.root / "site/data/claims.json").read_text(encoding="utf-8"))
    [claim] = [c for c in data["claims"] if c["id"] == "output-rose-40-percent"]
    assert [a["first_known"] for a in claim["appearances"]] == [False, False, False]
    feed = (project.root / "site/feed.json").read_text(encoding="utf-8")
    assert "copy.example" in feed and "First known appearance" not in feed


def test_an_appearance_dated_the_same_day_leaves_the_first_unknown(tmp_path: Path) -> None:
    """A tie is no proof either: the claim's own quote is not called first because it is the claim's."""
    project = travelled_project(tmp_path / "project")
    project.write_article("arabic-article", ARABIC.replace("published: 2025-12-01", "published: 2025-12-03"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    [review] = json_ld(project.html("claims/output-rose-40-percent"))
    assert "firstAppearance" not in review["itemReviewed"]


def test_copies_in_the_claims_language_add_nothing_to_search(tmp_path: Path) -> None:
    """The same words again, or a copy's marked changes, are not indexed; a section left with nothing to index
    is not in the search index at all (no empty "Where it was published" result)."""
    project = make_project(tmp_path / "project")
    project.write_article("copy-article", COPY)
    project.write_claim("output-rose-40-percent", WITH_APPEARANCES.split("  - article: arabic-article")[0]
                        + "claimant: The minister\n" + WITH_APPEARANCES.split("claimant: The minister\n")[1])
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert "copy.example" in project.html("claims/output-rose-40-percent")
    index = json.loads((project.root / "site/search/search_index.json").read_text(encoding="utf-8"))
    assert [doc["location"] for doc in index["docs"] if doc["location"].startswith("claims/output-rose-40-percent/")] == [
        "claims/output-rose-40-percent/"]


def test_surely_before_reads_partial_dates_as_every_day_they_may_mean() -> None:
    assert surely_before("2025-12-01", "2025-12-03")
    assert surely_before("2025-11", "2025-12-01") and surely_before("2024", "2025-01")
    assert not surely_before("2025-12", "2025-12-03")  # 1 or 31 December
    assert not surely_before("2025-12-03", "2025-12")
    assert not surely_before("2025-12-03", "2025-12-03")  # a tie
    assert not surely_before("2025", "2025-06-01")


ARABIC_ARTICLE = {"id": "arabic-article", "page_url": f"{SITE}articles/arabic-article/", "title": "ارتفع الإنتاج",
                  "outlet": "arabic.example", "url": "https://arabic.example/output", "published": "2025-12-01",
                  "author": None, "archive_url": None, "language": "ar", "retrieved": None, "excerpt": True}
OWN_ARTICLE = {"id": "output-article", "page_url": f"{SITE}articles/output-article/",
               "title": "Minister Says Output Rose Sharply", "outlet": "example.news", "url": "https://example.news/output",
               "published": "2025-12-03", "author": None, "archive_url": None, "language": "en",
               "title_language": None, "retrieved": "2026-01-05", "excerpt": False}
COPY_ARTICLE = {"id": "copy-article", "page_url": f"{SITE}articles/copy-article/", "title": "Output Up 50%, Minister Says",
                "outlet": "copy.example", "url": "https://copy.example/output", "published": "2025-12-05",
                "author": None, "archive_url": None, "language": "en", "title_language": None, "retrieved": None,
                "excerpt": True}
ARABIC_QUOTE = "ارتفع الإنتاج بنسبة 40% العام الماضي"


def _row(article: dict, quote: str, translation: str | None, note: str | None, claim_quote: bool,
         first_known: bool) -> dict:
    return {"article_id": article["id"], "page_url": article["page_url"], "url": article["url"],
            "title": article["title"], "outlet": article["outlet"], "published": article["published"],
            "language": article["language"], "quote": quote, "translation": translation, "note": note,
            "claim_quote": claim_quote, "first_known": first_known}


ROWS = [  # by date, as on the claim page
    _row(ARABIC_ARTICLE, ARABIC_QUOTE, TRANSLATION, None, False, True),
    _row(OWN_ARTICLE, "Output rose by 40% last year", None, None, True, False),
    _row(COPY_ARTICLE, "Output rose by 50% last year", None, "Numbers changed: 50% for 40%.", False, False),
]


def test_claims_json_carries_every_appearance(travelled: Project) -> None:
    data = json.loads((travelled.root / "site/data/claims.json").read_text(encoding="utf-8"))
    assert data["version"] == 2
    [claim] = [c for c in data["claims"] if c["id"] == "output-rose-40-percent"]
    assert claim["quote"] == "Output rose by 40% last year" and claim["article"] == OWN_ARTICLE
    assert claim["appearances"] == ROWS
    [other] = [c for c in data["claims"] if c["id"] == "exports-doubled"]  # a claim with no appearances
    assert [(a["article_id"], a["claim_quote"], a["first_known"]) for a in other["appearances"]] == [
        ("output-article", True, True)]


def test_claims_csv_holds_the_appearances_as_json_in_one_cell(travelled: Project) -> None:
    text = (travelled.root / "site/data/claims.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0])[-1] == "appearances"
    [row] = [r for r in rows if r["id"] == "output-rose-40-percent"]
    assert json.loads(row["appearances"]) == ROWS


def test_a_formula_in_an_appearance_never_starts_a_csv_cell(tmp_path: Path) -> None:
    project = travelled_project(tmp_path / "project")
    project.write_claim("output-rose-40-percent", CLAIM.replace(
        'note: "Numbers changed: 50% for 40%."', 'note: "=HYPERLINK(\\"https://evil.example\\")"'))
    result = project.build()
    assert result.returncode == 0, result.stderr
    rows = list(csv.reader(io.StringIO((project.root / "site/data/claims.csv").read_text(encoding="utf-8"))))
    assert not [cell for row in rows for cell in row if cell[:1] in ("=", "+", "-", "@")]
    [row] = [r for r in csv.DictReader(io.StringIO((project.root / "site/data/claims.csv").read_text(encoding="utf-8")))
             if r["id"] == "output-rose-40-percent"]
    assert json.loads(row["appearances"])[2]["note"] == '=HYPERLINK("https://evil.example")'


def test_feeds_carry_the_languages_and_translations_of_appearances(travelled: Project) -> None:
    rss = ET.fromstring((travelled.root / "site/feed.xml").read_bytes())
    assert rss.findtext("./channel/language") == "en"
    [item] = [i for i in rss.findall("./channel/item") if i.findtext("link") == CLAIM_URL]
    assert [link.attrib for link in item.findall(f"{ATOM}link")] == [
        {"rel": "related", "href": "https://arabic.example/output", "hreflang": "ar", "title": "arabic.example"},
        {"rel": "related", "href": "https://example.news/output", "hreflang": "en", "title": "example.news"},
        {"rel": "related", "href": "https://copy.example/output", "hreflang": "en", "title": "copy.example"},
    ]
    text = ("Supported. Official figures show a 40% rise. The figure is for the whole year. "
            "The claim: “Output rose by 40% last year” (example.news, 3 December 2025). "
            f"Also published by: arabic.example, 1 December 2025, in Arabic, translated: “{TRANSLATION}”; "
            "copy.example, 5 December 2025. First known appearance: arabic.example. By Test claims.")
    assert item.findtext("description") == text
    feed = json.loads((travelled.root / "site/feed.json").read_text(encoding="utf-8"))
    assert feed["language"] == "en"
    [entry] = [i for i in feed["items"] if i["url"] == CLAIM_URL]
    assert entry["content_text"] == text
    assert entry["_claim_appearances"] == {"about": f"{SITE}data/", "appearances": ROWS}


def test_the_search_index_has_the_translation(travelled: Project) -> None:
    index = json.loads((travelled.root / "site/search/search_index.json").read_text(encoding="utf-8"))
    docs = {doc["location"]: doc for doc in index["docs"] if doc["location"].startswith("claims/output-rose-40-percent/")}
    assert list(docs) == ["claims/output-rose-40-percent/", "claims/output-rose-40-percent/#where-published"]
    # An appearance's own words and their translation find the claim; the rest of the section is not indexed:
    # the legend, the lines naming each article, notes, the claim's quote again and a copy's marked changes.
    assert docs["claims/output-rose-40-percent/#where-published"] == {
        "location": "claims/output-rose-40-percent/#where-published", "title": "Where it was published",
        "text": f"<ol> <li> <p>{ARABIC_QUOTE}</p> <p>Translation: {TRANSLATION}</p> </li> <li> </li> <li> </li> </ol>",
        "tags": ["Rated Supported"]}


def test_the_data_version_is_the_one_documented() -> None:
    data_page = (REPO / "content/data.md").read_text(encoding="utf-8")
    assert f"## `claims.json`, version {DATA_VERSION}\n" in data_page
    assert f'  "version": {DATA_VERSION},\n' in data_page
    assert f"- **Version {DATA_VERSION}** " in data_page  # its change is listed
    assert f"open data, version {DATA_VERSION} (shape and changes on the Data page)" in (REPO / "README.md").read_text()
    for name in ("README.md", "CONTRIBUTING.md"):  # no other version is named
        text = (REPO / name).read_text(encoding="utf-8")
        assert re.findall(r"(?:data|claims\.json)[^.\n]*version (\d+)", text, re.I) in ([], [str(DATA_VERSION)]), name


def test_while_serving_an_edited_appearance_article_is_exported_again(tmp_path: Path) -> None:
    """Per-claim export work is remembered between rebuilds; an edit to an appearance's article (not the
    claim's own article) is still seen in claims.json, claims.csv and the ClaimReview file."""
    project = travelled_project(tmp_path / "project")
    settings = read_settings(project.root / "mkdocs.yml")
    reuse = Reuse()
    memo.enable(True)
    try:
        def assets() -> dict[str, str]:
            reuse.next_build()
            return PageWriter(load_site(settings), environment(settings.templates_dir), reuse).assets()

        before = assets()
        assert "copy.example" in before["data/claims.json"] and "copy.example" in before["data/claims.csv"]
        assert assets() == before  # remembered: the same output
        project.write_article("copy-article", COPY.replace("outlet: copy.example", "outlet: renamed.example"))
        after = assets()
    finally:
        memo.enable(False)
    for name in ("data/claims.json", "data/claims.csv", "data/claimreview.json"):
        assert "renamed.example" in after[name] and "copy.example\"" not in after[name], name


def test_the_demo_exports_its_copies_and_its_russian_source() -> None:
    """The demo's 90% claim was copied by six content-farm sites; its Peskov claim has a Russian source
    with a translation: both show in the ClaimReview file and the feeds."""
    settings = read_settings(REPO / "mkdocs.yml")
    files = PageWriter(load_site(settings), environment(settings.templates_dir)).assets()
    reviews = {r["url"].rsplit("/", 2)[-2]: r for r in json.loads(files["data/claimreview.json"])}
    assert all(check(review) == [] for review in reviews.values())
    s400 = reviews["s400-90-percent-success-rate"]["itemReviewed"]
    assert [work["publisher"]["name"] for work in s400["appearance"]] == [
        "klas.news", "alohadigest.com", "bayoucitycrier.com", "capitoldaily.news", "bostontimes.org",
        "lachronicle.news", "twincityreport.com"]  # by date, the claim's own first on a tie, then by outlet
    assert "firstAppearance" not in s400  # klas.news is dated December 2025: some copies may be older
    peskov = reviews["peskov-s400-central-to-putin-visit"]["itemReviewed"]
    assert [(work["publisher"]["name"], work["inLanguage"]) for work in peskov["appearance"]] == [
        ("sfreport.news", "en"), ("Kommersant", "ru")]
    # Kommersant's headline is not in the stored copy: the title in brackets is ours, not sent as its headline
    assert [work.get("headline") for work in peskov["appearance"]] == [
        "Privileged Access: Russia's S-400 Supply to India Takes Center Stage in Putin's Upcoming Visit", None]
    feed = json.loads(files["feed.json"])
    [item] = [i for i in feed["items"] if i["url"].endswith("/claims/peskov-s400-central-to-putin-visit/")]
    assert ("Also published by: Kommersant, December 2025, in Russian, translated: “'This topic is on the agenda, and "
            "I have no doubt it will be discussed,' Dmitry Peskov said at a briefing for Indian media.”") in item["content_text"]
    assert [(a["outlet"], a["language"]) for a in item["_claim_appearances"]["appearances"]] == [
        ("sfreport.news", "en"), ("Kommersant", "ru")]
    # the 4 December claim is in two copies twice each (two passages): each copy is named once
    [item] = [i for i in feed["items"] if i["url"].endswith("/claims/putin-state-visit-december-4/")]
    assert ("(klas.news, December 2025). Also published by: capitoldaily.news, December 2025; bostontimes.org, 3 "
            "December 2025; lachronicle.news, 3 December 2025. By ") in item["content_text"]
