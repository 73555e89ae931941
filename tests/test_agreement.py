"""benchmarks/agreement.py: the figures of two annotators' agreement, on made-up label files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.agreement import agreement, cohen_kappa


def labels(*sentences: dict) -> dict:
    return {"articles": [{"id": "a", "outlet": "The Daily", "sentences": list(sentences)}]}


def cfs(sha: str, claimant: str | list[str] | None = None, attribution: str = "none") -> dict:
    return {"sha": sha, "label": "CFS", "claimant": claimant, "attribution": attribution}


def other(sha: str, label: str) -> dict:
    return {"sha": sha, "label": label}


def test_kappa_is_agreement_beyond_chance():
    # observed 3/4; by chance (2 x 1 + 2 x 3) / 16 = 1/2 from each side's shares: (0.75 - 0.5) / 0.5
    assert cohen_kappa(["x", "x", "y", "y"], ["x", "y", "y", "y"]) == pytest.approx(0.5)
    assert cohen_kappa(["x", "y"], ["x", "y"]) == 1.0
    assert cohen_kappa(["x", "x"], ["x", "x"]) == 1.0  # one label only: nothing to agree on by chance


def test_precision_recall_claimant_and_attribution_against_the_reference():
    reference = labels(
        cfs("1", ["Jane Roe", "Roe"], "direct"),
        cfs("2", "City Council", "reported"),
        cfs("3", None, "vague"),
        cfs("4"),
        other("5", "UFS"),
        other("6", "NFS"),
    )
    second = labels(
        cfs("1", "Mayor Jane Roe", "direct"),  # no spelling in common: a different claimant
        cfs("2", ["the city council"], "reported"),  # the same, ignoring case and a leading "the"
        cfs("3", None, "none"),  # the outlet both times, but another kind
        other("4", "UFS"),
        cfs("5"),
        other("6", "NFS"),
    )
    result = agreement(reference, second)
    assert result["sentences"] == 6
    assert (result["cfs_reference"], result["cfs_second"], result["both_cfs"]) == (4, 4, 3)
    assert result["label_agreement"] == pytest.approx(round(4 / 6, 4))
    assert result["cfs_precision"] == 0.75 and result["cfs_recall"] == 0.75
    assert result["claimant_agreement"] == pytest.approx(round(2 / 3, 4))
    assert result["attribution_agreement"] == pytest.approx(round(2 / 3, 4))


def test_a_sentence_missing_from_the_second_file_stops_the_comparison():
    with pytest.raises(SystemExit, match=r"^sentences of the reference missing from the second file \(1\): a 2$"):
        agreement(labels(cfs("1"), cfs("2")), labels(cfs("1")))
    with pytest.raises(SystemExit, match=r"^sentences of the second file not in the reference: 1$"):
        agreement(labels(cfs("1")), labels(cfs("1"), cfs("2")))


def test_the_second_labelling_of_the_news_test_set_labels_its_sentences():
    """benchmarks/news/test-labels-second.json labels exactly the TEST set's sentences (no texts needed)."""
    news = Path(__file__).resolve().parent.parent / "benchmarks" / "news"
    load = lambda name: json.loads((news / name).read_text(encoding="utf-8"))  # noqa: E731
    result = agreement(load("test-labels.json"), load("test-labels-second.json"))
    assert result["sentences"] == sum(len(a["sentences"]) for a in load("test-labels.json")["articles"])
