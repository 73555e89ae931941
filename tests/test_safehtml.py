"""The sanitiser's fast path (safehtml.py): a generated page already inside the allow-list is kept as nh3
would write it; anything else goes through nh3 whole. The hostile cases of test_output_safety.py and
test_hostile.py run through the same clean_page."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from site_builder import pages, safehtml
from site_builder.config import read_settings
from site_builder.pages import PageWriter
from site_builder.project import load_site
from site_builder.render import environment
from site_builder.safehtml import clean_page

from .conftest import REPO


def generated_html(root: Path, monkeypatch: pytest.MonkeyPatch,
                   json_ld: dict[str, str] | None = None) -> dict[str, str]:
    """Every generated page of a project (drafts too) as its templates write it, before sanitising;
    ``json_ld`` gets the JSON-LD text the page writer told the sanitiser it wrote, by page."""
    seen: dict[str, str] = {}
    told = {} if json_ld is None else json_ld
    settings = read_settings(root / "mkdocs.yml")
    writer = PageWriter(load_site(settings), environment(settings.templates_dir), drafts=True)
    for uri in writer.uris():
        def capture(html: str, uri: str = uri, json_ld: str = "") -> str:
            told[uri] = json_ld
            return seen.setdefault(uri, html)
        monkeypatch.setattr(pages, "clean_page", capture)
        writer.page(uri)
    return seen


def test_every_page_of_the_demo_takes_the_fast_path_and_gets_the_bytes_nh3_writes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    json_ld: dict[str, str] = {}
    written = generated_html(REPO, monkeypatch, json_ld)
    assert len(written) > 40
    assert sum(bool(text) and text in written[uri] for uri, text in json_ld.items()) > 20  # claims, articles, home
    told = [uri for uri, html in written.items() if clean_page(html, json_ld=json_ld[uri]) != clean_page(html, fast=False)]
    assert not told, f"the JSON-LD the page writer wrote is kept otherwise than parsed and written again: {told[:5]}"
    slow = [uri for uri, html in written.items()
            if not safehtml._ALLOWED_PAGE_RE.fullmatch(safehtml.JSON_LD_RE.sub("", html))]
    assert not slow, f"a template writes something outside the fast path's grammar: {slow[:5]}"
    differ = [uri for uri, html in written.items() if clean_page(html) != clean_page(html, fast=False)]
    assert not differ, differ[:5]


# Each is refused by the fast path (and so goes through nh3); the right-hand side is what a reader gets.
NEAR_MISSES = {
    '<p onclick="alert(1)">x</p>': "<p>x</p>",
    '<p ONCLICK="alert(1)">x</p>': "<p>x</p>",
    '<P class="a">x</P>': '<p class="a">x</p>',
    '<p/onclick="alert(1)">x</p>': "<p>x</p>",
    '<p class="a"/onclick="alert(1)">x</p>': '<p class="a">x</p>',
    "<p class='a' onclick='alert(1)'>x</p>": '<p class="a">x</p>',
    '<p class=a onclick=alert(1)>x</p>': '<p class="a">x</p>',
    '<p\tonclick="alert(1)">x</p>': "<p>x</p>",
    '<p\x0conclick="alert(1)">x</p>': "<p>x</p>",
    '<p classx="a">x</p>': "<p>x</p>",
    '<p data-search-exclude>x</p>': '<p data-search-exclude="">x</p>',
    '<a href="javascript:alert(1)">a</a>': "<a>a</a>",
    '<a href="JavaScript:alert(1)">a</a>': "<a>a</a>",
    '<a href=" javascript:alert(1)">a</a>': "<a>a</a>",
    '<a href="java\tscript:alert(1)">a</a>': "<a>a</a>",
    '<a href="jav&#97;script:alert(1)">a</a>': "<a>a</a>",
    '<a href="javascript&#58;alert(1)">a</a>': "<a>a</a>",
    '<a href="&#x6a;avascript:alert(1)">a</a>': "<a>a</a>",
    '<a href="data:text/html,x">a</a>': "<a>a</a>",
    '<a href="//evil.example/x:y">a</a>': '<a href="//evil.example/x:y">a</a>',
    '<p id="__config">x</p>': "<p>x</p>",
    '<p id="&#95;_config">x</p>': "<p>x</p>",
    '<p href="https://e.org/">x</p>': "<p>x</p>",
    '<p title="a<b">x</p>': '<p title="a&lt;b">x</p>',
    '<p>a<!-- <script>alert(1)</script> -->b</p>': "<p>ab</p>",
    '<p>x</p><script>alert(1)</script>': "<p>x</p>",
    '<p>x</p><style>p{}</style>': "<p>x</p>",
    '<img src="x" onerror="alert(1)">': "",
    '<svg onload="alert(1)"></svg>': "",
    '<p>x<br/></p>': "<p>x<br></p>",
    '<p>a\x00b</p>': "<p>ab</p>",
    '<p>a &copy; b</p>': "<p>a © b</p>",
    '<p>a > b</p>': "<p>a &gt; b</p>",
    '<p>a\rb</p>': "<p>a\nb</p>",
}


@pytest.mark.parametrize("html", NEAR_MISSES)
def test_anything_outside_the_grammar_goes_through_nh3(html: str) -> None:
    assert not safehtml._ALLOWED_PAGE_RE.fullmatch(html)
    assert clean_page(html) == NEAR_MISSES[html] == clean_page(html, fast=False)


KEPT = [
    '<p class="claim-summary"><strong data-search-exclude="">Short answer:</strong> a &#39;b&#39; &#34;c&#34; &amp;</p>',
    '<a class="claim-mark rating-false" id="claim-x" href="../../claims/x/" title="Claim: &quot;x&quot; &#x27;y&#x27;">'
    '<mark>w</mark></a>',
    '<a href="https://e.org/a?b=1&amp;c=2#d" rel="nofollow noopener noreferrer">e</a> a\xa0b',
    '<nav class="claims-pager" aria-label="Pages of this list"><p><strong aria-current="page">1</strong></p></nav>',
    '<time datetime="2025-12-03">3 December 2025</time>'
    '<table><thead><tr><th scope="col" align="left">t</th></tr></thead><tbody><tr><td align="right">1</td></tr></tbody></table>',
    '<p title="a\xa0b">\U0001f680 \u202e \ufeff \ue000</p>',
]


@pytest.mark.parametrize("html", KEPT)
def test_pages_inside_the_grammar_are_kept_as_nh3_writes_them(html: str) -> None:
    assert safehtml._ALLOWED_PAGE_RE.fullmatch(html)
    assert clean_page(html) == clean_page(html, fast=False)


def test_a_page_outside_the_grammar_is_refused_in_linear_time() -> None:
    """Possessive repeats: a long page that fails at its end is not tried in every split."""
    for html in ("a" * 200_000 + "<", '<p class="' + "a" * 200_000, "<p>x</p>" * 50_000 + "<P>",
                 '<a href="' + "x" * 200_000 + ':">'):
        start = time.process_time()
        assert not safehtml._ALLOWED_PAGE_RE.fullmatch(html)
        assert time.process_time() - start < 1
