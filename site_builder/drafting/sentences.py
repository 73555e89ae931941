"""Split news text into sentences, keeping exact offsets into the original text.

``split_sentences(text)`` returns :class:`Sentence` values whose ``text`` is
``original[start:end]``: verbatim, never rewritten, with no whitespace at either end.

How it works
------------
The per-sentence decision is made by `sentencex <https://github.com/wikimedia/sentencex>`_
(Wikimedia's rule-based segmenter; ``benchmarks/sentences.py`` measured it against nupunkt, pysbd,
syntok and a regex baseline). Around it sit three thin, offset-preserving layers that handle what
news text does and the library does not know about:

1. **Line layout** (:func:`_blocks`). The text is cut into blocks at *hard* breaks only:

   * a blank line (a paragraph break) always ends a sentence, **except** when the paragraph ends in
     an abbreviation that, by the rules below, continues into the next paragraph. The demo article
     has ``"outperforming the U.S.\\n\\nPatriot system by a significant margin."``: a single sentence
     that the source broke in two (its paragraphs look like the output of a splitter that stopped at
     "U.S."). We keep it as **one** sentence, because "Patriot system by a significant margin." is
     not a claim on its own. The sentence's text then contains the blank line, verbatim.
   * a single newline after a line with no final punctuation is a hard break when the line was
     ended on purpose: the next line starts like a sentence (capital letter, digit, opening quote),
     the line does not end in a word that cannot end a sentence ("of", "the", a comma, a dash), and
     the next line's first word would have fitted on it (measured against the longest line in the
     text). That catches headings, bylines and one-sentence-per-line text, while the lines of a
     hard-wrapped paragraph (which always end because the next word did not fit) stay together.
     A Title Case headline that is itself the longest line counts too, when it opens its paragraph
     and the line under it is a whole sentence.
   * a line that starts with a bullet (``-``, ``*``, ``•``, ``–``) starts a new sentence.

   Every other newline is soft: inside a block, newlines are replaced by spaces (one character for
   one, so offsets do not move) before the block is handed to the library, which therefore sees a
   hard-wrapped paragraph exactly as it would see the unwrapped one.

2. **Library** (:func:`_sentencex_spans`): sentencex splits each block.

3. **Abbreviation repairs** (:func:`_abbreviation_continues`). At every ``". "`` after an
   abbreviation the rules below overrule the library, in both directions (merging its false splits,
   adding the splits it missed):

   * titles (Mr., Dr., Gen., Sen., ...), e.g./i.e./vs./approx.: the sentence always continues;
   * "No. 5", "Nos. 2", "Jan. 15", "Sept. 30", "p. 4": continue before a number;
   * a.m./p.m.: continue before a lowercase word, a weekday or a time zone ("9 a.m. Eastern time",
     "5 p.m. Thursday"); otherwise the sentence ends ("at 10 a.m. Officials said ...");
   * Inc., Corp., Ltd., Co., Jr., Sr., etc., Bros.: continue before a lowercase word or a number,
     end before a capital ("rejected by Orion Inc. Its board said ...");
   * dotted acronyms (U.S., U.K., U.N., A.P.), St., months before a name, single-letter initials
     ("George W. Bush"): continue before a capitalised word unless that word is a common sentence
     opener (The, It, He, However, ...): "the U.S. Patriot system" is one sentence, "made in the
     U.S. The British side ..." is two;
   * a period followed by an all-lowercase word never ends a sentence ("about $4.6 bn. in 2024",
     "stalled... and then"); "eBay" and "iPhone" are not all-lowercase;
   * the word "no" (lowercase) is not the abbreviation: "Hollis said no. Nobody ..." is two;
   * a period closed by a bracket and followed by a capital ends the sentence ("(... figure.) The").

The line-layout rules assume greedy wrapping (what editors, e-mail clients and ``textwrap`` do);
in text broken by hand at random points, a short line that ends in a name before a capitalised
word ("met Vladimir\nPutin") is taken for a heading. The chosen library and the repairs are
measured by ``benchmarks/sentences.py`` on a development set and a held-out set
(``benchmarks/data/``), unwrapped and hard-wrapped at 72 and 40 columns.

Known limits: after "U.S."-style acronyms, a capitalised word that is not a common opener is read
as part of a name, so "in the U.S. Russia said ..." stays one sentence; a sentence that starts with
an all-lowercase word is joined to the one before; only English is supported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sentencex

__all__ = ["Sentence", "split_sentences"]


@dataclass(frozen=True)
class Sentence:
    """One sentence: ``text == original[start:end]``, without surrounding whitespace."""

    start: int
    end: int
    text: str


Spans = list[tuple[int, int]]
Segmenter = Callable[[str], Spans]


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; see the module docstring for the rules."""
    return _split(text, _sentencex_spans)


# --------------------------------------------------------------------------------------------
# The library


# sentencex takes time quadratic in the length of a text with unclosed quotation marks (200,000 '“':
# 71 s), so it is given pieces of at most this many characters, cut after a sentence's final
# punctuation where there is one (a longer sentence is no claim's quote anyway).
LIBRARY_PIECE = 2_000
_PIECE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")


def _sentencex_spans(text: str) -> Spans:
    """Sentence spans found by sentencex (character offsets, may include trailing whitespace)."""
    spans: Spans = []
    for start, end in _pieces(text):
        boundaries = sentencex.get_sentence_boundaries("en", text[start:end])
        spans += [(start + b["start_index"], start + b["end_index"]) for b in boundaries]
    return spans


def _pieces(text: str) -> Iterator[tuple[int, int]]:
    """``text`` in consecutive pieces of at most LIBRARY_PIECE characters."""
    start = 0
    while len(text) - start > LIBRARY_PIECE:
        limit = start + LIBRARY_PIECE
        ends = [m.end() for m in _PIECE_END.finditer(text, start + LIBRARY_PIECE // 2, limit)]
        space = text.rfind(" ", start + LIBRARY_PIECE // 2, limit)
        end = ends[-1] if ends else space + 1 if space != -1 else limit
        yield start, end
        start = end
    yield start, len(text)


# --------------------------------------------------------------------------------------------
# Driver


def _split(text: str, segment: Segmenter) -> list[Sentence]:
    """Split ``text`` with ``segment`` as the per-block segmenter (the benchmark swaps it)."""
    sentences: list[Sentence] = []
    for block_start, block_end in _blocks(text):
        # Same length, so offsets into ``flat`` are offsets into ``text``.
        flat = text[block_start:block_end].translate(_NEWLINES_TO_SPACES)
        cuts = _before_opening_quotes(flat, _repair(flat, _ends(flat, segment(flat))))
        start = 0
        for end in [*cuts, len(flat)]:
            sentence = _stripped(text, block_start + start, block_start + end)
            if sentence is not None:
                sentences.append(sentence)
            start = end
    return sentences


def _before_opening_quotes(flat: str, cuts: list[int]) -> list[int]:
    """A cut just after a straight quote that opens the next sentence (after a space, before a word:
    'Deputy Sheriffs. "The plea ...') goes before the quote, which is the next sentence's."""
    moved = {cut - 1 if 2 <= cut < len(flat) and flat[cut - 1] in "\"'" and flat[cut - 2].isspace()
             and not flat[cut].isspace() else cut for cut in cuts}
    return sorted(moved)


def _stripped(text: str, start: int, end: int) -> Sentence | None:
    """The span without the whitespace around it, or None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    return Sentence(start, end, text[start:end])


def _ends(flat: str, spans: Spans) -> list[int]:
    """Interior sentence ends (offsets just after the last non-space character) from ``spans``."""
    first, last = len(flat) - len(flat.lstrip()), len(flat.rstrip())  # the non-space text
    ends = []
    for start, end in spans:
        while end > start and flat[end - 1].isspace():
            end -= 1
        if end > start and first < end < last:
            ends.append(end)
    return sorted(set(ends))


# --------------------------------------------------------------------------------------------
# Layer 1: line layout


_NEWLINES_TO_SPACES = str.maketrans("\r\n\v\f\x85\u2028\u2029", "       ")  # one for one
_LINE = re.compile(r"[^\n]*\n|[^\n]+$")
_BLANK = re.compile(r"[ \t\r\f\v]*")
# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_FINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_OPENING = "\"'“‘«([¿¡"
_BULLET = re.compile(r"[-*•–]\s")
# Words a headline or a sentence does not end with: a line ending in one is a wrapped line.
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but nor as than that which who whose whom "
    "into onto over under between among about against during without within via per its their "
    "his her our your my is are was were be been has have had will would can could should may".split()
)


def _blocks(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the blocks between hard breaks (see the module docstring)."""
    lines = [(m.start(), m.group().rstrip("\r\n")) for m in _LINE.finditer(text)]
    width = max((len(line.rstrip()) for _, line in lines), default=0)
    block_start = 0
    previous: tuple[int, str] | None = None  # last non-blank line
    blank_since = False
    paragraph_first = True  # ``previous`` is the first line of its paragraph
    for start, line in lines:
        if _BLANK.fullmatch(line):
            blank_since = previous is not None
            continue
        if previous is not None:
            head = line.lstrip()
            previous_end = previous[0] + len(previous[1])
            before = text[max(block_start, previous_end - _CONTEXT) : previous_end]
            if blank_since:  # only an abbreviation carries a sentence across a blank line
                hard = not (_ends_with_abbreviation(before) and _abbreviation_continues(before, head))
            else:
                hard = _deliberate_line_end(previous[1], head, width, paragraph_first)
            if hard:
                yield block_start, previous_end
                block_start = start
        paragraph_first = previous is None or blank_since
        previous = (start, line)
        blank_since = False
    if previous is not None:
        yield block_start, previous[0] + len(previous[1])


def _deliberate_line_end(line: str, next_line: str, width: int, first: bool) -> bool:
    """Whether a single newline after ``line`` ends a sentence (heading, list, one-per-line).

    ``first``: ``line`` is the first line of its paragraph (where a headline would be).
    """
    if _BULLET.match(next_line):
        return True
    line = line.rstrip()
    if _FINAL.search(line) or not _starts_like_sentence(next_line):
        return False  # the library decides after terminal punctuation; lowercase continues
    last_word = line.rsplit(maxsplit=1)[-1]
    if last_word.lower() in _FUNCTION_WORDS or last_word[-1] in ",-—–(/&":
        return False  # "... Corps of" / "GENEVA —": the sentence goes on
    first_word = next_line.split(maxsplit=1)[0]
    if len(line) + 1 + len(first_word) <= width:
        return True  # the next word would have fitted: the line was ended on purpose
    # A headline that is the longest line of a short text, above a one-line sentence.
    return first and _looks_like_headline(line) and bool(_FINAL.search(next_line.rstrip()))


def _starts_like_sentence(line: str) -> bool:
    """Capital letter or digit, after any opening quotes or brackets."""
    first = line.lstrip(_OPENING)[:1]
    return first.isupper() or first.isdigit()


def _looks_like_headline(line: str) -> bool:
    """Title Case without commas: most words of 4+ letters capitalised ("Ties With Russia Deepen")."""
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", line) if len(w) >= 4]
    capitalised = sum(w[0].isupper() for w in words)
    return "," not in line and len(words) >= 3 and capitalised >= 0.75 * len(words)


# --------------------------------------------------------------------------------------------
# Layer 3: abbreviation repairs


def _words(*groups: str) -> frozenset[str]:
    return frozenset(word for group in groups for word in group.split())


# Always followed by more of the same sentence.
_TITLES = _words(
    "mr mrs ms messrs mme dr prof gen lt col maj sgt capt cmdr cdr adm brig gov sen rep rev hon",
    "pres supt det insp fr eg e.g ie i.e cf viz approx vs v bgen ltgen mgen",
)
# Continue before a number: "No. 5", "Jan. 15", "p. 4".
_MONTHS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
_BEFORE_NUMBER = _words("no nos art sec vol p pp fig figs ch para op") | _MONTHS
_CLOCK = _words("a.m p.m")
# Usually the last word of a name: a capital after them starts a new sentence.
_NAME_ENDINGS = _words("inc corp ltd co plc llc jr sr etc bros")
_ABBREVIATIONS = _TITLES | _BEFORE_NUMBER | _CLOCK | _NAME_ENDINGS | {"st"}
# Words that follow a.m./p.m. inside a sentence.
_CLOCK_CONTINUATIONS = _words(
    "monday tuesday wednesday thursday friday saturday sunday eastern central pacific mountain",
    "local gmt utc est edt cst cdt pst pdt bst cet cest ist msk",
)
# Common sentence openers: after an ambiguous abbreviation they signal a new sentence.
_OPENERS = _words(
    "the a an this that these those it its he she they we i you his her their our my there here",
    "in on at for from by with but and or so yet however meanwhile still also after before when",
    "while if as some many most both several all each no not one two three officials critics",
    "analysts according despite although though since because once then thus moreover",
)

_CONTEXT = 80  # characters of context the rules look at on each side of a period
_TOKEN_BEFORE = re.compile(r"(\S+)\.[\"'”’)\]]*\s*$")
_WORD_AFTER = re.compile(r"[\"'“‘(\[]*([\w$€£]+)")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "a.m", "A.P" (final period removed)
_INITIAL = re.compile(r"[A-Z]")


def _abbreviation_continues(before: str, after: str) -> bool | None:
    """Does the sentence go on across the period that ends ``before``?

    True: the period belongs to an abbreviation and the sentence continues into ``after``;
    False: it is a sentence end; None: these rules have no opinion (leave it to the library).
    """
    token_match = _TOKEN_BEFORE.search(before)
    word_match = _WORD_AFTER.match(after)
    if token_match is None or word_match is None:
        return None
    raw_token = token_match.group(1).lstrip(_OPENING)
    token = _abbreviation(raw_token)
    word = word_match.group(1)
    lower, digit = word[0].islower(), word[0].isdigit()
    is_opener = word.lower() in _OPENERS

    if word.islower():
        return True  # a sentence does not start with "in" or "and" ("$4.6 bn. in 2024"); "eBay" may
    if token in _TITLES:
        return True
    if token in _BEFORE_NUMBER and digit:
        return True
    if token in _BEFORE_NUMBER and raw_token.islower() and len(token) > 1:
        return False  # the word, not the abbreviation: "Hollis said no. Nobody ..."
    if token in _CLOCK:
        return lower or word.lower() in _CLOCK_CONTINUATIONS
    if token in _NAME_ENDINGS:
        return lower or digit
    if _is_acronym_or_initial(raw_token) or token in _MONTHS or token == "st":
        if lower:
            return True
        if word[0].isupper():
            return not is_opener
        return None
    if before.rstrip().endswith(".)") and word[0].isupper():
        return False  # "(The ministry corrected the figure.) The ..." (sentencex misses it)
    return None


def _ends_with_abbreviation(before: str) -> bool:
    """Whether ``before`` ends with a known abbreviation, a dotted acronym or an initial."""
    token_match = _TOKEN_BEFORE.search(before)
    if token_match is None:
        return False
    raw_token = token_match.group(1).lstrip(_OPENING)
    return _abbreviation(raw_token) in _ABBREVIATIONS or _is_acronym_or_initial(raw_token)


def _abbreviation(raw_token: str) -> str:
    """The token before a period as the lists have it: lower case, and a rank without its service
    ("P/BGen", Philippine National Police: "bgen")."""
    token = raw_token.lower()
    _, slash, rank = token.rpartition("/")
    return rank if slash and rank in _TITLES else token


def _is_acronym_or_initial(raw_token: str) -> bool:
    """"U.S", "a.m", "A.P" or "W" (the token before the final period)."""
    return bool(_ACRONYM.fullmatch(raw_token) or _INITIAL.fullmatch(raw_token))


_PERIOD_GAP = re.compile(r"\.[\"'”’)\]]*\s+")


def _repair(flat: str, ends: list[int]) -> list[int]:
    """Apply the abbreviation rules at every period followed by whitespace in ``flat``."""
    cuts = set(ends)
    for gap in _PERIOD_GAP.finditer(flat):
        end = gap.end() - len(gap.group()) + len(gap.group().rstrip())
        before = flat[max(0, end - _CONTEXT) : end]
        verdict = _abbreviation_continues(before, flat[gap.end() : gap.end() + _CONTEXT])
        if verdict is True:
            # The library may have cut right after the period or after the closing quote.
            cuts.difference_update(range(gap.start(), gap.end() + 1))
        elif verdict is False and not any(cut in cuts for cut in range(gap.start() + 1, gap.end() + 1)):
            cuts.add(end)
    return sorted(cuts)
