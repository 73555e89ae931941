"""Loading a large project in worker processes gives exactly what loading it file by file here gives:
the same records, the same problems in the same order, at the same lines and columns. And the shortcuts
loading takes for speed give what the full checks give."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from site_builder import load, model, yaml_parse
from site_builder.config import read_settings
from site_builder.project import Project, check_project, load_project

from .conftest import CLAIM, make_project
from .hostile.corpus import CASES, write_with_needs

# Mistakes contributors make, each turned into many broken files: YAML errors, wrong fields, wrong
# types, references that do not resolve, quotes not in the article, invisible characters.
MISTAKES = [
    ("rating: supported", "rating: suported"),
    ("attribution: reported\n", ""),
    ("title: Output rose by 40% last year", "title: [Output rose"),
    ("title: Output rose by 40% last year", "title: Output rose by <b>40%</b>"),
    ("title: Output rose by 40% last year", "title: \"Output \\u202erose\""),
    ("title: Output rose by 40% last year", "title: Output \u202erose"),
    ("claimant: The minister", "claimant: The minister\nclaimant: again"),
    ("quote: Output rose by 40% last year", "quote: Output fell by 40% last year"),
    ("article: output-article", "article: no-such-article"),
    ("summary: Official", "summary:\tOfficial"),
    ("sources:\n", "sources:\n  -title: x\n"),
    ("    url: https://stats.example.org/output", "    url: ftp://stats.example.org/output"),
    ("rating: supported", "rating: supported\nreviewed: 2099-01-01"),
    ("rating: supported", "rating: supported\ntags: [Economy, 2019, economy]"),
    ("rating: supported", "rating: 12"),
]


def loaded(root: Path, briefly: bool = False) -> tuple[list[str], list[str], Project]:
    project = load_project(read_settings(root / "mkdocs.yml"), briefly=briefly)
    return [str(p) for p in project.errors], [str(p) for p in project.warnings], project


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project, every file of the hostile corpus (but the slow 'handled' cases) and a few
    hundred broken claims, each quoting its own passage of one long article."""
    project = make_project(tmp_path_factory.mktemp("large") / "project")
    for case in CASES:
        if "handled" not in case.spec:
            write_with_needs(case, project.root)
    sentences = [f"Output rose by {number} percent in district {number}." for number in range(300)]
    project.write_article("long-report", "---\ntitle: A long report\noutlet: example.news\nurl: https://example.news/long\n"
                                         "published: 2025-12-03\n---\n" + "\n\n".join(sentences) + "\n")
    rng = random.Random(5)
    for number, sentence in enumerate(sentences):
        text = (CLAIM.replace("quote: Output rose by 40% last year", f"quote: {sentence}")
                .replace("article: output-article", "article: long-report")
                .replace("related: [exports-doubled]", "related: []"))
        for old, new in rng.sample(MISTAKES, rng.choice((0, 0, 1, 2))):
            text = text.replace(old, new, 1)
        project.write_claim(f"district-{number}", text)
    return project.root


@pytest.mark.parametrize("briefly", [False, True], ids=["workers", "workers-and-here"])
def test_workers_load_what_this_process_loads(large: Path, briefly: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    errors, warnings, here = loaded(large)
    assert len(errors) > 200 and len(here.claims) > 150  # many broken files, and many that load
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load._Loading, "SHORTEST", 3)  # many short runs: the workers (and this process) load some
    monkeypatch.setattr(os, "cpu_count", lambda: 3)  # two workers, even on a machine with one core
    there_errors, there_warnings, there = loaded(large, briefly)
    assert there_errors == errors  # the same problems, in the same order
    assert there_warnings == warnings
    assert there.claims == here.claims and there.articles == here.articles
    assert there.quotes == here.quotes and there.appearance_quotes == here.appearance_quotes
    assert there.claim_files == here.claim_files


def in_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Load even a small folder in workers, in many short runs: the workers (and this process) load some."""
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    monkeypatch.setattr(load._Loading, "SHORTEST", 3)
    monkeypatch.setattr(os, "cpu_count", lambda: 3)  # two workers, even on a machine with one core


def same_report(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What validate reports (check_project, in workers) is what load_project finds here, problem for problem."""
    settings = read_settings(root / "mkdocs.yml")
    project = load_project(settings)
    with monkeypatch.context() as patched:
        in_workers(patched)
        checked = check_project(settings)
    assert [str(p) for p in checked.errors] == [str(p) for p in project.errors]  # in the same order
    assert [str(p) for p in checked.warnings] == [str(p) for p in project.warnings]
    assert (checked.published, checked.drafts, checked.articles) == (
        len(project.published), len(project.claims) - len(project.published), len(project.articles))


def test_validate_s_check_finds_what_loading_the_project_finds(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """check_project keeps of each claim only what the checks across claims read, and workers send back
    a file's bytes, not its text: the problems are the same, at the same lines and columns."""
    same_report(large, monkeypatch)
    assert len(load_project(read_settings(large / "mkdocs.yml")).errors) > 200


def test_validate_s_check_points_into_windows_line_endings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A problem found across claims in a file with Windows line endings, loaded by a worker, is at the line
    and column of its text as loading reads it."""
    project = make_project(tmp_path / "project")
    for number in range(12):
        text = (CLAIM.replace("rating: supported", "rating: suported" if number % 3 else "rating: supported\nrelated: [nowhere]")
                .replace("title: Output rose by 40% last year", f"title: \"Output\\u00a0rose {number % 2}\""))
        (project.claims / f"windows-{number}.yaml").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    same_report(project.root, monkeypatch)
    errors = [str(p) for p in load_project(read_settings(project.root / "mkdocs.yml")).errors]
    assert "claims/windows-1.yaml:6:9: rating: 'suported' is not on the rating scale" in "\n".join(errors)


def test_one_search_per_file_finds_what_each_field_s_checks_find(large: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file with no refused character in its text skips each field's own search: the problems are
    those of every field searched."""
    errors, warnings, here = loaded(large)
    monkeypatch.setattr(model, "ordinary_text", lambda text: False)  # every field searched
    assert loaded(large)[:2] == (errors, warnings)
    assert any("invisible control character U+202E" in line for line in errors)


@pytest.mark.parametrize("text", ["title: \"a\\u202eb\"\n", "title: a\u202eb\n", "title: a\u200eb\n", "title: a\x85b\n",
                                  "title: \"a\\ud83d\"\n", "title: a\ufdd0b\n", "title: a\U0001fffeb\n", "title: a\tb\n"])
def test_a_text_that_could_hold_a_refused_character_is_not_ordinary(text: str) -> None:
    assert not model.ordinary_text(text)


def test_ordinary_text() -> None:
    assert model.ordinary_text("title: “Quoted” — עברית, Ελληνικά, 中文\nquote: 'it''s'\n")


def test_underscores_are_found_as_the_expression_finds_them() -> None:
    rng = random.Random(3)
    pieces = ["_", "a", "1", ".", "-", "+", " ", "\n", "url", "x_y", "__"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        assert yaml_parse._number_underscore(text) == bool(yaml_parse._UNDERSCORE_RE.search(text)), text


def test_claim_file_names_are_every_name_in_the_folder_but_hidden_ones(tmp_path: Path) -> None:
    # every name: those that are not claim files are reported (load.stray_claim_files), not left out unseen;
    # hidden names are an editor's or a file system's own (test_validate.py)
    for name in (".yaml", ".hidden.yaml", "a.YAML", "b.yaml", "c.yml", "d.yhtml", "e.yaml.bak", "f.y.ml", "g"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere")
    assert load.claim_file_names(tmp_path) == sorted(path.name for path in tmp_path.iterdir() if path.name[0] != ".")
    assert load.claim_file_names(tmp_path / "missing") == []
    for name in [*load.claim_file_names(tmp_path), "a.b.c", ".x", "x.", "x", "..yaml", "a..yaml"]:
        assert load.stem_and_suffix(name) == (Path(name).stem, Path(name).suffix), name
