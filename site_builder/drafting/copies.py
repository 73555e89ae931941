"""Sentences that repeat an existing claim: a reworded copy of its quote or of one of its appearances
(the same claim with details changed, as content farms republish an article). Pure: no files.

Words are compared in lower case, anything but letters and digits a space. A sentence's similarity to a quote is the geometric mean of two things:

- how much of the quote the sentence repeats: the weight of the quote's words that the sentence has,
  over the weight of all the quote's words, each word weighted by how rare it is among the claims
  (smoothed inverse document frequency, 1 + ln((claims + 1) / (claims whose quotes have the word + 1)),
  so a project of a few claims still has weights, and a claim's many appearances do not make its own
  words common), so "the", "said" and "percent" count for little;
- how alike their wording is: rapidfuzz's ``token_set_ratio`` (the words both have against each
  one's own words), which forgives a figure changed and words added around the quote.

and it counts only when they share at least ``SHARED_WORDS`` uncommon words (words in the quotes of at
most a tenth of the claims): a short, common sentence ("We need to focus on that.") is like many quotes by chance.
The threshold and these rules were chosen by measurement on the demo's hand-labelled copies and on
real debate sentences against 10,000 quotes (benchmarks/copies.py, benchmarks/README.md).

The index is an inverted index of words: a sentence is compared only with the ``CANDIDATES`` quotes
that share the most weight of its uncommon words (comparing with every quote took about 7 s an
article at 10,000 claims).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, utils

THRESHOLD = 0.5  # similarity at or above which a sentence repeats a claim
SHARED_WORDS = 5  # uncommon words a sentence must share with a quote to repeat it
UNCOMMON_SHARE = 0.1  # a word in the quotes of at most this share of the claims (or of UNCOMMON_LEAST) is uncommon
UNCOMMON_LEAST = 5
CANDIDATES = 30  # quotes compared with each sentence


def words(text: str) -> str:
    """Text as compared: lower case, anything but letters and digits a space (rapidfuzz's default_process)."""
    return utils.default_process(text)


@dataclass(frozen=True)
class Quoted:
    """One place a claim's words are: its first quote, or one of its appearances."""

    claim: str
    article: str
    quote: str


@dataclass(frozen=True)
class Repeat:
    """A sentence that repeats an existing claim: the claim, how alike, and the quote it is most like."""

    claim: str
    similarity: float  # 0 to 1, two decimals
    quote: Quoted


class QuoteIndex:
    """Every quote of every claim, ready to find the one a sentence repeats."""

    def __init__(self, quoted: Iterable[Quoted], threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.quoted = [q for q in quoted if words(q.quote).strip()]
        self.texts = [words(q.quote) for q in self.quoted]
        self.sets = [frozenset(text.split()) for text in self.texts]
        found: dict[str, list[int]] = defaultdict(list)
        claims: dict[str, set[str]] = defaultdict(set)  # word -> the claims whose quotes have it
        for number, text in enumerate(self.sets):
            for word in text:
                found[word].append(number)
                claims[word].add(self.quoted[number].claim)
        # rarity counts claims, not quotes: a claim's appearances repeat its words, which stay its own
        total = len({q.claim for q in self.quoted}) + 1
        self.weight = {word: math.log(total / (len(claims[word]) + 1)) + 1 for word in found}
        uncommon = max(UNCOMMON_LEAST, UNCOMMON_SHARE * (total - 1))
        self.postings = {word: np.array(numbers, dtype=np.int64) for word, numbers in found.items()
                         if len(claims[word]) <= uncommon}
        self.totals = [math.fsum(self.weight[word] for word in text) for text in self.sets]

    def add(self, quoted: Quoted) -> None:
        """One more quote (a claim drafted a moment ago), the other words' weights as they are: a new
        word weighs as a word of one quote."""
        text = words(quoted.quote)
        if not text.strip():
            return
        number = len(self.sets)
        self.quoted.append(quoted)
        self.texts.append(text)
        self.sets.append(frozenset(text.split()))
        for word in sorted(self.sets[-1]):
            if word not in self.weight:
                self.weight[word] = math.log((number + 2) / 2) + 1
                self.postings[word] = np.array([number], dtype=np.int64)
            elif word in self.postings:
                self.postings[word] = np.append(self.postings[word], number)
        self.totals.append(math.fsum(self.weight[word] for word in self.sets[-1]))

    def scored(self, sentence: str, candidates: int = CANDIDATES) -> list[tuple[float, Quoted]]:
        """The ``candidates`` quotes sharing the most weight of uncommon words with ``sentence``, with
        their similarity to it (0 for too few shared uncommon words), most alike first; on a tie, the
        first claim id, then the first quote of that claim."""
        text = words(sentence)
        mine = frozenset(text.split())
        found = [word for word in sorted(mine) if word in self.postings]  # in order: the same sums whatever the hash seed
        if not found:
            return []
        numbers = np.concatenate([self.postings[word] for word in found])
        weights = np.repeat([self.weight[word] for word in found], [len(self.postings[word]) for word in found])
        shared = np.bincount(numbers, weights=weights, minlength=len(self.sets))
        some = np.flatnonzero(shared)
        out = []
        for number in some[np.lexsort((some, -shared[some]))][:candidates].tolist():  # most weight first, then first quote
            both = mine & self.sets[number]
            score = 0.0
            if sum(word in self.postings for word in both) >= SHARED_WORDS and self.totals[number] > 0:
                covered = math.fsum(self.weight[word] for word in both) / self.totals[number]
                score = math.sqrt(covered * fuzz.token_set_ratio(text, self.texts[number]) / 100)
            out.append((round(score, 2), number))
        out.sort(key=lambda pair: (-pair[0], self.quoted[pair[1]].claim, pair[1]))
        return [(score, self.quoted[number]) for score, number in out]

    def repeats(self, sentence: str) -> Repeat | None:
        """The claim ``sentence`` repeats, if its most alike quote reaches the threshold."""
        best = next(iter(self.scored(sentence)), None)
        if best is None or best[0] < self.threshold:
            return None
        return Repeat(best[1].claim, best[0], best[1])

    def find(self, sentences: Sequence[str]) -> list[Repeat | None]:
        return [self.repeats(sentence) for sentence in sentences]
