"""Live preview: work is reused between rebuilds, and an edit is always visible."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from site_builder import memo
from site_builder.pages import build_pages
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.render import environment

from .conftest import CLAIM, CLAIM_2, Project


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
    import json

    pages: dict[str, list[str]] = {}
    for doc in json.loads(_get(base + "search/search_index.json") or '{"docs": []}')["docs"]:
        pages.setdefault(doc["location"].split("#")[0], []).append(doc["title"])
    return pages


def _wait_until(condition, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_mkdocs_serve_rebuilds_only_what_a_claim_edit_changes_and_search_stays_whole(project: Project) -> None:
    port = _free_port()
    log = project.root / "serve.log"
    with log.open("w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project.root, stdout=out, stderr=out, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    base = f"http://127.0.0.1:{port}/"
    new = "Output rose by a record 40%"
    try:
        assert _wait_for(base + "claims/output-rose-40-percent/", "Output rose by 40% last year", 60)
        project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year", f"title: {new}"))
        assert _wait_for(base + "claims/output-rose-40-percent/", new, 60), log.read_text()
        assert "Building the pages that changed..." in log.read_text()  # the partial rebuild, not a full one
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
        assert found["claims/exports-doubled/"] == ["Exports to the US market doubled"]
        assert "claims/exports-doubled/" in _get(base + "sitemap.xml")  # the sitemap still lists every page

        # a claim taken back to draft: its page and its search entries go, listings drop it
        project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year", f"title: {new}")
                            .replace("related: [exports-doubled]\n", ""))
        project.write_claim("exports-doubled", CLAIM_2 + "status: draft\n")
        assert _wait_until(lambda: "Exports to the US" not in _get(base + "claims/"), 60), log.read_text()
        assert _get(base + "claims/exports-doubled/") == ""  # 404
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
    finally:
        server.terminate()
        server.wait(10)
