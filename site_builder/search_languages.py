"""The languages the site search is set up for: the site's own and every article's. Pure: no MkDocs.

The theme's search (lunr.js with lunr-languages, shipped by mkdocs-material) takes a list of
languages. With several, it combines them, and the combined pipeline trims from each word every
character that is not a letter of one of the listed languages: a language missing from the list loses
its words from the index. So the list names every language of the site, or, when one of them has no
working lunr support, is left to the theme (one language, nothing trimmed: every word indexed as
written).

What the list changes (measured in Chromium on the demo, mkdocs-material 9.8): each language's stop
words leave the index, and punctuation around a word no longer hides it (‘Sinjar’ is found by
"Sinjar"). It does not bring stemming: the theme's default pipeline leaves the stemmers out and adds a
trailing wildcard to every word typed, so a word form is found when the typed word begins it
("брифинг" finds "брифинге"), not from its stem ("повестка" does not find "повестке").

The combined trimmer has a cost the list alone would leave: it trims the index ("90%" is indexed as
"90"), but not what a reader types, as the theme adds a wildcard to every word typed and lunr does not
run a word with a wildcard through the pipeline: "90%" became "90%*", which no indexed word begins. So
alongside the list the theme's word separator also splits at "%" and at the currency signs a figure is
written with (``separator``, ``SIGNS``): the index holds "90" and "90%" is searched for as "90" (a
browser test), and "$100" as "100" (the demo indexes no figure with a currency sign).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .load import load_articles
from .paths import folder_problems
from .project import project_folders
from .settings import Settings

# The lunr-languages that mkdocs-material 9 ships (material/templates/assets/javascripts/lunr/min/
# lunr.<code>.min.js) and whose search starts in a browser, English built in. Left out: du and jp
# (old codes of nl and ja: du warns, jp breaks the search) and kn, sa, ta, te (the search never starts:
# the script fails in the search worker). tests/test_search_languages.py checks this against the
# installed theme.
LUNR_LANGUAGES = frozenset(
    "ar da de el en es fi fr he hi hu hy it ja ko nl no pt ro ru sv th tr vi zh".split())
UNUSABLE = frozenset({"du", "jp", "kn", "sa", "ta", "te"})
# BCP 47 primary language subtags lunr-languages knows by another code; and Ukrainian and Belarusian,
# which it lacks, searched as Russian: lunr.ru's word characters (U+0400-U+0484, U+0487-U+052F) hold
# their letters (і ї є ґ ў), so their words stay whole in the index, and the site keeps its language list
# (without it, one Ukrainian article set the whole site back to the theme's default, which splits only
# at spaces: Chinese and Japanese words inside a sentence were no longer found). Persian is not: lunr.ar's
# word characters lack پ چ ژ ک گ ی, which the trimmer would cut from its words.
ALIASES = {"nb": "no", "nn": "no", "iw": "he", "uk": "ru", "be": "ru"}


def lunr_language(language: str) -> str | None:
    """The lunr-languages code for a BCP 47 language tag (its primary subtag), None without support."""
    primary = language.split("-")[0].lower()
    primary = ALIASES.get(primary, primary)
    return primary if primary in LUNR_LANGUAGES else None


@dataclass(frozen=True)
class SearchLanguages:
    languages: tuple[str, ...] | None  # the search plugin's ``lang``, the site's first; None: the theme's default
    unsupported: tuple[str, ...] = ()  # languages present that lunr does not support (the default is kept)


def search_languages(site_language: str, article_languages: Iterable[str]) -> SearchLanguages:
    """The site's language, then every other language its articles are in, as lunr codes; the theme's
    default (None) when that is only the site's language or when any language has no lunr support."""
    present = {site_language, *article_languages}
    unsupported = tuple(sorted(language for language in present if lunr_language(language) is None))
    if unsupported:
        return SearchLanguages(None, unsupported)
    site = lunr_language(site_language)
    assert site is not None
    others = sorted({lunr_language(language) for language in present} - {site, None})
    return SearchLanguages((site, *others) if others else None)  # type: ignore[arg-type]


# Signs written against a figure, which the combined trimmer strips from indexed words only: percent, and
# the currency signs of the languages lunr supports (none of them has a special meaning in a character class).
SIGNS = "%$€£¥₹₽"


def separator_splitting_signs(separator: str) -> str:
    """The theme's word separator (a regular expression, for lunr.js and the theme's query parser) that
    also splits at each of ``SIGNS``: a character class gains those it lacks, any other expression is
    given them as an alternative."""
    missing = "".join(sign for sign in SIGNS if sign not in separator)
    if not missing:
        return separator
    character_class = re.fullmatch(r"\[(.*)\]\+", separator)
    if character_class:
        return f"[{character_class.group(1)}{missing}]+"
    return f"(?:{separator})|[{missing}]+"


def article_languages(settings: Settings) -> list[str]:
    """The language of every article that loads (a broken one is reported when the project loads);
    none while a symbolic link breaks the rule (paths.py), as nothing is read through it."""
    if folder_problems(project_folders(settings), settings.root):
        return []
    articles, _ = load_articles(settings.articles_dir, settings.root)
    return sorted({article.value.meta.language for article in articles if article.value is not None})
