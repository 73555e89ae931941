"""The hostile-input corpus: crafted claim and article files, and what each must lead to.

``claims/`` and ``articles/`` here hold one small, complete file per case, written as a stranger's pull
request or a propaganda site would write it; ``expected.yaml`` says what each must lead to:

- ``refused: [lines]``: validation refuses the file with exactly these problem lines (path:line:column).
- ``refused_like: [regular expressions]``: the same, one full-match expression per line; used for
  findings whose wording is not settled yet.
- ``published: inert``: the file is accepted. Every accepted file is built together, with real
  ``mkdocs build --strict``, and every page of that site is checked for script, handlers, dangerous URLs,
  foreign elements, external loads and broken JSON-LD (tests/test_hostile.py), then opened in Chromium
  (tests/browser/test_hostile_browser.py). Optional per case: ``pages`` (built pages to check, default
  the claim's or the article's own page), ``absent`` (pages that must not be built), ``must_contain`` /
  ``must_not_contain`` (the raw HTML of the page's content; a needle that does not start with '<' is
  looked for in its tags only, as text may hold '"' raw) and ``must_show`` / ``must_not_show`` (the
  content's text, as a reader sees it). The build uses the project's theme overrides, as the real site.
- ``handled: {seconds, intact, must_not_contain}``: a case where either outcome is right but a crash, a
  hang or a clobbered page is not. Validation and page generation run in a subprocess (a segfault
  cannot take pytest down) within ``seconds``; the file is refused with problems in the house format,
  or published with each ``intact`` generated page (``{uri: text}``) still holding its text and the
  named pages (``{uri: [text]}``) free of ``must_not_contain``.

Optional for any case: ``needs`` (other corpus files it needs, e.g. ``articles/x.md``), ``inflate``
(``{text, times}``, or a list of them for several marks in order: each ``@@INFLATE@@`` in the file
becomes ``text * times``, so oversized cases stay small in the repository) and ``xfail`` (a known
finding, the reason; its test is a strict xfail).

``wire-report.md`` is not a case: it is the article most claim cases quote, written beside every case.
Two claims quoting the same passage of an article is an error, so each case quotes its own sentence
("Output rose by 40% last year in region 17"); a new case takes a region no other case quotes.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXPECTED = HERE / "expected.yaml"
SHARED_ARTICLE = HERE / "wire-report.md"  # quoted by most claim cases: one sentence (region) each
KINDS = ("claims", "articles")
INFLATE_MARK = b"@@INFLATE@@"
CANARY = "__pwned"  # payloads set window.__pwned = 1 or call alert(1)


@dataclass(frozen=True)
class Case:
    kind: str  # "claims" or "articles"
    name: str  # the file name
    spec: dict[str, Any] = field(hash=False, compare=False)

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.name}"

    @property
    def source(self) -> Path:
        return HERE / self.kind / self.name

    @property
    def shown(self) -> str:
        """The path problems name: relative to the project root."""
        return f"claims/{self.name}" if self.kind == "claims" else f"content/articles/{self.name}"

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]

    @property
    def outcome(self) -> str:
        for outcome in ("refused", "refused_like", "published", "handled"):
            if outcome in self.spec:
                return outcome
        raise AssertionError(f"{self.id}: expected.yaml gives no outcome")

    @property
    def needs(self) -> list[str]:
        return list(self.spec.get("needs", []))

    @property
    def pages(self) -> list[str]:
        """Built pages of this case, as paths of index.html files inside the site."""
        default = f"claims/{self.stem}/" if self.kind == "claims" else f"articles/{self.stem}/"
        return [page + "index.html" if page.endswith("/") else page for page in self.spec.get("pages", [default])]

    def data(self) -> bytes:
        data = self.source.read_bytes()
        inflate = self.spec.get("inflate")
        if not inflate:
            return data
        fills = inflate if isinstance(inflate, list) else [inflate]
        parts = data.split(INFLATE_MARK)
        assert len(parts) == len(fills) + 1, f"{self.id}: {len(fills)} inflate entries for {len(parts) - 1} marks"
        out = parts[0]
        for fill, part in zip(fills, parts[1:]):
            out += (fill["text"] * fill["times"]).encode() + part
        return out

    def target(self, root: Path) -> Path:
        return root / "claims" / self.name if self.kind == "claims" else root / "content" / "articles" / self.name

    def write(self, root: Path) -> Path:
        path = self.target(root)
        path.write_bytes(self.data())
        return path

    def __str__(self) -> str:
        return self.id


def load_cases() -> list[Case]:
    expected = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    return [Case(kind, name, spec or {}) for kind in KINDS for name, spec in sorted((expected.get(kind) or {}).items())]


def case_files() -> list[str]:
    """Every input file of the corpus, as kind/name."""
    return sorted(f"{kind}/{path.name}" for kind in KINDS for path in (HERE / kind).iterdir() if path.is_file())


CASES = load_cases()
BY_ID = {case.id: case for case in CASES}


def write_shared(root: Path) -> None:
    """The article most claim cases quote (not a case itself)."""
    shutil.copyfile(SHARED_ARTICLE, root / "content" / "articles" / SHARED_ARTICLE.name)


def write_with_needs(case: Case, root: Path) -> None:
    write_shared(root)
    for need in case.needs:
        BY_ID[need].write(root)
    case.write(root)


# -- the site built from every accepted case ------------------------------------------------------


@dataclass(frozen=True)
class AcceptedSite:
    root: Path  # the project
    out: Path  # the built site
    cases: list[Case]

    def html_pages(self) -> list[Path]:
        return sorted(self.out.rglob("*.html"))

    def page(self, relative: str) -> str:
        return (self.out / relative).read_text(encoding="utf-8")


_BUILT: dict[Path, AcceptedSite] = {}


def accepted_cases() -> list[Case]:
    return [case for case in CASES if case.outcome == "published"]


def build_accepted(base: Path) -> AcceptedSite:
    """The fixture project of tests/conftest.py plus every accepted case, built once per test session
    (both test files ask for it; the first builds)."""
    root = base / "hostile-accepted"
    if root in _BUILT:
        return _BUILT[root]
    from ..conftest import make_project  # the shared fixture project

    if root.exists():
        shutil.rmtree(root)
    project = make_project(root)
    # as the real site: the theme overrides (no third-party request from the stock theme) and its features
    shutil.copytree(REPO / "overrides", root / "overrides")
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  name: material\n" in text
    config.write_text(text.replace("  name: material\n", "  name: material\n  custom_dir: overrides\n"
                                   "  features: [search.highlight]\n"), encoding="utf-8")
    cases = accepted_cases()
    for case in cases:
        write_with_needs(case, root)
    result = project.build()
    assert result.returncode == 0, f"the accepted hostile cases do not build:\n{result.stderr[-5000:]}"
    _BUILT[root] = AcceptedSite(root, root / "site", cases)
    return _BUILT[root]


# -- handled cases: generate the pages in a subprocess, with a time limit ------------------------

_GENERATE = textwrap.dedent("""\
    import json, sys
    from pathlib import Path
    from site_builder.errors import ProblemsFound
    from site_builder.pages import build_pages
    from site_builder.config import read_settings
    from site_builder.project import load_site
    from site_builder.render import environment

    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    try:
        site = load_site(read_settings(root / "mkdocs.yml"))
    except ProblemsFound as found:
        out.write_text(json.dumps({"refused": [str(p) for p in found.problems]}), encoding="utf-8")
    else:
        pages = build_pages(site, environment(site.settings.templates_dir))
        out.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    """)


def generate(root: Path, seconds: float) -> dict[str, Any]:
    """{"refused": [lines]} or {"pages": {uri: markdown}}; fails on a crash or when the child spends more
    than ``seconds`` of CPU time (user and system: what a super-linear parse costs, and what other work on
    the machine barely moves), or ten times that in wall time (a hang that does not compute)."""
    import json
    import resource

    out = root / "generated.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        result = subprocess.run([sys.executable, "-c", _GENERATE, str(root), str(out)], capture_output=True,
                                text=True, timeout=10 * seconds, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"validating and generating the pages took more than {10 * seconds} s") from None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the child has been waited for: its time is counted
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if cpu > seconds:
        raise AssertionError(f"validating and generating the pages took {cpu:.1f} s of CPU time, more than {seconds} s")
    if result.returncode < 0:
        raise AssertionError(f"validating and generating the pages killed the process with signal {-result.returncode}"
                             f"{' (segmentation fault)' if result.returncode == -11 else ''}:\n{result.stderr[-3000:]}")
    assert result.returncode == 0, f"validating and generating the pages crashed:\n{result.stderr[-3000:]}"
    return json.loads(out.read_text(encoding="utf-8"))


# -- problem lines -------------------------------------------------------------------------------

# What a problem line must never hold: it is printed to terminals and CI logs, where a newline starts a
# new (forged) line, e.g. a GitHub Actions workflow command, and escape sequences rewrite the screen.
UNPRINTABLE_RE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
HOUSE_FORMAT_RE = r"{path}:\d+:\d+: [^\s:]+(?: [^\s:]+)?: .+ \(expected .+\)"


# -- built HTML ----------------------------------------------------------------------------------

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "xlink:href", "cite",
                  "ping", "srcset", "imagesrcset", "manifest", "codebase", "longdesc", "lowsrc", "dynsrc"}
# attributes whose URL the browser fetches without a click
LOADING_ATTRIBUTES = {"src", "srcset", "imagesrcset", "poster", "data", "background", "manifest", "codebase",
                      "lowsrc", "dynsrc"}
LOADING_RELS = {"stylesheet", "icon", "shortcut", "preload", "prefetch", "modulepreload", "manifest",
                "dns-prefetch", "preconnect", "prerender", "apple-touch-icon", "import"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
# elements that never belong in a page's content: they run, load, embed, restyle or take input
FOREIGN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
                    "base", "form", "input", "button", "textarea", "select", "img", "svg", "math", "video",
                    "audio", "source", "track", "picture", "canvas", "template", "noscript", "portal", "image",
                    "isindex", "xmp", "plaintext", "listing", "marquee", "dialog", "details"}


def url_scheme_text(value: str) -> str:
    """A URL as the browser reads its scheme: without ASCII whitespace and controls, lower case."""
    return re.sub(r"[\x00-\x20\x7f]", "", value).lower()


def is_external(value: str) -> bool:
    cleaned = url_scheme_text(value)
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", cleaned)) or cleaned.startswith(("//", "\\\\", "/\\", "\\/"))


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    in_content: bool  # inside <article>, the page's content
    theme_icon: bool  # an icon the theme puts inside the content (edit/view buttons)


@dataclass
class Script:
    attrs: dict[str, str]
    text: str
    in_content: bool


class PageScan(HTMLParser):
    """Every element, script and the content's visible text of one built page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.scripts: list[Script] = []
        self._content_depth = 0
        self._button_depth = 0  # inside a theme button (a.md-content__button)
        self._open: list[str] = []
        self._script: Script | None = None
        self._text: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        in_content = self._content_depth > 0
        self.elements.append(Element(tag, values, in_content, self._button_depth > 0))
        if tag == "article":
            self._content_depth += 1
        if tag == "a" and "md-content__button" in values.get("class", "").split():
            self._button_depth += 1
            self._open.append("button")
        elif tag == "a":
            self._open.append("a")
        if tag == "script":
            self._script = Script(values, "", in_content)
            self.scripts.append(self._script)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._content_depth = max(0, self._content_depth - 1)
        if tag == "a" and self._open:
            if self._open.pop() == "button":
                self._button_depth -= 1
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.text += data
        elif self._content_depth > 0:
            self._text.append(data)

    @property
    def content_text(self) -> str:
        """The text of the page's content, as shown, with whitespace folded."""
        return " ".join("".join(self._text).split())


THEME_SCRIPT_SRC_RE = re.compile(r"(?:/|(?:\.\./)*(?:\./)?)assets/javascripts/[\w.-]+\.js")
_SCOPE_RE = re.compile(r'new URL\("[./]*",location\)')
ARTICLE_RE = re.compile(r"<article\b.*</article>", re.S)
JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def content_html(html: str) -> str:
    """The raw HTML of a page's content (its <article>); the whole page when it has none (redirects)."""
    match = ARTICLE_RE.search(html)
    return match.group() if match else html


def theme_inline_script(text: str) -> str:
    """An inline theme script with its page-relative root folded, so every page's copy compares equal."""
    return _SCOPE_RE.sub('new URL(ROOT,location)', text)
