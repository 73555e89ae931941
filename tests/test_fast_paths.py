"""Each shortcut the page writer takes gives what the code it replaced gave, kept here as the oracle:
the page sanitiser (safehtml.clean_page), the Markdown sanitiser (markup.markdown_html), the Markdown
conversion that frees cmark-gfm's memory (markup._cmark_html), the article text shown
(markup.displayable), a CSV row (exports.csv_text) and escaped values (render.escaped_text).
Randomised inputs (fixed seeds) and hostile pieces, compared output for output."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import types

import pytest
from markupsafe import escape

from site_builder import markup, render, safehtml
from site_builder.exports import CSV_COLUMNS, csv_text
from site_builder.safehtml import UnsafePage, clean_page
from site_builder.structured import script

# -- the page sanitiser, as it was before JSON-LD blocks were looked for with str.find -------------------


def _old_canonical(html: str) -> str:
    if "&#39;" in html:
        html = html.replace("&#39;", "'")
    if "&#x27;" in html:
        html = html.replace("&#x27;", "'")
    if "\xa0" in html:
        html = html.replace("\xa0", "&nbsp;")
    if "&#34;" in html or "&quot;" in html:
        def quote(match: re.Match[str]) -> str:
            at = match.start()
            return "&quot;" if html.rfind("<", 0, at) > html.rfind(">", 0, at) else '"'
        html = re.sub("&#34;|&quot;", quote, html)
    return html


def old_clean_page(html: str, *, fast: bool = True, json_ld: str = "") -> str:
    blocks: list[str] = []

    def hold(match: re.Match[str]) -> str:
        text = match.group(1)
        if not json_ld or text != json_ld:
            try:
                data = json.loads(text)
            except ValueError as error:
                raise UnsafePage(f"a JSON-LD block is not JSON ({error})") from None
            text = script(data)
        text = safehtml._SURROGATE_RE.sub("\ufffd", text)
        blocks.append(f'<script type="application/ld+json">{text}</script>')
        return f"{token}{len(blocks) - 1}\ue001"

    salt = 0
    while f"\ue000{salt}:" in html:
        salt += 1
    token = f"\ue000{salt}:"
    held = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S).sub(hold, html)
    if fast and safehtml._ALLOWED_PAGE_RE.fullmatch(held):
        clean = _old_canonical(held)
        for number, block in enumerate(blocks):
            clean = clean.replace(f"{token}{number}\ue001", block, 1)
        return clean
    try:
        clean = safehtml._CLEANER.clean(held)
    except UnicodeEncodeError:
        held = safehtml._SURROGATE_RE.sub("\ufffd", held)
        clean = safehtml._CLEANER.clean(held)
    if ' id="_' in clean:
        clean = safehtml._ID_CHECKING_CLEANER.clean(held)
    for number, block in enumerate(blocks):
        clean = clean.replace(f"{token}{number}\ue001", block, 1)
    return clean


def _outcome(function, html: str, **options: object) -> str:  # type: ignore[no-untyped-def]
    try:
        return "ok: " + function(html, **options)
    except UnsafePage as error:
        return f"UnsafePage: {error}"


JSON_LD = script({"@type": "ClaimReview", "name": "a < b & \u2028 ’", "n": [1, 2]})
OPEN, CLOSE = '<script type="application/ld+json">', "</script>"
# Pieces a page is put together from: what our templates write, near misses of the grammar, JSON-LD blocks
# whole and in parts, the sanitiser's own token characters, references, quotes, no-break spaces.
PIECES = [
    "<p>", "</p>", '<p class="claim-summary">', '<a href="../../claims/x/">', '<a href="https://e.org/?a=1&amp;b=2">',
    "</a>", '<a href="../x:y/">', '<a href="javascript:alert(1)">', '<a href="\ue0000:0\ue001">', "<td>", "</td>",
    '<span title="a &quot;b&quot; &#34;c&#34; &#39;d&#39; &#x27;e&#x27;">', "</span>", '<p id="_x">', '<p id="x">',
    '<p title="', '">', '"', "'", "&quot;", "&#34;", "&#39;", "&#x27;", "&amp;", "&lt;", "&gt;", "&nbsp;", "&copy;",
    "\xa0", "text", " ", "\n", "\r", "\x01", "\ud800", "<", ">", "&", ":", "\ue000", "\ue001", "\ue0000:", "\ue0001:",
    "0", "1", "\ue0000:0\ue001", "<!-- c -->", "<script>alert(1)</script>", "<P>", "<br>", "<br/>", '<p onclick="x">',
    OPEN, CLOSE, OPEN + JSON_LD + CLOSE, OPEN + JSON_LD + CLOSE, OPEN + '{"a": "</p>"}' + CLOSE,
    OPEN + '{"b": 1, "a": "<"}' + CLOSE, OPEN + '{"a": "\\ud800"}' + CLOSE, OPEN + "{not json" + CLOSE,
    OPEN + '"' + CLOSE, OPEN + CLOSE, OPEN + "{}",
]


def _soup(rng: random.Random) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14)))


@pytest.mark.parametrize("seed", range(8))
def test_the_page_sanitiser_gives_what_it_gave_on_random_tag_soup(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(4000):
        html = _soup(rng)
        for options in ({}, {"json_ld": JSON_LD}, {"json_ld": '{"a": 1}'}, {"fast": False, "json_ld": JSON_LD}):
            assert _outcome(clean_page, html, **options) == _outcome(old_clean_page, html, **options), (html, options)


@pytest.mark.parametrize("seed", range(4))
def test_the_page_sanitiser_gives_what_it_gave_on_pages_inside_the_grammar(seed: int) -> None:
    """Soups of the grammar's own pieces (most of them take the fast path, as our pages do)."""
    rng = random.Random(seed)
    kept = [piece for piece in PIECES if safehtml._ALLOWED_PAGE_RE.fullmatch(piece)]
    kept += [OPEN + JSON_LD + CLOSE] * 3
    fast = 0
    for _ in range(4000):
        html = "".join(rng.choice(kept) for _ in range(rng.randint(0, 30)))
        assert _outcome(clean_page, html, json_ld=JSON_LD) == _outcome(old_clean_page, html, json_ld=JSON_LD), html
        fast += bool(safehtml._ALLOWED_PAGE_RE.fullmatch(html.replace(OPEN + JSON_LD + CLOSE, "")))
    assert fast > 1000


# -- the Markdown sanitiser, as it was with the href filter called on every attribute -------------------

HREFS = ["https://e.org/a?b=1&c=2", "HTTP://E.ORG/", "http:e.org", "//e.org/x", "/x", "x/y", "#top", "", " https://e.org",
         "javascript:alert(1)", "jav&#97;script:alert(1)", "&#104;ttps://e.org/", "mailto:a@e.org", "https://e.org/\"x",
         "https://e.org/\xa0", "ftp://e.org/", "data:text/html,x", "https://e.org/ href=\"x\"", "\u0130ttps://x"]
MARKDOWN_PIECES = ["text ", "*em* ", "**strong** ", "`code` ", "\n\n", "\n", "# Heading\n", "- item\n", "> quote\n",
                   "| a | b |\n|---|---|\n| 1 | 2 |\n", " href=\"x\" ", "<b>raw</b>", "<script>x</script>", "&amp; ", "<"]


def _markdown(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 10)):
        kind = rng.random()
        href = rng.choice(HREFS)
        if kind < 0.3:
            parts.append(f"[link {rng.randint(0, 9)}]({href.replace(' ', '%20')} \"a title\") ")
        elif kind < 0.45:
            parts.append(f'<a href="{href}" title="t">raw link</a> ')
        elif kind < 0.55:
            parts.append(f"<{href}> ")
        else:
            parts.append(rng.choice(MARKDOWN_PIECES))
    return "".join(parts)


def test_markdown_is_sanitised_as_the_filtering_sanitiser_does() -> None:
    rng = random.Random(13)
    filtered = 0
    for _ in range(6000):
        converted = markup.cmarkgfm.markdown_to_html_with_extensions(
            _markdown(rng), options=markup.cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE, extensions=["table", "strikethrough"])
        expected = markup._MARKDOWN_CLEANER.clean(converted)
        assert markup._sanitised(converted) == expected, converted
        filtered += expected != markup._UNFILTERED_CLEANER.clean(converted)
    assert filtered > 500  # the filter did remove links in many of them


@pytest.mark.parametrize("href", HREFS)
def test_each_kind_of_link_is_kept_or_removed_as_before(href: str) -> None:
    for html in (f'<p><a href="{href}">x</a></p>', f"<p><a href='{href}' title=\"t\">x</a> y</p>",
                 f'<p><a href="https://e.org/">a</a><a href="{href}">b</a></p>'):
        assert markup._sanitised(html) == markup._MARKDOWN_CLEANER.clean(html)


# -- cmark-gfm's conversion, as cmarkgfm's public call (which keeps its tree and string) does it -------------

CMARK_CASES = [
    "", " ", "\n", "\n\n\n", "a", "text\r\nwith\rline\u2028breaks\x0c\x0b",
    "| a | b | c |\n|:--|:-:|--:|\n| 1 | **2** | `3 \\| 4` |\n| ragged |\n| x | y | z | extra |\n",
    "| only header |\n|---|\n", "a | b\n-|-\n1 | 2\n\nafter",
    "~one~ ~~two~~ ~~~three~~~ ~~*nested* **bold**~~ ~~unclosed",
    "<b>raw</b> <script>alert(1)</script>\n\n<div class=\"x\">\n*block*\n</div>\n\n<!-- comment --> <?pi?> <![CDATA[x]]>",
    "[inline](https://e.org/a?b=1&c=2 \"title\") [ref][r] <https://e.org/auto> ![img](x.png) [bad](javascript:x)\n\n[r]: /u",
    "é ü 😀 عربي עברית \u202e\u0301 \ufeff \x00 nul \U0010fffd &amp; &#0; &#x110000; &nbsp; &bogus;",
    "# One\n## Two\nSetext\n===\n> quote\n> > nested\n\n- a\n  - b\n1. c\n\n```py\ncode <x>\n```\n    indented\n\n---\n",
    "a  \nhard break\\\nescaped \\* \\` \\[",
    "> " * 5000 + "deep", "[" * 20000 + "x" + "]" * 20000, "*a **b " * 3000, "- " * 4000 + "list",
    "| a |\n|---|\n" + "| cell ~~s~~ |\n" * 5000,
]


def test_cmark_html_is_what_cmarkgfm_gives() -> None:
    assert markup._cmark_html is not markup._cmark_html_leaking  # the freeing conversion is the one in use here
    rng = random.Random(29)
    long = "".join(rng.choice(CMARK_CASES[:13] + MARKDOWN_PIECES) for _ in range(20000))  # a few hundred kB
    cases = CMARK_CASES + [long] + [_markdown(rng) for _ in range(2000)]
    cases += ["".join(rng.choice(CMARK_CASES[:13] + MARKDOWN_PIECES) for _ in range(rng.randint(1, 8))) for _ in range(2000)]
    for text in cases:
        assert markup._cmark_html(text) == markup._cmark_html_leaking(text), text[:200]


def test_cmark_html_refuses_a_lone_surrogate_as_cmarkgfm_does() -> None:
    for convert in (markup._cmark_html, markup._cmark_html_leaking):
        with pytest.raises(UnicodeEncodeError):
            convert("a \ud800 b")


def test_without_the_bindings_private_module_the_public_call_is_used() -> None:
    assert markup._freeing_cmark(None) is None
    assert markup._freeing_cmark(types.ModuleType("cmarkgfm._cmark")) is None


# -- article text as shown ---------------------------------------------------------------------------------


def test_the_quick_look_for_undisplayable_characters_misses_none() -> None:
    """Every character the removal takes out is one the quick look finds (all of Unicode, one by one)."""
    missed = [code for code in range(0x110000)
              if markup._UNDISPLAYABLE_RE.match(chr(code)) and not markup._MAYBE_UNDISPLAYABLE_RE.match(chr(code))]
    assert not missed


def test_article_text_is_shown_as_before() -> None:
    rng = random.Random(5)
    pool = "ab \n\t\x00\x08\x0b\x1f\x7f\x9f\xa0\u200e\u202a\u202e\u2066\u2069\ufdd0\ufdef\ufffe\uffff\ufeff\U0001fffe\U0010ffff\U0001f680’"
    for _ in range(20000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(0, 12)))
        assert markup.displayable(text) == markup._UNDISPLAYABLE_RE.sub("", text)


# -- a row of claims.csv -----------------------------------------------------------------------------------


def test_a_csv_row_is_written_as_dict_writer_writes_it() -> None:
    rng = random.Random(7)
    cells = ["", "a", 'say "x"', "a,b", "line\nbreak", "cr\rlf\r\n", "=1+1", "'quoted", " lead", "trail ", "\t", "’€",
             None, 3, 2.5, "\x00", "a;b", '[{"k": "v"}]']
    for _ in range(3000):
        row = {column: rng.choice(cells) for column in CSV_COLUMNS}
        out = io.StringIO()
        csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n").writerow(row)
        assert csv_text(row) == out.getvalue()


# -- escaped values ----------------------------------------------------------------------------------------


def test_the_escaping_without_markupsafes_c_function_writes_the_same() -> None:
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("a&<>'\"’\ud800 \U0001f680;#") for _ in range(rng.randint(0, 10)))
        assert render._replaced(text) == render.escaped_text(text) == str(escape(text))


# -- a claim's id and URL in its "Report an error" link ---------------------------------------------------


def test_quoting_is_urllibs() -> None:
    from urllib.parse import quote

    from site_builder.settings import quoted
    rng = random.Random(11)
    pool = [chr(code) for code in range(128)] + ["é", "€", "\U0001f680", "’"]
    for text in ["", "claims/x/", "https://e.org/claims/a-b_c.d~e/?q=1&r=2#s", *("".join(rng.choice(pool)
                 for _ in range(rng.randint(0, 20))) for _ in range(20000))]:
        assert quoted(text) == quote(text, safe="")


# -- relative links --------------------------------------------------------------------------------------


def _old_relative(target: str, start: tuple[str, ...]) -> str:
    parts = target.split("/")
    common = 0
    while common < len(start) and common < len(parts) - 1 and start[common] == parts[common]:
        common += 1
    relative = "../" * (len(start) - common) + "/".join(parts[common:])
    return relative or "./"


def test_relative_links_are_what_they_were() -> None:
    from site_builder.routes import _folders, _relative
    rng = random.Random(17)
    names = ["", "claims", "claims.md", "a", "b", "index.html", "x.html", "page", "2"]
    for _ in range(30000):
        target = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4)))
        here = "/".join(rng.choice(names) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
        start = _folders(here)
        assert _relative(target, start) == _old_relative(target, start), (target, start)
