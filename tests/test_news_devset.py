"""scripts/news_devset.py: the news set's texts are found again by their sentence hashes, in labelled order."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path

import pytest

from .conftest import REPO

sys.path.insert(0, str(REPO / "scripts"))

from news_devset import NEWS, canonical_text, default_out, main, rebuild, sentence_hash  # noqa: E402

from site_builder.drafting.sentences import split_sentences  # noqa: E402

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


def test_the_text_splits_into_the_labelled_sentences_again() -> None:
    """benchmarks/news.py splits the collected text again, so a labelled sentence must survive being joined to
    its neighbours (a sentence once ended in an opening quote, '... Sheriffs. "', and did not)."""
    sentences = [['"It is fair," said Ana Ruiz, head of the union.', '"The deal sends a message.',
                  "There must be no delay."]]
    page = " ".join(sentences[0])
    text, missing = rebuild({"sentences": [{"sha": sentence_hash(s), "para": 0} for s in sentences[0]]}, page)
    assert missing == [] and text == canonical_text(sentences)
    assert [s.text for s in split_sentences(text)] == sentences[0]


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


def articles(name: str) -> list[dict]:
    return json.loads((NEWS / name).read_text(encoding="utf-8"))["articles"]


def assert_apart_and_well_formed(new: list[dict], others: list[dict]) -> None:
    """``new`` shares no URL, outlet, id or sentence with ``others``, and each of its labels has its form."""
    assert not {a["url"] for a in new} & {a["url"] for a in others}
    assert not {a["outlet"] for a in new} & {a["outlet"] for a in others}
    assert not {a["id"] for a in new} & {a["id"] for a in others}
    assert len({a["id"] for a in new}) == len(new)
    hashes = [s["sha"] for a in new for s in a["sentences"]]
    assert len(hashes) == len(set(hashes))
    assert not set(hashes) & {s["sha"] for a in others for s in a["sentences"]}
    for article in new:
        assert article["url"].startswith(("http://", "https://")) and len(article["text_sha256"]) == 64
        assert set(article) == {"id", "split", "url", "outlet", "published", "topic", "text_sha256", "sentences"}
        paragraphs = [s["para"] for s in article["sentences"]]
        assert paragraphs == sorted(paragraphs) and set(paragraphs) == set(range(paragraphs[-1] + 1))
        for sentence in article["sentences"]:
            assert len(sentence["sha"]) == 16 and int(sentence["sha"], 16) >= 0
            assert set(sentence) <= {"sha", "para", "label", "claimant", "attribution"}
            assert sentence["label"] in ("CFS", "UFS", "NFS")
            assert (sentence["label"] == "CFS") == ("attribution" in sentence) == ("claimant" in sentence)
            if sentence["label"] == "CFS":
                assert sentence["attribution"] in ("direct", "reported", "vague", "none")
                assert (sentence["claimant"] is None) == (sentence["attribution"] in ("vague", "none"))
                names = sentence["claimant"] if isinstance(sentence["claimant"], list) else [sentence["claimant"]]
                assert sentence["claimant"] is None or all(isinstance(n, str) and n.strip() for n in names)


def test_the_training_set_is_apart_from_the_development_set() -> None:
    training = articles("train-labels.json")
    assert len(training) >= 30 and {a["split"] for a in training} == {"training"}
    assert_apart_and_well_formed(training, articles("labels.json"))


def test_collect_takes_another_labels_file(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    text = canonical_text(SENTENCES)
    article = dict(entry(), id="jobs", url="https://example.org/jobs",
                   text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    labels = tmp_path / "train-labels.json"
    labels.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    saved = tmp_path / "saved"
    saved.mkdir()
    (saved / "jobs.html").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["collect", "--labels", str(labels), "--from", str(saved), "--out", str(out)]) == 0
    assert (out / "jobs.txt").read_text(encoding="utf-8") == text
    assert main(["check", "--labels", str(labels), "--out", str(out)]) == 0
    (out / "jobs.txt").write_text(text.replace("3.9", "4.0"), encoding="utf-8")
    assert main(["check", "--labels", str(labels), "--out", str(out)]) == 1
    assert "MISSING OR CHANGED" in capsys.readouterr().out


def test_each_labels_file_has_its_own_texts_folder() -> None:
    assert default_out(NEWS / "labels.json") == NEWS / "texts"
    assert default_out(NEWS / "train-labels.json") == NEWS / "train-texts"
    assert default_out(NEWS / "test-labels.json") == NEWS / "test-texts"


def test_the_test_set_is_apart_from_both_other_sets() -> None:
    """benchmarks/news/test-labels.json: the held-out TEST set shares no URL, outlet or sentence with the others."""
    labels = json.loads((NEWS / "test-labels.json").read_text(encoding="utf-8"))
    assert "TEST" in labels["about"] and "before any model" in labels["about"]
    test = labels["articles"]
    assert len(test) >= 20 and {a["split"] for a in test} == {"test"}
    assert_apart_and_well_formed(test, articles("labels.json") + articles("train-labels.json"))


def test_training_never_reads_the_test_set() -> None:
    """The model is trained on the news training set only: the test set's labels and texts are not read."""
    import train_checkworthiness

    assert train_checkworthiness.NEWS_LABELS == NEWS / "train-labels.json"
    assert train_checkworthiness.NEWS_TEXTS == NEWS / "train-texts"
    source = (REPO / "scripts" / "train_checkworthiness.py").read_text(encoding="utf-8")
    assert "test-labels" not in source and "test-texts" not in source
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    model_recipe = makefile[makefile.index("\nmodel:") :].split("\n\n", 1)[0]  # `make model` and its lines
    assert "train_checkworthiness.py" in model_recipe and "test-" not in model_recipe


def news_benchmark():  # type: ignore[no-untyped-def]
    """benchmarks/news.py as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("news_benchmark", REPO / "benchmarks" / "news.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def made_up_test_set(tmp_path: Path, split: str = "test") -> tuple[Path, Path]:
    """A labels file of one made-up article (the page above) and its texts folder; one claimant surely wrong."""
    text = canonical_text(SENTENCES)
    article = dict(entry(), id="jobs", split=split, url="https://example.org/jobs", outlet="Example Times",
                   published=None, topic="jobs report", text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    for sentence, label in zip(article["sentences"], ("CFS", "UFS", "NFS")):
        sentence["label"] = label
    article["sentences"][0].update(claimant=["Nobody Atall"], attribution="direct")
    labels = tmp_path / "test-labels.json"
    labels.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "jobs.txt").write_text(text, encoding="utf-8")
    return labels, texts


def test_the_news_benchmark_measures_a_test_split_without_showing_its_errors(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    labels, texts = made_up_test_set(tmp_path)
    assert news_benchmark().main(["--labels", str(labels), "--texts", str(texts)]) == 0
    out = capsys.readouterr().out
    assert "## TEST (labelled before anything was run on it; never used to train, choose or fix anything): " \
           "1 articles, 3 sentences, 1 CFS (33%); UFS 1, NFS 1" in out
    assert "claimant correct: 0/1 (0.0%)" in out
    assert "(1 wrong, not shown: a held-out set is measured, never looked at)" in out
    assert "Nobody Atall" not in out and sentence_hash(SENTENCES[0][0]) not in out and "| min score |" not in out


def test_the_news_benchmark_refuses_a_split_it_does_not_know(tmp_path: Path) -> None:
    labels, texts = made_up_test_set(tmp_path, split="testing")
    with pytest.raises(SystemExit) as stopped:
        news_benchmark().main(["--labels", str(labels), "--texts", str(texts)])
    assert str(stopped.value) == f"{labels}: unknown split testing (expected training, development, held-out or test)"


def test_training_reads_the_news_training_set_or_says_why_not(tmp_path: Path) -> None:
    """scripts/train_checkworthiness.py trains its news scorer on the labelled texts, or says why it cannot."""
    from train_checkworthiness import news_training_sentences

    text = canonical_text(SENTENCES)
    article = dict(entry(), id="jobs", url="https://example.org/jobs",
                   text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    for sentence, label in zip(article["sentences"], ("CFS", "UFS", "CFS")):
        sentence["label"] = label
    labels = tmp_path / "train-labels.json"
    labels.write_text(json.dumps({"articles": [article]}), encoding="utf-8")
    texts = tmp_path / "train-texts"
    assert news_training_sentences(labels, texts) == f"{texts / 'jobs.txt'} is missing"
    texts.mkdir()
    (texts / "jobs.txt").write_text(text, encoding="utf-8")
    assert news_training_sentences(labels, texts) == ([s for para in SENTENCES for s in para], [1, 0, 1], [0, 0, 0])
    (texts / "jobs.txt").write_text(text.replace("3.9", "4.0"), encoding="utf-8")
    assert news_training_sentences(labels, texts) == (f"{texts / 'jobs.txt'} is not the labelled text (its SHA-256 "
                                                      f"differs from train-labels.json's)")
