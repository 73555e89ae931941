"""Check-worthiness scoring: how much a sentence looks like a check-worthy factual claim.

A linear model over hashed word and character n-grams plus a few hand-made
features (numbers, percentages, years, comparatives, sources, persons,
questions, length), with a Platt calibration on top, so that `score` returns
calibrated probabilities in 0..1 that a sentence is a check-worthy factual
sentence (ClaimBuster "CFS").

A model file may hold several sets of weights over the same features: the
transcript's (with the speaker layer, used when each sentence's speaker is
known) and, under ``alone``, a sentence-alone scorer used whenever there are no
speakers (a list of sentences).  `score` and `explain` pick the one that
scores the input, so a draft's signals are always the reasons of the weights
that scored it.  A third set, under ``news`` (2.3.0), scores the sentences of a
news article (an article without speaker turns): `article_scorer` is the model
that scores and explains them.

Inference needs only numpy and the standard library: the feature hash is
`zlib.crc32` (deterministic across runs and platforms, unlike `hash()`), so
there is no vocabulary to ship, and the model file is a `.npz` archive read
with `allow_pickle=False`.  The model is trained by
`scripts/train_checkworthiness.py`; its metadata says on which data.
"""

from __future__ import annotations

import io
import json
import math
import re
import unicodedata
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import numpy as np

__all__ = [
    "CheckworthinessModel",
    "Contribution",
    "DEFAULT_MODEL_PATH",
    "FeatureSettings",
    "default_model",
    "extract_features",
    "hand_features",
    "HAND_FEATURE_NAMES",
    "normalize",
    "save_model_file",
    "SPEAKER_FEATURE_NAMES",
    "speaker_features",
]

DEFAULT_MODEL_PATH = Path(__file__).resolve().parent / "models" / "checkworthiness.npz"
FORMAT = "claim-explainer/checkworthiness-linear/2"

# Typography that news text uses and debate transcripts do not.
_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2013": "-",
        "\u2014": " -- ",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_DIGIT = re.compile(r"\d")
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[a-z0]+(?:['.,][a-z0]+)*|[%$?!\"]")
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b|'\d\d\b|\b\d\d?(?:st|nd|rd|th)\b")
_PERCENT = re.compile(r"\d\s*(?:%|per ?cent\b|percentage)", re.I)
_MONEY = re.compile(r"[$\u20ac\u00a3]\s*\d|\b\d[\d,.]*\s*(?:dollars?|euros?|pounds?|rupees?|cents?)\b", re.I)
_MAGNITUDE = re.compile(
    r"\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|twice|"
    r"double[ds]?|tripled?|quadrupled?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b",
    re.I,
)
_MONTH = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|yesterday|today|last (?:year|month|week)|decade|century)\b",
    re.I,
)
_COMPARATIVE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|better|worse|"
    r"increased?|decreased?|increasing|decreasing|rose|risen|rising|fell|fallen|falling|"
    r"dropped|grew|grown|cut|raised?|than|compared)\b",
    re.I,
)
_SUPERLATIVE = re.compile(
    r"\b(?:most|least|largest|biggest|highest|lowest|best|worst|first|last|only|"
    r"record|ever|never|every|all|none|no one|nobody)\b|\b\w{3,}est\b",
    re.I,
)
_SOURCE = re.compile(
    r"\b(?:according|report(?:s|ed)?|stud(?:y|ies)|survey|poll|data|statistics|"
    r"census|research|analysis|estimates?|figures?|official(?:s|ly)?|said|says|"
    r"confirmed|announced|found|showed?|shows|evidence)\b",
    re.I,
)
_LAW = re.compile(
    r"\b(?:voted?|votes|bill|law|act|tax(?:es)?|budget|deficit|debt|jobs?|unemployment|"
    r"economy|percent|rate|million|billion|signed|passed|funding|spent|spending)\b",
    re.I,
)
_FIRST_SINGULAR = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:we|we're|we've|we'd|we'll|us|our|ours|ourselves)\b", re.I)
_SECOND = re.compile(r"\b(?:you|you're|you've|you'd|you'll|your|yours|yourself)\b", re.I)
_OPINION = re.compile(
    r"\b(?:think|believe|feel|hope|want|wish|should|must|going to|gonna|let's|"
    r"thank|thanks|please|welcome|great|wonderful|okay|ok|yes|well|maybe|perhaps)\b",
    re.I,
)
_CAPITALIZED = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")

HAND_FEATURE_NAMES: tuple[str, ...] = (
    "bias",
    "has_number",
    "log_numbers",
    "has_percent",
    "has_money",
    "has_year_or_date",
    "has_magnitude_word",
    "comparative",
    "superlative",
    "source",
    "policy_term",
    "first_singular",
    "first_plural",
    "second_person",
    "opinion_word",
    "question",
    "exclamation",
    "quote_marks",
    "capitalized_words",
    "log_words",
    "short_le_4_words",
    "long_ge_30_words",
)


# Who speaks, in a transcript (a debate, an interview): what each speaker does over the whole text. A
# moderator or questioner mostly asks and says little; candidates' sentences are the check-worthy ones.
SPEAKER_FEATURE_NAMES: tuple[str, ...] = ("speaker_asks", "speaker_share")
SPEAKER_FEATURE_WORDS = {
    "speaker_asks": "its speaker's share of questions",
    "speaker_share": "its speaker's share of the text",
}


def speaker_features(sentences: Sequence[str], speakers: Sequence[str | None]) -> np.ndarray:
    """The SPEAKER_FEATURE_NAMES columns of one transcript's sentences, in order: the share of the
    speaker's sentences that ask a question, and the speaker's share of the text's sentences (a sentence
    without a speaker counts as one more speaker, "none")."""
    if len(speakers) != len(sentences):
        raise ValueError(f"{len(sentences)} sentences but {len(speakers)} speakers")
    asks: dict[str | None, list[int]] = {}
    for sentence, speaker in zip(sentences, speakers):
        asks.setdefault(speaker, []).append(1 if "?" in sentence else 0)
    n = max(len(sentences), 1)
    share = {speaker: (sum(values) / len(values), len(values) / n) for speaker, values in asks.items()}
    return np.asarray([share[speaker] for speaker in speakers], dtype=np.float64).reshape(len(speakers), 2)


def normalize(text: str) -> str:
    """Unicode and typography normalisation shared by training and inference."""
    text = unicodedata.normalize("NFKC", text).translate(_TRANSLATE)
    return _SPACE.sub(" ", text).strip()


def hand_features(text: str) -> list[float]:
    """Dense hand-made features of one (already normalised) sentence, in HAND_FEATURE_NAMES order."""
    words = text.split()
    n_words = len(words)
    numbers = _NUMBER.findall(text)
    return [
        1.0,
        1.0 if numbers else 0.0,
        math.log1p(len(numbers)),
        1.0 if _PERCENT.search(text) else 0.0,
        1.0 if _MONEY.search(text) else 0.0,
        1.0 if (_YEAR.search(text) or _MONTH.search(text)) else 0.0,
        1.0 if _MAGNITUDE.search(text) else 0.0,
        math.log1p(len(_COMPARATIVE.findall(text))),
        math.log1p(len(_SUPERLATIVE.findall(text))),
        math.log1p(len(_SOURCE.findall(text))),
        math.log1p(len(_LAW.findall(text))),
        math.log1p(len(_FIRST_SINGULAR.findall(text))),
        math.log1p(len(_FIRST_PLURAL.findall(text))),
        math.log1p(len(_SECOND.findall(text))),
        math.log1p(len(_OPINION.findall(text))),
        1.0 if "?" in text else 0.0,
        1.0 if "!" in text else 0.0,
        1.0 if '"' in text else 0.0,
        math.log1p(len(_CAPITALIZED.findall(text))),
        math.log1p(n_words) / 4.0,
        1.0 if n_words <= 4 else 0.0,
        1.0 if n_words >= 30 else 0.0,
    ]


@dataclass(frozen=True)
class FeatureSettings:
    """How a sentence becomes hashed feature indices; stored in the model file."""

    hash_bits: int = 18
    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] = (2, 5)
    word_weight: float = 1.0
    char_weight: float = 1.0
    hand_weight: float = 1.0
    norm_power: float = 0.5

    @property
    def n_hashed(self) -> int:
        return 1 << self.hash_bits

    def to_json(self) -> dict[str, Any]:
        return {
            "hash": "zlib.crc32(utf-8 of prefix + gram) & (2**hash_bits - 1); prefixes 'w<n>:' and 'c<n>:'",
            "hash_bits": self.hash_bits,
            "word_ngrams": list(self.word_ngrams),
            "char_ngrams": list(self.char_ngrams),
            "word_weight": self.word_weight,
            "char_weight": self.char_weight,
            "hand_weight": self.hand_weight,
            "norm_power": self.norm_power,
            "hand_features": list(HAND_FEATURE_NAMES),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "FeatureSettings":
        if list(data.get("hand_features", HAND_FEATURE_NAMES)) != list(HAND_FEATURE_NAMES):
            raise ValueError("model file was trained with other hand-made features than this code computes")
        return cls(
            hash_bits=int(data["hash_bits"]),
            word_ngrams=(int(data["word_ngrams"][0]), int(data["word_ngrams"][1])),
            char_ngrams=(int(data["char_ngrams"][0]), int(data["char_ngrams"][1])),
            word_weight=float(data["word_weight"]),
            char_weight=float(data["char_weight"]),
            hand_weight=float(data["hand_weight"]),
            norm_power=float(data["norm_power"]),
        )


@lru_cache(maxsize=65536)
def _char_hashes(token: str, lo: int, hi: int, mask: int) -> tuple[int, ...]:
    """Hashed character n-grams of one token padded with spaces (like scikit-learn's char_wb)."""
    crc = zlib.crc32
    padded = f" {token} "
    length = len(padded)
    hashes = []
    for n in range(lo, min(hi, length) + 1):
        prefix = f"c{n}:".encode()
        for i in range(length - n + 1):
            hashes.append(crc(prefix + padded[i : i + n].encode()) & mask)
    return tuple(hashes)


def _hashed(text: str, settings: FeatureSettings) -> tuple[list[int], list[float]]:
    """Indices and values of the hashed n-gram features: binary, each block divided by its size ** norm_power
    (0.5: L2-normalised)."""
    mask = settings.n_hashed - 1
    crc = zlib.crc32
    lowered = _DIGIT.sub("0", text.lower())
    tokens = _TOKEN.findall(lowered)
    indices: list[int] = []
    values: list[float] = []

    words: set[int] = set()
    lo, hi = settings.word_ngrams
    for n in range(lo, hi + 1):
        prefix = f"w{n}:".encode()
        for i in range(len(tokens) - n + 1):
            words.add(crc(prefix + " ".join(tokens[i : i + n]).encode()) & mask)
    if words and settings.word_weight:
        value = settings.word_weight / len(words) ** settings.norm_power
        indices.extend(sorted(words))  # sorted: same summation order in every process
        values.extend([value] * len(words))

    chars: set[int] = set()
    lo, hi = settings.char_ngrams
    for token in set(tokens):
        chars.update(_char_hashes(token, lo, hi, mask))
    if chars and settings.char_weight:
        value = settings.char_weight / len(chars) ** settings.norm_power
        indices.extend(sorted(chars))
        values.extend([value] * len(chars))
    return indices, values


def extract_features(
    sentences: Iterable[str], settings: FeatureSettings
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Featurise sentences as CSR parts (indptr, indices, values) of the hashed block, plus the dense hand block.

    Training builds a scipy CSR matrix from the first three; inference dots them with the weights.
    Hashed collisions between word and char grams are merged by summing (duplicates in a row are fine
    for both uses).
    """
    indptr = [0]
    all_indices: list[int] = []
    all_values: list[float] = []
    dense: list[list[float]] = []
    for sentence in sentences:
        text = normalize(sentence)
        indices, values = _hashed(text, settings)
        all_indices.extend(indices)
        all_values.extend(values)
        indptr.append(len(all_indices))
        dense.append([settings.hand_weight * v for v in hand_features(text)])
    return (
        np.asarray(indptr, dtype=np.int64),
        np.asarray(all_indices, dtype=np.int64),
        np.asarray(all_values, dtype=np.float64),
        np.asarray(dense, dtype=np.float64).reshape(len(dense), len(HAND_FEATURE_NAMES)),
    )


# What each feature means to an editor (signals in a draft's provenance).
HAND_FEATURE_WORDS = {
    "has_number": "a number",
    "log_numbers": "several numbers",
    "has_percent": "a percentage",
    "has_money": "an amount of money",
    "has_year_or_date": "a date or year",
    "has_magnitude_word": "a quantity in words",
    "comparative": "a comparison or change",
    "superlative": "a superlative or absolute",
    "source": "a source, study or statement",
    "policy_term": "a policy word (tax, budget, jobs, law)",
    "first_singular": "speaks as 'I'",
    "first_plural": "speaks as 'we'",
    "second_person": "addresses 'you'",
    "opinion_word": "an opinion or wish word",
    "question": "a question",
    "exclamation": "an exclamation",
    "quote_marks": "a quotation",
    "capitalized_words": "names",
    "log_words": "its length",
    "short_le_4_words": "very short",
    "long_ge_30_words": "very long",
}
@dataclass(frozen=True)
class Contribution:
    """How much one feature moved a sentence's score (in log-odds before calibration)."""

    label: str
    value: float

    def __str__(self) -> str:
        return f"{self.label} ({self.value:+.2f})"


@dataclass(frozen=True)
class CheckworthinessModel:
    """A calibrated linear check-worthiness model; `score` returns P(check-worthy factual claim)."""

    name: str
    version: str
    settings: FeatureSettings
    hashed_weights: np.ndarray = field(repr=False, compare=False)
    hand_weights: np.ndarray = field(repr=False, compare=False)
    intercept: float
    platt_a: float
    platt_b: float
    metadata: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    # Averages of the hand-made features over the training sentences: a contribution is
    # w * (x - average), what the feature moved this sentence's score away from a typical sentence's.
    hand_means: tuple[float, ...] = field(default=(), repr=False, compare=False)
    # Transcripts only (speakers known): weights of SPEAKER_FEATURE_NAMES added to the decision value, and
    # their averages over the training transcripts' sentences (a contribution is w * (x - average)).
    speaker_weights: tuple[float, ...] = field(default=(), repr=False, compare=False)
    speaker_means: tuple[float, ...] = field(default=(), repr=False, compare=False)
    # The scorer of sentences without speakers (2.2.0: trained on ClaimBuster only), if the file has one;
    # without it, the weights above score every input.
    alone: "CheckworthinessModel | None" = field(default=None, repr=False, compare=False)
    # The scorer of a news article's sentences (2.3.0: ClaimBuster and the project's labelled news
    # training articles), if the file has one: see `article_scorer`.
    news: "CheckworthinessModel | None" = field(default=None, repr=False, compare=False)

    @property
    def article_scorer(self) -> "CheckworthinessModel":
        """The model that scores and explains the sentences of an article without speaker turns (a news
        article): the news weights if the file has them, otherwise this model (whose `score` then uses
        the sentence-alone weights)."""
        return self.news if self.news is not None else self

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages (ISO 639-1) of its training data: it says nothing useful about others."""
        return tuple(self.metadata.get("languages", ("en",)))

    @classmethod
    def load(cls, path: Path | None = None) -> "CheckworthinessModel":
        """Read a model file written by `save_model_file` (default: the packaged model). No pickle."""
        path = DEFAULT_MODEL_PATH if path is None else Path(path)
        with np.load(path, allow_pickle=False) as archive:
            meta = json.loads(bytes(archive["metadata"]).decode("utf-8"))
            arrays = {name: archive[name] for name in archive.files if name != "metadata"}
        if meta.get("format") not in ("claim-explainer/checkworthiness-linear/1", FORMAT):
            raise ValueError(f"{path}: not a check-worthiness model file (format {meta.get('format')!r})")
        alone, news = meta.get("alone"), meta.get("news")
        return cls._weights(path, meta, meta, arrays, "", cls._speaker_layer(path, meta.get("speakers")),
                            alone=cls._weights(path, meta, alone, arrays, "alone_", {}) if alone else None,
                            news=cls._weights(path, meta, news, arrays, "news_", {}) if news else None)

    @classmethod
    def _weights(cls, path: Path, meta: Mapping[str, Any], part: Mapping[str, Any], arrays: Mapping[str, np.ndarray],
                 prefix: str, speakers: Mapping[str, tuple[float, ...]], alone: "CheckworthinessModel | None" = None,
                 news: "CheckworthinessModel | None" = None) -> "CheckworthinessModel":
        """One set of weights of a model file: ``part`` is its metadata (the file's, or its "alone" or "news"
        entry), its arrays are named with ``prefix``."""
        try:
            quantized = arrays[f"{prefix}hashed_weights"]
            hashed_scale = float(arrays[f"{prefix}hashed_scale"].reshape(-1)[0])
            hand = arrays[f"{prefix}hand_weights"].astype(np.float64)
        except KeyError as missing:
            raise ValueError(f"{path}: the model file has no {missing.args[0]} array") from None
        settings = FeatureSettings.from_json(part["features"])
        weights = quantized.astype(np.float64) * hashed_scale
        weights.setflags(write=False)
        hand.setflags(write=False)
        if weights.shape != (settings.n_hashed,):
            raise ValueError(f"{path}: expected {settings.n_hashed} hashed weights, got {weights.shape}")
        calibration = part["calibration"]
        return cls(
            name=str(meta["name"]),
            version=str(meta["version"]),
            settings=settings,
            hashed_weights=weights,
            hand_weights=hand,
            intercept=float(part["intercept"]),
            platt_a=float(calibration["a"]),
            platt_b=float(calibration["b"]),
            metadata=meta,
            hand_means=tuple(float(v) for v in part.get("hand_means", [0.0] * len(HAND_FEATURE_NAMES))),
            alone=alone,
            news=news,
            **speakers,
        )

    @staticmethod
    def _speaker_layer(path: Path, layer: Mapping[str, Any] | None) -> dict[str, tuple[float, ...]]:
        if not layer:
            return {}
        if list(layer.get("features", [])) != list(SPEAKER_FEATURE_NAMES):
            raise ValueError(f"{path}: model file was trained with other speaker features than this code computes")
        return {"speaker_weights": tuple(float(v) for v in layer["weights"]),
                "speaker_means": tuple(float(v) for v in layer["means"])}

    def decision_function(self, sentences: Sequence[str], speakers: Sequence[str | None] | None = None) -> np.ndarray:
        """Uncalibrated linear scores (log-odds of the underlying classifier). Each sentence on its own, by
        the sentence-alone weights if the model has them; with ``speakers`` (the sentences are one whole
        transcript in order, each with its speaker) the transcript's weights and the model's speaker
        weights, computed over the whole transcript."""
        if isinstance(sentences, str):
            raise TypeError("score() takes a sequence of sentences, not a single string")
        if speakers is None and self.alone is not None:
            return self.alone.decision_function(sentences)
        indptr, indices, values, dense = extract_features(sentences, self.settings)
        contributions = self.hashed_weights[indices] * values
        sums = np.zeros(len(indptr) - 1)
        nonempty = indptr[1:] > indptr[:-1]
        if contributions.size:
            sums[nonempty] = np.add.reduceat(contributions, indptr[:-1][nonempty])
        # Row-wise sums (not a BLAS matrix product) so a sentence's score never depends on its batch.
        z = sums + (dense * self.hand_weights).sum(axis=1) + self.intercept
        if speakers is not None and self.speaker_weights:
            z = z + self._speaker_terms(speaker_features([normalize(s) for s in sentences], speakers)).sum(axis=1)
        return z

    def _speaker_terms(self, values: np.ndarray) -> np.ndarray:
        """Each speaker feature's contribution, weight * (value - its training average)."""
        return (values - np.asarray(self.speaker_means)) * np.asarray(self.speaker_weights)

    def score(self, sentences: Sequence[str], speakers: Sequence[str | None] | None = None) -> list[float]:
        """Calibrated probabilities (0..1) that each sentence is a check-worthy factual claim (``speakers``:
        see `decision_function`)."""
        z = self.decision_function(sentences, speakers)
        scorer = self.alone if speakers is None and self.alone is not None else self
        return [float(p) for p in 1.0 / (1.0 + np.exp(-(scorer.platt_a * z + scorer.platt_b)))]

    def explain(self, sentences: Sequence[str], top: int | None = 5,
                speaker_values: Sequence[Sequence[float]] | None = None) -> list[list[Contribution]]:
        """For each sentence, the features that moved its score most, largest first.

        A contribution is weight * (value - its average over the training sentences): what the feature
        moved this sentence's log-odds away from a typical sentence's; for this linear model they add up
        exactly to the decision value minus one constant. A word gathers its word and character n-grams;
        two words in a row are a phrase. ``speaker_values``: for sentences of a transcript, each one's
        `speaker_features` (computed over the whole transcript; an empty row for a sentence scored alone):
        the sentence is then explained by the transcript's weights, as `score` with speakers scores it, and
        the speaker features are among the contributions; a sentence with an empty row is explained by the
        weights that score it alone.
        """
        given = [()] * len(sentences) if speaker_values is None else speaker_values
        rows = [np.asarray(row, dtype=np.float64) for row in given]
        if len(rows) != len(sentences):
            raise ValueError(f"{len(sentences)} sentences but {len(rows)} rows of speaker values")
        out = []
        for sentence, row in zip(sentences, rows):
            if not row.size and self.alone is not None:
                out.append(self.alone._explain_one(sentence, top, ()))
            else:
                terms = self._speaker_terms(row) if row.size and self.speaker_weights else ()
                out.append(self._explain_one(sentence, top, terms))
        return out

    def _explain_one(self, sentence: str, top: int | None, speaker_terms: Sequence[float]) -> list[Contribution]:
        scale = 1.0
        text = normalize(sentence)
        found = [Contribution(label, scale * value) for label, value in self._sentence_contributions(text)]
        dense = hand_features(text)
        means = self.hand_means or (0.0,) * len(HAND_FEATURE_NAMES)
        for name, weight, value, mean in zip(HAND_FEATURE_NAMES, self.hand_weights, dense, means):
            if name != "bias":
                found.append(Contribution(HAND_FEATURE_WORDS[name],
                                          scale * float(weight) * self.settings.hand_weight * (value - mean)))
        for name, value in zip(SPEAKER_FEATURE_NAMES, speaker_terms):
            found.append(Contribution(SPEAKER_FEATURE_WORDS[name], float(value)))
        ranked = sorted(found, key=lambda c: (-abs(c.value), c.label))
        return ranked if top is None else [c for c in ranked if abs(c.value) >= 0.005][:top]

    def _sentence_contributions(self, text: str) -> list[tuple[str, float]]:
        """(label, contribution) of each word (its word unigram and character n-grams) and word pair."""
        settings = self.settings
        mask = settings.n_hashed - 1
        lowered = _DIGIT.sub("0", text.lower())
        matches = list(_TOKEN.finditer(lowered))
        tokens = [m.group() for m in matches]
        same_length = len(lowered) == len(text)
        shown = [text[m.start() : m.end()] if same_length else m.group() for m in matches]
        lo, hi = settings.word_ngrams
        grams: dict[int, tuple[int, int]] = {}
        for n in range(lo, hi + 1):
            prefix = f"w{n}:".encode()
            for i in range(len(tokens) - n + 1):
                h = zlib.crc32(prefix + " ".join(tokens[i : i + n]).encode()) & mask
                grams.setdefault(h, (i, n))
        word_value = settings.word_weight / len(grams) ** settings.norm_power if grams and settings.word_weight else 0.0
        chars: dict[int, set[str]] = {}
        lo, hi = settings.char_ngrams
        for token in set(tokens):
            for h in _char_hashes(token, lo, hi, mask):
                chars.setdefault(h, set()).add(token)
        char_value = settings.char_weight / len(chars) ** settings.norm_power if chars and settings.char_weight else 0.0
        by_label: dict[str, float] = {}

        def label_of(i: int, n: int) -> str:
            phrase = " ".join(shown[i : i + n])
            if n == 1:
                kind = "the number" if tokens[i][:1] == "0" else "the sign" if tokens[i] in '%$?!"' else "the word"
            else:
                kind = "the words"
            return f"{kind} “{phrase}”"

        for h, (i, n) in grams.items():
            key = label_of(i, n)
            by_label[key] = by_label.get(key, 0.0) + float(self.hashed_weights[h]) * word_value
        token_label = {}
        for i, token in enumerate(tokens):
            if token not in token_label:
                token_label[token] = label_of(i, 1)
        weights = self.hashed_weights
        for h, owners in chars.items():
            share = float(weights[h]) * char_value / len(owners)
            for token in owners:
                key = token_label[token]
                by_label[key] = by_label.get(key, 0.0) + share
        return sorted(by_label.items())


@lru_cache(maxsize=1)
def default_model() -> CheckworthinessModel:
    """The packaged model, loaded once."""
    return CheckworthinessModel.load()


def _npy_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    np.lib.format.write_array(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def save_model_file(
    path: Path,
    *,
    metadata: Mapping[str, Any],
    hashed_weights: np.ndarray,
    hand_weights: np.ndarray,
    weight_dtype: str = "int16",
    alone_hashed_weights: np.ndarray | None = None,
    alone_hand_weights: np.ndarray | None = None,
    news_hashed_weights: np.ndarray | None = None,
    news_hand_weights: np.ndarray | None = None,
) -> None:
    """Write a model file byte-for-byte deterministically (fixed zip timestamps, sorted JSON, integer weights).

    The hashed weights are quantised to `weight_dtype` (int8 or int16) with one scale
    (max |w| / largest integer); `np.load` reads the archive with allow_pickle=False. ``alone_*``: the
    sentence-alone scorer's weights (its settings, intercept and calibration are ``metadata["alone"]``);
    ``news_*``: the news articles' scorer's (``metadata["news"]``).
    """
    dtype = np.dtype(weight_dtype)
    if dtype not in (np.dtype(np.int8), np.dtype(np.int16)):
        raise ValueError(f"weight_dtype must be int8 or int16, got {weight_dtype!r}")
    top = np.iinfo(dtype).max

    def quantised(values: np.ndarray) -> tuple[np.ndarray, float]:
        weights = np.asarray(values, dtype=np.float64)
        peak = float(np.max(np.abs(weights))) if weights.size else 0.0
        scale = peak / top if peak > 0 else 1.0
        return np.clip(np.rint(weights / scale), -top, top).astype(dtype), scale

    meta_bytes = json.dumps(metadata, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")
    members = {"metadata.npy": _npy_bytes(np.frombuffer(meta_bytes, dtype=np.uint8))}
    sets = [("", hashed_weights, hand_weights)]
    if alone_hashed_weights is not None or alone_hand_weights is not None:
        if alone_hashed_weights is None or alone_hand_weights is None or "alone" not in metadata:
            raise ValueError("a sentence-alone scorer needs its hashed and hand weights and metadata['alone']")
        sets.append(("alone_", alone_hashed_weights, alone_hand_weights))
    if news_hashed_weights is not None or news_hand_weights is not None:
        if news_hashed_weights is None or news_hand_weights is None or "news" not in metadata:
            raise ValueError("a news scorer needs its hashed and hand weights and metadata['news']")
        sets.append(("news_", news_hashed_weights, news_hand_weights))
    for prefix, hashed, hand in sets:
        quantized, scale = quantised(hashed)
        members[f"{prefix}hashed_weights.npy"] = _npy_bytes(quantized)
        members[f"{prefix}hashed_scale.npy"] = _npy_bytes(np.asarray([scale], dtype=np.float64))
        members[f"{prefix}hand_weights.npy"] = _npy_bytes(np.asarray(hand, dtype=np.float64))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for member, data in members.items():
            info = zipfile.ZipInfo(member, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
