"""Where a claim was published: its first quote and every appearance, in date order, with the words that
changed from one copy to another. Pure: no MkDocs, no files.
"""

from __future__ import annotations

import difflib
import functools
from dataclasses import dataclass
from html import escape

import langcodes
from markupsafe import Markup

from .markup import displayable
from .model import Article, Claim
from .quotes import Span

# Scripts written right to left, by the primary language subtag of BCP 47.
RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd", "syr", "ug", "ur", "yi"})


def same_language(language: str, other: str) -> bool:
    """Whether two BCP 47 tags are one language to a reader ('en-GB' and 'en')."""
    return language.split("-")[0].lower() == other.split("-")[0].lower()


@functools.cache
def foreign_language(language: str, site_language: str) -> str:
    """How a reader of the site is told an article's language: '' when it is the site's own, else its name
    in the site's language, from CLDR ('Russian' on an English site, 'russe' on a French one)."""
    if same_language(language, site_language):
        return ""
    return str(langcodes.Language.get(language).display_name(site_language))


def direction(language: str) -> str:
    """'rtl' for a language written right to left, else 'ltr'."""
    return "rtl" if language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class Placement:
    """One place a claim was published: an article and the claim's words in it."""

    article: Article
    quote: str  # the article's own words, as displayed
    index: int  # 0: the claim's first quote; n: its appearances[n - 1]
    translation: str | None = None
    note: str | None = None
    first_known: bool = False  # surely the earliest publication of all (the dates show it)
    changes: Markup | None = None  # the words that differ from the first quote, marked; None if none differ

    @property
    def language(self) -> str:
        return self.article.meta.language

    @property
    def direction(self) -> str:
        return direction(self.language)


def quoted(article: Article, spans: list[Span]) -> str:
    """The words of ``spans`` in the article, on one line, as a reader sees them."""
    return " … ".join(displayable(" ".join(article.body[s.start : s.end].split())) for s in spans)


def placements(claim: Claim, articles: dict[str, Article], first: list[Span],
               appearances: list[list[Span] | None], *, words: bool = True) -> list[Placement]:
    """The first quote and every located appearance, by date of publication (see below), the earliest
    marked as the first known appearance when the dates show it is; each appearance's changed words marked.
    ``words=False``: each quote as the claim file writes it and no changes marked (for the data files
    and feeds, which need no words from the articles: a tenth of the work)."""
    first_quote = quoted(articles[claim.article], first) if words else claim.quote
    found = [Placement(articles[claim.article], first_quote, 0)]
    for number, (appearance, spans) in enumerate(zip(claim.appearances, appearances, strict=False), 1):
        if spans is None:
            continue
        article = articles[appearance.article]
        said = quoted(article, spans) if words else appearance.quote
        found.append(Placement(article, said, number, appearance.translation, appearance.note,
                               changes=word_changes(first_quote, said) if words else None))
    # by date (a date known only to the month before that month's days), the claim's own quote first on a
    # tie, then by outlet: the same order on every claim's page, and each article's passages together
    found.sort(key=lambda p: (p.article.meta.published, p.index != 0, p.article.meta.outlet.casefold(),
                              p.article.id, p.index))
    # The first known appearance is an article published surely before every other one. On a tie, or when a
    # date known only to the month or year cannot tell (2025-12 and 2025-12-03), none is: we do not know.
    earliest = next((p for p in found if all(surely_before(p.article.meta.published, other.article.meta.published)
                                             for other in found if other.article.id != p.article.id)), None)
    return [Placement(p.article, p.quote, p.index, p.translation, p.note, p is earliest, p.changes) for p in found]


def surely_before(published: str, other: str) -> bool:
    """Whether a date written YYYY-MM-DD, YYYY-MM or YYYY is before ``other`` whatever the unknown
    month or day: the last day it can mean is before the first day ``other`` can mean."""
    last = published + "-12-31"[len(published) - 4 :]  # '2025-12' -> '2025-12-31', '2025' -> '2025-12-31'
    first = other + "-01-01"[len(other) - 4 :]  # '2025-12' -> '2025-12-01'
    return last < first


def word_changes(before: str, after: str) -> Markup | None:
    """``after`` with the words it lacks from ``before`` struck through (<del>) and the words it adds
    underlined (<ins>), so a reader sees a copy change a number without relying on colour; None when the
    two have the same words."""
    old, new = before.split(), after.split()
    if old == new:
        return None
    html: list[str] = []
    for tag, a, b, c, d in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            html.append(escape(" ".join(new[c:d])))
            continue
        if tag in ("delete", "replace"):
            html.append(f'<del><span class="sr-only">[removed: </span>{escape(" ".join(old[a:b]))}'
                        '<span class="sr-only">]</span></del>')
        if tag in ("insert", "replace"):
            html.append(f'<ins><span class="sr-only">[added: </span>{escape(" ".join(new[c:d]))}'
                        '<span class="sr-only">]</span></ins>')
    return Markup(" ".join(html))
