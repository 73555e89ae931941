"""A project's settings: where its files are, its rating scale, its site options. No file reading.

Settings come from the ``claims`` plugin entry in mkdocs.yml: the plugin hands
over the options MkDocs parsed; the CLI reads mkdocs.yml itself (config.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from pydantic import ValidationError

from .errors import Problem, ProblemsFound
from .load import SourceFile, explain_error
from .model import DEFAULT_RATINGS, RatingScale, kind_of

PLUGIN_NAME = "claims"
DEFAULTS: dict[str, Any] = {
    "claims_dir": "claims",
    "articles_dir": "articles",
    "templates_dir": "templates",
    "ratings": {},
    "publisher": "",
    "edit_url": None,
    "page_size": 100,
    "report_url": None,
    "methodology": "methodology.md",
    "share_cards": "auto",
    "cache_dir": ".cache/claims",
    "placeholders": "info",
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
    language: str = "en"  # the site's language (the theme's): titles, summaries and translations are in it
    site_url: str = ""  # canonical base URL, ending in '/'; empty when not configured
    publisher: str = ""  # the organisation publishing the reviews (structured data, feeds)
    edit_url: str = ""  # prefix of "edit this file" links, e.g. https://github.com/o/r/edit/main/
    page_size: int = 100  # claims per listing page
    site_description: str = ""
    report_url: str = ""  # "Report an error" link, with {id} and {url} to fill in; empty for none
    methodology: str = ""  # the page saying how ratings are decided (inside docs_dir), if there is one
    share_cards: str = "auto"  # auto, claim or rating: one share card per claim, or per rating
    cache_dir: Path = Path(".cache/claims")  # drawn share cards, kept between builds (outside site/)
    placeholders: str = "info"  # how '[Placeholder: ...]' on a page is reported: info, or warn (fails --strict)

    @property
    def articles_prefix(self) -> str:
        return self.articles_dir.relative_to(self.docs_dir).as_posix()

    def shown(self, path: Path) -> str:
        """A path as messages show it: relative to the project folder."""
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def claims_folder(self) -> str:
        """The claims folder as configured, for messages: 'claims', 'records'..."""
        return self.shown(self.claims_dir)

    @property
    def articles_folder(self) -> str:
        """The articles folder as configured, for messages: 'content/articles'..."""
        return self.shown(self.articles_dir)

    def claim_file(self, claim_id: str) -> Path:
        return self.claims_dir / f"{claim_id}.yaml"

    def article_file(self, article_id: str) -> Path:
        return self.articles_dir / f"{article_id}.md"

    def edit_link(self, path: Path) -> str:
        return self.edit_url + path.relative_to(self.root).as_posix() if self.edit_url else ""

    def report_link(self, claim_id: str, url: str) -> str:
        """The "Report an error" link of a claim, its id and page URL filled in."""
        if not self.report_url:
            return ""
        return self.report_url.replace("{id}", quoted(claim_id)).replace("{url}", quoted(url))


# urllib.parse.quote(text, safe="") of an ASCII text without its Python call per byte: each character but
# those quote always leaves as they are (letters, digits, "_.-~") becomes its %XX.
_PERCENT_ENCODED = {chr(code): f"%{code:02X}" for code in range(128)}
_QUOTED_RE = re.compile("[^A-Za-z0-9_.~-]")


def _percent_encoded(match: re.Match[str]) -> str:
    return _PERCENT_ENCODED[match.group()]


def quoted(text: str) -> str:
    """``urllib.parse.quote(text, safe="")``: a claim's id and page URL in a link's query."""
    return _QUOTED_RE.sub(_percent_encoded, text) if text.isascii() else quote(text, safe="")


def settings_from_options(
    options: dict[str, Any],
    *,
    config_file: Path,
    docs_dir: Path,
    site: dict[str, Any],
    at: tuple[str | int, ...] | None = None,
) -> Settings:
    """Settings from the plugin's options and the site's own (site_name, site_url, repo_url,
    use_directory_urls); a bad rating scale, an option of the wrong type or a claims folder that does not
    exist raises ProblemsFound, at its place in mkdocs.yml (``at``: where the plugin's options are; looked
    up in the file when a problem needs it and it is not given). Paths may be relative to the working
    folder (``mkdocs build -f mkdocs.yml`` passes the name as typed)."""
    config_file, docs_dir = config_file.resolve(), docs_dir.resolve()
    root = config_file.parent
    options = {**DEFAULTS, **options}

    def problem(path: tuple[str | int, ...], message: str) -> Problem:
        nonlocal at
        if at is None:
            from .config import plugin_location  # mkdocs.yml read again only to point at a problem

            at = plugin_location(config_file)
        source: SourceFile[None] = SourceFile(config_file.name, config_file.read_text(encoding="utf-8"), None)
        return source.problem((*at, *path), message)

    wrong = [problem((name,), f"wrong type: got {kind_of(options[name])} (expected {expected})")
             for name, expected in _OPTION_TYPES.items() if not _of_type(options[name], name)]
    if wrong:
        raise ProblemsFound(wrong)
    try:
        scale = RatingScale.model_validate({"ratings": options["ratings"] or DEFAULT_RATINGS})
    except ValidationError as exc:
        raise ProblemsFound(
            problem(("ratings", *error["loc"][1:]), explain_error(RatingScale, error))
            for error in exc.errors(include_url=False)
        ) from None
    claims_dir = (root / options["claims_dir"]).resolve()
    if not claims_dir.is_dir():
        shown = options["claims_dir"]
        raise ProblemsFound([problem(("claims_dir",), f"the folder {shown!r} does not exist (expected the folder of "
                                     "the claim files, relative to mkdocs.yml)")])
    articles_dir = (docs_dir / options["articles_dir"]).resolve()
    return Settings(
        root=root,
        docs_dir=docs_dir,
        claims_dir=claims_dir,
        articles_dir=articles_dir,
        templates_dir=(root / options["templates_dir"]).resolve(),
        scale=scale,
        directory_urls=site.get("use_directory_urls", True) is not False,
        site_name=site.get("site_name") or "Claim explainers",
        language=_theme_language(site.get("theme")),
        site_url=(site["site_url"].rstrip("/") + "/") if site.get("site_url") else "",
        publisher=options["publisher"] or site.get("site_name") or "Claim explainers",
        edit_url=_edit_url(options["edit_url"], site.get("repo_url")),
        page_size=max(1, int(options["page_size"])),
        site_description=site.get("site_description") or "",
        report_url=_report_url(options["report_url"], site.get("repo_url")),
        methodology=options["methodology"] if (docs_dir / options["methodology"]).is_file() else "",
        share_cards=options["share_cards"],
        cache_dir=(root / options["cache_dir"]).resolve(),
        placeholders=options["placeholders"],
    )


# The options whose value becomes a path or a number: of another type (a list, a mapping), settings cannot
# be made. MkDocs checks them for the plugin; the CLI reads mkdocs.yml itself.
_OPTION_TYPES = {
    "claims_dir": "text: a folder relative to mkdocs.yml, like 'claims'",
    "articles_dir": "text: a folder in docs_dir, like 'articles'",
    "templates_dir": "text: a folder relative to mkdocs.yml, like 'templates'",
    "cache_dir": "text: a folder relative to mkdocs.yml, like '.cache/claims'",
    "methodology": "text: a page in docs_dir, like 'methodology.md'",
    "page_size": "a whole number, like 100",
}


def _of_type(value: Any, name: str) -> bool:
    if name == "page_size":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, str)


def _theme_language(theme: Any) -> str:
    """The theme's language (mkdocs.yml ``theme: language:``), 'en' when not set."""
    language = theme.get("language") if hasattr(theme, "get") else None
    return language if isinstance(language, str) and language else "en"


def _edit_url(option: str | None, repo_url: str | None) -> str:
    """The plugin's edit_url, else GitHub's edit link for the main branch of repo_url."""
    if option is not None:
        return option.rstrip("/") + "/" if option else ""
    if repo_url and "github.com" in repo_url:
        return repo_url.rstrip("/") + "/edit/main/"
    return ""


REPORT_TITLE = "Error report: "
REPORT_BODY = "\n\nWhat is wrong, and the evidence for it:\n"


def _report_url(option: str | None, repo_url: str | None) -> str:
    """The plugin's report_url, else a new GitHub issue in repo_url with the claim's id and URL."""
    if option is not None:
        return option
    if repo_url and "github.com" in repo_url:
        return (repo_url.rstrip("/") + "/issues/new?title=" + quote(REPORT_TITLE) + "{id}&body="
                + quote("Claim page: ") + "{url}" + quote(REPORT_BODY))
    return ""
