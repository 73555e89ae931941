"""Finding a claim's quote in its article, and the article's paragraphs.

A quote matches when its words appear in the article in order, ignoring
differences in whitespace (line breaks included; between two Chinese or Japanese
characters, which no space separates, whitespace is no difference at all), straight
vs curly quotes (and 「」『』), the kind of dash, full-width forms ('，' for ',',
'％' for '%'), soft hyphens (U+00AD: invisible, copied from web
pages), the Arabic tatweel that stretches a word to fit a line (U+0640: 'الـحـكومة' is 'الحكومة')
and how accented letters are encoded (NFC or NFD, as macOS and PDFs
copy them). ``…`` or ``[...]`` join segments that appear in that order.
Matching works on the original text, so every span is an offset into the
article body exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from .memo import remembered_pair

SINGLE_QUOTES = "'‘’‚‛′`『』"
DOUBLE_QUOTES = '"“”„‟″«»「」'
DASHES = "-‐‑‒–—―−"
# Full-width forms of ASCII (Chinese and Japanese text: '，' '％' '９０'), each its ASCII character
FULL_WIDTH = {chr(0xFF01 + offset): chr(0x21 + offset) for offset in range(94)}
# No leading or trailing \s*: segments are stripped anyway, and a pattern that starts with \s* retries
# every whitespace run from each of its characters (quadratic in a run of spaces).
ELLIPSIS_RE = re.compile(r"…|\[\s*(?:\.\.\.|…)\s*\]")
NEAR_LIMIT = 100  # characters of a missing quote looked for in the whole article: linear in it, about 0.4 s a MB
WHOLE_LIMIT = 2_000  # characters of a missing quote its closest passage covers: a quote's own limit (QUOTE_LIMIT)

# each character compared as another of its kind: one for one, so offsets into the result are offsets into the original
_TYPOGRAPHY = {**FULL_WIDTH, **{c: "'" for c in SINGLE_QUOTES}, **{c: '"' for c in DOUBLE_QUOTES}, **{c: "-" for c in DASHES}}
_NORMALISE = str.maketrans(_TYPOGRAPHY)
_NORMALISE_KEEPING_OFFSETS = str.maketrans({**_TYPOGRAPHY, "\n": " ", "\t": " ", "\r": " "})
_SPACE_RE = re.compile(r"\s+")
# Characters that change how a word is laid out, not which word it is: the soft hyphen (where a word may
# break: a hyphen shown only at a line's end) and the tatweel (kashida: lengthens an Arabic word)
LAYOUT_ONLY = "\u00ad\u0640"
# after _NORMALISE: a run of whitespace, dashes and layout-only characters (one class: linear)
_RUN_RE = re.compile(f"[\\s\\-{LAYOUT_ONLY}]+")
_LAYOUT_ONLY_GONE = str.maketrans(dict.fromkeys(LAYOUT_ONLY))


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


# Chinese and Japanese: ideographs, kana, their punctuation and full-width forms. A line break between two of
# them is where a page was wrapped, and YAML folds a quote's line break into a space: neither is in the text.
_CJK = "\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_RE = re.compile(f"[{_CJK}]")


def has_cjk(text: str) -> bool:
    """Whether ``text`` has Chinese or Japanese in it (words not separated by spaces)."""
    return _CJK_RE.search(text) is not None


def _between_cjk(text: str, start: int, end: int) -> bool:
    return 0 < start and end < len(text) and _CJK_RE.match(text[start - 1]) is not None \
        and _CJK_RE.match(text[end]) is not None


# After _NORMALISE ('«' and '»' are '"'): French sets a space, often a narrow no-break one, inside « » and
# before ':', ';', '!', '?' and '%', where other writers and most keyboards leave none. Whitespace there
# is typography, not wording.
_SPACE_OPTIONAL_BEFORE = frozenset('":;!?%')
_SPACE_OPTIONAL_AFTER = frozenset('"')


def _optional_space(text: str, start: int, end: int, cjk: bool) -> bool:
    """Whether the whitespace of ``text`` from ``start`` to ``end`` is no difference (see above)."""
    return ((end < len(text) and text[end] in _SPACE_OPTIONAL_BEFORE)
            or (start > 0 and text[start - 1] in _SPACE_OPTIONAL_AFTER)
            or (cjk and _between_cjk(text, start, end)))


def _canonical_run(run: str) -> str:
    """A run of whitespace, dashes and layout-only characters as compared: its dashes, or one space when
    it has none (so whitespace around a dash is optional, and any whitespace matches any other); nothing
    for layout-only characters alone (a word with one is the word without it)."""
    return "-" * run.count("-") or ("" if not run.strip(LAYOUT_ONLY) else " ")


def canonical(text: str) -> str:
    """Text as quotes are compared: quotes and dashes of one kind, whitespace runs as one space,
    no whitespace beside a dash, none between two Chinese or Japanese characters, and none where
    French typography puts a space (``_optional_space``)."""
    translated = text.translate(_NORMALISE)
    cjk = has_cjk(translated)
    return _RUN_RE.sub(lambda m: _run_in(translated, m, cjk), translated)


def _run_in(text: str, match: re.Match[str], cjk: bool) -> str:
    """``_canonical_run`` of a run of ``text``, nothing where its whitespace is optional; ``cjk``: whether
    ``text`` has Chinese or Japanese in it."""
    replaced = _canonical_run(match.group())
    return "" if replaced == " " and _optional_space(text, match.start(), match.end(), cjk) else replaced


@dataclass(frozen=True)
class _Canonical:
    """An article's canonical text, and where each of its pieces starts in the original: a piece is a
    stretch copied as it was, or one character standing for a run that changed."""

    text: str
    starts: array  # canonical offset where each piece starts
    origins: array  # original offset of the same place

    def original(self, offset: int) -> int:
        piece = bisect_right(self.starts, offset) - 1
        return self.origins[piece] + offset - self.starts[piece]


@lru_cache(maxsize=16)
def _canonical_with_offsets(text: str) -> _Canonical:
    """One pass over the article (cached: every claim quoting it shares it)."""
    translated = text.translate(_NORMALISE)
    cjk = has_cjk(translated)
    out: list[str] = []
    starts, origins = array("q", [0]), array("q", [0])
    copied = length = 0  # original offset copied up to; canonical length so far
    for match in _RUN_RE.finditer(translated):
        run = match.group()
        replaced = _run_in(translated, match, cjk)
        if replaced == run:
            continue  # one space, or dashes alone: stays as written
        out.append(translated[copied : match.start()])
        length += match.start() - copied
        if replaced == " ":
            starts.append(length)
            origins.append(match.start())
        else:  # each dash stands for itself
            at, count = run.find("-"), 0
            while at != -1:
                starts.append(length + count)
                origins.append(match.start() + at)
                at, count = run.find("-", at + 1), count + 1
        out.append(replaced)
        length += len(replaced)
        copied = match.end()
        starts.append(length)
        origins.append(copied)
    out.append(translated[copied:])
    return _Canonical("".join(out), starts, origins)


@remembered_pair
def find(quote: str, text: str) -> list[Span] | None:
    """The spans of each segment of ``quote`` in ``text``, in order; None if any is missing.
    While serving, the answer is shared between rebuilds: never mutate it.

    Linear in the text whatever the quote: plain substring searches, first as written (most quotes are
    copied exactly), then on the canonical forms, whose offsets lead back to the text as written."""
    parts = segments(quote)
    spans: list[Span] = []
    position = 0
    for segment in parts:
        start = text.find(segment, position)
        if start == -1:
            break
        spans.append(Span(start, start + len(segment)))
        position = start + len(segment)
    else:
        return spans or None
    article = _canonical_with_offsets(text)
    spans, position = [], 0
    for segment in parts:
        needle = canonical(segment)
        start = article.text.find(needle, position)
        for encoded in _other_encodings(needle) if start == -1 else ():
            needle = encoded  # accents encoded otherwise than in the article: 'a' + U+0301 for 'á'
            start = article.text.find(needle, position)
            if start != -1:
                break
        if start == -1:
            return None
        position = start + len(needle)
        spans.append(Span(article.original(start), article.original(position - 1) + 1))
    return spans


def _other_encodings(text: str) -> list[str]:
    """``text`` in the Unicode normal forms it is not in (composed, decomposed): an article is searched
    in the form it is written in, the quote in each form."""
    if text.isascii():
        return []
    return [form for form in dict.fromkeys(unicodedata.normalize(name, text) for name in ("NFC", "NFD")) if form != text]


def normalise(text: str) -> str:
    return _SPACE_RE.sub(" ", text.translate(_NORMALISE).translate(_LAYOUT_ONLY_GONE)).strip()


def nearest(quote: str, text: str) -> Near:
    """The closest passage to the first segment of ``quote`` that is not in ``text``, the whole of it.
    The segment's first NEAR_LIMIT characters are looked for in the whole text (linear in it); a longer
    segment's last NEAR_LIMIT characters (of its first WHOLE_LIMIT) then only in the stretch after that
    place where the rest of it can be, so that the passage and its similarity cover the whole segment."""
    parts = segments(quote) or [quote]
    article = _canonical_with_offsets(text)
    missing, position = parts[0], 0
    for segment in parts:
        needle = canonical(segment)
        start = article.text.find(needle, position)
        if start == -1:
            missing = segment
            break
        position = start + len(needle)
    haystack = text.translate(_NORMALISE_KEEPING_OFFSETS)
    wanted = normalise(missing)[:WHOLE_LIMIT]
    found = fuzz.partial_ratio_alignment(wanted[:NEAR_LIMIT], haystack)
    if found is None or found.score == 0:
        return Near("", 0, missing)
    start, end, similarity = found.dest_start, found.dest_end, found.score
    if len(wanted) > NEAR_LIMIT:
        stretch = haystack[start : start + 2 * len(wanted) + NEAR_LIMIT]  # room for words the quote leaves out
        tail = fuzz.partial_ratio_alignment(wanted[-NEAR_LIMIT:], stretch)
        if tail is not None and tail.score > 0:
            # to the quote's last word where the article has it (the alignment may stop a letter short or run
            # a letter on, into a word the quote does not have)
            last = wanted.rsplit(" ", 1)[-1]
            at = haystack.rfind(last, start + tail.dest_start, start + tail.dest_end + len(last))
            end = max(end, at + len(last) if at != -1 else start + tail.dest_end)
        similarity = fuzz.ratio(wanted, " ".join(haystack[start:end].split()))
    # cut at its paragraph: a passage runs into the next one only with a good part of the quote there
    held = [p for p in paragraphs(text) if min(end, p.end) - max(start, p.start) > 0]
    best = max(held, key=lambda p: min(end, p.end) - max(start, p.start), default=None)
    kept = [p for p in held if p is best or min(end, p.end) - max(start, p.start) >= len(missing) / 3]
    if kept:
        start, end = max(start, kept[0].start), min(end, kept[-1].end)
    # widen to whole words
    while start > 0 and not haystack[start - 1].isspace():
        start -= 1
    while end < len(haystack) and not haystack[end].isspace():
        end += 1
    return Near(" ".join(text[start:end].split()), int(similarity), missing)


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
