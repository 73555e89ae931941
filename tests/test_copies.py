"""Sentences that repeat an existing claim (drafting/copies.py), and adding them to the claim's file
(claim_file.with_appearances, claim_file.apply): matching, the report's words, the round trip."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from site_builder import claim_file
from site_builder.drafting.copies import QuoteIndex, Quoted
from site_builder.drafting.extract import Extraction
from site_builder.errors import Refused

from .conftest import REPO

# Quotes of unrelated claims, so that word weights mean something (a word in every quote weighs nothing).
OTHERS = [
    "The central bank raised its main interest rate to 4.5% on Thursday, the highest level in fifteen years.",
    "Wheat harvests in the northern provinces fell by a third after the driest spring on record.",
    "The ministry says the new rail line will carry twelve million passengers in its first year.",
    "Unemployment among graduates doubled between 2019 and 2023, according to the statistics office.",
    "The mayor promised to plant ten thousand trees along the river before the next election.",
    "Hospital waiting lists grew to seven million people, the longest since records began.",
    "The company denied that its factory had released untreated water into the lake.",
    "Electricity prices for households rose by 40% over the winter, regulators said.",
]
QUOTE = ("Reports indicate that the Russian system achieved a staggering 90% success rate in intercepting "
         "aerial threats, outperforming the U.S. Patriot system by a significant margin.")


COPY = ("Shugayev noted that analysts concede a 90% success rate in intercepting aerial threats, far outperforming "
        "the U.S. Patriot system, which stands at 50%.")


def index(*extra: Quoted) -> QuoteIndex:
    return QuoteIndex([Quoted("s400-success", "article-a", QUOTE), *extra,
                       *(Quoted(f"other-{n}", f"article-{n}", text) for n, text in enumerate(OTHERS))])


def test_a_reworded_copy_repeats_its_claim_and_other_sentences_do_not() -> None:
    found = index().repeats(COPY)
    assert found is not None and found.claim == "s400-success" and 0.5 <= found.similarity <= 1
    assert found.quote == Quoted("s400-success", "article-a", QUOTE)
    assert index().repeats("The Patriot system was first deployed by the United States Army in 1984.") is None
    assert index().repeats("That is a very significant margin.") is None  # too few words to be the same claim
    assert index().repeats("") is None


def test_a_project_of_one_claim_finds_its_copy_and_a_quote_added_later_is_found() -> None:
    one = QuoteIndex([Quoted("s400-success", "article-a", QUOTE)])  # every word in every quote: weights still count
    assert (found := one.repeats(COPY)) is not None and found.claim == "s400-success"
    empty = QuoteIndex([])
    assert empty.repeats(COPY) is None
    empty.add(Quoted("drafted-now", "article-a", QUOTE))  # a claim drafted earlier in the same run
    assert (found := empty.repeats(COPY)) is not None and found.claim == "drafted-now"
    grown = index()
    grown.add(Quoted("drafted-now", "article-z", "The Patriot system stands at 50% in intercepting aerial threats, "
                     "analysts concede, far below the S-400."))
    assert grown.repeats(COPY) is not None and grown.repeats(COPY).claim in ("s400-success", "drafted-now")


def test_the_same_words_repeat_the_first_claim_by_id() -> None:
    twin = Quoted("a-twin", "article-b", QUOTE)
    found = index(twin).repeats(QUOTE)
    assert found is not None and found.claim == "a-twin" and found.similarity == 1.0


ROWS = [
    {"quote": "A sentence that repeats", "score": 0.8123, "action": "repeats", "file": "claims/c.yaml",
     "repeats": {"claim": "c", "similarity": 0.574, "article": "a", "quote": "q"}},
    {"quote": "A new claim", "score": 0.7, "action": "created", "file": "claims/new.yaml", "repeats": None},
    {"quote": "An old claim", "score": 0.6, "action": "skipped", "reason": "overlaps the quote of claims/o.yaml",
     "repeats": None},
]


def test_the_report_says_which_claim_a_sentence_repeats_word_for_word() -> None:
    assert Extraction(ROWS, []).lines() == [
        "repeats c (similarity 0.57): A sentence that repeats",
        "created: claims/new.yaml (0.70) A new claim",
        "skipped: overlaps the quote of claims/o.yaml (0.60) An old claim",
        "1 created, 1 skipped, 1 repeats an existing claim",
    ]
    added = [{**ROWS[0], "action": "added appearance"}, {**ROWS[0], "action": "added appearance"}]
    assert Extraction(added, []).lines() == [
        "repeats c (similarity 0.57), appearance added to claims/c.yaml: A sentence that repeats",
        "repeats c (similarity 0.57), appearance added to claims/c.yaml: A sentence that repeats",
        "0 created, 0 skipped, 2 repeat existing claims (2 appearances added)",
    ]
    assert Extraction([{**ROWS[0], "action": "would add appearance"}], [], dry_run=True).lines() == [
        "repeats c (similarity 0.57), appearance to add to claims/c.yaml: A sentence that repeats",
        "0 to create, 0 skipped, 1 repeats an existing claim (1 appearance to add)",
    ]
    refused = {**ROWS[0], "reason": "claims/c.yaml changed"}
    assert Extraction([refused], []).lines()[0] == (
        "repeats c (similarity 0.57), appearance not added: claims/c.yaml changed: A sentence that repeats")


CLAIM = """\
# yaml-language-server: $schema=schema.json
# Checked by a person: keep this comment.
title: "A claim"
quote: "Some words"  # the first appearance
article: first-article
appearances:
  - article: second-article
    quote: "Other words"
    note: "Reworded."
# Who says it:
claimant: The outlet
tags: [a, b]
"""
NEW_LINES = '  - article: copy-article\n    quote: "The copy’s words: “quoted”, # not a comment"\n'
NEW = {"article": "copy-article", "quote": "The copy’s words: “quoted”, # not a comment"}


def test_an_appearance_is_added_and_every_other_line_kept(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    edit = claim_file.with_appearances(path, "claims/claim.yaml", [NEW])
    assert path.read_text(encoding="utf-8") == CLAIM  # nothing written before apply
    claim_file.apply(edit)
    assert path.read_text(encoding="utf-8") == CLAIM.replace("# Who says it:", NEW_LINES + "# Who says it:")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claim.yaml"]  # no temporary file left


def test_a_claim_without_appearances_gets_the_list_after_its_article(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    text = 'title: "A claim"\nquote: "Some words"\narticle: first-article\n# Who says it:\nclaimant: The outlet\n'
    path.write_text(text, encoding="utf-8")
    claim_file.apply(claim_file.with_appearances(path, "claims/claim.yaml", [NEW]))
    assert path.read_text(encoding="utf-8") == text.replace("# Who says it:", "appearances:\n" + NEW_LINES + "# Who says it:")


def test_nothing_is_written_over_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    edit = claim_file.with_appearances(path, "claims/claim.yaml", [NEW])
    changed = CLAIM.replace('title: "A claim"', 'title: "A claim, edited meanwhile"')
    path.write_text(changed, encoding="utf-8")  # a person saves the file between the read and the write
    with pytest.raises(Refused) as refused:
        claim_file.apply(edit)
    assert str(refused.value) == "claims/claim.yaml changed since it was read; nothing was written to it (run the command again)"
    assert path.read_text(encoding="utf-8") == changed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claim.yaml"]


def test_an_appearance_already_listed_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text(CLAIM, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        claim_file.with_appearances(path, "claims/claim.yaml", [{"article": "second-article", "quote": "Other  words"}])
    assert str(refused.value) == ("claims/claim.yaml already has this appearance: appearances[0] quotes the same "
                                  "words of article 'second-article'")


def test_a_layout_the_round_trip_would_change_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    text = CLAIM.replace("tags: [a, b]", "tags:    [a,   b]")  # ruamel.yaml writes a flow list back as [a, b]
    path.write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        claim_file.with_appearances(path, "claims/claim.yaml", [NEW])
    assert str(refused.value) == ("claims/claim.yaml: writing it back would change lines other than the new "
                                  "appearance (its layout is not one ruamel.yaml reproduces); add the appearance by hand")
    assert path.read_text(encoding="utf-8") == text


def test_every_demo_claim_file_round_trips_unchanged(tmp_path: Path) -> None:
    """The demo's files are what people write: adding an appearance to any of them changes no other line."""
    for source in sorted((REPO / "claims").glob("*.yaml")):
        path = tmp_path / source.name
        shutil.copy(source, path)
        edit = claim_file.with_appearances(path, source.name, [NEW])
        before = source.read_text(encoding="utf-8").splitlines(keepends=True)
        after = edit.text.splitlines(keepends=True)
        assert [line for line in after if line not in before] == NEW_LINES.splitlines(keepends=True) or \
            [line for line in after if line not in before] == ["appearances:\n", *NEW_LINES.splitlines(keepends=True)], source.name
        assert len(after) - len(before) in (2, 3), source.name
