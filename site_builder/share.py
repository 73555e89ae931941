"""What travels with a claim when it is shared: the verdict in every title, and the share cards.

Pure: which card each page shows and where it lives (``assets/cards/...``), named by a hash of what it
shows; drawing them is cards.py's work.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from .model import Claim, RatingScale
from .routes import Routes

WIDTH, HEIGHT = 1200, 630
VERSION = 2  # of the drawing (cards.py): bump it when the drawing changes, and every card is drawn again
MODES = ("auto", "claim", "rating")
AUTO_LIMIT = 500  # share_cards: auto draws one card per claim up to this many published claims (benchmarks/README.md)


SITE_TEXT = "Claims checked, with their ratings"  # the site's card, without a site description


def rating_text(label: str) -> str:
    """The text of the one card of a rating, which every claim of it shares."""
    return f"A claim rated {label}"


def verdict_title(title: str, label: str) -> str:
    """A claim's title with its verdict, for <title>, og:title, twitter:title and feed items:
    'Claim: The S-400 achieved a 90% interception rate | Rated Unsupported'."""
    return f"Claim: {title.strip().rstrip('.')} | Rated {label}"


def verdict_description(summary: str, label: str) -> str:
    """A claim's short answer after its verdict, for the description and link previews, as feed items
    begin: 'Unsupported. No official figure supports a 90% rate.' A preview that cuts the title short
    still says the verdict. A summary that opens with its verdict ('False: no figure supports it') is
    not given it twice."""
    text = " ".join(summary.split())
    opening = text[: len(label)]
    if opening.casefold() == label.casefold() and not text[len(label): len(label) + 1].isalnum():
        return text
    return f"{label}. {text}"


@dataclass(frozen=True)
class Card:
    """What one card shows: a heading line, the main text (the claim), and the rating it carries
    (None for the site's own card, which shows the whole scale)."""

    site_name: str
    heading: str
    text: str
    rating_id: str | None


def card_key(card: Card, scale: RatingScale, scale_json: str | None = None) -> str:
    """A hash of everything the card shows and how it is drawn. ``scale_json``: ``scale_text(scale)``,
    when the caller keeps it (it is the same for every card of a site)."""
    # json.dumps({"card": ..., "scale": ..., "version": ...}, sort_keys=True), with the scale written once
    # vars(card): asdict(card) without its deep copy of every field (they are all text or None)
    drawn = (f'{{"card": {json.dumps(vars(card), sort_keys=True)}, '
             f'"scale": {scale_text(scale) if scale_json is None else scale_json}, "version": {json.dumps(VERSION)}}}')
    return hashlib.sha256(drawn.encode()).hexdigest()[:16]


def scale_text(scale: RatingScale) -> str:
    """The rating scale as card_key hashes it."""
    return json.dumps(scale.model_dump(mode="json"), sort_keys=True)


class ShareCards:
    """The card of each page: one per claim, or one per rating (mode ``rating``, or ``auto`` above
    AUTO_LIMIT published claims: drawing 10,000 cards would cost more than the rest of the build),
    and the site's own card for every other page."""

    def __init__(self, site_name: str, description: str, scale: RatingScale, mode: str, published: int):
        self.site_name = site_name
        self.description = description
        self.scale = scale
        self.per_claim = mode == "claim" or (mode == "auto" and published <= AUTO_LIMIT)
        self.cards: dict[str, Card] = {}
        self.scale_json = scale_text(scale)
        self._rating_cards: dict[str, str] = {}  # rating -> its card's uri, hashed once for all its claims

    def _add(self, name: str, card: Card) -> str:
        uri = Routes.card(name, card_key(card, self.scale, self.scale_json))
        self.cards[uri] = card
        return uri

    def for_claim(self, claim: Claim) -> tuple[str, str]:
        """(the card's uri, its text alternative)."""
        label = self.scale[claim.rating].label  # type: ignore[index]
        if self.per_claim:
            card = Card(self.site_name, "Claim", claim.title, claim.rating)
            return self._add(f"claim-{claim.id}", card), f"Rated {label}: {claim.title}"
        uri = self._rating_cards.get(claim.rating)  # type: ignore[arg-type]
        if uri is None:
            card = Card(self.site_name, "Fact check", rating_text(label), claim.rating)
            uri = self._rating_cards[claim.rating] = self._add(f"rating-{claim.rating}", card)  # type: ignore[index]
        return uri, f"Rated {label}, on a scale from " \
            f"{self.scale[self.scale.ids[0]].label} to {self.scale[self.scale.ids[-1]].label}"

    def for_site(self) -> tuple[str, str]:
        card = Card(self.site_name, "Fact checks", self.description or SITE_TEXT, None)
        labels = ", ".join(self.scale[r].label for r in self.scale.ids)
        return self._add("site", card), f"{self.site_name}: claims rated {labels}"
