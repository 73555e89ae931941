"""Which language an article is in, and whether the check-worthiness model can score it.

The article's front matter says it (`language: hi`) or, when it does not, the text is identified with
py3langid (a maintained fork of langid.py: a naive Bayes model over byte n-grams, 97 languages, shipped
inside the package; nothing is downloaded). The model file lists the languages it was trained on; an
article in any other language is not scored: `extract` says so instead of giving an English model's
confident numbers for Hindi.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Article

__all__ = ["ArticleLanguage", "article_language", "detect", "unsupported_message"]


@dataclass(frozen=True)
class ArticleLanguage:
    code: str  # "en", "hi", "pt-BR"
    source: str  # "front matter" | "detected"
    confidence: float | None = None  # the detector's probability, when detected

    @property
    def primary(self) -> str:
        """The primary language subtag: "pt" for "pt-BR"."""
        return self.code.split("-")[0].lower()


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    code, probability = _identifier().classify(text)
    return str(code), round(float(probability), 3)


def article_language(article: Article) -> ArticleLanguage:
    """The front matter's `language` when it sets one, else the language detected in the body."""
    if "language" in article.meta.model_fields_set:
        return ArticleLanguage(article.meta.language, "front matter")
    code, probability = detect(article.body)
    return ArticleLanguage(code, "detected", probability)


def unsupported_message(article_id: str, language: ArticleLanguage, trained: tuple[str, ...]) -> str | None:
    """None when the model was trained on the article's language; else what to tell the editor."""
    if language.primary in trained:
        return None
    how = (f"its front matter says language: {language.code}" if language.source == "front matter"
           else f"its text looks like language {language.code!r} (detected, probability {language.confidence:.2f})")
    return (f"article {article_id!r}: {how}, and the check-worthiness model was trained on "
            f"{', '.join(trained)} only, so its scores would mean nothing; no drafts are made. Draft claims "
            f"from it by hand with `site-builder new --article {article_id}`"
            + ("" if language.source == "front matter" else ", or set `language:` in its front matter if the "
               "detection is wrong") + ".")
