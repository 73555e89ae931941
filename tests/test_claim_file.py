"""claim_file.py, the one writer of claim files: what it writes reads back as what it was given."""

from __future__ import annotations

import pytest

from site_builder.claim_file import draft, scaffold
from site_builder.yaml_parse import parse_yaml

AWKWARD = ['plain', 'a "quoted" word: # not a comment', "line\u2028separator\u2029and\x85next", "- starts like a list",
           "ends with a backslash \\", "Дмитрий Песков", "tab\there"]


@pytest.mark.parametrize("text", AWKWARD)
def test_a_scaffold_reads_back_as_what_it_was_given(text: str) -> None:
    written = scaffold(title=text, quote=text, article="an-article", claimant=text, attribution="direct",
                       rating_ids=["supported", "false"])
    data = parse_yaml(written)
    assert (data["title"], data["quote"], data["claimant"], data["article"]) == (text, text, text, "an-article")
    assert data["rating"] is None and data["sources"] is None and data["status"] == "draft"
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


def _example_blocks(text: str) -> list[list[int]]:
    """The line numbers of each commented example: runs of indented comment lines under a key."""
    blocks: list[list[int]] = []
    for number, line in enumerate(text.split("\n")):
        if line.startswith("  # "):
            if blocks and blocks[-1][-1] == number - 1:
                blocks[-1].append(number)
            else:
                blocks.append([number])
    return blocks


def _uncomment(text: str, numbers: list[int]) -> str:
    lines = text.split("\n")
    for number in numbers:
        lines[number] = lines[number].replace("# ", "", 1)
    return "\n".join(lines)


def test_the_scaffold_is_valid_yaml_in_every_state_a_person_leaves_it_in(project) -> None:  # type: ignore[no-untyped-def]
    import sys

    from site_builder.config import read_settings
    from site_builder.project import load_project

    made = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                       "--quote", "Reports indicate that prices fell", "--id", "fresh")
    assert made.returncode == 0, made.stderr
    path = project.claims / "fresh.yaml"
    written = path.read_text(encoding="utf-8")
    blocks = _example_blocks(written)
    assert len(blocks) == 3  # sources, tags, related
    states = {"as written": written, "every example uncommented": _uncomment(written, sum(blocks, []))}
    states.update({f"example {n} uncommented": _uncomment(written, block) for n, block in enumerate(blocks)})
    for state, text in states.items():
        path.write_text(text, encoding="utf-8")
        found = load_project(read_settings(project.root / "mkdocs.yml")).errors
        assert [str(p) for p in found if p.path == "claims/fresh.yaml" and (p.field == "yaml" or "wrong type" in p.message)] == [], state
        data = parse_yaml(text)
        assert isinstance(data, dict) and data["status"] == "draft", state
    uncommented = parse_yaml(states["every example uncommented"])
    assert uncommented["sources"][0]["title"] == "The headline of the source"
    assert uncommented["tags"] == ["a-tag-id"] and uncommented["related"] == ["another-claim-id"]


def test_new_refuses_an_id_another_claim_keeps_as_an_alias(project) -> None:  # type: ignore[no-untyped-def]
    import sys

    # validate refuses an alias that is a claim's id: the file new wrote was then refused, on the other claim
    aliased = project.claims / "exports-doubled.yaml"
    aliased.write_text(aliased.read_text(encoding="utf-8") + "aliases: [old-exports-id]\n", encoding="utf-8")
    made = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                       "--quote", "Reports indicate that prices fell", "--id", "old-exports-id")
    assert made.returncode == 1
    assert made.stderr == ("Error: --id 'old-exports-id' is an alias of claims/exports-doubled.yaml, a former id that "
                           "keeps its old links working (expected an id no claim has or had)\n")
    assert not (project.claims / "old-exports-id.yaml").exists()
    assert project.validate().returncode == 0


def test_an_id_new_makes_up_is_never_another_claims_alias(project) -> None:  # type: ignore[no-untyped-def]
    import sys

    aliased = project.claims / "exports-doubled.yaml"
    aliased.write_text(aliased.read_text(encoding="utf-8") + "aliases: [nobody-knows-why]\n", encoding="utf-8")
    made = project.run(sys.executable, "-m", "site_builder", "new", "--article", "output-article",
                       "--quote", "Nobody knows why.")
    assert made.returncode == 0, made.stderr
    assert made.stdout == "wrote claims/nobody-knows-why-2.yaml; fill it in, then run site-builder validate\n"
    assert project.validate().returncode == 0
