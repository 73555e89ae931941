"""Every kind of problem in a contributor's files, checked word for word."""

from __future__ import annotations

import os

import sys

import pytest

from site_builder.errors import ProblemsFound, closest
from site_builder.config import read_settings
from site_builder.project import load_project, load_site
from site_builder.validate import difference, quote_not_found

from .conftest import ARTICLE, CLAIM, CLAIM_ELSEWHERE, Project, other_passages, quoting


def problems(project: Project) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        load_site(read_settings(project.root / "mkdocs.yml"))
    return [str(p) for p in found.value.problems]


def test_the_fixture_project_is_valid(project: Project) -> None:
    site = load_site(read_settings(project.root / "mkdocs.yml"))
    assert sorted(site.claims) == ["exports-doubled", "output-rose-40-percent", "prices-fell"]
    assert [c.id for c in site.published] == ["exports-doubled", "output-rose-40-percent"]


CASES = {
    "yaml syntax": (
        CLAIM_ELSEWHERE.replace("quote: the minister said on Monday", "quote: [unclosed"),
        ["claims/bad.yaml:2:8: yaml: the '[' that opens this value is not closed (expected a ']' at the end of the "
         "value, on the same line)"],
    ),
    "not a mapping": (
        "- one\n- two\n",
        ["claims/bad.yaml:1:1: (file): wrong type: got a list (expected a mapping of fields: id, title, quote, "
         "article, appearances, claimant, attribution, rating, summary, context, sources, tags, related, aliases, authors, reviewers, reviewed, "
         "updated, corrections, status, provenance)"],
    ),
    "unknown field": (
        CLAIM_ELSEWHERE.replace("rating: supported", "ratng: supported"),
        ["claims/bad.yaml:6:1: ratng: unknown field (did you mean 'rating'?)"],
    ),
    "missing fields": (
        CLAIM_ELSEWHERE.replace("claimant: The minister\n", "").replace("title: The minister spoke on Monday\n", ""),
        ["claims/bad.yaml:1:1: claimant: required field is missing (expected who made the claim: a person, an "
         "organisation, or the article's outlet)",
         "claims/bad.yaml:1:1: title: required field is missing (expected the claim in one neutral sentence, "
         "at most 120 characters)"],
    ),
    "wrong types": (
        CLAIM_ELSEWHERE.replace("tags: [economy, output]", "tags: economy").replace("claimant: The minister", "claimant: 42"),
        ["claims/bad.yaml:4:11: claimant: wrong type: got a number (expected text; put it in quotes: \"42\")",
         "claims/bad.yaml:18:7: tags: wrong type: got text (expected a list)"],
    ),
    "bad dates": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2026-13-01").replace("published: 2026-01-10", "published: last week"),
        ["claims/bad.yaml:16:16: sources[0].published: not a valid date: 'last week' (expected YYYY-MM-DD, or "
         "YYYY-MM or YYYY when the day is unknown)",
         "claims/bad.yaml:20:11: reviewed: 2026-13-01 is not a date: there is no month 13 (expected YYYY-MM-DD)"],
    ),
    "rating not on the scale": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"),
        ["claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale (expected one of: supported, "
         "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)"],
    ),
    "unquoted false": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: false"),
        ["claims/bad.yaml:6:9: rating: wrong type: got true/false (expected text; put it in quotes: \"false\")"],
    ),
    "rating that is no typo of one on the scale": (  # never 'did you mean' a rating that flips the verdict
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: partly-false"),
        ["claims/bad.yaml:6:9: rating: 'partly-false' is not on the rating scale (expected one of: supported, "
         "partly-supported, misleading, unsupported, false, cannot-verify)"],
    ),
    "rating written as a number": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: 3"),
        ["claims/bad.yaml:6:9: rating: '3' is not on the rating scale (expected one of: supported, "
         "partly-supported, misleading, unsupported, false, cannot-verify)"],
    ),
    "attribution left empty": (
        CLAIM_ELSEWHERE.replace("attribution: reported", "attribution:"),
        ["claims/bad.yaml:5:13: attribution: is empty (expected one of: direct, reported, vague, none)"],
    ),
    "a number as a field name": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: supported\n12: twelve"),
        ["claims/bad.yaml:7:1: 12: unknown field (expected one of: id, title, quote, article, appearances, claimant, "
         "attribution, rating, summary, context, sources, tags, related, aliases, authors, reviewers, reviewed, "
         "updated, corrections, status, provenance)"],
    ),
    "attribution not allowed": (
        CLAIM_ELSEWHERE.replace("attribution: reported", "attribution: reportd"),
        ["claims/bad.yaml:5:14: attribution: 'reportd' is not allowed (expected one of: direct, reported, vague, "
         "none; did you mean 'reported'?)"],
    ),
    "unknown article": (
        CLAIM_ELSEWHERE.replace("article: output-article", "article: output-articel"),
        ["claims/bad.yaml:3:10: article: no article 'output-articel' (expected the id of a file in "
         "content/articles; did you mean 'output-article'?)"],
    ),
    "unknown related claim": (
        CLAIM_ELSEWHERE.replace("related: [exports-doubled]", "related: [exports-doubld]"),
        ["claims/bad.yaml:19:11: related[0]: no claim 'exports-doubld' (expected the id of a file in claims/; "
         "did you mean 'exports-doubled'?)"],
    ),
    "non-http url": (
        CLAIM_ELSEWHERE.replace("url: https://stats.example.org/output", "url: javascript:alert(1)"),
        ["claims/bad.yaml:14:10: sources[0].url: not an http(s) URL: 'javascript:alert(1)' (expected a link "
         "starting with http:// or https://)"],
    ),
    "backslash in a url": (  # browsers go to evil.example; urlsplit, link checkers and reviewers see tass.com
        CLAIM_ELSEWHERE.replace("url: https://stats.example.org/output",
                                'url: "https://evil.example\\\\@tass.com/politics/2052267"'),
        ["claims/bad.yaml:14:10: sources[0].url: a backslash in an http(s) URL: "
         "'https://evil.example\\\\@tass.com/politics/2052267' (expected / between the parts of a link: browsers "
         "read \\ as /, so the link could lead to another site than it shows)"],
    ),
    "user name in a url": (
        CLAIM_ELSEWHERE.replace("url: https://stats.example.org/output", "url: https://tass.com@evil.example/politics"),
        ["claims/bad.yaml:14:10: sources[0].url: a name and @ before the site in an http(s) URL: "
         "'https://tass.com@evil.example/politics' (expected the site's address right after http:// or https://: "
         "readers take the part before @ for the site, but the link goes to the part after it)"],
    ),
    "quote not in the article": (
        CLAIM.replace("quote: Output rose by 40% last year", "quote: Output rose by 45% last year"),
        ["claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact "
         "words; the article has \"40%\", the quote has \"45%\"; closest passage, 96% similar: \"Output rose by 40% last year,\")"],
    ),
    "title too long": (
        CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday", "title: " + "x" * 121),
        ["claims/bad.yaml:1:8: title: too long: 121 characters (expected at most 120)"],
    ),
    "markup in a title": (
        CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday", "title: Output <b>rose</b>"),
        ["claims/bad.yaml:1:8: title: contains markup: 'Output <b>rose</b>' (expected plain text without "
         "'<', '>' or '&...;')"],
    ),
    "published without a rating": (
        CLAIM_ELSEWHERE.replace("rating: supported\n", ""),
        ["claims/bad.yaml:1:1: rating: required to publish (expected a rating id from the rating scale, or "
         "status: draft)"],
    ),
    "id that does not match the file": (
        "id: another-id\n" + CLAIM_ELSEWHERE,
        ["claims/bad.yaml:1:5: id: 'another-id' does not match the file name (expected 'bad', or no id field)"],
    ),
    "bad tag": (
        CLAIM_ELSEWHERE.replace("tags: [economy, output]", "tags: [economy, Big Output]"),
        ["claims/bad.yaml:18:17: tags[1]: not a valid id: 'Big Output' (expected lowercase ASCII letters, "
         "digits and single hyphens, like 's400-deal'; did you mean 'big-output'?)"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_problem_messages_word_for_word(project: Project, case: str) -> None:
    text, expected = CASES[case]
    project.write_claim("bad", text)
    assert problems(project) == expected


def test_every_problem_is_reported_in_one_run(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: nope"))
    project.write_claim("worse", "title: [\n")
    project.write_claim("output-rose-40-percent", CLAIM.replace("related: [exports-doubled]", "related: [gone]"))
    found = problems(project)
    assert [line.split(":")[0] for line in found] == ["claims/bad.yaml", "claims/output-rose-40-percent.yaml",
                                                      "claims/worse.yaml"]


def test_a_syntax_error_does_not_hide_the_other_fields_problems(project: Project) -> None:
    # the field the error is in is left out and the rest checked, at the lines as written
    broken = CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday", 'title: The minister: "spoke" on Monday')
    project.write_claim("bad", broken.replace("rating: supported", "rating: suported").replace("related: [exports-doubled]",
                                                                                               "related: [gone]"))
    assert problems(project) == [
        "claims/bad.yaml:1:20: yaml: an unquoted ': ' in the value of 'title' (expected the value in quotes: "
        'title: "The minister: \\"spoke\\" on Monday")',
        "claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
        "claims/bad.yaml:19:11: related[0]: no claim 'gone' (expected the id of a file in claims/)",
    ]


def test_syntax_errors_in_two_fields_are_both_reported_in_one_run(project: Project) -> None:
    # the second shows once the first one's field is left out; each at its own line, with its fix
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday", 'title: The minister: "spoke"')
                        .replace("rating: supported", "rating: *supported"))
    assert problems(project) == [
        "claims/bad.yaml:1:20: yaml: an unquoted ': ' in the value of 'title' (expected the value in quotes: "
        'title: "The minister: \\"spoke\\"")',
        "claims/bad.yaml:6:9: yaml: a value that starts with '*', which YAML does not allow unquoted (expected the "
        'value in quotes: rating: "*supported")',
    ]


def test_a_field_that_lost_its_colon_is_left_out_and_a_second_mistake_reported_too(project: Project) -> None:
    # 'title The minister...' is a field without its ':', not a line of the field above: left out alone, so
    # the next mistake (a rating not on the scale) shows in the same run
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday", "title The minister spoke on Monday")
                        .replace("rating: supported", "rating: suported"))
    assert problems(project) == [
        "claims/bad.yaml:1:1: yaml: no ':' after the field name 'title' (expected a field name, ':', a space, then its "
        "value: 'title: The minister spoke on Monday')",
        "claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
    ]


def test_after_a_syntax_error_a_field_left_out_is_not_called_missing(project: Project) -> None:
    # a draft whose status is in the field left out is not told what publishing needs
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("status: published", "status: draft: for now")
                        .replace("rating: supported\n", ""))
    assert problems(project) == [
        "claims/bad.yaml:20:14: yaml: an unquoted ': ' in the value of 'status' (expected the value in quotes: "
        'status: "draft: for now")',
    ]


def test_a_quote_left_open_is_left_out_with_its_field_not_read_into_the_next(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday",
                                                       'title: "The minister spoke on Monday')
                        .replace("rating: supported", 'rating: "suported"'))
    assert problems(project) == [
        'claims/bad.yaml:1:8: yaml: the quotation mark (") that opens this value is not closed on its line (expected '
        'a closing " at the end of the value; as written, the value runs on to line 6)',
        "claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
    ]


def test_a_syntax_error_in_an_article_does_not_hide_its_other_problems(project: Project) -> None:
    # and the claims that quote it are still checked against its text
    project.write_article("output-article", ARTICLE.replace('title: "Minister Says Output Rose Sharply"',
                                                            'title: "Minister Says "Output" Rose Sharply"')
                          .replace("url: https://example.news/output", "url: example.news/output"))
    project.write_claim("bad", quoting("Output fell by 40% last year", CLAIM_ELSEWHERE))
    assert problems(project) == [
        "claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact words; the "
        'article has "rose", the quote has "fell"; closest passage, 89% similar: "Output rose by 40% last year,")',
        "content/articles/output-article.md:2:8: yaml: quotation marks inside a value in double quotes end it early "
        "(expected the value in single quotes: title: 'Minister Says \"Output\" Rose Sharply')",
        "content/articles/output-article.md:4:6: url: not an http(s) URL: 'example.news/output' (expected a link "
        "starting with http:// or https://)",
    ]


def test_a_syntax_error_in_a_file_that_is_no_mapping_of_fields_is_reported_alone(project: Project) -> None:
    project.write_claim("bad", "- title: x\n  quote: [unclosed\n")
    assert problems(project) == [
        "claims/bad.yaml:2:10: yaml: the '[' that opens this value is not closed (expected a ']' at the end of the "
        "value, on the same line)",
    ]


def test_a_list_item_out_of_line_is_named(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("    note: The annual figure.", "    note: The annual figure.\n"
                                                       " - title: Second\n   url: https://stats.example.org/second"))
    assert problems(project) == [
        "claims/bad.yaml:18:2: yaml: a list item indented by 1 space, unlike the item above it (expected 2 spaces "
        "before the '-', as above)",
    ]


def test_two_files_with_one_id(project: Project) -> None:
    project.write_claim("copy", "id: exports-doubled\n" + CLAIM_ELSEWHERE)
    assert problems(project) == [
        "claims/copy.yaml:1:5: id: 'exports-doubled' is already the id of claims/exports-doubled.yaml "
        "(expected 'copy', or no id field)"
    ]


def test_quote_matching_ignores_whitespace_quotes_and_dashes(project: Project) -> None:
    project.write_claim("typography", CLAIM.replace(
        "quote: Output rose by 40% last year",
        "quote: \"exports doubled in the U.S.   market: \\\"a record,\\\" […] Reports indicate\""))
    load_site(read_settings(project.root / "mkdocs.yml"))


def test_article_without_front_matter(project: Project) -> None:
    project.write_article("plain", "Just text.\n")
    assert problems(project) == [
        "content/articles/plain.md:1:1: front matter: missing (expected the file to start with a line '---', "
        "then YAML fields, then a line '---', then the article text)"
    ]


def test_article_front_matter_problems_point_at_their_lines(project: Project) -> None:
    project.write_article("broken", "---\ntitle: A title\noutlet: x.news\nurl: ftp://x.news/a\npublished: soon\n---\nText.\n")
    assert problems(project) == [
        "content/articles/broken.md:4:6: url: not an http(s) URL: 'ftp://x.news/a' (expected a link starting "
        "with http:// or https://)",
        "content/articles/broken.md:5:12: published: not a valid date: 'soon' (expected YYYY-MM-DD, or YYYY-MM "
        "or YYYY when the day is unknown)",
    ]


def test_cli_validate_exit_codes(project: Project) -> None:
    ok = project.validate()
    assert (ok.returncode, ok.stdout) == (0, "OK: 2 published claims, 1 drafts, 1 articles; 0 errors, 0 warnings\n")
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"))
    failed = project.validate()
    assert failed.returncode == 1
    assert failed.stderr.splitlines() == [
        "claims/bad.yaml:6:9: rating: 'suported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
        "1 error, 0 warnings found",
    ]


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "broken"])
def test_validate_ends_its_process_with_the_output_and_status_of_an_ordinary_exit(
        project: Project, broken: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the command line (python -m site_builder, the site-builder script) validate's process ends as soon
    as its output is written, without Python's teardown: what it writes, and its exit status, are what the
    same command run in this process writes and returns, where nothing ends early."""
    import gc
    from pathlib import Path

    from click.testing import CliRunner

    from site_builder.cli import main

    if broken:
        project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"))
    monkeypatch.chdir(project.root)
    for output in ("json", "github", "text"):
        module = project.run(sys.executable, "-m", "site_builder", "validate", "--format", output)
        script = project.run(str(Path(sys.executable).parent / "site-builder"), "validate", "--format", output)
        try:
            here = CliRunner().invoke(main, ["validate", "--format", output])
        finally:
            gc.enable()  # validate turns the collector off for the rest of its process: this one goes on
        assert module.returncode == script.returncode == here.exit_code == (1 if broken else 0)
        assert module.stdout == script.stdout == here.stdout
        assert module.stderr == script.stderr == here.stderr and module.stdout + module.stderr
    assert ("1 error, 0 warnings found" in module.stderr) if broken else ("1 error" not in module.stderr)


HOSTILE_FILES = {
    "duplicate key": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: supported\nrating: false").encode(),
        ["claims/bad.yaml:7:1: yaml: duplicate key 'rating' (expected each field once; it is also on line 6)"],
    ),
    "python tag": (
        b"title: !!python/object/apply:os.system ['echo owned']\n",
        ["claims/bad.yaml:1:8: yaml: the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed "
         "(expected plain values without tags)"],
    ),
    "billion laughs": (
        b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        b"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
        ["claims/bad.yaml:1:1: yaml: 27 aliases (expected at most 20: write the values out)"],
    ),
    "tab indentation": (
        CLAIM.replace("  - title: Output statistics", "\t- title: Output statistics").encode(),
        ["claims/bad.yaml:13:1: yaml: a tab in the indentation (expected spaces: YAML does not allow tabs for indenting; replace the tab with spaces)"],
    ),
    "not utf-8": (
        b"title: caf\xe9\n",
        ["claims/bad.yaml:1:11: (file): not UTF-8 text: byte 0xe9 (expected a UTF-8 text file)"],
    ),
    "byte order mark": (
        b"\xef\xbb\xbf" + CLAIM.encode(),
        ["claims/bad.yaml:1:1: (file): starts with a byte order mark (expected UTF-8 without BOM; save it without "
         "BOM)"],
    ),
    "empty": (b"\n  \n", ["claims/bad.yaml:1:1: (file): is empty (expected the claim's fields in YAML)"]),
    "binary": (b"\x89PNG\r\n\x1a\n\0\0", ["claims/bad.yaml:1:1: (file): binary content: a NUL byte (expected a UTF-8 "
                                         "text file)"]),
    "too large": (b"title: " + b"x" * 300_000 + b"\n",
                  ["claims/bad.yaml:1:1: (file): too large: 300,008 bytes (expected at most 262,144)"]),
    "a scalar": (b"just some text\n", ["claims/bad.yaml:1:1: (file): wrong type: got text (expected a mapping of "
                                      "fields: id, title, quote, article, appearances, claimant, attribution, rating, summary, "
                                      "context, sources, tags, related, aliases, authors, reviewers, reviewed, updated, corrections, "
                                      "status, provenance)"]),
    "right-to-left override": (
        CLAIM_ELSEWHERE.replace("claimant: The minister", "claimant: The minister \u202eetirw").encode(),
        ["claims/bad.yaml:4:24: claimant: contains an invisible control character U+202E (expected visible text "
         "only)"],
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE_FILES))
def test_hostile_files_are_refused_precisely(project: Project, case: str) -> None:
    data, expected = HOSTILE_FILES[case]
    (project.claims / "bad.yaml").write_bytes(data)
    project.write_claim("also-bad", quoting("According to the ministry", CLAIM).replace("rating: supported", "rating: nope"))
    found = problems(project)
    assert [p for p in found if p.startswith("claims/bad.yaml")] == expected
    assert any(p.startswith("claims/also-bad.yaml:6:9: rating:") for p in found)  # the others still reported


def test_look_alike_letters_in_a_file_name_are_refused(project: Project) -> None:
    project.write_claim("output-r\u043ese", CLAIM_ELSEWHERE)  # Cyrillic o
    assert problems(project)[0] == (
        "claims/output-r\u043ese.yaml:1:1: id: file name is not a valid id: 'output-r\u043ese' (expected lowercase "
        "ASCII letters, digits and single hyphens, like 's400-deal.yaml')")


def test_huge_article_is_refused(project: Project) -> None:
    project.write_article("huge", "---\ntitle: T\n---\n" + "word " * 500_000)
    assert "content/articles/huge.md:1:1: (file): too large: 2,500,017 bytes (expected at most 2,097,152)" in problems(project)


def test_large_folders_parse_in_worker_processes_with_the_same_result(project: Project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from site_builder import load

    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"))
    (project.claims / "broken.yaml").write_text("title: [\n", encoding="utf-8")
    sequential = problems(project)
    monkeypatch.setattr(load, "PARALLEL_FROM", 1)
    assert problems(project) == sequential
    assert len(sequential) == 2


def test_a_broken_claim_does_not_break_the_claims_that_link_to_it(project: Project) -> None:
    project.write_claim("exports-doubled", CLAIM_ELSEWHERE.replace("attribution: reported\n", ""))  # linked from the other
    assert problems(project) == [
        "claims/exports-doubled.yaml:1:1: attribution: required field is missing (expected how the article "
        "attributes the claim: direct, reported, vague or none)",
        "claims/exports-doubled.yaml:18:11: related[0]: the claim lists itself (expected another claim's id)",
    ]


def test_a_broken_article_is_reported_once_not_again_in_each_claim_citing_it(project: Project) -> None:
    project.write_article("output-article", ARTICLE.replace("url: https://example.news/output", "url: ftp://example.news/output"))
    for number, passage in enumerate(other_passages(8)):
        project.write_claim(f"more-{number}", quoting(passage, CLAIM.replace("related: [exports-doubled]", "related: []")))
    loaded = load_project(read_settings(project.root / "mkdocs.yml"))
    assert [str(p) for p in loaded.errors] == [
        "content/articles/output-article.md:4:6: url: not an http(s) URL: 'ftp://example.news/output' "
        "(expected a link starting with http:// or https://)"
    ]
    assert loaded.article_files == {"output-article"} and not loaded.articles
    assert len(loaded.claim_files) == len(loaded.claims) == 11  # every claim loaded; only the article failed



def test_a_claim_file_with_the_wrong_extension_is_reported_once(project: Project) -> None:
    (project.claims / "exports-doubled.yaml").rename(project.claims / "exports-doubled.yml")
    assert problems(project) == ["claims/exports-doubled.yml:1:1: (file): wrong file extension '.yml' (expected '.yaml')"]


def test_hidden_files_in_the_claims_folder_are_never_claims(project: Project) -> None:
    """An editor's lock (Emacs: a link to nowhere while a claim has unsaved changes), a macOS copy's
    metadata and a hidden copy of a claim are left alone, and the real problem is reported."""
    os.symlink("editor@laptop.12345:1764500000", project.claims / ".#exports-doubled.yaml")
    (project.claims / "._exports-doubled.yaml").write_bytes(b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X")
    (project.claims / ".exports-doubled.yaml").write_text((project.claims / "exports-doubled.yaml").read_text())
    claim = project.claims / "exports-doubled.yaml"
    claim.write_text(claim.read_text().replace("rating: misleading", "rating: misleadin"))
    line = claim.read_text().split("\n").index("rating: misleadin") + 1
    assert problems(project) == [
        f"claims/exports-doubled.yaml:{line}:9: rating: 'misleadin' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'misleading'?)"]


def test_a_tag_or_related_claim_listed_twice_is_reported_at_its_second_place(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("related: [exports-doubled]", "related: [exports-doubled, exports-doubled]")
                        .replace("tags: [economy, output]", "tags: [economy, output, economy]"))
    text = (project.claims / "bad.yaml").read_text().split("\n")
    tags, related = (next(n for n, line in enumerate(text, 1) if line.startswith(name)) for name in ("tags:", "related:"))
    assert problems(project) == [
        f"claims/bad.yaml:{tags}:25: tags[2]: 'economy' is listed twice, as tags[0] too (expected each tag once: remove one)",
        f"claims/bad.yaml:{related}:28: related[1]: 'exports-doubled' is listed twice, as related[0] too (expected each "
        "claim once: remove one)",
    ]


FIVE_MISTAKES = (
    CLAIM.replace("claimant: The minister", "claimnt: The minister")
    .replace("rating: supported", "rating: Supported")
    .replace("quote: Output rose by 40% last year", "quote: Output rose by 45% last year")
    .replace("reviewed: 2026-01-12", "reviewed: 2026-02-30")
    .replace("url: https://stats.example.org/output", "url: stats.example.org/output")
)


def test_five_mistakes_in_one_claim_are_all_reported_in_one_run(project: Project) -> None:
    project.write_claim("bad", FIVE_MISTAKES)
    assert problems(project) == [
        "claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact words; "
        "the article has \"40%\", the quote has \"45%\"; closest passage, 96% similar: \"Output rose by 40% last year,\")",
        "claims/bad.yaml:4:1: claimnt: unknown field (did you mean 'claimant'?)",
        "claims/bad.yaml:6:9: rating: 'Supported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
        "claims/bad.yaml:14:10: sources[0].url: not an http(s) URL: 'stats.example.org/output' (expected a link "
        "starting with http:// or https://)",
        "claims/bad.yaml:20:11: reviewed: 2026-02-30 is not a date: February 2026 has 28 days (expected a day from 01 "
        "to 28)",
    ]


DATE_CASES = {
    "review in the future": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2099-01-12"),
        "claims/bad.yaml:20:11: reviewed: 2099-01-12 is after the build date {today} (expected a date that has passed)",
    ),
    "update in the future": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2026-01-12\nupdated: 2099-03-01"),
        "claims/bad.yaml:21:10: updated: 2099-03-01 is after the build date {today} (expected a date that has passed)",
    ),
    "correction in the future": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2026-01-12\ncorrections:\n  - date: 2099-03-01\n    note: Fixed."),
        "claims/bad.yaml:22:11: corrections[0].date: 2099-03-01 is after the build date {today} (expected a date "
        "that has passed)",
    ),
    "reviewed before the article was published": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2025-11-02"),
        "claims/bad.yaml:20:11: reviewed: 2025-11-02 is before the article was published (2025-12-03) (expected "
        "the date of a review of the published article)",
    ),
    "no such month": (
        CLAIM_ELSEWHERE.replace("reviewed: 2026-01-12", "reviewed: 2026-13-01"),
        "claims/bad.yaml:20:11: reviewed: 2026-13-01 is not a date: there is no month 13 (expected YYYY-MM-DD)",
    ),
    "leap day in a common year": (
        CLAIM_ELSEWHERE.replace("published: 2026-01-10", "published: 2025-02-29"),
        "claims/bad.yaml:16:16: sources[0].published: 2025-02-29 is not a date: February 2025 has 28 days (expected "
        "a day from 01 to 28)",
    ),
    "rating in capitals": (
        CLAIM_ELSEWHERE.replace("rating: supported", "rating: Misleading"),
        "claims/bad.yaml:6:9: rating: 'Misleading' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'misleading'?)",
    ),
    "tag in capitals": (
        CLAIM_ELSEWHERE.replace("tags: [economy, output]", "tags: [economy, Output]"),
        "claims/bad.yaml:18:17: tags[1]: not a valid id: 'Output' (expected lowercase ASCII letters, digits and "
        "single hyphens, like 's400-deal'; did you mean 'output'?)",
    ),
    "one word changed in the quote": (
        CLAIM.replace("quote: Output rose by 40% last year", "quote: Reports indicate that prices fallen"),
        "claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact words; "
        "the article has \"fell\", the quote has \"fallen\"; closest passage, 91% similar: \"Reports indicate "
        "that prices fell.\")",
    ),
}


@pytest.mark.parametrize("case", sorted(DATE_CASES))
def test_messages_name_the_fix(project: Project, case: str) -> None:
    import datetime as dt

    text, expected = DATE_CASES[case]
    project.write_claim("bad", text)
    assert problems(project) == [expected.format(today=dt.date.today().isoformat())]


YAML_MISTAKES = {
    "top-level key indented": (
        CLAIM.replace("quote: Output", " quote: Output"),
        "claims/bad.yaml:2:7: yaml: the field 'quote' is indented by 1 space (expected top-level fields at the "
        "start of the line: remove the spaces before it)",
    ),
    "list after key: []": (
        CLAIM_ELSEWHERE.replace("related: [exports-doubled]", "related: []\n  - exports-doubled"),
        "claims/bad.yaml:20:3: yaml: a list item after 'related: []', which already ends the list (expected "
        "'related:' alone on its line above the items: delete the '[]')",
    ),
    "unquoted colon": (
        CLAIM_ELSEWHERE.replace("summary: Official figures", "summary: Note: official figures"),
        "claims/bad.yaml:7:14: yaml: an unquoted ': ' in the value of 'summary' (expected the value in quotes: "
        "summary: \"Note: official figures show a 40% rise. The figure is for the whole year.\")",
    ),
    "no space after the dash": (
        CLAIM_ELSEWHERE.replace("tags: [economy, output]", "tags:\n  -economy\n  - output"),
        "claims/bad.yaml:19:3: yaml: no space after '-' (expected a space between '-' and the item: '- economy')",
    ),
    "tab": (
        CLAIM_ELSEWHERE.replace("  - title: Output statistics", "\t- title: Output statistics"),
        "claims/bad.yaml:13:1: yaml: a tab in the indentation (expected spaces: YAML does not allow tabs for "
        "indenting; replace the tab with spaces)",
    ),
}


@pytest.mark.parametrize("case", sorted(YAML_MISTAKES))
def test_common_yaml_mistakes_are_explained_with_the_fix(project: Project, case: str) -> None:
    text, expected = YAML_MISTAKES[case]
    project.write_claim("bad", text)
    assert [found for found in problems(project) if ": yaml: " in found] == [expected]


def test_identical_warnings_are_summarised_with_a_count_and_the_first(project: Project) -> None:
    long_title = "title: " + "A long title about output that rose by forty percent last year, says the minister"
    for number, passage in enumerate(other_passages(12)):
        title = f"{long_title} ({number:02})"  # each its own: nearly the same titles are a warning of their own
        project.write_claim(f"long-{number:02}", quoting(passage, CLAIM).replace("title: Output rose by 40% last year", title)
                            .replace("related: [exports-doubled]", "related: []"))
    text = project.validate()
    assert text.returncode == 0
    assert text.stderr.splitlines() == [
        "12 titles are 75 characters or longer; first: claims/long-00.yaml:1:8: title: warning: 86 characters "
        "is long for search results (expected under 75: Google shows shorter claimReviewed titles)"]
    assert text.stdout == "OK: 14 published claims, 1 drafts, 1 articles; 0 errors, 12 warnings\n"
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: suported"))
    failed = project.validate()
    assert failed.returncode == 1
    assert failed.stderr.splitlines()[-1] == "1 error, 12 warnings found"
    assert failed.stderr.splitlines()[0].startswith("claims/bad.yaml:6:9: rating: 'suported'")
    github = project.run(sys.executable, "-m", "site_builder", "validate", "--format", "github").stdout.splitlines()
    assert [line.split(" ")[0] for line in github] == ["::error"] + ["::warning"] * 10 + ["::notice", "::notice"]
    assert github[-2] == ("::notice title=title::12 titles are 75 characters or longer; the first 10 are annotated "
                          "(site-builder validate lists them all)")
    assert github[-1] == "::notice title=site-builder validate::1 error, 12 warnings"


SAME_PASSAGE = ("(expected one claim per passage: merge the two claims, or quote the part each one checks)")
COPY_ARTICLE = ARTICLE.replace("url: https://example.news/output", "url: https://copy.example/output")


def test_two_claims_quoting_the_same_passage_are_an_error_naming_both(project: Project) -> None:
    # the same words with other spacing: the same passage all the same
    project.write_claim("output-rose-again", CLAIM.replace("quote: Output rose by 40% last year",
                                                           "quote: Output  rose by 40%   last year"))
    project.write_claim("rose-by-40", quoting("rose by 40%"))  # a passage inside another: its own claim
    project.write_claim("the-minister-said", quoting("the minister said on Monday"))
    project.write_claim("zz-minister", quoting("the minister said on Monday"))
    assert problems(project) == [
        "claims/output-rose-again.yaml:2:8: quote: the same passage of article 'output-article' as the quote at "
        f"claims/output-rose-40-percent.yaml:2:8 {SAME_PASSAGE}",
        "claims/zz-minister.yaml:2:8: quote: the same passage of article 'output-article' as the quote at "
        f"claims/the-minister-said.yaml:2:8 {SAME_PASSAGE}",
    ]


def test_an_appearance_quoting_a_passage_another_claim_quotes_is_an_error(project: Project) -> None:
    project.write_article("copy-article", COPY_ARTICLE)
    # output-rose-40-percent appears in the copy too; a later claim quotes that copy's same words
    project.write_claim("output-rose-40-percent", CLAIM.replace("claimant: The minister\n", """\
appearances:
  - article: copy-article
    quote: According to the ministry
  - article: copy-article
    quote: Output rose by 40% last year
claimant: The minister
"""))
    project.write_claim("zz-copy", quoting("Output rose by 40% last year").replace("article: output-article",
                                                                              "article: copy-article"))
    project.write_claim("zz-copy-appearance", quoting("the minister said").replace("claimant: The minister\n", """\
appearances:
  - article: copy-article
    quote: According to the ministry
claimant: The minister
"""))
    assert problems(project) == [
        "claims/zz-copy-appearance.yaml:6:12: appearances[0].quote: the same passage of article 'copy-article' as "
        f"appearances[0].quote at claims/output-rose-40-percent.yaml:6:12 {SAME_PASSAGE}",
        "claims/zz-copy.yaml:2:8: quote: the same passage of article 'copy-article' as appearances[1].quote at "
        f"claims/output-rose-40-percent.yaml:8:12 {SAME_PASSAGE}",
    ]


def test_a_claim_listing_its_own_passage_twice_is_told_to_list_it_once(project: Project) -> None:
    project.write_claim("output-rose-40-percent", CLAIM.replace("claimant: The minister\n", """\
appearances:
  - article: output-article
    quote: Output rose by 40% last year
claimant: The minister
"""))
    assert problems(project) == [
        "claims/output-rose-40-percent.yaml:6:12: appearances[0].quote: the same passage of article "
        "'output-article' as the quote of this claim (expected each appearance once)",
    ]


NEARLY_THE_SAME = ("(expected a title that tells the two claims apart; if they are one claim, merge them)")


def retitled(title: str, passage: str) -> str:
    return quoting(passage).replace("title: Output rose by 40% last year", f"title: {title}")


def test_an_article_imported_twice_is_a_warning_and_two_captures_are_two_articles(project: Project) -> None:
    """The same url and archived copy in two files: claims split between two pages of one article."""
    project.write_article("output-article-again", ARTICLE)
    result = project.validate()
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "content/articles/output-article.md:4:6: url: warning: the same url as "
        "content/articles/output-article-again.md:4:6 (expected one file per article: if both are the same page, keep "
        "one and point its claims at its id; two captures of a page that changed each give their archive_url)"]
    project.write_article("output-article-again", ARTICLE.replace(
        "retrieved:", "archive_url: https://web.archive.org/web/2025/https://example.news/output\nretrieved:"))
    assert project.validate().stderr == ""


def test_nearly_the_same_titles_are_a_warning_naming_the_first(project: Project) -> None:
    # case, punctuation and spacing aside, the same words; numbers count: 50% is another claim
    project.write_claim("output-rose-again", retitled("output rose by 40 % — last year!", "rose by 40%"))
    project.write_claim("output-rose-50", retitled("Output rose by 50% last year", "the minister said"))
    result = project.validate()
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "claims/output-rose-again.yaml:1:8: title: warning: nearly the same as the title of "
        f"claims/output-rose-40-percent.yaml:1:8 {NEARLY_THE_SAME}"]
    project.write_claim("prices-fell-too", retitled("PRICES FELL.", "Nobody knows why."))
    assert project.validate().stderr.splitlines() == [
        "2 titles are nearly the same as another claim's; first: claims/output-rose-again.yaml:1:8: title: warning: "
        f"nearly the same as the title of claims/output-rose-40-percent.yaml:1:8 {NEARLY_THE_SAME}"]
    loaded = load_project(read_settings(project.root / "mkdocs.yml"))
    assert [str(w) for w in loaded.warnings][1] == (  # files in name order: 'prices-fell-too' comes first
        "claims/prices-fell.yaml:1:8: title: warning: nearly the same as the title of claims/prices-fell-too.yaml:1:8 "
        f"{NEARLY_THE_SAME}")


LANGUAGES = {
    "english": "content/articles/output-article.md:6:11: language: 'english' is not a BCP 47 language tag "
               "(expected e.g. 'en', 'ru', 'pt-BR'; did you mean 'en'?)",
    "Русский": "content/articles/output-article.md:6:11: language: 'Русский' is not a BCP 47 language tag "
               "(expected e.g. 'en', 'ru', 'pt-BR'; did you mean 'ru'?)",
    "en_US": "content/articles/output-article.md:6:11: language: 'en_US' is not a BCP 47 language tag "
             "(expected e.g. 'en', 'ru', 'pt-BR'; did you mean 'en-US'?)",
    "xx": "content/articles/output-article.md:6:11: language: 'xx' is not a BCP 47 language tag "
          "(expected e.g. 'en', 'ru', 'pt-BR')",  # the shape of a tag, but no such language
    "en-US": None, "pt-BR": None, "zh-Hant-TW": None, "sr-Latn": None, "ar": None,
}


@pytest.mark.parametrize("language", sorted(LANGUAGES))
def test_an_article_language_is_a_bcp_47_tag(project: Project, language: str) -> None:
    project.write_article("output-article", ARTICLE.replace("published: 2025-12-03\n",
                                                            f"published: 2025-12-03\nlanguage: {language}\n"))
    found = [str(p) for p in load_project(read_settings(project.root / "mkdocs.yml")).errors]
    assert found == ([LANGUAGES[language]] if LANGUAGES[language] else [])


RTL_ARTICLE = """\
---
title: "ارتفع الإنتاج"
outlet: arabic.example
url: https://arabic.example/output
published: 2025-12-01
language: ar
---
قال الوزير\u200f: ارتفع الإنتاج بنسبة \u061c40% العام الماضي.
"""


def test_right_to_left_marks_load_in_quotes_and_bodies_but_not_in_names_titles_or_urls(project: Project) -> None:
    project.write_article("arabic-article", RTL_ARTICLE)
    rtl = "\u0627\u0631\u062a\u0641\u0639 \u0627\u0644\u0625\u0646\u062a\u0627\u062c \u0628\u0646\u0633\u0628\u0629 \u061c40%"
    project.write_claim("arabic-rise", quoting(f"\u0627\u0644\u0648\u0632\u064a\u0631\u200f: {rtl}", CLAIM_ELSEWHERE)
                        .replace("article: output-article", "article: arabic-article")
                        .replace("title: The minister spoke on Monday", "title: Output rose by 40%, in Arabic")
                        .replace("summary: Official figures", "summary: \u200f\u0646\u0639\u0645\u061c. Official figures"))
    site = load_site(read_settings(project.root / "mkdocs.yml"))
    assert "\u200f" in site.claims["arabic-rise"].quote and "\u061c" in site.claims["arabic-rise"].quote
    assert "\u200f" in site.claims["arabic-rise"].summary and "\u061c" in site.articles["arabic-article"].body
    project.write_claim("arabic-rise", quoting(f"\u0627\u0644\u0648\u0632\u064a\u0631\u200f: {rtl}", CLAIM_ELSEWHERE)
                        .replace("article: output-article", "article: arabic-article")
                        .replace("title: The minister spoke on Monday", "title: Output rose\u200f by 40%")
                        .replace("claimant: The minister", "claimant: The minister\u061c")
                        .replace("url: https://stats.example.org/output", "url: https://stats.example.org/\u200eoutput"))
    assert problems(project) == [
        "claims/arabic-rise.yaml:1:19: title: contains an invisible control character U+200F (expected visible text "
        "only)",
        "claims/arabic-rise.yaml:4:23: claimant: contains an invisible control character U+061C (expected visible "
        "text only)",
        "claims/arabic-rise.yaml:14:36: sources[0].url: contains an invisible control character U+200E (expected "
        "visible text only)",
    ]


def test_a_tag_one_typo_away_from_a_tag_others_use_is_a_warning_with_a_suggestion(project: Project) -> None:
    passages = iter(other_passages(3))
    for number in (1, 2):
        project.write_claim(f"military-{number}", retitled(f"Military claim {number}", next(passages))
                            .replace("tags: [economy, output]", "tags: [military, s-400]"))
    # 'econmy' and 'miltary': typos of tags two claims use; 's-300' is not 's-400' (numbers count); 'nato' is short
    project.write_claim("typos", retitled("A claim with typos in its tags", next(passages))
                        .replace("tags: [economy, output]", "tags: [econmy, miltary, s-300, nato]"))
    result = project.validate()
    assert result.returncode == 0, result.stderr
    assert [str(w) for w in load_project(read_settings(project.root / "mkdocs.yml")).warnings] == [
        "claims/typos.yaml:18:8: tags[0]: warning: 'econmy' is used by no other claim (expected a tag other claims "
        "use; did you mean 'economy', used by 2 claims?)",
        "claims/typos.yaml:18:16: tags[1]: warning: 'miltary' is used by no other claim (expected a tag other claims "
        "use; did you mean 'military', used by 2 claims?)",
    ]
    assert result.stderr.splitlines() == [
        "2 tags are used by one claim only and look like a typo of a tag others use; first: claims/typos.yaml:18:8: "
        "tags[0]: warning: 'econmy' is used by no other claim (expected a tag other claims use; did you mean "
        "'economy', used by 2 claims?)"]


LINKS_IN_CONTEXT = CLAIM_ELSEWHERE.replace(
    "  - [Statistics office](https://stats.example.org/output)",
    "  - [Statistics office](https://stats.example.org/output), [Reuters](www.reuters.com/x)\n"
    "  - Ask [us](mailto:desk@example.org) or see [the list](../claims/) and [the archive](ftp://example.org/a)\n"
    "  - Ünïcode first: [x](javascript:alert(1)) <script>alert(1)</script> ![chart](https://example.org/c.png)")


def test_links_html_and_images_in_context_that_pages_would_drop_are_reported_where_they_are(project: Project) -> None:
    # the sanitiser shows such a link as its words without an address, and drops HTML and images: a
    # contributor is told instead, at the line and column in the literal block
    project.write_claim("bad", LINKS_IN_CONTEXT)
    assert problems(project) == [
        "claims/bad.yaml:11:60: context: link 'www.reuters.com/x' is not an http(s) URL (expected a link starting "
        "with http:// or https://)",
        "claims/bad.yaml:12:9: context: link 'mailto:desk@example.org' is not an http(s) URL (expected a link "
        "starting with http:// or https://)",
        "claims/bad.yaml:12:46: context: link '../claims/' is not an http(s) URL (expected a link starting with "
        "http:// or https://)",
        "claims/bad.yaml:12:73: context: link 'ftp://example.org/a' is not an http(s) URL (expected a link "
        "starting with http:// or https://)",
        "claims/bad.yaml:13:20: context: link 'javascript:alert(1)' is not an http(s) URL (expected a link "
        "starting with http:// or https://)",
        "claims/bad.yaml:13:45: context: HTML is not allowed: '<script>' (expected Markdown: **bold**, "
        "[words](https://...))",
        "claims/bad.yaml:13:71: context: image 'https://example.org/c.png' is not shown on the page (expected a "
        "link to it: [words](https://...))",
    ]


def test_a_slip_in_context_written_other_than_as_a_literal_block_is_reported_at_the_field(project: Project) -> None:
    # a folded or quoted value's lines are not the file's lines: the value's own place is given
    project.write_claim("bad", CLAIM_ELSEWHERE.replace(
        "context: |\n  The statistics office published the figure in **January**.\n",
        "context: >\n  The statistics office published the figure\n  in [January](www.example.org/jan).\n"))
    assert problems(project) == [
        "claims/bad.yaml:8:10: context: link 'www.example.org/jan' is not an http(s) URL (expected a link "
        "starting with http:// or https://)"]


def test_files_in_the_claims_folder_that_would_not_be_read_are_reported_with_the_name_to_give_them(project: Project) -> None:
    claim = (project.claims / "exports-doubled.yaml").read_text(encoding="utf-8")
    for name in ("a.YAML", "b.Yaml", "c.yaml.txt", "d.txt", "e.yaml ", "notes"):
        (project.claims / name).write_text(claim.replace("rating: misleading", "rating: bogus"), encoding="utf-8")
    (project.claims / "2026" / "more").mkdir(parents=True)
    (project.claims / "2026" / "f.yaml").write_text(claim, encoding="utf-8")
    (project.claims / "2026" / "more" / "g.yml").write_text(claim, encoding="utf-8")
    (project.claims / "images").mkdir()
    (project.claims / "images" / "chart.png").write_bytes(b"\x89PNG")
    # what the project or an editor keeps there is not a claim file
    for name in ("README.md", ".gitkeep", "exports-doubled.yaml~"):
        (project.claims / name).write_text("x\n", encoding="utf-8")
    assert problems(project) == [
        "claims/2026/f.yaml:1:1: (file): in a sub-folder, so it is not read (expected claim files directly in "
        "claims/: move it there)",
        "claims/2026/more/g.yml:1:1: (file): in a sub-folder, so it is not read (expected claim files directly in "
        "claims/: move it there)",
        "claims/a.YAML:1:1: (file): wrong file extension '.YAML', so it is not read (expected '.yaml': rename it "
        "to 'a.yaml')",
        "claims/b.Yaml:1:1: (file): wrong file extension '.Yaml', so it is not read (expected '.yaml': rename it "
        "to 'b.yaml')",
        "claims/c.yaml.txt:1:1: (file): wrong file extension '.yaml.txt', so it is not read (expected '.yaml': "
        "rename it to 'c.yaml')",
        "claims/d.txt:1:1: (file): wrong file extension '.txt', so it is not read (expected '.yaml': rename it "
        "to 'd.yaml')",
        "claims/e.yaml :1:1: (file): wrong file extension '.yaml ', so it is not read (expected '.yaml': rename "
        "it to 'e.yaml')",
        "claims/notes:1:1: (file): no file extension, so it is not read (expected '.yaml': rename it to "
        "'notes.yaml')",
    ]


def test_a_value_cut_short_by_a_hash_read_as_a_comment_is_reported_with_the_fix(project: Project) -> None:
    # YAML reads ' #...' as a comment: 'the #1 priority' published as 'the', and validate said nothing
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("title: The minister spoke on Monday",
                                                       "title: The minister's #1 priority")
                        .replace("publisher: Statistics Office", "publisher: Statistics Office #economy desk")
                        .replace("attribution: reported", "attribution: #reported")
                        .replace("context: |\n  The statistics", "context: |\n  A #2 in a block of text stays.\n  The statistics"))
    project.write_article("output-article", ARTICLE.replace("outlet: example.news", "outlet: Example News #1"))
    assert problems(project) == [
        "claims/bad.yaml:1:23: title: '#1 priority' was read as a YAML comment and left out of the value (expected "
        "the whole value in quotes: title: \"The minister's #1 priority\"; or, for a comment, a space "
        "after '#')",
        "claims/bad.yaml:5:14: attribution: '#reported' was read as a YAML comment, so the field is empty (expected "
        "the whole value in quotes: attribution: \"#reported\"; or, for a comment, a space "
        "after '#')",
        "claims/bad.yaml:16:34: sources[0].publisher: '#economy desk' was read as a YAML comment and left out of "
        "the value (expected the whole value in quotes: publisher: \"Statistics Office #economy desk\"; or, for a "
        "comment, a space after '#')",
        "content/articles/output-article.md:3:22: outlet: '#1' was read as a YAML comment and left out of the value "
        "(expected the whole value in quotes: outlet: \"Example News #1\"; or, for a comment, a space "
        "after '#')",
    ]


def test_every_duplicate_key_is_reported_and_the_rest_of_the_file_is_checked(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "rating: supported\nrating: false").replace(
        "reviewed: 2026-01-12", "reviewed: 2026-13-01\ntags: [x]\nrating: nope").replace("status: published", "status: publish"))
    assert problems(project) == [
        "claims/bad.yaml:7:1: yaml: duplicate key 'rating' (expected each field once; it is also on line 6)",
        "claims/bad.yaml:21:11: reviewed: 2026-13-01 is not a date: there is no month 13 (expected YYYY-MM-DD)",
        "claims/bad.yaml:22:1: yaml: duplicate key 'tags' (expected each field once; it is also on line 19)",
        "claims/bad.yaml:23:1: yaml: duplicate key 'rating' (expected each field once; it is also on line 6)",
        "claims/bad.yaml:24:9: status: 'publish' is not allowed (expected one of: published, draft; did you mean "
        "'published'?)",
    ]


def test_a_duplicate_key_in_an_article_does_not_hide_its_other_problems(project: Project) -> None:
    project.write_article("twice", "---\ntitle: A title\noutlet: x.news\nurl: https://x.news/a\nurl: https://x.news/b\n"
                          "published: soon\n---\nText.\n")
    assert problems(project) == [
        "content/articles/twice.md:5:1: yaml: duplicate key 'url' (expected each field once; it is also on line 4)",
        "content/articles/twice.md:6:12: published: not a valid date: 'soon' (expected YYYY-MM-DD, or YYYY-MM "
        "or YYYY when the day is unknown)",
    ]


def test_the_value_of_a_misspelt_field_is_checked_as_the_field_it_was_meant_to_be(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("rating: supported", "ratng: suported").replace(
        "reviewed: 2026-01-12", "reviewd: 2026-13-01").replace("    url: https://stats.example.org/output",
                                                             "    urll: stats.example.org/output"))
    assert problems(project) == [
        "claims/bad.yaml:6:1: ratng: unknown field (did you mean 'rating'?)",
        "claims/bad.yaml:6:8: rating: 'suported' is not on the rating scale (expected one of: supported, "
        "partly-supported, misleading, unsupported, false, cannot-verify; did you mean 'supported'?)",
        "claims/bad.yaml:14:5: sources[0].urll: unknown field (did you mean 'url'?)",
        "claims/bad.yaml:14:11: sources[0].url: not an http(s) URL: 'stats.example.org/output' (expected a link "
        "starting with http:// or https://)",
        "claims/bad.yaml:20:1: reviewd: unknown field (did you mean 'reviewed'?)",
        "claims/bad.yaml:20:10: reviewed: 2026-13-01 is not a date: there is no month 13 (expected YYYY-MM-DD)",
    ]


def test_a_name_close_to_a_field_that_is_present_does_not_set_that_field_aside(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("quote: the minister said on Monday",
                                                       "quote: the minister said on Tuesday\nquot: x"))
    assert problems(project) == [
        "claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact words; the "
        "article has \"Monday\", the quote has \"Tuesday\"; closest passage, 85% similar: \"year, the minister said on Monday.\")",
        "claims/bad.yaml:3:1: quot: unknown field (did you mean 'quote'?)",
    ]


SYNTAX_MISTAKES = {  # each at the line of the mistake, in plain words, with what to write instead
    "quotation marks inside double quotes": (
        'title: x\nquote: "He said "this" today"\nrating: x\n',
        "2:8: yaml: quotation marks inside a value in double quotes end it early (expected the value in single "
        "quotes: quote: 'He said \"this\" today')"),
    "quotation marks and an apostrophe inside double quotes": (
        'title: x\nquote: "He said "it\'s" today"\n',
        "2:8: yaml: quotation marks inside a value in double quotes end it early (expected the value as a block: "
        "'quote: |', then the value on the next line, indented)"),
    "an apostrophe inside single quotes": (
        "title: 'NATO's move'\nrating: x\n",
        "1:8: yaml: an apostrophe inside a value in single quotes ends it early (expected the value in double "
        "quotes, or each apostrophe written twice: title: \"NATO's move\")"),
    "a quote closed lines below": (
        'title: x\nclaimant: "The minister\nattribution: reported\nsummary: >-\n  He said "great" things\n',
        "2:11: yaml: the quotation mark (\") that opens this value is not closed on its line (expected a closing \" "
        "at the end of the value; as written, the value runs on to line 5)"),
    "a quote never closed": (
        'title: x\nclaimant: "The minister\nattribution: reported\n',
        "2:11: yaml: the quotation mark (\") that opens this value is never closed (expected a closing \" at the "
        "end of the value; as written, the value runs to the end of the file)"),
    "a missing colon": (
        "title: x\nclaimant The minister\nattribution: reported\n",
        "2:1: yaml: no ':' after the field name 'claimant' (expected a field name, ':', a space, then its value: "
        "'claimant: The minister')"),
    "no space after the colon": (
        "title: x\nclaimant:The minister\nattribution: reported\n",
        "2:1: yaml: no space after ':' (expected a space between the field name and its value: 'claimant: The "
        "minister')"),
    "a list item without its dash": (
        "title: x\ntags:\n  - economy\n  output\n  - prices\nrating: x\n",
        "4:3: yaml: a list item without its '- ' (expected '- output', like the items above it)"),
    "a list item of fields without its dash": (
        "sources:\n  - title: a\n    url: https://x.org\n  title: b\n    url: https://y.org\n",
        "4:3: yaml: a list item without its '- ' (expected '- title: b', like the items above it)"),
    "an unclosed bracket": (
        "title: x\ntags: [economy, output\nrating: x\n",
        "2:7: yaml: the '[' that opens this value is not closed (expected a ']' at the end of the value, on the "
        "same line)"),
    "several documents": (
        "---\ntitle: x\n---\nrating: x\n",
        "3:1: yaml: a '---' line starts a second YAML document (expected one record: delete the '---' lines)"),
    "a field one space further in than its neighbours": (
        "title: x\nsources:\n  - title: a\n     url: https://x.org\n",
        "4:6: yaml: the field 'url' indented by 5 spaces, unlike the fields above it (expected 4 spaces, as above)"),
    "a top-level field one space in, after a list": (
        "title: x\ntags:\n  - economy\n claimant: The minister\n",
        "4:2: yaml: the field 'claimant' indented by 1 space, unlike the fields above it (expected no spaces, as "
        "above)"),
    "a line of a block of text one space out": (
        "title: x\ncontext: |\n  First line.\n  Second line.\n Third line.\nrating: x\n",
        "5:2: yaml: a line indented by 1 space, unlike the line above it (expected 2 spaces, as above)"),
    "a value starting with a backtick": (
        "title: x\nsummary: `S-400` is a system.\nrating: x\n",
        "2:10: yaml: a value that starts with '`', which YAML does not allow unquoted (expected the value in quotes: "
        "summary: \"`S-400` is a system.\")"),
    "a value starting with Markdown emphasis": (
        "title: x\nsummary: *Not* a new system.\nrating: x\n",
        "2:10: yaml: a value that starts with '*', which YAML does not allow unquoted (expected the value in quotes: "
        "summary: \"*Not* a new system.\")"),
    "a list item starting with a percent sign": (
        "title: x\ntags:\n  - economy\n  - %growth\n",
        "4:5: yaml: a value that starts with '%', which YAML does not allow unquoted (expected the value in quotes: "
        "- \"%growth\")"),
    "a value starting with a Markdown link": (
        "title: x\ncontext: [Reuters](https://www.reuters.com/) reported it first.\nrating: x\n",
        "2:10: yaml: a value that starts with '[' and goes on after its ']' (expected text in quotes: context: "
        "\"[Reuters](https://www.reuters.com/) reported it first.\"; a list in brackets ends at its ']')"),
    "a list item on its field's line": (
        "title: x\ntags: - economy\n  - output\nrating: x\n",
        "2:7: yaml: a list item on the same line as 'tags:' (expected 'tags:' alone on its line, then each item on a "
        "line of its own below it, indented: '  - economy')"),
    "no space after the dash of a later item": (
        "sources:\n  - title: a\n    url: https://x.org\n  -title: b\n    url: https://y.org\n",
        "4:3: yaml: no space after '-' (expected a space between '-' and the item: '- title: b')"),
    "a list item after a field with its value": (
        "title: x\ntags:\n  - economy\nrating: x\n- output\n",
        "5:1: yaml: a list item after the field 'rating', which has its value on its line (expected the item with "
        "the other items of its list, under the name of the field that holds the list)"),
    "a stray mark before a field": (
        "title: x\nsources:\n  - title: a\n  `  url: https://x.org\n",
        "4:3: yaml: a stray '`' before the field 'url' (expected the line without it: 'url: https://x.org')"),
    "the first field one space in": (
        "# yaml-language-server: $schema=schema.json\n title: x\nrating: x\n",
        "2:2: yaml: the field 'title' is indented by 1 space (expected top-level fields at the start of the line: "
        "remove the spaces before it)"),
    "a paragraph of a block of text at the start of the line": (
        "title: x\ncontext: |\n  First paragraph.\n\nSecond paragraph, pasted.\nrating: x\n",
        "5:1: yaml: a line indented by no spaces, unlike the lines of the text above it (expected 2 spaces, as above)"),
    "a Markdown heading of a block of text at the start of the line": (
        "title: x\ncontext: |\n  First paragraph.\n\n## Background\n  More text.\nrating: x\n",
        "5:1: yaml: a line of text that starts with '#' at the start of the line, which YAML reads as a comment that "
        "ends the text above (expected it indented like the text: 2 spaces, as above)"),
    "a line of a block of text that starts with Markdown emphasis, one space out": (
        "title: x\ncontext: |\n  First paragraph.\n **Rating: partly supported**\nrating: x\n",
        "4:2: yaml: a line indented by 1 space, unlike the lines of the text above it (expected 2 spaces, as above)"),
    "a stray mark before a list item": (
        "title: x\ntags:\n  - economy\n`  - output\n",
        "4:1: yaml: a stray '`' before a list item (expected the line without it: '- output')"),
    "a '#' at the start of a blank line of a block of text, before a line in bold": (
        "title: x\ncontext: |\n  First paragraph.\n#\n  **What happened**\nrating: x\n",
        "4:1: yaml: a line of text that starts with '#' at the start of the line, which YAML reads as a comment that "
        "ends the text above (expected it indented like the text: 2 spaces, as above)"),
    "a field without its ':', read on into the next field": (
        "# yaml-language-server: $schema=schema.json\ntitle The US has long sought closer ties.\nquote: x\n",
        "2:1: yaml: no ':' after the field name 'title' (expected a field name, ':', a space, then its value: 'title: "
        "The US has long sought closer ties.')"),
    "a value that starts with a quoted phrase": (
        'title: "Pivotal moment" is not what the Kremlin said\nrating: x\n',
        "1:8: yaml: a value that starts with a quotation mark (\") and goes on after the closing one (expected the "
        "whole value in quotes: title: '\"Pivotal moment\" is not what the Kremlin said')"),
    "a character after a closing quote": (
        'title: x\nsources:\n  - title: a\n    published: "2025-12"@\n',
        "4:16: yaml: a value that starts with a quotation mark (\") and goes on after the closing one (expected the "
        "whole value in quotes: published: '\"2025-12\"@')"),
    "a '%' at the start of a line of text": (
        "title: x\ncontext: |\n  Some text\n%  Prime Minister Modi.\nrating: x\n",
        "4:1: yaml: a line that starts with '%', which YAML reads as a directive (expected the '%' deleted, or the "
        "line indented as the lines above it)"),
    "a list item's dash after a closing quote": (
        'title: x\nsources:\n  - title: a\n    note: "Reworded."- \n',
        "4:11: yaml: a value that starts with a quotation mark (\") and goes on after the closing one (expected the "
        "whole value in quotes: note: '\"Reworded.\"-')"),
    "text after a block's '>' on its line": (
        "title: x\nsummary: > The text here\nrating: x\n",
        "2:10: yaml: text after '>' on its line (expected 'summary: >' alone, then the value on the lines below it, "
        "indented; or the value without the '>': summary: \"The text here\")"),
    "a '#' right after a field's ':'": (
        'title: x\nsources:\n  - title:# "India has no budget issues"\n    url: https://x.org\n',
        "3:5: yaml: a '#' right after 'title:' (expected a space after ':', then the value: 'title: \"India has no "
        "budget issues\"'; a value that starts with '#' goes in quotes, since ' #' starts a comment)"),
    "a field of a list item without its ':', read on into the next field": (
        'title: x\nappearances:\n  - article: a\n    quote: "x"\n  - article b\n    quote: "y"\n',
        "5:5: yaml: no ':' after the field name 'article' (expected a field name, ':', a space, then its value: "
        "'article: b')"),
    "a block of text without its '|'": (
        "title: x\ncontext:\n  The article says so.\n\n  **Rating: unsupported**\nrating: x\n",
        "2:1: yaml: no '|' after 'context:', so YAML reads the text below it as one line, which cannot hold ': ', and "
        "stops at the one on line 5 (expected 'context: |' or 'context: >-', then the text on the lines below it, "
        "indented)"),
    "a block of text without its '|', stopped inside a Markdown list": (
        "title: x\ncontext:\n  The article says so.\n\n  - One item, which\n    goes on: here.\nrating: x\n",
        "2:1: yaml: no '|' after 'context:', so YAML reads the text below it as one line, which cannot hold ': ', and "
        "stops at the one on line 6 (expected 'context: |' or 'context: >-', then the text on the lines below it, "
        "indented)"),
    "a bracket typed before a block's '>-'": (
        "title: x\nsummary: [>-\n  No evidence found.\nrating: x\n",
        "2:10: yaml: a stray '[' before '>-' (expected the line without it: 'summary: >-')"),
    "a mark typed before a line of a block of text": (
        "title: x\ncontext: |\n  First line.\n\n @ **Rating: supported**\n\n  More.\nrating: x\n",
        "5:2: yaml: a stray '@' before a line of text (expected the line without it, indented like the text: 2 "
        "spaces)"),
    "a mark typed before the first line of a block of text": (
        "title: x\nsummary: >-\n`  The deal was signed in 2018.\n  More.\nrating: x\n",
        "3:1: yaml: a stray '`' before a line of text (expected the line without it, indented like the text: 2 "
        "spaces)"),
    "a colon after an item of a list in brackets": (
        "title: x\ntags: [india-russia:, economy]\nrating: x\n",
        "2:20: yaml: a ':' in the item 'india-russia:' of a list in brackets (expected the item without it, or in "
        "quotes: \"india-russia:\")"),
    "a question mark after a closing quote": (
        'title: x\nsources:\n  - title: a\n    published: "2025-12"?\n    note: x\n',
        "4:16: yaml: a value that starts with a quotation mark (\") and goes on after the closing one (expected the "
        "whole value in quotes: published: '\"2025-12\"?')"),
    "a '#' one space further out than a block of text": (
        "title: x\ncontext: |\n  First.\n\n  - One item\n # - Two item,\n    goes on.\n\n  More.\nrating: x\n",
        "6:2: yaml: a line of text that starts with '#' indented by 1 space, which YAML reads as a comment that ends "
        "the text above (expected it indented like the text: 2 spaces, as above)"),
    "an item of a list in brackets that starts with a mark": (
        "title: x\ntags: [s-400,% operation-sindoor, air]\nrating: x\n",
        "2:14: yaml: an item of a list in brackets that starts with '%', which YAML does not allow unquoted (expected "
        "the item in quotes: \"% operation-sindoor\"; or the '%' deleted)"),
    "an item of a list in brackets that starts with a colon": (
        "title: x\nrelated: [a, :b]\nrating: x\n",
        "2:14: yaml: an item of a list in brackets that starts with ':', which YAML does not allow unquoted (expected "
        "the item in quotes: \":b\"; or the ':' deleted)"),
    "a tab after a list item's dash": (
        'title: x\nsources:\n  - \ttitle: "x"\n    url: https://x.org\n',
        "3:5: yaml: a tab after '-' (expected spaces: YAML does not allow tabs for indenting; replace the tab with "
        "spaces)"),
    "a control character": (
        "title: x\nquote: a \x07 b\n",
        "2:10: yaml: an invisible control character U+0007, which YAML does not allow (expected visible text only: "
        "delete it)"),
}


@pytest.mark.parametrize("case", sorted(SYNTAX_MISTAKES))
def test_yaml_syntax_mistakes_are_explained_at_their_line(project: Project, case: str) -> None:
    text, expected = SYNTAX_MISTAKES[case]
    project.write_claim("bad", text)
    assert [found for found in problems(project) if ": yaml: " in found] == ["claims/bad.yaml:" + expected]


def test_an_invisible_character_in_a_long_value_is_reported_at_its_own_line_and_column(project: Project) -> None:
    context = "context: |\n  The statistics office published the figure in **January**.\n\n  - [Statistics office]"
    assert context in CLAIM_ELSEWHERE
    project.write_claim("bad", CLAIM_ELSEWHERE.replace(context, context.replace("[Statistics", "[Stat\u202eistics")).replace(
        "summary: Official figures show a 40% rise.", "summary: Official figures show\n  a 40% \u2066rise."))
    assert problems(project) == [
        "claims/bad.yaml:8:9: summary: contains an invisible control character U+2066 (expected visible text only)",
        "claims/bad.yaml:12:10: context: contains an invisible control character U+202E (expected visible text only)",
    ]


def test_an_invisible_character_made_by_an_escape_keeps_its_position_in_the_value(project: Project) -> None:
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("claimant: The minister", 'claimant: "The \\u202eminister"'))
    assert problems(project) == [
        "claims/bad.yaml:4:11: claimant: contains an invisible control character U+202E at position 5 (expected "
        "visible text only)",
    ]


def test_a_quote_that_differs_after_its_hundredth_character_is_shown_whole_with_the_difference(project: Project) -> None:
    sentence = "Output rose by 40% last year, the minister said on Monday."
    long_article = ARTICLE.replace(sentence, sentence + " Exports of steel, grain and machinery to the neighbouring "
                                   "countries doubled in the same period, according to figures.")
    project.write_article("output-article", long_article)
    project.write_claim("bad", quoting("Output rose by 40% last year, the minister said on Monday. Exports of steel, "
                                       "grain and machinery to the neighbouring countries tripled in the same period",
                                       CLAIM_ELSEWHERE))
    assert problems(project) == [
        "claims/bad.yaml:2:8: quote: not found in article 'output-article' (expected the article's exact words; the "
        "article has \"doubled\", the quote has \"tripled\"; closest passage, 97% similar: \"Output rose by 40% last "
        "year, the minister said on Monday. Exports of steel, grain and machinery to the neighbouring countries "
        "doubled in the same period,\")",
    ]


def test_soft_hyphens_are_ignored_in_quotes_and_shown_as_escapes_in_messages(project: Project) -> None:
    """A soft hyphen (U+00AD) is invisible where the article is read, and comes along when a quote is copied
    from a web page: a quote matches with or without it, and a message shows it, not two words that look alike."""
    project.write_claim("output-rose-40-percent", CLAIM.replace("quote: Output rose by 40% last year",
                                                                "quote: Out\u00adput rose by 40% last year"))
    load_site(read_settings(project.root / "mkdocs.yml"))
    project.write_claim("output-rose-40-percent", CLAIM.replace("quote: Output rose by 40% last year",
                                                                "quote: Out\u00adput rose by 45% last year"))
    assert problems(project) == [
        "claims/output-rose-40-percent.yaml:2:8: quote: not found in article 'output-article' (expected the "
        "article's exact words; the article has \"40%\", the quote has \"45%\"; closest passage, 96% similar: "
        "\"Output rose by 40% last year,\")",
    ]
    project.write_article("output-article", ARTICLE.replace("Output rose by 40%", "Out\u00adput rose by 40%"))
    assert problems(project) == [
        "claims/output-rose-40-percent.yaml:2:8: quote: not found in article 'output-article' (expected the "
        "article's exact words; the article has \"40%\", the quote has \"45%\"; closest passage, 92% similar: "
        "\"Out\\u00adput rose by 40% last year,\")",
    ]


def test_the_quote_hint_quotes_the_word_as_written(project: Project) -> None:
    """YAML reads no, on, yes and off as true or false: the hint quotes what the contributor wrote."""
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("tags: [economy, output]", "tags: [On, output]").replace(
        "claimant: The minister", "claimant: 1.50"))
    project.write_article("norwegian", ARTICLE.replace("retrieved: 2026-01-05", "retrieved: 2026-01-05\nlanguage: no"))
    assert problems(project) == [
        "claims/bad.yaml:4:11: claimant: wrong type: got a number (expected text; put it in quotes: \"1.50\")",
        "claims/bad.yaml:18:8: tags[0]: wrong type: got true/false (expected text; put it in quotes: \"On\")",
        "content/articles/norwegian.md:7:11: language: wrong type: got true/false (expected text; put it in quotes: "
        "\"no\")",
    ]


def test_small_slips_are_told_with_what_to_write_instead(project: Project) -> None:
    project.write_article("slips", ARTICLE.replace("published: 2025-12-03", "published: 2025-13-01").replace(
        "retrieved: 2026-01-05", "retrieved: 2026-01-05\nlanguage: english"))
    project.write_claim("bad", CLAIM_ELSEWHERE.replace("published: 2026-01-10", "published: 2026-00"))
    (project.claims / "utf16.yaml").write_bytes(CLAIM_ELSEWHERE.encode("utf-16"))
    (project.claims / "utf16le.yaml").write_bytes(CLAIM_ELSEWHERE.encode("utf-16-le"))
    assert problems(project) == [
        "claims/bad.yaml:16:16: sources[0].published: 2026-00 is not a date: there is no month 00 (expected "
        "YYYY-MM-DD, or YYYY-MM or YYYY)",
        "claims/utf16.yaml:1:1: (file): UTF-16 text (expected a UTF-8 text file; save it as UTF-8)",
        "claims/utf16le.yaml:1:1: (file): UTF-16 text (expected a UTF-8 text file; save it as UTF-8)",
        "content/articles/slips.md:5:12: published: 2025-13-01 is not a date: there is no month 13 (expected "
        "YYYY-MM-DD, or YYYY-MM or YYYY)",
        "content/articles/slips.md:7:11: language: 'english' is not a BCP 47 language tag (expected e.g. 'en', 'ru', "
        "'pt-BR'; did you mean 'en'?)",
    ]


def test_a_rating_is_suggested_only_where_it_is_a_typo() -> None:
    # a scale renamed 'unsupported' to 'no-evidence': 'did you mean supported?' would flip five verdicts
    scale = ["supported", "partly-supported", "misleading", "no-evidence", "false", "cannot-verify"]
    assert [closest(written, scale, verdict=True) for written in ("suported", "misleadin", "flase", "Supported")] == \
        ["supported", "misleading", "false", "supported"]
    assert [closest(written, scale, verdict=True) for written in ("partly supported", "Cannot_verify", "no evidence")] == \
        ["partly-supported", "cannot-verify", "no-evidence"]  # a rating's words written apart
    assert [closest(written, scale, verdict=True) for written in ("unsupported", "not-misleading", "partly-false")] == \
        [None, None, None]
    assert closest("unsupported", scale) == "supported"  # other choices (fields, ids) keep the looser guess


def test_a_quote_that_differs_by_a_lookalike_letter_names_the_letters() -> None:
    # 'the article has "تحویل", the quote has "تحويل"' shows two identical words; Persian and Arabic yeh differ
    assert difference("تم تحویل المنظومة", "تم تحويل المنظومة") == (
        'the article has "تحویل", the quote has "تحويل" (the article has U+06CC ARABIC LETTER FARSI YEH where '
        'the quote has U+064A ARABIC LETTER YEH); ')
    assert difference("цена выросла", "ценa выросла").endswith(
        "(the article has U+0430 CYRILLIC SMALL LETTER A where the quote has U+0061 LATIN SMALL LETTER A); ")
    assert difference("output fell by", "output fall by") == 'the article has "fell", the quote has "fall"; '


def test_a_claimant_written_otherwise_than_an_older_claims_is_a_warning(project: Project) -> None:
    # two spellings that give one address: the older claim's keeps the page, the other gets a hashed one
    passages = iter(other_passages(2))
    project.write_claim("peskov-old", retitled("Peskov spoke first", next(passages))
                        .replace("claimant: The minister", "claimant: Дмитрий Песков").replace("reviewed: 2026-01-12", "reviewed: 2025-12-03"))
    project.write_claim("peskov-new", retitled("Peskov spoke again", next(passages))
                        .replace("claimant: The minister", "claimant: Dmitriy Peskov"))
    warnings = [str(w) for w in load_project(read_settings(project.root / "mkdocs.yml")).warnings]
    assert warnings == [
        "claims/peskov-new.yaml:4:11: claimant: warning: 'Dmitriy Peskov' is written otherwise than 'Дмитрий Песков' "
        "(claims/peskov-old.yaml:4:11), which keeps the page both would have (expected one spelling for one "
        "claimant; two people get two pages)"]
    assert project.build().returncode == 0
    assert (project.root / "site/claimants/dmitriy-peskov/index.html").is_file()


def test_a_chinese_quote_that_differs_names_the_characters_not_the_sentence() -> None:
    article = "克里姆林宫发言人佩斯科夫表示，俄罗斯向印度供应S-400防空导弹系统的问题已列入普京访问新德里的议程。"
    assert quote_not_found("俄罗斯向印度供应S-300防空导弹系统的问题已列入普京访问新德里的议程", "zh", article).startswith(
        "not found in article 'zh' (expected the article's exact words; the article has \"供应S-400防空\", the quote "
        "has \"供应S-300防空\"; closest passage, 97% similar:")
