"""Measure sentence splitters on the hand-labelled gold set in benchmarks/data/sentences_gold.txt.

    PYTHONPATH=. python benchmarks/sentences.py             # the table
    PYTHONPATH=. python benchmarks/sentences.py --errors sentencex --condition wrapped@40

For each candidate and each layout of the same text it reports boundary precision, recall and F1
(a boundary is the offset where a sentence ends, the end of a document not counted) and how many
gold sentences per second it gets through. Layouts:

* unwrapped:   every paragraph on one line (the one-sentence-per-line document stays as it is);
* as-written:  the gold file as written (one document is hard-wrapped by hand, with line breaks
               placed on traps such as "Mr.\\nHassan" and "9 a.m.\\nThursday");
* wrapped@72, wrapped@40: every line hard-wrapped at that width, as in e-mail or plain-text feeds.

Candidates: a regex baseline, pysbd, syntok, nupunkt and sentencex as they come, our layers
(site_builder/drafting/sentences.py) on nupunkt, and split_sentences itself (our layers on sentencex). A
candidate whose package is not installed is skipped (only sentencex is a runtime dependency:
`pip install nupunkt pysbd syntok` for the full table).
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata
import re
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from site_builder.drafting import sentences as chosen

DATA = Path(__file__).parent / "data"
GOLD = DATA / "sentences_gold.txt"  # development set: the rules were tuned on it
HELDOUT = DATA / "sentences_heldout.txt"  # written after tuning: see its header
MARK = "\u2016"
FLAGS = {"lines", "wrapped"}

Spans = list[tuple[int, int]]


@dataclass(frozen=True)
class Doc:
    name: str
    text: str  # without marks
    ends: frozenset[int]  # gold sentence ends, the end of the document excluded


def parse_gold(path: Path = GOLD) -> list[tuple[str, str, str]]:
    """(name, flag, marked text) for each document in the gold file."""
    headers: list[tuple[str, str]] = []
    bodies: list[list[str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("=== "):
            words = line[4:].split()
            headers.append((words[0], words[-1] if words[-1] in FLAGS else ""))
            bodies.append([])
        elif bodies:
            bodies[-1].append(line)
        # lines before the first document are comments
    return [(name, flag, "\n".join(body).strip("\n")) for (name, flag), body in zip(headers, bodies)]


def to_doc(name: str, marked: str) -> Doc:
    text, ends = [], set()
    for piece in marked.split(MARK)[:-1]:
        text.append(piece)
        ends.add(sum(map(len, text)))
    text.append(marked.split(MARK)[-1])
    plain = "".join(text)
    return Doc(name, plain, frozenset(e for e in ends if plain[e:].strip()))


def layout(flag: str, marked: str, condition: str) -> str:
    if condition == "as-written":
        return marked
    paragraphs = re.split(r"\n\s*\n", marked)
    if flag == "lines":
        units = [[line] for line in marked.split("\n")]
        joiner = "\n"
    else:
        units = [[" ".join(p.split("\n"))] for p in paragraphs]
        joiner = "\n\n"
    if condition == "unwrapped":
        return joiner.join(u[0] for u in units)
    width = int(condition.split("@")[1])
    wrap = textwrap.TextWrapper(width=width, break_long_words=False, break_on_hyphens=False)
    return joiner.join(_wrap_marked(wrap, u[0]) for u in units)


def _wrap_marked(wrap: textwrap.TextWrapper, marked: str) -> str:
    """Wrap the text without the marks (so they take no width), then put the marks back."""
    wrapped = "\n".join(wrap.wrap(marked.replace(MARK, ""))) or marked.replace(MARK, "")
    out, i = [], 0
    for char in marked:
        if char == MARK:
            out.append(MARK)
        elif not char.isspace():
            while wrapped[i].isspace():  # whitespace may have changed, other characters did not
                out.append(wrapped[i])
                i += 1
            out.append(wrapped[i])
            i += 1
    return "".join(out) + wrapped[i:]


CONDITIONS = ["unwrapped", "as-written", "wrapped@72", "wrapped@40"]


def corpus(condition: str, path: Path = GOLD) -> list[Doc]:
    return [to_doc(name, layout(flag, marked, condition)) for name, flag, marked in parse_gold(path)]


# ------------------------------------------------------------------------------------------------
# Candidates: text -> spans (start, end) into the text


_REGEX_END = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])|(?=\n[ \t]*\n)")


def regex_baseline(text: str) -> Spans:
    """Split after . ! ? (and closing quotes) before a capital or digit, and at blank lines."""
    cuts = sorted({m.end() for m in _REGEX_END.finditer(text)} | {len(text)})
    return list(zip([0, *cuts[:-1]], cuts))


def sentencex_raw(text: str) -> Spans:
    import sentencex

    return [(b["start_index"], b["end_index"]) for b in sentencex.get_sentence_boundaries("en", text)]


def nupunkt_raw(text: str) -> Spans:
    import nupunkt

    return list(nupunkt.sent_spans(text))


def pysbd_raw(text: str) -> Spans:
    return [(s.start, s.end) for s in _pysbd().segment(text)]


@functools.lru_cache(maxsize=1)
def _pysbd():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def syntok_raw(text: str) -> Spans:
    import syntok.segmenter as segmenter

    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            first, last = sentence[0], sentence[-1]
            spans.append((first.offset, last.offset + len(last.value)))
    return spans


def chosen_split(text: str) -> Spans:
    return [(s.start, s.end) for s in chosen.split_sentences(text)]


def chosen_layers_on_nupunkt(text: str) -> Spans:
    return [(s.start, s.end) for s in chosen._split(text, nupunkt_raw)]


def _installed(distribution: str) -> str | None:
    """The installed version, or None."""
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return None


CANDIDATES: dict[str, Callable[[str], Spans]] = {"regex baseline": regex_baseline}
for _name, _candidate in (("pysbd", pysbd_raw), ("syntok", syntok_raw), ("nupunkt", nupunkt_raw),
                      ("sentencex", sentencex_raw)):
    if _installed(_name):
        CANDIDATES[f"{_name} {_installed(_name)}"] = _candidate
if _installed("nupunkt"):
    CANDIDATES["our layers + nupunkt"] = chosen_layers_on_nupunkt
CANDIDATES["split_sentences (our layers + sentencex)"] = chosen_split


# ------------------------------------------------------------------------------------------------
# Scoring


def predicted_ends(doc: Doc, spans: Spans) -> set[int]:
    ends = set()
    for start, end in spans:
        while end > start and doc.text[end - 1].isspace():
            end -= 1
        if end > start and doc.text[end:].strip():
            ends.add(end)
    return ends


def score(split: Callable[[str], Spans], docs: list[Doc]) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for doc in docs:
        found = predicted_ends(doc, split(doc.text))
        tp += len(found & doc.ends)
        fp += len(found - doc.ends)
        fn += len(doc.ends - found)
    return tp, fp, fn


def speed(split: Callable[[str], Spans], docs: list[Doc], seconds: float) -> float:
    n_sentences = sum(len(d.ends) + 1 for d in docs)
    split(docs[0].text)  # warm up (imports, model loading)
    rounds, started = 0, time.perf_counter()
    while True:
        for doc in docs:
            split(doc.text)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return rounds * n_sentences / elapsed


def show_errors(split: Callable[[str], Spans], docs: list[Doc]) -> None:
    for doc in docs:
        found = predicted_ends(doc, split(doc.text))
        for kind, positions in (("missed", doc.ends - found), ("spurious", found - doc.ends)):
            for pos in sorted(positions):
                context = doc.text[max(0, pos - 40) : pos] + " ‖ " + doc.text[pos : pos + 30]
                print(f"{doc.name:28} {kind:8} {context!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.3, help="timing budget per row")
    parser.add_argument("--errors", metavar="CANDIDATE", help="list the wrong boundaries of one candidate")
    parser.add_argument("--condition", default=None, choices=CONDITIONS)
    parser.add_argument("--set", choices=["dev", "heldout"], default=None, help="only one gold set")
    args = parser.parse_args()

    conditions = [args.condition] if args.condition else CONDITIONS
    sets = {"dev": GOLD, "heldout": HELDOUT}
    if args.set:
        sets = {args.set: sets[args.set]}
    if args.errors:
        matches = [name for name in CANDIDATES if args.errors.lower() in name.lower()]
        for label, path in sets.items():
            for condition in conditions:
                print(f"# {matches[0]} on {label} {condition}")
                show_errors(CANDIDATES[matches[0]], corpus(condition, path))
        return

    for label, path in sets.items():
        docs_by_condition = {c: corpus(c, path) for c in conditions}
        some = docs_by_condition[conditions[0]]
        print(f"\n{label} set, {path.name}: {len(some)} documents, {sum(len(d.ends) + 1 for d in some)} "
              f"sentences, {sum(len(d.ends) for d in some)} boundaries in each layout\n")
        print(f"| {'candidate':42} | {'layout':10} | {'P':>5} | {'R':>5} | {'F1':>5} | {'sentences/s':>11} |")
        print(f"|{'-' * 44}|{'-' * 12}|{'-' * 7}|{'-' * 7}|{'-' * 7}|{'-' * 13}|")
        for name, split in CANDIDATES.items():
            for condition in conditions:
                docs = docs_by_condition[condition]
                tp, fp, fn = score(split, docs)
                p = tp / (tp + fp) if tp + fp else 0.0
                r = tp / (tp + fn) if tp + fn else 0.0
                f1 = 2 * p * r / (p + r) if p + r else 0.0
                rate = speed(split, docs, args.seconds)
                print(f"| {name:42} | {condition:10} | {p:5.3f} | {r:5.3f} | {f1:5.3f} | {rate:11,.0f} |")


if __name__ == "__main__":
    main()
