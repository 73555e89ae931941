"""The editor schema (claims/schema.json) agrees with site-builder validate wherever JSON Schema can say it."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from site_builder.config import read_settings
from site_builder.yaml_parse import parse_yaml
from site_builder.project import load_project
from site_builder.schema import claim_schema

from .conftest import CLAIM, Project
from .test_validate import CASES

# What JSON Schema cannot say: each needs other files, the build date or text matching.
BEYOND_SCHEMA = {
    "quote not in the article",  # the quote check reads the article
    "unknown article",  # needs the articles folder
    "unknown related claim",  # needs the other claims
    "id that does not match the file",  # needs the file name
    "yaml syntax",  # not YAML: nothing to check
}


def _schema_errors(text: str) -> list[str]:
    settings = read_settings(__import__("pathlib").Path("mkdocs.yml"))
    validator = jsonschema.Draft202012Validator(claim_schema(settings.scale),
                                                format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [error.message for error in validator.iter_errors(parse_yaml(text))]


def test_every_demo_claim_is_valid_against_the_schema() -> None:
    settings = read_settings(__import__("pathlib").Path("mkdocs.yml"))
    paths = sorted(settings.claims_dir.glob("*.yaml"))
    assert paths
    for path in paths:
        assert _schema_errors(path.read_text(encoding="utf-8")) == [], path


@pytest.mark.parametrize("case", sorted(set(CASES) - BEYOND_SCHEMA))
def test_the_schema_rejects_what_validate_rejects(project: Project, case: str) -> None:
    text, expected = CASES[case]
    assert expected  # validate rejects it (tests/test_validate.py says how)
    assert _schema_errors(text), f"the schema accepts what validate rejects: {case}"


@pytest.mark.parametrize("case", sorted(BEYOND_SCHEMA - {"yaml syntax"}))
def test_rules_beyond_json_schema_are_listed(project: Project, case: str) -> None:
    assert _schema_errors(CASES[case][0]) == []  # the schema passes it; only validate can tell


def test_a_published_claim_needs_what_publishing_needs_and_a_draft_does_not(project: Project) -> None:
    bare = CLAIM.replace("sources:", "unused:").split("unused:")[0].replace("rating: supported\n", "")
    assert _schema_errors(bare + "status: published\n")
    assert _schema_errors(bare)  # no status: published
    assert _schema_errors(bare + "status: draft\n") == []
    project.write_claim("bare", bare + "status: draft\n")
    assert not load_project(read_settings(project.root / "mkdocs.yml")).errors_in("claims/bare.yaml")
    assert _schema_errors(CLAIM.replace("title: Output rose by 40% last year", "title: " + "x" * 121))
    assert _schema_errors(CLAIM.replace("reviewed: 2026-01-12", "reviewed: 2026-02-30"))
    assert dt.date.today()  # future dates need the build date: validate only
