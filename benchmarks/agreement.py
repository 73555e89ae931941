"""How often two annotators of a news set agree: the human ceiling of the news goals.

    .venv/bin/python benchmarks/agreement.py benchmarks/news/test-labels.json benchmarks/news/test-labels-second.json

Both files label the same sentences (the same hashes) in the layout of benchmarks/news/: CFS / UFS / NFS
for every sentence and, for every CFS sentence, its claimant and attribution. The first is the reference
(the labels the extractor is scored against), the second an independent labelling of the same texts.
Only the two label files are read, never the texts nor the model.

Printed, with the first file as the reference, as `benchmarks/news.py` scores the extractor:
- agreement on the three labels and Cohen's kappa;
- the second annotator's precision and recall of the CFS sentences (the news goal: both at least 0.9);
- on the sentences both call CFS, claimant and attribution agreement (the goal: at least 85%). Claimants
  agree when any spelling of one equals any spelling of the other, the outlet standing for none and vague.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.news import accepted_claimants, same_claimant  # noqa: E402  one rule for a claimant


def cohen_kappa(first: list[str], second: list[str]) -> float:
    """Agreement beyond chance: (observed - expected) / (1 - expected), expected from each side's shares."""
    n = len(first)
    observed = sum(a == b for a, b in zip(first, second)) / n
    share_a, share_b = Counter(first), Counter(second)
    expected = sum(share_a[k] * share_b[k] for k in share_a) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def paired(reference: dict, other: dict) -> list[tuple[dict, dict, dict]]:
    """(article, reference sentence, other sentence) for every sentence, matched by article and hash."""
    others = {a["id"]: {s["sha"]: s for s in a["sentences"]} for a in other["articles"]}
    rows, missing = [], []
    for article in reference["articles"]:
        theirs = others.get(article["id"], {})
        for sentence in article["sentences"]:
            if sentence["sha"] in theirs:
                rows.append((article, sentence, theirs[sentence["sha"]]))
            else:
                missing.append(f"{article['id']} {sentence['sha']}")
    if missing:
        raise SystemExit(f"sentences of the reference missing from the second file ({len(missing)}): "
                         + ", ".join(missing[:5]))
    extra = sum(len(sentences) for sentences in others.values()) - len(rows)
    if extra:
        raise SystemExit(f"sentences of the second file not in the reference: {extra}")
    return rows


def agreement(reference: dict, other: dict) -> dict[str, float | int]:
    rows = paired(reference, other)
    first = [s["label"] for _, s, _ in rows]
    second = [t["label"] for _, _, t in rows]
    is_cfs = [(a == "CFS", b == "CFS") for a, b in zip(first, second)]
    both = sum(a and b for a, b in is_cfs)
    only_first = sum(a and not b for a, b in is_cfs)
    only_second = sum(b and not a for a, b in is_cfs)
    precision = both / (both + only_second) if both + only_second else 0.0
    recall = both / (both + only_first) if both + only_first else 0.0
    both_cfs = [(article, s, t) for article, s, t in rows if s["label"] == t["label"] == "CFS"]
    claimants = sum(
        any(same_claimant(x, y) for x in accepted_claimants(article, s) for y in accepted_claimants(article, t))
        for article, s, t in both_cfs)
    kinds_first = [s["attribution"] for _, s, _ in both_cfs]
    kinds_second = [t["attribution"] for _, _, t in both_cfs]
    return {
        "sentences": len(rows),
        "cfs_reference": both + only_first,
        "cfs_second": both + only_second,
        "label_agreement": round(sum(a == b for a, b in zip(first, second)) / len(rows), 4),
        "label_kappa": round(cohen_kappa(first, second), 4),
        "cfs_kappa": round(cohen_kappa([str(a) for a, _ in is_cfs], [str(b) for _, b in is_cfs]), 4),
        "cfs_precision": round(precision, 4),
        "cfs_recall": round(recall, 4),
        "both_cfs": len(both_cfs),
        "claimant_agreement": round(claimants / len(both_cfs), 4) if both_cfs else 0.0,
        "attribution_agreement": round(sum(a == b for a, b in zip(kinds_first, kinds_second)) / len(both_cfs), 4)
        if both_cfs else 0.0,
        "attribution_kappa": round(cohen_kappa(kinds_first, kinds_second), 4) if both_cfs else 0.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reference", type=Path, help="the labels the extractor is scored against")
    parser.add_argument("second", type=Path, help="an independent labelling of the same sentences")
    parser.add_argument("--json", type=Path, help="also write the numbers here")
    args = parser.parse_args(argv)
    load = lambda path: json.loads(path.read_text(encoding="utf-8"))  # noqa: E731
    result = agreement(load(args.reference), load(args.second))
    print(f"{result['sentences']} sentences; CFS: {result['cfs_reference']} (reference), {result['cfs_second']} (second)")
    print(f"labels CFS / UFS / NFS: agreement {result['label_agreement']:.1%}, Cohen's kappa {result['label_kappa']:.3f}; "
          f"CFS against the rest: kappa {result['cfs_kappa']:.3f}")
    print(f"the second annotator's CFS sentences against the reference: precision {result['cfs_precision']:.3f}, "
          f"recall {result['cfs_recall']:.3f} (the news goal for drafts: both at least 0.9)")
    print(f"on the {result['both_cfs']} sentences both call CFS: claimant agreement {result['claimant_agreement']:.1%}, "
          f"attribution agreement {result['attribution_agreement']:.1%} (kappa {result['attribution_kappa']:.3f}) "
          f"(the goal for the extractor: both at least 85%)")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
