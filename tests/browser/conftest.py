"""Browser tests: the demo site, built once, served over http and read in headless Chromium.

Chromium comes from the system (Debian's `chromium`), never from `playwright install`. Without it the
tests skip, except in CI (environment variable CI set, as .ci/run does), where a missing tool fails.
Every request to anything but the local test server is blocked, and a page that tries one fails.
"""

from __future__ import annotations

import contextlib

import importlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

from site_builder.model import Claim, slugify
from site_builder.config import read_settings
from site_builder.project import Site, load_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page, Route

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
# The claim the reader's-path and search tests follow; the other page types are picked around it.
CLAIM_ID = "s400-90-percent-success-rate"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def unavailable(what: str, how: str) -> None:
    """Skip outside CI with how to enable the tests; fail in CI, where every tool must be there."""
    if in_ci():
        pytest.fail(f"{what} (CI is set, so this test must run; {how})", pytrace=False)
    pytest.skip(f"{what}; to run these tests: {how}")


def need(module: str) -> ModuleType:
    """Import a test dependency, or skip (fail in CI) with how to install it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        unavailable(f"Python package {module.split('.')[0]} is not installed", "pip install -e '.[test]'")
        raise  # unreachable: unavailable() skips or fails


# The built site


@dataclass(frozen=True)
class BuiltSite:
    root: Path  # the copy of the project
    out: Path  # the built HTML
    data: Site  # the claims and articles, as the plugin loaded them

    @property
    def published(self) -> list[Claim]:
        return sorted(self.data.published, key=lambda claim: claim.id)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The demo site, built once per session from a copy of the repository (strict, as CI builds)."""
    root = tmp_path_factory.mktemp("browser") / "demo"
    for name in ("claims", "content", "templates", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                            cwd=root, capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return BuiltSite(root, root / "site", load_site(read_settings(root / "mkdocs.yml")))


@dataclass(frozen=True)
class PageTypes:
    """One URL (relative to the site root) of each kind of generated page."""

    claim_id: str
    paths: dict[str, str]


@pytest.fixture(scope="session")
def page_types(built_site: BuiltSite) -> PageTypes:
    claim = built_site.data.claims.get(CLAIM_ID)
    assert claim is not None and claim.published, f"the demo claim {CLAIM_ID} is missing or not published"
    tag = claim.tags[0] if claim.tags else sorted({t for c in built_site.published for t in c.tags})[0]
    paths = {
        "home": "",
        "claims-index": "claims/",
        "claim": f"claims/{claim.id}/",
        "article": f"articles/{claim.article}/",
        "rating": f"ratings/{claim.rating}/",
        "tag": f"tags/{tag}/",
        "claimant": f"claimants/{slugify(claim.claimant)}/",
        "methodology": "methodology/",
        "about": "about/",
        "corrections": "corrections/",
        "data": "data/",
        "articles-index": "articles/",
        "ratings-index": "ratings/",
        "tags-index": "tags/",
        "claimants-index": "claimants/",
    }
    for name, path in paths.items():
        assert (built_site.out / path / "index.html").is_file(), f"{name} page {path} was not built"
    return PageTypes(claim.id, paths)


# The server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A built site over http on 127.0.0.1 and a free port (search needs http); yields the base URL."""
    expected = (folder / "index.html").read_bytes()
    for _ in range(3):  # another process may take the port between the check and the bind
        port = _free_port()
        process = subprocess.Popen(
            [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}/"
        try:
            if _serves(base, expected, process):
                yield base
                return
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
    pytest.fail("could not start the test server (python -m http.server)", pytrace=False)


@pytest.fixture(scope="session")
def server(built_site: BuiltSite) -> Iterator[str]:
    """The demo build, served."""
    with serve(built_site.out) as base:
        yield base


def _serves(base: str, expected: bytes, process: subprocess.Popen) -> bool:  # type: ignore[type-arg]
    """True once the server answers with our home page (not some other server on that port)."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with urllib.request.urlopen(base, timeout=2) as response:  # noqa: S310 (local test server)
                return bool(response.read() == expected)
        except OSError:
            time.sleep(0.1)
    return False


# The browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        unavailable(f"no Chromium at {CHROMIUM}",
                    "apt-get install chromium (or set CHROMIUM to the path of a Chromium or Chrome binary)")
    sync_api = need("playwright.sync_api")
    playwright = sync_api.sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()


@dataclass
class Tab:
    """A page in a fresh browser context that reaches only the test server."""

    page: Page
    base: str
    blocked: list[str] = field(default_factory=list)  # requests to anywhere else, refused
    errors: list[str] = field(default_factory=list)  # uncaught JavaScript errors

    def open(self, path: str) -> Page:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, f"{path}: HTTP {response and response.status}"
        return self.page

    def url(self, path: str) -> str:
        return self.base + path


def guarded_tab(browser: Browser, server: str, viewport: dict[str, int] = DESKTOP) -> tuple[BrowserContext, Tab]:
    """A tab in a context of its own that reaches only ``server``: every other request is refused and
    kept in ``tab.blocked``, every JavaScript error in ``tab.errors``, for the caller to assert on."""
    touch = viewport is PHONE  # a phone has a touch screen and no hover: the theme behaves differently then
    context = browser.new_context(viewport=viewport, is_mobile=touch, has_touch=touch, service_workers="block")
    context.set_default_timeout(10_000)
    page = context.new_page()
    tab = Tab(page, server)

    def route(route: Route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            tab.blocked.append(route.request.url)
            route.abort("blockedbyclient")

    context.route("**/*", route)
    page.on("pageerror", lambda error: tab.errors.append(f"{page.url}: {error}"))
    return context, tab


@pytest.fixture
def open_tab(browser: Browser, server: str) -> Iterator[Callable[..., Tab]]:
    """open_tab(viewport) -> Tab. Fails the test if a page requested anything outside 127.0.0.1
    or threw a JavaScript error."""
    contexts: list[tuple[BrowserContext, Tab]] = []

    def open_tab(viewport: dict[str, int] = DESKTOP) -> Tab:
        context, tab = guarded_tab(browser, server, viewport)
        contexts.append((context, tab))
        return tab

    yield open_tab
    for context, _ in contexts:
        context.close()
    blocked = [url for _, tab in contexts for url in tab.blocked]
    errors = [error for _, tab in contexts for error in tab.errors]
    assert not blocked, f"pages tried to reach outside the test server: {sorted(set(blocked))}"
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def desktop(open_tab: Callable[..., Tab]) -> Tab:
    return open_tab(DESKTOP)


@pytest.fixture
def phone(open_tab: Callable[..., Tab]) -> Tab:
    return open_tab(PHONE)


@pytest.fixture(scope="session")
def expect() -> Any:
    """playwright's expect(), for assertions that wait."""
    return need("playwright.sync_api").expect


# Screenshots

SCREENSHOTS_TAKEN: list[Path] = []


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS_TAKEN:
        terminalreporter.write_line(f"{len(SCREENSHOTS_TAKEN)} browser screenshots in {SCREENSHOTS}")
