"""Live preview: work is reused between rebuilds, and an edit is always visible."""

from __future__ import annotations

import contextlib
import csv
import html
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder import memo
from site_builder.pages import PageWriter, build_pages
from site_builder.config import read_settings
from site_builder.errors import ProblemsFound
from site_builder.project import load_project, load_site
from site_builder.render import environment

from .conftest import ARTICLE, CLAIM, CLAIM_2, DRAFT, Project

DRAFT_BANNER = '<p class="admonition-title">Draft: not published</p>'
NOINDEX = '<meta name="robots" content="noindex">'
ERROR_MARK = "data-claims-preview-error"  # on the page standing in for the site while it has errors


@pytest.fixture
def remembering():  # type: ignore[no-untyped-def]
    memo.enable(True)
    yield
    memo.enable(False)


def pages_of(project: Project) -> dict[str, str]:
    settings = read_settings(project.root / "mkdocs.yml")
    return build_pages(load_site(settings), environment(settings.templates_dir))


def test_edits_are_visible_while_work_is_remembered(project: Project, remembering: None) -> None:
    before = pages_of(project)["claims/output-rose-40-percent.md"]
    assert "January" in before
    # the same length, the same modification time: only the content differs
    path = project.claims / "output-rose-40-percent.yaml"
    stat = path.stat()
    path.write_text(CLAIM.replace("in **January**", "in **Februar**"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = pages_of(project)["claims/output-rose-40-percent.md"]
    assert "<strong>Februar</strong>" in after and "<strong>January</strong>" not in after
    path.write_text(CLAIM, encoding="utf-8")
    assert pages_of(project)["claims/output-rose-40-percent.md"] == before


def test_a_draft_page_shows_what_the_draft_has_and_the_rest_of_the_preview_is_the_published_site(
        project: Project) -> None:
    project.write_claim("minister-on-exports", """\
title: Exports doubled, the minister says
quote: exports doubled in the U.S.
article: output-article
claimant: The minister
attribution: reported
rating: misleading
tags: [economy, brand-new-tag]
related: [prices-fell]
status: draft
""")
    settings = read_settings(project.root / "mkdocs.yml")
    site = load_site(settings)
    published = PageWriter(site, environment(settings.templates_dir))
    preview = PageWriter(site, environment(settings.templates_dir), drafts=True)
    assert published.draft_uris() == []
    assert preview.draft_uris() == ["claims/minister-on-exports.md", "claims/prices-fell.md"]
    assert preview.uris() == sorted([*published.uris(), *preview.draft_uris()])
    for uri in published.uris():  # every other page as mkdocs build writes it
        assert preview.page(uri) == published.page(uri), uri
    assert preview.assets() == published.assets()

    draft = preview.page("claims/minister-on-exports.md")
    assert draft.meta.title == "Draft: Claim: Exports doubled, the minister says | Rated Misleading"
    assert (draft.meta.robots, draft.meta.searchable, draft.meta.share_image, draft.meta.description) == \
        ("noindex", False, "", "")
    assert "To publish it, add summary, context, sources, reviewed and set <code>status: published</code>." in draft.html
    assert '<a class="rating-badge rating-misleading" href="../../ratings/misleading/">Misleading</a>' in draft.html
    assert "Short answer" not in draft.html and "None" not in draft.html
    # links only to pages that exist: the tag no published claim has is not a link, nor is the quote's
    # place in the article (drafts are not marked there)
    assert ('<a class="claim-tag" href="../../tags/economy/">economy</a>, <span class="claim-tag">brand-new-tag</span>'
            in draft.html)
    assert '<a href="../../claimants/the-minister/"><span dir="auto">The minister</span></a>' in draft.html
    assert "#claim-minister-on-exports" not in draft.html
    assert '<li><a href="../prices-fell/" dir="auto">Prices fell</a></li>' in draft.html  # a related draft, unrated
    unrated = preview.page("claims/prices-fell.md")
    assert unrated.meta.title == "Draft: Claim: Prices fell" and 'Claimed by <span dir="auto">Unnamed reports</span> in' in unrated.html


def test_a_data_file_is_written_again_from_the_first_piece_that_changed(tmp_path: Path) -> None:
    """While serving, a data file is written from its pieces (each claim's part), from the first that
    changed: the file ends up as the new pieces' text, whatever the characters (UTF-8 sizes), and is
    written whole when it is not what the old pieces give."""
    from site_builder.serve_rebuild import write_parts

    path = tmp_path / "claims.json"
    before = ['{"claims": [', '{"title": "Zürich"}', ", ", '{"title": "東京 🎉"}', ", ", '{"title": "plain"}', "]}\n"]
    cases = [
        [*before[:3], '{"title": "東京 edited"}', *before[4:]],  # a claim's part in the middle
        [before[0], '{"title": "Zürich, first"}', *before[2:]],  # the first
        [*before[:5], '{"title": "plain"}', ", ", '{"title": "new"}', "]}\n"],  # a claim more, at the end
        before[:2] + ["]}\n"],  # claims fewer: the file is cut where the text ends
    ]
    def sizes_of(parts: list[str]) -> list[int]:
        return [len(part.encode("utf-8")) for part in parts]

    for after in cases:
        path.write_text("".join(before), encoding="utf-8")
        assert write_parts(str(path), after, before) == sizes_of(after)  # each piece's size, for the next time
        assert path.read_bytes() == "".join(after).encode("utf-8")
    path.write_text("not what the pieces say", encoding="utf-8")
    write_parts(str(path), cases[0], before)
    assert path.read_bytes() == "".join(cases[0]).encode("utf-8")
    # one edit after another, each given the sizes the last returned
    path.write_text("".join(before), encoding="utf-8")
    sizes = sizes_of(before)
    for now, after in zip([before, *cases], [*cases, before]):
        sizes = write_parts(str(path), after, now, sizes)
        assert path.read_bytes() == "".join(after).encode("utf-8") and sizes == sizes_of(after)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode()
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def test_mkdocs_serve_shows_an_edited_claim(project: Project) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/claims/output-rose-40-percent/"
    try:
        assert _wait_for(url, "Output rose by 40% last year", 60)
        for title in ("Output rose by a record 40%", "Output rose sharply last year"):
            project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year",
                                                                         f"title: {title}"))
            assert _wait_for(url, title, 60), f"the edit to {title!r} never showed"
    finally:
        server.terminate()
        server.wait(10)


def _search_index(base: str) -> dict[str, list[str]]:
    """Page URL -> the titles of its search index entries."""
    pages: dict[str, list[str]] = {}
    for doc in json.loads(_get(base + "search/search_index.json") or '{"docs": []}')["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc["title"])
    return pages


def _search_tags(base: str) -> dict[str, list[list[str]]]:
    """Page URL -> the tags of its search index entries (what the theme shows beside a result)."""
    pages: dict[str, list[list[str]]] = {}
    for doc in json.loads(_get(base + "search/search_index.json") or '{"docs": []}')["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc.get("tags", []))
    return pages


def _wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_mkdocs_serve_rebuilds_only_what_a_claim_edit_changes_and_search_stays_whole(project: Project, engine: str) -> None:
    new = "Output rose by a record 40%"
    with serving(project, engine=engine) as (base, log):
        _rebuilds_only_what_a_claim_edit_changes(project, base, log, new)


def _rebuilds_only_what_a_claim_edit_changes(project: Project, base: str, log: Path, new: str) -> None:
    assert _wait_for(base + "claims/output-rose-40-percent/", "Output rose by 40% last year", 60)
    before = _search_index(base)
    project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year", f"title: {new}"))
    assert _wait_for(base + "claims/output-rose-40-percent/", new, 60), log.read_text()
    assert "Building the pages that changed..." in log.read_text()  # the partial rebuild, not a full one
    # without MkDocs' build: only the pages the claim is on (listings, its article, the claim that
    # names it as related, the home page: 9), the data files, the share card and the search index
    assert "claims: built 9 page(s) again" in log.read_text(), log.read_text()
    assert log.read_text().count("Building documentation...") == 1, log.read_text()
    for page in ("", "claims/", "tags/economy/", "tags/output/", "claimants/the-minister/", "ratings/supported/",
                 "articles/output-article/", "claims/exports-doubled/", "feed.xml", "feed.json", "data/claims.json"):
        text = _get(base + page)
        assert new in text, f"{page or 'home'} does not show the edited title"
        for old in (">Output rose by 40% last year</a>", 'title="Output rose by 40% last year"',
                    "<title>Output rose by 40% last year</title>", '"title": "Output rose by 40% last year"'):
            assert old not in text, f"{page or 'home'} shows the old title"
    found = _search_index(base)
    assert set(found) == {"claims/output-rose-40-percent/", "claims/exports-doubled/", "articles/output-article/",
                          "methodology/", "data/"}  # every page is still in the search index
    assert found["claims/output-rose-40-percent/"] == [new]  # the claim is found by its new title
    assert {page: titles for page, titles in found.items() if page != "claims/output-rose-40-percent/"} == \
        {page: titles for page, titles in before.items() if page != "claims/output-rose-40-percent/"}
    assert found["claims/exports-doubled/"] == ["Exports to the US market doubled"]
    assert "claims/exports-doubled/" in _get(base + "sitemap.xml")  # the sitemap still lists every page

    # an article edited: its page and the pages quoting it follow, the same way
    project.write_article("output-article", ARTICLE.replace("Output rose by 40% last year, the minister said",
                                                            "Output rose by 40% last year, the minister said again"))
    assert _wait_for(base + "articles/output-article/", "the minister said again", 60), log.read_text()
    assert "the minister said again" in _get(base + "claims/output-rose-40-percent/")  # the quote in its context
    assert log.read_text().count("claims: built ") == 2 and log.read_text().count("Building documentation...") == 1
    assert _search_index(base)["articles/output-article/"] == found["articles/output-article/"]

    # the rating changed: the claim moves from one rating's listing to the other's, and the feeds, data
    # files and search follow (no page is added or removed: the pages are built again without MkDocs' build)
    rated = CLAIM.replace("title: Output rose by 40% last year", f"title: {new}").replace("rating: supported",
                                                                                         'rating: "false"')
    project.write_claim("output-rose-40-percent", rated)
    assert _wait_for(base + "ratings/false/", new, 60), log.read_text()
    assert log.read_text().count("claims: built ") == 3 and log.read_text().count("Building documentation...") == 1
    assert new not in _get(base + "ratings/supported/")
    assert f"<title>Claim: {new} | Rated False</title>" in _get(base + "feed.xml")
    assert [item["tags"] for item in json.loads(_get(base + "feed.json"))["items"] if new in item["title"]] == \
        [["False", "economy", "output"]]
    assert [c["rating"]["id"] for c in json.loads(_get(base + "data/claims.json"))["claims"] if c["title"] == new] == \
        ["false"]
    assert [row["rating_label"] for row in csv.DictReader(io.StringIO(_get(base + "data/claims.csv")))
            if row["title"] == new] == ["False"]
    assert [r["reviewRating"]["alternateName"] for r in json.loads(_get(base + "data/claimreview.json"))
            if r["claimReviewed"] == new] == ["False"]
    assert 'title="Claim: Output rose by a record 40% Rated False"' in _get(base + "articles/output-article/")
    assert _search_tags(base)["claims/output-rose-40-percent/"] == [["Rated False"]]
    assert set(_search_index(base)) == set(found)

    # a tag no claim had: a page more, so MkDocs' own (partial) build; the listings and feeds follow as well
    project.write_claim("output-rose-40-percent", rated.replace("tags: [economy, output]", "tags: [economy, trade]"))
    assert _wait_for(base + "tags/trade/", new, 60), log.read_text()
    assert new not in _get(base + "tags/output/") and ">trade</a>" in _get(base + "tags/")
    assert [item["tags"] for item in json.loads(_get(base + "feed.json"))["items"] if new in item["title"]] == \
        [["False", "economy", "trade"]]
    assert [c["tags"] for c in json.loads(_get(base + "data/claims.json"))["claims"] if c["title"] == new] == \
        [["economy", "trade"]]
    assert [row["tags"] for row in csv.DictReader(io.StringIO(_get(base + "data/claims.csv")))
            if row["title"] == new] == ["economy;trade"]
    assert set(_search_index(base)) == set(found)  # listings are left out of the search
    # each save was built once: a change the system's file events reported is not built again when the
    # server's polling sees it too (that would reload the browser twice)
    time.sleep(2)
    assert "nothing to build again" not in log.read_text(), log.read_text()
    if sys.platform == "linux":  # inotify: file events came, so the claims folder is polled less from then on
        assert f"claims: file events come for {project.claims}: it is polled every 5 s" in log.read_text()

    # a claim taken back to draft: its search entries go, listings drop it, its page says it is a draft
    project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year", f"title: {new}")
                        .replace("related: [exports-doubled]\n", ""))
    project.write_claim("exports-doubled", CLAIM_2 + "status: draft\n")
    assert _wait_until(lambda: "Exports to the US" not in _get(base + "claims/"), 60), log.read_text()
    assert DRAFT_BANNER in _get(base + "claims/exports-doubled/")
    assert set(_search_index(base)) == {"claims/output-rose-40-percent/", "articles/output-article/",
                                        "methodology/", "data/"}
    assert "exports-doubled" not in _get(base + "articles/output-article/")

    # a hand-written page is not followed by a partial rebuild: MkDocs rebuilds everything
    (project.root / "content" / "methodology.md").write_text("# Methodology\n\nHow we work now.\n", encoding="utf-8")
    assert _wait_for(base + "methodology/", "How we work now.", 60), log.read_text()
    assert log.read_text().count("Building documentation...") == 2  # the first build, and this one
    assert new in _get(base + "claims/output-rose-40-percent/")
    assert set(_search_index(base)) == {"claims/output-rose-40-percent/", "articles/output-article/",
                                        "methodology/", "data/"}


@contextlib.contextmanager
def serving(project: Project, *options: str, engine: str = "mkdocs") -> Iterator[tuple[str, Path]]:
    """A real `mkdocs serve` (or `properdocs serve`) of the project: its base URL and the file its
    terminal output goes to."""
    port = _free_port()
    log = project.root / "serve.log"
    config = ["-f", "mkdocs.yml"] if engine == "properdocs" else []
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", engine, "serve", *config, "--dev-addr", f"127.0.0.1:{port}", *options],
            cwd=project.root, stdout=out, stderr=out, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    try:
        yield f"http://127.0.0.1:{port}/", log
    finally:
        server.terminate()
        server.wait(10)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def _body(url: str) -> str:
    """The page at ``url`` whatever its status (a 404 has a page too)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode()
    except urllib.error.HTTPError as error:
        return error.read().decode()
    except OSError:
        return ""


def test_mkdocs_serve_previews_drafts_and_mkdocs_build_never_publishes_them(project: Project) -> None:
    listed_nowhere = ("", "claims/", "ratings/", "tags/", "claimants/", "articles/", "articles/output-article/",
                      "feed.xml", "feed.json", "data/claims.json", "data/claims.csv", "data/claimreview.json",
                      "sitemap.xml", "search/search_index.json", "corrections/")
    with serving(project) as (base, log):
        assert _wait_for(base + "claims/prices-fell/", "Prices fell", 60), log.read_text()
        draft = _get(base + "claims/prices-fell/")
        # the banner is the first thing on the page, above the claim's title; robots are told to stay away
        assert draft.index(DRAFT_BANNER) < draft.index('<h1 class="claim-title" id="claim">Prices fell</h1>')
        assert ("To publish it, add rating, summary, context, sources, reviewed and set <code>status: published</code>."
                in draft)
        assert draft.count(NOINDEX) == 1 and draft.index(NOINDEX) < draft.index("</head>")
        assert "<title>Draft: Claim: Prices fell - Test claims</title>" in draft
        assert "mkdocs-draft-marker" not in draft  # MkDocs' own small marker: the banner says it
        # what the draft has is shown; what it lacks is left out, not printed as "None"
        assert "<mark>Reports indicate that prices fell.</mark>" in draft and "Not reviewed yet" in draft
        assert "None" not in draft and 'id="sources"' not in draft and "Rated" not in draft
        assert "application/ld+json" not in draft.split('<h1 class="claim-title"')[1]  # no ClaimReview
        for page in listed_nowhere:
            text = _get(base + page)
            assert text, page
            assert "prices-fell" not in text and "Prices fell" not in text, f"{page or 'home'} lists the draft"
        published = _get(base + "claims/output-rose-40-percent/")
        assert DRAFT_BANNER not in published and NOINDEX not in published
        assert "built only for the preview" in log.read_text() and "claims/prices-fell/" in log.read_text()

    built = project.build()
    assert built.returncode == 0, built.stderr
    site = project.root / "site"
    assert not (site / "claims" / "prices-fell").exists()
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".csv", ".txt"):
            text = path.read_text(encoding="utf-8")
            assert "prices-fell" not in text and "Prices fell" not in text, path
            assert DRAFT_BANNER not in text and NOINDEX not in text, path


def _report(log: str) -> str:
    """The last problem report the terminal shows: the ERROR line and the lines after it, to the count."""
    start = log.rindex("ERROR   -  ") + len("ERROR   -  ")
    end = log.index(" found\n", start) + len(" found")
    return log[start:end]


def _error_page_report(page: str) -> str:
    return html.unescape(page.split("<pre>", 1)[1].split("</pre>", 1)[0])


BROKEN = (CLAIM.replace("rating: supported", "rating: <b>Supported</b>")
          .replace("published: 2026-01-10", "published: 2026-02-30"))
BROKEN_REPORT = (
    "claims/output-rose-40-percent.yaml:6:9: rating: '<b>Supported</b>' is not on the rating scale (expected one "
    "of: supported, partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)\n"
    "claims/output-rose-40-percent.yaml:16:16: sources[0].published: 2026-02-30 is not a date: February 2026 has "
    "28 days (expected a day from 01 to 28)\n"
    "2 problems found"
)


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_mkdocs_serve_shows_claim_errors_in_the_browser_until_they_are_fixed(project: Project, engine: str) -> None:
    claim = "claims/output-rose-40-percent/"
    project.write_claim("output-rose-40-percent", BROKEN)  # broken before the server starts
    with serving(project, "--strict", engine=engine) as (base, log):  # strict, as the demo's mkdocs.yml asks
        assert _wait_for(base + claim, ERROR_MARK, 60), log.read_text()
        # the page gives the terminal's report word for word, escaped
        assert _report(log.read_text()) == BROKEN_REPORT
        page = _get(base + claim)
        assert _error_page_report(page) == BROKEN_REPORT
        assert "&#x27;&lt;b&gt;Supported&lt;/b&gt;&#x27;" in page and "<b>" not in page
        assert NOINDEX in page
        # the pages the navigation names show it; in a first build no other generated page is written,
        # and every address without a page answers with it (as a 404)
        for other in ("", "claims/", "tags/", "articles/"):
            assert _error_page_report(_get(base + other)) == BROKEN_REPORT, other
        for other in ("claims/exports-doubled/", "articles/output-article/", "claims/prices-fell/", "claims/no-such/"):
            assert _status(base + other) == 404, other
            assert _error_page_report(_body(base + other)) == BROKEN_REPORT, other

        project.write_claim("output-rose-40-percent", CLAIM)
        assert _wait_for(base + claim, '<h1 class="claim-title" id="claim">Output rose by 40% last year</h1>', 60), \
            log.read_text()
        assert ERROR_MARK not in _get(base + "") and ERROR_MARK not in _body(base + "claims/no-such-claim/")
        assert DRAFT_BANNER in _get(base + "claims/prices-fell/")

        # broken again once the site is up (the rebuild path): the same, and it recovers again
        project.write_claim("exports-doubled", CLAIM_2.replace("rating: misleading", "rating: Misleading"))
        assert _wait_for(base + "claims/exports-doubled/", ERROR_MARK, 60), log.read_text()
        assert "Building the pages that changed..." in log.read_text()  # a partial rebuild showed it
        again = _report(log.read_text())
        assert again == ("claims/exports-doubled.yaml:6:9: rating: 'Misleading' is not on the rating scale (expected "
                         "one of: supported, partly-supported, misleading, unsupported, false, cannot-verify; did "
                         "you mean 'misleading'?)\n1 problem found")
        for page in ("claims/exports-doubled/", "", "claims/"):  # the broken claim's page, the navigation's
            assert _error_page_report(_get(base + page)) == again, page
        # a page no edit touched keeps what the last good build wrote (the partial builds stay small)
        for page in (claim, "tags/economy/", "articles/output-article/"):
            assert ERROR_MARK not in _get(base + page), page
        assert "Exports to the US market doubled" in _get(base + "tags/economy/")
        # an article edited meanwhile shows the error too (its page is what its editor looks at)
        project.write_article("output-article", ARTICLE.replace("Nobody knows why.", "Nobody knows why yet."))
        assert _wait_for(base + "articles/output-article/", ERROR_MARK, 60), log.read_text()
        assert _error_page_report(_get(base + "articles/output-article/")) == again
        assert ERROR_MARK not in _get(base + claim)
        project.write_claim("exports-doubled", CLAIM_2)
        assert _wait_for(base + "claims/exports-doubled/", "Exports to the US market doubled", 60), log.read_text()
        # the fix was a partial build too, and it gave back every page the error page stood in for
        assert log.read_text().count("Building documentation...") == 2, log.read_text()  # start and first fix
        for page in ("", "claims/", "tags/economy/", "claimants/the-minister/", "ratings/supported/", claim,
                     "articles/output-article/", "ratings/false/"):
            assert ERROR_MARK not in _get(base + page) and _get(base + page), page
        assert "Nobody knows why yet." in _get(base + "articles/output-article/")
        assert ERROR_MARK not in _body(base + "claims/no-such-claim/")
        assert set(_search_index(base)) == {claim, "claims/exports-doubled/", "articles/output-article/",
                                            "methodology/", "data/"}
        assert "claims/exports-doubled/" in _get(base + "sitemap.xml")
        assert DRAFT_BANNER in _get(base + "claims/prices-fell/")
        assert "An error happened during the rebuild" not in log.read_text()


def test_contributing_shows_what_the_preview_prints_for_a_broken_claim(tmp_path: Path) -> None:
    """CONTRIBUTING.md's "Errors show in the browser" example is the report the plugin logs (and the
    error page shows) for the demo with a typo in a rating."""
    repo = Path(__file__).resolve().parent.parent
    guide = (repo / "CONTRIBUTING.md").read_text(encoding="utf-8")
    example = re.search(r"ending with the count:\n\n  ```text\n(.*?)  ```", guide, re.S).group(1)  # type: ignore[union-attr]
    for name in ("mkdocs.yml", "claims", "content", "templates"):
        source = repo / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    claim = tmp_path / "claims" / "russia-s400-supply-top-priority.yaml"
    claim.write_text(claim.read_text(encoding="utf-8").replace("rating: partly-supported", "rating: suported"),
                     encoding="utf-8")
    project = load_project(read_settings(tmp_path / "mkdocs.yml"))
    report = ProblemsFound(project.errors).report()
    assert textwrap.dedent(example) == "ERROR   -  " + report + "\n"


_FRESH_BUILD = """\
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config

config = load_config(sys.argv[1], site_dir=sys.argv[2])
config.site_url = "http://127.0.0.1:8000/"
config.plugins.on_startup(command="serve", dirty=False)
build(config, serve_url=config.site_url)
"""


def _serve_build(root: Path, site_dir: Path):  # type: ignore[no-untyped-def]
    """The first build of `mkdocs serve`, in this process (as MkDocs' serve command makes it): its config,
    whose claims plugin then rebuilds as the server asks (serve_rebuild.rebuild). MkDocs keeps a plugin
    between builds in a process (as for the server's rebuilds): one build a process."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site_dir))
    config.site_url = "http://127.0.0.1:8000/"
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=config.site_url)
    return config


def _fresh_build(root: Path, site_dir: Path) -> None:
    """The first build of `mkdocs serve` in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _FRESH_BUILD, str(root / "mkdocs.yml"), str(site_dir)], cwd=root,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, check=False)
    assert done.returncode == 0, done.stderr


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_a_file_that_is_not_an_article_in_the_articles_folder_makes_the_preview_load_everything(
        project: Project) -> None:
    """Only a full load reports it (MkDocs would render it as a page, HTML live): reloading the articles
    that changed would miss it."""
    from site_builder import reload as reloading

    loaded = reloading.load(read_settings(project.root / "mkdocs.yml"))
    (project.articles / ".hidden").write_text("left out by MkDocs", encoding="utf-8")
    assert reloading.reload(loaded) is not None
    (project.articles / "page.markdown").write_text("<script>window.__pwned = 1</script>\n", encoding="utf-8")
    assert reloading.reload(loaded) is None


def test_a_site_rebuilt_edit_after_edit_is_byte_for_byte_a_fresh_build(project: Project, remembering: None,
                                                                       tmp_path: Path) -> None:
    """However the preview rebuilt after each edit (the pages and files an edit changes, written again
    without MkDocs' build; MkDocs' partial build; its full build), every file in the site is what a
    fresh build of the same files writes."""
    from site_builder import serve_rebuild

    config_text = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    (project.root / "mkdocs.yml").write_text(config_text.replace("      templates_dir:", "      page_size: 2\n      templates_dir:"),
                                             encoding="utf-8")
    from .conftest import other_passages, quoting
    passages = other_passages(5)
    for number, passage in enumerate(passages):
        tags = ["economy", "trade"] if number % 2 else ["output"]
        project.write_claim(f"claim-{number}", quoting(passage, CLAIM).replace(
            "title: Output rose by 40% last year", f"title: Claim number {number}").replace(
            "tags: [economy, output]", f"tags: [{', '.join(tags)}]").replace(
            "reviewed: 2026-01-12", f"reviewed: 2026-01-{12 + number}").replace(
            "related: [exports-doubled]", "related: [exports-doubled, output-rose-40-percent]"))
    served = tmp_path / "served"
    config = _serve_build(project.root, served)
    plugin = config.plugins["claims"]

    def full_build() -> None:
        raise AssertionError("only claims and articles changed: MkDocs' full build is not needed")

    def saved(path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")

    claim_3 = project.claims / "claim-3.yaml"
    original = claim_3.read_text(encoding="utf-8")
    edits = [
        [(claim_3, original.replace("Claim number 3", "Claim number three, edited"))],  # a title
        # a claim other claims name as related, and a draft
        [(project.claims / "output-rose-40-percent.yaml", CLAIM.replace("title: Output rose by 40% last year",
                                                                        "title: Output rose, related")),
         (project.claims / "prices-fell.yaml", DRAFT.replace("title: Prices fell", "title: Prices fell, a draft"))],
        [(claim_3, original.replace("rating: supported", 'rating: "false"')),  # a rating, and two claims at once
         (project.claims / "claim-1.yaml", (project.claims / "claim-1.yaml").read_text(encoding="utf-8").replace(
             "Official figures show", "Official figures, revised, show"))],
        [(project.articles / "output-article.md", ARTICLE.replace("Nobody knows why.", "Nobody knows why, yet."))],
        [(claim_3, original.replace("tags: [economy, trade]", "tags: [economy, brand-new]"))],  # a page more
        [(claim_3, original), (project.articles / "output-article.md", ARTICLE),  # as it was: a page fewer
         (project.claims / "output-rose-40-percent.yaml", CLAIM)],
        [(claim_3, original.replace("Claim number 3", "Claim number three, edited again"))],  # a title again
        # a review date: now the newest, the date of every page without one of its own (the sitemap's)
        [(claim_3, original.replace("Claim number 3", "Claim number three, edited again").replace(
            "reviewed: 2026-01-15", "reviewed: 2026-02-20"))],
        # renamed as CONTRIBUTING says: its former page is now a redirect (the preview once deleted it: 404)
        [(project.claims / "claim-2.yaml", None), (project.claims / "claim-two.yaml", (
            project.claims / "claim-2.yaml").read_text(encoding="utf-8").replace("reviewed:", "aliases: [claim-2]\nreviewed:"))],
    ]
    paths = []
    for number, edit in enumerate(edits):
        for path, text in edit:
            if text is None:
                path.unlink()
            else:
                saved(path, text)
        files = plugin.files
        serve_rebuild.rebuild(plugin, full_build, config)
        paths.append("pages" if plugin.files is files else "mkdocs")  # a MkDocs build gives the plugin its files
        _fresh_build(project.root, tmp_path / f"fresh-{number}")
        fresh = _files(tmp_path / f"fresh-{number}")
        now = _files(served)
        assert set(now) == set(fresh), (number, set(now) ^ set(fresh))
        different = [name for name in fresh if now[name] != fresh[name]]
        if number in (4, 8):  # MkDocs' partial build: the sitemap stays the last full build's (a known gap: no new page in it)
            different = [name for name in different if not name.startswith("sitemap.xml")]
        if number == 8:  # a renamed claim's entry comes last in the search index (a known gap: the same entries)
            different.remove("search/search_index.json")
            assert sorted(map(str, json.loads(now["search/search_index.json"])["docs"])) == \
                sorted(map(str, json.loads(fresh["search/search_index.json"])["docs"]))
        assert different == [], (number, different)
    assert "Claim number three, edited again" in (served / "tags" / "trade" / "index.html").read_text(encoding="utf-8")
    # each edit built without MkDocs' build, but those adding or removing a page (and then no page is missed)
    assert paths == ["pages", "pages", "pages", "pages", "mkdocs", "mkdocs", "pages", "pages", "mkdocs"]
    assert "claims/claim-two/" in (served / "claims" / "claim-2" / "index.html").read_text(encoding="utf-8")


def test_a_wrongly_named_claim_file_makes_the_preview_load_everything(project: Project) -> None:
    """A build reports 'x.YAML' or 'x' beside the claims (it is not read): the preview must show it too, and
    reloading the claims that changed would not see it."""
    from site_builder import reload as reloading

    loaded = reloading.load(read_settings(project.root / "mkdocs.yml"))
    (project.claims / "README.md").write_text("Our claims.\n", encoding="utf-8")
    assert reloading.reload(loaded) is not None
    for name in ("extra.YAML", "extra"):
        (project.claims / name).write_text(CLAIM, encoding="utf-8")
        assert reloading.reload(loaded) is None, name
        (project.claims / name).unlink()


@pytest.mark.skipif(sys.platform != "linux", reason="file events of inotify")
def test_the_claims_folder_is_not_polled_while_the_server_rebuilds(tmp_path: Path) -> None:
    """A rebuild looks at every claim file itself: polling the folder meanwhile only takes the process's
    time from it (at 10,000 claims, a look every half second until file events were seen to work). The
    look after the rebuild sees what was saved meanwhile."""
    import threading
    import types

    from site_builder.serve_rebuild import Watcher

    server = types.SimpleNamespace(_rebuild_cond=threading.Condition(), _want_rebuild=False)
    (tmp_path / "a.yaml").write_text("title: a\n", encoding="utf-8")
    watcher = Watcher(server, str(tmp_path))
    assert watcher.start()
    try:
        time.sleep(1)  # the first look
        with watcher.rebuilding():
            (tmp_path / "a.yaml").write_text("title: b\n", encoding="utf-8")
            assert _wait_until(lambda: server._want_rebuild, 5)  # the file events ask for a rebuild at once
            time.sleep(1.5)  # three looks' time
            assert not watcher.confirmed  # no look saw the change the file events reported
        assert _wait_until(lambda: watcher.confirmed, 5)  # the look after the rebuild did
    finally:
        watcher.stop()
