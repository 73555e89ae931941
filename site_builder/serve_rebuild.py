"""MkDocs glue for ``mkdocs serve``: after the first build, rebuild only what an edit changes.

plugin.py translates MkDocs' hooks; while serving, it hands this module the rest:

- ``watch``: the claims folder is watched by the system's own file events (inotify on Linux) as well as
  by polling, so a saved claim starts a rebuild at once instead of at the next look; a polled change
  that the file events already reported does not start a second one (see Watcher).
- ``rebuild``: the server's builder. An edit confined to claims and articles is built without MkDocs'
  build (``rebuild_pages``); anything else it cannot follow gets MkDocs' partial (dirty) build or, when
  files outside claims and articles changed, MkDocs' full build.
- ``record_build``: after each build, what it made (pages' inputs, data files' text, URLs, search
  entries, sitemaps), so that the next edit can be compared with it.

Anything that cannot be shown to give what a full build would gives the slower path, never a different site.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page, build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from . import reload as reloading
from .cards import CardCache
from .collector import keep_out_of_collections, paused_gc
from .pages import GeneratedPage, PageWriter, Reuse, page_dates, share_cards
from .polled_folder import Changes, PolledFolder
from .render import environment

if TYPE_CHECKING:
    from .plugin import ClaimsPlugin

log = logging.getLogger("mkdocs.plugins.claims")

Parts = list[str]  # a generated file (not a page) as the pieces of text it is written from


@dataclass
class Previous:
    """What the previous build made, while serving: enough to rebuild only what an edit changes."""

    ready: bool = False  # a build finished and everything below describes it
    pages: dict[str, tuple[object, str | None]] = field(default_factory=dict)  # uri -> (inputs, digest)
    assets: dict[str, Parts] = field(default_factory=dict)  # uri -> its text, in pieces (see ``same_text``)
    sizes: dict[str, list[int]] = field(default_factory=dict)  # uri -> the UTF-8 size of each of those pieces
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
    matches: bool = True  # the site has those pages now (a partial build since may have added or removed some)


def page_url(url: str) -> str:
    return "" if url in (".", "./") else url


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def page_digest(page: GeneratedPage) -> str:
    return digest(repr((page.html, page.meta, page.toc)))


def same_text(before: Parts | None, now: Parts) -> bool:
    """Whether a file's pieces are those it had before. The pieces of the data files are each claim's
    part, remembered while serving (pages.Reuse), so an unchanged claim's piece is the very same object
    and the comparison is mostly by identity (no hash of tens of megabytes). Pieces cut differently
    count as a change: the file is written again, with the same bytes."""
    return before is not None and before == now


def _size(part: str) -> int:
    """The UTF-8 size of a piece (an ASCII piece's is its length: nothing to encode)."""
    return len(part) if part.isascii() else len(part.encode("utf-8"))


def write_parts(path: str, parts: Parts, before: Parts | None = None, sizes: list[int] | None = None) -> list[int]:
    """A generated file written from its pieces, as MkDocs writes a file's text (UTF-8, lines as they
    are). With ``before``, the pieces the file holds now: written from the first piece that differs
    (the data files of 10,000 claims are 145 MB; an edit changes a claim's part of each), unless the
    file is not the size those pieces make (then written whole). ``sizes``: the UTF-8 size of each
    piece of ``before``, as the last call returned them (else worked out again). Returns the size of
    each piece of ``parts``."""
    written: list[int] = []

    def encoded(pieces: Parts) -> Iterator[bytes]:
        for piece in pieces:
            data = piece.encode("utf-8")
            written.append(len(data))
            yield data

    if before is not None:
        start = next((number for number, (old, new) in enumerate(zip(before, parts)) if old is not new and old != new),
                     min(len(before), len(parts)))
        if sizes is None or len(sizes) != len(before):
            sizes = [_size(part) for part in before]
        offset = sum(sizes[:start])
        try:
            with open(path, "r+b") as output:
                if output.seek(0, os.SEEK_END) == offset + sum(sizes[start:]):
                    output.seek(offset)
                    written += sizes[:start]
                    output.writelines(encoded(parts[start:]))
                    output.truncate()
                    return written
        except OSError:
            written.clear()  # the sizes of a write that failed half way
    with open(path, "wb") as output:
        output.writelines(encoded(parts))
    return written


def unchanged(plugin: ClaimsPlugin, uri: str, parts: Parts | None) -> bool:
    """Whether a generated file is the same as in the previous build (partial builds only)."""
    previous = plugin.previous
    if parts is not None:
        return same_text(previous.assets.get(uri), parts)
    before = previous.pages.get(uri)
    if before is None or uri in previous.overwritten:
        return False
    inputs = plugin.inputs[uri] = plugin.writer.inputs(uri)
    if inputs is not None:
        return inputs == before[0]
    page_hash = plugin.digests[uri] = page_digest(plugin.writer.page(uri))
    return page_hash == before[1]


# -- watching ---------------------------------------------------------------------------------------

# The file events that change a file (not opening or reading one: loading reads every claim file).
_CHANGES = ("created", "deleted", "modified", "moved", "closed")


def _state(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _paths(event: Any) -> list[str]:
    return [path for path in (event.src_path, getattr(event, "dest_path", "")) if path]


POLL_SECONDS = 0.5  # between looks at the claims folder, as MkDocs' server looks at docs_dir
CONFIRMED_POLL_SECONDS = 5.0  # once the folder's file events are seen to work


class Watcher:
    """The claims folder, watched twice: by the system's file events (inotify on Linux, FSEvents on macOS,
    ReadDirectoryChangesW on Windows: a rebuild starts as soon as a file is saved), and by polling, as
    MkDocs' server watches docs_dir (the only watch that sees changes where file events do not come, as
    in some containers and network drives). A polled change starts a rebuild unless the file events
    already reported the file as it is now. Once they have (file events work here), the folder is polled
    every CONFIRMED_POLL_SECONDS instead of every half second (a look at 10,000 files takes about 35 ms of
    CPU: polled_folder.py). And no look is taken while a rebuild runs (``rebuilding``): the rebuild looks
    at every file itself, and the look after it sees what changed meanwhile."""

    def __init__(self, server: Any, folder: str):
        self.server = server
        self.folder = os.path.abspath(folder)
        self.reported: dict[str, tuple[int, int] | None] = {}  # by file events: path -> its state then
        self.lock = threading.Lock()
        self.native: Any = None
        self.polling: PolledFolder | None = None
        self.confirmed = False  # a polled change was one the file events had reported
        self.idle = threading.Event()  # clear while a rebuild runs: polling waits
        self.idle.set()

    @contextmanager
    def rebuilding(self) -> Iterator[None]:
        """Polling waits while the server rebuilds (a look already under way finishes)."""
        self.idle.clear()
        try:
            yield
        finally:
            self.idle.set()

    def start(self) -> bool:
        """Watch the folder (False: the server cannot be asked for a rebuild this way; nothing done)."""
        server = self.server
        if not isinstance(getattr(server, "_rebuild_cond", None), threading.Condition) \
                or not hasattr(server, "_want_rebuild"):
            return False
        import watchdog.events as events
        from watchdog.observers import Observer

        watcher = self

        class Native(events.FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                if event.is_directory or event.event_type not in _CHANGES:
                    return
                with watcher.lock:
                    for path in _paths(event):
                        watcher.reported[path] = _state(path)
                watcher.request()

        self.polling = PolledFolder(self.folder, POLL_SECONDS, self.polled, self.idle)
        self.polling.start()
        try:
            native = Observer()
            kinds = [events.FileCreatedEvent, events.FileDeletedEvent, events.FileModifiedEvent,
                     events.FileMovedEvent, *([events.FileClosedEvent] if hasattr(events, "FileClosedEvent") else [])]
            try:
                native.schedule(Native(), self.folder, recursive=True, event_filter=kinds)
            except TypeError:  # watchdog before 4: no filter (the handler keeps to _CHANGES)
                native.schedule(Native(), self.folder, recursive=True)
            native.daemon = True
            native.start()
        except Exception as error:  # no file events here (inotify's limits, an unsupported system): polling only
            log.info(f"claims: {self.folder} is watched by polling only ({error})")
            return True
        self.native = native
        return True

    def polled(self, changes: Changes) -> None:
        """What a look found changed: a rebuild, unless the file events reported each file as it is now;
        when they did, they work here, and the folder is polled less often from then on (what changes
        meanwhile, they report)."""
        with self.lock:
            seen = all(self.reported.get(path, ()) == state for path, state in changes.items())
            confirmed, self.confirmed = self.confirmed, self.confirmed or seen
            polling = self.polling
        if not seen:
            self.request()
        elif not confirmed and polling is not None:
            polling.seconds = CONFIRMED_POLL_SECONDS
            log.info(f"claims: file events come for {self.folder}: it is polled every {CONFIRMED_POLL_SECONDS:g} s "
                     "from now on, in case they stop")

    def request(self) -> None:
        """Ask the server for a rebuild, as its own watches do."""
        condition = self.server._rebuild_cond
        with condition:
            self.server._want_rebuild = True
            condition.notify_all()

    def stop(self) -> None:
        with self.lock:
            native, polling, self.native, self.polling = self.native, self.polling, None, None
        if polling is not None:
            polling.stop()
        if native is not None:
            native.stop()
            native.join(5)


def watch(plugin: ClaimsPlugin, server: Any) -> Watcher | None:
    """The folders the plugin reads beside docs_dir: claims (see Watcher) and templates."""
    server.watch(str(plugin.settings.templates_dir))
    watcher = Watcher(server, str(plugin.settings.claims_dir))
    if watcher.start():
        return watcher
    server.watch(str(plugin.settings.claims_dir))
    return None


# -- rebuilding --------------------------------------------------------------------------------------

def rebuild(plugin: ClaimsPlugin, full_build: Any, config: MkDocsConfig) -> None:
    """MkDocs' server calls this after a change: a partial build when only claims or articles
    changed since the previous build began, else MkDocs' own full build. The claims folder is not
    polled meanwhile (Watcher.rebuilding)."""
    watcher = plugin.watcher
    with watcher.rebuilding() if watcher is not None else nullcontext():
        return _rebuild(plugin, full_build, config)


def _rebuild(plugin: ClaimsPlugin, full_build: Any, config: MkDocsConfig) -> None:
    if not plugin.previous.ready or outside_files(plugin, config) != plugin.previous.outside:
        return full_build()
    with paused_gc():  # its garbage (the last rebuild's page writer) is collected after, not while the page waits
        if rebuild_pages(plugin):
            return None
    fresh = load_config(config_file=config.config_file_path, site_dir=config.site_dir, strict=config.strict,
                        use_directory_urls=config.use_directory_urls)
    fresh.site_url = config.site_url
    log.info("Building the pages that changed...")
    plugin.partial = True
    try:
        with dirty_warning_left_out():
            build(fresh, serve_url=config.site_url, dirty=True)
    finally:
        plugin.partial = False


def rebuild_pages(plugin: ClaimsPlugin) -> bool:
    """An edit confined to claims and articles, without MkDocs' build: the files that changed are
    loaded again, and the pages and files they change are built again with MkDocs' own page
    building, into the navigation, theme and files of the last full build (no page is added or
    removed, so those stay right). False, with nothing done, when that cannot be shown to give what
    a build would: files added or removed, problems, drafts published or withdrawn, a plugin other
    than ours and the search, an error page still shown. A share card drawn for an edited title is
    copied into the site (the old one removed)."""
    live, previous = plugin.live, plugin.previous
    if live is None or not live.matches or previous.overwritten or plugin.failed is not None or not previous.search_head:
        return False
    search = live.config.plugins.get("material/search") or live.config.plugins.get("search")
    entries = getattr(getattr(search, "search_index", None), "entries", None)
    if set(live.config.plugins) - {"material/search", "search", "claims"} or not isinstance(entries, list):
        return False
    reloaded = reloading.reload(plugin.loaded)
    if reloaded is None:
        return False
    loaded, edited = reloaded
    if not edited:
        plugin.loaded = loaded
        log.info("claims: nothing to build again (the files saved have the same text)")
        return True
    site = loaded.project
    reuse = previous.reuse
    kept = reuse.previous, reuse.current
    reuse.next_build()
    share = share_cards(site)
    writer = PageWriter(site, environment(plugin.settings.templates_dir, plugin.compiled), reuse, share, drafts=True)
    assets = {uri: list(make()) for uri, make in writer.asset_makers().items()}
    share.for_site()
    if (frozenset(writer.uris()) != live.uris or frozenset(writer.draft_uris()) != live.drafts
            or set(assets) != set(previous.assets)):
        reuse.previous, reuse.current = kept  # as if not tried: MkDocs' build reuses the same work
        return False
    log.info("Building the pages that changed...")
    for warning in site.warnings:  # those of the files saved (a full build gives every file's)
        if warning.path in edited:
            log.info(str(warning))
    before, plugin.loaded, plugin.writer = plugin.writer, loaded, writer
    dates_before = plugin.dates, plugin.newest
    plugin.dates, plugin.newest = page_dates(site)
    changed: dict[str, object] = {}  # uri -> its inputs
    candidates = writer.pages_of_claims(before)  # the pages whose inputs may differ (None: any)
    for uri in writer.uris() if candidates is None else sorted(candidates):
        before = previous.pages.get(uri)
        inputs = writer.inputs(uri)
        if before is not None and inputs is not None and inputs == before[0]:
            continue
        if before is not None and inputs is None and page_digest(writer.page(uri)) == before[1]:
            continue
        changed[uri] = inputs
    try:
        plugin.built, plugin.digests = set(), {}
        start = len(entries)
        doc_files = live.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for uri in changed:
            file = live.files.get_file_from_path(uri)
            page = file.page  # type: ignore[union-attr]
            _populate_page(page, live.config, live.files)
            if (date := plugin.dates.get(uri, plugin.newest)) is not None:
                page.update_date = date.isoformat()
            _build_page(page, live.config, doc_files, live.nav, live.env, excluded=file.inclusion.is_excluded())  # type: ignore[union-attr]
            previous.pages[uri] = (changed[uri], plugin.digests.get(uri))
        site_dir = Path(live.config.site_dir)
        cache = CardCache(plugin.settings.cache_dir, plugin.settings.scale)
        for uri in sorted(set(share.cards) - live.cards):  # a card drawn for an edited title
            (site_dir / uri).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / uri).write_bytes(cache.path(share.cards[uri]).read_bytes())
        for uri in sorted(live.cards - set(share.cards)):
            (site_dir / uri).unlink(missing_ok=True)
        live.cards = set(share.cards)
        for uri, parts in assets.items():
            if not same_text(previous.assets.get(uri), parts):
                previous.sizes[uri] = write_parts(previous.outputs[uri], parts, previous.assets.get(uri),
                                                  previous.sizes.get(uri))
            previous.assets[uri] = parts
        fresh: dict[str, list[Any]] = {url: [] for url in map(page_url, plugin.built)}
        for doc in entries[start:]:
            fresh.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
        del entries[start:]
        previous.search.update(fresh)
        docs = [doc for uri in previous.order for doc in previous.search.get(page_url(previous.urls[uri]), [])]
        index = Path(live.config.site_dir) / "search" / "search_index.json"
        index.write_text(json.dumps({**previous.search_head, "docs": docs}, separators=(",", ":"), default=str),
                         encoding="utf-8")
        if (plugin.dates, plugin.newest) != dates_before:
            _sitemap_again(plugin, live)
    except BaseException:
        previous.ready = False  # the site is half written: the next change builds it all
        raise
    log.info(f"claims: built {len(changed)} page(s) again")
    return True


def _sitemap_again(plugin: ClaimsPlugin, live: Live) -> None:
    """The sitemap (and its .gz) written again with every page's date now, as MkDocs' build writes it
    (an edit changed a date: of its claim's pages, or the newest, which pages without one of their own
    take); kept as the full build's for the partial builds after (record_build)."""
    for file in live.files.documentation_pages():
        if file.page is not None and (date := plugin.dates.get(file.src_uri, plugin.newest)) is not None:
            file.page.update_date = date.isoformat()
    _build_theme_template("sitemap.xml", live.env, live.files, live.config, live.nav)
    plugin.previous.sitemaps = [path.read_bytes() if path.is_file() else None
                                for path in _sitemaps(Path(live.config.site_dir))]


def _sitemaps(site_dir: Path) -> list[Path]:
    return [site_dir / "sitemap.xml", site_dir / "sitemap.xml.gz"]


def record_build(plugin: ClaimsPlugin, config: MkDocsConfig) -> None:
    """After a build while serving (on_post_build): what it made, for the next edit's partial build; the
    search index and sitemap made whole again after a partial build; files no longer generated removed."""
    previous = plugin.previous
    site_dir = Path(config.site_dir)
    built = {file.src_uri: file for file in plugin.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)}
    urls = {**{uri: previous.urls[uri] for uri in plugin.kept}, **{uri: file.url for uri, file in built.items()}}
    known = set(previous.order)  # new pages go last, in the order MkDocs built them (the search index's)
    order = [uri for uri in previous.order if uri in urls] + [uri for uri in urls if uri not in known]
    search = site_dir / "search" / "search_index.json"
    if search.is_file():
        index = json.loads(search.read_text(encoding="utf-8"))
        fresh: dict[str, list[Any]] = {}
        for doc in index.get("docs", []):
            fresh.setdefault(doc["location"].split("#", 1)[0], []).append(doc)
        if plugin.partial:  # the search plugin indexed only the pages built now: keep the others' entries
            for url in plugin.built:
                previous.search[url] = fresh.get(url, [])
            docs = [doc for uri in order for doc in previous.search.get(page_url(urls[uri]), [])]
            search.write_text(json.dumps({**index, "docs": docs}, separators=(",", ":"), default=str),
                              encoding="utf-8")
        else:
            previous.search = fresh
            previous.search_head = {key: value for key, value in index.items() if key != "docs"}
        previous.search = {url: previous.search.get(url, []) for url in map(page_url, urls.values())}
    sitemaps = _sitemaps(site_dir)
    if plugin.partial:  # MkDocs wrote it with the pages of this build only: the full one stays
        for path, content in zip(sitemaps, previous.sitemaps):
            if content is not None:
                path.write_bytes(content)
    else:
        previous.sitemaps = [path.read_bytes() if path.is_file() else None for path in sitemaps]
    outputs = {uri: previous.outputs[uri] for uri in plugin.kept}
    for uri in plugin.generated | set(plugin.assets):
        if (file := plugin.files.get_file_from_path(uri)) is not None:
            outputs[uri] = file.abs_dest_path
    written = set(outputs.values())  # a renamed claim's former page is now its redirect, at the same path
    for uri, gone in previous.outputs.items():  # pages and files no longer generated
        if uri not in outputs and gone not in written and os.path.isfile(gone):
            os.remove(gone)
            if gone.endswith(os.sep + "index.html"):
                try:
                    os.rmdir(os.path.dirname(gone))
                except OSError:
                    pass
    previous.outputs = outputs
    previous.urls = urls
    previous.order = order
    previous.pages = {uri: previous.pages[uri] if uri in plugin.kept else
                      (plugin.inputs[uri] if uri in plugin.inputs else plugin.writer.inputs(uri),
                       plugin.digests.get(uri) or previous.pages.get(uri, (None, None))[1])
                      for uri in plugin.generated}
    previous.assets = plugin.assets
    previous.sizes = {}  # written by MkDocs: worked out again when first needed
    previous.overwritten = set()
    previous.ready = True
    if not plugin.partial:
        plugin.live = Live(plugin.live_config, plugin.files, plugin.nav, plugin.env, frozenset(plugin.generated),
                           plugin.drafts, set(plugin.cards))
        keep_out_of_collections()
    elif plugin.live is not None:  # share cards no page shows any more (MkDocs copied the new ones)
        for uri in sorted(plugin.live.cards - plugin.cards):
            (site_dir / uri).unlink(missing_ok=True)
        plugin.live.cards = set(plugin.cards)
        # pages added or gone since the full build: its files and navigation are not those of the site now
        plugin.live.matches = frozenset(plugin.generated) == plugin.live.uris and plugin.drafts == plugin.live.drafts


def outside_files(plugin: ClaimsPlugin, config: MkDocsConfig) -> dict[str, tuple[int, int]]:
    """Size and time of each file a partial build cannot follow: mkdocs.yml, templates, theme
    overrides, hand-written pages, watched paths (everything but claims and articles)."""
    settings = plugin.settings
    roots = [str(settings.templates_dir), config.docs_dir, *config.watch]
    if config.theme.custom_dir:
        roots.append(config.theme.custom_dir)
    skip = {os.path.abspath(settings.articles_dir), os.path.abspath(settings.claims_dir)}
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
def dirty_warning_left_out() -> Iterator[None]:
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
