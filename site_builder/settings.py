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

from .errors import Problem, ProblemsFound, closest, did_you_mean, one_of
from .load import SourceFile, explain_error, field_name
from .model import DEFAULT_RATINGS, Rating, RatingScale, kind_of, quote_hint
from .paths import shown_path
from .share import MODES

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
    "article_text": "full",
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
    article_text: str = "full"  # what an article page shows of its text: full, or quoted (the paragraphs claims quote)
    config_name: str = "mkdocs.yml"  # the file the settings were read from, as messages name it

    def site_url_missing(self) -> Problem | None:
        """A warning when ``site_url`` is not set (the preview sets its own)."""
        if self.site_url:
            return None
        return Problem(self.config_name, 1, 1, "site_url", "not set (expected the site's public address, like "
                       "https://example.org/claims/: without it there are no feeds, and share cards and structured "
                       "data point at the wrong place)", "warning")

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
    use_directory_urls). Every problem of the options (an unknown name, a value of the wrong type or not
    among the choices, a bad rating scale, a claims folder or methodology page that does not exist) is
    raised at once as ProblemsFound, each at its place in mkdocs.yml (``at``: where the plugin's options
    are; looked up in the file when a problem needs it and it is not given). Paths may be relative to the
    working folder (``mkdocs build -f mkdocs.yml`` passes the name as typed)."""
    config_file, docs_dir = config_file.resolve(), docs_dir.resolve()
    root = config_file.parent
    written = options
    options = {**DEFAULTS, **options}
    source: SourceFile[None] | None = None

    def place(path: tuple[Any, ...]) -> tuple[Any, ...]:
        nonlocal at, source
        if at is None:
            from .config import plugin_location  # mkdocs.yml read again only to point at a problem

            at = plugin_location(config_file)
        if source is None:
            source = SourceFile(config_file.name, config_file.read_text(encoding="utf-8"), None)
        return (*at, *path)

    def problem(path: tuple[Any, ...], message: str, *, at_key: bool = False) -> Problem:
        path = place(path)
        assert source is not None
        found = source.problem(path, message, at_key=at_key)
        written = source.key_as_written(path) if path and not isinstance(path[-1], str) else None
        if written is not None:  # a key read as true/false or a number: named as written
            found = Problem(found.path, found.line, found.column, field_name((*path[:-1], written)), message)
        return found

    def as_written(path: tuple[Any, ...], message: str, hint: str) -> str:
        """'put it in quotes: "false"' with the word as written ('No'), as claims say it."""
        word = source.plain_scalar(place(path)) if hint else None  # type: ignore[union-attr]
        return message.replace(hint, quote_hint(word)) if word is not None else message

    problems = [problem((name,), f"unknown option ({_known(name)})", at_key=True) for name in written if name not in KNOWN]
    for name, (expected, fits) in _OPTION_TYPES.items():
        if not fits(options[name]):
            hint = quote_hint(str(options[name]).lower()) if isinstance(options[name], bool) and "text" in expected else ""
            problems.append(problem((name,), as_written((name,), f"wrong type: got {kind_of(options[name])} (expected {expected}{hint})", hint)))
    for name, choices in CHOICES.items():
        value = options.get(name, choices[0])
        if value not in choices or isinstance(value, bool):
            problems.append(problem((name,), f"{value!r} is not allowed (expected {one_of(map(str, choices))}"
                                              f"{did_you_mean(value, map(str, choices))})"))
    if _is_whole(options["page_size"]) and options["page_size"] < 1:
        problems.append(problem(("page_size",), f"out of range: {options['page_size']} (expected the number of claims "
                                                 "on a listing page: 1 or more, like 100)"))
    methodology = options["methodology"]
    if isinstance(methodology, str) and methodology not in ("", DEFAULTS["methodology"]) and not (docs_dir / methodology).is_file():
        pages = sorted(path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md"))
        problems.append(problem(("methodology",), f"the page {methodology!r} does not exist in "
                                f"{shown_path(docs_dir, root)} (expected a page of the site, like 'methodology.md', or "
                                f"'' for none{did_you_mean(methodology, pages)})"))
    scale, found = _scale(options["ratings"], problem, as_written)
    problems += found
    claims_dir = (root / options["claims_dir"]).resolve() if isinstance(options["claims_dir"], str) else root
    if isinstance(options["claims_dir"], str) and not claims_dir.is_dir():
        shown = options["claims_dir"]
        problems.append(problem(("claims_dir",), f"the folder {shown!r} does not exist (expected the folder of "
                                "the claim files, relative to mkdocs.yml)"))
    if problems:
        raise ProblemsFound(problems)
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
        page_size=options["page_size"],
        site_description=site.get("site_description") or "",
        report_url=_report_url(options["report_url"], site.get("repo_url")),
        methodology=methodology if methodology and (docs_dir / methodology).is_file() else "",
        share_cards=options["share_cards"],
        cache_dir=(root / options["cache_dir"]).resolve(),
        placeholders=options["placeholders"],
        article_text=options["article_text"],
        config_name=config_file.name,
    )


def _scale(ratings: Any, problem: Any, as_written: Any) -> tuple[RatingScale, list[Problem]]:
    """The rating scale of the options (the default one when none is given), and its problems: an id
    that is not text ('false:' unquoted) at its key, a misspelt field once (as unknown, with a suggestion,
    not again as missing), the rest as claims' fields are reported."""
    problems: list[Problem] = []
    if isinstance(ratings, dict):
        for key in [key for key in ratings if not isinstance(key, str)]:
            word = str(key).lower() if isinstance(key, bool) else str(key)
            found = problem(("ratings", key), f"wrong type: got {kind_of(key)} (expected text: a rating id; put it "
                                              f"in quotes: \"{word}\")", at_key=True)
            problems.append(found)
        ratings = {key: value for key, value in ratings.items() if isinstance(key, str)}
    try:
        return RatingScale.model_validate({"ratings": ratings or DEFAULT_RATINGS}), problems
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    misspelt = {(*error["loc"][:-1], closest(str(error["loc"][-1]), RATING_FIELDS)) for error in errors
                if error["type"] == "extra_forbidden"}
    for error in errors:
        loc = ("ratings", *error["loc"][1:])
        if error["type"] == "missing" and tuple(error["loc"]) in misspelt:
            continue  # the misspelt field says it
        message = explain_error(RatingScale, error)
        hint = (error.get("ctx") or {}).get("hint", "") if error["type"] == "wrong_type" else ""
        problems.append(problem(loc, as_written(loc, message, hint), at_key=error["type"] == "extra_forbidden"))
    return RatingScale.model_validate({"ratings": DEFAULT_RATINGS}), problems


RATING_FIELDS = tuple(Rating.model_fields)


def _known(name: str) -> str:
    hint = did_you_mean(name, KNOWN)
    return hint[2:] if hint else "expected " + one_of(KNOWN)


# The options and what each must be, for validate (which reads mkdocs.yml itself) and the build alike: the
# plugin declares them loosely, so that MkDocs, which stops at the first, leaves every problem to these.
def _is_text(value: Any) -> bool:
    return isinstance(value, str)


def _is_text_or_unset(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _is_whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_OPTION_TYPES: dict[str, tuple[str, Any]] = {
    "claims_dir": ("text: a folder relative to mkdocs.yml, like 'claims'", _is_text),
    "articles_dir": ("text: a folder in docs_dir, like 'articles'", _is_text),
    "templates_dir": ("text: a folder relative to mkdocs.yml, like 'templates'", _is_text),
    "cache_dir": ("text: a folder relative to mkdocs.yml, like '.cache/claims'", _is_text),
    "methodology": ("text: a page in docs_dir, like 'methodology.md'", _is_text),
    "publisher": ("text: the organisation publishing the reviews", _is_text),
    "edit_url": ("text: the start of 'Edit this claim' links, or '' for none", _is_text_or_unset),
    "report_url": ("text: the 'Report an error' link, or '' for none", _is_text_or_unset),
    "page_size": ("a whole number, like 100", _is_whole),
}
CHOICES: dict[str, tuple[Any, ...]] = {"share_cards": MODES, "placeholders": ("info", "warn"),
                                        "article_text": ("full", "quoted"), "render_workers": (1, 0)}
KNOWN = (*DEFAULTS, "render_workers")  # render_workers: the build's alone (plugin.py)


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
