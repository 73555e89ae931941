"""How well and how fast `site-builder extract` finds sentences that repeat an existing claim
(site_builder/drafting/copies.py).

    .venv/bin/python benchmarks/copies.py                       # both parts (about 3 minutes)
    .venv/bin/python benchmarks/copies.py --demo                # the labelled demo copies only (seconds)
    .venv/bin/python benchmarks/copies.py --scale 10000         # matching against 10,000 synthetic claims only
    .venv/bin/python benchmarks/copies.py --json benchmarks/results/copies.json

Demo: every English demo article is matched as if it were being extracted before its appearances were
recorded (the index holds every quote but that article's own); sentences holding a claim's first quote
in that article are left out, as extract leaves them out. Hand labels (benchmarks/data/copies_demo.json)
say which sentences repeat which claim. Printed: the score of every labelled copy and of the closest
non-copies, and at each threshold the sentences reported, right, wrong and missed.

Scale: a synthetic project of N claims (benchmarks/scale.py's generator: N claims quoting sentences of
N/10 articles of about 800 words). A fresh process loads the quotes, builds the index, then matches,
article by article: articles of the project (each sentence a claim quotes is found), reworded copies of
them (every number changed, a word left out, a few words added: the claim should be found), and new
articles from another seed (non-copies: what is reported is a false repeat). Printed: the time to build
the index, the time per article, the peak memory of the process (and before the index), and how often
the index finds what comparing the sentence with every quote finds.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
LABELS = ROOT / "benchmarks" / "data" / "copies_demo.json"
THRESHOLDS = [0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7]
PER_GROUP = 20  # articles matched in each group of the scale part
EXHAUSTIVE = 3  # articles of each group also compared with every quote


def demo() -> dict[str, object]:
    from site_builder.config import read_settings
    from site_builder.drafting.copies import THRESHOLD, QuoteIndex, Quoted
    from site_builder.drafting.sentences import split_sentences
    from site_builder.project import load_site

    site = load_site(read_settings(ROOT / "mkdocs.yml"))
    labels = json.loads(LABELS.read_text(encoding="utf-8"))["copies"]
    quoted = [Quoted(c.id, c.article, c.quote) for c in site.claims.values()]  # type: ignore[arg-type]
    quoted += [Quoted(c.id, a.article, a.quote) for c in site.claims.values() for a in c.appearances]  # type: ignore[arg-type]
    pairs, sentences = [], []  # (kind, score, article, claim, sentence); (article, sentence, best, labels)
    for article in sorted(site.articles.values(), key=lambda a: a.id):
        if article.meta.language != "en":
            continue  # a copy in another language is a translation: not what words can match
        index = QuoteIndex(q for q in quoted if q.article != article.id)
        own = [s for c in site.claims.values() if c.article == article.id for s in site.quotes.get(c.id, [])]  # type: ignore[arg-type]
        for sentence in split_sentences(article.body):
            if any(s.start < sentence.end and sentence.start < s.end for s in own):
                continue
            text = " ".join(sentence.text.split())
            mine = {x["claim"]: x["kind"] for x in labels if x["article"] == article.id and text.startswith(x["sentence"])}
            best: dict[str, float] = {}
            for score, q in index.scored(text, candidates=len(index.quoted)):  # every quote: the demo is small
                best.setdefault(q.claim, score)
            for claim in sorted({q.claim for q in index.quoted}):  # a claim no candidate quote shares words with: 0
                pairs.append((mine.get(claim, "non-copy"), best.get(claim, 0.0), article.id, claim, text))
            sentences.append((article.id, text, index.repeats(text), mine))
    found = [p for p in pairs if p[0] != "non-copy"]
    assert len(found) == len(labels), f"{len(labels) - len(found)} labelled sentences are not in the demo"
    print(f"Demo: {len(sentences)} sentences of {len({s[0] for s in sentences})} English articles against the quotes "
          f"of {len(site.claims)} claims; {sum(p[0] == 'full' for p in pairs)} labelled copies (+ "
          f"{sum(p[0] == 'partial' for p in pairs)} partial), {sum(p[0] == 'non-copy' for p in pairs)} non-copy pairs")
    print("\nlabelled copies, by score:")
    for kind, score, article, claim, text in sorted(found, key=lambda p: -p[1]):
        print(f"  {score:.2f} {kind:8} {article[:30]:30} {claim[:40]:40} {text[:60]}")
    non = sorted((p for p in pairs if p[0] == "non-copy"), key=lambda p: -p[1])
    print("\nclosest non-copies:")
    for _, score, article, claim, text in non[:8]:
        print(f"  {score:.2f} {article[:30]:30} {claim[:40]:40} {text[:60]}")
    print(f"  non-copy pairs at or above 0.50: {sum(p[1] >= 0.5 for p in non)}; median {statistics.median(p[1] for p in non):.2f}")
    print("\n| threshold | reported | right | wrong | full copies missed |")
    print("|---:|---:|---:|---:|---:|")
    table = []
    for threshold in sorted({*THRESHOLDS, THRESHOLD}):
        reported = right = wrong = missed = 0
        for _, text, best, mine in sentences:
            # the claim with the best score (at the default threshold, what the index finds: checked below)
            scores = {p[3]: p[1] for p in pairs if p[4] == text}
            top = max(sorted(scores), key=lambda c: scores[c]) if scores else None
            hit = top is not None and scores[top] >= threshold
            reported += hit
            right += hit and top in mine
            wrong += hit and top not in mine
            missed += "full" in mine.values() and not (hit and top in mine)
        table.append({"threshold": threshold, "reported": reported, "right": right, "wrong": wrong, "missed": missed})
        print(f"| {threshold:.2f}{' (default)' if threshold == THRESHOLD else ''} | {reported} | {right} | {wrong} | {missed} |")
    default = [s for s in sentences if s[2] is not None]
    print(f"\nat the default threshold, extract reports {len(default)} sentences:")
    for article, text, best, mine in default:
        print(f"  {'right' if best.claim in mine else 'WRONG'} {best.similarity:.2f} {article[:30]:30} {best.claim[:40]:40} {text[:50]}")
    return {"labelled": [{"kind": k, "score": s, "article": a, "claim": c} for k, s, a, c, _ in found],
            "closest_non_copies": [{"score": s, "article": a, "claim": c} for _, s, a, c, _ in non[:10]],
            "thresholds": table}


NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")


def reword(sentence: str, r: random.Random) -> str:
    """A copy with details changed: every number another, one word left out, a few words added."""
    text = NUMBER_RE.sub(lambda m: str(int(float(m.group())) + r.randint(2, 9)), sentence)
    words = text.split()
    if len(words) > 6:
        del words[r.randrange(2, len(words) - 1)]
    return r.choice(["Reports say that ", "Officials now claim that ", "", "According to several outlets, "]) + \
        " ".join(words[:1]).lower() + " " + " ".join(words[1:])


def scale_input(n_claims: int, seed: int, source: str, data: Path, path: Path) -> None:
    """The quotes of ``n_claims`` claims and the articles to match, as JSON for the measuring process.
    claimbuster: the quotes are real sentences of US debates (ClaimBuster, ``data``/claimbuster), ten
    claims an article; new articles are runs of 40 lines of the CLEF 2019 test debates, held years later
    (a politician repeating a line is a real repeat there). synthetic: scale.py's generated project,
    whose sentences come from a few templates: nearly every sentence is like hundreds of others, the
    worst case for matching (timing only)."""
    r = random.Random(seed)
    if source == "synthetic":
        import scale

        corpus = scale.generate(n_claims, seed)
        quotes = []
        for claim_id, text in corpus.claims.items():
            record = yaml.safe_load(text)
            quotes.append([claim_id, record["article"], record["quote"]])
        fresh_writer = scale.Writer(random.Random(seed + 7919))
        fresh = [[f"new-{aid}", text.split("\n---\n", 1)[1]]
                 for aid, text, *_ in scale.make_articles(fresh_writer, PER_GROUP, set(corpus.articles))]
    else:
        with open(data / "claimbuster" / "crowdsourced.csv", encoding="utf-8", newline="") as handle:
            texts = sorted({row["Text"].strip() for row in csv.DictReader(handle) if len(row["Text"].split()) >= 10})
        chosen = r.sample(texts, n_claims)
        quotes = [[f"claim-{n}", f"debate-{n // 10}", text] for n, text in enumerate(chosen)]
        lines = []
        for transcript in sorted((data / "clef2019-task1" / "test_annotated").glob("*.tsv")):
            with open(transcript, encoding="utf-8", newline="") as handle:
                lines += [row[2] for row in csv.reader(handle, delimiter="\t") if len(row) > 2 and len(row[2].split()) >= 6]
        fresh = [[f"new-{n}", "\n\n".join(lines[n * 40:(n + 1) * 40])] for n in range(PER_GROUP)]
    by_article: dict[str, list[list[str]]] = {}
    for claim_id, article_id, quote in quotes:
        by_article.setdefault(article_id, []).append([claim_id, quote])
    chosen_articles = r.sample(sorted(by_article), PER_GROUP)
    own = [[aid, "\n\n".join(q for _, q in by_article[aid])] for aid in chosen_articles]  # each claim's words
    copies = [[f"copy-of-{aid}", "\n\n".join(reword(q, r) for _, q in by_article[aid])] for aid in chosen_articles]
    path.write_text(json.dumps({"quotes": quotes, "own": own, "copies": copies, "fresh": fresh,
                                "quoted_by": {aid: by_article[aid] for aid in chosen_articles}}), encoding="utf-8")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def resident_mb() -> float:
    """The process's resident memory now (Linux)."""
    return int(Path("/proc/self/statm").read_text().split()[1]) * resource.getpagesize() / 1024 / 1024


def measure(path: Path) -> dict[str, object]:
    """In a fresh process: build the index over the quotes, match each group's articles."""
    from site_builder.drafting.copies import QuoteIndex, Quoted
    from site_builder.drafting.sentences import split_sentences

    data = json.loads(path.read_text(encoding="utf-8"))
    before = resident_mb()
    start = time.perf_counter()
    index = QuoteIndex(Quoted(*q) for q in data["quotes"])
    built = time.perf_counter() - start
    with_index = resident_mb()
    out: dict[str, object] = {"claims": len(data["quotes"]), "quotes_indexed": len(index.quoted),
                              "index_s": round(built, 3), "resident_before_index_mb": round(before, 1),
                              "resident_after_index_mb": round(with_index, 1)}
    for group in ("own", "copies", "fresh"):
        times, sentences, reported, agree, compared, every_s = [], 0, 0, 0, 0, 0.0
        found_claims = expected = 0
        for number, (article_id, body) in enumerate(data[group]):
            texts = [" ".join(s.text.split()) for s in split_sentences(body)]
            start = time.perf_counter()
            results = index.find(texts)
            times.append(time.perf_counter() - start)
            sentences += len(texts)
            reported += sum(r is not None for r in results)
            if group == "copies":
                claims = {c for c, _ in data["quoted_by"].get(article_id.removeprefix("copy-of-"), [])}
                expected += len(claims)
                found_claims += len(claims & {r.claim for r in results if r is not None})
            if number < EXHAUSTIVE:  # the same search over every quote that shares a word, not the best few
                for text, result in zip(texts, results):
                    start = time.perf_counter()
                    every = index.scored(text, candidates=len(index.quoted))
                    every_s += time.perf_counter() - start
                    top = every[0][0] if every and every[0][0] >= index.threshold else None
                    claims = {q.claim for score, q in every if score == top}
                    compared += 1
                    agree += (result is None and not claims) or (result is not None and result.claim in claims)
        out[group] = {"articles": len(data[group]), "sentences": sentences, "reported": reported,
                      "per_article_ms_mean": round(1000 * statistics.mean(times), 1),
                      "per_article_ms_max": round(1000 * max(times), 1),
                      "exhaustive_agreement": f"{agree}/{compared}",
                      "exhaustive_per_article_ms_mean": round(1000 * every_s / min(EXHAUSTIVE, len(data[group])), 1)}
        if group == "copies":
            out[group]["claims_found"] = f"{found_claims}/{expected}"  # type: ignore[index]
    out["peak_mb"] = round(peak_mb(), 1)
    low = QuoteIndex((Quoted(*q) for q in data["quotes"]), threshold=min(THRESHOLDS))  # the best match, whatever its score
    for group in ("copies", "fresh"):
        best = [low.repeats(" ".join(s.text.split())) for _, body in data[group] for s in split_sentences(body)]
        out[group]["reported_at"] = {str(t): sum(b is not None and b.similarity >= t for b in best) for t in THRESHOLDS}  # type: ignore[index]
    return out


def run_scale(n_claims: int, seed: int, source: str, data: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input.json"
        start = time.perf_counter()
        scale_input(n_claims, seed, source, data, path)
        print(f"\nScale: {n_claims:,} claims, quotes from {source} (seed {seed}; made in {time.perf_counter() - start:.0f} s)")
        child = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                               check=True, cwd=ROOT)
        result = json.loads(child.stdout)
    print(f"index: {result['quotes_indexed']:,} quotes in {result['index_s']} s; resident memory "
          f"{result['resident_before_index_mb']} MB before the index, {result['resident_after_index_mb']} MB after; "
          f"peak {result['peak_mb']} MB")
    print("\n| articles | sentences | reported as repeats | ms per article (mean, max) | index agrees with comparing every quote "
          "| ms per article comparing every quote that shares a word |")
    print("|---|---:|---:|---:|---:|---:|")
    names = {"own": "of the project", "copies": "reworded copies of them", "fresh": "new (non-copies)"}
    for group, name in names.items():
        g = result[group]
        extra = f" ({g['claims_found']} claims found)" if group == "copies" else ""
        print(f"| {g['articles']} {name} | {g['sentences']} | {g['reported']}{extra} | {g['per_article_ms_mean']}, "
              f"{g['per_article_ms_max']} | {g['exhaustive_agreement']} sentences | {g['exhaustive_per_article_ms_mean']} |")
    print("\n| threshold | " + " | ".join(f"{t:.2f}" for t in THRESHOLDS) + " |")
    print("|---|" + "---:|" * len(THRESHOLDS))
    for group in ("copies", "fresh"):
        print(f"| {names[group]}: sentences reported | " + " | ".join(str(result[group]["reported_at"][str(t)]) for t in THRESHOLDS) + " |")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--demo", action="store_true", help="only the labelled demo copies")
    parser.add_argument("--scale", type=int, metavar="N", help="only the scale part, at N claims")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--source", choices=["claimbuster", "synthetic"], default="claimbuster",
                        help="where the quotes of the scale part come from (default: real debate sentences)")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data",
                        help="the labelled data folder, for --source claimbuster (default: ../shared/data)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    results: dict[str, object] = {}
    if not args.scale:
        results["demo"] = demo()
    if not args.demo:
        results["scale"] = run_scale(args.scale or 10000, args.seed, args.source, args.data)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
