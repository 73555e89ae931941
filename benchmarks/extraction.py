"""How well `site-builder extract` finds the demo claims, and how fast it runs.

    .venv/bin/python benchmarks/extraction.py [--json PATH]

Recall: the share of the published demo claims whose sentence is among the drafts the extractor
would write for their article (a draft counts when its sentence overlaps the claim's quote), at the
command's defaults and at other settings. Throughput: sentences per second for the whole pipeline
(splitting, scoring, attribution, signals) after start-up, and the time for a 1,000-word article.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from site_builder.drafting import DEFAULT_MIN_SCORE, DEFAULT_TOP
from site_builder.drafting.checkworthiness import default_model
from site_builder.drafting.extract import candidates, select
from site_builder.model import Article
from site_builder.config import read_settings
from site_builder.project import load_site

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = [(DEFAULT_MIN_SCORE, DEFAULT_TOP), (0.3, 10), (0.5, 10), (0.75, 10), (0.4, 20), (0.0, 10), (0.3, 1000)]  # (min_score, top); the first is the default


def recall(min_score: float, top: int, site, found) -> tuple[int, int, list[str]]:  # type: ignore[no-untyped-def]
    hit, missed = 0, []
    for claim in site.published:
        chosen = select(found[claim.article], min_score=min_score, top=top)
        spans = site.quotes[claim.id]
        if any(s.start < c.end and c.start < s.end for c in chosen for s in spans):
            hit += 1
        else:
            missed.append(claim.id)
    return hit, len(site.published), missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args()

    site = load_site(read_settings(ROOT / "mkdocs.yml"))
    model = default_model()
    found = {a.id: candidates(a, model) for a in site.articles.values()}
    results: dict[str, object] = {"model": f"{model.name} {model.version}", "recall": []}
    print(f"model: {model.name} {model.version}")
    print("\n| min score | top | drafts | demo claims found | share | missed |")
    print("|---|---|---|---|---|---|")
    for min_score, top in SETTINGS:
        drafts = sum(len(select(f, min_score=min_score, top=top)) for f in found.values())
        hit, total, missed = recall(min_score, top, site, found)
        print(f"| {min_score} | {top} | {drafts} | {hit}/{total} | {hit / total:.0%} | {', '.join(missed) or '-'} |")
        results["recall"].append({"min_score": min_score, "top": top, "drafts": drafts, "found": hit,  # type: ignore[union-attr]
                                  "total": total, "missed": missed})

    # Throughput: the demo articles' text repeated into one 1,000-word article, timed after start-up.
    words = " ".join(a.body for a in site.articles.values()).split()
    paragraphs = [" ".join(words[i : i + 60]) for i in range(0, 1000, 60)]
    long = Article(id="bench", meta=next(iter(site.articles.values())).meta, body="\n\n".join(paragraphs) + "\n")
    candidates(long, model)  # warm up
    times = []
    for _ in range(5):
        start = time.perf_counter()
        scored = candidates(long, model)
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(f"\n1,000-word article: {len(scored)} sentences in {seconds * 1000:.0f} ms "
          f"({len(scored) / seconds:,.0f} sentences/s, median of 5, after start-up)")
    results.update(thousand_words_ms=round(seconds * 1000, 1), sentences_per_second=round(len(scored) / seconds))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
