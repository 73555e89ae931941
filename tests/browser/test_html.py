"""The built HTML: valid (Nu Html Checker) and without a broken internal link. No browser needed."""

from __future__ import annotations

import json
import posixpath
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from .conftest import REPO, BuiltSite, unavailable

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The one error of the stock theme that overrides/ cannot reach: base.html gives its hidden checkbox
# toggles (#__drawer, #__search) autocomplete="off", which HTML allows on text-like inputs only.
STOCK_THEME_ERROR = (
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
    "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
    "or “week”."
)


def test_every_page_is_valid_html(built_site: BuiltSite) -> None:
    java = shutil.which("java")
    if not VNU.is_file() or java is None:
        missing = "the Nu Html Checker (node_modules/vnu-jar)" if java else "Java (11 or newer)"
        unavailable(f"{missing} is not installed",
                    "make html-checker (runs npm ci; needs Node.js and Java 11+, e.g. apt-get install default-jre-headless)")
    result = subprocess.run(
        [str(java), "-jar", str(VNU), "--skip-non-html", "--errors-only", "--format", "json", str(built_site.out)],
        capture_output=True, text=True, check=False, timeout=600,
    )
    report = result.stderr.strip() or result.stdout.strip()
    try:
        messages = json.loads(report)["messages"]
    except (ValueError, KeyError):
        raise AssertionError(f"no report from the Nu Html Checker (exit {result.returncode}): {report[:2000]}") from None
    errors = []
    for message in messages:
        if message.get("message") == STOCK_THEME_ERROR and 'type="checkbox"' in message.get("extract", ""):
            continue
        where = message.get("url", "").removeprefix("file:").removeprefix(str(built_site.out))
        errors.append(f"{where}:{message.get('lastLine', '?')}: {message.get('type')}: {message.get('message')}"
                      f"\n    {message.get('extract', '').strip()}")
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors[:50])


class _Links(HTMLParser):
    """Collects the ids of a page and every link it makes (href, src, and meta refresh targets)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        line = self.getpos()[0]
        for name in ("href", "src"):
            if name in values:
                self.links.append((line, values[name]))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh" and "url=" in values.get("content", ""):
            self.links.append((line, values["content"].split("url=", 1)[1].strip()))


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def test_no_broken_internal_links(built_site: BuiltSite) -> None:
    """Every relative or site-absolute href/src resolves to a built file, and every #fragment to an
    element on its target page. Links to the canonical site_url count as internal too."""
    out = built_site.out
    site_url = built_site.data.settings.site_url or "https://example.invalid/"
    base_path = urlsplit(site_url).path  # site-absolute links start with it (e.g. /claim-explainer/)
    pages = {path: _parse(path) for path in sorted(out.rglob("*.html"))}
    broken: list[str] = []
    for path, parsed in pages.items():
        page_url = urljoin(site_url, path.relative_to(out).as_posix())
        for line, link in parsed.links:
            link = link.strip()
            absolute = urljoin(page_url, link)
            relative_or_site_absolute = not urlsplit(link).scheme and not link.startswith("//")
            if not relative_or_site_absolute and not absolute.startswith(site_url):
                continue  # another site, mailto:, javascript:, data:
            where = f"{path.relative_to(out)}:{line}: {link}"
            parts = urlsplit(absolute)
            url_path = unquote(parts.path)
            if not url_path.startswith(base_path):
                broken.append(f"{where}: outside the site ({base_path})")
                continue
            target = _resolve(out, url_path[len(base_path):])
            if target is None:
                broken.append(f"{where}: no such file")
            elif parts.fragment and target.suffix == ".html":
                fragment = unquote(parts.fragment)
                ids = pages[target].ids if target in pages else _parse(target).ids
                if fragment not in ids:
                    broken.append(f"{where}: no element with id {fragment!r} on {target.relative_to(out)}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:50])


def _resolve(out: Path, relative: str) -> Path | None:
    """The built file a URL path (relative to the site root) serves, as a static server would."""
    relative = posixpath.normpath("/" + relative).lstrip("/")
    candidate = out / relative if relative not in ("", ".") else out
    if candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(out.resolve())
    except ValueError:
        return None  # outside the site
    return candidate if candidate.is_file() else None
