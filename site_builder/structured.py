"""schema.org structured data (JSON-LD) for claim, article and home pages. Pure.

ClaimReview follows Google's fact-check guidance: ``claimReviewed``,
``reviewRating`` (label as ``alternateName``; ``ratingValue`` with
``bestRating``/``worstRating`` from the scale) and ``url`` are required;
``author`` (the publishing organisation), ``datePublished`` and ``itemReviewed`` (a Claim with its author,
date and appearances) are recommended. The Claim's ``appearance`` lists every article that published it
(the claim's own quote's and each of its appearances', by date, with archived copies) and
``firstAppearance`` the earliest when the dates show which it is (see appearances.placements), each with its
language (``inLanguage``).
Ratings whose value is below 1 (``cannot-verify`` by default) are not a point on the scale: they carry
only their label. The people named on a claim go in as ``creator`` (its authors) and ``editor`` (its
reviewers), both Person, as schema.org allows on any CreativeWork.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from typing import Any

from markupsafe import Markup

from .appearances import Placement
from .model import Article, Claim, RatingScale

CONTEXT = "https://schema.org"
GOOGLE_TITLE_LIMIT = 75
_ORGANISATION_WORDS = re.compile(
    r"\b(government|ministry|office|agency|agencies|service|kremlin|council|department|news|press|"
    r"times|post|media|officials|army|air force|navy|party|committee|institute|university|bank|"
    r"company|corporation|inc|ltd|group|reports|analysts|sources)\b|\.(com|news|org|net|ru|in)\b",
    re.IGNORECASE,
)


def script(data: dict[str, Any]) -> Markup:
    """JSON for a <script> element: '<', '>' and '&' escaped, so no field can close the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def numeric_range(scale: RatingScale) -> tuple[int, int]:
    """(worst, best) over the ratings that are points on the scale (value >= 1)."""
    values = [r.value for r in scale.ratings.values() if r.value >= 1]
    return (min(values), max(values)) if values else (1, 1)


def organisation(name: str, url: str) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": name}
    if url:
        data["url"] = url
    return data


def claimant(name: str, outlet: str) -> dict[str, Any] | None:
    """Person or Organization for the claimant; None for unnamed sources (nobody to name). A claim an
    article attributes to someone who could not be shown to have said it names the outlet, as the
    methodology writes it ("klas.news, attributing to Dmitry Shugayev"): its author is the outlet."""
    if name.lower().startswith("unnamed"):
        return None
    if name.startswith(f"{outlet}, attributing to "):
        return organisation(outlet, "")
    return {"@type": "Organization" if name == outlet or _organisation_name(name) else "Person", "name": name}


@functools.lru_cache(maxsize=4096)  # a claimant is named on many claims, and asked about twice a claim
def _organisation_name(name: str) -> bool:
    return bool(_ORGANISATION_WORDS.search(name)) or len(name.split()) == 1


def creative_work(article: Article) -> dict[str, Any]:
    """The original article as a schema.org CreativeWork: its URL, headline, date, publisher and, when
    its front matter gives it, its language."""
    meta = article.meta
    original: dict[str, Any] = {"@type": "CreativeWork", "url": meta.url, **_headline(article),
                                "publisher": organisation(meta.outlet, "")}
    if len(meta.published) == 10:  # only a known day is a date; a month alone would mislead
        original["datePublished"] = meta.published
    if meta.author:
        original["author"] = {"@type": "Person", "name": meta.author}
    if "language" in meta.model_fields_set:  # written in the front matter, not the default
        original["inLanguage"] = meta.language
    return original


def _headline(article: Article) -> dict[str, str]:
    """The article's headline for a CreativeWork; none when its title is in brackets (ours, not the outlet's)."""
    return {"headline": article.meta.title} if article.headline_known else {}


def appearance(article: Article) -> list[dict[str, Any]]:
    """The article and, when known, its archived copy."""
    found = [creative_work(article)]
    if article.meta.archive_url:
        found.append({"@type": "CreativeWork", "url": article.meta.archive_url, **_headline(article),
                      "isBasedOn": article.meta.url})
    return found


def claim_review(claim: Claim, placements: list[Placement], scale: RatingScale, *, url: str, publisher: str,
                 site_url: str) -> dict[str, Any]:
    """``placements``: where the claim was published (appearances.placements), by date."""
    rating = scale[claim.rating]  # type: ignore[index]
    review_rating: dict[str, Any] = {"@type": "Rating", "alternateName": rating.label}
    if rating.value >= 1:
        worst, best = numeric_range(scale)
        review_rating.update(ratingValue=rating.value, bestRating=best, worstRating=worst)
    article = next(p.article for p in placements if p.index == 0)
    first = next((p.article for p in placements if p.first_known), None)  # None: the dates cannot tell
    works: dict[str, list[dict[str, Any]]] = {}  # an article quoted twice is one appearance
    for place in placements:
        works.setdefault(place.article.id, appearance(place.article))
    item: dict[str, Any] = {"@type": "Claim", "appearance": [w for found in works.values() for w in found]}
    if first is not None:
        item["firstAppearance"] = creative_work(first)
    author = claimant(claim.claimant, article.meta.outlet)
    if author:
        item["author"] = author
    if first is not None and len(first.meta.published) == 10:  # the claim entered public discourse with it
        item["datePublished"] = first.meta.published
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.title,
        "reviewRating": review_rating,
        "author": organisation(publisher, site_url),
        "itemReviewed": item,
    }
    if claim.authors:  # the review's author is the publisher; the people who wrote it are its creators
        data["creator"] = [{"@type": "Person", "name": name} for name in claim.authors]
    if claim.reviewers:  # the second review: schema.org's editor, "the Person who edited the CreativeWork"
        data["editor"] = [{"@type": "Person", "name": name} for name in claim.reviewers]
    if claim.reviewed:
        data["datePublished"] = claim.reviewed.isoformat()
    if claim.last_changed > (claim.reviewed or dt.date.min):  # an update or correction after the last review
        data["dateModified"] = claim.last_changed.isoformat()
    return data


def article_page(article: Article, *, url: str) -> dict[str, Any]:
    """Our page is about the source article; it is not that article, so it is a WebPage."""
    return {"@context": CONTEXT, "@type": "WebPage", "url": url, "name": article.meta.title,
            "about": appearance(article)[0]}


def site_organisation(publisher: str, site_url: str) -> dict[str, Any]:
    return {"@context": CONTEXT, **organisation(publisher, site_url)}
