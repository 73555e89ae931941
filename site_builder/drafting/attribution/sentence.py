"""One sentence: who it attributes what it says to (``attribute``), with pronouns and bare surnames resolved
against the sentences before it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .words import (
    ACCORDING, ACRONYM, AUTHORS, BARE_SPEECH_AFTER, BARE_SPEECH_VERBS, CLAUSE_VERBS, CLAUSE_WORDS,
    CLOSE_QUOTES, CONNECTORS, COUNTRY_ACRONYMS, DATA_BY, DATA_FROM, DESCRIBED, DIRECT_AFTER,
    EARLIER_REPORTING, FIGURES, FIGURES_SUBJECT, FINAL_SOURCE, FRONTED_CLAUSE, GAP_AFTER, GLUED_QUOTE,
    INSTITUTIONS, INSTITUTION_IN, INVERTED, INVERTED_AFTER, INVERTED_BEFORE, IN_REPORT, IT_IS, MEDIA_KINDS,
    MONTH_AND_DAY_NAMES, NAME_IN, NAME_TOKEN, NOT_NAMES, OBJECT_PRONOUNS, OFFICIALS_AT, OPENING_QUOTE,
    OPEN_QUOTES, ORG_GROUP, ORG_NOUNS, ORG_SPOKESPERSON, ORG_WORDS, OWNED_PAPER, PARTICIPLE, PARTIES,
    PERSON_ROLES, PREPOSITIONS, PRONOUNS, PUBLICATION_OF, QUANTIFIERS, QUOTED_AS_SAYING, REPORTEDLY,
    ROLE_NOUNS, ROLE_SUBJECT, SHOW_VERBS, SOME, STATE_ABBREVIATIONS, STOP_BEFORE_NOUN, TIME_NOUNS,
    VAGUE_NOUN_AT_END, VERB,
)
from .names import (
    after_preposition, capitalise, could_be_person, full_name, is_org, looks_like_person, name_at_start,
    name_run, people_named, strip_titles,
)


@dataclass(frozen=True)
class Attribution:
    claimant: str | None  # "Dmitry Shugayev", "Moscow", "Unnamed analysts"; None for the article
    kind: str  # "direct" | "reported" | "vague" | "none"
    cue: str | None  # the cue as written: "According to", "emphasized", "Reports indicate"


NONE = Attribution(None, "none", None)


def attribute(sentence: str, previous: Sequence[str] = ()) -> Attribution:
    """How ``sentence`` attributes what it says (see the module docstring)."""
    sentence = GLUED_QUOTE.sub(r"\1 ", sentence)  # '... County,”he said': a closing quote glued to the next word
    found = [f for f in (_according(sentence), _impersonal(sentence), _subject_verb(sentence), _in_report(sentence),
                         _quoted_as_saying(sentence)) if f]
    if not found:
        return NONE
    found = [f for f in found if not _inside_quotes(sentence, f[0])] or found  # the quoted words' own hedges
    if any(a.kind in ("direct", "reported") for _, a in found):
        # "He allegedly fled ..., according to the sheriff's office": the adverb hedges what the source says
        found = [f for f in found if f[1].cue not in ("reportedly", "allegedly", "purportedly", "reputedly")] or found
    _, attribution = min(found, key=lambda f: f[0])
    if attribution.kind in ("direct", "reported"):
        attribution = _resolve(attribution, previous)
    return attribution


_Found = tuple[int, Attribution]  # where the attribution starts in the sentence, and what it is


def _according(sentence: str) -> _Found | None:
    """"According to Shugayev, ..." / "..., according to the statistics office." """
    match = ACCORDING.search(sentence)
    if match is None:
        return None
    source = re.split(r"\s+(?:who|which|that|whose)\s+|"
                      r"\s+(?:submitted|presented|sent|given|delivered|addressed)\s+to\s+",
                      match.group("source").strip(), maxsplit=1)[0]
    cue = sentence[match.start() : match.start() + len("according to")]
    if source.lower() in OBJECT_PRONOUNS:  # "According to him": he, resolved as any "he"
        return match.start(), Attribution(OBJECT_PRONOUNS[source.lower()], "reported", cue)
    owner = OWNED_PAPER.fullmatch(source)
    if owner is not None:  # "the education ministry’s reply": the ministry
        return match.start(), Attribution(capitalise(owner.group("owner")), "reported", cue)
    while (data := DATA_FROM.match(source)) is not None:  # "figures from the agency": the agency
        source = data.group("source")
    publisher = publisher_in(source)
    if publisher:
        return match.start(), Attribution(publisher, "reported", cue)
    label = _vague_label(source)
    if label is not None:
        return match.start(), Attribution(label, "vague", cue)
    if EARLIER_REPORTING.search(source):
        return match.start(), Attribution("Earlier reporting", "vague", cue)
    named = _named_in(source) if source[:1].islower() or re.search(r"[’']s\s", source) else None
    if named is not None:
        return match.start(), Attribution(named, "reported", cue)
    # "According to Reuters the deal ..." (no comma): the name only
    if re.match(r"the [A-Z]", source):
        source = source[4:]  # "the Kremlin"
    claimant = name_at_start(source) if source[:1].isupper() else capitalise(source)
    return match.start(), Attribution(claimant or capitalise(source), "reported", cue)


def _named_in(phrase: str) -> str | None:
    """The name in a source described in words: "the agency's Bureau of Labor Statistics" -> "Bureau of Labor
    Statistics", "the government website Inciweb" -> "Inciweb", "the preliminary Customs and Border Protection
    data" -> "Customs and Border Protection", "NASA's midyear climate analysis" -> "NASA". None when the
    phrase names none, or is an organisation described by its kind ("the U.N. refugee agency")."""
    words = phrase.split()
    if not words or words[-1].lower() in ROLE_NOUNS | ORG_NOUNS | INSTITUTIONS:
        return None
    runs = [run.group() for run in NAME_IN.finditer(phrase) if run.group() not in NOT_NAMES]
    if not runs:
        return None
    owned = [run for run in runs if not run.endswith(("’s", "'s"))]
    return strip_titles((owned[-1] if owned else runs[-1][:-2]).split()) or None  # "sheriff’s Sergeant X": X


def _quoted_as_saying(sentence: str) -> _Found | None:
    """'"...," ANI quoted Gautam KC, chief of the district police, as saying': the person quoted."""
    match = QUOTED_AS_SAYING.search(sentence)
    if match is None:
        return None
    who = name_at_start(match.group("who"))
    if who is None:
        return None
    kind = "direct" if sentence.lstrip()[:1] in OPEN_QUOTES or DIRECT_AFTER.match(sentence, match.end()) else "reported"
    return match.start(), Attribution(who, kind, "quoted")


def _in_report(sentence: str) -> _Found | None:
    """"In the U.S. Conference of Mayors report, Los Angeles listed ..." """
    match = IN_REPORT.match(sentence.lstrip())
    if match is None:
        return None
    return 10**6, Attribution(match.group("source"), "reported", match.group().split()[0])  # any cue wins over it


def _impersonal(sentence: str) -> _Found | None:
    """"It is believed that ...", "reportedly", "a reported approval"."""
    match = IT_IS.search(sentence)
    if match is not None:
        return match.start(), Attribution("Unnamed sources", "vague", match.group())
    match = REPORTEDLY.search(sentence)
    if match is not None:
        cue = match.group("cue") or match.group("adj")
        return match.start(), Attribution("Unnamed reports", "vague", cue)
    return None


def _subject_verb(sentence: str) -> _Found | None:
    """The subject of the first speech verb that has one, or ``"...," said NAME``; a source that ends the sentence
    after a comma ("..., Sheikh Ahmed said.") speaks for all of it."""
    matches = [match for match in VERB.finditer(sentence) if not _inside_quotes(sentence, match.start("verb"))]
    fronted = FRONTED_CLAUSE.match(sentence)
    if fronted is not None and any(m.start() >= fronted.end() for m in matches):
        # "After scientists claimed ..., the WMO said": the main clause's source, not the subordinate clause's
        matches = [m for m in matches if m.start() >= fronted.end()]
    if len(matches) > 1 and FINAL_SOURCE.match(sentence, matches[-1].end()) and re.search(
        r",[”\"]?\s+[^,]+$", sentence[: matches[-1].start()]
    ):
        matches = matches[-1:] + matches[:-1]
    for match in matches:
        if re.search(r"[’']s\s*$", sentence[: match.start()]):
            continue  # "Friday's report also said": "report" is a noun here
        if (match.group("verb") in SHOW_VERBS and not FIGURES_SUBJECT.search(sentence, 0, match.start())
                and not re.match(r"\s+that\b", sentence[match.end() :])):
            continue  # "Construction also showed a sharp uptick" (but "it showed that ...")
        if match.group("verb") in BARE_SPEECH_VERBS and not BARE_SPEECH_AFTER.match(sentence, match.end()):
            continue  # "The United States added 661,000 jobs"
        if _inverted_source(sentence, match.start("verb")) is not None:
            break  # "..., said Filippo Grandi, head of ...": the source follows the verb
        subject = _subject_before(sentence[: match.start()])
        if subject is None:
            continue
        start, claimant, kind = subject
        if _in_relative_clause(sentence, claimant, start, match.end()):
            continue
        cue = match.group().strip()
        if kind == "vague":
            return start, Attribution(claimant, "vague", sentence[start : match.end()])
        if _quoted_around(sentence, start, match.end()):
            kind = "direct"
        return start, Attribution(claimant, kind, cue)
    match = INVERTED.search(sentence)
    if match is not None:
        who = _inverted_source(sentence, match.start("verb"))
        if who is not None:
            kind = "direct" if sentence.lstrip()[:1] in OPEN_QUOTES else "reported"
            return match.start("verb"), Attribution(who, kind, match.group("verb"))
    match = PARTICIPLE.search(sentence)
    if match is not None:  # "Mayor Carlos Mendez spoke on Monday, telling reporters that “...”"
        words = sentence.split()
        who = None
        if words and words[0].lower() in ("he", "she"):
            who = capitalise(words[0].lower())
        else:
            opening = re.match(r"(\w+)(?:\s+\w+){0,2},\s+", sentence.lstrip())
            # "Earlier, Trump exhorted his supporters, telling them ...": the subject after the opening
            start = opening.end() if opening is not None and opening.group(1) in NOT_NAMES else 0
            who = name_at_start(sentence.lstrip()[start:])
        if who is not None:
            kind = "direct" if DIRECT_AFTER.match(sentence, match.end()) else "reported"
            return match.start("verb"), Attribution(who, kind, match.group("verb"))
    return None


def _inside_quotes(sentence: str, at: int) -> bool:
    """Whether ``at`` is inside quoted words: after more opening than closing curly quotes, or an odd number of
    straight ones (the speaker's own "the ministry has confirmed" is not the sentence's source)."""
    before = sentence[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _in_relative_clause(sentence: str, claimant: str, subject_start: int, verb_end: int) -> bool:
    """Whether the subject and its speech verb are a relative clause's, not the sentence's source: a pronoun after
    "who", "whom", "which" or "that" ("a deputy, whom they believe was killed ..."), or a noun just before the
    subject and the verb followed by another verb or by "to" instead of its object ("a man they say committed
    ...", "a lull the administration has attributed to ...")."""
    if claimant.lower() in PRONOUNS and re.search(r"\b(?:who|whom|which|that)\s*$", sentence[:subject_start]):
        return True
    before = sentence[:subject_start].split()
    while before and before[-1] in ("the", "a", "an"):
        before.pop()  # "the Trump administration": the subject's own article
    word = before[-1] if before else ""
    return (word.isalpha() and word.islower() and word not in CLAUSE_WORDS and word not in TIME_NOUNS
            and GAP_AFTER.match(sentence, verb_end) is not None)


def _inverted_source(sentence: str, verb_start: int) -> str | None:
    """The name after an inverted verb ("..., said Filippo Grandi", "..., said the Washington Post"), if any."""
    match = INVERTED_AFTER.match(sentence, verb_start)
    if match is None or not INVERTED_BEFORE.search(sentence[:verb_start]):
        return None
    who = match.group("who")
    described = DESCRIBED.match(who)
    name = name_at_start(who[described.end() :] if described else who)
    return name[:-2] if name and name.endswith(("’s", "'s")) else name  # "read the HEC’s reply": the HEC


_Subject = tuple[int, str, str]  # where the subject starts in the text before the verb, the claimant, the kind


def _subject_before(before: str) -> _Subject | None:
    """(start, claimant, kind) of the subject that ends ``before``, the text up to the verb: the first of these
    readings that finds one (the last may also decide that there is none)."""
    text = before.rstrip()
    police = INSTITUTION_IN.search(text)
    if police is not None:
        return police.start(), f"{police.group('place')} {police.group('institution').lower()}", "reported"
    text = _without_appositive(text)
    if not text:
        return None
    return (_appositive_person(text) or _organisation_subject(text) or _figures_subject(text)
            or _unnamed_or_named_subject(text))


def _without_appositive(text: str) -> str:
    """``text`` without a party in brackets or an appositive between commas at its end."""
    if text.endswith(")"):  # "Sen. Maria Cantu (D-Ariz.) said"
        text = text[: text.rfind("(")].rstrip() if "(" in text else text
    if text.endswith(","):
        # "Dmitry Peskov, the press secretary for ..., emphasized": skip the appositive, and a place in it
        # ("Gerald Meehl, a scientist at a centre in Boulder, Colo., told")
        end = comma = len(text) - 1
        while (comma := text.rfind(",", 0, comma)) >= 0:
            segment = text[comma + 1 : end].strip()
            if segment[:1].islower():
                break
            if not (segment in STATE_ABBREVIATIONS or re.fullmatch(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?", segment)):
                comma = -1
                break
            end = comma
        text = text[:comma] if comma >= 0 else text[:-1]
    return text


def _appositive_person(text: str) -> _Subject | None:
    """A person followed by an appositive with no closing comma."""
    if "," not in text:
        return None
    comma = text.rfind(",")  # "“...,” Jana Novak, the city’s press secretary said"
    segment, head = text[comma + 1 :].split(), text[:comma].rstrip()
    if 0 < len(segment) <= 6 and segment[-1] in PERSON_ROLES:
        run = name_run(head.split())
        start = len(head) - len(" ".join(run))
        name = strip_titles(run) if run else ""
        if looks_like_person(name) and not after_preposition(head, start):
            return start, name, "reported"
    return _person_then_appositive(text)


def _organisation_subject(text: str) -> _Subject | None:
    """An organisation's unnamed spokesperson, officials or data."""
    for pattern in (ORG_SPOKESPERSON, OFFICIALS_AT):
        org = pattern.search(text)
        if org is not None:
            name = org.group("org") or org.groupdict().get("org2")
            if name and (is_org(name) or ACRONYM.fullmatch(name)):
                return org.start(), name, "reported"
    group = ORG_GROUP.search(text)
    if group is not None:  # "Customs and Border Protection (CBP) officials", "Census Bureau data"
        words = group.group("org").split()
        while words and (words[0] in NOT_NAMES or words[0] in MONTH_AND_DAY_NAMES):
            words.pop(0)
        named = [w for w in words if w not in CONNECTORS]
        acronym = len(named) == 1 and named[0] not in COUNTRY_ACRONYMS and bool(ACRONYM.fullmatch(named[0]))
        if words and (len(named) >= 2 or acronym  # "U.N. officials", "CBP officials"; "U.S. officials" are vague
                      or (group.group("data") and any(w.strip(".,") in ORG_WORDS for w in named))):
            start = group.end("org") - len(" ".join(words))
            person = looks_like_person(" ".join(words)) and len(named) == len(words) and "(" not in group.group()
            if not after_preposition(text, start) and not person:
                return start, " ".join(words), "reported"
    return None


def _figures_subject(text: str) -> _Subject | None:
    """Figures or a publication by a named source."""
    data = DATA_BY.search(text)
    if data is not None:  # "preliminary government data obtained by CBS News shows": CBS News
        return data.start("name"), data.group("name"), "reported"
    publication = PUBLICATION_OF.search(text)
    if publication is not None and publication.end() == len(text):  # "Recent modelling from the Institute for ..."
        return publication.start("name"), publication.group("name"), "reported"
    return None


def _unnamed_or_named_subject(text: str) -> _Subject | None:
    """An unnamed source, a pronoun, a news organisation, an institution, a name or a role; None also when the words
    before the verb are no source ("more than the 15,000 economists expected", "by Russia")."""
    vague = _vague_subject(text)
    if vague is not None:
        start, noun_start, label = vague
        if re.search(r"\bthan\b(?:\s+\S+){0,3}\s*$", text[:start]):
            return None  # "more than the 15,000 economists expected": a comparison, not a source
        the = re.search(r"(?:^|(?<=\s))(?:[Tt]he|[Ii]ts|[Tt]heir)\s+$", text[:noun_start])
        if the is not None and text[noun_start:].lower() in AUTHORS | FIGURES:  # "The researchers": the study's
            return the.start(), capitalise(text[the.start() : noun_start]) + text[noun_start:], "reported"
        if not after_preposition(text, start):
            return noun_start, label, "vague"
    words = text.split()
    if words[-1] in SOME or words[-1] in ("one", "another", "some", "others", "many"):  # '"...," one pointed out'
        return len(text) - len(words[-1]), "Unnamed sources", "vague"
    kinds = 0
    while kinds < min(2, len(words) - 1) and words[-1 - kinds] in MEDIA_KINDS:
        kinds += 1
    media = name_run(words[: len(words) - kinds]) if kinds else []
    if media:  # "The Sichuan Daily newspaper reported", "the Xinhua news agency said"
        start = len(" ".join(words[: len(words) - kinds])) - len(" ".join(media))
        if not after_preposition(text, start):
            return start, " ".join(media), "reported"
    if words[-1].lower() in PRONOUNS and (len(words) == 1 or words[-2].lower() not in PREPOSITIONS):
        return len(text) - len(words[-1]), capitalise(words[-1]), "reported"

    if words[-1].lower() in INSTITUTIONS:  # "Detroit police said", "police said"
        place = name_run(words[:-1])
        start = len(text) - len(" ".join([*place, words[-1]]))
        if place and not after_preposition(text, start):
            return start, " ".join([*place, words[-1]]), "reported"
        if len(words) == 1 or words[-2].lower() not in PREPOSITIONS:
            return len(text) - len(words[-1]), capitalise(words[-1]), "reported"
    run = name_run(words)
    if run:
        start = len(text) - len(" ".join(run))
        if not after_preposition(text, start):
            name = strip_titles(run)
            return (start, name, "reported") if name else None
        # "by Russia" is no subject ("Critics in the U.S. Congress" was handled above), but
        # "The state of Minnesota" is
    role = ROLE_SUBJECT.search(text)
    if role is not None:
        phrase = role.group(1)
        owner = re.match(r"((?:[A-Z][\w.]*\s+){0,3}[A-Z]\w+)[’']s\s", phrase)
        if owner is not None:  # "Republican Gov. Scott Walker’s administration" -> "Scott Walker’s administration"
            words = [w for w in owner.group(1).split() if w not in NOT_NAMES]
            name = strip_titles([w for w in words if w not in PARTIES]) or owner.group(1)
            phrase = name + phrase[owner.end(1) :]
        return role.start(1), capitalise(phrase), "reported"
    return None


def _person_then_appositive(text: str) -> _Subject | None:
    """"Cllr Terry Hone, North Herts District Council’s deputy leader ...", "David Kern, Chief Economist at the
    British Chambers of Commerce (BCC)", '"...," Darren Hess, of the Weber Basin District': a clause that opens with
    a person's name and a comma, then words describing them (the appositive's closing comma left out)."""
    quote = max(text.rfind(mark) for mark in CLOSE_QUOTES)
    offset = quote + 1 if quote >= 0 and text[quote + 1 : quote + 2] in ("", " ") else 0
    clause = text[offset:]
    head, comma, rest = clause.partition(",")
    words = head.split()
    if not comma or not words or words[0] in NOT_NAMES or not all(NAME_TOKEN.match(w) for w in words):
        return None
    described = re.sub(r"\s[–—-]\s.*?\s[–—-](?=\s|$)", " ", rest).split()  # "– which came ... –" aside
    if not 0 < len(described) <= 30 or not any(w[:1].islower() for w in described) or described[0][:1].isdigit():
        return None
    if any(w in CLAUSE_VERBS for w in described):
        return None  # "Officer X, 41, was taken to ...", "Mayor X, who said ...": the name is another verb's subject
    name = strip_titles(words)
    if not looks_like_person(name):
        return None
    return offset + clause.find(head.strip()), name, "reported"


def _quoted_around(sentence: str, subject_start: int, verb_end: int) -> bool:
    """``"...," X said`` or ``X said: "..."``: the source's words are quoted as a whole."""
    head = re.sub(r"\s+(?:the|The)$", "", sentence[:subject_start].rstrip())
    words = head.split()
    while len(words) > 1 and words[-1][-1:] not in CLOSE_QUOTES + "," and (
        words[-1][:1].isupper() or any(part in PERSON_ROLES | ROLE_NOUNS for part in words[-1].lower().split("-"))
    ):
        words.pop()  # titles: '...,” PNP spokesperson P/BGen. Ana Reyes told', '... Treasury director-general Dr X'
    head = head[: len(" ".join(words))] if words else head
    if head[-1:] and head[-1] in CLOSE_QUOTES + ",":
        if sentence.lstrip()[:1] in OPEN_QUOTES:
            return True
        quoted = head.rstrip(",").rstrip()  # 'So far, "it's a typical season," Dr. Jhung told CNN'
        if quoted[-1:] in CLOSE_QUOTES and OPENING_QUOTE.search(quoted[:-1]):
            return True
    return DIRECT_AFTER.match(sentence, verb_end) is not None


def _vague_subject(text: str) -> tuple[int, int, str] | None:
    """An unnamed source that ends ``text``: (start, start of its noun, label).

    "global analysts" -> "Unnamed global analysts", "Kremlin officials" -> "Unnamed Kremlin
    officials", "some experts" -> "Unnamed experts", "people familiar with the talks" -> "Unnamed
    sources familiar with the talks".
    """
    match = VAGUE_NOUN_AT_END.search(text)
    if match is None:
        return None
    qualifiers: list[str] = []
    start = match.start()
    for word_match in reversed(list(re.finditer(r"\S+", text[: match.start()]))):
        word = word_match.group()
        if (
            len(qualifiers) == 3
            or not re.fullmatch(r"[\w.-]+", word)  # punctuation, possessives
            or word.lower() in STOP_BEFORE_NOUN
            or word in MONTH_AND_DAY_NAMES
            or word in NOT_NAMES
            or word.lower() in TIME_NOUNS  # "Last month officials said"
        ):
            break
        qualifiers.insert(0, word)
        start = word_match.start()
    while qualifiers and qualifiers[0].lower() in QUANTIFIERS:
        qualifiers.pop(0)
    noun = match.group("noun").lower()
    label = " ".join(["Unnamed", *qualifiers, "sources" if noun == "people" else noun])
    return start, match.start(), label + (match.group("pp") or "")


def _vague_label(phrase: str) -> str | None:
    """The label when all of ``phrase`` is an unnamed source ("reports", "Western analysts")."""
    phrase = phrase.strip()
    found = _vague_subject(phrase)
    if found is None or phrase[: found[0]].strip().lower() not in ("", *QUANTIFIERS):
        return None
    return found[2]


def publisher_in(phrase: str) -> str | None:
    """"new research from Canada’s York University" -> "York University"; None when it names no publisher."""
    match = PUBLICATION_OF.search(phrase)
    if match is None:
        return None
    name = match.group("name").rstrip(".,")
    for mark in ("’s ", "'s "):  # "Canada’s York University": the possessive place is not the publisher
        if mark in name:
            name = name.rsplit(mark, 1)[1]
    return name or None


def _resolve(found: Attribution, previous: Sequence[str]) -> Attribution:
    """Replace a pronoun or a bare surname with the name it stands for, when ``previous`` has it."""
    claimant = found.claimant or ""
    if claimant.lower() in PRONOUNS:
        recent = list(previous)[-8:]
        resolved = _antecedent(recent, persons_only=PRONOUNS[claimant.lower()] == "person",
                               things_only=claimant.lower() == "it")
    elif " " not in claimant and claimant[:1].isupper():
        resolved = full_name(claimant, list(previous)[-40:])
    else:
        resolved = None
    return Attribution(resolved, found.kind, found.cue) if resolved else found


def _antecedent(recent: list[str], persons_only: bool, things_only: bool = False) -> str | None:
    """The source or person the nearest earlier sentence names ("it": never a person)."""
    for sentence in reversed(recent):
        found = attribute(sentence)  # without ``previous``: one level only
        claimant = found.claimant
        if claimant and found.kind in ("direct", "reported") and claimant.lower() not in PRONOUNS:
            if " " not in claimant:
                claimant = full_name(claimant, recent) or claimant
            if things_only and looks_like_person(claimant):
                continue
            if not persons_only or could_be_person(claimant):
                return claimant
        names = [] if things_only else people_named(sentence, recent)
        if names:
            return names[0]
    return None
