"""scripts/news_devset.py: the news set's texts are found again by their sentence hashes, in labelled order."""

from __future__ import annotations

import hashlib
import json
import sys

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))

from news_devset import NEWS, canonical_text, rebuild, sentence_hash  # noqa: E402

PAGE = """<!doctype html><html><head><title>Jobs | Example Times</title></head><body>
<nav>Home | Business</nav><article><h1>Jobs report</h1>
<p>The unemployment rate fell to 3.9 percent in April, the Labor Department said.</p>
<p>“Hiring was broad,” the department said. Analysts had expected 4 percent.</p>
</article><footer>Subscribe now</footer></body></html>"""
SENTENCES = [["The unemployment rate fell to 3.9 percent in April, the Labor Department said."],
             ["“Hiring was broad,” the department said.", "Analysts had expected 4 percent."]]


def entry() -> dict:
    return {"sentences": [{"sha": sentence_hash(s), "para": p} for p, para in enumerate(SENTENCES) for s in para]}


def test_a_saved_page_gives_back_the_labelled_text() -> None:
    text, missing = rebuild(entry(), PAGE)
    assert missing == []
    assert text == canonical_text(SENTENCES)
    assert text.startswith("The unemployment rate fell") and "Subscribe" not in text


def test_a_page_that_changed_says_which_sentences_are_gone() -> None:
    text, missing = rebuild(entry(), PAGE.replace("3.9 percent", "4.0 percent"))
    assert text is None and missing == [sentence_hash(SENTENCES[0][0])]


def test_the_labels_file_holds_hashes_and_labels_only() -> None:
    labels = json.loads((NEWS / "labels.json").read_text(encoding="utf-8"))
    assert len(labels["articles"]) >= 10
    for article in labels["articles"]:
        assert article["url"].startswith(("http://", "https://")) and len(article["text_sha256"]) == 64
        assert {"development", "held-out"} >= {article["split"]}
        for sentence in article["sentences"]:
            assert set(sentence) <= {"sha", "para", "label", "claimant", "attribution"}
            assert sentence["label"] in ("CFS", "UFS", "NFS")
            assert (sentence["label"] == "CFS") == ("attribution" in sentence)
    assert hashlib.sha256(b"").hexdigest() not in json.dumps(labels)
