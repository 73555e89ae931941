"""The last gate of a generated page: its HTML through an allow-list (nh3, ammonia).

Every field reaches a page through autoescaping templates, and Markdown fields through cmark-gfm and
nh3 (markup.py), so on a correct build this changes nothing a reader can see. It is here for the day
something before it fails, as it once did: an emoji broke the YAML of a page's front matter, MkDocs
rendered the title and summary lines as Markdown, and a summary became a live ``javascript:`` link and
an ``onmouseover`` handler. Whatever a field turns into, a page keeps only:

- the elements our templates write (text, lists, tables, figures, ``time``, ``mark``, ``nav``): no
  ``script`` but our JSON-LD, no ``style``, ``img``, ``iframe``, ``svg``, forms or media;
- the attributes they write: ``class``, ``id`` (never one starting ``_``, the theme's own ids such as
  ``__config``), ``lang``, ``dir``, ``title``, ``data-search-exclude``, ``href`` and ``rel`` on links,
  ``datetime``, ``scope``, ``align``, ``aria-label``, ``aria-current``: no event handler, no ``style``,
  no ``autofocus``;
- links to http(s) URLs and relative URLs only: no ``javascript:``, ``data:`` or any other scheme;
- each ``<script type="application/ld+json">`` only if it holds JSON, written again with ``<``, ``>``
  and ``&`` escaped so nothing can close it.

A template that starts writing another element or attribute must add it here (and a test fails until
it does: tests/test_output_safety.py). Pure: ``clean_page(html) -> html``; ``PageWriter.page`` calls it
on every generated page, whichever engine writes the page.

Parsing and writing every page again costs about 0.5 ms of CPU a page, as much as the rest of a page's
work. A page already inside the allow-list, piece by piece (what our templates write), is recognised by
one regular expression in linear time and kept, written as nh3 would write it (``_canonical``): the same
bytes on every page of the demo and of the benchmark's sites (tests/test_safehtml.py). Any page with
anything else in it, even a harmless bare attribute, goes through nh3 whole, as every page once did.
"""

from __future__ import annotations

import json
import re

import nh3

from .structured import script

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd", "li", "mark", "nav",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class", "id", "lang", "dir", "title", "data-search-exclude"},
    "a": {"href", "rel", "aria-current"},
    "strong": {"aria-current"},
    "nav": {"aria-label"},
    "time": {"datetime"},
    "th": {"scope", "align"},
    "td": {"align"},
}
URL_SCHEMES = frozenset({"http", "https"})

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


class UnsafePage(ValueError):
    """A generated page holds something the sanitiser will not repair (a JSON-LD block that is not JSON)."""


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith("_"):
        return None  # the theme's ids (__config, __search...): an element of ours must not shadow them
    return value


def _cleaner(**options: object) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # our links say their own rel; ammonia's default would add one to every internal link
        strip_comments=True,
        **options,
    )


_CLEANER = _cleaner()
# Half as fast (a Python call per attribute): used only when the fast pass let an id="_..." through.
_ID_CHECKING_CLEANER = _cleaner(attribute_filter=_attribute)


# -- the fast path: a page already inside the allow-list, written out as nh3 would write it ---------------
# A page that is a sequence of only these pieces is kept as it is (after _canonical) instead of parsed
# and written again by nh3, which costs several times more:
# - text without "<", ">", "&", CR or C0 controls (but tab and line feed);
# - the character references escaping writes: &amp; &lt; &gt; &quot; &nbsp; &#34; &#39; &#x27;;
# - an end tag </name> of an allowed element;
# - a start tag of an allowed element, lower case, with only the attributes that element allows, each
#   with a double-quoted value: an id not starting with "_" (nor a reference that could decode to one),
#   an href that is an http(s) URL written literally or a relative URL with no ":", reference or space
#   in it, other values holding no "<" or ">" and only the references above.
# Anything else (a comment, another element or attribute, a bare or single-quoted attribute, a URL with
# another scheme, an upper-case name, "/>") sends the whole page through nh3, as before.


def _value(name: str) -> str:
    if name == "id":
        return '="(?![_&])[^"&<>]*+"'
    if name == "href":
        return '="(?:https?://(?:[^"&<>]++|&(?:amp|#39|#x27);)*+|[^"&<>:\x00-\x20]*+)"'
    return '="(?:[^"&<>]++|&(?:amp|quot|#34|#39|#x27);)*+"'


# The names in the order they are tried: the most frequent in our pages first (counted over the benchmark's
# pages), then the rest, longest first. Any order recognises the same pages (each tag ends at its ">", each
# attribute at its closing quote); this one tries fewer alternatives per tag.
_COMMON_TAGS = ("a", "td", "span", "p", "li", "time", "tr", "h2", "dt", "dd", "strong", "div", "mark", "ol",
                "blockquote", "ul", "h1", "th", "dl", "section", "figure", "figcaption", "table", "thead", "tbody")
_COMMON_ATTRIBUTES = ("class", "href", "data-search-exclude", "rel", "datetime", "id", "title", "lang", "dir")


def _in_use_order(names: set[str] | frozenset[str], common: tuple[str, ...]) -> list[str]:
    return [name for name in common if name in names] + sorted(set(names) - set(common), key=lambda n: (-len(n), n))


def _attributes(tag: str) -> str:
    names = _in_use_order(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()), _COMMON_ATTRIBUTES)
    return "(?:[ \n]++(?:" + "|".join(f"{name}{_value(name)}" for name in names) + "))*+"


def _page_re() -> re.Pattern[str]:
    own = {tag for tag in ATTRIBUTES if tag != "*"}  # elements with attributes of their own
    shared = "(?:" + "|".join(_in_use_order(TAGS - own, _COMMON_TAGS)) + ")" + _attributes("")
    starts = [shared if tag == "" else f"{tag}{_attributes(tag)}"
              for tag in _in_use_order(own | {""}, ("a", "td", "", "time", "strong", "th"))]
    start = "<(?:" + "|".join(starts) + ")[ \n]*>"
    end = "</(?:" + "|".join(_in_use_order(TAGS, _COMMON_TAGS)) + ")>"
    text = "[^<>&\r\x00-\x08\x0b-\x1f\ud800-\udfff]++"
    # possessive: a page outside the grammar is refused in linear time, never by trying every split
    return re.compile(f"(?:{text}|&(?:amp|lt|gt|quot|nbsp|#34|#39|#x27);|{start}|{end})*+")


_ALLOWED_PAGE_RE = _page_re()
_QUOTE_REFERENCE_RE = re.compile("&#34;|&quot;")


def _canonical(html: str) -> str:
    """A page of the fast path as nh3 (html5ever) writes it: "'" as is, '"' as is in text and as &quot; in
    attribute values, U+00A0 as &nbsp;. In such a page "&" only starts one of the grammar's references, so
    one look for "&#" stands for &#39;, &#x27; and &#34; (most pages have none of them)."""
    numbered = "&#" in html
    if numbered and "&#39;" in html:
        html = html.replace("&#39;", "'")
    if numbered and "&#x27;" in html:
        html = html.replace("&#x27;", "'")
    if "\xa0" in html:
        html = html.replace("\xa0", "&nbsp;")
    if (numbered and "&#34;" in html) or "&quot;" in html:
        def quote(match: re.Match[str]) -> str:
            at = match.start()  # inside a tag: after its "<" and before its ">"
            return "&quot;" if html.rfind("<", 0, at) > html.rfind(">", 0, at) else '"'
        html = _QUOTE_REFERENCE_RE.sub(quote, html)
    return html


_JSON_LD_OPEN = '<script type="application/ld+json">'
_JSON_LD_CLOSE = "</script>"


def clean_page(html: str, *, fast: bool = True, json_ld: str = "") -> str:
    """A generated page's content HTML with everything outside the allow-list removed (see above).
    ``fast=False``: through nh3 even when the page is already inside the allow-list (for tests).
    ``json_ld``: the text ``structured.script`` wrote for the page's JSON-LD, if any (``PageWriter`` knows
    it): a block holding exactly that text is kept as it is, since parsing and writing it again gives the
    same text (JSON with sorted keys, "<", ">" and "&" escaped), at a fifth of a claim page's sanitising.

    Each JSON-LD block (what ``JSON_LD_RE`` finds, looked for with ``str.find``: the same blocks, several
    times faster than the expression) is held aside under a token no text of the page holds while the
    rest is checked, then put back. A page whose one block ends it (every page of ours with a block) is
    checked up to the block and the block put after it, without the token: a page ending in the token is
    inside the grammar exactly when the page without it is (the token is text, and the last piece of such
    a page), and ``_canonical`` changes nothing in the token, so the result is the same."""
    found: list[tuple[int, int, str]] = []  # where each block starts and ends, and the block as kept
    at = 0
    while True:  # JSON_LD_RE.finditer: each opening tag, to the first "</script>" after it
        opening = html.find(_JSON_LD_OPEN, at)
        if opening < 0:
            break
        closing = html.find(_JSON_LD_CLOSE, opening + len(_JSON_LD_OPEN))
        if closing < 0:
            break
        text = html[opening + len(_JSON_LD_OPEN) : closing]
        if not json_ld or text != json_ld:
            try:
                data = json.loads(text)
            except ValueError as error:
                raise UnsafePage(f"a JSON-LD block is not JSON ({error})") from None
            text = script(data)
        text = _SURROGATE_RE.sub("\ufffd", text)  # the JSON parser lets "\\ud800" through
        at = closing + len(_JSON_LD_CLOSE)
        found.append((opening, at, f"{_JSON_LD_OPEN}{text}{_JSON_LD_CLOSE}"))
    if fast and len(found) == 1 and found[0][1] == len(html) and _ALLOWED_PAGE_RE.fullmatch(html, 0, found[0][0]):
        return _canonical(html[: found[0][0]]) + found[0][2]
    blocks = [block for _, _, block in found]
    held = html
    if blocks:
        salt = 0
        while f"\ue000{salt}:" in html:  # a token no text of the page holds
            salt += 1
        token = f"\ue000{salt}:"
        parts, at = [], 0
        for number, (opening, end, _) in enumerate(found):
            parts += (html[at:opening], f"{token}{number}\ue001")
            at = end
        held = "".join((*parts, html[at:]))
    if fast and _ALLOWED_PAGE_RE.fullmatch(held):
        clean = _canonical(held)
        for number, block in enumerate(blocks):
            clean = clean.replace(f"{token}{number}\ue001", block, 1)
        return clean
    try:
        clean = _CLEANER.clean(held)
    except UnicodeEncodeError:  # a lone surrogate (validation refuses them in fields): not a character
        held = _SURROGATE_RE.sub("\ufffd", held)
        clean = _CLEANER.clean(held)
    if ' id="_' in clean:  # ammonia writes every attribute as name="value"
        clean = _ID_CHECKING_CLEANER.clean(held)
    for number, block in enumerate(blocks):
        clean = clean.replace(f"{token}{number}\ue001", block, 1)
    return clean
