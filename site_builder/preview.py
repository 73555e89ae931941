"""What the live preview (``mkdocs serve``) shows while the project has errors. Pure: no MkDocs.

The page is the terminal's report, word for word (escaped), on a page of its own: it does not use the
site's templates or theme, which may be what is broken. After each build it asks for its own address
again and reloads once the answer is something else (the fixed page, or the theme's "not found" page),
so it recovers even where the server's own reload script is not added (an address with no page,
answered from ``404.html``).
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from .model import SLUG_RE
from .routes import NAV_PAGES, Routes

MARK = "data-claims-preview-error"  # on every error page: how its script knows the error is gone
RETRY_SECONDS = 5  # when the server does not answer as MkDocs' does

# After each build (MkDocs' server answers /livereload/<epoch>/<id> once a build newer than <epoch> is
# shown, as for its own reload script): ask for this address again, and once the answer is not an error
# page, show it. One request per build, not one a second: a missing address's 404 is logged each time.
_SCRIPT = """(function () {
  var epoch = 0, id = Date.now();
  function again() { setTimeout(check, %(ms)d); }
  function wait() {
    fetch("/livereload/" + epoch + "/" + id, {cache: "no-store"}).then(function (response) {
      if (!response.ok) { throw new Error(response.status); }
      return response.text();
    }).then(function (text) {
      var shown = parseFloat(text);
      if (shown > epoch) { epoch = shown; check(); } else { wait(); }
    }).catch(again);
  }
  function check() {
    fetch(location.href, {cache: "no-store"}).then(function (response) { return response.text(); }).then(function (text) {
      if (text.indexOf("%(mark)s") < 0) { location.reload(); } else { wait(); }
    }).catch(again);
  }
  wait();
})();"""

_STYLE = """body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1d1d1f; background: #fff; }
main { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #a3001b; font-size: 1.6rem; border-left: 0.4rem solid #c0182f; padding-left: 0.6rem; }
pre { background: #fff4f4; border: 1px solid #c0182f; padding: 1rem; overflow-x: auto; white-space: pre-wrap;
      overflow-wrap: anywhere; font-size: 0.9rem; }"""


def error_page(report: str, site_name: str) -> str:
    """A whole HTML document showing ``report`` (the problems as the terminal prints them)."""
    script = _SCRIPT % {"mark": MARK, "ms": RETRY_SECONDS * 1000}
    return (
        f'<!doctype html>\n<html lang="en" {MARK}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f"<title>Problems to fix: {escape(site_name)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n<main>\n"
        "<h1>The site cannot be built: problems to fix</h1>\n"
        "<p>The preview found these problems in the project's files (the terminal running "
        "<code>mkdocs serve</code> shows the same). Fix them and save: this page reloads by itself "
        "once the site builds again.</p>\n"
        f"<pre>{escape(report)}</pre>\n</main>\n<script>\n{script}\n</script>\n</body>\n</html>\n"
    )


def error_uris(routes: Routes, claims_folder: str, articles_folder: str, problem_paths: Iterable[str],
               changed: Iterable[str] = ()) -> list[str]:
    """Where the error page stands in for generated pages: the pages the navigation names, the page of
    each claim and article file a problem is in (paths as messages show them), and ``changed`` (the
    pages of the files edited since the last build without errors). Any other address keeps what the
    last good build wrote, or has no page (and gets the error page as its 404)."""
    uris = set(NAV_PAGES) | {routes.articles_index} | set(changed)
    for path in problem_paths:
        folder, _, name = path.rpartition("/")
        stem, _, suffix = name.rpartition(".")
        if not SLUG_RE.fullmatch(stem):
            continue
        if folder == claims_folder and suffix in ("yaml", "yml"):
            uris.add(routes.claim(stem))
        elif folder == articles_folder and suffix == "md":
            uris.add(routes.article(stem))
    return sorted(uris)
