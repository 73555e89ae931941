"""Problems in mkdocs.yml are reported as problems, at their place, by validate and by the build alike."""

from __future__ import annotations



from .conftest import Project


def _broken(project: Project, old: str, new: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new, 1), encoding="utf-8")


def _validate_says(project: Project) -> list[str]:
    result = project.validate()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.splitlines()


def test_mkdocs_yml_that_is_not_valid_yaml_is_a_problem_not_a_traceback(project: Project) -> None:
    _broken(project, "site_name: Test claims\n", "site_name: Test claims\nsite_description: [unclosed\n")
    assert _validate_says(project) == [
        "Error: mkdocs.yml:3:9: yaml: invalid YAML: expected ',' or ']', but got ':' (expected valid YAML; "
        "while parsing a flow sequence)",
        "1 problem found",
    ]


def test_mkdocs_yml_that_is_not_utf8_is_a_problem_not_a_traceback(project: Project) -> None:
    config = project.root / "mkdocs.yml"
    config.write_bytes(config.read_bytes().replace(b"site_name: Test claims", b"site_name: Test caf\xe9"))
    assert _validate_says(project) == [
        "Error: mkdocs.yml:1:20: (file): not UTF-8 text: byte 0xe9 (expected a UTF-8 text file)",
        "1 problem found",
    ]


def test_a_claims_dir_that_is_not_text_is_a_problem_not_a_traceback(project: Project) -> None:
    _broken(project, "  - claims:\n", "  - claims:\n      claims_dir: [claims]\n")
    assert _validate_says(project) == [
        "Error: mkdocs.yml:12:19: plugins[1].claims.claims_dir: wrong type: got a list (expected text: a folder "
        "relative to mkdocs.yml, like 'claims')",
        "1 problem found",
    ]


MISSING_FOLDER = ("mkdocs.yml:12:19: plugins[1].claims.claims_dir: the folder 'claimz' does not exist (expected the "
                  "folder of the claim files, relative to mkdocs.yml)")


def test_a_claims_dir_that_does_not_exist_stops_validate_and_the_build(project: Project) -> None:
    # a misspelt folder validated 'OK: 0 published claims' and built a site without claims
    _broken(project, "  - claims:\n", "  - claims:\n      claims_dir: claimz\n")
    assert _validate_says(project) == ["Error: " + MISSING_FOLDER, "1 problem found"]
    built = project.build()
    assert built.returncode == 1 and MISSING_FOLDER in built.stderr, built.stderr
    assert not (project.root / "site").exists()


def test_the_build_reports_a_rating_scale_problem_where_validate_does(project: Project) -> None:
    _broken(project, "  - claims:\n", "  - claims:\n      ratings:\n        supported:\n          label: Supported\n"
            "          colour: green\n          meaning: It holds up.\n          value: 5\n")
    expected = ("mkdocs.yml:15:19: plugins[1].claims.ratings.supported.colour: not a colour: 'green' "
                "(expected #rrggbb)")
    assert _validate_says(project) == ["Error: " + expected, "1 problem found"]
    built = project.build()
    assert built.returncode == 1 and expected in built.stderr, built.stderr


SCALE = ("      ratings:\n"
         "        supported:\n          label: No\n          meaning: It holds up.\n          colour: '#1b7837'\n"
         "          value: 3\n"
         "        misleading:\n          lable: Misleading\n          meaning: Framed to mislead.\n"
         "          colour: '#e08214'\n          value: 2\n"
         "        false:\n          label: 'False'\n          meaning: It does not hold up.\n          colour: '#b2182b'\n"
         "          value: 1\n")


def test_every_problem_of_the_plugin_options_in_one_run_by_validate_and_the_build(project: Project) -> None:
    # MkDocs stopped at the first ('Expected type: <class 'int'>', no line), three typos took three runs
    _broken(project, "  - claims:\n", "  - claims:\n      share_cards: claims\n      placeholder: warn\n"
            "      page_size: 0\n      methodology: methodolgy.md\n" + SCALE)
    expected = [
        "mkdocs.yml:12:20: plugins[1].claims.share_cards: 'claims' is not allowed (expected one of: auto, claim, "
        "rating; did you mean 'claim'?)",
        "mkdocs.yml:13:7: plugins[1].claims.placeholder: unknown option (did you mean 'placeholders'?)",
        "mkdocs.yml:14:18: plugins[1].claims.page_size: out of range: 0 (expected the number of claims on a listing "
        "page: 1 or more, like 100)",
        "mkdocs.yml:15:20: plugins[1].claims.methodology: the page 'methodolgy.md' does not exist in content "
        "(expected a page of the site, like 'methodology.md', or '' for none; did you mean 'methodology.md'?)",
        "mkdocs.yml:18:18: plugins[1].claims.ratings.supported.label: wrong type: got true/false (expected text; "
        "put it in quotes: \"No\")",
        "mkdocs.yml:23:11: plugins[1].claims.ratings.misleading.lable: unknown field (did you mean 'label'?)",
        "mkdocs.yml:27:9: plugins[1].claims.ratings.false: wrong type: got true/false (expected text: a rating id; "
        "put it in quotes: \"false\")",
    ]
    assert _validate_says(project) == [f"Error: {line}" if not n else line for n, line in enumerate(expected)] + \
        ["7 problems found"]
    built = project.build()
    assert built.returncode == 1 and all(line in built.stderr for line in expected), built.stderr


def test_article_text_is_full_or_quoted(project: Project) -> None:
    _broken(project, "  - claims:\n", "  - claims:\n      article_text: excerpts\n")
    assert _validate_says(project) == [
        "Error: mkdocs.yml:12:21: plugins[1].claims.article_text: 'excerpts' is not allowed (expected one of: full, "
        "quoted)",
        "1 problem found",
    ]


def test_a_rating_scale_written_as_a_list_says_what_a_scale_is(project: Project) -> None:
    _broken(project, "  - claims:\n", "  - claims:\n      ratings: [supported, false]\n")
    assert _validate_says(project) == [
        "Error: mkdocs.yml:12:16: plugins[1].claims.ratings: wrong type: got a list (expected a mapping of ids, each "
        "to its fields: label, meaning, colour, value)",
        "1 problem found",
    ]


def test_a_site_without_site_url_is_told_what_it_loses(project: Project) -> None:
    # no feeds, card and structured-data URLs relative to the wrong place, and no message said why
    _broken(project, "site_url: https://claims.example.org/\n", "")
    built = project.build()
    assert built.returncode == 1, built.stderr  # --strict
    message = ("mkdocs.yml: site_url: not set (expected the site's public address, like https://example.org/claims/: "
               "without it there are no feeds, and share cards and structured data point at the wrong place)")
    assert f"WARNING -  {message}" in built.stderr
    validated = project.validate()
    assert validated.returncode == 0 and "mkdocs.yml:1:1: site_url: warning: not set" in validated.stderr, validated.stderr
