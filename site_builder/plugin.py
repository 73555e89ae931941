"""MkDocs glue: settings from mkdocs.yml, generated pages as virtual files, watched folders.

Everything else happens in the core (project, pages); this module only translates.

Generated pages never go through Python-Markdown: the core renders them to HTML. MkDocs gets an
empty placeholder for each (its title and metadata set directly), and the page's HTML, table of
contents and anchors just in time, when the page itself is built (``on_page_context``, before the
search plugin reads it); the HTML is dropped again once the page is written (``on_post_page``), so
memory does not grow with every page's HTML held at once.

In ``mkdocs serve``, after the first build, an edit confined to claims and articles gets a partial
build: MkDocs' own dirty build (which skips files that say they are unchanged), given only the
generated pages whose inputs changed (and the index pages the nav names; unchanged pages are left out
altogether, their files stay as written). The plugin keeps the search index whole (MkDocs' dirty
build writes it with only the rebuilt pages) and the sitemap of the last full build, removes the
pages that are gone, and gives the nav pages it skipped their titles. Any other change (mkdocs.yml,
templates, theme overrides, hand-written pages) gets MkDocs' full rebuild. While serving, the other
plugins see only the rebuilt pages in a partial build.

Only in ``mkdocs serve``: draft claims get their page too (MkDocs' own draft inclusion level, so
``mkdocs build`` could never write one and the sitemap leaves them out; the core gives each a banner
and keeps it out of every listing, feed and data file; the plugin tells robots not to index it). And a
project with errors does not stop the server: the problems are logged as ``mkdocs build`` reports them,
and the same report, on a page of its own (preview.py), stands in for the pages of the files with
problems or edited since the last good build, the pages the navigation names, and any address
without a page (``404.html``, which MkDocs' server answers with). MkDocs' server reloads
the browser after a build that did not fail, so the page shows up, and goes once the files are fixed
(by a partial build again, which builds the pages the report stood in for, unless the errors came in a
full build). Such a build does not count warnings towards ``strict``: it is there to show the errors,
not to be stopped by them.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page, build
from mkdocs.config import base, load_config
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from . import memo
from .freed_memory import return_freed_memory
from .cards import CardCache
from .errors import Problem, ProblemsFound
from .pages import (GeneratedPage, Heading, PageMeta, PageWriter, Reuse, insert_ratings, page_dates, placeholders,
                    share_cards, with_permalinks)
from .paths import collected_problems, folder_problems
from .preview import error_page, error_uris
from .project import Project, load_project
from . import reload as reloading
from .render import CompiledTemplates, environment
from .routes import NAV_PAGES, STYLESHEET, Routes
from .safehtml import UnsafePage
from .search_languages import article_languages, search_languages, separator_splitting_signs
from .settings import DEFAULTS, Settings, settings_from_options
from .share import MODES

log = logging.getLogger("mkdocs.plugins.claims")
# What MkDocs puts above a page of draft inclusion in serve (ProperDocs: class properdocs-draft-marker); our
# draft banner says it already.
# Every so many generated pages written, the memory their HTML took is handed back (freed_memory.py).
TRIM_EVERY = 500
MKDOCS_DRAFT_MARKER = ('<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">'
                       'DRAFT</div>')


class ClaimsConfig(base.Config):
    claims_dir = c.Type(str, default=DEFAULTS["claims_dir"])
    """Folder of claim records (``<id>.yaml``), relative to mkdocs.yml."""
    articles_dir = c.Type(str, default=DEFAULTS["articles_dir"])
    """Folder of source articles, relative to docs_dir; each becomes an annotated page."""
    templates_dir = c.Type(str, default=DEFAULTS["templates_dir"])
    """Folder of the Jinja2 templates of generated pages, relative to mkdocs.yml."""
    ratings = c.Type(dict, default=DEFAULTS["ratings"])
    """The rating scale, best supported first: ``id: {label, meaning, colour, value}``."""
    publisher = c.Type(str, default=DEFAULTS["publisher"])
    """The organisation publishing the reviews, for structured data and feeds (default: site_name)."""
    page_size = c.Type(int, default=DEFAULTS["page_size"])
    """Claims per page of a listing (all claims, a rating, a tag, a claimant)."""
    edit_url = c.Optional(c.Type(str))
    """Prefix of "Edit this claim" links (default: repo_url + /edit/main/ on GitHub; "" for none)."""
    report_url = c.Optional(c.Type(str))
    """The "Report an error" link of every claim page; ``{id}`` and ``{url}`` are replaced by the claim's id
    and page URL (default: a new issue in repo_url on GitHub, both filled in; "" for none)."""
    methodology = c.Type(str, default=DEFAULTS["methodology"])
    """The page (in docs_dir) saying how ratings are decided, linked from every claim page if it exists."""
    share_cards = c.Choice(MODES, default=DEFAULTS["share_cards"])
    """Share cards (the image of a link preview): ``claim`` draws one per claim, ``rating`` one per rating,
    ``auto`` (the default) one per claim up to 500 published claims and one per rating above (drawing a card
    costs more than building its page: benchmarks/README.md)."""
    cache_dir = c.Type(str, default=DEFAULTS["cache_dir"])
    """Folder of drawn share cards kept between builds, relative to mkdocs.yml (keep it out of git)."""
    placeholders = c.Choice(("info", "warn"), default=DEFAULTS["placeholders"])
    """How each ``[Placeholder: ...]`` left on a page is reported: ``info``, or ``warn`` (then
    ``mkdocs build --strict`` fails while any remain)."""


class GeneratedFile(File):
    """A generated file that can say it is unchanged since the previous build (MkDocs' dirty builds
    skip such files)."""

    unchanged = False

    def is_modified(self) -> bool:
        return not self.unchanged


class MadeFile(GeneratedFile):
    """A generated file (not a page) whose content is made only when it is read or written, and not kept:
    MkDocs writes it, a piece at a time, with the other static files."""

    make: Callable[[], Iterable[str]]

    @property
    def content_string(self) -> str:
        return "".join(self.make())

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.make = functools.partial(_one, value)

    @property
    def content_bytes(self) -> bytes:
        return self.content_string.encode("utf-8")

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.make = functools.partial(_one, value.decode("utf-8"))

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        output_path = self.abs_dest_path
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        with open(output_path, "w", encoding="utf-8") as output:  # as MkDocs writes a file's text
            for piece in self.make():
                output.write(piece)


def _one(text: str) -> tuple[str]:
    return (text,)


@dataclass
class Previous:
    """What the previous build made, while serving: enough to rebuild only what an edit changes."""

    ready: bool = False  # a build finished and everything below describes it
    pages: dict[str, tuple[object, str | None]] = field(default_factory=dict)  # uri -> (inputs, digest)
    assets: dict[str, str] = field(default_factory=dict)  # uri -> digest of the content
    outputs: dict[str, str] = field(default_factory=dict)  # uri -> file written in site_dir
    urls: dict[str, str] = field(default_factory=dict)  # page uri -> its URL
    order: list[str] = field(default_factory=list)  # page URIs in the order of the search index
    sitemaps: list[bytes | None] = field(default_factory=list)  # sitemap.xml and .gz of the last full build
    search: dict[str, list[Any]] = field(default_factory=dict)  # page URL -> its search index entries
    outside: dict[str, tuple[int, int]] = field(default_factory=dict)  # files a partial rebuild cannot follow
    overwritten: set[str] = field(default_factory=set)  # pages whose file is an error page since (to build again)
    reuse: Reuse = field(default_factory=Reuse)
    search_head: dict[str, Any] = field(default_factory=dict)  # the search index but its entries ("config")


@dataclass
class Live:
    """MkDocs' objects of the last full build, while serving: enough to build a few pages again without
    MkDocs' build (its pages' files and destinations, navigation and theme do not change with a claim)."""

    config: MkDocsConfig
    files: Files
    nav: Any
    env: Any
    uris: frozenset[str]  # the generated pages
    drafts: frozenset[str]  # those of draft claims
    cards: set[str]  # the share cards in site_dir


def _theme_separator(config: MkDocsConfig) -> str:
    """The word separator the theme's search uses by default for the theme's language: its translation of
    ``search.config.separator``, read as mkdocs-material's search plugin reads it."""
    template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
    return str(template.module.t("search.config.separator"))  # type: ignore[attr-defined]


def _page_url(url: str) -> str:
    return "" if url in (".", "./") else url


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _page_digest(page: GeneratedPage) -> str:
    return _digest(repr((page.html, page.meta, page.toc)))


class ClaimsPlugin(BasePlugin[ClaimsConfig]):
    settings: Settings
    dates: dict[str, dt.date]
    newest: dt.date | None
    writer: PageWriter
    generated: set[str]  # URIs of the generated pages of the current build
    serving = False
    partial = False  # this build rebuilds only what changed (mkdocs serve)
    written = 0  # generated pages written by this process
    failed: str | None = None  # while serving: the report of the current build's errors, shown as a page
    site_card: tuple[str, str]  # the site's share card: (uri, text alternative)
    live: Live | None = None  # while serving: MkDocs' objects of the last full build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty_serve = dirty
        self.previous = Previous()
        self.compiled = CompiledTemplates() if self.serving else None  # theirs and ours, kept between rebuilds
        memo.enable(self.serving)  # rebuilds reuse parsed files and rendered notes

    @event_priority(50)  # before the search plugin reads its settings
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.settings = settings_from_options(
                dict(self.config),
                config_file=Path(config.config_file_path),
                docs_dir=Path(config.docs_dir),
                site=dict(config),
            )
        except ProblemsFound as found:
            raise PluginError(found.report()) from None
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        self.toc = TocSettings.of(config.mdx_configs.get("toc") or {})
        self._search_languages(config)
        return config

    def _search_languages(self, config: MkDocsConfig) -> None:
        """mkdocs-material's search gets the articles' languages (search_languages.py says which), unless
        mkdocs.yml sets its ``lang``; with them the word separator splits at "%" too (search_languages.py
        says why), unless mkdocs.yml sets its ``separator``."""
        search = config.plugins.get("material/search")
        if search is None or search.config.get("lang") is not None:
            return
        chosen = search_languages(self.settings.language, article_languages(self.settings))
        if chosen.languages is not None:
            search.config.lang = list(chosen.languages)
            if not search.config.get("separator"):
                search.config.separator = separator_splitting_signs(_theme_separator(config))
        elif chosen.unsupported:
            log.info(f"claims: site search left in the theme's language: lunr.js has no support for "
                     f"{', '.join(chosen.unsupported)} (listing the others would drop their words from the index)")

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.serving:
            if not self.partial:
                self.previous = Previous()  # a full build: nothing of the previous one is relied on
                self.live = None
            else:
                self.previous.ready = False  # until this build finishes
            self.previous.outside = self._outside_files(config)
            self.built: set[str] = set()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # the symlink rule for every file MkDocs collected (static files too) and the theme's overrides
        links = collected_problems((Path(f.abs_src_path) for f in files if f.abs_src_path), self.settings.root)
        if config.theme.custom_dir:
            links += folder_problems([("theme.custom_dir", Path(config.theme.custom_dir))], self.settings.root)
        if self.serving:
            self.loaded = reloading.load(self.settings)
            site = self.loaded.project
        else:
            site = load_project(self.settings)
        self.failed = None
        self.live_config = config
        if site.errors or links:
            report = ProblemsFound(dict.fromkeys([*site.errors, *links])).report()
            if not self.serving:
                raise PluginError(report)
            return self._error_files(files, config, site, [*site.errors, *links], report)
        for warning in site.warnings:
            log.info(str(warning))
        reuse = None
        if self.serving:
            reuse = self.previous.reuse
            reuse.next_build()
        share = share_cards(site)
        self.writer = PageWriter(site, environment(self.settings.templates_dir, self.compiled), reuse, share,
                                 drafts=self.serving)
        self.dates, self.newest = page_dates(site)
        self.generated = set(self.writer.uris())
        drafts = set(self.writer.draft_uris())  # empty unless serving
        self.digests: dict[str, str] = {}
        self.inputs: dict[str, object] = {}
        self.kept: set[str] = set()  # unchanged pages a partial build leaves out: their output stays as it is
        paths = Routes(self.settings.directory_urls, self.settings.articles_prefix)
        replaced = {paths.article(article_id) for article_id in site.articles}
        # Pages get an empty placeholder (rendered when built); other files their content, made when MkDocs
        # writes them in a build (not held: the data files of 10,000 claims are over 100 MB of text).
        makers = self.writer.asset_makers()
        assets = {uri: "".join(make()) for uri, make in makers.items()} if self.serving else {}
        for uri in sorted(self.generated | set(makers)):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                if uri not in replaced:
                    raise PluginError(f"{uri}: this page is generated by the claims plugin; "
                                      f"move or rename {existing.src_uri} in {config.docs_dir}")
                files.remove(existing)
            in_nav = uri in NAV_PAGES or uri.endswith("/index.md")
            unchanged = self.partial and self._unchanged(uri, assets.get(uri))
            if unchanged and not in_nav and uri not in makers:
                self.kept.add(uri)  # MkDocs never sees it: no page object, nothing read, nothing written
                continue
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            if uri in drafts:
                inclusion = InclusionLevel.DRAFT  # built by mkdocs serve only
            if uri in makers and not self.serving:
                file = MadeFile.generated(config, uri, content="", inclusion=inclusion)
                file.make = makers[uri]
            else:
                file = GeneratedFile.generated(config, uri, content=assets.get(uri, ""), inclusion=inclusion)
            file.unchanged = unchanged
            files.append(file)
        self.files = files
        self.assets = {uri: _digest(content) for uri, content in assets.items()} if self.serving else {}
        self.drafts, self.cards = frozenset(drafts), frozenset(share.cards)
        self.site_card = share.for_site()
        cache = CardCache(self.settings.cache_dir, self.settings.scale)
        drawn = {uri: cache.path(card) for uri, card in share.cards.items()}
        cache.prune(drawn.values())
        for uri, path in drawn.items():
            files.append(File.generated(config, uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV))
        if cache.drawn:
            log.info(f"claims: drew {cache.drawn} share card(s) into {cache.folder}")
        return files

    def _error_files(self, files: Files, config: MkDocsConfig, project: Project, problems: list[Problem],
                     report: str) -> Files:
        """While serving, a project with errors: the report in the log, as ``mkdocs build`` prints it,
        and as a page (an empty page here; on_post_page writes the report instead) at the pages the
        navigation names, the pages of the files with problems and of the files edited since the last
        build without errors (a full build has no other generated page: every other address is a 404,
        answered with the report too). A claim or article page no edit touched keeps what the last good
        build wrote, so a partial build stays small, and so does the one after the fix."""
        for logger in (logging.getLogger("mkdocs"), logging.getLogger("properdocs")):
            for handler in logger.handlers:  # strict mode's counter of this build: a warning must not
                if isinstance(handler, CountHandler):  # stop the page that shows the errors
                    handler.addFilter(lambda record: False)
        log.error(report)
        log.info("claims: the preview shows these problems in place of the claim pages until they are fixed")
        self.failed = report
        self.generated = set()
        self.dates, self.newest = {}, None
        self.kept = set()
        paths = Routes(self.settings.directory_urls, self.settings.articles_prefix)
        articles = {paths.article(name) for name in project.article_files}
        for uri in articles:  # an article's source is never a page of its own
            if (existing := files.get_file_from_path(uri)) is not None:
                files.remove(existing)
        changed = set()
        if self.partial:  # loading gives back the very same record for a file whose text did not change
            records = [*((paths.claim(i), c) for i, c in project.claims.items()),
                       *((paths.article(i), a) for i, a in project.articles.items())]
            for uri, record in records:
                before = self.previous.pages.get(uri)
                if before is None or not isinstance(before[0], tuple) or before[0][0] is not record:
                    changed.add(uri)
        self.error_pages = set()
        shown = error_uris(paths, self.settings.claims_folder, self.settings.articles_folder,
                           [problem.path for problem in problems], changed)
        for uri in shown:
            if files.get_file_from_path(uri) is not None:
                continue  # a hand-written page: built as it is
            in_nav = uri in NAV_PAGES or uri.endswith("/index.md")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(GeneratedFile.generated(config, uri, content="", inclusion=inclusion))
            self.error_pages.add(uri)
        self.files = files
        return files

    def _unchanged(self, uri: str, asset: str | None) -> bool:
        """Whether a generated file is the same as in the previous build (partial builds only)."""
        if asset is not None:
            return self.previous.assets.get(uri) == _digest(asset)
        before = self.previous.pages.get(uri)
        if before is None or uri in self.previous.overwritten:
            return False
        inputs = self.inputs[uri] = self.writer.inputs(uri)
        if inputs is not None:
            return inputs == before[0]
        digest = self.digests[uri] = _page_digest(self.writer.page(uri))
        return digest == before[1]

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page (generated pages never come here): the rating definitions of mkdocs.yml in
        place of ``<!-- claims:ratings -->`` and ``<!-- claims:rating-values -->``, and each
        ``[Placeholder: ...]`` reported (at INFO, or WARNING with ``placeholders: warn``)."""
        report = log.warning if self.settings.placeholders == "warn" else log.info
        path = self.settings.shown(self.settings.docs_dir / page.file.src_uri)
        for found in placeholders(page.file.content_string):  # the whole file: lines as people see them
            report(f"{path}:{found.line}:{found.column}: placeholder: {found.text} "
                   "(expected the site's own text before it is published)")
        return insert_ratings(markdown, self.settings.scale)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """A generated page is not converted from Markdown: only its metadata is set now."""
        if page.file.src_uri in self.generated:
            page.render = functools.partial(self._prepare, page)  # type: ignore[method-assign]
        return page

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return "" if page.file.src_uri in self.generated else None

    def _prepare(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Page.render for a generated page: the title and metadata, with an empty body until it is built."""
        page.meta = mkdocs_meta(self.writer.meta(page.file.src_uri))
        page.content = ""
        page.toc = get_toc([])

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        self.nav_pages = list(nav.pages)
        return nav

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """Every page read: sitemap dates come from the records, not the clock, so rebuilds are
        byte-identical; pages a partial build skipped get the title the navigation shows."""
        if self.compiled is not None and env.bytecode_cache is None:
            env.bytecode_cache = self.compiled
        self.env = env
        for file in files.documentation_pages():
            if file.page is not None:
                changed = self.dates.get(file.src_uri, self.newest)
                if changed is not None:
                    file.page.update_date = changed.isoformat()
        for page in self.nav_pages:
            if page.markdown is None:  # skipped by a partial build
                page.read_source(config)
                if page.file.src_uri in self.generated:
                    page.meta = mkdocs_meta(self.writer.meta(page.file.src_uri))
        return env

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.failed is not None:
            if page.file.src_uri in self.error_pages:
                page.meta["search"] = {"exclude": True}
            return context
        if self.serving:
            self.built.add(page.url)
        if page.file.src_uri in self.generated:
            try:
                generated = self.writer.page(page.file.src_uri)
            except UnsafePage as error:
                raise PluginError(f"{page.file.src_uri}: {error}") from None
            if self.serving:
                self.digests[page.file.src_uri] = _page_digest(generated)
            page.meta = mkdocs_meta(generated.meta)
            page.content = self.toc.permalinked(generated)
            page.toc = get_toc(toc_tokens(self.toc.listed(generated.toc)))
            page.present_anchor_ids = set(generated.anchors)
        uri, alt = self.site_card  # a page without a share card of its own shows the site's
        page.meta.setdefault("og_image", escape((self.settings.site_url or "/") + uri))  # the theme prints meta raw
        page.meta.setdefault("og_image_alt", escape(alt))
        return context

    @event_priority(-100)  # after every other plugin has seen the page
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if self.failed is not None and page.file.src_uri in self.error_pages:
            return error_page(self.failed, config.site_name)
        if page.file.src_uri in self.generated:
            page.content = ""  # written: its HTML is not kept
            self.written += 1
            if self.written % TRIM_EVERY == 0:
                return_freed_memory()
            if page.meta.get("robots"):  # a draft (mkdocs serve only)
                for marker in (MKDOCS_DRAFT_MARKER, MKDOCS_DRAFT_MARKER.replace("mkdocs-", "properdocs-", 1)):
                    output = output.replace(marker, "", 1)  # ProperDocs names its class after itself
                head = output.find("</head>")
                tag = f'<meta name="robots" content="{escape(page.meta["robots"])}">\n'
                output = output[:head] + tag + output[head:] if head >= 0 else tag + output
        return output

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if not self.serving:
            return
        previous = self.previous
        site_dir = Path(config.site_dir)
        if self.failed is not None:  # any address without a page shows the report too
            (site_dir / "404.html").write_text(error_page(self.failed, config.site_name), encoding="utf-8")
            if self.partial:  # the last good build still describes every other file: the fix is a partial build
                for uri in self.error_pages:  # each built again then, or removed if it is no page any more
                    previous.outputs.setdefault(uri, self.files.get_file_from_path(uri).abs_dest_path)  # type: ignore[union-attr]
                previous.overwritten |= self.error_pages
                previous.ready = True
            return
        built = {file.src_uri: file for file in self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)}
        urls = {**{uri: previous.urls[uri] for uri in self.kept}, **{uri: file.url for uri, file in built.items()}}
        known = set(previous.order)  # new pages go last, in the order MkDocs built them (the search index's)
        order = [uri for uri in previous.order if uri in urls] + [uri for uri in urls if uri not in known]
        search = site_dir / "search" / "search_index.json"
        if search.is_file():
            index = json.loads(search.read_text(encoding="utf-8"))
            fresh: dict[str, list[Any]] = {}
            for doc in index.get("docs", []):
                fresh.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
            if self.partial:  # the search plugin indexed only the pages built now: keep the others' entries
                for url in self.built:
                    previous.search[url] = fresh.get(url, [])
                docs = [doc for uri in order for doc in previous.search.get(_page_url(urls[uri]), [])]
                search.write_text(json.dumps({**index, "docs": docs}, separators=(",", ":"), default=str),
                                  encoding="utf-8")
            else:
                previous.search = fresh
                previous.search_head = {key: value for key, value in index.items() if key != "docs"}
            previous.search = {url: previous.search.get(url, []) for url in map(_page_url, urls.values())}
        sitemaps = [site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"]
        if self.partial:  # MkDocs wrote it with the pages of this build only: the full one stays
            for path, content in zip(sitemaps, previous.sitemaps):
                if content is not None:
                    path.write_bytes(content)
        else:
            previous.sitemaps = [path.read_bytes() if path.is_file() else None for path in sitemaps]
        outputs = {uri: previous.outputs[uri] for uri in self.kept}
        for uri in self.generated | set(self.assets):
            if (file := self.files.get_file_from_path(uri)) is not None:
                outputs[uri] = file.abs_dest_path
        for uri, gone in previous.outputs.items():  # pages and files no longer generated
            if uri not in outputs and os.path.isfile(gone):
                os.remove(gone)
                if gone.endswith(os.sep + "index.html"):
                    try:
                        os.rmdir(os.path.dirname(gone))
                    except OSError:
                        pass
        previous.outputs = outputs
        previous.urls = urls
        previous.order = order
        previous.pages = {uri: previous.pages[uri] if uri in self.kept else
                          (self.inputs[uri] if uri in self.inputs else self.writer.inputs(uri),
                           self.digests.get(uri) or previous.pages.get(uri, (None, None))[1])
                          for uri in self.generated}
        previous.assets = self.assets
        previous.overwritten = set()
        previous.ready = True
        if not self.partial:
            self.live = Live(self.live_config, self.files, self.nav, self.env, frozenset(self.generated), self.drafts,
                             set(self.cards))

    def on_build_error(self, *, error: Exception) -> None:
        self.previous.ready = False
        self.live = None

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        server.watch(str(self.settings.claims_dir))
        server.watch(str(self.settings.templates_dir))
        if not self.dirty_serve:
            server.builder = functools.partial(self._rebuild, builder, config)
        return server

    def _rebuild(self, full_build, config: MkDocsConfig) -> None:  # type: ignore[no-untyped-def]
        """MkDocs' server calls this after a change: a partial build when only claims or articles
        changed since the previous build began, else MkDocs' own full build."""
        if not self.previous.ready or self._outside_files(config) != self.previous.outside:
            return full_build()
        if self._rebuild_pages():
            return None
        fresh = load_config(config_file=config.config_file_path, site_dir=config.site_dir, strict=config.strict,
                            use_directory_urls=config.use_directory_urls)
        fresh.site_url = config.site_url
        log.info("Building the pages that changed...")
        self.partial = True
        try:
            with _dirty_warning_left_out():
                build(fresh, serve_url=config.site_url, dirty=True)
        finally:
            self.partial = False

    def _rebuild_pages(self) -> bool:
        """An edit confined to claims and articles, without MkDocs' build: the files that changed are
        loaded again, and the pages and files they change are built again with MkDocs' own page
        building, into the navigation, theme and files of the last full build (no page is added or
        removed, so those stay right). False, with nothing done, when that cannot be shown to give what
        a build would: files added or removed, problems, drafts published or withdrawn, a plugin other
        than ours and the search, an error page still shown. A share card drawn for an edited title is
        copied into the site (the old one removed)."""
        live, previous = self.live, self.previous
        if live is None or previous.overwritten or self.failed is not None or not previous.search_head:
            return False
        search = live.config.plugins.get("material/search") or live.config.plugins.get("search")
        entries = getattr(getattr(search, "search_index", None), "entries", None)
        if set(live.config.plugins) - {"material/search", "search", "claims"} or not isinstance(entries, list):
            return False
        reloaded = reloading.reload(self.loaded)
        if reloaded is None:
            return False
        loaded, edited = reloaded
        if not edited:
            self.loaded = loaded
            log.info("claims: nothing to build again (the files saved have the same text)")
            return True
        site = loaded.project
        reuse = previous.reuse
        kept = reuse.previous, reuse.current
        reuse.next_build()
        share = share_cards(site)
        writer = PageWriter(site, environment(self.settings.templates_dir, self.compiled), reuse, share, drafts=True)
        assets = writer.assets()
        share.for_site()
        if (frozenset(writer.uris()) != live.uris or frozenset(writer.draft_uris()) != live.drafts
                or set(assets) != set(previous.assets)):
            reuse.previous, reuse.current = kept  # as if not tried: MkDocs' build reuses the same work
            return False
        log.info("Building the pages that changed...")
        for warning in site.warnings:  # those of the files saved (a full build gives every file's)
            if warning.path in edited:
                log.info(str(warning))
        self.loaded, self.writer = loaded, writer
        self.dates, self.newest = page_dates(site)
        changed: dict[str, object] = {}  # uri -> its inputs
        for uri in writer.uris():
            before = previous.pages.get(uri)
            inputs = writer.inputs(uri)
            if before is not None and inputs is not None and inputs == before[0]:
                continue
            if before is not None and inputs is None and _page_digest(writer.page(uri)) == before[1]:
                continue
            changed[uri] = inputs
        try:
            self.built, self.digests = set(), {}
            start = len(entries)
            doc_files = live.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
            for uri in changed:
                file = live.files.get_file_from_path(uri)
                page = file.page  # type: ignore[union-attr]
                _populate_page(page, live.config, live.files)
                if (date := self.dates.get(uri, self.newest)) is not None:
                    page.update_date = date.isoformat()
                _build_page(page, live.config, doc_files, live.nav, live.env, excluded=file.inclusion.is_excluded())  # type: ignore[union-attr]
                previous.pages[uri] = (changed[uri], self.digests.get(uri))
            site_dir = Path(live.config.site_dir)
            cache = CardCache(self.settings.cache_dir, self.settings.scale)
            for uri in sorted(set(share.cards) - live.cards):  # a card drawn for an edited title
                (site_dir / uri).parent.mkdir(parents=True, exist_ok=True)
                (site_dir / uri).write_bytes(cache.path(share.cards[uri]).read_bytes())
            for uri in sorted(live.cards - set(share.cards)):
                (site_dir / uri).unlink(missing_ok=True)
            live.cards = set(share.cards)
            for uri, content in assets.items():
                digest = _digest(content)
                if previous.assets.get(uri) != digest:
                    Path(previous.outputs[uri]).write_bytes(content.encode("utf-8"))
                    previous.assets[uri] = digest
            fresh: dict[str, list[Any]] = {url: [] for url in map(_page_url, self.built)}
            for doc in entries[start:]:
                fresh.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
            del entries[start:]
            previous.search.update(fresh)
            docs = [doc for uri in previous.order for doc in previous.search.get(_page_url(previous.urls[uri]), [])]
            index = Path(live.config.site_dir) / "search" / "search_index.json"
            index.write_text(json.dumps({**previous.search_head, "docs": docs}, separators=(",", ":"), default=str),
                             encoding="utf-8")
        except BaseException:
            previous.ready = False  # the site is half written: the next change builds it all
            raise
        log.info(f"claims: built {len(changed)} page(s) again")
        return True

    def _outside_files(self, config: MkDocsConfig) -> dict[str, tuple[int, int]]:
        """Size and time of each file a partial build cannot follow: mkdocs.yml, templates, theme
        overrides, hand-written pages, watched paths (everything but claims and articles)."""
        roots = [str(self.settings.templates_dir), config.docs_dir, *config.watch]
        if config.theme.custom_dir:
            roots.append(config.theme.custom_dir)
        skip = {os.path.abspath(self.settings.articles_dir), os.path.abspath(self.settings.claims_dir)}
        found = {}
        for path in map(os.path.abspath, [config.config_file_path, *roots]):  # the same names from every config
            if os.path.isfile(path):
                info = os.stat(path)
                found[path] = (info.st_mtime_ns, info.st_size)
            for folder, folders, names in os.walk(path):
                folders[:] = [f for f in folders if os.path.abspath(os.path.join(folder, f)) not in skip]
                for name in names:
                    try:
                        info = os.stat(os.path.join(folder, name))
                    except OSError:
                        continue
                    found[os.path.join(folder, name)] = (info.st_mtime_ns, info.st_size)
        return found


@contextmanager
def _dirty_warning_left_out() -> Iterator[None]:
    """A partial build is a MkDocs dirty build, whose warning about inaccurate navigation does not
    apply (the plugin rebuilds everything a claim or article edit changes): left out, so that it
    does not fail a strict build."""
    logger = logging.getLogger(build.__module__)  # mkdocs.commands.build, or ProperDocs' own

    def keep(record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")

    logger.addFilter(keep)
    try:
        yield
    finally:
        logger.removeFilter(keep)


def mkdocs_meta(meta: PageMeta) -> dict[str, Any]:
    """Page metadata as front matter would have given it (themes print the title raw: it is escaped)."""
    values: dict[str, Any] = {"title": escape(meta.title, quote=True), "description": escape(meta.description, quote=True)}
    if meta.robots:
        values["robots"] = meta.robots
    if not meta.searchable:
        values["search"] = {"exclude": True}
    if meta.search_label:  # the theme's search shows a page's tags with each result
        values["tags"] = [meta.search_label]  # rendered as text by the search (not printed raw by the theme)
    if meta.share_image:
        values.update(og_type=escape(meta.share_type or "website"), og_image=escape(meta.share_image, quote=True),
                      og_image_alt=escape(meta.share_image_alt, quote=True))
    return values


def toc_tokens(headings: tuple[Heading, ...]) -> list[dict[str, Any]]:
    """Headings as nested tokens for mkdocs.structure.toc.get_toc (what Python-Markdown's toc gives)."""
    root: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for heading in headings:
        token = {"level": heading.level, "id": heading.id, "name": heading.text, "children": []}
        while stack and stack[-1]["level"] >= heading.level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


class TocSettings:
    """The toc extension's settings in mkdocs.yml (markdown_extensions: - toc: ...), applied to our HTML."""

    def __init__(self, permalink: bool | str, css_class: str, title: str, leading: bool, top: int, bottom: int):
        self.permalink, self.css_class, self.title, self.leading = permalink, css_class, title, leading
        self.top, self.bottom = top, bottom

    @classmethod
    def of(cls, options: dict[str, Any]) -> TocSettings:
        depth = options.get("toc_depth", 6)
        if isinstance(depth, str) and "-" in depth:
            top, bottom = (int(x) for x in depth.split("-", 1))
        else:
            top, bottom = 1, int(depth)
        return cls(options.get("permalink", False), options.get("permalink_class", "headerlink"),
                   options.get("permalink_title", "Permanent link"), bool(options.get("permalink_leading", False)),
                   top, bottom)

    def listed(self, toc: tuple[Heading, ...]) -> tuple[Heading, ...]:
        return tuple(h for h in toc if self.top <= h.level <= self.bottom)

    def permalinked(self, page: GeneratedPage) -> str:
        if self.permalink in (False, None):
            return page.html
        symbol = "&para;" if self.permalink is True else str(self.permalink)
        return with_permalinks(page.html, page.toc, symbol, self.css_class, self.title, self.leading)
