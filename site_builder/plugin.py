"""MkDocs glue: settings from mkdocs.yml, generated pages as virtual files, watched folders.

Everything else happens in the core (project, pages); this module only translates.

Generated pages never go through Python-Markdown: the core renders them to HTML. MkDocs gets an
empty placeholder for each (its title and metadata set directly), and the page's HTML, table of
contents and anchors just in time, when the page itself is built (``on_page_context``, before the
search plugin reads it); the HTML is dropped again once the page is written (``on_post_page``), so
memory does not grow with every page's HTML held at once.

In ``mkdocs build`` of a large project (``render_workers``), the project is loaded and the pages rendered
by a worker process (ahead.py), which sends this process what the build needs of the project first,
then each page, finished, in the order MkDocs builds them, and writes the data files between pages: the
project is held in the worker only, and our work runs on the second core. Whatever the worker does not
deliver (a page out of its order, a failure) is done here as without it, so the output and the errors
are the same.

In ``mkdocs serve``, after the first build, an edit confined to claims and articles rebuilds only the
pages and files it changes (serve_rebuild.py: the server's builder, the claims folder's watch, and what
each build made, kept for the next); this module only tells it what MkDocs' hooks saw. Any other change
(mkdocs.yml, templates, theme overrides, hand-written pages) gets MkDocs' full rebuild.

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
import gc
import itertools
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from html import escape
from pathlib import Path
from typing import Any, NamedTuple

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from . import memo
from .ahead import RenderedAhead, worthwhile
from .freed_memory import return_freed_memory
from .cards import CardCache
from .collector import back_in_collections
from .errors import Problem, ProblemsFound
from .pages import (GeneratedPage, Heading, PageMeta, PageWriter, insert_ratings, page_dates, placeholders,
                    share_cards, with_permalinks)
from .paths import collected_problems, folder_problems, hidden
from .preview import error_page, error_uris
from .project import Project, Site, load_project, project_folders
from . import reload as reloading
from . import serve_rebuild
from .render import CompiledTemplates, environment
from .routes import FEED_LINKS, NAV_PAGES, STYLESHEET, Routes, feed_links
from .safehtml import UnsafePage
from .search_languages import article_languages, search_languages, separator_splitting_signs
from .settings import DEFAULTS, Settings, settings_from_options

log = logging.getLogger("mkdocs.plugins.claims")
# What MkDocs puts above a page of draft inclusion in serve (ProperDocs: class properdocs-draft-marker); our
# draft banner says it already.
# Every so many generated pages written, the memory their HTML took is handed back (freed_memory.py).
TRIM_EVERY = 500
MKDOCS_DRAFT_MARKER = ('<div class="mkdocs-draft-marker" title="This page will not be included into the built site.">'
                       'DRAFT</div>')


class ClaimsConfig(base.Config):
    """The plugin's options, each taken as written: settings.py checks them all at once (MkDocs stops at the
    first problem, in its own words and without a line), and says which names are unknown. README.md's
    table says what each one does."""

    claims_dir = c.Type(object, default=DEFAULTS["claims_dir"])
    articles_dir = c.Type(object, default=DEFAULTS["articles_dir"])
    templates_dir = c.Type(object, default=DEFAULTS["templates_dir"])
    ratings = c.Type(object, default=DEFAULTS["ratings"])
    publisher = c.Type(object, default=DEFAULTS["publisher"])
    page_size = c.Type(object, default=DEFAULTS["page_size"])
    edit_url = c.Optional(c.Type(object))
    report_url = c.Optional(c.Type(object))
    methodology = c.Type(object, default=DEFAULTS["methodology"])
    share_cards = c.Type(object, default=DEFAULTS["share_cards"])
    cache_dir = c.Type(object, default=DEFAULTS["cache_dir"])
    placeholders = c.Type(object, default=DEFAULTS["placeholders"])
    article_text = c.Type(object, default=DEFAULTS["article_text"])
    render_workers = c.Type(object, default=1)
    """``mkdocs build`` of more than a few hundred generated pages, on two or more cores, where processes can
    fork (Linux): 1 (the default) renders them ahead in a worker process while MkDocs writes the ones before
    (ahead.py); 0 renders each in MkDocs' own process. The same pages either way."""

    def validate(self):  # type: ignore[no-untyped-def]
        failed, warnings = super().validate()
        # an unknown name is settings.py's problem, at its line and with a suggestion
        return failed, [(name, message) for name, message in warnings if name in self._schema_keys]


class FinishedPage(NamedTuple):
    """A generated page as on_page_context hands it to MkDocs (made here or by the worker of ahead.py, which
    does all it can of MkDocs' part: this process takes it as it is)."""

    meta: dict[str, Any]  # as MkDocs' page.meta (mkdocs_meta)
    content: str  # the page's HTML with the permalinks of mkdocs.yml's toc settings
    toc: list[dict[str, Any]]  # the headings the table of contents lists, as tokens for get_toc
    anchors: set[str]


class Planned(NamedTuple):
    """What a build needs of the project beside the pages themselves: made where the project is loaded
    (in MkDocs' process, or in the worker rendering pages ahead, which sends it)."""

    problems: list[Problem]  # the project's errors (then nothing else is planned)
    warnings: list[str]  # reported at INFO
    generated: list[str]  # the URI of every generated page, sorted
    drafts: list[str]  # the pages of draft claims (mkdocs serve only)
    assets: frozenset[str]  # the other generated files: data files, feeds, redirects, the stylesheet
    replaced: frozenset[str]  # the pages that take the place of an article's file
    dates: dict[str, dt.date]  # see pages.page_dates
    newest: dt.date | None
    metas: dict[str, PageMeta]  # from the worker: the metadata of the navigation's pages (else the page writer gives it)
    site_card: tuple[str, str]
    cards: frozenset[str]  # the pages' own share cards
    drawn: dict[str, Path]  # each share card's file, by URI
    drawn_count: int  # cards drawn now (not found in the cache)


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
    written = False  # written already (before the pages were handed to a worker): MkDocs need not write it

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
        if self.written or (dirty and not self.is_modified()):
            return
        for _ in self.write_steps():
            pass

    def write_steps(self) -> Iterator[None]:
        """Writing the file, a step for each piece."""
        output_path = self.abs_dest_path
        os.makedirs(os.path.dirname(output_path), exist_ok=True)
        with open(output_path, "w", encoding="utf-8") as output:  # as MkDocs writes a file's text
            for piece in self.make():
                output.write(piece)
                yield


def _one(text: str) -> tuple[str]:
    return (text,)


def _theme_separator(config: MkDocsConfig) -> str:
    """The word separator the theme's search uses by default for the theme's language: its translation of
    ``search.config.separator``, read as mkdocs-material's search plugin reads it."""
    template = config.theme.get_env().get_template("partials/language.html", None, {"config": config})
    return str(template.module.t("search.config.separator"))  # type: ignore[attr-defined]


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
    ahead: RenderedAhead[FinishedPage] | None = None  # mkdocs build: the worker rendering pages ahead
    metas: dict[str, PageMeta]  # with a worker: the navigation's pages' metadata, sent before their pages
    live: serve_rebuild.Live | None = None  # while serving: MkDocs' objects of the last full build

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.dirty_serve = dirty
        self.previous = serve_rebuild.Previous()
        self.watcher: serve_rebuild.Watcher | None = None
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
        # the symlink rule before MkDocs collects the files: it walks docs_dir following links, so a link to
        # /etc would list every file there in the log, and a link to / would never end
        links = folder_problems(project_folders(self.settings), self.settings.root)
        if links:
            raise PluginError(ProblemsFound(links).report())
        if STYLESHEET not in config.extra_css:
            config.extra_css.append(STYLESHEET)
        if (missing := self.settings.site_url_missing()) and not self.serving:
            log.warning(f"{missing.path}: {missing.field}: {missing.message}")  # --strict stops on it
        config.extra[FEED_LINKS] = feed_links(self.settings.site_url)  # overrides/main.html links them
        self.toc = TocSettings.of(config.mdx_configs.get("toc") or {})
        self._stop_ahead()
        if not self.serving and worthwhile(_claim_files(self.settings), self.config.render_workers):
            # started now, so the project loads while MkDocs collects the files (on_files takes what it sent)
            self.ahead = RenderedAhead(functools.partial(self._in_worker, config))
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
                self.previous = serve_rebuild.Previous()  # a full build: nothing of the previous one is relied on
                self.live = None
                back_in_collections()
            else:
                self.previous.ready = False  # until this build finishes
            self.previous.outside = serve_rebuild.outside_files(self, config)
            self.built: set[str] = set()

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        # the symlink rule for every file MkDocs collected (static files too) and the theme's overrides
        links = collected_problems((Path(f.abs_src_path) for f in files if f.abs_src_path), self.settings.root)
        if config.theme.custom_dir:
            links += folder_problems([("theme.custom_dir", Path(config.theme.custom_dir))], self.settings.root)
        planned = None
        if self.ahead is not None:  # started by on_config
            planned = self.ahead.receive()
            if not isinstance(planned, Planned):  # the worker failed first: the project is loaded here
                self._stop_ahead()
        if isinstance(planned, Planned):
            self.failed = None
            self.live_config = config
            log.debug(f"claims: pages rendered ahead by worker process {self.ahead.pid}")  # type: ignore[union-attr]
            self.writer = None  # type: ignore[assignment]
            makers: dict[str, Callable[[], Iterable[str]]] = {}
            parts: dict[str, list[str]] = {}
        else:
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
            planned, makers = self._planned(site)
            # other files than pages get their content, made when MkDocs writes them in a build (not held:
            # the data files of 10,000 claims are over 100 MB of text)
            parts = {uri: list(make()) for uri, make in makers.items()} if self.serving else {}
        if planned.problems or links:
            raise PluginError(ProblemsFound(dict.fromkeys([*planned.problems, *links])).report())
        for warning in planned.warnings:
            log.info(warning)
        self.digests: dict[str, str] = {}
        self.inputs: dict[str, object] = {}
        self.kept: set[str] = set()  # unchanged pages a partial build leaves out: their output stays as it is
        self.dates, self.newest = planned.dates, planned.newest
        self.metas = planned.metas
        self.generated = set(planned.generated)
        drafts = set(planned.drafts)  # empty unless serving
        # Pages get an empty placeholder (rendered when built)
        for uri in sorted(self.generated | set(planned.assets)):
            existing = files.get_file_from_path(uri)
            if existing is not None:
                if uri not in planned.replaced:
                    raise PluginError(f"{uri}: this page is generated by the claims plugin; "
                                      f"move or rename {existing.src_uri} in {config.docs_dir}")
                files.remove(existing)
            in_nav = _in_nav(uri)
            unchanged = self.partial and serve_rebuild.unchanged(self, uri, parts.get(uri))
            if unchanged and not in_nav and uri not in makers:
                self.kept.add(uri)  # MkDocs never sees it: no page object, nothing read, nothing written
                continue
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            if uri in drafts:
                inclusion = InclusionLevel.DRAFT  # built by mkdocs serve only
            if uri in planned.assets and not self.serving:
                file = MadeFile.generated(config, uri, content="", inclusion=inclusion)
                if uri in makers:
                    file.make = makers[uri]
                else:  # written by the worker
                    file.make = functools.partial(_read_text, file.abs_dest_path)
                    file.written = True
            else:
                file = GeneratedFile.generated(config, uri, content="".join(parts.get(uri, ())), inclusion=inclusion)
            file.unchanged = unchanged
            files.append(file)
        self.files = files
        self.assets = parts
        self.drafts, self.cards = frozenset(drafts), planned.cards
        self.site_card = planned.site_card
        for uri, path in planned.drawn.items():
            files.append(File.generated(config, uri, abs_src_path=str(path), inclusion=InclusionLevel.NOT_IN_NAV))
        if planned.drawn_count:
            log.info(f"claims: drew {planned.drawn_count} share card(s) into {self.settings.cache_dir}")
        if self.ahead is not None:
            self.ahead.expect(planned.generated)
        return files

    def _planned(self, site: Site) -> tuple[Planned, dict[str, Callable[[], Iterable[str]]]]:
        """What this build needs of a project without errors, beside the pages themselves (which
        ``self.writer``, made here, renders), and the makers of the other files, by URI."""
        reuse = None
        if self.serving:
            reuse = self.previous.reuse
            reuse.next_build()
        share = share_cards(site)
        self.writer = PageWriter(site, environment(self.settings.templates_dir, self.compiled), reuse, share,
                                 drafts=self.serving)
        dates, newest = page_dates(site)
        paths = Routes(self.settings.directory_urls, self.settings.articles_prefix)
        makers = self.writer.asset_makers()
        site_card = share.for_site()
        cache = CardCache(self.settings.cache_dir, self.settings.scale)
        drawn = {uri: cache.path(card) for uri, card in share.cards.items()}
        cache.prune(drawn.values())
        return Planned(
            problems=[], warnings=[str(warning) for warning in site.warnings], generated=self.writer.uris(),
            drafts=self.writer.draft_uris(), assets=frozenset(makers),
            replaced=frozenset(paths.article(article_id) for article_id in site.articles), dates=dates,
            newest=newest, metas={}, site_card=site_card, cards=frozenset(share.cards), drawn=drawn,
            drawn_count=cache.drawn), makers

    def _in_worker(self, config: MkDocsConfig, send: Callable[[object], None]) \
            -> tuple[Callable[[str], FinishedPage], list[str], Iterable[None]]:
        """In the worker (ahead.py), started before the project is loaded: the project loaded and what the
        build needs of it sent to MkDocs' process (with the metadata of the pages in the navigation, whose
        titles every page shows; the others' comes with each page); then the pages to render, in the order
        MkDocs builds them (on_files adds them sorted), and writing the data files as chores between them.
        So the project is in this process only."""
        site = load_project(self.settings)
        gc.freeze()  # as loading does (collector.paused_gc), but for good: this process ends with the build
        if site.errors:
            send(Planned(problems=site.errors, warnings=[], generated=[], drafts=[], assets=frozenset(),
                         replaced=frozenset(), dates={}, newest=None, metas={}, site_card=("", ""),
                         cards=frozenset(), drawn={}, drawn_count=0))
            return self._render, [], ()  # no pages to render
        planned, makers = self._planned(site)
        writer = self.writer
        send(planned._replace(metas={uri: writer.meta(uri) for uri in planned.generated if _in_nav(uri)}))
        files = []
        for uri, make in makers.items():
            file = MadeFile.generated(config, uri, content="")
            file.make = make
            files.append(file)
        steps = itertools.chain.from_iterable(file.write_steps() for file in files)
        return self._render, sorted(planned.generated), steps

    def _render(self, uri: str) -> FinishedPage:
        """The page at ``uri``, finished by this process's page writer (the worker's: see ``_in_worker``)."""
        return _finished(self.toc, self.writer.page(uri))

    def _writer_here(self) -> PageWriter:
        """The page writer of this process, when the worker did not render a page (asked for out of its
        order, or it failed): the project is loaded here and the data files are written again, as the
        worker may not have written them all; the worker is stopped, and every page from now on is
        rendered here. The pages, files and any error are the same either way."""
        if self.writer is None:
            self._stop_ahead()
            site = load_project(self.settings)
            if site.errors:
                raise PluginError(ProblemsFound(dict.fromkeys(site.errors)).report())
            _, makers = self._planned(site)
            for file in self.files:
                if isinstance(file, MadeFile) and file.written:
                    file.make, file.written = makers[file.src_uri], False
                    file.copy_file()
        return self.writer

    def _stop_ahead(self) -> None:
        if self.ahead is not None:
            self.ahead.close()
            self.ahead = None

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
            inclusion = InclusionLevel.UNDEFINED if _in_nav(uri) else InclusionLevel.NOT_IN_NAV
            files.append(GeneratedFile.generated(config, uri, content="", inclusion=inclusion))
            self.error_pages.add(uri)
        self.files = files
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """A hand-written page: the rating definitions of mkdocs.yml in place of ``<!-- claims:ratings -->``
        and ``<!-- claims:rating-values -->``, and each ``[Placeholder: ...]`` reported (at INFO, or WARNING
        with ``placeholders: warn``). A generated page's Markdown is empty (its HTML comes when built)."""
        if page.file.src_uri in self.generated:
            return markdown
        report = log.warning if self.settings.placeholders == "warn" else log.info
        path = self.settings.shown(self.settings.docs_dir / page.file.src_uri)
        for found in placeholders(page.file.content_string):  # the whole file: lines as people see them
            report(found.report(path))
        return insert_ratings(markdown, self.settings.scale)

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """A generated page is not converted from Markdown: only its metadata is set now."""
        if page.file.src_uri in self.generated:
            page.render = functools.partial(self._prepare, page)  # type: ignore[method-assign]
        return page

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        return "" if page.file.src_uri in self.generated else None

    def _prepare(self, page: Page, config: MkDocsConfig, files: Files) -> None:
        """Page.render for a generated page: the title and metadata (with a worker, only for the pages in
        the navigation: the others get theirs when built), with an empty body until it is built."""
        meta = self._meta(page.file.src_uri)
        page.meta = {} if meta is None else mkdocs_meta(meta)
        page.content = ""
        page.toc = get_toc([])

    def on_nav(self, nav: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self.nav = nav
        self.nav_pages = list(nav.pages)
        if self.ahead is not None and any(page.file.src_uri in self.generated and page.file.src_uri not in self.metas
                                          for page in self.nav_pages):
            self._writer_here()  # mkdocs.yml's nav names a page whose title the worker did not send
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
                if page.file.src_uri in self.generated and (meta := self._meta(page.file.src_uri)) is not None:
                    page.meta = mkdocs_meta(meta)
        return env

    def _meta(self, uri: str) -> PageMeta | None:
        """A generated page's metadata before it is built; None: it comes with the page (from the worker)."""
        if self.writer is None:  # a worker has the project
            return self.metas.get(uri)
        return self.writer.meta(uri)

    @event_priority(100)  # before the search plugin indexes the page
    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.failed is not None:
            if page.file.src_uri in self.error_pages:
                page.meta["search"] = {"exclude": True}
            return context
        if self.serving:
            self.built.add(page.url)
        if page.file.src_uri in self.generated:
            uri = page.file.src_uri
            finished = None
            if self.ahead is not None:
                finished = self.ahead.take(uri)
                self.metas.pop(uri, None)  # read long ago: not kept until the end
            if finished is None:
                try:
                    if self.writer is None:  # out of the worker's order, or it failed: rendered here
                        self._writer_here().meta(uri)  # first, as when the page was read
                    generated = self.writer.page(uri)
                except UnsafePage as error:
                    raise PluginError(f"{uri}: {error}") from None
                if self.serving:
                    self.digests[uri] = serve_rebuild.page_digest(generated)
                finished = _finished(self.toc, generated)
            page.meta = finished.meta
            page.content = finished.content
            page.toc = get_toc(finished.toc)
            page.present_anchor_ids = finished.anchors
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
        if self.ahead is not None and not self.ahead.finished():  # the worker did not write every data file
            self._writer_here()  # which writes them
        self._stop_ahead()
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
        serve_rebuild.record_build(self, config)

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_ahead()
        self.previous.ready = False
        self.live = None

    def on_serve(self, server, /, *, config: MkDocsConfig, builder):  # type: ignore[no-untyped-def]
        self.watcher = serve_rebuild.watch(self, server)
        if not self.dirty_serve:
            server.builder = functools.partial(serve_rebuild.rebuild, self, builder, config)
        return server

    def on_shutdown(self) -> None:
        self._stop_ahead()
        if self.watcher is not None:
            self.watcher.stop()


def _finished(toc: TocSettings, page: GeneratedPage) -> FinishedPage:
    """A generated page as MkDocs is given it."""
    return FinishedPage(mkdocs_meta(page.meta), toc.permalinked(page), toc_tokens(toc.listed(page.toc)), set(page.anchors))


def _in_nav(uri: str) -> bool:
    """Whether a generated page is in the navigation MkDocs makes (the others are not in it)."""
    return uri in NAV_PAGES or uri.endswith("/index.md")


def _claim_files(settings: Settings) -> int:
    """How many claim files there are (before loading them: whether rendering ahead pays)."""
    try:
        with os.scandir(settings.claims_dir) as entries:
            return sum(1 for entry in entries if entry.name.endswith(".yaml") and not hidden(entry.name))
    except OSError:
        return 0


def _read_text(path: str) -> tuple[str]:
    with open(path, encoding="utf-8") as written:
        return (written.read(),)


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
        sections = tuple(heading for heading in page.toc if heading.level > 1)  # the title: no permalink
        return with_permalinks(page.html, sections, symbol, self.css_class, self.title, self.leading)
