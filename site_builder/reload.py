"""The project again after an edit, reading only the claim and article files whose size or modification
time changed (the live preview). Pure: no MkDocs.

A file is read again when its size or modification time differs from when it was last loaded, or when
that time was too close to the moment it was looked at to tell a later save in the same clock tick
apart (as git does for its index: "racily clean" files are compared by content). A file whose text
is unchanged keeps its very record object, so the pages made from it are recognised as unchanged.
Anything this cannot follow (a file added, removed or behind a symbolic link, a file with problems)
gives None: the caller then loads the whole project as usual.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from .load import SourceFile, _parse_claim_file, claim_from, kept_beside_claims, load_article
from .paths import hidden
from .project import Project, Sources, checked_project, load_sources
from .settings import Settings

RACY_NS = 2_000_000_000  # a modification time this close to the look is not trusted (FAT keeps 2 s)

Stats = dict[str, tuple[int, int]]  # file name -> (modification time in ns, size)


@dataclass(frozen=True)
class Loaded:
    """A project with the files it was loaded from, as they were then."""

    project: Project
    sources: Sources
    claims: Stats
    articles: Stats
    looked: int  # time.time_ns() before the files were looked at


def _stats(folder: Path, suffixes: tuple[str, ...], kept: Callable[[str], bool], skip: str = "") -> Stats | None:
    """Every file of ``folder`` with one of ``suffixes`` (but ``skip``); None if one is a symbolic link
    or is not a plain file, or if the folder holds any other name than those ``kept`` (a file the full
    load reports, 'x.YAML' or 'x' beside the claims: it is shown as a build shows it)."""
    found: Stats = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return None
    for entry in entries:
        name = entry.name
        if hidden(name):
            continue
        if not name.endswith(suffixes) or name == skip:
            if kept(name):
                continue
            return None
        if entry.is_symlink() or not entry.is_file(follow_symlinks=False):
            return None
        info = entry.stat(follow_symlinks=False)
        found[name] = (info.st_mtime_ns, info.st_size)
    return found


def _claim_stats(settings: Settings) -> Stats | None:
    return _stats(settings.claims_dir, (".yaml", ".yml"), kept_beside_claims)


def _article_stats(settings: Settings) -> Stats | None:
    # articles and nothing else: the articles folder may hold its index page and hidden files only
    return _stats(settings.articles_dir, (".md",), lambda name: name == "index.md", skip="index.md")


def load(settings: Settings) -> Loaded:
    """The whole project, loaded as ``load_project`` does, with what ``reload`` needs."""
    looked = time.time_ns()
    claims, articles = _claim_stats(settings) or {}, _article_stats(settings) or {}
    sources = load_sources(settings)
    return Loaded(checked_project(settings, sources), sources, claims, articles, looked)


def _name(shown: str) -> str:
    return shown.rpartition("/")[2]


def _changed(before: Stats, now: Stats, looked: int) -> list[str] | None:
    if before.keys() != now.keys():
        return None
    return sorted(name for name, stat in now.items() if stat != before[name] or stat[0] >= looked - RACY_NS)


def reload(loaded: Loaded) -> tuple[Loaded, list[str]] | None:
    """``loaded`` again after an edit: (the project now, the files whose text changed, as messages show
    them). None when it
    cannot be done file by file (files added or removed, a file with problems, a symbolic link): load
    the whole project then."""
    settings = loaded.project.settings
    sources = loaded.sources
    if sources.stopped or sources.errors or loaded.project.errors:
        return None
    looked = time.time_ns()
    claim_stats, article_stats = _claim_stats(settings), _article_stats(settings)
    if claim_stats is None or article_stats is None:
        return None
    changed_claims = _changed(loaded.claims, claim_stats, loaded.looked)
    changed_articles = _changed(loaded.articles, article_stats, loaded.looked)
    if changed_claims is None or changed_articles is None:
        return None
    claims = list(sources.claims)
    articles = list(sources.articles)
    if not changed_claims and not changed_articles:
        return replace(loaded, claims=claim_stats, articles=article_stats, looked=looked), []
    by_claim = {_name(record.path): index for index, record in enumerate(claims)}  # strings: pathlib is slow
    by_article = {_name(record.path): index for index, record in enumerate(articles)}
    ids = {name.rpartition(".")[0]: claims[index].path for name, index in by_claim.items()}
    edited: list[str] = []
    real_root = settings.root.resolve()  # as loading checks a file's real path against it
    for name in changed_claims:
        index = by_claim.get(name)
        if index is None or not name.endswith(".yaml"):
            return None
        shown = claims[index].path
        text, data, problems = _parse_claim_file(settings.claims_dir / name, shown, real_root)
        if problems or text is None:
            return None
        if text == claims[index].text:
            continue  # saved again as it was: the same record
        record, problems = claim_from(data, SourceFile(shown, text, None), Path(name).stem, ids)
        if problems or record is None or record.partial:
            return None
        claims[index] = record
        edited.append(shown)
    for name in changed_articles:
        index = by_article.get(name)
        if index is None:
            return None
        record, problems = load_article(settings.articles_dir / name, articles[index].path, real_root)
        if problems or record is None or record.partial:
            return None
        if record is not articles[index]:  # loading gives back the very same record for an unchanged text
            articles[index] = record
            edited.append(record.path)
    if not edited:
        return replace(loaded, claims=claim_stats, articles=article_stats, looked=looked), []
    sources = replace(sources, claims=claims, articles=articles)
    project = checked_project(settings, sources)
    if project.errors:
        return None
    return Loaded(project, sources, claim_stats, article_stats, looked), edited
