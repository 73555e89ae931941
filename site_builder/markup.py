"""Contributor and article text -> safe HTML.

Markdown fields are converted (cmark-gfm: CommonMark with GitHub's tables), then sanitised with an allowlist (nh3): no raw
HTML, no scripts, no event handlers, only absolute http(s) links. Article text
is plain text: escaped, split into paragraphs, with claim quotes marked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape, unescape
from types import ModuleType
from typing import Any

import cffi
import cmarkgfm
import nh3
from markupsafe import Markup

from .memo import remembered
from .model import NONCHARACTERS
from .quotes import Span

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align"}, "td": {"align"}}
LINK_REL = "nofollow noopener noreferrer"


def _only_http(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href" and not value.lower().startswith(("http://", "https://")):
        return None
    return value


_HEADING_RE = re.compile(r"<(/?)h([1-6])>")


def _demoted(match: re.Match[str]) -> str:
    return f"<{match.group(1)}h{min(int(match.group(2)) + 2, 6)}>"


# One sanitiser for every Markdown field (nh3.clean would build its allow-list again for each call).
_MARKDOWN_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    attribute_filter=_only_http,
    url_schemes={"http", "https"},
    link_rel=LINK_REL,
)
# The same without _only_http, a call into Python for every attribute of every field (a tenth of the
# field's sanitising). Where every link it keeps passes _only_http, _only_http changed nothing, and its
# HTML is _MARKDOWN_CLEANER's; otherwise the field goes through _MARKDOWN_CLEANER (see markdown_html).
_UNFILTERED_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes={"http", "https"},
    link_rel=LINK_REL,
)
# Every href ammonia writes (as name="value", '"' in a value written &quot;), and any text that looks
# like one: more is only slower, never different.
_HREF_RE = re.compile(' href="([^"]*)"')


def _sanitised(html: str) -> str:
    """``_MARKDOWN_CLEANER.clean(html)``, without its filter's calls when they would change nothing."""
    clean = _UNFILTERED_CLEANER.clean(html)
    if " href=" in clean and any(_only_http("a", "href", unescape(href)) is None for href in _HREF_RE.findall(clean)):
        return _MARKDOWN_CLEANER.clean(html)
    return clean


# Raw HTML goes through cmark-gfm (CMARK_OPT_UNSAFE) to the sanitiser; GitHub's tables and ~~strikethrough~~.
_CMARK_OPTIONS = cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE
_CMARK_EXTENSIONS = ("table", "strikethrough")


def _cmark_html_leaking(text: str) -> str:
    """cmark-gfm's HTML through the binding's public call, which never frees the document tree nor the HTML
    string (127 kB kept a call for a 5 kB text, tests/test_freed_memory.py): only where ``_freeing_cmark``
    cannot be had."""
    return cmarkgfm.markdown_to_html_with_extensions(text, options=_CMARK_OPTIONS, extensions=list(_CMARK_EXTENSIONS))


# What the binding's cffi declarations leave out: cmark's allocator (the one cmark_parser_new gives the
# parser, its tree and the string cmark_render_html returns) and cmark_node_free. The functions are
# exported by the binding's own library.
_CMARK_FREEING_DECLARATIONS = """
typedef struct cmark_mem {
  void *(*calloc)(size_t, size_t);
  void *(*realloc)(void *, size_t);
  void (*free)(void *);
} cmark_mem;
cmark_mem *cmark_get_default_mem_allocator(void);
void cmark_node_free(void *node);
"""


def _freeing_cmark(binding: ModuleType | None) -> Callable[[str], str] | None:
    """``_cmark_html_leaking`` made of the same cmark-gfm calls (those of cmarkgfm's
    ``markdown_to_html_with_extensions``), which then frees the document tree and the HTML string;
    None where the binding's private module (``cmarkgfm._cmark``) is not what this expects."""
    try:
        lib, ffi = binding.lib, binding.ffi  # type: ignore[union-attr]
        exported = cffi.FFI()
        exported.cdef(_CMARK_FREEING_DECLARATIONS)
        own = exported.dlopen(binding.__file__)  # type: ignore[union-attr]  # already loaded: the same library
        free_string = own.cmark_get_default_mem_allocator().free
        free_tree = own.cmark_node_free
        parser_new, attach, feed, finish = (lib.cmark_parser_new, lib.cmark_parser_attach_syntax_extension,
                                            lib.cmark_parser_feed, lib.cmark_parser_finish)
        attached, render, parser_free = lib.cmark_parser_get_syntax_extensions, lib.cmark_render_html, lib.cmark_parser_free
        lib.cmark_gfm_core_extensions_ensure_registered()
        extensions = [lib.cmark_find_syntax_extension(name.encode()) for name in _CMARK_EXTENSIONS]
        string, null = ffi.string, ffi.NULL
    except (AttributeError, OSError, TypeError, cffi.CDefError, cffi.FFIError):
        return None
    if any(extension == null for extension in extensions):
        return None

    def convert(text: str) -> str:
        encoded = text.encode("utf-8")
        parser = parser_new(_CMARK_OPTIONS)
        try:
            for extension in extensions:
                attach(parser, extension)
            feed(parser, encoded, len(encoded))
            root = finish(parser)
            if root == null:
                raise ValueError("Error parsing markdown!")  # as cmarkgfm says it (cmark never returns no tree)
            try:
                rendered = render(root, _CMARK_OPTIONS, attached(parser))
                try:
                    return string(rendered).decode("utf-8")
                finally:
                    free_string(rendered)
            finally:
                free_tree(root)
        finally:
            parser_free(parser)

    return convert


try:
    from cmarkgfm import _cmark as _CMARK_BINDING
except ImportError:  # a cmarkgfm without its cffi module
    _CMARK_BINDING = None
# cmark-gfm's HTML for a contributor's Markdown (same bytes either way).
_cmark_html: Callable[[str], str] = _freeing_cmark(_CMARK_BINDING) or _cmark_html_leaking


# -- what the sanitiser would drop without a word, found in the Markdown itself ---------------------

# What the binding's cffi declarations leave out to walk cmark-gfm's document tree: each link, image and
# piece of raw HTML, with its line and column (with CMARK_OPT_SOURCEPOS, inlines get theirs too).
_CMARK_WALKING_DECLARATIONS = """
typedef struct cmark_node cmark_node;
typedef struct cmark_iter cmark_iter;
typedef struct cmark_parser cmark_parser;
cmark_parser *cmark_parser_new(int options);
void cmark_parser_feed(cmark_parser *parser, const char *buffer, size_t len);
cmark_node *cmark_parser_finish(cmark_parser *parser);
void cmark_parser_free(cmark_parser *parser);
void cmark_node_free(cmark_node *node);
cmark_iter *cmark_iter_new(cmark_node *root);
int cmark_iter_next(cmark_iter *iter);
cmark_node *cmark_iter_get_node(cmark_iter *iter);
void cmark_iter_free(cmark_iter *iter);
const char *cmark_node_get_type_string(cmark_node *node);
const char *cmark_node_get_url(cmark_node *node);
const char *cmark_node_get_literal(cmark_node *node);
int cmark_node_get_start_line(cmark_node *node);
int cmark_node_get_start_column(cmark_node *node);
"""
_CMARK_EVENT_DONE, _CMARK_EVENT_ENTER = 1, 2


@dataclass(frozen=True)
class MarkdownSlip:
    """Something in a contributor's Markdown that the page cannot show as written."""

    line: int | None  # 1-based, in the Markdown text; None where cmark-gfm's position proved wrong
    column: int  # 1-based, in characters
    message: str


# A text can hold a link that is not http(s), an image or raw HTML only if it has one of these: a link's
# destination follows '](' or a reference's ']:' (each may be wrapped onto the next line or written in
# '<...>'), an autolink and HTML start with '<', an image with '!['. Most texts have none of them, or only
# http(s) links: they are not parsed.
_MAYBE_SLIP_RE = re.compile(r"<|!\[|\](?:\(|:)\s*(?!<?https?://)", re.IGNORECASE)


def markdown_slips(text: str) -> list[MarkdownSlip]:
    """Each link that is not http(s), image and piece of raw HTML in ``text``: the sanitiser drops them
    (a link keeps its words but loses its address), so a contributor is told instead, at its place."""
    if not _MAYBE_SLIP_RE.search(text):
        return []
    lines = text.split("\n")
    slips = []
    for line, column, message, starts in _walk_markdown(text):
        # cmark-gfm counts columns in bytes of UTF-8; and it places the inlines of a paragraph that follows
        # a link reference definition lines too early: a place is kept only where the text has what was found
        here = lines[line - 1] if 0 < line <= len(lines) else ""
        at = len(here.encode("utf-8")[: column - 1].decode("utf-8", errors="ignore"))
        if here.startswith(starts, at):
            slips.append(MarkdownSlip(line, at + 1, message))
        else:
            slips.append(MarkdownSlip(None, 1, message))
    return slips


def _walk_markdown(text: str) -> list[tuple[int, int, str, tuple[str, ...]]]:
    """(line, column in bytes, message, what the text has there) of each slip, as cmark-gfm places it."""
    lib, ffi = _CMARK_WALKER
    encoded = text.encode("utf-8")
    found: list[tuple[int, int, str, tuple[str, ...]]] = []
    parser = lib.cmark_parser_new(_CMARK_OPTIONS | cmarkgfm.cmark.Options.CMARK_OPT_SOURCEPOS)
    try:
        lib.cmark_parser_feed(parser, encoded, len(encoded))
        root = lib.cmark_parser_finish(parser)
        walk = lib.cmark_iter_new(root)
        try:
            while (event := lib.cmark_iter_next(walk)) != _CMARK_EVENT_DONE:
                if event != _CMARK_EVENT_ENTER:
                    continue
                node = lib.cmark_iter_get_node(walk)
                kind = ffi.string(lib.cmark_node_get_type_string(node)).decode()
                if kind in ("link", "image"):
                    starts = ("![",) if kind == "image" else ("[", "<")
                    url = ffi.string(lib.cmark_node_get_url(node)).decode("utf-8", errors="replace")
                    if kind == "image":
                        message = (f"image {_shown(url)} is not shown on the page (expected a link to it: "
                                   "[words](https://...))")
                    elif _only_http("a", "href", url) is None:
                        message = (f"link {_shown(url)} is not an http(s) URL (expected a link starting with "
                                   "http:// or https://)")
                    else:
                        continue
                elif kind in ("html_inline", "html_block"):
                    html = ffi.string(lib.cmark_node_get_literal(node)).decode("utf-8", errors="replace").strip()
                    if html.startswith("</"):
                        continue  # its opening tag is reported
                    starts = (html.split("\n", 1)[0],)
                    message = f"HTML is not allowed: {_shown(html)} (expected Markdown: **bold**, [words](https://...))"
                else:
                    continue
                found.append((lib.cmark_node_get_start_line(node), lib.cmark_node_get_start_column(node), message, starts))
        finally:
            lib.cmark_iter_free(walk)
            lib.cmark_node_free(root)
    finally:
        lib.cmark_parser_free(parser)
    return found


def _shown(written: str) -> str:
    """A link or piece of HTML as a message quotes it: its first line, at most 60 characters."""
    first = written.split("\n", 1)[0]
    return repr(first if len(first) <= 60 and first == written else first[:57] + "...")


def _cmark_walker(binding: ModuleType | None) -> tuple[Any, cffi.FFI]:
    """cmark-gfm's calls to walk a document, from the binding's own library (already loaded)."""
    if binding is None:
        raise ImportError("cmarkgfm without its cffi module (cmarkgfm._cmark): Markdown cannot be checked")
    walking = cffi.FFI()
    walking.cdef(_CMARK_WALKING_DECLARATIONS)
    return walking.dlopen(binding.__file__), walking


_CMARK_WALKER = _cmark_walker(_CMARK_BINDING)


@remembered
def markdown_html(text: str) -> Markup:
    """A contributor's Markdown as sanitised HTML; headings start at h3, below the page's own.

    cmark-gfm converts in linear time whatever the input (no pathological slow cases). Raw HTML is
    let through it so that nh3, the one sanitiser, strips the tags but keeps the words in them."""
    html = _HEADING_RE.sub(_demoted, _cmark_html(text))
    return Markup(_sanitised(html).strip())


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of an article: a claim's quote."""

    span: Span
    claim_id: str
    rating: str
    href: str
    title: str
    label: str = ""  # the rating's label, shown at the end of the highlight (not by colour alone)
    label_language: str = ""  # the label's language and direction when the article is in another one
    label_direction: str = ""


def highlighted_paragraphs(text: str, paragraphs: Sequence[Span], marks: Sequence[Mark], *, anchors: bool) -> list[Markup]:
    """Each paragraph as HTML, with every mark that falls in it highlighted and linked to its claim.

    A quote that spans paragraphs is marked in each. Where quotes overlap or one lies inside another,
    the text is cut at every start and end: each piece links to the innermost claim over it (the one
    that starts last, then ends first), so every claim keeps its own link and the outer one resumes
    after it. With ``anchors``, each claim's first piece carries the id ``claim-<id>`` that claim pages
    link to; a claim that owns no piece of its own (the same words as another's quote) gets an empty
    ``<span class="claim-anchor">`` with that id where its quote starts: no link lands nowhere."""
    ordered = sorted(marks, key=lambda m: (m.span.start, m.span.end, m.claim_id))
    anchored: set[str] = set()
    out: list[Markup] = []
    for paragraph in paragraphs:
        inside = [m for m in ordered if m.span.start < paragraph.end and paragraph.start < m.span.end]
        cuts = sorted({paragraph.start, paragraph.end}
                      | {min(max(edge, paragraph.start), paragraph.end) for m in inside for edge in (m.span.start, m.span.end)})
        pieces: list[tuple[int, int, Mark | None, list[str]]] = []  # start, end, owner, anchors placed here
        for start, end in zip(cuts, cuts[1:]):
            over = [m for m in inside if m.span.start <= start and end <= m.span.end]
            owner = min(over, key=lambda m: (-m.span.start, m.span.end, m.claim_id)) if over else None
            new = []
            if anchors:
                new = sorted({m.claim_id for m in over} - anchored)
                anchored.update(new)
            if pieces and pieces[-1][2] is owner and not new:
                pieces[-1] = (pieces[-1][0], end, owner, pieces[-1][3])
            else:
                pieces.append((start, end, owner, new))
        html: list[str] = []
        for start, end, owner, new in pieces:
            words = _plain(text[start:end])
            if owner is None:
                html.append(words)
                continue
            html += [f'<span class="claim-anchor" id="claim-{escape(claim_id)}"></span>'
                     for claim_id in new if claim_id != owner.claim_id]
            anchor = f' id="claim-{escape(owner.claim_id)}"' if owner.claim_id in new else ""
            label = _label(owner) if end == owner.span.end else ""  # where the quote ends: its rating, in words
            html.append(
                f'<a class="claim-mark rating-{escape(owner.rating)}"{anchor} href="{escape(owner.href)}" '
                f'title="{escape(owner.title)}"><mark>{words}</mark>{label}</a>'
            )
        out.append(Markup("".join(html)))
    return out


def _label(mark: Mark) -> str:
    """A highlight's rating in words, at the end of the quote: "Rated" is for screen readers."""
    if not mark.label:
        return ""
    language = (f' lang="{escape(mark.label_language)}" dir="{escape(mark.label_direction)}"'
                if mark.label_language else "")
    return (f' <span class="claim-mark-label"{language}><span class="visually-hidden">Rated </span>'
            f'{escape(mark.label)}</span>')


# Controls that would reorder or hide an article's text on the page, and noncharacters (its file keeps
# them, verbatim).
_UNDISPLAYABLE_RE = re.compile(f"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f{NONCHARACTERS}]")


# Every character of _UNDISPLAYABLE_RE and more (all from U+FDD0 up): a text without any holds none of
# them, and this search is several times faster (each astral noncharacter is a test at every position).
_MAYBE_UNDISPLAYABLE_RE = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\U0010ffff]")


def displayable(text: str) -> str:
    """Article text as shown: without bidi overrides, control characters and noncharacters."""
    return _UNDISPLAYABLE_RE.sub("", text) if _MAYBE_UNDISPLAYABLE_RE.search(text) else text


# Line breaks other than \n (a lone CR, NEL, vertical tab, form feed, file/group/record separators, U+2028,
# U+2029): shown as a space, like \n inside a paragraph, so the words on either side stay apart.
_LINE_BREAK_RE = re.compile("[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def _plain(text: str) -> str:
    """Escaped text with line breaks folded: hard-wrapped lines are one paragraph."""
    return escape(displayable(_LINE_BREAK_RE.sub(" ", text)), quote=True)
