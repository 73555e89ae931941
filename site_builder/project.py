"""Where a project's files are, its rating scale, and loading the whole of it.

Settings come from the ``claims`` plugin entry in mkdocs.yml: the plugin hands
over the options MkDocs parsed, the CLI reads mkdocs.yml itself (leniently:
theme tags such as ``!!python/name:`` are not needed here).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .errors import Problem, ProblemsFound
from .load import SourceFile, explain_error, load_articles, load_claims
from .model import DEFAULT_RATINGS, Article, Claim, RatingScale
from .quotes import Span
from .validate import advice, check_claims

PLUGIN_NAME = "claims"
DEFAULTS: dict[str, Any] = {
    "claims_dir": "claims",
    "articles_dir": "articles",
    "templates_dir": "templates",
    "ratings": {},
    "publisher": "",
    "edit_url": None,
    "page_size": 100,
}


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder of mkdocs.yml; paths in messages are relative to it
    docs_dir: Path
    claims_dir: Path
    articles_dir: Path  # inside docs_dir: article files are replaced by generated pages
    templates_dir: Path
    scale: RatingScale
    directory_urls: bool = True
    site_name: str = "Claim explainers"
    site_url: str = ""  # canonical base URL, ending in '/'; empty when not configured
    publisher: str = ""  # the organisation publishing the reviews (structured data, feeds)
    edit_url: str = ""  # prefix of "edit this file" links, e.g. https://github.com/o/r/edit/main/
    page_size: int = 100  # claims per listing page

    @property
    def articles_prefix(self) -> str:
        return self.articles_dir.relative_to(self.docs_dir).as_posix()

    def edit_link(self, path: Path) -> str:
        return self.edit_url + path.relative_to(self.root).as_posix() if self.edit_url else ""


def settings_from_options(
    options: dict[str, Any],
    *,
    config_file: Path,
    docs_dir: Path,
    site: dict[str, Any],
    at: tuple[str | int, ...] = (),
) -> Settings:
    """Settings from the plugin's options and the site's own (site_name, site_url, repo_url,
    use_directory_urls); a bad rating scale raises ProblemsFound."""
    root = config_file.parent
    options = {**DEFAULTS, **options}
    try:
        scale = RatingScale.model_validate({"ratings": options["ratings"] or DEFAULT_RATINGS})
    except ValidationError as exc:
        source: SourceFile[None] = SourceFile(config_file.name, config_file.read_text(encoding="utf-8"), None)
        raise ProblemsFound(
            source.problem((*at, "ratings", *error["loc"][1:]), explain_error(RatingScale, error))
            for error in exc.errors(include_url=False)
        ) from None
    articles_dir = (docs_dir / options["articles_dir"]).resolve()
    return Settings(
        root=root,
        docs_dir=docs_dir,
        claims_dir=(root / options["claims_dir"]).resolve(),
        articles_dir=articles_dir,
        templates_dir=(root / options["templates_dir"]).resolve(),
        scale=scale,
        directory_urls=site.get("use_directory_urls", True) is not False,
        site_name=site.get("site_name") or "Claim explainers",
        site_url=(site["site_url"].rstrip("/") + "/") if site.get("site_url") else "",
        publisher=options["publisher"] or site.get("site_name") or "Claim explainers",
        edit_url=_edit_url(options["edit_url"], site.get("repo_url")),
        page_size=max(1, int(options["page_size"])),
    )


def _edit_url(option: str | None, repo_url: str | None) -> str:
    """The plugin's edit_url, else GitHub's edit link for the main branch of repo_url."""
    if option is not None:
        return option.rstrip("/") + "/" if option else ""
    if repo_url and "github.com" in repo_url:
        return repo_url.rstrip("/") + "/edit/main/"
    return ""


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs itself (!ENV, !!python/name:...)."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_settings(config_file: Path) -> Settings:
    """Settings for the CLI, read from mkdocs.yml."""
    config_file = config_file.resolve()
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}  # noqa: S506
    except FileNotFoundError:
        raise ProblemsFound([Problem(str(config_file), 1, 1, "(file)", "not found (expected mkdocs.yml; "
                                     "run from the project folder or pass --config)")]) from None
    options: dict[str, Any] | None = None
    at: tuple[str | int, ...] = ()
    for index, entry in enumerate(config.get("plugins") or []):
        if entry == PLUGIN_NAME:
            options, at = {}, ("plugins", index, PLUGIN_NAME)
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options, at = entry[PLUGIN_NAME] or {}, ("plugins", index, PLUGIN_NAME)
    if options is None:
        raise ProblemsFound([Problem(config_file.name, 1, 1, "plugins", "the 'claims' plugin is not enabled "
                                     "(expected '- claims' under plugins:)")])
    root = config_file.parent
    return settings_from_options(
        options,
        config_file=config_file,
        docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
        site=config,
        at=at,
    )


@dataclass(frozen=True)
class Site:
    """Everything a site is made of, loaded and checked."""

    settings: Settings
    articles: dict[str, Article]
    claims: dict[str, Claim]  # drafts included
    quotes: dict[str, list[Span]]  # claim id -> where its quote is in its article's body
    warnings: list[Problem] = field(default_factory=list)

    @property
    def published(self) -> list[Claim]:
        return [claim for claim in self.claims.values() if claim.published]


def load_site(settings: Settings) -> Site:
    """Load and check every file; raise ProblemsFound with all problems at once."""
    claims, problems = load_claims(settings.claims_dir, settings.root)
    articles, article_problems = load_articles(settings.articles_dir, settings.root)
    problems += article_problems
    claim_files = {path.stem for path in settings.claims_dir.glob("*.yaml")}
    spans, check_problems = check_claims(claims, articles, settings.scale, claim_files)
    problems += check_problems
    if problems:
        raise ProblemsFound(problems)
    return Site(
        settings=settings,
        articles={record.value.id: record.value for record in articles},
        claims={record.value.id: record.value for record in claims},  # type: ignore[misc]
        quotes=spans,
        warnings=advice(claims),
    )

