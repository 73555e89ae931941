"""Every generated page as a file, for engines that run no plugins (Zensical).

``write_project`` fills one folder with a complete project for such an engine:

- ``docs/``: the site's own pages (docs_dir, articles left out), then every page the plugin generates,
  from the same code (``pages.PageWriter``), with the stylesheet, data files, feeds and redirects, each
  written as it is made (a site of 20,000 claims is never held at once);
- ``overrides/``: a copy of the theme's custom_dir, without the overrides of mkdocs-material
  components that Zensical replaces (``THEME_ONLY``);
- ``mkdocs.yml``: ``INHERIT``s the site's own mkdocs.yml (the engine reads it, tags and all) and sets
  what the plugin would otherwise set: docs_dir, the stylesheet, the overrides, and generated pages out
  of the navigation.

The folder is ours: it is written only when new, empty or written by us before (a marker file says
so); a person's folder is never overwritten.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import yaml

from .cards import CardCache
from .config import read_config
from .errors import Refused
from .pages import generated_files, insert_ratings, placeholders, share_cards
from .paths import hidden
from .project import load_site
from .render import environment
from .routes import CLAIMANTS, CLAIMS, FEED_LINKS, RATINGS, STYLESHEET, TAGS, feed_links
from .safehtml import UnsafePage
from .settings import Settings

MARKER = ".site-builder-generated"
SITE_CARD = "claim_site_card"  # config.extra: the site's share card, for overrides/main.html
DOCS = "docs"
CONFIG = "mkdocs.yml"
OVERRIDES = "overrides"
# Overrides of mkdocs-material partials that Zensical's theme replaces with other components: with ours,
# its search would find nothing (its own search dialog already has the accessible name ours adds).
THEME_ONLY = ("partials/search.html",)
# Generated sections: only their index pages belong in the navigation (as with the plugin).
SECTIONS = (CLAIMS, RATINGS, TAGS, CLAIMANTS)


def write_engine_project(settings: Settings, config_file: Path, out: Path) -> str:
    """Load and check the project, then write its engine project into ``out``; what was written and how
    to build it. Raises ProblemsFound (nothing written) or Refused (a folder that is not ours)."""
    site = load_site(settings)
    share = share_cards(site)
    files = generated_files(site, environment(settings.templates_dir), share, links_to_files=True)
    card, alt = share.for_site()  # shown by every page without a card of its own, as the plugin does
    count = write_project(settings, config_file, read_config(config_file.resolve()), files, out,
                          site_card={"image": (settings.site_url or "/") + card, "alt": alt})
    cache = CardCache(settings.cache_dir, settings.scale)
    for uri, card in share.cards.items():  # the share cards, drawn (or taken from the cache) into docs/
        target = out / DOCS / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cache.path(card), target)
    return (f"wrote {count} pages into {out / DOCS} and {out / CONFIG}; "
            f"build with: zensical build -f {out / CONFIG}")


def prepare(out: Path) -> None:
    """Make ``out`` an empty folder of ours; raise Refused for a folder a person made or filled."""
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise Refused(f"{out} is not a folder (expected a new or empty folder, or one written by generate)")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise Refused(f"{out} is not empty and was not written by site-builder generate "
                          "(expected a new or empty folder; choose another)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("Written by site-builder generate; the whole folder is replaced on the next run.\n",
                              encoding="utf-8")


def write_project(settings: Settings, config_file: Path, site_config: Mapping[str, Any],
                  files: Iterable[tuple[str, Iterable[str]]], out: Path, site_card: Mapping[str, str] | None = None) -> int:
    """Write the engine project into ``out`` (see the module's docstring), with the generated ``files``
    (URI, pieces of text), each written as it comes; return the number of pages. The site's own pages get
    what the plugin gives them: the rating scale in place of its marks, and, with ``placeholders: warn``,
    a refusal while any ``[Placeholder: ...]`` is left (the build fails in --strict). If making a file
    fails (a page the sanitiser refuses), ``out`` is left empty (ours), never half written."""
    custom_dir = _custom_dir(site_config)
    copied = (settings.docs_dir, settings.claims_dir, settings.templates_dir, *([settings.root / custom_dir] if custom_dir else []))
    for folder in copied:  # a folder copied into out, holding out: the copy would copy itself, without end
        if out.resolve().is_relative_to(folder.resolve()):
            raise Refused(f"{out} is inside {settings.shown(folder)}/ (expected a folder outside the site's own "
                          "files, such as build/zensical)")
    prepare(out)
    docs = out / DOCS
    articles = settings.articles_dir
    # of the articles folder, nothing is copied: its pages are generated, and validation lets nothing else
    # be there but hidden files; a hidden name is copied from nowhere (MkDocs does not publish them either)
    shutil.copytree(settings.docs_dir, docs, symlinks=True,
                    ignore=lambda folder, names: [n for n in names if hidden(n) or (Path(folder).resolve() == articles
                                                                                    and n != "index.md")])
    _hand_written_pages(settings, docs)
    count = 0
    try:
        for uri, pieces in files:
            path = docs / uri
            path.parent.mkdir(parents=True, exist_ok=True)
            if path.is_symlink():  # a link copied from docs_dir is replaced, never written through
                path.unlink()
            with path.open("w", encoding="utf-8", newline="\n") as written:
                written.writelines(pieces)
            count += uri.endswith(".md")
    except BaseException as error:
        prepare(out)  # half a project is none
        if isinstance(error, UnsafePage):  # a template wrote what the sanitiser refuses: said as the plugin says it
            raise Refused(f"{uri}: {error}") from None
        raise
    if custom_dir:
        source = settings.root / custom_dir
        shutil.copytree(source, out / OVERRIDES, symlinks=True, ignore=lambda folder, names: [
            n for n in names if (Path(folder) / n).relative_to(source).as_posix() in THEME_ONLY])
    (out / CONFIG).write_text(engine_config(settings, config_file, site_config, out, site_card), encoding="utf-8",
                              newline="\n")
    return count


def _hand_written_pages(settings: Settings, docs: Path) -> None:
    """The copied pages of docs_dir as the plugin serves them (``on_page_markdown``): the rating scale in
    place of its marks; with ``placeholders: warn``, every placeholder left refuses the whole project."""
    left = []
    for path in sorted(docs.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        shown = settings.shown(settings.docs_dir / path.relative_to(docs))
        left += [found.report(shown) for found in placeholders(text)]
        with_ratings = insert_ratings(text, settings.scale)
        if with_ratings != text:
            path.write_text(with_ratings, encoding="utf-8", newline="\n")
    if left and settings.placeholders == "warn":
        prepare(docs.parent)  # half a project is none
        raise Refused("\n".join(left) + f"\n{len(left)} placeholder(s) left (placeholders: warn)")


def _custom_dir(site_config: Mapping[str, Any]) -> str | None:
    theme = site_config.get("theme")
    return theme.get("custom_dir") if isinstance(theme, dict) else None


def engine_config(settings: Settings, config_file: Path, site_config: Mapping[str, Any], out: Path,
                  site_card: Mapping[str, str] | None = None) -> str:
    """The generated project's mkdocs.yml: the site's own, inherited, with what the plugin would set."""
    config: dict[str, Any] = {
        "INHERIT": Path(os.path.relpath(config_file.resolve(), out.resolve())).as_posix(),
        "docs_dir": DOCS,
        "site_dir": "site",
        "extra_css": [STYLESHEET],
        "not_in_nav": "".join(f"/{section}/*\n!/{section}/index.md\n"
                              for section in (*SECTIONS, settings.articles_prefix)),
    }
    if _custom_dir(site_config):
        config["theme"] = {"custom_dir": OVERRIDES}
    extra: dict[str, Any] = {}  # merged into the site's own extra (INHERIT merges mappings)
    if feeds := feed_links(settings.site_url):
        extra[FEED_LINKS] = feeds
    if site_card:
        extra[SITE_CARD] = dict(site_card)  # overrides/main.html shows it on pages without a card of their own
    if extra:
        config["extra"] = extra
    header = ("# Written by site-builder generate: the site of the mkdocs.yml inherited below, with every generated\n"
              "# page as a file in docs/, for engines that run no plugins. Regenerate it; do not edit it.\n")
    return header + yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True)


class _Dumper(yaml.SafeDumper):
    """Multi-line text as a literal block, as a person would write it."""


_Dumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))
