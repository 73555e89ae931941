"""What keeps a field of ours from ever becoming markup on a generated page: the front matter the pages
carry (valid YAML for any text) and the sanitiser every generated page goes through."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml
from mkdocs.utils.meta import get_data
from pydantic import TypeAdapter, ValidationError

from site_builder import exports, pages
from site_builder.config import read_settings
from site_builder.model import Text, xml_safe
from site_builder.pages import build_pages
from site_builder.project import load_site
from site_builder.render import environment, meta, yaml_quoted
from site_builder.safehtml import UnsafePage, clean_page
from site_builder.structured import script

from .conftest import CLAIM, REPO, Project

# Every kind of character a field can hold, and those no field may hold but a tool might still meet.
HOSTILE_TEXT = [
    "🚀 Yes. [Read more](javascript:alert(1)) *x*{: onmouseover=alert(1) }",  # outside the BMP, and Markdown
    "🇺🇦 𝒯he 𝐁old ✍🏽 😀",  # flags, mathematical letters, a modifier
    "NEL\x85LS\u2028PS\u2029CR\rLF\nTAB\t",  # line breaks YAML folds if written raw
    "\ufffe\uffff\U0001fffe\U0010ffff\x7f\x9f\x00\x1b",  # noncharacters and controls YAML refuses raw
    'quote " backslash \\ \\ud83d colon: hash # dash - { [ * & ! | > % @ `',  # YAML and JSON syntax
]


def test_yaml_quoted_reads_back_as_the_same_text_with_pyyaml_and_libyaml() -> None:
    for text in HOSTILE_TEXT:
        assert yaml.load(yaml_quoted(text), yaml.SafeLoader) == text
        assert yaml.load(yaml_quoted(text), yaml.CSafeLoader) == text
    assert yaml.load(yaml_quoted("lone \ud800 surrogate"), yaml.CSafeLoader) == "lone \ufffd surrogate"


def test_yaml_quoted_writes_characters_not_surrogate_pairs() -> None:
    """JSON's ensure_ascii writes '\\ud83d\\ude80', which YAML parsers refuse (the stored script injection)."""
    assert yaml_quoted("🚀") == '"🚀"'
    assert yaml_quoted("a\x85b\ufffe") == '"a\\u0085b\\ufffe"'


def test_meta_is_front_matter_mkdocs_reads_as_one_escaped_line() -> None:
    for text in HOSTILE_TEXT:
        page = f"---\ntitle: {meta(text)}\ndescription: {meta(text)}\n---\n\n<p>body</p>\n"
        body, data = get_data(page)
        assert body.strip() == "<p>body</p>", f"the front matter of {text!r} was not read as YAML"
        shown = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert data["title"] == shown.replace('"', "&quot;").replace("'", "&#x27;")


# -- the sanitiser of generated pages ---------------------------------------------------------------


class Events(HTMLParser):
    """A page as the browser reads it: elements with their attribute values, and text; nothing of how
    it was spelled ('&#39;' or "'", a bare attribute or one set to "")."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("<", tag, tuple(sorted((name, value or "") for name, value in attrs))))

    def handle_endtag(self, tag: str) -> None:
        self.events.append((">", tag))

    def handle_data(self, data: str) -> None:
        if self.events and self.events[-1][0] == "text":
            self.events[-1] = ("text", str(self.events[-1][1]) + data)
        else:
            self.events.append(("text", data))


def first_difference(before: str, after: str) -> str:
    a, b = Events(before).events, Events(after).events
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return f"event {index}: {x} became {y}"
    return "" if len(a) == len(b) else f"{len(a)} events became {len(b)}"


def build_in_process(root: Path, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Build ``root`` with real MkDocs; every (page HTML, sanitised HTML) of its generated pages."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    seen: list[tuple[str, str]] = []

    def recording(html: str, **options: str) -> str:
        out = clean_page(html, **options)
        seen.append((html, out))
        return out

    monkeypatch.setattr(pages, "clean_page", recording)
    monkeypatch.chdir(root)
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    config.plugins.on_startup(command="build", dirty=False)  # as `mkdocs build` does
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return seen


def test_the_allow_list_keeps_everything_our_templates_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the demo site (every kind of page and field), sanitising changes nothing a browser would read:
    a template that starts writing an element or attribute the allow-list lacks fails here."""
    root = tmp_path / "demo"
    for name in ("claims", "content", "templates", "overrides"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    seen = build_in_process(root, monkeypatch)
    assert len(seen) > 40  # every generated page, and only those: not methodology.md or data.md
    changed = [first_difference(before, after) for before, after in seen if first_difference(before, after)]
    assert not changed, changed[:5]
    assert sum(before.count('type="application/ld+json"') for before, _ in seen) >= 17


PAYLOADS = {
    '<p onmouseover="alert(1)" style="color:red" autofocus onfocus=alert(1)>x</p>': "<p>x</p>",
    '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a>': "<a>a</a><a>b</a>",
    '<a href="data:text/html,x">a</a><a href="vbscript:x">b</a>': "<a>a</a><a>b</a>",
    '<img src="https://evil.example/x.png" onerror="alert(1)">x': "x",
    '<iframe src="https://evil.example/"></iframe><style>p{}</style><script>alert(1)</script>y': "y",
    '<svg><script>alert(1)</script></svg><math><mi>x</mi></math>': "",
    '<form action="https://evil.example/"><input name="a"><button>b</button></form>': "b",
    '<p id="__config">x</p><p id="claim-a" class="c" lang="ru" title="t">y</p>':
        '<p>x</p><p id="claim-a" class="c" lang="ru" title="t">y</p>',
    '<a href="../x/" rel="nofollow" title="t" aria-current="page">r</a><a href="https://e.org/">s</a>':
        '<a href="../x/" rel="nofollow" title="t" aria-current="page">r</a><a href="https://e.org/">s</a>',
    "<!-- <script>alert(1)</script> -->z<base href=\"https://evil.example/\"><meta http-equiv=refresh>": "z",
    '<details open ontoggle="alert(1)"><summary>s</summary></details>': "s",
}


@pytest.mark.parametrize("html", PAYLOADS)
def test_markup_outside_the_allow_list_is_removed(html: str) -> None:
    assert clean_page(html) == PAYLOADS[html]


def test_json_ld_is_kept_as_json_that_cannot_close_its_script() -> None:
    data = {"@context": "https://schema.org", "name": "</script><script>alert(1)</script> & \u2028"}
    written = json.dumps(data).replace("</", "<\\/")  # valid JSON, and a valid script, but '<' left raw
    html = f'<p>a</p>\n<script type="application/ld+json">{written}</script>\n<script>alert(1)</script>'
    out = clean_page(html)
    assert out == ('<p>a</p>\n<script type="application/ld+json">{"@context": "https://schema.org", "name": '
                   '"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u2028"}</script>\n')
    assert json.loads(out.split(">", 3)[3].rsplit("</script>", 1)[0]) == data


def test_json_ld_that_is_not_json_stops_the_build() -> None:
    with pytest.raises(UnsafePage, match=r"^a JSON-LD block is not JSON \(Unterminated string"):
        clean_page('<script type="application/ld+json">{"a": "</script>"}</script>')


@pytest.mark.parametrize("data", [
    {"@context": "https://schema.org", "name": "</script><script>alert(1)</script> & \u2028\u2029 \\u003c"},
    {"b": [1, 2.5, 1e16, None, True], "a": {"z": "\ud800 half a character", "y": "tab\tand \x01"}},
])
def test_json_ld_the_page_writer_wrote_is_kept_as_parsing_and_writing_it_again_would(data: dict[str, object]) -> None:
    """The page writer tells the sanitiser the JSON-LD text it wrote (structured.script), which is kept
    without being parsed and written again: the same bytes as the full path, lone surrogates replaced."""
    written = str(script(data))
    html = f'<p>a</p>\n<script type="application/ld+json">{written}</script>'
    assert clean_page(html, json_ld=written) == clean_page(html) == clean_page(html, json_ld=written, fast=False)


def test_json_ld_other_than_the_page_writer_wrote_is_still_parsed() -> None:
    """Only the very text the page writer wrote is spared parsing: anything else in a JSON-LD block (a
    changed template) is still checked, and stops the build when it is not JSON."""
    with pytest.raises(UnsafePage, match=r"^a JSON-LD block is not JSON"):
        clean_page('<script type="application/ld+json">{"a": "</script>"}</script>', json_ld='{"a": 1}')
    html = '<script type="application/ld+json">{"b": 1, "a": "<"}</script>'
    assert clean_page(html, json_ld='{"a": 1}') == '<script type="application/ld+json">{"a": "\\u003c", "b": 1}</script>'


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    assert clean_page("<p>a\ud800b</p>") == "<p>a\ufffdb</p>"


def test_text_that_looks_like_the_placeholder_stays_text() -> None:
    """JSON-LD is held aside under a private-use token while the rest is cleaned: page text holding the
    same characters can neither duplicate nor move it."""
    html = ('<p>\ue0000:0\ue001 \ue0001:0\ue001</p><script type="application/ld+json">{"a": 1}</script>')
    assert clean_page(html) == '<p>\ue0000:0\ue001 \ue0001:0\ue001</p><script type="application/ld+json">{"a": 1}</script>'


def test_only_generated_pages_are_sanitised(project: Project) -> None:
    """A template that wrote live markup (here, a changed claim template) is cleaned on the built page;
    the site's own Markdown pages, written by maintainers, are left as they are."""
    templates = project.root / "templates"
    shutil.copytree(REPO / "templates", templates)
    claim = templates / "claim.html.j2"
    claim.write_text(claim.read_text(encoding="utf-8").replace(
        '<p class="claim-summary">',
        '<p class="claim-summary" onclick="window.__pwned=1"><img src="https://evil.example/x.png">'
        '<script>window.__pwned=1</script>'), encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(f"templates_dir: {(REPO / 'templates').as_posix()}",
                                                               "templates_dir: templates"), encoding="utf-8")
    (project.root / "content" / "methodology.md").write_text(
        '# Methodology\n\n<p class="maintainers" style="color: red">Our own <abbr title="x">HTML</abbr>.</p>\n',
        encoding="utf-8")
    result = project.build()
    assert result.returncode == 0, result.stderr
    page = project.html("claims/output-rose-40-percent")
    assert ('<p class="claim-summary"><strong data-search-exclude="">Short answer:</strong> Official figures show a 40% rise.'
            in page)
    assert "evil.example" not in page and "window.__pwned" not in page
    assert '<p class="maintainers" style="color: red">' in project.html("methodology")


# -- characters XML cannot carry ----------------------------------------------------------------------


NOT_XML = "\ufffe\uffff\U0001fffe\U0010ffff\ufdd0\ufdef\x01\x0b\x1b\ud800\udfff"


def test_xml_safe_removes_what_xml_forbids_and_noncharacters() -> None:
    assert xml_safe(f"a{NOT_XML}b\t\n\r\x85\u2028\ufdf0\ufffd\U0001fffd") == "ab\t\n\r\x85\u2028\ufdf0\ufffd\U0001fffd"


def test_a_lone_surrogate_is_refused_whatever_yaml_parser_let_it_through() -> None:
    """libyaml refuses an escape of half a character; the pure-Python parser lets it through."""
    with pytest.raises(ValidationError, match=r"contains a lone surrogate U\+D83D at position 3 \(expected whole "
                                              r"characters: write the character itself, not an escape of half of it\)"):
        TypeAdapter(Text).validate_python("ab\ud83dc")


def test_every_feed_and_data_file_parses_whatever_text_reaches_it(project: Project) -> None:
    """Validation refuses these characters in every field; if one ever got past it (a new field, a tool),
    each file would still parse, and hold the rest of the text."""
    site = load_site(read_settings(project.root / "mkdocs.yml"))
    claim = site.claims["output-rose-40-percent"]
    site.claims[claim.id] = claim.model_copy(update={
        "title": f"Title{NOT_XML}end", "summary": f"Summary{NOT_XML}end", "claimant": f"Claimant{NOT_XML}end",
        "quote": f"Output rose by 40% last year{NOT_XML}", "tags": ["economy"]})
    article = site.articles["output-article"]
    article.meta.__dict__.update(title=f"Article{NOT_XML}end", outlet=f"Outlet{NOT_XML}end")  # frozen model
    pages = build_pages(site, environment(REPO / "templates"))
    feed = ElementTree.fromstring(pages["feed.xml"].encode("utf-8"))
    assert "Claim: Titleend | Rated Supported" in [item.findtext("title") for item in feed.iter("item")]
    for name in ("feed.json", "data/claims.json", "data/claimreview.json"):  # JSON escapes C0 controls
        json.loads(pages[name].encode("utf-8"))
        title = '"Claim: Title\\u0001\\u000b\\u001bend | Rated Supported"' if name == "feed.json" else '"Title\\u0001\\u000b\\u001bend"'
        assert title in pages[name] and xml_safe(pages[name]) == pages[name], name
    rows = list(csv.DictReader(io.StringIO(pages["data/claims.csv"].encode("utf-8").decode("utf-8"))))
    assert {row["title"] for row in rows} >= {"Titleend"} and {row["outlet"] for row in rows} == {"Outletend"}
    assert exports.xml_safe is xml_safe


def test_an_imported_page_with_an_emoji_and_markdown_in_its_title_publishes_inertly(project: Project) -> None:
    """The finding arrived through import-article too: a propaganda page whose <title> holds an emoji and
    Markdown. Imported, cited by a claim and built, its title is text on every page and in <title>."""
    title = "🚀 Officials *x*{: onmouseover=window.__pwned=1 } [more](javascript:alert(1))"
    source = project.root / "page.html"
    source.write_text(f"<html><head><title>{title}</title></head><body><article><p>Output rose by 40% last "
                      "year, the minister said on Monday. It was a record for the ministry, which had "
                      "expected less.</p></article></body></html>", encoding="utf-8")
    result = project.run(sys.executable, "-m", "site_builder", "import-article", str(source), "--id", "imported",
                         "--outlet", "evil.example", "--url", "https://evil.example/a", "--published", "2025-12-03")
    assert result.returncode == 0, result.stderr
    project.write_claim("from-imported", CLAIM.replace("article: output-article", "article: imported"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    for page in ("articles/imported", "claims/from-imported", "articles"):
        html = project.html(page)
        attributes = [(event[1], name, value) for event in Events(html).events if event[0] == "<"
                      for name, value in event[2]]  # type: ignore[attr-defined]
        assert not [a for a in attributes if a[1].startswith("on") or a[2].startswith("javascript:")], page
        assert "<em" not in html.split("<article", 1)[1], page
    assert f"<title>{escape(title, quote=False)} - Test claims</title>" in project.html("articles/imported")
