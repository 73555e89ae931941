"""A transcript's turns ("NAME: words") and the speaker of each sentence."""

from __future__ import annotations

from site_builder.drafting.turns import Turn, speakers_of, turns

DEBATE = "Opening remarks.\n\nCHUCK TODD: Welcome. Senator?\n\nMr. Romney: Thank you.\n\nCHUCK TODD: Next.\n"


def test_turns_are_names_and_colons_at_line_starts_with_their_words_after() -> None:
    found = turns(DEBATE)
    assert [t.speaker for t in found] == ["Chuck Todd", "Mr. Romney", "Chuck Todd"]
    assert DEBATE[found[0].start:found[0].end] == "CHUCK TODD: " and DEBATE[found[1].end:].startswith("Thank you.")


def test_speakers_of_each_sentence_is_the_last_turns_none_before_the_first() -> None:
    found = turns(DEBATE)
    starts = [0, DEBATE.index("Welcome"), DEBATE.index("Senator"), DEBATE.index("Thank"), DEBATE.index("Next")]
    assert speakers_of(starts, found) == [None, "Chuck Todd", "Chuck Todd", "Mr. Romney", "Chuck Todd"]
    assert speakers_of([5], [Turn("A", 0, 3)]) == ["A"]


def test_a_text_is_a_transcript_only_with_three_turns_of_two_speakers_and_no_labels() -> None:
    assert turns("TRUMP: One.\nTRUMP: Two.\nTRUMP: Three.\n") == []  # one speaker
    assert turns("HOLT: One?\nTRUMP: Two.\n") == []  # two turns
    assert turns("Update: one.\nNote: two.\nEditor's note: three.\nPhoto: four.\n") == []
    assert turns("Monday: rain.\nTuesday: sun.\nWednesday: wind.\n") == []
    assert turns("The mayor said: we will.\nHe added: soon.\nShe said: no.\n") == []  # not at a line's start
