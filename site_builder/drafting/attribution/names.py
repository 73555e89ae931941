"""Names in news text: the capitalised run before a verb, titles taken off it, whether it is a person or an
organisation, and the full name a surname stands for."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .words import (
    ACRONYM, CAPITALISED_RUN, CONNECTORS, GOVERNMENTS, HONORIFICS, INITIALS, NAME_TOKEN, NOT_NAMES,
    ORG_WORDS, PERSON_ROLES, PLACE_BEFORE, PREPOSITIONS, STATE_ABBREVIATIONS, SURNAME, TITLES, VAGUE_NOUNS,
)


def after_preposition(text: str, start: int) -> bool:
    """Whether the phrase at ``start`` is the object of a preposition ("by global analysts")."""
    before = text[:start].split()
    if before and before[-1].lower() == "the":
        before.pop()
    return bool(before) and before[-1].lower() in PREPOSITIONS


def name_run(words: list[str]) -> list[str]:
    """The capitalised words (with "of", "de", ... between them) that end ``words``."""
    run: list[str] = []
    for word in reversed(words):
        if NAME_TOKEN.match(word):
            run.insert(0, word)
        elif word in CONNECTORS and run:
            run.insert(0, word)
        else:
            break
    states = [i for i, word in enumerate(run) if word in STATE_ABBREVIATIONS]
    if states:  # "in Aurora, Colo. Police said": the place (or the sentence it ended) is no part of the source
        run = run[states[-1] + 1 :]
    while run and (run[0] in CONNECTORS or run[0] in NOT_NAMES):
        run.pop(0)
    if len(run) == 1 and run[0].lower() in VAGUE_NOUNS:
        return []
    return run


def _is_title(word: str) -> bool:
    """"Mayor", "Sen.", and plurals before a list of names ("Representatives Cortney Niland, ...")."""
    return word in TITLES or (word.endswith("s") and word[:-1] in TITLES)


def strip_titles(run: list[str]) -> str:
    """"Russian President Vladimir Putin" -> "Vladimir Putin"; "Jana Novak of Helix" -> "Jana Novak"."""
    last_title = max((i for i, word in enumerate(run) if _is_title(word)), default=-1)
    rest = run[last_title + 1 :]
    if last_title >= 0 and rest and rest[0] in CONNECTORS:
        # "Commissioner of Administration Kristy Nichols": the title's complement, then the name
        tail: list[str] = []
        for at in range(len(rest) - 1, -1, -1):
            word = rest[at]
            if word in CONNECTORS or word.strip(".,’'") in ORG_WORDS or _is_title(word):
                break
            if len(tail) >= 2 and rest[at - 1] in CONNECTORS:
                break  # "Director of Services Tom Gilligan": "Services" is the title's, the name has begun
            tail.insert(0, word)
        rest = tail
    if last_title >= 0 and (len(rest) >= 2 or (len(rest) == 1 and run[last_title] in HONORIFICS)):
        run = rest
    if "of" in run:  # a person "of" an organisation is the person; a "Ministry of Defense" stays
        person = run[: run.index("of")]
        if looks_like_person(" ".join(person)):
            run = person
    return " ".join(run)


def name_at_start(text: str) -> str | None:
    """The name that starts ``text``: "Omar Haddad, chief economist ..." -> "Omar Haddad"."""
    words: list[str] = []
    for word in text.split():
        if _is_title(word) or INITIALS.fullmatch(word):
            words.append(word)  # "Mr.", "A.", "A.P.": the name goes on
            continue
        bare = word.rstrip(",.;:!?")
        if not (NAME_TOKEN.match(bare) or (bare in CONNECTORS and words)):
            break
        words.append(bare)
        if bare != word:
            break
    name = strip_titles([w for w in words if w not in NOT_NAMES])
    return name or None


def capitalise(phrase: str) -> str:
    return phrase[:1].upper() + phrase[1:]


def is_org(name: str) -> bool:
    """"Arkansas State Police", "CBP", "U.N.", "Customs and Border Protection"."""
    words = name.split()
    return any(w.strip(".,’'") in ORG_WORDS or ACRONYM.fullmatch(w) for w in words) or (
        len(words) >= 3 and any(w in ("and", "of", "for") for w in words[1:-1]))


def people_named(sentence: str, recent: Sequence[str]) -> list[str]:
    """The people ``sentence`` names, in order: full names, and surnames alone that ``recent`` gives in full
    ("At the rally in Green Bay, Trump continued" -> "Donald Trump")."""
    found = [(sentence.find(name), name) for name in _person_names(sentence)]
    for match in SURNAME.finditer(sentence):
        if match.group() not in NOT_NAMES and not PLACE_BEFORE.search(sentence, 0, match.start()):
            name = full_name(match.group(), recent)
            if name is not None:
                found.append((match.start(), name))
    return [name for _, name in sorted(found)]


def _person_names(sentence: str) -> list[str]:
    """Capitalised runs that look like a person's name, titles removed, in order."""
    names = []
    for match in CAPITALISED_RUN.finditer(sentence):
        if PLACE_BEFORE.search(sentence, 0, match.start()) and not _is_title(match.group().split()[0]):
            continue  # "the rally in Green Bay", "on Election Day": a place or a time, no person
        words = [w.rstrip(",;:") for w in match.group().split() if w not in NOT_NAMES]
        if words and len(words[-1]) > 3:
            words[-1] = words[-1].rstrip(".")  # the sentence's period, not "Jr." or an initial
        if words and words[-1].endswith(("’s", "'s")):
            words[-1] = words[-1][:-2]  # "Mayor Anthony Silva’s announcement"
        name = strip_titles(words)
        if looks_like_person(name):
            names.append(name)
    return names


def looks_like_person(name: str) -> bool:
    words = name.split()
    return (
        len(words) >= 2
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
        and not any(w.strip(".,’'") in ORG_WORDS or w.endswith(("’s", "'s")) or re.fullmatch(r"[A-Z]{2,}", w)
                    or w == "and" for w in words)
    )


def could_be_person(claimant: str) -> bool:
    """A full name, a person's role ("The minister"), or a surname that is not a government."""
    if " " not in claimant:
        return claimant.strip(".") not in ORG_WORDS | GOVERNMENTS
    return looks_like_person(claimant) or claimant.split()[-1].lower() in PERSON_ROLES


def full_name(surname: str, previous: Sequence[str]) -> str | None:
    """"Shugayev" -> "Dmitry Shugayev" when a sentence before names him in full."""
    for sentence in reversed(previous):
        for name in _person_names(sentence):
            if name.split()[-1] == surname:
                return name
    return None
