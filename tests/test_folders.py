"""A project with its own folder names (claims_dir: records, articles_dir: sources): pages are
built there and every message names the folders as configured."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from .conftest import CLAIM_ELSEWHERE, Project, make_project


@pytest.fixture
def renamed(tmp_path: Path) -> Project:
    project = make_project(tmp_path / "project")
    project.claims.rename(project.root / "records")
    project.articles.rename(project.root / "content" / "sources")
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("  - claims:\n", "  - claims:\n      claims_dir: records\n      articles_dir: sources\n")
    config = config.replace("Articles: articles/index.md", "Articles: sources/index.md")
    (project.root / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


def site_builder(project: Project, *args: str):  # type: ignore[no-untyped-def]
    return project.run(sys.executable, "-m", "site_builder", *args)


def test_a_project_with_its_own_folder_names_builds(renamed: Project) -> None:
    result = renamed.build()
    assert result.returncode == 0, result.stderr
    claim = renamed.html("claims/output-rose-40-percent")
    assert 'href="../../sources/output-article/#claim-output-rose-40-percent"' in claim
    assert 'id="claim-output-rose-40-percent"' in renamed.html("sources/output-article")
    assert "output-article" in renamed.html("sources")
    assert not (renamed.root / "site" / "articles").exists()
    data = json.loads((renamed.root / "site/data/claims.json").read_text(encoding="utf-8"))
    assert {c["article"]["page_url"] for c in data["claims"]} == {"https://claims.example.org/sources/output-article/"}


def test_messages_name_the_configured_folders(renamed: Project) -> None:
    (renamed.root / "records" / "lost.yaml").write_text(
        CLAIM_ELSEWHERE.replace("article: output-article", "article: output-articel")
        .replace("related: [exports-doubled]", "related: [exports-doubeld]"), encoding="utf-8")
    result = renamed.validate()
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "records/lost.yaml:3:10: article: no article 'output-articel' (expected the id of a file in "
        "content/sources; did you mean 'output-article'?)",
        "records/lost.yaml:19:11: related[0]: no claim 'exports-doubeld' (expected the id of a file in "
        "records/; did you mean 'exports-doubled'?)",
        "2 errors, 0 warnings found",
    ]
    (renamed.root / "records" / "lost.yaml").unlink()
    new = site_builder(renamed, "new", "--article", "output-article", "--quote", "Nobody knows why.")
    assert new.returncode == 0, new.stderr
    assert new.stdout == "wrote records/nobody-knows-why.yaml; fill it in, then run site-builder validate\n"
    again = site_builder(renamed, "new", "--article", "output-article", "--quote", "Nobody knows",
                         "--id", "nobody-knows-why")
    assert again.stderr == "Error: records/nobody-knows-why.yaml already exists (choose another --id)\n"
    drafted = site_builder(renamed, "extract", "output-article", "--min-score", "0", "--dry-run", "--format", "json")
    assert drafted.returncode == 0, drafted.stderr
    rows = json.loads(drafted.stdout)
    assert {row["reason"] for row in rows if row["action"] == "skipped"} >= {
        "overlaps the quote of records/output-rose-40-percent.yaml"}
    assert all(row["file"].startswith("records/") for row in rows if row["action"] == "would create")
    imported = renamed.root / "story.txt"
    imported.write_text("A headline\n\nSome text.\n", encoding="utf-8")
    wrote = site_builder(renamed, "import-article", str(imported), "--outlet", "x.news", "--url", "https://x.news/a",
                         "--published", "2025-01-02")
    assert wrote.stdout == "wrote content/sources/a-headline.md\n", wrote.stderr


def test_new_on_a_broken_article_names_its_problems_not_a_missing_article(renamed: Project) -> None:
    article = renamed.root / "content" / "sources" / "output-article.md"
    article.write_text(article.read_text(encoding="utf-8").replace("url: https://", "url: ftp://"), encoding="utf-8")
    result = site_builder(renamed, "new", "--article", "output-article", "--quote", "Nobody knows why.")
    assert result.returncode == 1
    assert result.stderr == (
        "Error: content/sources/output-article.md:4:6: url: not an http(s) URL: 'ftp://example.news/output' "
        "(expected a link starting with http:// or https://)\n1 problem found\n")
    missing = site_builder(renamed, "new", "--article", "elsewhere", "--quote", "Nobody knows why.")
    assert missing.stderr == "Error: no article 'elsewhere' (expected the id of a file in content/sources)\n"
    close = site_builder(renamed, "new", "--article", "output-articel", "--quote", "Nobody knows why.")
    assert close.stderr == ("Error: no article 'output-articel' (expected the id of a file in content/sources; "
                            "did you mean 'output-article'?)\n")
    article.unlink()
    empty = site_builder(renamed, "new", "--article", "output-article", "--quote", "Nobody knows why.")
    assert empty.stderr == ("Error: no article 'output-article' (expected the id of a file in content/sources, "
                            "which has none: add one with site-builder import-article)\n")


def test_an_article_named_by_a_path_elsewhere_is_refused_not_mistaken_for_the_projects(renamed: Project) -> None:
    """'extract ~/Downloads/output-article.md' must not draft from the project's output-article."""
    outside = renamed.root.parent / "output-article.md"
    outside.write_text("# Another article\n\nNobody knows why.\n", encoding="utf-8")
    for command in (["new", "--article", str(outside), "--quote", "Nobody knows why."], ["extract", "--dry-run", str(outside)]):
        refused = site_builder(renamed, *command)
        assert (refused.returncode, refused.stderr) == (1, (
            f"Error: {outside} is not in content/sources (expected an article id, or the path of a file in "
            "content/sources: bring an article in with site-builder import-article)\n")), command
    inside = site_builder(renamed, "extract", "--dry-run", "content/sources/output-article.md")
    assert inside.returncode == 0, inside.stderr
    both = site_builder(renamed, "extract", "--dry-run", "nope", "output-articel")  # every unknown name, in one run
    assert (both.returncode, both.stderr) == (1, (
        "Error: no article 'nope' (expected the id of a file in content/sources)\n"
        "no article 'output-articel' (expected the id of a file in content/sources; did you mean 'output-article'?)\n"))


def test_new_while_a_symbolic_link_stops_loading_names_the_link(renamed: Project) -> None:
    # said 'Error: 0 problems found': loading stopped at the link, before the article
    (renamed.root / "content" / "host.txt").symlink_to("/etc/hostname")
    result = site_builder(renamed, "new", "--article", "output-article", "--quote", "Nobody knows why.")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: content/host.txt:1:1: (file): a symbolic link to a target outside the "
                                    "project folder"), result.stderr
    assert result.stderr.endswith("\n1 problem found\n")
