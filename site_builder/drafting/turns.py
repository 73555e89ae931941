"""Who says each sentence of a transcript: an interview or debate written as turns, "NAME: words".

A text is a transcript when at least ``MIN_TURNS`` of its lines begin with a speaker's name and a colon
("TRUMP:", "Chuck Todd:", "MR. ROMNEY:") and at least two speakers take turns; a sentence's speaker is
the one of the last turn that began at or before it. The names are as written, with an all-capitals
name in ordinary capitals ("CHUCK TODD" -> "Chuck Todd"). Pure: text in, spans and names out.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_TURNS = 3
_TURN_RE = re.compile(
    r"^[ \t]*(?P<name>[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,3}):[ \t]+(?=\S)", re.MULTILINE
)
# Labels that look like a turn and are not one.
_NOT_SPEAKERS = frozenset({
    "note", "editor's note", "editor’s note", "update", "updated", "correction", "clarification", "photo", "photos",
    "source", "sources", "related", "read more", "see also", "watch", "listen", "published", "posted", "by",
    "caption", "credit", "warning", "disclaimer", "transcript", "tags", "topics", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "yesterday",
})


@dataclass(frozen=True)
class Turn:
    speaker: str
    start: int  # where the name begins
    end: int  # where the words begin, after the colon


def turns(text: str) -> list[Turn]:
    """The turns of ``text`` in order, or [] when it is not a transcript."""
    found = [Turn(_display(m.group("name")), m.start("name"), m.end()) for m in _TURN_RE.finditer(text)
             if m.group("name").lower() not in _NOT_SPEAKERS and len(m.group("name")) <= 40]
    if len(found) < MIN_TURNS or len({t.speaker for t in found}) < 2:
        return []
    return found


def speakers_of(starts: Sequence[int], found: Sequence[Turn]) -> list[str | None]:
    """The speaker of each sentence beginning at ``starts`` (None before the first turn)."""
    begins = [t.start for t in found]
    out: list[str | None] = []
    for start in starts:
        i = bisect.bisect_right(begins, start) - 1
        out.append(found[i].speaker if i >= 0 else None)
    return out


def _display(name: str) -> str:
    name = " ".join(name.split())
    return name.title() if name.isupper() else name
