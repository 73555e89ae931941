"""The demo on other engines: ProperDocs runs the plugin; Zensical builds what `site-builder generate` writes.

ProperDocs shares the test environment (it answers every ``mkdocs.*`` import itself); Zensical has its
own, .venv-zensical (``make zensical``, which ``make test`` runs).
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from markupsafe import escape

from site_builder.generate import MARKER
from site_builder.appearances import direction
from site_builder.markup import displayable
from site_builder.pages import build_pages, share_cards
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.render import environment

from .conftest import REPO, TEMPLATES, Project

ZENSICAL = REPO / ".venv-zensical" / "bin" / "zensical"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def demo_copy(root: Path) -> Path:
    for name in ("claims", "content", "templates", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    return root


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=ENV, check=False)


def main_content(page: str) -> str:
    """The page's own content: its <article> (the theme's header, navigation and footer left out)."""
    found = re.search(r"<article\b.*?</article>", page, re.S)
    assert found, "no <article> in the page"
    return found.group(0)


def pages_of(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def broken_links(site: Path) -> list[str]:
    """Relative links between pages of ``site`` that lead to no file (the 404 page's links are absolute)."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for href in re.findall(r'href="([^"]*)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(html.unescape(href))
            if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
                continue
            target = page.parent / unquote(parts.path)
            if not (target / "index.html" if target.is_dir() else target).is_file():
                broken.append(f"{page.relative_to(site).as_posix()}: {href}")
    return broken


def test_properdocs_builds_the_demo_as_mkdocs_does(tmp_path: Path) -> None:
    root = demo_copy(tmp_path / "demo")
    mkdocs = run(sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site-mkdocs", cwd=root)
    assert mkdocs.returncode == 0, mkdocs.stderr
    properdocs = run(sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                     "-d", "site-properdocs", cwd=root)
    assert properdocs.returncode == 0, properdocs.stderr
    ours, theirs = root / "site-mkdocs", root / "site-properdocs"
    assert 'content="mkdocs-ProperDocs 1.' in (theirs / "index.html").read_text(encoding="utf-8")
    assert pages_of(theirs) == pages_of(ours)
    claim_ids = sorted(path.stem for path in (root / "claims").glob("*.yaml"))
    assert len(claim_ids) >= 16
    for claim_id in claim_ids:
        page = f"claims/{claim_id}/index.html"
        assert main_content((theirs / page).read_text(encoding="utf-8")) == \
            main_content((ours / page).read_text(encoding="utf-8")), page


def test_generate_writes_the_plugins_pages_and_a_config(project: Project) -> None:
    (project.root / "content" / "about.md").write_text("# About\n\nWho we are.\n", encoding="utf-8")
    (project.root / "content" / ".env").write_text("TOKEN=secret\n", encoding="utf-8")  # hidden: never copied
    (project.root / "content" / ".drafts").mkdir()
    (project.root / "content" / ".drafts" / "notes.md").write_text("# Notes\n", encoding="utf-8")
    result = project.run(sys.executable, "-m", "site_builder", "generate", "engine")
    assert result.returncode == 0, result.stderr
    out = project.root / "engine"
    assert result.stdout == (f"wrote 20 pages into {Path('engine') / 'docs'} and {Path('engine') / 'mkdocs.yml'}; "
                             f"build with: zensical build -f {Path('engine') / 'mkdocs.yml'}\n")
    settings = read_settings(project.root / "mkdocs.yml")
    share = share_cards(load_site(settings))
    pages = build_pages(load_site(settings), environment(settings.templates_dir), share, links_to_files=True)
    written = {path.relative_to(out / "docs").as_posix() for path in (out / "docs").rglob("*") if path.is_file()}
    assert share.cards and written == {*pages, *share.cards, "about.md", "methodology.md", "data.md"}  # the article's source is replaced
    for uri, content in pages.items():
        assert (out / "docs" / uri).read_text(encoding="utf-8") == content, uri
    assert (out / "docs" / "about.md").read_text(encoding="utf-8") == "# About\n\nWho we are.\n"
    config = (out / "mkdocs.yml").read_text(encoding="utf-8")
    assert "INHERIT: ../mkdocs.yml\ndocs_dir: docs\nsite_dir: site\nextra_css:\n- assets/claims.css\n" in config
    # links name files, which such engines resolve themselves; the plugin's pages link to URLs
    assert 'href="../ratings/supported.md"' in pages["claims/output-rose-40-percent.md"]
    plugin_pages = build_pages(load_site(settings), environment(settings.templates_dir))
    assert 'href="../../ratings/supported/"' in plugin_pages["claims/output-rose-40-percent.md"]


def test_generate_replaces_only_its_own_folder(project: Project) -> None:
    assert project.run(sys.executable, "-m", "site_builder", "generate", "engine").returncode == 0
    (project.root / "engine" / "docs" / "stale.md").write_text("old\n", encoding="utf-8")
    again = project.run(sys.executable, "-m", "site_builder", "generate", "engine")
    assert again.returncode == 0, again.stderr
    assert not (project.root / "engine" / "docs" / "stale.md").exists()
    mine = project.root / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("keep me\n", encoding="utf-8")
    refused = project.run(sys.executable, "-m", "site_builder", "generate", "mine")
    assert refused.returncode == 1
    assert refused.stderr == ("Error: mine is not empty and was not written by site-builder generate "
                              "(expected a new or empty folder; choose another)\n")
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "keep me\n"
    assert not (mine / MARKER).exists()


def test_generate_refuses_a_folder_inside_the_sites_files(project: Project) -> None:
    refused = project.run(sys.executable, "-m", "site_builder", "generate", "content/engine")
    assert refused.returncode == 1
    assert refused.stderr == ("Error: content/engine is inside content/ (expected a folder outside the site's own "
                              "files, such as build/zensical)\n")
    assert not (project.root / "content" / "engine").exists()
    # nor inside the theme's custom_dir, which is copied into the folder (it copied itself without end)
    overrides = project.root / "overrides"
    overrides.mkdir()
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  font: false\n", "  font: false\n  custom_dir: overrides\n"))
    refused = project.run(sys.executable, "-m", "site_builder", "generate", "overrides/zen")
    assert refused.stderr == ("Error: overrides/zen is inside overrides/ (expected a folder outside the site's own "
                              "files, such as build/zensical)\n")
    assert list(overrides.iterdir()) == []


def test_generate_reports_problems_and_writes_nothing(project: Project) -> None:
    project.write_claim("broken", "title: [unclosed\n")
    result = project.run(sys.executable, "-m", "site_builder", "generate", "engine")
    assert result.returncode == 1
    assert "claims/broken.yaml:1:8: yaml: the '[' that opens this value is not closed" in result.stderr
    assert not (project.root / "engine").exists()


def test_generate_stops_at_a_page_the_sanitiser_refuses_and_leaves_no_half_project(project: Project) -> None:
    """Files are written as they are made: when one cannot be made, what was written goes again."""
    templates = project.root / "templates"
    shutil.copytree(TEMPLATES, templates)
    claim = templates / "claim.html.j2"
    broken = '<script type="application/ld+json">{"a": "</script>"}</script>\n'
    claim.write_text(claim.read_text(encoding="utf-8").replace("{% if structured_data %}", broken + "{% if structured_data %}", 1),
                     encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(TEMPLATES.as_posix(), "templates"), encoding="utf-8")
    result = project.run(sys.executable, "-m", "site_builder", "generate", "engine")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: claims/exports-doubled.md: a JSON-LD block is not JSON (Unterminated string")
    assert [path.name for path in (project.root / "engine").iterdir()] == [MARKER]


def test_generate_refuses_placeholders_when_the_build_would(project: Project) -> None:
    # placeholders: warn stops mkdocs build --strict; generate once published them for Zensical unnoticed
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - claims:\n", "  - claims:\n      placeholders: warn\n"),
                      encoding="utf-8")
    (project.root / "content" / "about.md").write_text("# About\n\nRun by [Placeholder: the organisation].\n",
                                                       encoding="utf-8")
    result = project.run(sys.executable, "-m", "site_builder", "generate", "engine")
    assert result.returncode == 1
    assert result.stderr == ("Error: content/about.md:3:8: placeholder: [Placeholder: the organisation] (expected "
                             "the site's own text before it is published)\n1 placeholder(s) left (placeholders: warn)\n")
    assert [path.name for path in (project.root / "engine").iterdir()] == [".site-builder-generated"]


def zensical() -> Path:
    if not ZENSICAL.is_file():
        message = f"Zensical is not installed at {ZENSICAL.relative_to(REPO)}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI is set, so this test must run; make zensical)", pytrace=False)
        pytest.skip(f"{message}; to run this test: make zensical")
    return ZENSICAL


def test_zensical_builds_the_demo_from_generate(tmp_path: Path) -> None:
    engine = zensical()
    root = demo_copy(tmp_path / "demo")
    generated = run(sys.executable, "-m", "site_builder", "generate", "zensical", cwd=root)
    assert generated.returncode == 0, generated.stderr
    built = run(engine, "build", "--strict", "-f", "zensical/mkdocs.yml", cwd=root)
    assert built.returncode == 0, built.stdout + built.stderr
    site = root / "zensical" / "site"
    overrides = root / "zensical" / "overrides" / "partials"
    assert (overrides / "toc.html").is_file() and not (overrides / "search.html").exists()
    data = load_site(read_settings(root / "mkdocs.yml"))
    assert len(data.published) >= 16

    def page(path: str) -> str:
        file = site / path / "index.html"
        assert file.is_file(), f"{path} was not built"
        return main_content(file.read_text(encoding="utf-8"))

    for claim in data.published:
        content = page(f"claims/{claim.id}")
        label = data.settings.scale[claim.rating].label  # type: ignore[index]
        assert f'class="rating-badge rating-{claim.rating}"' in content and f">{html.escape(label)}</a>" in content
        spans = data.quotes[claim.id]
        quote = " … ".join(displayable(" ".join(data.articles[claim.article].body[s.start:s.end].split())) for s in spans)
        language = data.articles[claim.article].meta.language
        assert (f'<blockquote class="claim-quote" lang="{language}" dir="{direction(language)}"><p>{escape(quote)}</p>'
                "</blockquote>") in content, claim.id
    for article_id in data.articles:
        content = page(f"articles/{article_id}")
        for claim in data.published:
            if claim.article == article_id:
                assert f'id="claim-{claim.id}"' in content
    for listing in ("claims", "ratings", "tags", "claimants", "articles"):
        page(listing)
    for rating in {claim.rating for claim in data.published}:
        assert "claims/" in page(f"ratings/{rating}")
    for tag in {tag for claim in data.published for tag in claim.tags}:
        page(f"tags/{tag}")
    for name in ("data/claims.json", "data/claims.csv", "data/claimreview.json", "feed.xml", "feed.json",
                 "assets/claims.css"):
        assert (site / name).is_file(), name
    assert "assets/claims.css" in (site / "index.html").read_text(encoding="utf-8")
    head = (site / "about" / "index.html").read_text(encoding="utf-8").split("</head>")[0]  # feed autodiscovery
    feeds = re.findall(r'<link rel="alternate" type="([^"]+)" href="([^"]+)"', html.unescape(head))
    assert feeds == [("application/rss+xml", "../feed.xml"), ("application/feed+json", "../feed.json")]
    # pages without a card of their own show the site's, as with MkDocs; the methodology has the scale
    [card] = {re.search(r'<meta property="og:image" content="([^"]+)"', (site / path / "index.html").read_text(
        encoding="utf-8")).group(1) for path in ("", "about", "claims", "methodology", "corrections")}
    assert re.fullmatch(r"https://.+/assets/cards/site-[0-9a-f]{16}\.png", card)
    assert (site / card.split("/claim-explainer/", 1)[1]).is_file()
    methodology = page("methodology")
    assert all(f'<dt id="rating-{rating}">' in methodology for rating in data.settings.scale.ids)
    assert "claims:ratings" not in methodology
    assert broken_links(site) == []
