"""The drafts of `site-builder extract` on the project's own labelled news set (benchmarks/news/).

    .venv/bin/python benchmarks/news.py [--texts DIR] [--json PATH]
    .venv/bin/python benchmarks/news.py --labels benchmarks/news/train-labels.json   # the training set
    .venv/bin/python benchmarks/news.py --labels benchmarks/news/test-labels.json    # the TEST set (once, at the end)

benchmarks/news/labels.json labels every sentence of 14 real news articles CFS / UFS / NFS (the
ClaimBuster definitions) and, for every CFS sentence, its claimant and attribution. The texts are
not in the repository: `scripts/news_devset.py collect` fetches them again and keeps the sentences
whose hashes are in labels.json. Without the texts this script says so and stops (exit status 0).

Printed:
- precision and recall of the default drafts (`--min-score` and `--top` of `site-builder extract`)
  against the CFS sentences, and the same at other thresholds: the default threshold is chosen here;
- claimant and attribution accuracy over every CFS sentence (drafted or not): the claimant counts as
  right when it equals one of the labelled spellings, ignoring case and a leading "the"; a sentence
  labelled with no claimant (attribution none or vague) expects the outlet;
- the average precision of the ranking of the sentences by score (CFS against the rest).

With ``--labels benchmarks/news/train-labels.json`` (texts in benchmarks/news/train-texts/), the news
TRAINING set: its drafts are in-sample (the model's news scorer was trained on these sentences), and so
are its claimant and attribution figures since the eighth session (the attribution rules were written on
its FIX half in the sixth, on all of it in the eighth).

With ``--labels benchmarks/news/test-labels.json`` (texts in benchmarks/news/test-texts/), the news
TEST set: labelled before anything was run on it and never used to train, choose or fix anything; its
figures are printed, its wrong sentences are not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_builder.drafting.checkworthiness import default_model  # noqa: E402
from site_builder.drafting.extract import DEFAULT_MIN_SCORE, DEFAULT_TOP, candidates, select  # noqa: E402
from site_builder.model import Article, ArticleMeta  # noqa: E402
from scripts.news_devset import default_out, sentence_hash  # noqa: E402  the labels' sentence identity, texts folder

NEWS = ROOT / "benchmarks" / "news"
THRESHOLDS = [round(0.05 * i, 2) for i in range(1, 20)]


def same_claimant(found: str, expected: str) -> bool:
    def key(name: str) -> str:
        return re.sub(r"^the\s+", "", " ".join(name.replace("’", "'").split()).casefold())

    return key(found) == key(expected)


def accepted_claimants(entry: dict, sentence: dict) -> list[str]:
    """The labelled spellings of a CFS sentence's claimant; the outlet when it has none (none or vague)."""
    expected = sentence["claimant"] or entry["outlet"]
    return expected if isinstance(expected, list) else [expected]


def average_precision(labels: list[bool], scores: list[float]) -> float:
    """Average precision of the ranking by score (ties in reading order)."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])
    hits, total = 0, 0.0
    for rank, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            total += hits / rank
    return total / hits if hits else 0.0


def load_articles(texts: Path, labels_path: Path = NEWS / "labels.json") -> list[tuple[dict, Article]] | None:
    labels = json.loads(labels_path.read_text(encoding="utf-8"))
    out = []
    for entry in labels["articles"]:
        path = texts / f"{entry['id']}.txt"
        if not path.is_file():
            return None
        meta = ArticleMeta(title=entry["id"], outlet=entry["outlet"], url=entry["url"],
                           published=str(entry["published"] or "1900"), language="en")  # null: not known
        out.append((entry, Article(id=entry["id"], meta=meta, body=path.read_text(encoding="utf-8"))))
    return out


def evaluate(loaded: list[tuple[dict, Article]], model, label: str, results: dict, sweep: bool,  # type: ignore[no-untyped-def]
             show_wrong: bool = True) -> None:
    rows = []  # (article entry, labelled sentence, candidate)
    found_by_article: dict[str, list] = {}
    for entry, article in loaded:
        found = candidates(article, model)
        found_by_article[entry["id"]] = found
        by_hash = {sentence_hash(c.quote): c for c in found}
        missing = [s["sha"] for s in entry["sentences"] if s["sha"] not in by_hash]
        if missing:
            raise SystemExit(f"{entry['id']}: {len(missing)} labelled sentences not found in the text (text changed?)")
        rows += [(entry, s, by_hash[s["sha"]]) for s in entry["sentences"]]
    n = len(rows)
    cfs = sum(1 for _, s, _ in rows if s["label"] == "CFS")
    print(f"\n## {label}: {len(loaded)} articles, {n} sentences, {cfs} CFS ({cfs / n:.0%}); "
          f"UFS {sum(s['label'] == 'UFS' for _, s, _ in rows)}, NFS {sum(s['label'] == 'NFS' for _, s, _ in rows)}")

    def drafts_at(min_score: float, top: int) -> tuple[float, float, int]:
        chosen = set()
        for article_id, found in found_by_article.items():
            chosen |= {(article_id, c.start) for c in select(found, min_score=min_score, top=top)}
        tp = sum(1 for e, s, c in rows if s["label"] == "CFS" and (e["id"], c.start) in chosen)
        return (tp / len(chosen) if chosen else 0.0), tp / cfs, len(chosen)

    out: dict[str, object] = {"articles": len(loaded), "sentences": n, "cfs": cfs}
    ranking = average_precision([s["label"] == "CFS" for _, s, _ in rows], [c.score for _, _, c in rows])
    print(f"ranking of the sentences by score: average precision {ranking:.3f}")
    out["average_precision"] = round(ranking, 4)
    p, r, k = drafts_at(DEFAULT_MIN_SCORE, DEFAULT_TOP)
    print(f"default drafts (--min-score {DEFAULT_MIN_SCORE} --top {DEFAULT_TOP}): {k} drafts, "
          f"precision {p:.3f}, recall {r:.3f} (goal: both at least 0.9; every sentence would give "
          f"precision {cfs / n:.3f})")
    out["default"] = {"min_score": DEFAULT_MIN_SCORE, "top": DEFAULT_TOP, "drafts": k,
                      "precision": round(p, 4), "recall": round(r, 4)}
    if sweep:
        print("\n| min score | drafts | precision | recall | F1 |\n|---|---|---|---|---|")
        table = []
        for t in THRESHOLDS:
            p, r, k = drafts_at(t, 1000)
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            table.append({"min_score": t, "drafts": k, "precision": round(p, 4), "recall": round(r, 4),
                          "f1": round(f1, 4)})
            print(f"| {t:.2f} | {k} | {p:.3f} | {r:.3f} | {f1:.3f} |")
        out["sweep_no_top_limit"] = table
    claimant_ok = kind_ok = 0
    wrong = []
    for entry, s, c in rows:
        if s["label"] != "CFS":
            continue
        accepted = accepted_claimants(entry, s)
        c_ok = any(same_claimant(c.claimant, name) for name in accepted)
        k_ok = c.attribution == s["attribution"]
        claimant_ok += c_ok
        kind_ok += k_ok
        if not (c_ok and k_ok):
            wrong.append(f"  {entry['id']} {s['sha']} ({c.quote[:40]}...): expected {accepted[0]!r} "
                         f"{s['attribution']}, got {c.claimant!r} {c.attribution}")
    print(f"claimant correct: {claimant_ok}/{cfs} ({claimant_ok / cfs:.1%}); attribution correct: "
          f"{kind_ok}/{cfs} ({kind_ok / cfs:.1%}) (goal: both at least 85%)")
    if wrong and not show_wrong:
        print(f"({len(wrong)} wrong, not shown: a held-out set is measured, never looked at)")
    elif wrong:
        print("wrong (sentence hash: expected, got):\n" + "\n".join(wrong))
    out.update(claimant_accuracy=round(claimant_ok / cfs, 4), attribution_accuracy=round(kind_ok / cfs, 4))
    results[label] = out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", type=Path, default=NEWS / "labels.json",
                        help="the labelled set (default the development set, benchmarks/news/labels.json)")
    parser.add_argument("--texts", type=Path, help="folder of the collected texts (default: where "
                        "scripts/news_devset.py collect puts the labels file's texts)")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    parser.add_argument("--half", choices=("fix", "check"), help="only the articles at even (fix) or odd "
                        "(check) positions of the labels file's list; the check half's wrong sentences "
                        "are not printed")
    args = parser.parse_args(argv)
    texts = args.texts or default_out(args.labels)
    loaded = load_articles(texts, args.labels)
    if loaded is None:
        print(f"news set: texts not found in {texts}; collect them with: "
              f"python scripts/news_devset.py collect --labels {args.labels} (skipped)")
        return 0
    unknown = sorted({e["split"] for e, _ in loaded} - {"training", "development", "held-out", "test"})
    if unknown:
        raise SystemExit(f"{args.labels}: unknown split {', '.join(unknown)} (expected training, development, held-out or test)")
    if args.half:
        loaded = loaded[0 if args.half == "fix" else 1 :: 2]
    model = default_model()
    print(f"model: {model.name} {model.version}")
    results: dict[str, object] = {"model": f"{model.name} {model.version}"}
    training = [(e, a) for e, a in loaded if e["split"] == "training"]
    if training:
        evaluate(training, model, "training (the news scorer was trained on these sentences: drafts in-sample)"
                 + (f", {args.half.upper()} half" if args.half else ""), results, sweep=False,
                 show_wrong=args.half != "check")
    development = [(e, a) for e, a in loaded if e["split"] == "development"]
    held_out = [(e, a) for e, a in loaded if e["split"] == "held-out"]
    if development:
        evaluate(development, model, "development (threshold chosen here, attribution rules written on it)",
                 results, sweep=True)
    if held_out:
        evaluate(held_out, model, "held-out (labelled before anything was run on it)", results, sweep=False)
    if development and held_out:
        evaluate(development + held_out, model, "all", results, sweep=False)
    test = [(e, a) for e, a in loaded if e["split"] == "test"]
    if test:
        evaluate(test, model, "TEST (labelled before anything was run on it; never used to train, choose or fix anything)",
                 results, sweep=False, show_wrong=False)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
