"""The packaged check-worthiness model: loads without pickle, scores sensibly, deterministically."""

from __future__ import annotations

import dataclasses
import json
import zipfile

import numpy as np
import pytest

from site_builder.drafting import checkworthiness
from site_builder.drafting.checkworthiness import (
    DEFAULT_MODEL_PATH,
    SPEAKER_FEATURE_NAMES,
    CheckworthinessModel,
    FeatureSettings,
    default_model,
    save_model_file,
    speaker_features,
)

CLAIM = (
    "Reports indicate that the Russian system achieved a staggering 90% success rate "
    "in intercepting aerial threats."
)
NON_CLAIMS = [
    "The timing of these developments could not be more significant.",
    "Thank you very much.",
]


def test_packaged_model_file_is_small_and_pickle_free():
    assert DEFAULT_MODEL_PATH.is_file()
    assert DEFAULT_MODEL_PATH.stat().st_size < 2 * 1024 * 1024
    with zipfile.ZipFile(DEFAULT_MODEL_PATH) as archive:
        for member in archive.namelist():
            data = archive.read(member)
            # .npy members only: a pickled object array would say 'O' in its header.
            assert data.startswith(b"\x93NUMPY"), member
            assert b"'descr': '|O'" not in data[:256], member
    with np.load(DEFAULT_MODEL_PATH, allow_pickle=False) as archive:
        for member in archive.files:
            assert archive[member].dtype != object


def test_load_does_not_use_pickle(monkeypatch):
    import pickle

    def refuse(*args, **kwargs):
        raise AssertionError("pickle used while loading the model")

    monkeypatch.setattr(pickle, "load", refuse)
    monkeypatch.setattr(pickle, "loads", refuse)
    monkeypatch.setattr(pickle, "Unpickler", refuse)
    model = CheckworthinessModel.load()
    assert model.score([CLAIM])[0] > 0.5


def test_metadata_names_model_data_and_calibration():
    model = CheckworthinessModel.load()
    meta = model.metadata
    assert model.name == meta["name"] and model.name
    assert model.version == meta["version"] and model.version
    assert "ClaimBuster" in json.dumps(meta["training_data"])
    assert meta["calibration"]["method"].startswith("Platt")
    assert meta["features"]["hash_bits"] == model.settings.hash_bits
    text = json.dumps(meta).lower()
    for word in ("timestamp", "created", "date_trained"):
        assert word not in text


def test_claim_scores_above_non_claims():
    model = default_model()
    claim, *others = model.score([CLAIM, *NON_CLAIMS])
    assert claim > 0.5
    for other in others:
        assert other < claim
        assert other < 0.5


def test_scores_are_probabilities():
    sentences = [
        CLAIM,
        *NON_CLAIMS,
        "",
        "   ",
        "?",
        "Unemployment fell from 10 percent in 2009 to 3.5 percent in 2019, the lowest rate in 50 years.",
        "I love you all.",
        "Die Arbeitslosigkeit ist um 3 % gestiegen.",
        "\u201cWe spent $4.5\u00a0billion\u201d \u2014 the minister said.",
        "word " * 500,
    ]
    scores = default_model().score(sentences)
    assert len(scores) == len(sentences)
    assert all(isinstance(s, float) for s in scores)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_empty_input_gives_empty_output():
    assert default_model().score([]) == []


def test_a_single_string_is_refused():
    with pytest.raises(TypeError):
        default_model().score(CLAIM)  # type: ignore[arg-type]


def test_scoring_is_deterministic_and_independent_of_batch():
    model = default_model()
    batch = [CLAIM, *NON_CLAIMS, "The deficit tripled between 2001 and 2008."]
    first = model.score(batch)
    assert model.score(batch) == first
    assert CheckworthinessModel.load().score(batch) == first
    assert [model.score([s])[0] for s in batch] == first


def test_typographic_quotes_score_like_straight_ones():
    model = default_model()
    curly, straight = model.score(["We don\u2019t have 40,000 troops there.", "We don't have 40,000 troops there."])
    assert curly == straight


def test_default_model_is_cached():
    assert default_model() is default_model()


def test_save_and_load_round_trip_is_byte_deterministic(tmp_path):
    settings = FeatureSettings(hash_bits=8)
    rng = np.random.default_rng(0)
    meta = {
        "format": "claim-explainer/checkworthiness-linear/1",
        "name": "tiny",
        "version": "0",
        "features": settings.to_json(),
        "intercept": 0.25,
        "calibration": {"method": "Platt", "a": 1.5, "b": -0.5},
    }
    hashed = rng.normal(size=settings.n_hashed)
    hand = rng.normal(size=len(checkworthiness.HAND_FEATURE_NAMES))
    first, second = tmp_path / "a.npz", tmp_path / "b.npz"
    save_model_file(first, metadata=meta, hashed_weights=hashed, hand_weights=hand)
    save_model_file(second, metadata=meta, hashed_weights=hashed, hand_weights=hand)
    assert first.read_bytes() == second.read_bytes()
    model = CheckworthinessModel.load(first)
    assert model.name == "tiny" and model.settings == settings
    np.testing.assert_allclose(model.hashed_weights, hashed, atol=np.abs(hashed).max() / 32767)
    scores = model.score(["One two three.", "Thank you."])
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_file_of_another_format_is_refused(tmp_path):
    meta = {"format": "something-else"}
    path = tmp_path / "other.npz"
    save_model_file(path, metadata=meta, hashed_weights=np.zeros(4), hand_weights=np.zeros(2))
    with pytest.raises(ValueError, match="not a check-worthiness model file"):
        CheckworthinessModel.load(path)


def test_inference_needs_only_numpy():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys\n"
        "from site_builder.drafting.checkworthiness import default_model\n"
        "default_model().score(['We lost 60,000 factories.'])\n"
        "heavy = sorted(m for m in ('sklearn', 'scipy', 'torch') if m in sys.modules)\n"
        "print(','.join(heavy))\n"
    )
    repo = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(repo), "PATH": ""},
    )
    loaded = set(filter(None, result.stdout.strip().split(",")))
    assert not loaded & {"sklearn", "scipy", "torch"}


def test_explanations_are_the_models_own_arithmetic():
    """The contributions behind a draft's signals add up to the model's decision value (up to one constant
    for the model): they are its reasons, not a separate description of the sentence."""
    model = default_model()
    sentences = [CLAIM, *NON_CLAIMS, "Unemployment fell to 3.9 percent in April, the lowest since 2000."]
    z = model.decision_function(sentences)
    everything = model.explain(sentences, top=None)
    constants = [float(zi) - sum(c.value for c in found) for zi, found in zip(z, everything)]
    assert max(constants) - min(constants) < 1e-6
    top = model.explain(sentences)[3]
    assert len(top) == 5 and [abs(c.value) for c in top] == sorted((abs(c.value) for c in top), reverse=True)
    assert any(c.label == "the word “Unemployment”" and c.value > 0 for c in top)
    assert any(c.label == "the word “percent”" and c.value > 0 for c in top)
    assert str(top[0]).endswith(")") and ("(+" in str(top[0]) or "(-" in str(top[0]))


def test_the_model_says_which_languages_it_was_trained_on():
    assert default_model().languages == ("en",)


def test_speaker_features_are_what_each_speaker_does_over_the_whole_transcript():
    sentences = ["What about jobs?", "We lost 60,000 factories.", "Is that true?", "No.", "Thank you."]
    speakers = ["Holt", "Trump", "Holt", "Trump", None]
    assert speaker_features(sentences, speakers).tolist() == [
        [1.0, 0.4], [0.0, 0.4], [1.0, 0.4], [0.0, 0.4], [0.0, 0.2]]
    with pytest.raises(ValueError, match="2 sentences but 1 speakers"):
        speaker_features(["One.", "Two."], ["Holt"])


def test_in_a_transcript_the_speakers_weights_are_added_and_explained():
    """With speakers, a moderator's sentences rank lower than the same sentences alone would; the added
    terms are among the explained contributions, which still add up to the decision value."""
    model = default_model()
    assert model.speaker_weights and model.metadata["speakers"]["features"] == list(SPEAKER_FEATURE_NAMES)
    sentences = ["Governor, you said unemployment fell by 2 million.", "Is that right?",
                 "Unemployment fell by 2 million in my state.", "We cut taxes every year."]
    speakers = ["Holt", "Holt", "Smith", "Smith"]
    transcript_weights = dataclasses.replace(model, alone=None)  # without the sentence-alone scorer
    alone = transcript_weights.decision_function(sentences)
    together = model.decision_function(sentences, speakers)
    assert together[0] - alone[0] < together[2] - alone[2]
    assert model.score(sentences, speakers)[0] < transcript_weights.score(sentences)[0]
    values = speaker_features(sentences, speakers)
    explained = model.explain(sentences, top=None, speaker_values=values)
    constants = [float(z) - sum(c.value for c in found) for z, found in zip(together, explained)]
    assert max(constants) - min(constants) < 1e-6
    assert any(c.label == "its speaker's share of questions" and c.value < 0 for c in explained[0])
    assert not any(c.label.startswith("its speaker") for c in model.explain(sentences, top=None)[0])


def _tiny_model(path, *, news: bool = False):
    """A tiny model file with a speaker layer and a sentence-alone scorer (and, with ``news``, a news scorer)."""
    settings = FeatureSettings(hash_bits=8)
    rng = np.random.default_rng(1)
    n_hand = len(checkworthiness.HAND_FEATURE_NAMES)
    meta = {
        "format": checkworthiness.FORMAT, "name": "tiny", "version": "0", "features": settings.to_json(),
        "intercept": 0.25, "calibration": {"method": "Platt", "a": 1.5, "b": -0.5},
        "speakers": {"features": list(SPEAKER_FEATURE_NAMES), "weights": [-1.0, -2.0], "means": [0.1, 0.3]},
        "alone": {"features": settings.to_json(), "intercept": -0.75, "calibration": {"a": 0.5, "b": 0.25},
                  "hand_means": [0.0] * n_hand},
    }
    names = ["hashed_weights", "hand_weights", "alone_hashed_weights", "alone_hand_weights"]
    if news:
        meta["news"] = {"features": settings.to_json(), "intercept": 0.5, "calibration": {"a": 0.8, "b": -0.1},
                        "hand_means": [0.1] * n_hand}
        names += ["news_hashed_weights", "news_hand_weights"]
    weights = {name: rng.normal(size=settings.n_hashed if "hashed" in name else n_hand) for name in names}
    save_model_file(path, metadata=meta, **weights)
    return CheckworthinessModel.load(path)


def test_sentences_without_speakers_are_scored_and_explained_by_the_sentence_alone_weights(tmp_path):
    """A model file with an "alone" scorer: a text without speakers gets its weights, calibration and
    explanations; a transcript gets the transcript's weights plus the speaker layer, and its explanations."""
    model = _tiny_model(tmp_path / "tiny.npz")
    assert model.alone is not None and model.alone.alone is None and not model.alone.speaker_weights
    sentences = ["We lost 60,000 factories in 2016.", "Is that true?", "Thank you."]
    speakers = ["Trump", "Holt", "Holt"]
    transcript = dataclasses.replace(model, alone=None)
    z_alone = model.decision_function(sentences)
    assert z_alone.tolist() == model.alone.decision_function(sentences).tolist()
    assert z_alone.tolist() != transcript.decision_function(sentences).tolist()
    assert model.score(sentences) == [float(1 / (1 + np.exp(-(0.5 * z + 0.25)))) for z in z_alone]
    z_transcript = model.decision_function(sentences, speakers)
    terms = ((speaker_features(sentences, speakers) - [0.1, 0.3]) * [-1.0, -2.0]).sum(axis=1)
    np.testing.assert_allclose(z_transcript, transcript.decision_function(sentences) + terms)
    assert model.score(sentences, speakers) == [float(1 / (1 + np.exp(-(1.5 * z - 0.5)))) for z in z_transcript]
    # Explanations add up to the decision value of the weights that scored the sentence.
    for values, z in ((None, z_alone), (speaker_features(sentences, speakers), z_transcript)):
        found = model.explain(sentences, top=None, speaker_values=values)
        constants = [float(zi) - sum(c.value for c in row) for zi, row in zip(z, found)]
        assert max(constants) - min(constants) < 1e-6
        assert any(c.label.startswith("its speaker") for row in found for c in row) == (values is not None)


def _metadata_and_zero_weights() -> tuple[dict, dict]:
    """A tiny model file's metadata and main weights (all zero), for the checks of its optional scorers."""
    settings = FeatureSettings(hash_bits=8)
    meta = {"format": checkworthiness.FORMAT, "name": "tiny", "version": "0", "features": settings.to_json(),
            "intercept": 0.0, "calibration": {"a": 1.0, "b": 0.0}}
    return meta, {"hashed_weights": np.zeros(settings.n_hashed), "hand_weights": np.zeros(22)}


def test_a_sentence_alone_scorer_needs_its_metadata(tmp_path):
    meta, zeros = _metadata_and_zero_weights()
    with pytest.raises(ValueError, match=r"needs its hashed and hand weights and metadata\['alone'\]"):
        save_model_file(tmp_path / "a.npz", metadata=meta, alone_hashed_weights=np.zeros(256), **zeros)


def test_the_packaged_sentence_alone_scorer_is_trained_on_claimbuster_only():
    model = default_model()
    assert model.alone is not None
    alone = model.metadata["alone"]
    assert alone["training_data"].startswith("ClaimBuster crowdsourced.csv only")
    assert alone["calibration"]["method"].startswith("Platt")
    assert model.score([CLAIM]) == model.alone.score([CLAIM])


def test_a_news_article_is_scored_and_explained_by_the_news_weights(tmp_path):
    """A model file with a "news" scorer: an article without speaker turns gets its weights, calibration and
    explanations (extract's candidates and signals); a list of sentences keeps the sentence-alone scorer."""
    from site_builder.drafting.extract import candidates, explained
    from site_builder.model import Article, ArticleMeta

    model = _tiny_model(tmp_path / "tiny.npz", news=True)
    assert model.article_scorer is model.news and model.news.alone is None and model.news.news is None
    sentences = ["Crime fell by 20 percent in 2024, the mayor said.", "Is that true?", "Thank you."]
    z_news = model.news.decision_function(sentences)
    assert z_news.tolist() != model.alone.decision_function(sentences).tolist()
    assert model.score(sentences) == model.alone.score(sentences)  # a list of sentences: unchanged
    assert model.news.score(sentences) == [float(1 / (1 + np.exp(-(0.8 * z - 0.1)))) for z in z_news]
    meta = ArticleMeta(title="Crime", outlet="Harbour News", url="https://harbour.example/crime",
                       published="2026-01-02", language="en")
    found = candidates(Article(id="crime", meta=meta, body=" ".join(sentences)), model)
    assert [c.score for c in found] == [round(p, 3) for p in model.news.score(sentences)]
    drafted = explained(found, model)
    assert [d.signals for d in drafted] == [[str(c) for c in row] for row in model.news.explain(sentences, top=5)]
    everything = model.news.explain(sentences, top=None)
    constants = [float(z) - sum(c.value for c in row) for z, row in zip(z_news, everything)]
    assert max(constants) - min(constants) < 1e-6  # the news weights' own reasons, adding up to their score


def test_a_model_without_a_news_scorer_scores_articles_alone(tmp_path):
    model = _tiny_model(tmp_path / "tiny.npz")
    assert model.news is None and model.article_scorer is model
    assert model.article_scorer.score(["We lost 60,000 factories."]) == model.alone.score(["We lost 60,000 factories."])


def test_a_news_scorer_needs_its_metadata(tmp_path):
    meta, zeros = _metadata_and_zero_weights()
    with pytest.raises(ValueError, match=r"needs its hashed and hand weights and metadata\['news'\]"):
        save_model_file(tmp_path / "a.npz", metadata=meta, news_hashed_weights=np.zeros(256),
                        news_hand_weights=np.zeros(22), **zeros)


def test_the_packaged_news_scorer_is_trained_on_claimbuster_and_the_news_training_set():
    model = default_model()
    assert model.news is not None and model.article_scorer is model.news
    news = model.metadata["news"]
    assert "train-labels.json" in news["training_data"] and news["sentences"]["news"] >= 300
    assert news["calibration"]["method"].startswith("Platt")
    assert model.score([CLAIM]) == model.alone.score([CLAIM])  # ClaimBuster's path is the sentence-alone scorer's
