"""Machine-readable outputs: RSS 2.0 and JSON Feed 1.1 of claims, and the open data files. Pure.

Each is written without the characters XML 1.0 forbids and without noncharacters (``xml_safe``):
validation refuses them in every field; this keeps every file parseable whatever reaches it.

``data/claims.json`` has a versioned shape (``DATA_VERSION``) documented on the
site's Data page; a change to it that is not an addition bumps the version. Version 2: ``appearances``
lists every article that published the claim (the claim's own quote's included), each with its outlet,
URLs, date and language, not the claim file's list.

Where a claim was published is said the same way everywhere: the data files, the feeds and the claim
page list the placements of appearances.placements, by date, the first known marked.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from email.utils import format_datetime
from typing import Any
from xml.etree import ElementTree as ET

from .appearances import Placement, foreign_language, placements, same_language
from .model import Article, Claim, xml_safe
from .project import Site
from .render import human_date, join_names
from .routes import DATA_PAGE, JSON_FEED, RSS_FEED, Routes
from .share import verdict_description, verdict_title

DATA_VERSION = 2
FEED_LIMIT = 50
CSV_COLUMNS = [
    "id", "url", "title", "rating", "rating_label", "claimant", "attribution", "quote", "summary",
    "article_id", "article_title", "outlet", "article_url", "article_published", "reviewed", "updated", "tags",
    "appearances",
]
FEED_EXTENSION = "_claim_appearances"  # JSON Feed: an extension's name starts with an underscore

# Characters that show nothing: zero-width space, joiners, word joiner and other invisible operators,
# soft hyphen, Mongolian vowel separator, BOM (the Unicode "Cf" characters a cell can start with).
_INVISIBLE = "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0"
UrlFor = Callable[[str], str]  # uri inside docs_dir -> absolute URL


def claim_placements(site: Site, claim: Claim) -> list[Placement]:
    """Every article that published the claim, by date (see appearances.placements), each with its
    quote as the claim file writes it."""
    return placements(claim, site.articles, site.quotes[claim.id],  # type: ignore[index]
                      site.appearance_quotes.get(claim.id, []), words=False)  # type: ignore[arg-type]


class Shared:
    """What several data files say about the claims of one build, worked out once: each claim's
    placements and appearance records, each article's record. Make one per build (it keeps them)."""

    def __init__(self, site: Site, routes: Routes, url_for: UrlFor):
        self.site, self.routes, self.url_for = site, routes, url_for
        self._placements: dict[str, list[Placement]] = {}
        self._appearances: dict[str, list[dict[str, Any]]] = {}
        self._articles: dict[str, dict[str, Any]] = {}

    def placements(self, claim: Claim) -> list[Placement]:
        found = self._placements.get(claim.id)  # type: ignore[arg-type]
        if found is None:
            found = self._placements[claim.id] = claim_placements(self.site, claim)  # type: ignore[index]
        return found

    def appearances(self, claim: Claim) -> list[dict[str, Any]]:
        found = self._appearances.get(claim.id)  # type: ignore[arg-type]
        if found is None:
            found = self._appearances[claim.id] = appearance_records(  # type: ignore[index]
                self.site, claim, self.routes, self.url_for, self.placements(claim))
        return found

    def article(self, article: Article) -> dict[str, Any]:
        found = self._articles.get(article.id)
        if found is None:
            found = self._articles[article.id] = _article(article, self.routes, self.url_for)
        return found


def _article(article: Article, routes: Routes, url_for: UrlFor) -> dict[str, Any]:
    return {"id": article.id, "page_url": url_for(routes.article(article.id)),
            **article.meta.model_dump(mode="json", exclude={"notes"})}


def claim_record(site: Site, claim: Claim, routes: Routes, url_for: UrlFor, shared: Shared | None = None) -> dict[str, Any]:
    article = site.articles[claim.article]
    rating = site.settings.scale[claim.rating]  # type: ignore[index]
    record = claim.model_dump(mode="json", exclude={"status", "article", "rating", "appearances"})
    record.update(
        url=url_for(routes.claim(claim.id)),
        rating={"id": claim.rating, "label": rating.label, "value": rating.value},
        article=shared.article(article) if shared else _article(article, routes, url_for),
        appearances=shared.appearances(claim) if shared else appearance_records(site, claim, routes, url_for),
    )
    return record


def appearance_records(site: Site, claim: Claim, routes: Routes, url_for: UrlFor,
                       placed: list[Placement] | None = None) -> list[dict[str, Any]]:
    """Every article that published the claim, by date, as claims.json, the CSV's appearances cell and
    the JSON Feed give them: one shape everywhere. ``placed``: its claim_placements, if known."""
    return [{
        "article_id": p.article.id, "page_url": url_for(routes.article(p.article.id)), "url": p.article.meta.url,
        "title": p.article.meta.title, "outlet": p.article.meta.outlet, "published": p.article.meta.published,
        "language": p.language, "quote": " ".join(p.quote.split()),
        "translation": " ".join(p.translation.split()) if p.translation else None,
        "note": " ".join(p.note.split()) if p.note else None,
        "claim_quote": p.index == 0, "first_known": p.first_known,
    } for p in (claim_placements(site, claim) if placed is None else placed)]


def claim_json(site: Site, claim: Claim, routes: Routes, url_for: UrlFor, shared: Shared | None = None) -> str:
    """A claim's entry of claims.json, as its JSON text."""
    return xml_safe(json.dumps(claim_record(site, claim, routes, url_for, shared), ensure_ascii=False))


PerClaimText = Callable[[Site, Claim, Routes, UrlFor], str]


def claims_json(site: Site, routes: Routes, url_for: UrlFor, entry: PerClaimText = claim_json) -> str:
    """``entry`` gives each claim's entry as text (one that remembers while serving: see pages.Reuse, so a
    rebuild after an edit encodes only the claims that changed). The same text as ``json.dumps`` of the
    whole: its list is its items' texts joined by ", "."""
    data = {
        "version": DATA_VERSION,
        "site": {"name": site.settings.site_name, "url": site.settings.site_url, "publisher": site.settings.publisher},
        "ratings": [{"id": key, **r.model_dump(mode="json")} for key, r in site.settings.scale.ratings.items()],
        "claims": [],
    }
    return "".join(claims_json_parts(site, routes, url_for, entry, data))


def claims_json_parts(site: Site, routes: Routes, url_for: UrlFor, entry: PerClaimText = claim_json,
                      data: dict[str, Any] | None = None) -> Iterator[str]:
    """``claims_json`` in pieces, a claim at a time, to write one after the other (never all at once)."""
    if data is None:
        data = {
            "version": DATA_VERSION,
            "site": {"name": site.settings.site_name, "url": site.settings.site_url, "publisher": site.settings.publisher},
            "ratings": [{"id": key, **r.model_dump(mode="json")} for key, r in site.settings.scale.ratings.items()],
            "claims": [],
        }
    yield xml_safe(json.dumps(data, ensure_ascii=False))[: -len("[]}")] + "["  # "claims" is the last key
    yield from joined(entry(site, claim, routes, url_for) for claim in site.newest)
    yield "]}\n"  # one line: the C encoder, fast at 20,000 claims


def joined(texts: Iterable[str], separator: str = ", ") -> Iterator[str]:
    """``separator.join(texts)`` in pieces: each text as it is (while serving, the very object remembered
    for its claim: serve_rebuild.same_text compares by identity), with the separator between."""
    for number, text in enumerate(texts):
        if number:
            yield separator
        yield text


# What starts a formula in a spreadsheet: =, +, -, @ and their full-width forms (some spreadsheets read
# those as formulas too), even after spaces or invisible characters (zero-width space, BOM, joiners).
_FORMULA_RE = re.compile(f"[\\s{_INVISIBLE}]*[=+\\-@\uff1d\uff0b\uff0d\uff20]|[\\t\\r]")


def _cell(value: object) -> object:
    """A CSV cell that spreadsheets show as text, never run as a formula: prefixed with a quote."""
    if isinstance(value, str) and _FORMULA_RE.match(value):
        return "'" + value
    return value


def csv_row(site: Site, claim: Claim, routes: Routes, url_for: UrlFor, shared: Shared | None = None) -> dict[str, object]:
    article = site.articles[claim.article]
    return {key: _cell(value) for key, value in {
        "id": claim.id, "url": url_for(routes.claim(claim.id)), "title": claim.title,
        "rating": claim.rating, "rating_label": site.settings.scale[claim.rating].label,  # type: ignore[index]
        "claimant": claim.claimant, "attribution": claim.attribution,
        "quote": " ".join(claim.quote.split()), "summary": " ".join((claim.summary or "").split()),
        "article_id": article.id, "article_title": article.meta.title, "outlet": article.meta.outlet,
        "article_url": article.meta.url, "article_published": article.meta.published,
        "reviewed": claim.reviewed.isoformat() if claim.reviewed else "",
        "updated": claim.updated.isoformat() if claim.updated else "", "tags": ";".join(claim.tags),
        "appearances": json.dumps(shared.appearances(claim) if shared else appearance_records(site, claim, routes, url_for),
                                  ensure_ascii=False),
    }.items()}


def csv_line(site: Site, claim: Claim, routes: Routes, url_for: UrlFor, shared: Shared | None = None) -> str:
    """A claim's row of claims.csv, as its text (one line, or more where a cell has line breaks): what
    ``csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\\n").writerow`` writes, by a writer of
    the same dialect given the cells in the columns' order (csv_row has every column and no other)."""
    return xml_safe(csv_text(csv_row(site, claim, routes, url_for, shared)))


def csv_text(row: dict[str, object]) -> str:
    """One row of claims.csv (every column of CSV_COLUMNS, no other) as ``csv.DictWriter`` writes it."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row[column] for column in CSV_COLUMNS])
    return out.getvalue()


def claims_csv(site: Site, routes: Routes, url_for: UrlFor, line: PerClaimText = csv_line) -> str:
    """``line`` gives each claim's row as text (one that remembers while serving: see pages.Reuse)."""
    return "".join(claims_csv_parts(site, routes, url_for, line))


def claims_csv_parts(site: Site, routes: Routes, url_for: UrlFor, line: PerClaimText = csv_line) -> Iterator[str]:
    """``claims_csv`` in pieces, a row at a time."""
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n").writeheader()
    yield xml_safe(out.getvalue())
    for claim in site.newest:
        yield line(site, claim, routes, url_for)


def _item_title(site: Site, claim: Claim) -> str:
    return verdict_title(claim.title, site.settings.scale[claim.rating].label)  # type: ignore[index]


def _authors(site: Site, claim: Claim) -> list[str]:
    """Who wrote the explainer: its authors, else the publisher."""
    return claim.authors or [site.settings.publisher]


def _published_in(site: Site, claim: Claim) -> str:
    """The claim's quote and where else it was published, by date, in the site's language: an
    appearance in another language by its translation, when it has one, and its language named."""
    language = site.settings.language
    places = claim_placements(site, claim)
    own = next(p for p in places if p.index == 0)

    def where(place: Placement) -> str:
        said = f"{place.article.meta.outlet}, {human_date(place.article.meta.published)}"
        named = foreign_language(place.language, language)
        return f"{said}, in {named}" if named else said

    said = where(own)
    text = f" The claim: “{' '.join(claim.quote.split())}” ({said})."
    others = []
    for place in places:
        if place.index == 0:
            continue
        other = where(place)
        if place.translation and not same_language(place.language, language):
            other += f", translated: “{' '.join(place.translation.split())}”"
        if other != said and other not in others:  # an article that carries the claim twice: named once
            others.append(other)
    if others:
        text += f" Also published by: {'; '.join(others)}"
        text += "" if text.endswith((".”", "?”", "!”")) else "."
    first = next((p for p in places if p.first_known), None)
    if first is not None and first is not own:
        text += f" First known appearance: {first.article.meta.outlet}."
    return text


def _item_text(site: Site, claim: Claim) -> str:
    rating = site.settings.scale[claim.rating].label  # type: ignore[index]
    text = verdict_description(claim.summary or "", rating)
    text += _published_in(site, claim)
    text += f" By {join_names(_authors(site, claim))}."
    if claim.reviewers:
        text += f" Reviewed by {join_names(claim.reviewers)}."
    for correction in claim.corrections:
        text += f" Corrected {human_date(correction.date)}: {' '.join(correction.note.split())}"
    return text


def rss(site: Site, routes: Routes, url_for: UrlFor) -> str:
    settings = site.settings
    root = ET.Element("rss", {"version": "2.0", "xmlns:atom": "http://www.w3.org/2005/Atom",
                              "xmlns:dc": "http://purl.org/dc/elements/1.1/"})
    channel = ET.SubElement(root, "channel")
    ET.SubElement(channel, "title").text = f"{settings.site_name}: claims"
    ET.SubElement(channel, "link").text = settings.site_url
    ET.SubElement(channel, "description").text = f"Claim explainers from {settings.publisher}, newest first."
    ET.SubElement(channel, "language").text = settings.language
    ET.SubElement(channel, "atom:link", {"href": url_for(RSS_FEED), "rel": "self", "type": "application/rss+xml"})
    claims = site.newest[:FEED_LIMIT]
    if claims:
        ET.SubElement(channel, "lastBuildDate").text = _rfc822(claims[0].last_changed)
    for claim in claims:
        item = ET.SubElement(channel, "item")
        url = url_for(routes.claim(claim.id))
        ET.SubElement(item, "title").text = _item_title(site, claim)
        ET.SubElement(item, "link").text = url
        ET.SubElement(item, "guid", {"isPermaLink": "true"}).text = url
        # RSS readers render a description as HTML: the text is escaped as HTML before ElementTree escapes it
        # as XML, so a summary or a quoted article's "<img onerror>" reaches a reader as text
        ET.SubElement(item, "description").text = html.escape(_item_text(site, claim), quote=False)
        ET.SubElement(item, "category").text = settings.scale[claim.rating].label  # type: ignore[index]
        if claim.corrections:  # a corrected claim comes back to the top of the feed, saying so
            ET.SubElement(item, "category").text = "Corrected"
        ET.SubElement(item, "pubDate").text = _rfc822(claim.last_changed)
        for name in _authors(site, claim):
            ET.SubElement(item, "dc:creator").text = name
        originals = {p.article.id: p.article for p in claim_placements(site, claim)}
        for original in originals.values():  # each article that published the claim, in its language
            ET.SubElement(item, "atom:link", {"rel": "related", "href": original.meta.url,
                                              "hreflang": original.meta.language, "title": original.meta.outlet})
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + xml_safe(ET.tostring(root, encoding="unicode")) + "\n"


def json_feed(site: Site, routes: Routes, url_for: UrlFor) -> str:
    settings = site.settings
    items = []
    for claim in site.newest[:FEED_LIMIT]:
        url = url_for(routes.claim(claim.id))
        item: dict[str, Any] = {
            "id": url, "url": url, "title": _item_title(site, claim), "content_text": _item_text(site, claim),
            "authors": [{"name": name} for name in _authors(site, claim)],
            "summary": " ".join((claim.summary or "").split()),
            "date_published": _rfc3339(claim.reviewed or claim.last_changed),
            "tags": [settings.scale[claim.rating].label, *(["Corrected"] if claim.corrections else []),  # type: ignore[index]
                     *claim.tags],
        }
        if claim.last_changed != claim.reviewed:
            item["date_modified"] = _rfc3339(claim.last_changed)
        item[FEED_EXTENSION] = {"about": url_for(DATA_PAGE),
                                "appearances": appearance_records(site, claim, routes, url_for)}
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{settings.site_name}: claims",
        "home_page_url": settings.site_url,
        "feed_url": url_for(JSON_FEED),
        "description": f"Claim explainers from {settings.publisher}, newest first.",
        "language": settings.language,
        "authors": [{"name": settings.publisher, "url": settings.site_url}],
        "items": items,
    }
    return xml_safe(json.dumps(feed, ensure_ascii=False)) + "\n"


def _rfc822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))


def _rfc3339(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
