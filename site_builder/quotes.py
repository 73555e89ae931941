"""Finding a claim's quote in its article, and the article's paragraphs.

A quote matches when its words appear in the article in order, ignoring
differences in whitespace (line breaks included), straight vs curly quotes and
the kind of dash. ``…`` or ``[...]`` join segments that appear in that order.
Matching works on the original text, so every span is an offset into the
article body exactly as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .memo import remembered_pair

SINGLE_QUOTES = "'‘’‚‛′`"
DOUBLE_QUOTES = '"“”„‟″«»'
DASHES = "-‐‑‒–—―−"
ELLIPSIS_RE = re.compile(r"\s*(?:…|\[\s*(?:\.\.\.|…)\s*\])\s*")

_CLASSES = {
    **{c: "[" + re.escape(SINGLE_QUOTES) + "]" for c in SINGLE_QUOTES},
    **{c: "[" + re.escape(DOUBLE_QUOTES) + "]" for c in DOUBLE_QUOTES},
    **{c: r"\s*[" + re.escape(DASHES) + r"]\s*" for c in DASHES},
}
_NORMALISE = str.maketrans({**{c: "'" for c in SINGLE_QUOTES}, **{c: '"' for c in DOUBLE_QUOTES}, **{c: "-" for c in DASHES}})
# one character for one, so offsets into the result are offsets into the original
_NORMALISE_KEEPING_OFFSETS = str.maketrans({**{c: "'" for c in SINGLE_QUOTES}, **{c: '"' for c in DOUBLE_QUOTES},
                                            **{c: "-" for c in DASHES}, "\n": " ", "\t": " ", "\r": " "})
_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Near:
    """The passage of an article closest to a quote that was not found."""

    passage: str
    similarity: int  # percent
    segment: str  # the part of the quote that was not found


def segments(quote: str) -> list[str]:
    return [part.strip() for part in ELLIPSIS_RE.split(quote.strip()) if part.strip()]


@lru_cache(maxsize=4096)
def _pattern(segment: str) -> re.Pattern[str]:
    out: list[str] = []
    for char in segment:
        if char.isspace():
            if not out or out[-1] != r"\s+":
                out.append(r"\s+")
        else:
            out.append(_CLASSES.get(char) or re.escape(char))
    return re.compile("".join(out).replace(r"\s+\s*", r"\s*").replace(r"\s*\s+", r"\s*"))


@remembered_pair
def find(quote: str, text: str) -> list[Span] | None:
    """The spans of each segment of ``quote`` in ``text``, in order; None if any is missing.
    While serving, the answer is shared between rebuilds: never mutate it."""
    spans: list[Span] = []
    position = 0
    for segment in segments(quote):
        start = text.find(segment, position)  # most quotes are copied exactly: no pattern needed
        if start != -1:
            spans.append(Span(start, start + len(segment)))
            position = start + len(segment)
            continue
        match = _pattern(segment).search(text, position)
        if match is None:
            return None
        spans.append(Span(match.start(), match.end()))
        position = match.end()
    return spans or None


def normalise(text: str) -> str:
    return _SPACE_RE.sub(" ", text.translate(_NORMALISE)).strip()


def nearest(quote: str, text: str) -> Near:
    """The closest passage to the first segment of ``quote`` that is not in ``text``."""
    position = 0
    missing = segments(quote)[0] if segments(quote) else quote
    for segment in segments(quote):
        match = _pattern(segment).search(text, position)
        if match is None:
            missing = segment
            break
        position = match.end()
    haystack = text.translate(_NORMALISE_KEEPING_OFFSETS)
    found = fuzz.partial_ratio_alignment(normalise(missing), haystack)
    if found is None or found.score == 0:
        return Near("", 0, missing)
    start, end = found.dest_start, found.dest_end
    # widen to whole words
    while start > 0 and not haystack[start - 1].isspace():
        start -= 1
    while end < len(haystack) and not haystack[end].isspace():
        end += 1
    return Near(" ".join(text[start:end].split()), int(found.score), missing)


# -- paragraphs ----------------------------------------------------------------------------------

_BLANK_LINE_RE = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of an article body as spans.

    Blank lines separate paragraphs; a text with no blank line at all has one
    paragraph per line (many sites put each sentence on its own line)."""
    if _BLANK_LINE_RE.search(text.strip()):
        breaks = _BLANK_LINE_RE
    else:
        breaks = re.compile(r"\n\s*")
    spans = []
    position = 0
    for match in breaks.finditer(text):
        spans.append(Span(position, match.start()))
        position = match.end()
    spans.append(Span(position, len(text)))
    return [_trim(text, span) for span in spans if text[span.start : span.end].strip()]


def _trim(text: str, span: Span) -> Span:
    chunk = text[span.start : span.end]
    return Span(span.start + len(chunk) - len(chunk.lstrip()), span.end - len(chunk) + len(chunk.rstrip()))
