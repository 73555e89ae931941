"""A loaded site -> every generated page, as HTML with its metadata. Pure: no MkDocs, no files written.

Which URI each page has, and the URLs of links between pages, come from routes.py.

Pages are rendered one at a time, when the engine asks (``PageWriter.page``), so
a site of any size never holds every page at once: ``PageWriter.uris`` lists them,
``PageWriter.meta`` gives a page's title and description without rendering it.
``build_pages`` renders everything at once, as files (front matter + HTML), for
engines without plugins and for tests.

Draft claims get a page only in a preview (``PageWriter(..., drafts=True)``, which ``mkdocs serve``
asks for): a banner says it is a draft, robots are told not to index it, and it is listed nowhere
(listings, the article page, feeds, data files, share cards, search), so the rest of the preview is
the site as it will be published. A draft may lack its rating, summary, context, sources and review
date: its page shows what it has and names what publishing needs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html import escape, unescape
from typing import TypeVar

import jinja2
from markupsafe import Markup

from . import exports, routes, structured
from .appearances import Placement, direction, placements, quoted, same_language
from .share import ShareCards, verdict_description, verdict_title
from .markup import Mark, highlighted_paragraphs, markdown_html
from .model import REQUIRED_TO_PUBLISH, Article, Claim, Correction, RatingScale, xml_safe
from .project import Site
from .quotes import Span, paragraphs
from .render import escaped_text, meta
from .routes import STYLESHEET, Links, Routes, claimant_slugs, oldest_first
from .safehtml import clean_page

LATEST_ON_HOME = 10
T = TypeVar("T")


@dataclass(frozen=True)
class Heading:
    """A heading of a generated page that has an id: an entry of its table of contents."""

    level: int  # 1 for the page's <h1>, 2 for <h2>
    id: str
    text: str  # its text, as HTML (escaped)


@dataclass(frozen=True)
class PageMeta:
    """What an engine needs to know about a page before rendering it."""

    title: str  # plain text
    description: str  # plain text
    searchable: bool  # False: the whole page is left out of the site search
    share_type: str = ""  # og:type, when not "website" (claim pages are "article")
    share_image: str = ""  # the absolute URL of the page's own share card, if it has one
    share_image_alt: str = ""  # its text alternative, plain text
    search_label: str = ""  # shown beside the page in search results (a claim's "Rated ..."), plain text
    robots: str = ""  # what search engines are told (a draft's "noindex"), plain text


@dataclass(frozen=True)
class GeneratedPage:
    """One generated page: its HTML, and what an engine needs beside it."""

    uri: str
    html: str
    meta: PageMeta
    toc: tuple[Heading, ...]  # the headings that have an id, in order (the h1 first, when it has one)
    anchors: frozenset[str]  # every id on the page, for checking links to #anchors

    def document(self) -> str:
        """The page as a file for a docs folder: YAML front matter (values HTML-escaped, as themes print
        them raw) and the HTML. What ``build_pages`` returns and what engines without plugins read."""
        lines = ["---", f"title: {meta(self.meta.title)}", f"description: {meta(self.meta.description)}"]
        if self.meta.share_image:
            lines += [f"og_type: {meta(self.meta.share_type or 'website')}", f"og_image: {meta(self.meta.share_image)}",
                      f"og_image_alt: {meta(self.meta.share_image_alt)}"]
        if not self.meta.searchable:
            lines += ["search:", "  exclude: true"]
        return "\n".join(lines) + "\n---\n\n" + self.html + "\n"


# Our own headings: <h2 ... id="x" ...>text</h2> (templates write them; contributors' headings have no id).
_HEADING_RE = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
_ID_RE = re.compile(r' (?:id|name)="([^"]+)"')  # a space, not \s: a literal start is several times faster
_TAG_RE = re.compile(r"<[^>]*>")


def headings(html: str) -> tuple[Heading, ...]:
    """The table of contents of a generated page: every heading with an id, in order. The templates give
    the h1 an id, so the toc has the shape Python-Markdown gives a hand-written page (the h1 as its root,
    the h2s below it): the theme's "Skip to content" link goes to the first entry, the page's title, and
    its table of contents leaves a single h1 out."""
    return tuple(Heading(int(level), anchor, _TAG_RE.sub("", text).strip())
                 for level, anchor, text in _HEADING_RE.findall(html))


def with_permalinks(html: str, toc: Iterable[Heading], symbol: str, css_class: str = "headerlink",
                    title: str = "Permanent link", leading: bool = False) -> str:
    """``html`` with a permalink in each heading of ``toc`` (as Python-Markdown's toc extension writes
    them: ``<a class="headerlink" href="#id" title="Permanent link">&para;</a>`` before the closing tag)."""
    wanted = {heading.id for heading in toc}
    if not wanted:
        return html
    title_attr = f' title="{escape(title)}"' if title else ""

    def add(match: re.Match[str]) -> str:
        whole, anchor = match.group(0), match.group(2)
        if anchor not in wanted:
            return whole
        link = f'<a class="{escape(css_class)}" href="#{anchor}"{title_attr}>{symbol}</a>'
        if leading:
            opening = whole.index(">") + 1
            return whole[:opening] + link + whole[opening:]
        return whole[: -len(f"</h{match.group(1)}>")] + link + f"</h{match.group(1)}>"

    return _HEADING_RE.sub(add, html)


_LINK_TOKEN_RE = re.compile("\ue000([0-9]+)\ue001")


class _RecordingLinks(Links):
    """Links that write a numbered token in place of each URL and keep the URI it stands for, so a
    fragment rendered once can be given the links of every page it is on (see ``PageWriter._row_parts``)."""

    def __init__(self, routes: Routes, uris: list[str]):
        super().__init__(routes, "")
        object.__setattr__(self, "uris", uris)

    def to(self, uri: str) -> str:
        self.uris.append(uri)  # type: ignore[attr-defined]
        return f"\ue000{len(self.uris) - 1}\ue001"  # type: ignore[attr-defined]


# How to render one page: its template and the values its title and description need (cheap), and a
# function giving the rest of the values, computed only when the whole page is rendered.
Plan = tuple[str, dict[str, object], Callable[[], dict[str, object]]]


def _nothing() -> dict[str, object]:
    return {}


PerClaim = Callable[..., T]  # (site, claim, ...) -> T


class Reuse:
    """Per-claim work of the previous build, kept while serving. An entry is reused only for the very
    same claim and article objects (its own article and its appearances' articles): loading gives back
    the same object for a file whose text did not change, so an edited record is always done again.
    Start each build with ``next_build``; an entry unused for a whole build is dropped. Make a new one
    when the settings change."""

    def __init__(self) -> None:
        self.previous: dict[tuple[object, ...], tuple[Claim, tuple[Article, ...], object]] = {}
        self.current: dict[tuple[object, ...], tuple[Claim, tuple[Article, ...], object]] = {}

    def next_build(self) -> None:
        self.previous, self.current = self.current, {}

    def whole(self, name: str, made_from: tuple[object, ...], make: Callable[[], T]) -> T:
        """``make()``, or what it gave in the previous build if ``made_from`` are the very same objects
        (a feed of the newest claims: those claims and their articles)."""
        key = ("whole", name)
        hit = self.current.get(key) or self.previous.get(key)
        if hit is not None and len(hit[1]) == len(made_from) and all(
                kept is now for kept, now in zip(hit[1], made_from, strict=True)):
            self.current[key] = hit
            return hit[2]  # type: ignore[return-value]
        value = make()
        self.current[key] = (None, made_from, value)  # type: ignore[assignment]
        return value

    def per_claim(self, name: str, function: PerClaim[T]) -> PerClaim[T]:
        def reused(site: Site, claim: Claim, *rest: object) -> T:
            # the claim's article and its appearances' articles: an edit to any of them is done again
            # (the claim is the same object, so are its article ids: each is looked up again and compared)
            key = (name, id(claim))
            current = self.current
            hit = current.get(key) or self.previous.get(key)
            if hit is not None and hit[0] is claim:
                articles, kept = site.articles, hit[1]
                if articles.get(claim.article) is kept[0] and (len(kept) == 1 or all(
                        articles.get(a.article) is now for a, now in zip(claim.appearances, kept[1:], strict=True))):
                    current[key] = hit
                    return hit[2]  # type: ignore[return-value]
            value = function(site, claim, *rest)
            current[key] = (claim, (site.articles[claim.article], *(site.articles[a.article] for a in claim.appearances)),
                            value)
            return value
        return reused


def _listed_as(claim: Claim) -> tuple[object, ...]:
    """What decides where a claim is listed (and which pages exist): see PageWriter.pages_of_claims."""
    return (claim.id, claim.published, claim.rating, tuple(claim.tags), claim.claimant, claim.last_changed,
            claim.article, tuple(a.article for a in claim.appearances), tuple(claim.aliases))


def _meta_of(template: jinja2.Template, values: dict[str, object]) -> PageMeta:
    """A page's metadata from its template's blocks, given ``values``."""
    context = template.new_context(values)
    blocks = template.blocks

    def text(name: str) -> str:
        return unescape("".join(blocks[name](context))) if name in blocks else ""  # Markup.unescape's work

    return PageMeta(" ".join(text("title").split()), " ".join(text("description").split()),
                    text("search").strip() != "exclude", text("share_type").strip(), text("share_image").strip(),
                    " ".join(text("share_image_alt").split()), " ".join(text("search_label").split()),
                    " ".join(text("robots").split()))


class PageWriter:
    """Writes every page of one site with one template environment, one page at a time."""

    def __init__(self, site: Site, templates: jinja2.Environment, reuse: Reuse | None = None,
                 share: ShareCards | None = None, *, links_to_files: bool = False, drafts: bool = False):
        self.site = site
        self.reuse = reuse
        self.share = share or share_cards(site)
        self.links_to_files = links_to_files  # see routes.Links.to_files
        self.templates = templates
        self.scale = site.settings.scale
        self.published = list(site.newest)
        # draft claims, with a page each in a preview only
        self.drafts = sorted((c for c in site.claims.values() if not c.published), key=lambda c: c.id or "") if drafts else []
        # oldest claim first: a claimant keeps the address of its first claim (routes.claimant_slugs)
        self.claimant_slugs = claimant_slugs(c.claimant for c in sorted(self.published, key=oldest_first))
        self.paragraphs_of: dict[str, list[Span]] = {}
        self.paragraph_ends: dict[str, list[int]] = {}
        self.by_article = self._group(lambda c: list(dict.fromkeys([c.article, *(a.article for a in c.appearances)])))
        self.routes = Routes(site.settings.directory_urls, site.settings.articles_prefix, self.claimant_slugs)
        self._plans: dict[str, Callable[[], Plan]] = {}
        self._inputs: dict[str, Callable[[], object]] = {}
        self._heads: dict[str, dict[str, str]] = {}
        self._metas: dict[str, PageMeta] = {}
        self._templates: dict[str, jinja2.Template] = {}
        self._rows: dict[str, tuple[tuple[str, ...], tuple[str, ...]] | None] = {}  # see _row_parts
        self._macros: object = None
        self._scales: dict[str, Markup] | None = None
        self._edit_prefix: str | None = None
        # while serving (reuse): each listing's pages and claims, for ``pages_of_claims``
        self._listings: list[tuple[list[str], list[Claim]]] | None = [] if reuse is not None else None
        self._plan_pages()

    def links(self, uri: str, *, to_files: bool | None = None) -> Links:
        return Links(self.routes, uri, self.links_to_files if to_files is None else to_files)

    # -- the engine's interface ------------------------------------------------------------------

    def uris(self) -> list[str]:
        """Every generated page (``.md`` URIs inside docs_dir), in a stable order."""
        return sorted(self._plans)

    def draft_uris(self) -> list[str]:
        """The pages of draft claims (a preview only): never to be published."""
        return sorted(self.routes.claim(claim.id) for claim in self.drafts)  # type: ignore[arg-type]

    def inputs(self, uri: str) -> object | None:
        """What the page is made from, cheaply: two builds whose inputs for a page compare equal make the
        same page. None for pages without such a summary (render them and compare). While serving, an
        unchanged file gives back the same record objects, so the comparison is mostly by identity."""
        inputs = self._inputs.get(uri)
        return None if inputs is None else inputs()

    def pages_of_claims(self, before: PageWriter) -> set[str] | None:
        """The pages whose ``inputs`` may differ from ``before``'s (the writer of the previous build, while
        serving), when only claims changed and none of them moved: the same claims, articles, claimants'
        pages and tags' pages, and each claim that changed is in the same listings at the same place (the
        same status, rating, tags, claimant, date of its last change, articles and aliases). They are the
        pages of those claims, the claims that name them as related, the listing pages they are on, their
        articles' pages, the home page, the corrections and every page without ``inputs``. None when that
        cannot be told: compare all."""
        site, old = self.site, before.site
        if self._listings is None or site.settings is not old.settings or site.articles.keys() != old.articles.keys() \
                or any(article is not old.articles[name] for name, article in site.articles.items()) \
                or site.claims.keys() != old.claims.keys():
            return None
        changed = {name for name, claim in site.claims.items() if claim is not old.claims[name]}
        for name in changed:
            now, then = site.claims[name], old.claims[name]
            if _listed_as(now) != _listed_as(then):
                return None
        if self.claimant_slugs != before.claimant_slugs or self.listed_tags != before.listed_tags \
                or [c.id for c in self.drafts] != [c.id for c in before.drafts]:
            return None
        uris = {uri for uri in self._plans if uri not in self._inputs} | {routes.HOME, routes.CORRECTIONS}
        for claim in site.claims.values():
            if claim.id in changed or not changed.isdisjoint(claim.related):
                uris.add(self.routes.claim(claim.id))  # type: ignore[arg-type]
        size = site.settings.page_size
        edited = [site.claims[name] for name in changed]
        objects = {id(claim) for claim in edited}  # the site holds them: no other object has their id
        for pages, claims in self._listings:
            for index, claim in enumerate(claims):
                if id(claim) in objects:
                    uris.add(pages[index // size])
        for claim in edited:
            uris.update(self.routes.article(article) for article in (claim.article, *(a.article for a in claim.appearances)))
        return {uri for uri in uris if uri in self._plans}

    def meta(self, uri: str) -> PageMeta:
        """A page's title, description and search setting, without rendering the page. Kept until the
        page is rendered (an engine asks for every page's metadata first, then renders each)."""
        page_meta = self._metas.get(uri)
        if page_meta is None:
            template_name, values, _ = self._plans[uri]()
            template = self._template(template_name)
            page_meta = self._metas[uri] = _meta_of(template, self._values(uri, values))
        return page_meta

    def page(self, uri: str) -> GeneratedPage:
        """One page, rendered; its metadata as ``meta`` gives it (from the values a page has before its
        more costly ones are made), whether or not ``meta`` was asked for first."""
        template_name, values, more = self._plans[uri]()
        template = self._template(template_name)
        values = self._values(uri, values)
        page_meta = self._metas.pop(uri, None) or _meta_of(template, values)
        values.update(more())
        context = template.new_context(values)
        # no field can become markup; the JSON-LD we wrote (structured.script) is known to be JSON
        html = clean_page("".join(template.blocks["content"](context)).strip(),
                          json_ld=str(values.get("structured_data", "")))
        return GeneratedPage(uri, html, page_meta, headings(html), frozenset(_ID_RE.findall(html)))

    def _macro(self, name: str) -> Callable[..., Markup]:
        """A macro of _macros.html.j2, called from Python (it sees the scale and the site)."""
        if self._macros is None:
            self._macros = self._template("_macros.html.j2").make_module({"scale": self.scale, "site": self.site})
        return getattr(self._macros, name)  # type: ignore[no-any-return]

    def _rating_scales(self) -> dict[str, Markup]:
        """The macro rating_scale for each rating, rendered once per build."""
        if self._scales is None:
            self._scales = {rating_id: self._macro("rating_scale")(rating_id) for rating_id in self.scale.ids}
        return self._scales

    def _template(self, name: str) -> jinja2.Template:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.templates.get_template(name)
        return template

    def assets(self) -> dict[str, str]:
        """Every generated file that is not a page: the stylesheet, redirects, data files and feeds."""
        return {uri: "".join(make()) for uri, make in self.asset_makers().items()}

    def asset_makers(self) -> dict[str, Callable[[], Iterable[str]]]:
        """``assets``, each file made only when called, as pieces of text to write one after the other:
        the data files of a large site are tens of megabytes, which an engine need not hold at once."""
        stylesheet = self.templates.get_template("claims.css.j2").render(scale=self.scale)
        files: dict[str, Callable[[], Iterable[str]]] = {STYLESHEET: lambda: (stylesheet,)}
        files.update({uri: functools.partial(_one, text) for uri, text in self._redirects().items()})
        files.update(self._exports())
        return dict(sorted(files.items()))

    def files(self) -> Iterator[tuple[str, Iterable[str]]]:
        """Every generated file, one at a time, by URI in a stable order, as the pieces of its text to write
        one after the other: a page as a document (front matter + HTML), made when its turn comes, and
        the other files as ``asset_makers`` makes them. Nothing is held once written."""
        makers = self.asset_makers()
        for uri in sorted({*self._plans, *makers}):
            maker = makers.get(uri)
            yield uri, (maker() if maker is not None else self._document(uri))

    def _document(self, uri: str) -> Iterator[str]:
        yield self.page(uri).document()  # made when the file is written (its URI known if it fails)

    def pages(self) -> dict[str, str]:
        """Every generated file at once (``files``, each joined)."""
        return {uri: "".join(pieces) for uri, pieces in self.files()}

    # -- planning --------------------------------------------------------------------------------

    def _values(self, uri: str, values: dict[str, object]) -> dict[str, object]:
        links = self.links(uri)
        return {"links": links, "scale": self.scale, "site": self.site,
                "claim_row": functools.partial(self._claim_row, links),
                "claim_rows": functools.partial(self._claim_rows, links), **values}

    def _claim_row(self, links: Links, claim: Claim, show_article: bool = True) -> Markup:
        """A claim's row in a listing (the macro ``claims_table_row``) with the links of the page it is on.
        The row is rendered once per build with its links as tokens (a claim is listed on several pages:
        all claims, its rating, its tags, its claimant); each page puts in its own links."""
        return Markup("".join(self._row_parts(links, claim, show_article)))

    def _claim_rows(self, links: Links, claims: Iterable[Claim], show_article: bool = True) -> Markup:
        """``_claim_row`` of each claim, each followed by a line break: the body of a claims table, in one
        call from the template (a call per row from Jinja cost more than putting the row together)."""
        parts: list[str] = []
        for claim in claims:
            parts += self._row_parts(links, claim, show_article)
            parts.append("\n")
        return Markup("".join(parts))

    def _row_parts(self, links: Links, claim: Claim, show_article: bool) -> list[str]:
        """A claim's row as pieces to join: the row's text between its links, and the links of this page.
        A row without its article column is only on its article's page: rendered there, never kept."""
        if not show_article:
            return [self._macro("claims_table_row")(claim, links, False)]
        if claim.id not in self._rows:
            uris: list[str] = []
            text = str(self._macro("claims_table_row")(claim, _RecordingLinks(self.routes, uris), True))
            split = _LINK_TOKEN_RE.split(text)  # text, token number, text, ..., text
            # a field holding the token's characters: this row is rendered for each page instead
            self._rows[claim.id] = ((tuple(split[0::2]), tuple(uris[int(n)] for n in split[1::2]))  # type: ignore[index]
                                    if text.count("\ue000") == len(uris) else None)
        kept = self._rows[claim.id]  # type: ignore[index]
        if kept is None:
            return [self._macro("claims_table_row")(claim, links, True)]
        texts, uris = kept
        parts = [texts[0]]
        for uri, text in zip(uris, texts[1:]):
            parts += (escaped_text(links.to(uri)), text)  # escaped as the macro's {{ }} would
        return parts

    def _article_counts(self) -> dict[str, int]:
        """The articles the published claims were checked in, and the other articles found to publish
        them too (copies, translations): the home page counts each apart."""
        checked = {claim.article for claim in self.published}
        copies = {appearance.article for claim in self.published for appearance in claim.appearances} - checked
        return {"article_count": len(checked), "copy_count": len(copies)}

    def _plan(self, uri: str, template: str, values: dict[str, object],
              more: Callable[[], dict[str, object]] = _nothing) -> None:
        self._plans[uri] = lambda: (template, values, more)

    def _plan_pages(self) -> None:
        settings = self.site.settings
        self._plan(routes.HOME, "home.html.j2", {}, lambda: {
            "structured_data": structured.script(structured.site_organisation(settings.publisher, settings.site_url)),
            "has_feeds": bool(settings.site_url),
            "latest": self.published[:LATEST_ON_HOME], "counts": self._counts(self.published),
            "claim_count": len(self.published), **self._article_counts(),
        })
        self._inputs[routes.HOME] = lambda: (  # the site's settings are those of every build while serving
            tuple(map(self._row, self.published[:LATEST_ON_HOME])), tuple(self._counts(self.published).items()),
            len(self.published), tuple(self._article_counts().values()))
        self._paged(self.routes.index(routes.CLAIMS), "claims_index.html.j2", self.published)
        for claim in [*self.published, *self.drafts]:
            self._plans[self.routes.claim(claim.id)] = self._claim_plan(claim)
            self._inputs[self.routes.claim(claim.id)] = functools.partial(self._claim_inputs, claim)
        self._plan(self.routes.articles_index, "articles_index.html.j2", {}, lambda: {
            "articles": sorted(self.site.articles.values(), key=lambda a: (a.meta.published, a.id), reverse=True),
            "claims_by_article": self.by_article,
        })
        for article_id in self.site.articles:
            self._plans[self.routes.article(article_id)] = self._article_plan(article_id)
            self._inputs[self.routes.article(article_id)] = functools.partial(self._article_inputs, article_id)
        self._listing(routes.RATINGS, self._group(lambda c: [c.rating]), self.scale.ids, "rating.html.j2",
                      "ratings_index.html.j2")
        tags = self._group(lambda c: c.tags)
        self.listed_tags = frozenset(tags)  # tags with a page (a draft's other tags have none)
        self._listing(routes.TAGS, tags, sorted(tags), "tag.html.j2", "tags_index.html.j2")
        claimants = self._claimants()
        self._listing(routes.CLAIMANTS, claimants, sorted(claimants), "claimant.html.j2", "claimants_index.html.j2")
        self._plan(routes.CORRECTIONS, "corrections.html.j2", {}, lambda: {
            "corrections": corrections_log(self.published),
            "methodology": self.links(routes.CORRECTIONS).to(settings.methodology) if settings.methodology else "",
        })
        self._inputs[routes.CORRECTIONS] = lambda: tuple(
            (correction, self._row(claim)) for correction, claim in corrections_log(self.published))
        self.share.for_site()
        for claim in self.published:  # every card is known before any page is rendered (the rest of a
            self.share.for_claim(claim)  # claim's head when its page is: a rebuild renders a few)

    def url_for(self, uri: str) -> str:
        return self.routes.absolute(uri, self.site.settings.site_url)

    def _exports(self) -> dict[str, Callable[[], Iterable[str]]]:
        shared = exports.Shared(self.site, self.routes, self.url_for)  # placements, appearances: once a claim

        # each claim's part of a data file as text, remembered while serving: an edit encodes its claims only
        def record(site: Site, claim: Claim, routes: Routes, url_for: exports.UrlFor) -> str:
            return exports.claim_json(site, claim, routes, url_for, shared)

        def line(site: Site, claim: Claim, routes: Routes, url_for: exports.UrlFor) -> str:
            return exports.csv_line(site, claim, routes, url_for, shared)

        def review(site: Site, claim: Claim) -> str:
            return xml_safe(json.dumps(self._claim_review(claim, shared.placements(claim)), ensure_ascii=False))

        if self.reuse is not None:
            record = self.reuse.per_claim("record", record)
            line = self.reuse.per_claim("line", line)
            review = self.reuse.per_claim("review", review)
        site, paths, url_for = self.site, self.routes, self.url_for
        files: dict[str, Callable[[], Iterable[str]]] = {
            routes.CLAIMS_JSON: lambda: exports.claims_json_parts(site, paths, url_for, record),
            routes.CLAIMS_CSV: lambda: exports.claims_csv_parts(site, paths, url_for, line),
            routes.CLAIMREVIEW_JSON: lambda: itertools.chain(  # json.dumps of the list, its items joined
                ("[",), exports.joined(review(site, c) for c in self.published), ("]\n",)),
        }
        if self.site.settings.site_url:  # feeds need absolute links
            files[routes.RSS_FEED] = lambda: (self._feed(routes.RSS_FEED, exports.rss),)
            files[routes.JSON_FEED] = lambda: (self._feed(routes.JSON_FEED, exports.json_feed),)
        return files

    def _feed(self, name: str, make: Callable[[Site, Routes, exports.UrlFor], str]) -> str:
        """A feed: made from its claims, their articles and the site's settings (while serving, the
        previous build's text when those are the same objects)."""
        if self.reuse is None:
            return make(self.site, self.routes, self.url_for)
        claims = self.site.newest[:exports.FEED_LIMIT]
        articles = self.site.articles
        made_from = (self.site.settings, *claims,
                     *(articles[a] for c in claims for a in (c.article, *(x.article for x in c.appearances))))
        return self.reuse.whole(name, made_from, lambda: make(self.site, self.routes, self.url_for))

    def _redirects(self) -> dict[str, str]:
        """A page at each former id of a claim, sending readers on to its current page."""
        out = {}
        for claim in self.published:
            for alias in claim.aliases:
                links = self.links(self.routes.former_claim(alias), to_files=False)  # a page no engine reads
                out[self.routes.redirect_file(alias)] = self.templates.get_template("redirect.html.j2").render(
                    claim=claim, target=links.claim(claim.id), canonical=self.url_for(self.routes.claim(claim.id)),
                    head=self._claim_head(claim), site_name=self.site.settings.site_name)
        return out

    def _claim_review(self, claim: Claim, placed: list[Placement] | None = None) -> dict[str, object]:
        settings = self.site.settings
        return structured.claim_review(
            claim, exports.claim_placements(self.site, claim) if placed is None else placed, self.scale,
            url=self.url_for(self.routes.claim(claim.id)), publisher=settings.publisher, site_url=settings.site_url)

    def _listing(self, section: str, groups: dict[str, list[Claim]], keys: list[str],
                 page_template: str, index_template: str) -> None:
        self._plan(self.routes.index(section), index_template, {"groups": groups, "keys": keys})
        for key in keys:
            self._paged(self.routes.listing(section, key), page_template, groups.get(key, []), key=key)

    def _paged(self, first_uri: str, template: str, claims: list[Claim], **values: object) -> None:
        """One listing over pages (thousands of rows would make one multi-megabyte page)."""
        size = self.site.settings.page_size
        uris = self.routes.pages_of(first_uri, -(-len(claims) // size))
        for number, uri in enumerate(uris, 1):
            self._plans[uri] = self._listing_plan(template, uri, uris, number, claims, values)
            self._inputs[uri] = self._listing_inputs(template, len(uris), number, claims, values)
        if self._listings is not None:
            self._listings.append((uris, claims))

    def _row(self, claim: Claim) -> tuple[object, ...]:
        """What a claim's row in a listing is made from."""
        return claim, self.site.articles[claim.article], self.claimant_slugs[claim.claimant]

    def _listing_inputs(self, template: str, pages: int, number: int, claims: list[Claim],
                        values: dict[str, object]) -> Callable[[], object]:
        def inputs() -> object:
            size = self.site.settings.page_size
            chunk = claims[(number - 1) * size : number * size]
            return template, pages, number, len(claims), tuple(sorted(values.items())), tuple(map(self._row, chunk))
        return inputs

    def _listing_plan(self, template: str, uri: str, uris: list[str], number: int, claims: list[Claim],
                      values: dict[str, object]) -> Callable[[], Plan]:
        def plan() -> Plan:
            links = self.links(uri)
            size = self.site.settings.page_size
            pager = [(n, links.to(u), n == number) for n, u in enumerate(uris, 1)] if len(uris) > 1 else []
            chunk = claims[(number - 1) * size : number * size]
            return template, {"claims": chunk, "total": len(claims), "page": number, "pager": pager, **values}, _nothing
        return plan

    def _group(self, keys_of) -> dict[str, list[Claim]]:  # type: ignore[no-untyped-def]
        groups: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.published:
            for key in keys_of(claim):
                groups[key].append(claim)
        return dict(groups)

    def _claimants(self) -> dict[str, list[Claim]]:
        return self._group(lambda c: [self.claimant_slugs[c.claimant]])

    def _counts(self, claims: list[Claim]) -> dict[str, int]:
        counts = dict.fromkeys(self.scale.ids, 0)
        for claim in claims:
            counts[claim.rating] += 1  # type: ignore[index]
        return counts

    def _paragraphs(self, article: Article) -> list[Span]:
        """An article's paragraphs, found once for all its claims."""
        if article.id not in self.paragraphs_of:
            self.paragraphs_of[article.id] = paragraphs(article.body)
        return self.paragraphs_of[article.id]

    def _paragraphs_over(self, article: Article, start: int, end: int) -> list[Span]:
        """The paragraphs of an article that overlap ``start:end`` (paragraphs are in order and apart)."""
        found = self._paragraphs(article)
        ends = self.paragraph_ends.get(article.id)
        if ends is None:
            ends = self.paragraph_ends[article.id] = [p.end for p in found]
        over = []
        for paragraph in found[bisect.bisect_right(ends, start):]:
            if paragraph.start >= end:
                break
            over.append(paragraph)
        return over

    def _spans_in(self, claim: Claim, article_id: str) -> list[Span]:
        """Every span of the claim's words in one article: its first quote's, its appearances' there."""
        spans = list(self.site.quotes[claim.id]) if claim.article == article_id else []  # type: ignore[index]
        for appearance, found in zip(claim.appearances, self.site.appearance_quotes.get(claim.id, []), strict=False):
            if appearance.article == article_id and found:
                spans += found
        return spans

    def _marks(self, links: Links, claims: Iterable[Claim], article_id: str) -> list[Mark]:
        site = self.site.settings.language  # the labels' language: said where the article's differs
        other = not same_language(self.site.articles[article_id].meta.language, site)
        return [
            Mark(span, claim.id, claim.rating, links.claim(claim.id),  # type: ignore[arg-type]
                 f"Claim: {claim.title} Rated {self.scale[claim.rating].label}",  # type: ignore[index]
                 self.scale[claim.rating].label,  # type: ignore[index]
                 site if other else "", direction(site) if other else "")
            for claim in claims
            for span in self._spans_in(claim, article_id)
        ]

    def _placements(self, claim: Claim) -> list[Placement]:
        return placements(claim, self.site.articles, self.site.quotes[claim.id],  # type: ignore[index]
                          self.site.appearance_quotes.get(claim.id, []))  # type: ignore[arg-type]

    def _claim_inputs(self, claim: Claim) -> object:
        related = tuple(self.site.claims[r] for r in claim.related)
        others = tuple(self.site.articles[a.article] for a in claim.appearances)
        listed = () if claim.published else tuple(tag in self.listed_tags for tag in claim.tags)  # a draft's links
        return (claim, self.site.articles[claim.article], related, self.claimant_slugs.get(claim.claimant), others,
                listed)

    def _article_inputs(self, article_id: str) -> object:
        claims = self.by_article.get(article_id, [])
        return self.site.articles[article_id], tuple(map(self._row, claims))

    def _claim_plan(self, claim: Claim) -> Callable[[], Plan]:
        uri = self.routes.claim(claim.id)
        settings = self.site.settings
        draft = not claim.published
        rating = self.scale[claim.rating] if claim.rating is not None else None
        # a draft's quote is not marked in its article: the link goes to the article itself
        anchor = None if draft else claim.id

        def more() -> dict[str, object]:
            article = self.site.articles[claim.article]
            links = self.links(uri)
            spans = self.site.quotes[claim.id]  # type: ignore[index]
            around = self._paragraphs_over(article, spans[0].start, spans[-1].end)
            in_context = highlighted_paragraphs(
                article.body, around, [Mark(s, claim.id, claim.rating or "none", links.article(article.id, anchor),  # type: ignore[arg-type]
                                            claim.title, rating.label if rating else "") for s in spans], anchors=False,
            )
            placed = self._placements(claim)  # its ClaimReview needs only which articles, in what order
            corrected = max((c.date for c in claim.corrections), default=None)  # said at the top, linked to the notes
            return {
                "structured_data": "" if draft else structured.script(self._claim_review(claim, placed)),
                "rating_scales": self._rating_scales(),
                "anchor": anchor,
                "missing": [name for name in REQUIRED_TO_PUBLISH if not getattr(claim, name)] if draft else [],
                "listed_tags": self.listed_tags,
                "claimant_listed": claim.claimant in self.claimant_slugs,
                "edit_link": self._edit_link(claim.id),  # type: ignore[arg-type]
                "quote": quoted(article, spans),
                "article": article, "in_context": in_context, "context_html": markdown_html(claim.context or ""),
                "related": [self.site.claims[r] for r in claim.related],
                "machine_drafted": claim.provenance.is_machine,
                "placements": placed,
                "site_language": self.site.settings.language,
                "claim_language": article.meta.language, "claim_direction": direction(article.meta.language),
                "by": claim.authors or [settings.publisher],
                "corrected": corrected,
                "changed": claim.last_changed if claim.last_changed not in (claim.reviewed, corrected, dt.date.min) else None,
                "methodology": links.to(settings.methodology) if settings.methodology else "",
                "report_link": "" if draft else settings.report_link(claim.id, self.url_for(uri)),
            }

        def plan() -> Plan:
            return "claim.html.j2", {"claim": claim, "rating": rating, "draft": draft,
                                     "head": self._claim_head(claim)}, more
        return plan

    def _edit_link(self, claim_id: str) -> str:
        """settings.edit_link of a claim's file, its folder's part worked out once per build."""
        if self._edit_prefix is None:
            settings = self.site.settings
            self._edit_prefix = settings.edit_link(settings.claim_file("x"))[: -len("x.yaml")]
        return f"{self._edit_prefix}{claim_id}.yaml" if self._edit_prefix else ""

    def _claim_head(self, claim: Claim) -> dict[str, str]:
        """What a claim page says about itself in <head>: the verdict in its title, its share card (a
        draft has none of its own, and says it is a draft). Worked out once per claim."""
        head = self._heads.get(claim.id)  # type: ignore[arg-type]
        if head is None:
            head = self._heads[claim.id] = self._new_claim_head(claim)  # type: ignore[index]
        return head

    def _new_claim_head(self, claim: Claim) -> dict[str, str]:
        label = self.scale[claim.rating].label if claim.rating else ""
        summary = " ".join((claim.summary or "").split())  # a draft may have neither
        description = verdict_description(summary, label) if label and summary else summary
        if not claim.published:
            verdict = verdict_title(claim.title, label) if label else f"Claim: {claim.title.strip().rstrip('.')}"
            return {"title": f"Draft: {verdict}", "description": description, "image": "", "image_alt": ""}
        card, alt = self.share.for_claim(claim)
        return {"title": verdict_title(claim.title, label), "description": description,
                "image": self.url_for(card), "image_alt": alt}

    def _article_plan(self, article_id: str) -> Callable[[], Plan]:
        uri = self.routes.article(article_id)

        def more() -> dict[str, object]:
            article = self.site.articles[article_id]
            links = self.links(uri)
            claims = sorted(self.by_article.get(article_id, []), key=lambda c: (self._spans_in(c, article_id)[0].start, c.id))
            marks = self._marks(links, claims, article_id)
            excerpts = self.site.settings.article_text == "quoted" and not article.meta.excerpt
            every = self._paragraphs(article)
            shown = [p for p in every if any(m.span.start < p.end and p.start < m.span.end for m in marks)] if excerpts else every
            text = highlighted_paragraphs(article.body, shown, marks, anchors=True)
            return {"claims": claims, "paragraphs": with_gaps(text, shown, every) if excerpts else text,
                    "excerpts": excerpts or article.meta.excerpt, "direction": direction(article.meta.language),
                    "structured_data": structured.script(structured.article_page(article, url=self.url_for(uri)))}

        def plan() -> Plan:
            return "article.html.j2", {"article": self.site.articles[article_id]}, more
        return plan


GAP = Markup("[…]")


def with_gaps(html: list[Markup], shown: list[Span], every: list[Span]) -> list[Markup]:
    """The ``html`` of the paragraphs ``shown`` (some of ``every``, in order), with a paragraph '[…]' where
    any are left out: before, between and after them. None shown: none at all."""
    out: list[Markup] = []
    at = 0  # the next paragraph of every
    for paragraph, piece in zip(shown, html, strict=True):
        index = every.index(paragraph, at)
        if index > at:
            out.append(GAP)
        out.append(piece)
        at = index + 1
    if out and at < len(every):
        out.append(GAP)
    return out


def _one(text: str) -> tuple[str]:
    return (text,)


def page_dates(site: Site) -> tuple[dict[str, dt.date], dt.date | None]:
    """When each claim and article page last changed (from the records, never the clock), and the
    newest date of all, for every other page: the same inputs give the same sitemap."""
    dates: dict[str, dt.date] = {}
    paths = Routes(site.settings.directory_urls, site.settings.articles_prefix)
    for claim in site.published:
        changed = claim.last_changed
        if changed == dt.date.min:
            continue
        dates[paths.claim(claim.id)] = changed
        article_uri = paths.article(claim.article)
        dates[article_uri] = max(changed, dates.get(article_uri, changed))
    return dates, max(dates.values(), default=None)


def share_cards(site: Site) -> ShareCards:
    """The share cards of a site's pages (every one is known once its PageWriter is made)."""
    settings = site.settings
    return ShareCards(settings.site_name, settings.site_description, settings.scale, settings.share_cards,
                      len(site.published))


def corrections_log(claims: Iterable[Claim]) -> list[tuple[Correction, Claim]]:
    """Every correction of every claim, newest first (then by claim id, then as written)."""
    found = [(correction, claim) for claim in claims for correction in claim.corrections]
    return sorted(found, key=lambda pair: (-pair[0].date.toordinal(), pair[1].id or ""))


def generated_files(site: Site, templates: jinja2.Environment, share: ShareCards | None = None, *,
                    links_to_files: bool = False) -> Iterator[tuple[str, Iterable[str]]]:
    """``build_pages``, one file at a time (``PageWriter.files``): what a large site's files are written
    from without holding them all."""
    return PageWriter(site, templates, None, share, links_to_files=links_to_files).files()


def build_pages(site: Site, templates: jinja2.Environment, share: ShareCards | None = None, *,
                links_to_files: bool = False) -> dict[str, str]:
    """Every generated file of ``site`` at once, by URI inside docs_dir, in a stable order: pages as
    documents (front matter + HTML), the other files as they are. ``links_to_files``: links name files
    ('../ratings/x.md'), for engines that resolve links themselves (``generate``; see routes.Links). The
    share cards its pages show are added to ``share`` (uri -> what to draw)."""
    return PageWriter(site, templates, None, share, links_to_files=links_to_files).pages()


PLACEHOLDER_RE = re.compile(r"\[Placeholder:[^\]]*\]")  # may be wrapped over lines
RATINGS_MARK = "<!-- claims:ratings -->"
RATING_VALUES_MARK = "<!-- claims:rating-values -->"


@dataclass(frozen=True)
class Placeholder:
    line: int
    column: int
    text: str

    def report(self, shown: str) -> str:
        """The line the build (and ``generate``) reports for it, in the page ``shown``."""
        return f"{shown}:{self.line}:{self.column}: placeholder: {self.text} (expected the site's own text before it is published)"


def placeholders(markdown: str) -> list[Placeholder]:
    """Each ``[Placeholder: what to put here]`` left on a hand-written page, where it is."""
    found = []
    for match in PLACEHOLDER_RE.finditer(markdown):
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        found.append(Placeholder(markdown.count("\n", 0, match.start()) + 1, match.start() - line_start + 1,
                                 " ".join(match.group().split())))
    return found


def insert_ratings(markdown: str, scale: RatingScale) -> str:
    """A hand-written page with the rating scale of mkdocs.yml in place of its marks: the definitions
    (``<!-- claims:ratings -->``) and their values in structured data (``<!-- claims:rating-values -->``),
    so the methodology can never disagree with the ratings the site uses."""
    if RATINGS_MARK in markdown:
        items = "".join(
            f'<dt id="rating-{escape(rating_id)}"><span class="rating-badge rating-{escape(rating_id)}">'
            f"{escape(rating.label)}</span></dt><dd>{escape(rating.meaning)}</dd>\n"
            for rating_id, rating in scale.ratings.items())
        markdown = markdown.replace(RATINGS_MARK, f'<dl class="rating-definitions">\n{items}</dl>')
    if RATING_VALUES_MARK in markdown:
        rows = "".join(
            f"<tr><td>{escape(rating.label)}</td><td>{rating.value if rating.value >= 1 else 'none: not a point on the scale, so only the label is given'}</td></tr>\n"
            for rating in scale.ratings.values())
        markdown = markdown.replace(
            RATING_VALUES_MARK, '<table class="rating-values">\n<thead><tr><th scope="col">rating</th>'
            f'<th scope="col"><code>ratingValue</code></th></tr></thead>\n<tbody>\n{rows}</tbody>\n</table>')
    return markdown
