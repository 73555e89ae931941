"""The one owner of generated pages' file names and URLs. Pure.

A page's *URI* is its path inside docs_dir (``claims/<id>.md``), the name the
engine is given; its *URL* is where a reader finds it, for directory URLs
(``claims/<id>/``) or not (``claims/<id>.html``). Every other module asks here
for both, so a page moves in one place. Links between generated pages are
written relative to the page they are on.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .model import reserved, slugify

HOME = "index.md"
STYLESHEET = "assets/claims.css"
RSS_FEED = "feed.xml"
JSON_FEED = "feed.json"
# The feeds as every page's head links them (<link rel="alternate">): file, media type, name for people.
FEEDS = ((RSS_FEED, "application/rss+xml", "RSS"), (JSON_FEED, "application/feed+json", "JSON Feed"))
FEED_LINKS = "claim_feeds"  # where the theme finds them: config.extra.claim_feeds (set by the plugin, or generate)
CLAIMS_JSON = "data/claims.json"
CLAIMS_CSV = "data/claims.csv"
CLAIMREVIEW_JSON = "data/claimreview.json"
DATA_PAGE = "data.md"  # the Data page, a contributor's page in docs_dir: what the data files hold
CLAIM_SCHEMA_ID = "claims/schema.json"  # the $id of the claim record's JSON Schema (a name, not a page)
CLAIMS = "claims"  # the listing sections: each has an index page and a page per key
RATINGS = "ratings"
TAGS = "tags"
CLAIMANTS = "claimants"
CORRECTIONS = "corrections.md"  # the corrections log
CARDS = "assets/cards"  # share cards (link-preview images)
# Generated pages that belong in the navigation; every other generated page is
# reached from these, so the nav (rendered into every page) stays small.
NAV_PAGES = (HOME, f"{CLAIMS}/index.md", f"{RATINGS}/index.md", f"{TAGS}/index.md", f"{CLAIMANTS}/index.md",
             CORRECTIONS)


@dataclass(frozen=True)
class Routes:
    """URIs and URLs of every generated page of one site."""

    directory_urls: bool = True
    articles_prefix: str = "articles"  # the articles folder inside docs_dir
    claimant_slugs: Mapping[str, str] = field(default_factory=dict)  # claimant name -> its page's slug

    # -- URIs: paths inside docs_dir --------------------------------------------------------------

    def claim(self, claim_id: str) -> str:
        return f"{CLAIMS}/{claim_id}.md"

    def article(self, article_id: str) -> str:
        return f"{self.articles_prefix}/{article_id}.md"

    def index(self, section: str) -> str:
        """The index page of a section: 'claims', 'ratings', 'tags', 'claimants', or the articles prefix."""
        return f"{section}/index.md"

    @property
    def articles_index(self) -> str:
        return self.index(self.articles_prefix)

    def listing(self, section: str, key: str) -> str:
        """The first page of one rating's, tag's or claimant's claims."""
        return f"{section}/{key}.md"

    def rating(self, rating_id: str) -> str:
        return self.listing(RATINGS, rating_id)

    def tag(self, tag: str) -> str:
        return self.listing(TAGS, tag)

    def claimant_slug(self, name: str) -> str:
        return self.claimant_slugs.get(name) or slugify(name)

    def claimant(self, name: str) -> str:
        return self.listing(CLAIMANTS, self.claimant_slug(name))

    @staticmethod
    def pages_of(first: str, count: int) -> list[str]:
        """The URIs of a listing split into ``count`` pages: ``x.md``, then ``x/2.md``...
        (``claims/index.md``, ``claims/2.md``...)."""
        stem = first.removesuffix("index.md").rstrip("/") if first.endswith("index.md") else first[:-3]
        return [first] + [f"{stem}/{n}.md" for n in range(2, count + 1)]

    @staticmethod
    def card(name: str, key: str) -> str:
        """A share card: ``assets/cards/<name>-<hash of what it shows>.png`` (a new name when it changes,
        so link previews cached by URL are refreshed)."""
        return f"{CARDS}/{name}-{key}.png"

    def former_claim(self, alias: str) -> str:
        """The URI a claim had under a former id (its URL is where the redirect page is)."""
        return self.claim(alias)

    def redirect_file(self, alias: str) -> str:
        """The file, inside the built site, of the page sending a former id on to the claim."""
        return f"{CLAIMS}/{alias}/index.html" if self.directory_urls else f"{CLAIMS}/{alias}.html"

    # -- URLs -------------------------------------------------------------------------------------

    def url(self, uri: str) -> str:
        """The URL of a page relative to the site root: 'claims/x.md' -> 'claims/x/' (or 'claims/x.html')."""
        if uri.endswith(".md"):
            stem = uri[:-3]
            if self.directory_urls:
                if stem == "index" or stem.endswith("/index"):
                    return stem[: -len("index")]
                return stem + "/"
            return stem + ".html"
        return uri

    def absolute(self, uri: str, site_url: str) -> str:
        """The full URL of a page (site-root-relative when the site has no site_url)."""
        return (site_url or "/") + self.url(uri)

    def links(self, here: str) -> Links:
        return Links(self, here)


@dataclass(frozen=True)
class Links:
    """URLs of the site's pages, relative to the page being written (``here``); for templates."""

    routes: Routes
    here: str
    # True: a link names the target's file relative to this page's file ('../ratings/x.md'), for engines
    # that resolve every link in a page themselves (Zensical); False: its URL relative to this page's
    # URL, for MkDocs, which leaves links in a page's HTML as they are.
    to_files: bool = False
    # the links already worked out on this page (a page links to its article, its rating... several times)
    known: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    # the folders of this page's URL (or file), which every link from it starts from: worked out once
    folders: tuple[str, ...] = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "folders", _folders(self.here if self.to_files else self.routes.url(self.here)))

    @property
    def articles_prefix(self) -> str:
        return self.routes.articles_prefix

    def to(self, uri: str) -> str:
        link = self.known.get(uri)
        if link is None:
            link = self.known[uri] = _relative(uri if self.to_files else self.routes.url(uri), self.folders)
        return link

    def claim(self, claim_id: str) -> str:
        return self.to(self.routes.claim(claim_id))

    def article(self, article_id: str, claim_id: str | None = None) -> str:
        url = self.to(self.routes.article(article_id))
        return f"{url}#claim-{claim_id}" if claim_id else url

    def index(self, section: str) -> str:
        return self.to(self.routes.index(section))

    def rating(self, rating_id: str) -> str:
        return self.to(self.routes.rating(rating_id))

    def tag(self, tag: str) -> str:
        return self.to(self.routes.tag(tag))

    def claimant(self, name: str) -> str:
        return self.to(self.routes.claimant(name))

    def claimant_page(self, slug: str) -> str:
        """A claimant's page by its slug (the claimants index lists them by slug)."""
        return self.to(self.routes.listing(CLAIMANTS, slug))

    @property
    def articles_index(self) -> str:
        return self.to(self.routes.articles_index)

    @property
    def claims_json(self) -> str:
        return self.to(CLAIMS_JSON)

    @property
    def claims_csv(self) -> str:
        return self.to(CLAIMS_CSV)

    @property
    def claimreview_json(self) -> str:
        return self.to(CLAIMREVIEW_JSON)

    @property
    def rss_feed(self) -> str:
        return self.to(RSS_FEED)

    @property
    def json_feed(self) -> str:
        return self.to(JSON_FEED)


def feed_links(site_url: str) -> list[dict[str, str]]:
    """The feeds for the theme to link from every page's head (``FEED_LINKS`` in mkdocs.yml's ``extra``):
    URLs relative to the site root (the theme's ``url`` filter makes them relative to the page), media
    types and names. Not absolute: mkdocs-material's script takes every ``link rel="alternate"`` for
    another version of the site and fetches the sitemap.xml beside it, which would be the published
    site's from a local build. None without a site_url: feeds need absolute links, so the site has none."""
    if not site_url:
        return []
    return [{"href": name, "type": media_type, "name": label} for name, media_type, label in FEEDS]


def relative_url(target: str, here: str) -> str:
    """The link from the page at URL ``here`` to URL ``target`` (both relative to the site root):
    'articles/a/' from 'claims/x/' is '../../articles/a/'. Plain string work: it runs for every link."""
    return _relative(target, _folders(here))


def _folders(here: str) -> tuple[str, ...]:
    """The folders a link from the page at URL ``here`` starts from: ('claims', 'x') for 'claims/x/'
    (directory URLs), ('claims',) for 'claims/x.html'."""
    return tuple(here[: here.rfind("/") + 1].split("/")[:-1])


def _relative(target: str, start: tuple[str, ...]) -> str:
    """``relative_url`` from a page in the folders ``start``."""
    if not start or not target.startswith(start[0] + "/"):
        # no folder in common (the loop below would stop at once): most links, e.g. a listing's to each claim
        return "../" * len(start) + target or "./"
    parts = target.split("/")
    common = 0
    while common < len(start) and common < len(parts) - 1 and start[common] == parts[common]:
        common += 1
    relative = "../" * (len(start) - common) + "/".join(parts[common:])
    return relative or "./"


def oldest_first(claim: Any) -> tuple[dt.date, str]:
    """The order ``claimant_slugs`` is given names in: by a claim's first review, then its id (a Claim or
    the ClaimFacts validate keeps)."""
    return claim.reviewed or dt.date.max, claim.id or ""


def claimant_slugs(names: Iterable[str]) -> dict[str, str]:
    """A distinct URL slug for each distinct claimant name, whatever the names: never one page for two.

    A name gets its transliterated slug as is ('Дмитрий Песков' -> 'dmitriy-peskov') when it is the first
    of ``names`` (in their order: the caller gives them oldest claim first) to slugify to it, so that a
    claimant's page keeps its address when a later claim writes another name that slugifies alike
    ('Dmitriy Peskov'). That later name, and a slug that names a listing page ('index', numbers), get the
    slug and the first 8 hex digits of the SHA-256 of the name, more digits if that is taken (a claimant
    may be literally named 'Unnamed 1a2b3c4d'), then a counter: the same names in the same order give the
    same URLs."""
    by_slug: dict[str, list[str]] = defaultdict(list)
    for name in dict.fromkeys(names):
        by_slug[slugify(name)].append(name)
    slugs = {same[0]: slug for slug, same in by_slug.items() if not reserved(slug)}
    taken = set(slugs.values())  # plain slugs first: a hashed slug never takes one
    for slug, same in by_slug.items():
        for name in same:
            if name in slugs:
                continue
            digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
            candidates = [f"{slug}-{digest[:length]}" for length in (8, 16, 32, 64)]
            chosen = next((c for c in candidates if c not in taken), None)
            number = 2
            while chosen is None or chosen in taken:
                chosen, number = f"{slug}-{digest}-{number}", number + 1
            slugs[name] = chosen
            taken.add(chosen)
    return slugs
