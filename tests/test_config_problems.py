"""Problems in mkdocs.yml are reported as problems, at their place, by validate and by the build alike."""

from __future__ import annotations

from pathlib import Path

import pytest

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
