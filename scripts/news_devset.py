"""Collect the texts of a labelled news set (benchmarks/news/labels.json by default) into benchmarks/news/texts/.

The repository keeps only the labels and a hash of each sentence, never the articles' text. This
script gets each article again, from its URL or from a folder of saved pages, extracts the text
(trafilatura, as `site-builder import-article` does), splits it into sentences
(site_builder.drafting.sentences) and keeps the labelled sentences, found by their hashes, in the
labelled order and paragraphs. It writes benchmarks/news/texts/<id>.txt (paragraphs separated by
a blank line, sentences of a paragraph by a space) and checks the SHA-256 of the whole text.

    python scripts/news_devset.py collect                 # fetch every URL
    python scripts/news_devset.py collect --from DIR      # DIR/<id>.html or DIR/<id>.txt, saved by hand
    python scripts/news_devset.py check                   # are the texts there, and the same?
    python scripts/news_devset.py collect --labels benchmarks/news/train-labels.json --from DIR
                                                          # the training set, into benchmarks/news/train-texts/
    python scripts/news_devset.py collect --labels benchmarks/news/test-labels.json --from DIR
                                                          # the TEST set, into benchmarks/news/test-texts/

`--labels` names another labels file of the same form (the news training set,
benchmarks/news/train-labels.json, or the TEST set, benchmarks/news/test-labels.json); its texts go to
benchmarks/news/<name>-texts/ (train-texts/ for train-labels.json, test-texts/ for test-labels.json)
unless `--out` says otherwise.

Pages change and go away: a sentence that is no longer on the page is reported, and the article is
left out of the benchmark (benchmarks/news.py refuses a set with missing sentences). The texts used
for the published figures were taken from stored copies of the pages (their first few thousand
characters: the labelled sentences are the opening of each article).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import unicodedata
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from site_builder.drafting.sentences import split_sentences  # noqa: E402

NEWS = REPO / "benchmarks" / "news"


def sentence_hash(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the NFC text with runs of white space made one space."""
    return hashlib.sha256(unicodedata.normalize("NFC", " ".join(text.split())).encode("utf-8")).hexdigest()[:16]


def canonical_text(paragraphs: list[list[str]]) -> str:
    return "\n\n".join(" ".join(" ".join(s.split()) for s in para) for para in paragraphs) + "\n"


def page_text(raw: str) -> str:
    """The article text of a saved page (HTML) or of plain text."""
    if "<" in raw and ">" in raw and raw.lstrip()[:1] == "<":
        import trafilatura

        extracted = trafilatura.extract(raw, output_format="txt", include_comments=False, include_tables=False)
        return (extracted or "").replace("\n", "\n\n")
    return raw


def rebuild(entry: dict, raw: str) -> tuple[str | None, list[str]]:
    """(text, missing sentence hashes): the labelled sentences of ``raw`` in labelled order, in a text that
    splits into the same sentences again."""
    text = unicodedata.normalize("NFC", page_text(raw))
    found = {sentence_hash(s.text): " ".join(s.text.split()) for s in split_sentences(text)}
    missing = [s["sha"] for s in entry["sentences"] if s["sha"] not in found]
    if missing:
        return None, missing
    paragraphs: list[list[str]] = []
    for s in entry["sentences"]:
        while len(paragraphs) <= s["para"]:
            paragraphs.append([])
        paragraphs[s["para"]].append(found[s["sha"]])
    text = canonical_text(paragraphs)
    # benchmarks/news.py splits the text again: the same sentences must come out of it
    again = {sentence_hash(s.text) for s in split_sentences(text)}
    missing = [s["sha"] for s in entry["sentences"] if s["sha"] not in again]
    return (None, missing) if missing else (text, [])


def fetch(url: str) -> str:
    request = urllib.request.Request(url, headers={"User-Agent": "claim-explainer news_devset (research)"})
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (http(s) URLs from labels.json)
        return response.read().decode("utf-8", errors="replace")


def default_out(labels: Path) -> Path:
    """Where the texts of ``labels`` go: texts/ for labels.json, train-texts/ for train-labels.json."""
    stem = labels.name.removesuffix(".json")
    return NEWS / ("texts" if stem == "labels" else f"{stem.removesuffix('-labels')}-texts")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["collect", "check"])
    parser.add_argument("--from", dest="source", type=Path, help="folder of saved pages: <id>.html or <id>.txt")
    parser.add_argument("--labels", type=Path, default=NEWS / "labels.json",
                        help="the labels file (default benchmarks/news/labels.json)")
    parser.add_argument("--out", type=Path, help="where the texts go (default benchmarks/news/texts/ for labels.json, "
                        "benchmarks/news/<name>-texts/ for <name>-labels.json)")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = default_out(args.labels)
    labels = json.loads(args.labels.read_text(encoding="utf-8"))
    problems = 0
    for entry in labels["articles"]:
        target = args.out / f"{entry['id']}.txt"
        if args.command == "check":
            ok = target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == entry["text_sha256"]
            print(f"{'ok' if ok else 'MISSING OR CHANGED'}: {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")
            problems += not ok
            continue
        if args.source is not None:
            candidates = [args.source / f"{entry['id']}.html", args.source / f"{entry['id']}.txt"]
            path = next((p for p in candidates if p.is_file()), None)
            if path is None:
                print(f"{entry['id']}: no {candidates[0].name} or {candidates[1].name} in {args.source}")
                problems += 1
                continue
            raw = path.read_text(encoding="utf-8")
        else:
            try:
                raw = fetch(entry["url"])
            except OSError as error:
                print(f"{entry['id']}: could not fetch {entry['url']}: {error}")
                problems += 1
                continue
        text, missing = rebuild(entry, raw)
        if text is None:
            print(f"{entry['id']}: {len(missing)} of {len(entry['sentences'])} labelled sentences are not in the page, "
                  f"or not found again in the text made from it (the page or the sentence splitter changed since "
                  f"it was labelled)")
            problems += 1
            continue
        args.out.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        same = hashlib.sha256(text.encode("utf-8")).hexdigest() == entry["text_sha256"]
        print(f"wrote {target.name}" + ("" if same else " (the sentences match; the text's hash does not)"))
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
