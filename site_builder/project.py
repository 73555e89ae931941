"""The one way to load a project: its records, every problem, and the ids of every file present.

The plugin, ``validate``, ``new`` and ``extract`` all call ``load_project``; it never raises for
a contributor's mistake, it reports it. Settings are made elsewhere (settings.py from the plugin's
options, config.py from mkdocs.yml), so page generation never reads mkdocs.yml.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import Problem, ProblemsFound, Refused, did_you_mean
from .collector import paused_gc
from .load import SourceFile, claim_file_names, load_articles, start_loading_claims, stem_and_suffix
from .model import Article, Claim, newest_first
from .paths import folder_problems, hidden
from .quotes import Span
from .settings import Settings
from .validate import Placements, advice, check_claims


@dataclass(frozen=True)
class Project:
    """Everything a project is made of, loaded and checked, with every problem found."""

    settings: Settings
    articles: dict[str, Article]  # the articles that loaded
    claims: dict[str, Claim]  # the claims that loaded, drafts included
    quotes: dict[str, list[Span]]  # claim id -> where its quote is in its article's body
    appearance_quotes: dict[str, list[list[Span] | None]] = field(default_factory=dict)  # claim id -> each appearance's spans
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    claim_files: frozenset[str] = frozenset()  # the id of every claim file present, loaded or not
    article_files: frozenset[str] = frozenset()  # the id of every article file present, loaded or not

    @property
    def published(self) -> list[Claim]:
        return list(self._published)

    @cached_property
    def _published(self) -> tuple[Claim, ...]:
        return tuple(claim for claim in self.claims.values() if claim.published)

    @cached_property
    def newest(self) -> tuple[Claim, ...]:
        """The published claims, newest first (model.newest_first), worked out once: listings, data
        files and feeds each ask."""
        return tuple(newest_first(self._published))

    @cached_property
    def aliases(self) -> dict[str, str]:
        """Each former id kept as an alias by a claim that loaded -> that claim's id: taken, as ids are."""
        return {alias: claim.id for claim in self.claims.values() for alias in claim.aliases}  # type: ignore[misc]

    def errors_in(self, path: str) -> list[Problem]:
        """The errors of one file, by its path as messages show it."""
        return [problem for problem in self.errors if problem.path == path]

    def article_named(self, name: str) -> Article:
        """The article with id ``name``, or file name ``name.md``, or the path of its file; Refused if it is
        missing or broken, or if the path is of a file elsewhere (an article of the same name in the project
        is another article)."""
        path = Path(name)
        if len(path.parts) > 1 and path.resolve().parent != self.settings.articles_dir.resolve():
            raise Refused(f"{name} is not in {self.settings.articles_folder} (expected an article id, or the path of "
                          f"a file in {self.settings.articles_folder}: bring an article in with site-builder import-article)")
        article_id = path.stem if name.endswith(".md") else name
        if article_id in self.articles:
            return self.articles[article_id]
        if article_id in self.article_files:  # its own problems; or, when loading stopped before it (a symbolic
            # link that breaks the rule), the project's
            own = self.errors_in(self.settings.shown(self.settings.article_file(article_id)))
            raise Refused(ProblemsFound(own or self.errors).report())
        if not self.article_files:
            raise Refused(f"no article {article_id!r} (expected the id of a file in {self.settings.articles_folder}, "
                          "which has none: add one with site-builder import-article)")
        raise Refused(f"no article {article_id!r} (expected the id of a file in {self.settings.articles_folder}"
                      f"{did_you_mean(article_id, self.article_files)})")  # as validate says it; no list of thousands


Site = Project  # a project that loaded without errors: what pages are made from


def project_folders(settings: Settings) -> list[tuple[str, Path]]:
    """The folders whose files the build reads or publishes, by setting name: the symlink rule
    (paths.py) holds in each."""
    return [("claims_dir", settings.claims_dir), ("docs_dir", settings.docs_dir),
            ("articles_dir", settings.articles_dir), ("templates_dir", settings.templates_dir)]


@dataclass(frozen=True)
class Sources:
    """Every claim and article file as loaded, before the checks across records: what a project is made
    from (the live preview keeps it, to load again only the files an edit changed: reload.py)."""

    claims: list[SourceFile[Claim]]  # sorted by file name, drafts and records with errors included
    articles: list[SourceFile[Article]]  # sorted by file name
    errors: list[Problem]  # each file's own problems
    claim_files: frozenset[str]  # the id of every claim file present, loaded or not
    article_files: frozenset[str]  # the id of every article file present, loaded or not
    stopped: bool = False  # a symbolic link broke the rule: no file was read


def load_sources(settings: Settings, *, briefly: bool = False, facts: bool = False) -> Sources:
    """Read and load every claim and article file. A symbolic link that breaks the rule stops loading
    before any file is read through it. ``briefly``: see ``load_project``; ``facts``: each claim record's
    value is its ``ClaimFacts``, not the claim (``check_project``)."""
    claim_names = claim_file_names(settings.claims_dir)
    claim_files = frozenset(stem for stem, suffix in map(stem_and_suffix, claim_names) if suffix in (".yaml", ".yml"))
    article_files = frozenset(path.stem for path in settings.articles_dir.glob("*.md")
                              if path.name != "index.md" and not hidden(path.name))
    links = folder_problems(project_folders(settings), settings.root)
    if links:
        return Sources([], [], links, claim_files, article_files, stopped=True)
    with paused_gc():
        claims_loaded = start_loading_claims(settings.claims_dir, settings.root, claim_names, here_too=briefly, facts=facts,
                                             ratings=tuple(settings.scale.ids))
        try:
            articles, article_errors = load_articles(settings.articles_dir, settings.root)
        finally:
            claims, errors = claims_loaded()
    return Sources(claims, articles, errors + article_errors, claim_files, article_files)


def cross_checks(settings: Settings, sources: Sources) -> tuple[Placements, list[Problem], list[Problem]]:
    """The checks across the loaded records: where each quote is, their errors, and the warnings."""
    with paused_gc():
        placed, errors = check_claims(sources.claims, sources.articles, settings, sources.claim_files,
                                      sources.article_files)
        return placed, errors, advice(sources.claims, sources.articles)


def checked_project(settings: Settings, sources: Sources) -> Project:
    """The project made of ``sources``, with the checks across records done."""
    if sources.stopped:
        return Project(settings, {}, {}, {}, errors=list(sources.errors), claim_files=sources.claim_files,
                       article_files=sources.article_files)
    claims, articles = sources.claims, sources.articles
    placed, check_errors, warnings = cross_checks(settings, sources)
    return Project(
        settings=settings,
        articles={record.value.id: record.value for record in articles if not record.partial},
        claims={record.value.id: record.value for record in claims if not record.partial},  # type: ignore[misc]
        quotes=placed.quotes,
        appearance_quotes=placed.appearances,
        warnings=warnings,
        errors=[*sources.errors, *check_errors],
        claim_files=sources.claim_files,
        article_files=sources.article_files,
    )


def load_project(settings: Settings, *, briefly: bool = False) -> Project:
    """Load and check every file; every problem is in the result, none is raised. A symbolic link
    that breaks the rule stops loading before any file is read through it.

    ``briefly``: the caller keeps the project only a short while (a command that reports and ends): this
    process then loads claim files too, beside the workers, which is faster but leaves its memory more
    fragmented by the parsing (a few megabytes at 10,000 claims) than records sent by the workers do. A
    build keeps the project to the end, at its peak of memory: it leaves the files to the workers."""
    return checked_project(settings, load_sources(settings, briefly=briefly))


@dataclass(frozen=True)
class Checked:
    """A project's problems and what it holds, counted: what ``validate`` reports, without the records."""

    errors: list[Problem]
    warnings: list[Problem]
    published: int  # claims that loaded and are published
    drafts: int  # claims that loaded and are drafts
    articles: int  # articles that loaded


def check_project(settings: Settings) -> Checked:
    """Every problem ``load_project`` finds, with the counts of what loaded, for a command that reports
    and ends (validate). It loads briefly (see ``load_project``), and it keeps of each claim only what
    the checks across claims read (``ClaimFacts``): so do the workers send back, which costs less to
    send and to take in than the claims themselves."""
    sources = load_sources(settings, briefly=True, facts=True)
    if sources.stopped:
        return Checked(list(sources.errors), [], 0, 0, 0)
    _, check_errors, warnings = cross_checks(settings, sources)
    if missing := settings.site_url_missing():  # validate says it too; the build warns in on_config
        warnings = [missing, *warnings]
    claims = {record.value.id: record.value.published for record in sources.claims if not record.partial}
    articles = {record.value.id for record in sources.articles if not record.partial}
    published = sum(claims.values())
    return Checked([*sources.errors, *check_errors], warnings, published, len(claims) - published, len(articles))


def repository_prefix(root: Path) -> str:
    """The project folder's path inside its git repository ('' at the top), for annotation paths."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            relative = root.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


def load_site(settings: Settings) -> Site:
    """The project, for publishing: raise ProblemsFound with every error at once if it has any."""
    project = load_project(settings)
    if project.errors:
        raise ProblemsFound(project.errors)
    return project
