"""Contributor and article text -> safe HTML.

Markdown fields are converted (cmark-gfm: CommonMark with GitHub's tables), then sanitised with an allowlist (nh3): no raw
HTML, no scripts, no event handlers, only absolute http(s) links. Article text
is plain text: escaped, split into paragraphs, with claim quotes marked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

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


@remembered
def markdown_html(text: str) -> Markup:
    """A contributor's Markdown as sanitised HTML; headings start at h3, below the page's own.

    cmark-gfm converts in linear time whatever the input (no pathological slow cases). Raw HTML is
    let through it so that nh3, the one sanitiser, strips the tags but keeps the words in them."""
    converted = cmarkgfm.markdown_to_html_with_extensions(
        text, options=cmarkgfm.cmark.Options.CMARK_OPT_UNSAFE, extensions=["table", "strikethrough"])
    html = _HEADING_RE.sub(_demoted, converted)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_only_http,
        url_schemes={"http", "https"},
        link_rel=LINK_REL,
    )
    return Markup(clean.strip())


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch of an article: a claim's quote."""

    span: Span
    claim_id: str
    rating: str
    href: str
    title: str


def highlighted_paragraphs(text: str, paragraphs: Sequence[Span], marks: Sequence[Mark], *, anchors: bool) -> list[Markup]:
    """Each paragraph as HTML, with every mark that falls in it wrapped in a link.

    A quote that spans paragraphs is marked in each; where quotes overlap, the one
    that starts first wins. With ``anchors``, each claim's first mark gets the id
    ``claim-<id>`` so claim pages can link to the quote in place."""
    ordered = sorted(marks, key=lambda m: (m.span.start, m.span.end, m.claim_id))
    anchored: set[str] = set()
    out: list[Markup] = []
    for paragraph in paragraphs:
        html: list[str] = []
        position = paragraph.start
        for mark in ordered:
            start, end = max(mark.span.start, position), min(mark.span.end, paragraph.end)
            if start >= end:
                continue
            html.append(_plain(text[position:start]))
            anchor = ""
            if anchors and mark.claim_id not in anchored:
                anchored.add(mark.claim_id)
                anchor = f' id="claim-{escape(mark.claim_id)}"'
            html.append(
                f'<a class="claim-mark rating-{escape(mark.rating)}"{anchor} href="{escape(mark.href)}" '
                f'title="{escape(mark.title)}"><mark>{_plain(text[start:end])}</mark></a>'
            )
            position = end
        html.append(_plain(text[position : paragraph.end]))
        out.append(Markup("".join(html)))
    return out


# Controls that would reorder or hide an article's text on the page, and noncharacters (its file keeps
# them, verbatim).
_UNDISPLAYABLE_RE = re.compile(f"[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f{NONCHARACTERS}]")


def displayable(text: str) -> str:
    """Article text as shown: without bidi overrides, control characters and noncharacters."""
    return _UNDISPLAYABLE_RE.sub("", text)


def _plain(text: str) -> str:
    """Escaped text with line breaks folded: hard-wrapped lines are one paragraph."""
    return escape(displayable(" ".join(text.split("\n"))), quote=True)
