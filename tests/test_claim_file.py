"""claim_file.py, the one writer of claim files: what it writes reads back as what it was given."""

from __future__ import annotations

import pytest

from site_builder.claim_file import draft, scaffold
from site_builder.load import parse_yaml

AWKWARD = ['plain', 'a "quoted" word: # not a comment', "line\u2028separator\u2029and\x85next", "- starts like a list",
           "ends with a backslash \\", "Дмитрий Песков", "tab\there"]


@pytest.mark.parametrize("text", AWKWARD)
def test_a_scaffold_reads_back_as_what_it_was_given(text: str) -> None:
    written = scaffold(title=text, quote=text, article="an-article", claimant=text, attribution="direct",
                       rating_ids=["supported", "false"])
    data = parse_yaml(written)
    assert (data["title"], data["quote"], data["claimant"], data["article"]) == (text, text, text, "an-article")
    assert data["rating"] is None and data["sources"] == [] and data["status"] == "draft"
    assert written.startswith("# yaml-language-server: $schema=schema.json\n")
    assert "# One of: supported, false\nrating:\n" in written


@pytest.mark.parametrize("text", AWKWARD)
def test_a_draft_reads_back_as_what_it_was_given(text: str) -> None:
    written = draft(title=text, quote=text, article="an-article", claimant=text, attribution="vague",
                    tags=["s-400", "nato"], extractor="site-builder extract", version="1.0", model="m 1",
                    score=0.42, signals=["percentage"])
    data = parse_yaml(written)
    assert (data["title"], data["quote"], data["claimant"]) == (text, text, text)
    assert data["tags"] == ["s-400", "nato"] and data["status"] == "draft"
    assert data["provenance"] == {"extractor": "site-builder extract", "version": "1.0", "model": "m 1",
                                  "score": 0.42, "signals": ["percentage"]}
