"""Hostile inputs on the way in: symbolic links, special files, pathological sizes for every regular
expression and search, reserved names, and tools whose output must pass validation.

Cases that cannot live as plain files in the corpus (links, pipes) or that must be made at a size
(hundreds of kilobytes of one character) are made here, in a fresh copy of the fixture project. Work
is bounded by counting (operations, calls or input limits), never by the wall clock.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from site_builder.config import read_settings
from site_builder.errors import ProblemsFound
from site_builder.paths import read_bounded
from site_builder.project import load_site

from ..conftest import ARTICLE, CLAIM, Project, make_project, other_passages, quoting

PASSWD_LINE = "root:x:0:0"
CANARY = "sec_input_canary_5b1e0c"  # in the environment of every command run here: /proc/self/environ holds it


def run(project: Project, *args: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SECRET_TOKEN": CANARY}
    import subprocess

    return subprocess.run(args, cwd=project.root, capture_output=True, text=True, env=env, check=False, timeout=300)


def problems_of(project: Project) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        load_site(read_settings(project.root / "mkdocs.yml"))
    return [str(problem) for problem in found.value.problems]


def leaked(folder: Path) -> list[str]:
    """Files under ``folder`` holding the build machine's passwd or environment."""
    out = []
    for path in folder.rglob("*") if folder.exists() else []:
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if PASSWD_LINE.encode() in data or CANARY.encode() in data:
                out.append(path.as_posix())
    return out


# -- symbolic links: the rule ---------------------------------------------------------------------

OUTSIDE = ("a symbolic link to a target outside the project folder "
           "(expected a file inside the project folder; copy the file in instead)")
DANGLING = "a symbolic link to a target that does not exist (expected a file inside the project folder)"
LOOP = "a symbolic link loop (expected a link that ends at a file inside the project folder)"

# (where the link is, relative to the project, what it points to, the expected problem line)
LINKS = [
    ("claims/passwd.yaml", "/etc/passwd", f"claims/passwd.yaml:1:1: (file): {OUTSIDE}"),
    ("claims/environ.yaml", "/proc/self/environ", f"claims/environ.yaml:1:1: (file): {OUTSIDE}"),
    ("claims/zero.yaml", "/dev/zero", f"claims/zero.yaml:1:1: (file): {OUTSIDE}"),
    ("content/articles/passwd.md", "/etc/passwd", f"content/articles/passwd.md:1:1: (file): {OUTSIDE}"),
    ("content/articles/environ.md", "/proc/self/environ", f"content/articles/environ.md:1:1: (file): {OUTSIDE}"),
    ("content/passwd.txt", "/etc/passwd", f"content/passwd.txt:1:1: (file): {OUTSIDE}"),
    ("content/environ.md", "/proc/self/environ", f"content/environ.md:1:1: (file): {OUTSIDE}"),
    ("content/assets/etc", "/etc", f"content/assets/etc:1:1: (file): {OUTSIDE}"),
    ("content/gone.txt", "nowhere.txt", f"content/gone.txt:1:1: (file): {DANGLING}"),
    ("claims/gone.yaml", "nowhere.yaml", f"claims/gone.yaml:1:1: (file): {DANGLING}"),
    ("content/loop.txt", "loop.txt", f"content/loop.txt:1:1: (file): {LOOP}"),
    ("claims/loop.yaml", "loop.yaml", f"claims/loop.yaml:1:1: (file): {LOOP}"),
]


def link(project: Project, where: str, target: str) -> None:
    path = project.root / where
    path.parent.mkdir(parents=True, exist_ok=True)
    os.symlink(target, path)


@pytest.mark.parametrize(("where", "target", "expected"), LINKS, ids=[where for where, _, _ in LINKS])
def test_a_link_that_leaves_the_project_is_refused_by_validate(tmp_path: Path, where: str, target: str,
                                                                expected: str) -> None:
    project = make_project(tmp_path / "project")
    link(project, where, target)
    assert problems_of(project) == [expected]
    result = run(project, sys.executable, "-m", "site_builder", "validate")
    assert result.returncode == 1
    assert expected in result.stderr.splitlines()
    assert PASSWD_LINE not in result.stdout + result.stderr and CANARY not in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(("where", "target", "expected"), [LINKS[1], LINKS[4], LINKS[5], LINKS[6], LINKS[7], LINKS[10]],
                         ids=["claim-environ", "article-environ", "static-passwd", "page-environ", "folder-etc", "loop"])
def test_the_build_stops_and_publishes_nothing_of_the_target(tmp_path: Path, where: str, target: str,
                                                            expected: str) -> None:
    project = make_project(tmp_path / "project")
    link(project, where, target)
    result = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr[-3000:]
    assert PASSWD_LINE not in result.stdout + result.stderr and CANARY not in result.stdout + result.stderr
    assert not leaked(project.root / "site")


def test_a_link_to_a_folder_outside_is_refused_before_mkdocs_walks_it(tmp_path: Path) -> None:
    # MkDocs collects docs_dir following links: checked after that, a link to /etc listed every file in
    # it in the log (and one to / never ended)
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "keys").mkdir(parents=True)
    for name in ("payroll-2026.txt", "keys/deploy-key.pem", "notes.md"):
        (elsewhere / name).write_text("private\n", encoding="utf-8")
    project = make_project(tmp_path / "project")
    link(project, "content/private", str(elsewhere))
    result = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"ERROR   -  content/private:1:1: (file): {OUTSIDE}", "1 problem found"]
    output = result.stdout + result.stderr
    assert not [name for name in ("payroll", "deploy-key", "keys", "notes.md") if name in output], output[-3000:]
    assert not (project.root / "site").exists()


def test_the_claims_folder_itself_may_not_lead_outside(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.yaml").write_text(CLAIM, encoding="utf-8")
    project = make_project(tmp_path / "project")
    for path in project.claims.iterdir():
        path.unlink()
    project.claims.rmdir()
    os.symlink(elsewhere, project.claims)
    assert problems_of(project) == [f"claims:1:1: (file): {OUTSIDE}"]


def test_a_static_file_collected_by_mkdocs_from_the_theme_overrides_is_checked(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  name: material\n",
                                                                  "  name: material\n  custom_dir: overrides\n"),
                      encoding="utf-8")
    link(project, "overrides/assets/passwd.txt", "/etc/passwd")
    result = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert result.returncode == 1
    assert f"overrides/assets/passwd.txt:1:1: (file): {OUTSIDE}" in result.stderr, result.stderr[-3000:]
    assert not leaked(project.root / "site")


def test_links_that_stay_inside_the_project_are_fine(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project.root / "shared").mkdir()
    (project.root / "shared" / "notes.txt").write_text("notes\n", encoding="utf-8")
    link(project, "content/notes.txt", "../shared/notes.txt")
    link(project, "content/shared", "../shared")
    result = project.build()
    assert result.returncode == 0, result.stderr[-3000:]
    assert (project.root / "site" / "notes.txt").read_text(encoding="utf-8") == "notes\n"


def test_a_link_in_the_share_card_cache_is_never_read_nor_published(tmp_path: Path) -> None:
    # the cache is only git-ignored (a pull request can add to it with git add -f) and a card's key is a
    # public hash: a card replaced by a link to the environment was published as the claim's og:image
    project = make_project(tmp_path / "project")
    assert run(project, sys.executable, "-m", "mkdocs", "build", "--strict").returncode == 0
    cards = sorted((project.root / ".cache/claims").glob("*/*.png"))
    assert len(cards) == 3
    for card in cards:
        card.unlink()
        os.symlink("/proc/self/environ", card)
    result = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "claims: drew 3 share card(s)" in result.stderr
    assert not leaked(project.root / "site")
    assert all(card.is_file() and not card.is_symlink() for card in cards)


def test_pruning_the_share_card_cache_never_leaves_it(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    assert run(project, sys.executable, "-m", "mkdocs", "build", "--strict").returncode == 0
    cache = project.root / ".cache/claims"
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "holiday.png").write_bytes(b"a person's picture")
    os.symlink(victim, cache / "zz")  # a folder in the cache leading elsewhere: never walked
    card_folder = next(cache.glob("*/*.png")).parent
    moved = tmp_path / "moved"
    card_folder.rename(moved)
    os.symlink(moved, card_folder)  # a card's own folder leading elsewhere: replaced, not written through
    result = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    assert (victim / "holiday.png").read_bytes() == b"a person's picture"
    assert [path.name for path in moved.iterdir()] == [path.name for path in card_folder.iterdir()]
    assert card_folder.is_dir() and not card_folder.is_symlink()


# Articles are untrusted: only <id>.md directly in the articles folder is read, as an article, and published
# escaped; MkDocs and Zensical would render anything else there as a page of their own, its HTML live.
LIVE_PAGE = "---\ntitle: x\n---\n<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 1\">\n"
ONLY_ARTICLES = ("(expected only articles, <id>.md, directly in content/articles: anything else there would be "
                 "published unchecked, scripts included; move it out of content/articles)")
ARTICLE_WITH_SCRIPT = ARTICLE + "\n<script>window.__pwned = 1</script>\n"  # an article: escaped on its page
TO_ARTICLES = ("a symbolic link to the articles in content/articles (expected no link to them: MkDocs would publish "
               "them again through it, unchecked, scripts included; remove the link)")


def test_the_articles_folder_holds_only_articles(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project.articles / "sub").mkdir()
    (project.articles / "sub" / "page.md").write_text(LIVE_PAGE, encoding="utf-8")
    (project.articles / "evil.markdown").write_text(LIVE_PAGE, encoding="utf-8")
    (project.articles / ".DS_Store").write_bytes(b"\0")  # hidden: left out by MkDocs, and by generate
    expected = [f"content/articles/evil.markdown:1:1: (file): not an article in content/articles {ONLY_ARTICLES}",
                f"content/articles/sub:1:1: (file): a folder in content/articles {ONLY_ARTICLES}"]
    assert problems_of(project) == expected
    validate = run(project, sys.executable, "-m", "site_builder", "validate")
    assert validate.returncode == 1 and set(expected) <= set(validate.stderr.splitlines()), validate.stderr
    build = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert build.returncode == 1 and all(line in build.stderr for line in expected), build.stderr[-3000:]
    assert "__pwned" not in "".join(path.read_text(encoding="utf-8", errors="replace")
                                    for path in (project.root / "site").rglob("*.html"))
    generate = run(project, sys.executable, "-m", "site_builder", "generate", "engine")
    assert generate.returncode == 1 and all(line in generate.stderr for line in expected), generate.stderr
    assert not (project.root / "engine").exists()


@pytest.mark.parametrize(("where", "target"), [("content/mirror", "articles"), ("content/copy.md", "articles/evil.md"),
                                               ("content/all", ".")])
def test_a_link_may_not_publish_the_articles_again(tmp_path: Path, where: str, target: str) -> None:
    project = make_project(tmp_path / "project")
    (project.articles / "evil.md").write_text(ARTICLE_WITH_SCRIPT, encoding="utf-8")
    link(project, where, target)
    expected = f"{where}:1:1: (file): {TO_ARTICLES}"
    assert problems_of(project) == [expected]
    validate = run(project, sys.executable, "-m", "site_builder", "validate")
    assert validate.returncode == 1 and expected in validate.stderr.splitlines(), validate.stderr
    build = run(project, sys.executable, "-m", "mkdocs", "build", "--strict")
    assert build.stderr.splitlines() == [f"ERROR   -  {expected}", "1 problem found"], build.stderr[-3000:]
    assert build.returncode == 1 and not (project.root / "site").exists()
    generate = run(project, sys.executable, "-m", "site_builder", "generate", "engine")
    assert generate.returncode == 1 and expected in generate.stderr, generate.stderr
    assert not (project.root / "engine").exists()


# -- reading: regular files only, never more than the limit ------------------------------------------


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    os.mkfifo(project.claims / "pipe.yaml")
    assert problems_of(project) == [
        "claims/pipe.yaml:1:1: (file): not a regular file but a named pipe (expected a text file)"]


def test_a_folder_named_like_a_claim_or_an_article_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    (project.claims / "folder.yaml").mkdir()
    (project.articles / "folder.md").mkdir()
    assert problems_of(project) == [
        "claims/folder.yaml:1:1: (file): not a regular file but a folder (expected a text file)",
        "content/articles/folder.md:1:1: (file): not a regular file but a folder (expected a text file)",
    ]


def test_reading_stops_at_the_limit_whatever_size_the_file_claims(tmp_path: Path) -> None:
    # /proc files say they are empty; the read must still stop one byte past the limit
    status = Path("/proc/self/status")
    assert status.stat().st_size == 0 and len(status.read_bytes()) > 100
    assert read_bounded(status, 100, None) == (None, "too large: more than 100 bytes (expected at most 100)")
    assert read_bounded(Path("/dev/zero"), 100, None) == (
        None, "not a regular file but a device (expected a text file)")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 101)
    assert read_bounded(big, 100, None) == (None, "too large: 101 bytes (expected at most 100)")


# -- reserved names --------------------------------------------------------------------------------

WINDOWS = ["con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9"]


def test_names_windows_reserves_are_refused_as_ids(tmp_path: Path) -> None:
    """Made here, not kept in the corpus: a file named con.yaml would break a Windows clone of this repository."""
    project = make_project(tmp_path / "project")
    for name, passage in zip(WINDOWS, other_passages(len(WINDOWS))):  # each its own passage: one claim per passage
        project.write_claim(name, quoting(passage))
    (project.articles / "aux.md").write_text((project.articles / "output-article.md").read_text(encoding="utf-8"),
                                             encoding="utf-8")
    reason = "Windows reserves it for a device: a clone on Windows would break"
    assert problems_of(project) == sorted(
        [f"claims/{name}.yaml:1:1: id: file name {name!r} is reserved (expected another id: {reason})" for name in WINDOWS]
        + [f"content/articles/aux.md:1:1: id: file name 'aux' is reserved (expected another id: {reason})"])


# -- pathological shapes for the YAML pre-checks ---------------------------------------------------


def _validate_in_subprocess(project: Project) -> list[str]:
    """Problem lines of `site-builder validate`; a hang is a failure (the old patterns took hours or
    years at these sizes: seconds would never be enough for them, and minutes are plenty for linear work)."""
    result = run(project, sys.executable, "-m", "site_builder", "validate")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    return [line for line in result.stderr.splitlines() if line.startswith("claims/")]


def test_the_nesting_check_is_linear_on_runs_of_dashes_and_spaces(tmp_path: Path) -> None:
    # 24 groups of '-   ' took hours with the old pre-check pattern (18 groups: 35 s; each group triples it)
    project = make_project(tmp_path / "project")
    (project.claims / "dashes.yaml").write_text("-   " * 24 + "x\n", encoding="utf-8")
    (project.claims / "dashes-deep.yaml").write_text("-   " * 4000 + "x\n", encoding="utf-8")
    (project.claims / "dashes-deep-broken.yaml").write_text(("-   " * 30 + "x\n") * 2000 + "-   " * 40 + ":\n",
                                                            encoding="utf-8")
    deep = "yaml: nested more than 32 levels deep (expected a flat record of fields)"
    lines = _validate_in_subprocess(project)
    assert lines == [
        f"claims/dashes-deep-broken.yaml:1:1: {deep}",
        f"claims/dashes-deep.yaml:1:1: {deep}",
        "claims/dashes.yaml:1:1: (file): wrong type: got a list (expected a mapping of fields: id, title, quote, "
        "article, appearances, claimant, attribution, rating, summary, context, sources, tags, related, aliases, authors, reviewers, reviewed, "
        "updated, corrections, status, provenance)",
    ]


def test_brackets_in_text_are_not_nesting_but_deep_flow_nesting_is_refused(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    passages = iter(other_passages(4))  # each claim its own passage and title: one claim per passage

    def another(name: str) -> str:
        return quoting(next(passages)).replace("title: Output rose by 40% last year", f"title: A claim on {name}")

    project.write_claim("brackets", another("brackets").replace("summary: Official figures show a 40% rise. The figure is for the whole year.",
                                                  'summary: "' + "[" * 900 + ' Official figures."'))
    project.write_claim("brackets-long", another("brackets-long").replace("summary: Official figures show a 40% rise. The figure is for the whole year.",
                                                       'summary: "' + "[" * 100_000 + ' Official"'))
    project.write_claim("tags", another("tags").replace("tags: [economy, output]", "tags: [" + ", ".join(f"t{n}" for n in range(6014)) + "]"))
    project.write_claim("aliases", another("aliases").replace("tags: [economy, output]", "aliases: [" + ", ".join(f"a{n}" for n in range(21)) + "]"))
    project.write_claim("flow", "title: " + "[" * 100_000 + "\n")
    project.write_claim("recursive", CLAIM.replace("tags: [economy, output]", "tags: &a [economy, *a]"))
    lines = _validate_in_subprocess(project)
    assert lines == [
        "claims/aliases.yaml:18:10: aliases: too many: 21 (expected at most 20)",
        "claims/brackets-long.yaml:7:10: summary: too long: 100009 characters (expected at most 1000)",
        "claims/flow.yaml:1:1: yaml: nested more than 32 levels deep (expected a flat record of fields)",
        "claims/recursive.yaml:1:1: yaml: the alias '*a' is inside its own anchor's value (expected the values written out)",
        "claims/tags.yaml:18:7: tags: too many: 6014 (expected at most 20)",
    ]


# -- pathological sizes: quote matching, the ellipsis splitter, the closest passage, extraction -------


def _bounded(code: str, seconds: int = 120) -> str:
    """Run ``code`` in a fresh interpreter and return its output; it must finish. The sizes below are
    where the old code took hours: no machine is slow enough for linear work to fail, or fast enough
    for the old shapes to pass."""
    import subprocess

    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=seconds, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


def test_quote_matching_is_linear_on_runs_of_dashes_and_spaces() -> None:
    # 12 groups of ' -  ' took 1.2 s with the old pattern, and each group multiplied the time by about 5
    assert _bounded(
        "from site_builder.quotes import find\n"
        "quote, text = 'x' + ' -  ' * 50_000 + 'y', 'x' + ' -  ' * 50_000 + 'z'\n"
        "print(find(quote, text), find(quote, text[:-1] + 'y'))") == f"None [Span(start=0, end={1 + 4 * 50_000 + 1})]"


def test_the_ellipsis_splitter_is_linear_in_runs_of_whitespace() -> None:
    # 120,000 spaces took 59 s (quadratic): 4,000,000 would take over an hour
    assert _bounded(
        "from site_builder.quotes import segments\n"
        "print([len(s) for s in segments('a' + ' ' * 4_000_000 + 'b … [ ' + ' ' * 4_000_000 + 'c')])") == "[4000002, 4000003]"


def test_an_article_is_made_canonical_once_for_all_its_quotes() -> None:
    from site_builder import quotes

    article = "Output rose — by 40 %  last year,\nthe minister said. " * 20_000
    quotes._canonical_with_offsets.cache_clear()
    for number in range(50):
        assert quotes.find(f"Output rose-by 40 % last year, the minister said {number}", article) is None
    assert quotes.find("Output rose - by 40 % last year, the minister", article) == [quotes.Span(0, 46)]
    assert quotes._canonical_with_offsets.cache_info().misses == 1


def test_the_closest_passage_compares_a_bounded_part_of_a_missing_quote(monkeypatch: pytest.MonkeyPatch) -> None:
    from site_builder import quotes

    compared: list[tuple[int, int]] = []
    real = quotes.fuzz.partial_ratio_alignment

    def counting(needle: str, haystack: str, **options: object):  # type: ignore[no-untyped-def]
        compared.append((len(needle), len(haystack)))
        return real(needle, haystack, **options)

    monkeypatch.setattr(quotes.fuzz, "partial_ratio_alignment", counting)
    article = "Output rose by forty percent last year, the minister said. " * 17_000  # 1 MB
    missing = "Exports doubled in the U.S. market, a record. " * 260  # 12,000 characters: 58 s before
    near = quotes.nearest(missing, article)
    # the start of the quote in the whole article, then its end only in the stretch after that place
    assert compared == [(quotes.NEAR_LIMIT, len(article)), (quotes.NEAR_LIMIT, 2 * quotes.WHOLE_LIMIT + quotes.NEAR_LIMIT)]
    assert near.similarity < 100 and len(near.passage) < 2 * quotes.WHOLE_LIMIT


def test_a_quote_longer_than_the_limit_is_refused_before_any_search(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    quote = "Output rose by 40% last year " * 420
    project.write_claim("long-quote", CLAIM.replace("quote: Output rose by 40% last year", f"quote: {quote}"))
    assert problems_of(project) == [
        f"claims/long-quote.yaml:2:8: quote: too long: {len(quote.strip())} characters (expected at most 2000)"]


def test_extraction_feeds_bounded_pieces_to_every_per_sentence_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """An article of unclosed quotation marks: sentencex took 71 s on 200,000 of them (quadratic), and
    attribution looked behind every verb of a 60 KB sentence (225 s). Work is bounded by what each
    step is given: pieces of at most LIBRARY_PIECE characters, sentences of at most SENTENCE_LIMIT."""
    import sentencex

    from site_builder.drafting import extract, sentences
    from site_builder.drafting.checkworthiness import default_model
    from site_builder.model import Article, ArticleMeta

    given: dict[str, list[int]] = {"library": [], "attribute": []}
    library, attribute_all = sentencex.get_sentence_boundaries, extract.attribute_all

    def counting_library(language: str, text: str):  # type: ignore[no-untyped-def]
        given["library"].append(len(text))
        return library(language, text)

    def counting_attribution(texts, *args, **options):  # type: ignore[no-untyped-def]
        given["attribute"] += [len(text) for text in texts]
        return attribute_all(texts, *args, **options)

    monkeypatch.setattr(sentencex, "get_sentence_boundaries", counting_library)
    monkeypatch.setattr(extract, "attribute_all", counting_attribution)
    body = "“" * 200_000 + "\n\n" + "“The minister said output rose " * 4_000 + "\n\n" + "“Output rose. " * 10_000 + "\n"
    meta = ArticleMeta(title="Output", outlet="example.news", url="https://example.news/", published="2025")
    found = extract.candidates(Article("unclosed", meta, body), default_model())
    assert given["library"] and max(given["library"]) <= sentences.LIBRARY_PIECE
    assert sum(given["library"]) <= len(body)
    assert len(given["attribute"]) == len(found) and max(given["attribute"]) <= extract.SENTENCE_LIMIT
    assert sum(given["attribute"]) <= len(body)


# -- tools never write what validate refuses ----------------------------------------------------------

FLAGS = ("--outlet", "x.news", "--url", "https://x.news/a", "--published", "2025-12-03")


def tool(project: Project, *args: str):  # type: ignore[no-untyped-def]
    return run(project, sys.executable, "-m", "site_builder", *args)


def files_of(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}


def assert_refused_or_valid(project: Project, result, written_before: set[str]) -> str:  # type: ignore[no-untyped-def]
    """The tool refused, in the house format and without a traceback, and wrote nothing; or it wrote
    files and the project still validates. The tool's message is returned."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    if result.returncode != 0:
        assert files_of(project.root) == written_before, "a refusing tool wrote a file"
        return result.stderr
    check = project.validate()
    assert check.returncode == 0, f"the tool wrote a file validate refuses:\n{check.stderr}"
    return result.stdout


@pytest.mark.parametrize("article_id", ["/tmp/sec-input-absolute", "../../outside", "con", "index", "2025", "A_B"])
def test_import_article_validates_the_id_before_anything(tmp_path: Path, article_id: str) -> None:
    project = make_project(tmp_path / "project")
    source = tmp_path / "story.txt"
    source.write_text("Port traffic rose\n\nPort traffic rose by 12% in November.\n", encoding="utf-8")
    before = files_of(project.root)
    result = tool(project, "import-article", str(source), "--id", article_id, *FLAGS)
    message = assert_refused_or_valid(project, result, before)
    assert result.returncode == 1
    assert f"--id {article_id!r}" in message or f"--id: {article_id!r}" in message, message
    assert not Path("/tmp/sec-input-absolute.md").exists() and not (tmp_path / "outside.md").exists()


FRONT_MATTER = {
    "python-tag": ("title: !!python/object/apply:os.system ['echo pwned']\n",
                   "{source}:2:8: yaml: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed "
                   "(expected plain values without tags)"),
    "non-string-key": ("title: Port traffic\n1: one\n",
                       "{source}: the front matter has a field name that is not text: 1 (expected field names such as "
                       "title, outlet, url, published)"),
    "brackets": ("title: Port traffic\nextra: " + "[" * 100_000 + "\n",
                 "{source}:2:1: yaml: nested more than 32 levels deep (expected a flat record of fields)"),
    "recursive-alias": ("title: Port traffic\nextra: &a [*a]\n",
                        "{source}:2:1: yaml: the alias '*a' is inside its own anchor's value (expected the values written out)"),
    "billion-laughs": ("title: Port traffic\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
                       "{source}:2:1: yaml: 27 aliases (expected at most 20: write the values out)"),
}


@pytest.mark.parametrize("case", sorted(FRONT_MATTER))
def test_import_article_refuses_hostile_front_matter_clearly(tmp_path: Path, case: str) -> None:
    front, expected = FRONT_MATTER[case]
    project = make_project(tmp_path / "project")
    source = tmp_path / "story.md"
    source.write_text(f"---\n{front}---\nPort traffic rose by 12% in November.\n", encoding="utf-8")
    before = files_of(project.root)
    result = tool(project, "import-article", str(source), "--id", "port-traffic", *FLAGS)
    message = assert_refused_or_valid(project, result, before)
    assert result.returncode == 1
    assert expected.format(source=source) in message.splitlines()[0], message


RUSSIAN = ("Министр заявил, что объём производства вырос на 40% в прошлом году. По данным министерства, "
           "экспорт в США удвоился. Эксперты отмечают, что цены снизились, но причины пока неясны. ") * 8


@pytest.mark.parametrize("declaration", ['<meta charset="windows-1251">',
                                         '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
                                         ""], ids=["meta-charset", "http-equiv", "undeclared"])
def test_a_windows_1251_page_is_decoded(tmp_path: Path, declaration: str) -> None:
    page = (f"<!doctype html><html lang=\"ru\"><head>{declaration}<title>Производство выросло</title></head><body>"
            f"<article><h1>Производство выросло</h1><p>{RUSSIAN}</p><p>{RUSSIAN}</p></article></body></html>")
    source = tmp_path / "page.html"
    source.write_bytes(page.encode("windows-1251"))
    project = make_project(tmp_path / "project")
    before = files_of(project.root)
    result = tool(project, "import-article", str(source), "--id", "proizvodstvo", *FLAGS)
    assert result.returncode == 0, result.stderr
    assert_refused_or_valid(project, result, before)
    text = (project.articles / "proizvodstvo.md").read_text(encoding="utf-8")
    assert "Министр заявил, что объём производства вырос на 40%" in text
    assert 'title: "Производство выросло"' in text


def test_a_page_whose_text_is_over_the_article_limit_is_not_written(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{n}: " + f"Port traffic rose by {n} percent in November, the authority said. " * 40
                         + "</p>\n" for n in range(1200))  # distinct: trafilatura drops repeated paragraphs
    source = tmp_path / "big.html"
    source.write_text("<html><head><title>Port traffic</title></head><body><article>" + paragraphs
                      + "</article></body></html>", encoding="utf-8")
    assert source.stat().st_size > 3_000_000
    project = make_project(tmp_path / "project")
    before = files_of(project.root)
    result = tool(project, "import-article", str(source), "--id", "big", *FLAGS)
    message = assert_refused_or_valid(project, result, before)
    assert result.returncode == 1
    assert message.startswith("Error: content/articles/big.md was not written; the article would not validate:\n"
                              "(file): too large: ") and message.endswith(" bytes (expected at most 2,097,152)\n")


def test_import_article_refuses_a_device_or_a_pipe_as_its_source(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    before = files_of(project.root)
    result = tool(project, "import-article", "/dev/zero", "--id", "zero", *FLAGS)
    assert assert_refused_or_valid(project, result, before).strip().endswith(
        "/dev/zero: not a regular file but a device (expected a text file)")


HOSTILE_ARTICLE = """\
---
title: "Minister Says Output Rose Sharply"
outlet: example.news
url: https://example.news/output
published: 2025-12-03
---
Output rose by 40% last year in the \u202eeastern\u202c region, the minister said on Monday.

The ministry said exports doubled to \x1b[31m9 billion dollars\x1b[0m in 2025, a record.

Officials claimed that prices fell by 12% in March\uffff, the lowest in a decade.

2025

Con.

The minister said inflation fell to 3% in 2025, the lowest in four years.
"""


def test_extract_never_drafts_what_validate_refuses(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    project.write_article("hostile", HOSTILE_ARTICLE)
    assert project.validate().returncode == 0
    before = files_of(project.root)
    result = tool(project, "extract", "hostile", "--min-score", "0", "--top", "100", "--format", "json")
    assert_refused_or_valid(project, result, before)
    import json

    rows = json.loads(result.stdout)
    created = [row for row in rows if row["action"] == "created"]
    skipped = {row["quote"][:12]: row["reason"] for row in rows if row["action"] == "skipped"}
    assert created, rows
    assert not [row["file"] for row in created if Path(row["file"]).stem in ("2025", "con")]
    for row in created:
        text = (project.root / row["file"]).read_text(encoding="utf-8")
        assert not [c for c in "\u202e\u202c\x1b\uffff" if c in text], row["file"]
    assert not [reason for reason in skipped.values() if not reason.startswith(("would not validate", "overlaps"))]
    # the first sentence holds the words of the project's claim: it repeats it, and is never drafted; its
    # U+202E keeps it from being added to that claim as an appearance, since validate would refuse that too
    repeats = {row["quote"][:12]: row["repeats"]["claim"] for row in rows if row["action"] == "repeats"}
    assert repeats["Output rose "] == "output-rose-40-percent", rows
    claim = (project.claims / "output-rose-40-percent.yaml").read_bytes()
    added = tool(project, "extract", "hostile", "--min-score", "0", "--top", "100", "--format", "json", "--add-appearances")
    assert added.returncode == 0, added.stderr
    row = next(row for row in json.loads(added.stdout) if row["quote"].startswith("Output rose "))
    assert row["action"] == "repeats" and row["reason"].startswith(
        "would not validate: appearances[0].quote: contains an invisible control character U+202E"), row
    assert (project.claims / "output-rose-40-percent.yaml").read_bytes() == claim


def test_new_validates_its_id_and_never_writes_what_validate_refuses(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    project.write_article("hostile", HOSTILE_ARTICLE)
    before = files_of(project.root)
    for claim_id in ("../../x", "/tmp/sec-input-new", "con", "2025", "index"):
        result = tool(project, "new", "--article", "hostile", "--quote", "Con.", "--id", claim_id)
        assert "--id" in assert_refused_or_valid(project, result, before) and result.returncode == 1
    assert not (tmp_path / "x.yaml").exists() and not Path("/tmp/sec-input-new.yaml").exists()
    hidden = tool(project, "new", "--article", "hostile", "--quote", "Output rose by 40% last year in the \u202eeastern")
    message = assert_refused_or_valid(project, hidden, before)
    assert "quote: contains an invisible control character U+202E" in message and hidden.returncode == 1
    year = tool(project, "new", "--article", "hostile", "--quote", "2025")
    assert_refused_or_valid(project, year, before)
    assert year.returncode == 0 and (project.claims / "claim-2025.yaml").exists()
