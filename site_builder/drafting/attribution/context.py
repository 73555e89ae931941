"""A whole article: ``attribute`` for each sentence, with what the sentences around it tell (quotations that
go on, "he" and "the agency" named before, a publication's publisher)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .words import (
    FIGURES, INSTITUTIONS, NOT_NAMES, OPEN_QUOTES, ORG_NOUNS, ORG_WORDS, PERSON_ROLES, PRONOUNS,
    PUBLICATION_CLAIMANT, ROLE_ABBREVIATIONS, SPOKESPEOPLE, THAT_IS_ACCORDING,
)
from .names import full_name, is_org, looks_like_person, name_at_start, strip_titles
from .sentence import Attribution, publisher_in, attribute


_LOOK_BACK = 40  # sentences before a sentence in which a person, organisation or title is looked for
_DETERMINED = re.compile(r"(?:The|the|Its|its|Their|their)\s+(\w+)")  # "The mayor", "the agency", "Its figures"


def attribute_all(sentences: Sequence[str]) -> list[Attribution]:
    """``attribute`` for each sentence of an article, in order, with what the sentences around tell.

    On top of ``attribute(sentence, previous)``:

    - a quotation that continues the previous sentence's quoted words, or a named person's reported
      words, with no cue of its own, is the same claimant's, ``direct``;
    - "He"/"She" is the last person named as a claimant before, "It"/"They" the last claimant of any
      kind (so "the report ..., it says" stays with the report's publisher);
    - a publication ("The report", "Friday's report", "their report") is its publisher: the name in
      "report by X" / "study from X" in the sentences around, else the last organisation quoted;
    - a role ("The mayor", "the chief") is the person first introduced with that title
      ("Mayor Antonio Villaraigosa"); "the agency" is the agency named before, else the organisation
      the sentence opens with, else the last organisation quoted; an organisation said again by one
      word is given in full ("The Observatory" -> "Syrian Observatory for Human Rights");
    - "He"/"She" is never a name after a preposition ("in Green Bay", "on Election Day"), and a
      surname alone stands for the full name given before ("Trump" -> "Donald Trump");
    - a sentence with no cue that the next one attributes ("That's according to X") is X's.
    """
    found: list[Attribution] = []
    for index, sentence in enumerate(sentences):
        previous = sentences[max(0, index - _LOOK_BACK) : index]
        current = attribute(sentence, previous)
        if current.kind == "none" and found and _continues_quote(sentence, sentences[index - 1], found[-1]):
            current = Attribution(found[-1].claimant, "direct", found[-1].cue)
        elif current.kind == "none" and index + 1 < len(sentences):
            match = THAT_IS_ACCORDING.match(sentences[index + 1].lstrip())
            if match is not None:
                source = publisher_in(match.group("source")) or name_at_start(match.group("source"))
                if source:
                    current = Attribution(source, "reported", "according to")
        elif current.kind in ("direct", "reported"):
            current = _in_context(current, sentences, index, found)
        elif current.claimant in ("Unnamed officials", "Unnamed authorities"):
            current = _officials_of(current, sentences, index, found)
        found.append(current)
    return _quoted_ahead(sentences, found)


def _quoted_ahead(sentences: Sequence[str], found: list[Attribution]) -> list[Attribution]:
    """Quoted sentences with no source of their own are the words of whoever opened the quotation ('the WMO
    said: "It is premature.' then 'It is consistent with ...') or, else, of whoever its end names ('“We will
    fight.' then 'We will win,” she said.'). A quotation may go on into the next paragraph, which opens with
    a quotation mark again and leaves the previous one unclosed, as news style does; a sentence outside quotation
    marks with a source of its own is past the quotation."""
    quoted: list[bool] = []  # the sentence is inside a quotation that it does not close
    closes: list[bool] = []
    ends: list[bool] = []  # the sentence ends a quotation opened in a sentence before it
    openers: list[int | None] = []  # the sentence that opened the quotation a sentence is in
    open_before = False
    opener: int | None = None
    for index, sentence in enumerate(sentences):
        if open_before and not any(mark in sentence for mark in "“”\"") and found[index].kind in ("reported",
                                                                                                   "vague"):
            # 'The agency warned that ...': the quotation before ended with its paragraph
            open_before, opener = False, None
        is_open = open_before
        closed = False
        for at, mark in enumerate(sentence):
            if mark not in "“”\"":
                continue
            # a straight quote opens where a word starts after it: at the start, after a space or a bracket
            opening = mark == "“" or (mark == '"' and (at == 0 or sentence[at - 1] in " ([—–-")
                                      and sentence[at + 1 : at + 2].strip() != "")
            if opening:
                if not is_open and not open_before:
                    opener = index
                is_open = True
            elif is_open:
                is_open, closed = False, True
        quoted.append((open_before or sentence.lstrip()[:1] in "“\"") and not closed)
        closes.append(closed)
        ends.append(open_before and closed)
        openers.append(opener if open_before or is_open else None)
        open_before = is_open
    out = [Attribution(a.claimant, "direct", a.cue) if end and a.kind == "reported" and a.claimant else a
           for a, end in zip(found, ends)]  # 'We will win,” said Mayor Ann Cole.': her quoted words
    for index, current in enumerate(found):
        if current.kind != "none" or not (quoted[index] or ends[index]):
            continue
        start = openers[index]
        if start is not None and start < index and out[start].kind == "direct" and out[start].claimant:
            out[index] = Attribution(out[start].claimant, "direct", out[start].cue)
            continue
        end = next((later for later in range(index + 1, min(len(sentences), index + 8)) if closes[later]), None)
        if quoted[index] and end is not None and out[end].kind == "direct" and out[end].claimant:
            out[index] = Attribution(out[end].claimant, "direct", out[end].cue)
    return out


def _officials_of(found: Attribution, sentences: Sequence[str], index: int, earlier: list[Attribution]) -> Attribution:
    """"officials said" just after "Customs and Border Protection (CBP) officials said" are that organisation's."""
    for back in range(1, min(3, index) + 1):
        before = earlier[index - back]
        if before.kind == "reported" and before.claimant and (
            (before.cue or "").startswith(("officials ", "authorities "))  # a third sentence of the same officials
            or re.search(rf"{re.escape(before.claimant)}(?:\s*\([A-Z][\w.&-]*\))?\s+(?:officials|authorities)\b",
                         sentences[index - back])
        ):
            return Attribution(before.claimant, "reported", found.cue)
    return found


def _continues_quote(sentence: str, before: str, attribution: Attribution) -> bool:
    """Whether ``sentence`` is quoted words that go on from ``before``, which has a quotation and a source."""
    text = sentence.strip()
    if attribution.kind not in ("direct", "reported") or not text or text[0] not in OPEN_QUOTES:
        return False
    # "He said the economy was good." then "“It said we had ...": a person's words go on in a quotation
    return any(mark in before for mark in "“”\"«»") or looks_like_person(attribution.claimant or "")


def _in_context(found: Attribution, sentences: Sequence[str], index: int, earlier: list[Attribution]) -> Attribution:
    claimant = found.claimant or ""
    lowered = claimant.lower()
    previous = sentences[max(0, index - _LOOK_BACK) : index]  # where a name said again was introduced
    resolved: str | None = None
    if lowered in ("he", "she"):
        resolved = next((a.claimant for a in reversed(earlier[-8:]) if a.kind in ("direct", "reported")
                         and a.claimant and looks_like_person(a.claimant)), None)
    elif lowered in ("it", "they"):
        resolved = next((a.claimant for a in reversed(earlier[-3:]) if a.kind in ("direct", "reported")
                         and a.claimant and a.claimant.lower() not in PRONOUNS
                         and not (lowered == "it" and looks_like_person(a.claimant))), None)
    elif PUBLICATION_CLAIMANT.match(claimant):
        nearby = [*reversed(sentences[max(0, index - 8) : index + 1]), *sentences[index + 1 : index + 2]]
        noun = claimant.split()[-1].lower()
        resolved = (_data_source(noun, previous[::-1]) if noun in FIGURES else None) or next(
            (p for p in map(publisher_in, nearby) if p), None) or (
            _org_at_start(sentences[index]) if claimant.lower().startswith(("its ", "their ")) else None) or next(
            (a.claimant for a in reversed(earlier) if a.kind in ("direct", "reported") and a.claimant
             and not looks_like_person(a.claimant) and a.claimant.lower() not in PRONOUNS), None)
    elif _DETERMINED.fullmatch(claimant):
        role = claimant.split()[-1]
        if role.lower() in PERSON_ROLES:
            resolved = _introduced_as(role, previous)
        elif role.lower() in ORG_NOUNS:  # the agency named before, else the one this sentence opens with
            resolved = _named_org(role, previous) or _org_at_start(sentences[index]) or next(
                (a.claimant for a in reversed(earlier[-3:]) if a.kind in ("direct", "reported") and a.claimant
                 and is_org(a.claimant)), None)
    elif (owner := re.fullmatch(r"([A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)[’']s\s+(\w+)", claimant)) and (
        owner.group(2) in PERSON_ROLES
    ):  # "NASA's administrator": the administrator named before, else NASA
        resolved = _introduced_as(owner.group(2), previous)
        resolved = resolved or (None if looks_like_person(owner.group(1)) else owner.group(1))
    elif (spoke := re.fullmatch(r"(?:The|the)\s+(.+?)\s+(\w+)", claimant)) and spoke.group(2) in SPOKESPEOPLE:
        # "the sheriff's office spokesman": the spokesman named before, else the office he speaks for
        resolved = _introduced_as(spoke.group(2), previous) or "The " + spoke.group(1)
    name = resolved or claimant
    if " " not in name and name.strip(".") in ORG_WORDS and name.lower() not in INSTITUTIONS:
        resolved = _named_org(name.strip("."), previous) or resolved  # "The Observatory" -> "Syrian Observatory ..."
    elif " " not in name and name[:1].isupper() and name.lower() not in PRONOUNS:
        resolved = full_name(name, previous) or resolved  # "Warren" -> "Lovely Warren"
    figures = _DETERMINED.fullmatch(claimant)
    if not resolved and figures is not None and figures.group(1) in FIGURES:
        return Attribution("Unnamed " + figures.group(1), "vague", found.cue)  # "The figures show", no source before
    return Attribution(resolved, found.kind, found.cue) if resolved else found


def _data_source(noun: str, previous: Sequence[str]) -> str | None:
    """Whose ``noun`` ("figures") an earlier sentence gave, nearest first ("NHS Digital figures show")."""
    pattern = re.compile(rf"([A-Z][\w’'.&-]*(?:\s+(?:(?:of|for|and|on)\s+)?[A-Z][\w’'.&-]*)*)\s+{noun}\b")
    for sentence in previous:
        for match in reversed(list(pattern.finditer(sentence))):
            words = [w for w in match.group(1).split() if w not in NOT_NAMES]
            if words:
                return " ".join(words)
    return None


def _org_at_start(sentence: str) -> str | None:
    """"Arkansas State Police have arrested ..." -> "Arkansas State Police"."""
    name = name_at_start(sentence.lstrip())
    return name if name is not None and is_org(name) else None


def _named_org(noun: str, previous: Sequence[str]) -> str | None:
    """The organisation named before with ``noun`` in its name: "the agency" -> "Environmental Protection Agency"."""
    word = noun[:1].upper() + noun[1:].lower()
    pattern = re.compile(
        rf"(?:[A-Z][\w’'.&-]*\s+(?:(?:of|for|and|on)\s+)?)*{word}"
        r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'.&-]*(?:\s+(?:and\s+)?[A-Z][\w’'.&-]*)*)?"
    )
    for sentence in reversed(previous):
        for match in reversed(list(pattern.finditer(sentence))):
            words = match.group().rstrip(".,").split()
            while words and words[0] in NOT_NAMES:
                words.pop(0)
            if len(words) >= 2:
                return " ".join(words)
    return None


def _introduced_as(role: str, previous: Sequence[str]) -> str | None:
    """The name first given with the title ``role`` in the nearest sentence that has one ("Mayor Lovely Warren",
    "Gov. Bobby Jindal" for "the governor")."""
    titles = "|".join([rf"\b(?i:{re.escape(role)})", *(re.escape(a) for a in ROLE_ABBREVIATIONS.get(role.lower(), ()))])
    pattern = re.compile(rf"(?:{titles})\s+((?:[A-Z][\w’'.-]*\s+){{0,3}}[A-Z][\w’'-]*[\w])")
    for sentence in reversed(previous):
        for match in pattern.finditer(sentence):
            name = strip_titles(match.group(1).split())
            if name[:1].isupper() and looks_like_person(name):
                return name
    return None
