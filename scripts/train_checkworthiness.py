"""Train the check-worthiness model and write site_builder/drafting/models/checkworthiness.npz.

Data (read from --data, default ../shared/data relative to the repository root; nothing of it is
copied into the repository, only the trained weights are written):

- Training: ClaimBuster crowdsourced.csv (22,501 crowd-labelled sentences from US presidential
  debates 1960-2016; Verdict 1 = CFS, check-worthy factual sentence). ClaimBuster benchmark dataset,
  doi:10.5281/zenodo.3609356. Cite: Arslan, Hassan, Li, Tremayne, "A Benchmark Dataset of
  Check-worthy Factual Claims", ICWSM 2020; Meng et al., "Gradient-Based Adversarial Training on
  Transformer Networks for Detecting Check-Worthy Factual Claims", arXiv:2002.07725, 2020.
- Excluded from training: every sentence whose text (lower-cased, punctuation folded) is also in an
  evaluation set: ClaimBuster groundtruth.csv and the CLEF 2019 CheckThat! Task 1 test transcripts
  (Atanasova et al., "Overview of the CLEF-2019 CheckThat!: Automatic Identification and Verification
  of Claims. Task 1: Check-Worthiness", CLEF 2019). A SHA-256 digest of the excluded texts goes into
  the model's metadata so that benchmarks/checkworthiness.py can confirm it.
- Not used: ClaimBuster 2.5xNCS.json (704 of its sentences are in groundtruth.csv) and the CLEF 2019
  training transcripts; see "Choices" below.

Model: logistic regression (scikit-learn, newton-cg, L2, C=2) over hashed binary word 1-2-grams and
character 2-5-grams (within words, digits folded to 0; zlib.crc32 into 2**18 buckets, each block
L2-normalised) and the hand-made features of site_builder.drafting.checkworthiness. Its scores are calibrated by
Platt scaling fitted on 5-fold out-of-fold decision values (folds by debate, so a debate is never in
training and calibration at once); the final model is then fitted on all training sentences.
Choices were made by cross-validation only, never on the test sets: 5-fold CV on crowdsourced.csv with
folds by debate (CFS F1 at 0.5 after Platt, average precision), and MAP on the 19 CLEF 2019 *training*
transcripts scored by a model trained on crowdsourced.csv without their sentences. With this recipe:
CV CFS F1 0.647, AP 0.753; CLEF-training MAP 0.243. Tried and not better: no hand-made features
(MAP 0.229); C 0.5 / 1 / 8 (0.240 / 0.244 with lower F1 / 0.232); class-balanced weights (0.238); word 1-3-grams,
char 3-5 or 1-4-grams, 2**20 buckets, IDF weighting, NB-SVM scaling, linear SVM, word-only or
char-only (all within 0.234-0.245 MAP and at most equal F1); five more hand-made features (third person,
titles with names, past tense, modals, negation: 0.241); 2.5xNCS labels instead of the crowd labels
(0.236, F1 0.615) or up-weighting its sentences (0.240); adding the CLEF training sentences
(5-fold by file: weight 1 / 3 / 10 gave 0.240 / 0.238 / 0.235 and lower F1) or only their positives
(0.166); a late fusion with a model trained on the CLEF training files alone (no gain at any weight).

Deterministic: no randomness, sorted inputs, int16 weights, fixed zip timestamps; the same data and
library versions give the same file bytes.

    python scripts/train_checkworthiness.py [--data DIR] [--out FILE]

Needs the training extra (numpy, scipy, scikit-learn); inference needs only numpy.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from site_builder.drafting.checkworthiness import (  # noqa: E402
    DEFAULT_MODEL_PATH,
    HAND_FEATURE_NAMES,
    CheckworthinessModel,
    FeatureSettings,
    extract_features,
    save_model_file,
)

MODEL_NAME = "claim-explainer-checkworthiness"
MODEL_VERSION = "1.0.0"
SETTINGS = FeatureSettings(hash_bits=18, word_ngrams=(1, 2), char_ngrams=(2, 5))
C = 2.0
FOLDS = 5


def overlap_key(text: str) -> str:
    """Key for "the same sentence": lower case, runs of non-word characters folded to one space."""
    return re.sub(r"\W+", " ", text.lower()).strip()


def read_claimbuster_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def read_clef_texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.tsv")):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    texts.append(line.rstrip("\n").split("\t")[2])
    return texts


def feature_matrix(texts: list[str]):
    import scipy.sparse as sp

    indptr, indices, values, dense = extract_features(texts, SETTINGS)
    hashed = sp.csr_matrix((values, indices, indptr), shape=(len(texts), SETTINGS.n_hashed))
    hashed.sum_duplicates()
    return sp.hstack([hashed, sp.csr_matrix(dense)], format="csr")


def fit(matrix, labels):
    from sklearn.linear_model import LogisticRegression

    # The hand-made "bias" feature is the intercept (regularised like the other weights).
    model = LogisticRegression(C=C, solver="newton-cg", max_iter=3000, fit_intercept=False, tol=1e-6)
    model.fit(matrix, labels)
    return model.coef_[0].astype(np.float64)


def fit_platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling (with Platt's smoothed targets) by Newton's method: P(y=1|z) = 1/(1+exp(-(a z + b)))."""
    positives = float(y.sum())
    negatives = float(len(y) - positives)
    target = np.where(y == 1, (positives + 1) / (positives + 2), 1 / (negatives + 2))
    a, b = 1.0, 0.0
    design = np.column_stack([z, np.ones_like(z)])
    for _ in range(100):
        p = 1 / (1 + np.exp(-(a * z + b)))
        gradient = design.T @ (p - target)
        hessian = (design * (p * (1 - p))[:, None]).T @ design + 1e-12 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        a, b = a - step[0], b - step[1]
        if np.max(np.abs(step)) < 1e-10:
            break
    return float(a), float(b)


def f1_at_half(probabilities: np.ndarray, y: np.ndarray) -> dict[str, float]:
    predicted = probabilities >= 0.5
    tp = float(np.sum(predicted & (y == 1)))
    precision = tp / max(float(predicted.sum()), 1.0)
    recall = tp / max(float(y.sum()), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data", help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_PATH, help="model file to write")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    import scipy
    import sklearn

    crowdsourced = read_claimbuster_csv(args.data / "claimbuster" / "crowdsourced.csv")
    groundtruth = read_claimbuster_csv(args.data / "claimbuster" / "groundtruth.csv")
    clef_test = read_clef_texts(args.data / "clef2019-task1" / "test_annotated")
    if not crowdsourced or not groundtruth or not clef_test:
        raise SystemExit(f"{args.data}: expected ClaimBuster and CLEF 2019 Task 1 files, see its README.md")
    excluded = {overlap_key(row["Text"]) for row in groundtruth} | {overlap_key(t) for t in clef_test}
    digest = hashlib.sha256("\n".join(sorted(excluded)).encode("utf-8")).hexdigest()

    rows = [row for row in crowdsourced if overlap_key(row["Text"]) not in excluded]
    rows.sort(key=lambda row: int(row["Sentence_id"]))
    texts = [row["Text"] for row in rows]
    labels = np.array([1 if row["Verdict"].strip() == "1" else 0 for row in rows], dtype=np.int64)
    debates = sorted({row["File_id"] for row in rows})
    fold_of_debate = {debate: i % FOLDS for i, debate in enumerate(debates)}
    folds = np.array([fold_of_debate[row["File_id"]] for row in rows])
    print(
        f"training sentences: {len(rows)} of {len(crowdsourced)} ({len(crowdsourced) - len(rows)} dropped: "
        f"also in groundtruth.csv or the CLEF 2019 test set); CFS {int(labels.sum())}",
        flush=True,
    )

    matrix = feature_matrix(texts)
    print(f"features: {matrix.shape[1]} columns, {matrix.nnz} non-zeros ({time.perf_counter() - started:.0f} s)", flush=True)

    out_of_fold = np.zeros(len(rows))
    for fold in range(FOLDS):
        held = folds == fold
        weights = fit(matrix[~held], labels[~held])
        out_of_fold[held] = matrix[held] @ weights
        print(f"fold {fold + 1}/{FOLDS} done ({time.perf_counter() - started:.0f} s)", flush=True)
    a, b = fit_platt(out_of_fold, labels)
    cv = f1_at_half(1 / (1 + np.exp(-(a * out_of_fold + b))), labels)
    print(f"Platt a={a:.4f} b={b:.4f}; cross-validated CFS on crowdsourced.csv: {cv}", flush=True)

    weights = fit(matrix, labels)
    hashed_weights = weights[: SETTINGS.n_hashed]
    hand_weights = weights[SETTINGS.n_hashed :]
    assert len(hand_weights) == len(HAND_FEATURE_NAMES)

    metadata = {
        "format": "claim-explainer/checkworthiness-linear/1",
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "task": "probability that an English sentence is a check-worthy factual claim (ClaimBuster CFS)",
        "model": (
            "logistic regression over hashed word/char n-grams and hand-made features; "
            "score = 1 / (1 + exp(-(a * z + b))), z = hashed_weights . x + hand_weights . h + intercept"
        ),
        "features": SETTINGS.to_json(),
        "intercept": 0.0,
        "calibration": {
            "method": "Platt scaling on 5-fold out-of-fold decision values, folds by debate",
            "a": round(a, 8),
            "b": round(b, 8),
            "cross_validated_cfs_at_0.5": cv,
        },
        "quantization": "hashed weights int16 times hashed_scale (max |w| / 32767); hand weights float64",
        "training": {
            "learner": f"scikit-learn LogisticRegression(C={C}, solver='newton-cg', penalty='l2', fit_intercept=False)",
            "sentences": len(rows),
            "cfs": int(labels.sum()),
            "trained_with": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__},
        },
        "training_data": {
            "used": [
                "ClaimBuster crowdsourced.csv (Verdict 1 = CFS vs 0/-1), US presidential debates 1960-2016",
            ],
            "source": "ClaimBuster benchmark dataset, doi:10.5281/zenodo.3609356 (via /work/shared/data/claimbuster)",
            "cite": [
                "Arslan, Hassan, Li, Tremayne. A Benchmark Dataset of Check-worthy Factual Claims. ICWSM 2020.",
                "Meng et al. Gradient-Based Adversarial Training on Transformer Networks for Detecting "
                "Check-Worthy Factual Claims. arXiv:2002.07725, 2020.",
            ],
            "licence": "Zenodo open-access dataset; only trained weights are distributed, no sentences",
        },
        "excluded_from_training": {
            "what": (
                "sentences whose lower-cased, punctuation-folded text is in ClaimBuster groundtruth.csv or in the "
                "CLEF 2019 CheckThat! Task 1 test transcripts (Atanasova et al., CLEF 2019)"
            ),
            "dropped": len(crowdsourced) - len(rows),
            "sha256": digest,
        },
        "domain_note": "trained on US political debate transcripts; expect lower accuracy on news text",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save_model_file(
        args.out, metadata=metadata, hashed_weights=hashed_weights, hand_weights=hand_weights, weight_dtype="int16"
    )

    # The shipped (quantised) model must agree with the float one.
    model = CheckworthinessModel.load(args.out)
    float_z = matrix[:2000] @ weights
    shipped_z = model.decision_function(texts[:2000])
    drift = float(np.max(np.abs(float_z - shipped_z)))
    print(f"quantisation: max |decision difference| on 2,000 training sentences {drift:.4f}", flush=True)
    size = args.out.stat().st_size
    sha = hashlib.sha256(args.out.read_bytes()).hexdigest()
    print(f"wrote {args.out} ({size:,} bytes, sha256 {sha[:16]}) in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
