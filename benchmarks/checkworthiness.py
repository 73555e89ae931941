"""Benchmark the packaged check-worthiness model.

Prints:
- ClaimBuster groundtruth.csv (1,032 expert-labelled sentences): precision, recall and F1 of the
  CFS class (check-worthy factual sentence) at calibrated probability >= 0.5, and the average
  precision of the ranking. The model is trained without the sentences that are in groundtruth.csv.
- CLEF 2019 CheckThat! Task 1 test set (7 annotated transcripts): MAP, the official measure, i.e. the
  mean over the test files of the average precision of the file's sentences ranked by score
  (ties keep file order, as the official scorer's stable sort does). Each file is scored as one
  transcript with its speakers (the TSV's speaker column, what extract reads from "NAME:" turns), and
  also with each sentence alone (which the model scores with its sentence-alone weights, if it has them,
  like ClaimBuster's sentences; news articles have their own weights since 2.3.0).
- Scoring throughput (sentences per second), the time to score a 1,000-word text, model load time
  and model file size.

Data: ../shared/data relative to the repository root by default (see its README.md for the sources:
ClaimBuster, Arslan et al., ICWSM 2020, doi:10.5281/zenodo.3609356; CLEF 2019 CheckThat! Task 1,
Atanasova et al. 2019). Nothing from it is copied into the repository.

    python benchmarks/checkworthiness.py [--data DIR] [--model FILE] [--json OUT]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from site_builder.drafting import checkworthiness  # noqa: E402
from site_builder.drafting.checkworthiness import DEFAULT_MODEL_PATH, CheckworthinessModel  # noqa: E402

BEST_CLEF_2019_MAP = 0.1660
FLOOR = {"cfs_f1": 0.89, "clef2019_map": 0.150}
# The model before this one (2.1.0, commit 11cb087): the same measures.
PREVIOUS = {"cfs_f1": 0.850, "clef2019_map": 0.1706}


def overlap_key(text: str) -> str:
    """Same key as the training script uses to drop evaluation sentences from training data."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def eval_set_digest(texts) -> str:
    return hashlib.sha256("\n".join(sorted({overlap_key(t) for t in texts})).encode("utf-8")).hexdigest()


def read_groundtruth(data: Path) -> list[tuple[str, int]]:
    with open(data / "claimbuster" / "groundtruth.csv", encoding="utf-8", newline="") as handle:
        return [(row["Text"], 1 if row["Verdict"].strip() == "1" else 0) for row in csv.DictReader(handle)]


def read_clef_file(path: Path) -> list[tuple[int, str, int, str]]:
    rows = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            number, speaker, text, label = line.rstrip("\n").split("\t")
            rows.append((int(number), text, int(label), speaker))
    return rows


def average_precision(labels: list[int], scores: list[float]) -> float:
    """The CLEF 2019 Task 1 scorer's average precision (stable sort by descending score)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    positives = sum(labels)
    found = 0
    total = 0.0
    for rank, i in enumerate(order, start=1):
        if labels[i] == 1:
            found += 1
            total += found / rank
    return total / positives if positives else 0.0


def bootstrap_map_interval(files: list[tuple[list[int], list[float]]], rounds: int = 1000) -> tuple[float, float]:
    """95% interval of MAP when each file's sentences are resampled with replacement (seed 0).

    It shows how much of a MAP difference is label-sampling noise: the test set has only 136 positives.
    """
    import numpy as np

    rng = np.random.default_rng(0)
    arrays = [(np.asarray(labels), np.asarray(scores)) for labels, scores in files]
    maps = []
    for _ in range(rounds):
        values = []
        for labels, scores in arrays:
            pick = rng.integers(0, len(labels), len(labels))
            y, s = labels[pick], scores[pick]
            order = np.argsort(-s, kind="stable")
            hits = y[order] == 1
            if not hits.any():
                values.append(0.0)
                continue
            ranks = np.flatnonzero(hits) + 1
            values.append(float(np.mean(np.arange(1, len(ranks) + 1) / ranks)))
        maps.append(sum(values) / len(values))
    low, high = np.percentile(maps, [2.5, 97.5])
    return float(low), float(high)


def precision_recall_f1(labels: list[int], predicted: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for y, p in zip(labels, predicted) if y and p)
    fp = sum(1 for y, p in zip(labels, predicted) if not y and p)
    fn = sum(1 for y, p in zip(labels, predicted) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def thousand_word_text(sentences: list[str]) -> list[str]:
    chosen, words = [], 0
    for sentence in sentences:
        chosen.append(sentence)
        words += len(sentence.split())
        if words >= 1000:
            break
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL_PATH, help="model file (.npz)")
    parser.add_argument("--json", type=Path, help="also write the numbers to this JSON file")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    model = CheckworthinessModel.load(args.model)
    load_seconds = time.perf_counter() - start
    size = args.model.stat().st_size
    print(f"model: {model.name} {model.version} ({args.model}, {size:,} bytes = {size / 1024:.0f} KiB)")

    # ClaimBuster groundtruth.csv
    groundtruth = read_groundtruth(args.data)
    gt_texts = [t for t, _ in groundtruth]
    gt_labels = [y for _, y in groundtruth]
    gt_scores = model.score(gt_texts)
    precision, recall, f1 = precision_recall_f1(gt_labels, [1 if s >= 0.5 else 0 for s in gt_scores])
    gt_ap = average_precision(gt_labels, gt_scores)
    print(
        f"ClaimBuster groundtruth.csv ({len(groundtruth)} sentences, {sum(gt_labels)} CFS), threshold 0.5: "
        f"CFS precision {precision:.4f}  recall {recall:.4f}  F1 {f1:.4f}  (ranking AP {gt_ap:.4f})"
    )

    # CLEF 2019 Task 1 test set
    test_dir = args.data / "clef2019-task1" / "test_annotated"
    # Each file is a transcript with its speakers (as extract reads "NAME:" turns); the figure with each
    # sentence scored alone is printed too.
    per_file = {}
    alone_per_file = {}
    ranked_files = []
    clef_texts = []
    for path in sorted(test_dir.glob("*.tsv")):
        rows = read_clef_file(path)
        texts = [text for _, text, _, _ in rows]
        labels = [label for _, _, label, _ in rows]
        clef_texts.extend(texts)
        scores = model.score(texts, speakers=[speaker for _, _, _, speaker in rows])
        per_file[path.name] = average_precision(labels, scores)
        alone_per_file[path.name] = average_precision(labels, model.score(texts))
        ranked_files.append((labels, scores))
    clef_map = statistics.fmean(per_file.values()) if per_file else float("nan")
    alone_map = statistics.fmean(alone_per_file.values()) if per_file else float("nan")
    low, high = bootstrap_map_interval(ranked_files)
    print(
        f"CLEF 2019 Task 1 test ({len(per_file)} files, {len(clef_texts)} sentences): MAP {clef_map:.4f} "
        f"(95% bootstrap interval over sentences {low:.3f}-{high:.3f}); each sentence alone, without its "
        f"speaker: MAP {alone_map:.4f}"
    )
    for name, value in per_file.items():
        print(f"  AP {value:.4f}  (alone {alone_per_file[name]:.4f})  {name}")

    # Was the model trained without the evaluation sentences? (digest written by the training script)
    recorded = model.metadata.get("excluded_from_training", {}).get("sha256")
    actual = eval_set_digest(gt_texts + clef_texts)
    excluded_ok = recorded == actual
    print(
        "evaluation sentences excluded from training: "
        + ("yes (digest matches)" if excluded_ok else f"UNKNOWN (model digest {recorded}, data digest {actual})")
    )

    # Speed: throughput over all evaluation sentences, and a 1,000-word text. "Cold" clears the
    # per-token n-gram cache first (a fresh process); "warm" is a long-running one.
    corpus = gt_texts + clef_texts
    article = thousand_word_text(clef_texts)

    def timed(sentences, cold: bool) -> float:
        if cold:
            checkworthiness._char_hashes.cache_clear()
        start = time.perf_counter()
        model.score(sentences)
        return time.perf_counter() - start

    cold_throughput = len(corpus) / min(timed(corpus, cold=True) for _ in range(3))
    warm_throughput = len(corpus) / min(timed(corpus, cold=False) for _ in range(3))
    article_cold_ms = 1000 * statistics.median(timed(article, cold=True) for _ in range(7))
    article_warm_ms = 1000 * statistics.median(timed(article, cold=False) for _ in range(7))
    print(
        f"throughput: {cold_throughput:,.0f} sentences/s cold, {warm_throughput:,.0f} warm; "
        f"a 1,000-word text ({len(article)} sentences): {article_cold_ms:.1f} ms cold, {article_warm_ms:.1f} ms warm; "
        f"model load: {1000 * load_seconds:.0f} ms"
    )

    print(
        f"reference: CLEF 2019 best MAP {BEST_CLEF_2019_MAP:.4f} "
        f"({'beaten' if clef_map > BEST_CLEF_2019_MAP else 'not beaten'}); "
        f"floor (TF-IDF LR) CFS F1 {FLOOR['cfs_f1']:.2f}, MAP {FLOOR['clef2019_map']:.3f}; "
        f"previous model (2.1.0): CFS F1 {PREVIOUS['cfs_f1']:.3f}, MAP {PREVIOUS['clef2019_map']:.4f}"
    )

    if args.json:
        numbers = {
            "model": {"name": model.name, "version": model.version, "file_bytes": size},
            "claimbuster_groundtruth": {
                "sentences": len(groundtruth),
                "cfs": sum(gt_labels),
                "threshold": 0.5,
                "cfs_precision": round(precision, 4),
                "cfs_recall": round(recall, 4),
                "cfs_f1": round(f1, 4),
                "average_precision": round(gt_ap, 4),
            },
            "clef2019_task1_test": {
                "map": round(clef_map, 4),
                "map_bootstrap_95": [round(low, 4), round(high, 4)],
                "map_sentences_alone": round(alone_map, 4),
                "average_precision": {name: round(value, 4) for name, value in per_file.items()},
            },
            "evaluation_sentences_excluded_from_training": excluded_ok,
            "speed": {
                "sentences_per_second_cold": round(cold_throughput),
                "sentences_per_second_warm": round(warm_throughput),
                "thousand_word_text_ms_cold": round(article_cold_ms, 1),
                "thousand_word_text_ms_warm": round(article_warm_ms, 1),
                "model_load_ms": round(1000 * load_seconds, 1),
            },
        }
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(numbers, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
