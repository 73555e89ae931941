"""Value objects: claims, articles, sources, ratings. No I/O, no MkDocs.

The pydantic models are the single description of a record: loading validates
against them, and the JSON Schema for editors is generated from them. Every
custom check raises its own message in the house format: what is wrong, then
in brackets what was expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated, Literal
from urllib.parse import urlsplit

from anyascii import anyascii
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ENTITY_RE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_PARTIAL_DATE_RE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")

ATTRIBUTIONS = ("direct", "reported", "vague", "none")
STATUSES = ("published", "draft")


SLUG_LIMIT = 80  # characters of a slug made from text; ids written by people have their own limit


def slugify(text: str, limit: int = SLUG_LIMIT) -> str:
    """An id made from any text, in any script, transliterated to ASCII (anyascii): 'Dmitry Shugayev'
    -> 'dmitry-shugayev', 'Дмитрий Песков' -> 'dmitriy-peskov', '习近平' -> 'xijinping'. At most
    ``limit`` characters, cut at a hyphen where there is one; 'unnamed' when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", anyascii(text).lower()).strip("-")
    if len(slug) > limit:
        cut = slug[: limit + 1].rfind("-")
        slug = slug[: cut if cut > 0 else limit].strip("-")
    return slug or "unnamed"


GENERATED_ID_LIMIT = 60  # characters of an id a tool makes from a title: short enough to read in a URL


def generated_id(text: str, prefix: str) -> str:
    """An id a tool makes from a title in any script (transliterated, see ``slugify``): at most
    GENERATED_ID_LIMIT characters, cut at a word; ``prefix`` before one that would be reserved ('2025' ->
    'article-2025', 'con' -> 'article-con'); ``prefix`` alone when the text has no letter or digit."""
    if not re.search(r"[a-z0-9]", anyascii(text).lower()):
        return prefix
    slug = slugify(text, GENERATED_ID_LIMIT)
    return f"{prefix}-{slug}" if reserved(slug) else slug


RESERVED_IDS = {"index": "the list's own page"}
# Names Windows gives to devices: a file or folder so named cannot exist in a Windows clone or copy.
WINDOWS_NAMES = {"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(10))}


def windows_reserved(name: str) -> str | None:
    """Why a file or folder name cannot exist on Windows, if it cannot."""
    return "Windows reserves it for a device: a clone on Windows would break" if name in WINDOWS_NAMES else None


def reserved(claim_id: str) -> str | None:
    """Why an id cannot name a claim, tag or alias page, if it cannot: it is a listing's URL, or a
    name Windows reserves."""
    if claim_id.isdigit():
        return "numbers are the pages of a list"
    return RESERVED_IDS.get(claim_id) or windows_reserved(claim_id)


def _fail(kind: str, message: str, **ctx: object) -> PydanticCustomError:
    return PydanticCustomError(kind, message, ctx or None)


def _repr(value: object) -> str:
    text = str(value) if isinstance(value, (str, int, float, dt.date)) else kind_of(value)
    return repr(text if len(text) <= 60 else text[:57] + "...")


def kind_of(value: object) -> str:
    """How a YAML value reads to a person: for 'wrong type: got ...' messages."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def wrong_type(value: object, expected: str) -> PydanticCustomError:
    hint = ""
    if isinstance(value, (bool, int, float)) and expected == "text":
        # the value as YAML would write it back; the loader puts the word as written instead ('no', 'on')
        hint = quote_hint(str(value).lower() if isinstance(value, bool) else str(value))
    return _fail("wrong_type", "wrong type: got {got} (expected {expected}{hint})", got=kind_of(value),
                 expected=expected, hint=hint)


def quote_hint(written: str) -> str:
    return f"; put it in quotes: \"{written}\""


# Invisible characters that reorder or hide text (bidi controls, C0/C1 controls but tab and newline).
_HIDDEN_RE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b-\x1f\x7f-\x9f]")
# In prose (quotes, summaries, notes) the marks right-to-left text carries as written are allowed: the
# left-to-right, right-to-left and Arabic letter marks (U+200E, U+200F, U+061C) only set the direction of
# the characters beside them. Embeddings, overrides and isolates, which reorder whole runs, are not; nor
# are any of them in ids, titles, names and URLs.
_HIDDEN_IN_PROSE_RE = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")


# What XML 1.0 cannot carry (feed.xml) or Unicode reserves: lone surrogates (half of a character that YAML's
# "\\ud83d" escapes can leave) and the 66 noncharacters (U+FDD0..U+FDEF, and U+xFFFE, U+xFFFF in every plane).
NONCHARACTERS = "\ufdd0-\ufdef" + "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0, 0x110000, 0x10000))
_NOT_TEXT = f"[\ud800-\udfff{NONCHARACTERS}]"
# Every character from U+D800 up: a text without any cannot hold one of the above, and this search is
# several times faster than that one's (whose astral noncharacters make each position slow to test).
_MAYBE_NOT_TEXT_RE = re.compile("[\ud800-\U0010ffff]")
# Everything XML 1.0 forbids, and noncharacters: removed from every feed and data file we write. Written as
# the complement of what is kept (tab, line breaks, then every character but surrogates and noncharacters):
# the same set, scanned several times faster over a data file of many megabytes.
_NOT_XML = "[^\t\n\r\x20-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd" + "".join(
    f"{chr(plane)}-{chr(plane + 0xFFFD)}" for plane in range(0x10000, 0x110000, 0x10000)) + "]"


@lru_cache(maxsize=None)
def compiled(pattern: str) -> re.Pattern[str]:
    """A regular expression compiled when first used: those of long character classes, which take
    milliseconds each to compile and which the common case never needs, cost nothing at import (the
    start of every command)."""
    return re.compile(pattern)


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls but tab and line breaks, lone
    surrogates, U+FFFE, U+FFFF) and without noncharacters: validation refuses them in every field, this
    keeps a feed or data file well-formed whatever reaches it."""
    return compiled(_NOT_XML).sub("", text)


def _text(value: object) -> str:
    """Text shown as a name, title, id or link: no invisible control character at all."""
    return _checked_text(value, _HIDDEN_RE)


def _prose(value: object) -> str:
    """Text read as prose (a quote, a summary, a note): it may carry right-to-left marks."""
    return _checked_text(value, _HIDDEN_IN_PROSE_RE)


# Every character a text check above may refuse (controls, the invisible characters, line and paragraph
# separators, surrogates, noncharacters), written as the complement of the ordinary ones: a line break, then
# every character from the space to U+D7FF but those. Characters past U+D7FF (private use, specials,
# characters outside the Basic Multilingual Plane) are left to each field's checks too.
_NOT_ORDINARY_RE = re.compile("[^\n\x20-\x7e\xa0-\u061b\u061d-\u200d\u2010-\u2027\u202f-\u2065\u206a-\ud7ff]")


@lru_cache(maxsize=4)  # asked twice of each file's text: before parsing it, and before checking its fields
def ordinary_text(text: str) -> bool:
    """Whether no value read from the YAML ``text`` can hold a character the text checks refuse: the
    text holds none, and no backslash (an escape in a double-quoted scalar can make any character; the
    other scalars hold the text's own characters, and line breaks and spaces where lines are folded)."""
    return "\\" not in text and not _NOT_ORDINARY_RE.search(text)


# True while the fields of a record whose whole YAML text is ``ordinary_text`` are checked: each text
# field then skips its own searches for refused characters (one search of the file instead of one per field).
_ordinary_fields: ContextVar[bool] = ContextVar("ordinary_fields", default=False)


@contextmanager
def fields_of(text: str) -> Iterator[None]:
    """Check the fields of a record read from ``text`` (see ``_ordinary_fields``)."""
    token = _ordinary_fields.set(ordinary_text(text))
    try:
        yield
    finally:
        _ordinary_fields.reset(token)


def _checked_text(value: object, hidden_re: re.Pattern[str]) -> str:
    if not isinstance(value, str):
        raise wrong_type(value, "text")
    if not value or value.isspace():
        raise _fail("empty", "is empty (expected some text)")
    if _ordinary_fields.get():
        return value
    hidden = hidden_re.search(value)
    if hidden:
        raise _fail("hidden", "contains an invisible control character U+{code} at position {at} "
                    "(expected visible text only)", code=f"{ord(hidden.group()):04X}", at=hidden.start() + 1)
    bad = compiled(_NOT_TEXT).search(value) if not value.isascii() and _MAYBE_NOT_TEXT_RE.search(value) else None
    if bad:
        code, at = ord(bad.group()), bad.start() + 1
        if 0xD800 <= code <= 0xDFFF:
            raise _fail("surrogate", "contains a lone surrogate U+{code} at position {at} (expected whole "
                        "characters: write the character itself, not an escape of half of it)", code=f"{code:04X}", at=at)
        raise _fail("noncharacter", "contains the noncharacter U+{code} at position {at} (expected text "
                    "characters only: feeds and data files cannot carry it)", code=f"{code:04X}", at=at)
    return value


def _plain(value: str) -> str:
    """Text shown as a page title or name: no markup, no character references."""
    if "<" in value or ">" in value or _ENTITY_RE.search(value):
        raise _fail(
            "markup",
            "contains markup: {value} (expected plain text without '<', '>' or '&...;')",
            value=_repr(value),
        )
    if "\n" in value.strip():
        raise _fail("multiline", "spans several lines (expected a single line)")
    return value.strip()


ID_LIMIT = 100  # characters of an id, a tag or an alias: each names a file, and file names stop at 255 bytes


def too_long_id(value: str) -> str | None:
    """Why ``value`` is too long for an id, if it is."""
    if len(value) > ID_LIMIT:
        return f"too long: {len(value)} characters (expected an id of at most {ID_LIMIT} characters)"
    return None


def _slug(value: object) -> str:
    if isinstance(value, (bool, int, float)):
        raise wrong_type(value, "text")  # `rating: false` reads as a boolean: say to quote it
    if not isinstance(value, str) or not SLUG_RE.fullmatch(value):
        # written in capitals, with spaces or underscores: suggest the id it was meant to be
        plain = isinstance(value, str) and len(value) <= ID_LIMIT and re.fullmatch(r"[A-Za-z0-9 _-]+", value)
        suggestion = slugify(value) if plain else "unnamed"  # type: ignore[arg-type]
        hint = f"; did you mean '{suggestion}'?" if suggestion != "unnamed" and not reserved(suggestion) else ""
        raise _fail(
            "slug",
            "not a valid id: {value} (expected lowercase ASCII letters, digits and single hyphens, "
            "like 's400-deal'{hint})",
            value=_repr(value), hint=hint,
        )
    if too_long_id(value):
        raise _fail("too_long", too_long_id(value))  # type: ignore[arg-type]
    return value


# Years a date can hold. Outside them a date is a typo (2206 for 2026), and dates past 2106-02-07 do not
# fit the 32-bit timestamps of gzip headers (sitemap.xml.gz): the build crashed. Our own dates (reviewed,
# updated, corrections, retrieved) start in 1900; a publication date (sources, articles) may be older.
YEARS = (1900, 2100)
PUBLISHED_YEARS = (1000, 2100)


def _reasonable(day: dt.date, written: object, years: tuple[int, int] = YEARS) -> None:
    if not years[0] <= day.year <= years[1]:
        raise _fail("date_range", "not a plausible date: {value} (expected a year from {first} to {last})",
                    value=_repr(written), first=years[0], last=years[1])


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


FULL_DATE = "YYYY-MM-DD"
PARTIAL_DATE = "YYYY-MM-DD, or YYYY-MM or YYYY"


def _impossible(written: str, expected: str = FULL_DATE) -> PydanticCustomError:
    """Why a date written in the right form is not a date: '2026-02-30 is not a date: February 2026 has 28 days
    (expected a day from 01 to 28)'. ``expected``: the forms the field takes."""
    year, month = int(written[:4]), int(written[5:7])
    if not 1 <= month <= 12:
        return _fail("date", "{value} is not a date: there is no month {month} (expected {expected})",
                     value=written, month=written[5:7], expected=expected)
    if len(written) < 10:
        return _fail("date", "{value} is not a date (expected {expected})", value=written, expected=expected)
    days = calendar.monthrange(year, month)[1] if year >= 1 else 31
    if int(written[8:10]) == 0:
        return _fail("date", "{value} is not a date: days start at 01 (expected {expected})", value=written,
                     expected=expected)
    return _fail("date", "{value} is not a date: {month} {year} has {days} days (expected a day from 01 to {days})",
                 value=written, month=MONTHS[month - 1], year=written[:4], days=days)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        _reasonable(value, value)
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise _impossible(value) from None
        else:
            _reasonable(day, value)
            return day
    raise _fail("date", "not a valid date: {value} (expected YYYY-MM-DD)", value=_repr(value))


def _partial_date(value: object) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        _reasonable(value, value, PUBLISHED_YEARS)
        return value.isoformat()
    text = str(value) if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    if _PARTIAL_DATE_RE.fullmatch(text):
        padded = (text + "-01-01")[:10] if len(text) < 10 else text
        try:
            day = dt.date.fromisoformat(padded)
        except ValueError:
            raise _impossible(text, PARTIAL_DATE) from None
        else:
            _reasonable(day, value, PUBLISHED_YEARS)
            return text
    raise _fail(
        "date",
        "not a valid date: {value} (expected YYYY-MM-DD, or YYYY-MM or YYYY when the day is unknown)",
        value=_repr(value),
    )


_SPACE_RE = re.compile(r"\s")


_PLAIN_HTTP_RE = re.compile(r"https?://[^/?#\[\]\s\\@]+(?:[/?#][^\s\\]*)?")


def _http_url(value: str) -> str:
    text = value.strip()
    if text.isascii() and _PLAIN_HTTP_RE.fullmatch(text):  # the common case, as urlsplit would read it
        return text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.netloc or _SPACE_RE.search(text):
        raise _fail(
            "url",
            "not an http(s) URL: {value} (expected a link starting with http:// or https://)",
            value=_repr(value),
        )
    # Browsers read a backslash as '/' and Python's urlsplit does not: 'https://evil.example\@tass.com/'
    # goes to evil.example, while reviewers and link checkers see tass.com.
    if "\\" in text:
        raise _fail(
            "url",
            "a backslash in an http(s) URL: {value} (expected / between the parts of a link: browsers read \\ "
            "as /, so the link could lead to another site than it shows)",
            value=_repr(value),
        )
    # 'https://tass.com@evil.example/' goes to evil.example: links to sources never need a user name
    if "@" in parts.netloc:
        raise _fail(
            "url",
            "a name and @ before the site in an http(s) URL: {value} (expected the site's address right after "
            "http:// or https://: readers take the part before @ for the site, but the link goes to the part after it)",
            value=_repr(value),
        )
    return value.strip()


def _colour(value: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", value):
        raise _fail("colour", "not a colour: {value} (expected #rrggbb)", value=_repr(value))
    return value.lower()


MARKDOWN_LIMIT = 20_000
# Bounds on what one small file can make the build do: every tag and alias is a page, and every quote
# is searched for in its article.
QUOTE_LIMIT = 2_000
SUMMARY_LIMIT = 1_000
LIST_LIMIT = 20


def _markdown(value: str) -> str:
    """A Markdown field: bounded in size, and nothing hidden behind character references."""
    if len(value) > MARKDOWN_LIMIT:
        raise _fail("too_long", "too long: {n} characters (expected at most {limit})", n=len(value),
                    limit=MARKDOWN_LIMIT)
    hidden = _HIDDEN_IN_PROSE_RE.search(html.unescape(value)) if "&" in value else None
    if hidden:
        raise _fail("hidden", "a character reference makes an invisible control character U+{code} (expected "
                    "visible text only)", code=f"{ord(hidden.group()):04X}")
    return value


# Each type names its own JSON Schema, so editors check what validation checks.
Text = Annotated[str, BeforeValidator(_prose), WithJsonSchema({"type": "string", "minLength": 1})]
Markdown = Annotated[str, BeforeValidator(_prose), AfterValidator(_markdown),
                     WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MARKDOWN_LIMIT})]
PlainText = Annotated[str, BeforeValidator(_text), AfterValidator(_plain),
                      WithJsonSchema({"type": "string", "pattern": "^[^<>\\n]+$"})]
Slug = Annotated[str, BeforeValidator(_slug),
                 WithJsonSchema({"type": "string", "pattern": f"^{SLUG_RE.pattern}$", "maxLength": ID_LIMIT})]
Date = Annotated[dt.date, BeforeValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
PartialDate = Annotated[str, BeforeValidator(_partial_date),
                        WithJsonSchema({"type": "string", "pattern": "^\\d{4}(-\\d{2}(-\\d{2})?)?$"})]
HttpUrl = Annotated[str, BeforeValidator(_text), AfterValidator(_http_url),
                    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://[^/?#@\\\\]+([/?#][^\\\\]*)?$"})]
Colour = Annotated[str, BeforeValidator(_text), AfterValidator(_colour),
                   WithJsonSchema({"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"})]


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _fail("flag", "not true or false: {value} (expected true or false, without quotes)", value=_repr(value))


Flag = Annotated[bool, BeforeValidator(_flag), WithJsonSchema({"type": "boolean"})]


_LANGUAGE_SHAPE_RE = re.compile(r"[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*")


@lru_cache(maxsize=256)
def is_language_tag(value: str) -> bool:
    """Whether ``value`` is a BCP 47 tag whose subtags are in the IANA registry (langcodes, which ships
    the registry: nothing is downloaded)."""
    from langcodes import tag_is_valid  # about 0.1 s to import: only once an article says its language

    return bool(_LANGUAGE_SHAPE_RE.fullmatch(value)) and tag_is_valid(value)


def _language(value: object) -> str:
    if not isinstance(value, str):
        raise wrong_type(value, "text")
    if is_language_tag(value):
        return value
    written = value.replace("_", "-").strip()
    meant = written if written != value and is_language_tag(written) else LANGUAGE_NAMES.get(written.casefold())
    hint = f"; did you mean {meant!r}?" if meant else ""
    raise _fail("language", "{value} is not a BCP 47 language tag (expected e.g. 'en', 'ru', 'pt-BR'{hint})",
                value=_repr(value), hint=hint)


# Languages written by name instead of tag, in English or in their own words: 'english' -> 'en'.
LANGUAGE_NAMES = {
    "english": "en", "russian": "ru", "русский": "ru", "ukrainian": "uk", "українська": "uk", "french": "fr",
    "français": "fr", "francais": "fr", "german": "de", "deutsch": "de", "spanish": "es", "español": "es",
    "espanol": "es", "portuguese": "pt", "português": "pt", "portugues": "pt", "italian": "it", "italiano": "it",
    "dutch": "nl", "nederlands": "nl", "polish": "pl", "polski": "pl", "chinese": "zh", "中文": "zh",
    "japanese": "ja", "日本語": "ja", "korean": "ko", "한국어": "ko", "arabic": "ar", "العربية": "ar",
    "hindi": "hi", "हिन्दी": "hi", "turkish": "tr", "türkçe": "tr", "persian": "fa", "farsi": "fa", "فارسی": "fa",
    "hebrew": "he", "עברית": "he", "greek": "el", "ελληνικά": "el", "swedish": "sv", "svenska": "sv",
    "norwegian": "no", "norsk": "no", "danish": "da", "dansk": "da", "finnish": "fi", "suomi": "fi",
    "czech": "cs", "čeština": "cs", "slovak": "sk", "hungarian": "hu", "magyar": "hu", "romanian": "ro",
    "română": "ro", "bulgarian": "bg", "български": "bg", "serbian": "sr", "croatian": "hr", "slovenian": "sl",
    "lithuanian": "lt", "latvian": "lv", "estonian": "et", "belarusian": "be", "georgian": "ka", "armenian": "hy",
    "azerbaijani": "az", "kazakh": "kk", "indonesian": "id", "malay": "ms", "vietnamese": "vi", "thai": "th",
    "urdu": "ur", "bengali": "bn", "tamil": "ta", "swahili": "sw", "filipino": "fil", "tagalog": "tl",
}
Language = Annotated[str, BeforeValidator(_language),
                     WithJsonSchema({"type": "string", "pattern": f"^{_LANGUAGE_SHAPE_RE.pattern}$"})]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    def __reduce__(self) -> tuple[object, ...]:
        """Pickled as its class, its fields' values and which were set: records come back from loading
        workers this way, in about two thirds of the time pydantic's own pickling takes."""
        return _unpickled, (type(self), self.__dict__, self.__pydantic_fields_set__)


def _unpickled(cls: type[Record], values: dict[str, object], fields_set: set[str]) -> Record:
    record = cls.__new__(cls)
    object.__setattr__(record, "__dict__", values)
    object.__setattr__(record, "__pydantic_fields_set__", fields_set)
    object.__setattr__(record, "__pydantic_extra__", None)  # extra="forbid"
    object.__setattr__(record, "__pydantic_private__", None)  # no private attributes
    return record


class Source(Record):
    title: Text = Field(description="the headline or name of the source")
    url: HttpUrl = Field(description="an http(s) link to the source")
    publisher: Text = Field(description="who published it")
    published: PartialDate = Field(description="a date YYYY-MM-DD, or YYYY-MM or YYYY")
    archive_url: HttpUrl | None = Field(None, description="an http(s) link to an archived copy")
    note: Text | None = Field(None, description="what this source supports")


class Correction(Record):
    date: Date = Field(description="a date YYYY-MM-DD")
    note: Text = Field(description="what was corrected")


class Provenance(Record):
    """How a record was made: by hand, or drafted by the extractor."""

    method: Literal["manual", "extractor"] = Field(description="manual or extractor")
    extractor: Text | None = Field(None, description="the extractor's name")
    version: Text | None = Field(None, description="the extractor's version")
    model: Text | None = Field(None, description="the scoring model's name and version")
    score: float | None = Field(None, ge=0, le=1, description="the check-worthiness score, 0 to 1")
    signals: list[Text] = Field(default_factory=list, description="why the extractor picked the sentence")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        if value == "manual":
            return {"method": "manual"}
        if isinstance(value, dict):
            return {"method": "extractor", **value} if "method" not in value else value
        raise _fail(
            "provenance",
            "not a provenance: {value} (expected 'manual', or a mapping with extractor, version, model and score)",
            value=_repr(value),
        )

    @property
    def is_machine(self) -> bool:
        return self.method == "extractor"


class Appearance(Record):
    """Another place the claim was published: the words of another article (a copy, a translation)."""

    article: Slug = Field(description="the id of an article: its file name in the articles folder, without .md")
    quote: Text = Field(
        description="that article's words, verbatim; '…' or '[...]' may join segments in order"
    )
    translation: Text | None = Field(
        None, description="the quote in the site's language, when the article is in another language"
    )
    note: Text | None = Field(None, description="what differs in this appearance, e.g. 'numbers changed'")


LIST_FIELDS = ("sources", "tags", "related", "aliases", "corrections")


class Claim(Record):
    id: Slug | None = Field(None, description="the file name without .yaml (optional; must match)")
    title: PlainText = Field(
        max_length=120, json_schema_extra={"maxLength": 120},
        description="the claim in one neutral sentence, at most 120 characters",
    )
    quote: Text = Field(
        max_length=QUOTE_LIMIT, json_schema_extra={"maxLength": QUOTE_LIMIT},
        description=f"the words of the article, verbatim, at most {QUOTE_LIMIT} characters; '…' or '[...]' may "
                    "join segments in order",
    )
    article: Slug = Field(description="the id of an article: its file name in the articles folder, without .md")
    appearances: list[Appearance] = Field(
        default_factory=list, description="other articles that published the claim, each with its own quote"
    )
    claimant: PlainText = Field(
        description="who made the claim: a person, an organisation, or the article's outlet"
    )
    attribution: Literal["direct", "reported", "vague", "none"] = Field(
        description="how the article attributes the claim: direct, reported, vague or none"
    )
    rating: Text | None = Field(None, description="a rating id from the rating scale")  # checked against the scale
    summary: Text | None = Field(None, max_length=SUMMARY_LIMIT, description="the short answer in two or three "
                                 f"plain sentences, at most {SUMMARY_LIMIT} characters")
    context: Markdown | None = Field(None, description="the explainer, in Markdown")
    sources: list[Source] = Field(default_factory=list, description="the sources behind the explainer")
    tags: list[Slug] = Field(default_factory=list, max_length=LIST_LIMIT,
                             description=f"a list of at most {LIST_LIMIT} tag ids")
    related: list[Slug] = Field(default_factory=list, max_length=LIST_LIMIT,
                                description=f"a list of at most {LIST_LIMIT} claim ids")
    aliases: list[Slug] = Field(
        default_factory=list, max_length=LIST_LIMIT,
        description=f"at most {LIST_LIMIT} former ids of this claim: their pages redirect here",
    )
    authors: list[PlainText] = Field(
        default_factory=list, description="who wrote the explainer: a list of names (default: the publisher)"
    )
    reviewers: list[PlainText] = Field(
        default_factory=list, description="who checked it before publication: a list of names"
    )
    reviewed: Date | None = Field(None, description="the date of the last review, YYYY-MM-DD")
    updated: Date | None = Field(None, description="the date of the last update, YYYY-MM-DD")
    corrections: list[Correction] = Field(default_factory=list, description="a list of corrections")
    status: Literal["published", "draft"] = Field(
        "published", description="published, or draft (validated but not published)"
    )
    provenance: Provenance = Field(
        default_factory=lambda: Provenance(method="manual"), description="how the record was made"
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_lists(cls, value: object) -> object:
        """A list field with no value ('sources:' above commented examples) is an empty list."""
        if isinstance(value, dict) and any(value.get(name, ()) is None for name in LIST_FIELDS):
            return {name: [] if name in LIST_FIELDS and item is None else item for name, item in value.items()}
        return value

    @property
    def published(self) -> bool:
        return self.status == "published"

    @property
    def passages(self) -> list[tuple[str, str, str]]:
        """Each passage the claim quotes, as (what messages call it, article id, quote): its quote first
        ("the quote"), then each appearance's ("appearances[0].quote", ...)."""
        return [("the quote", self.article, self.quote),
                *((f"appearances[{n}].quote", a.article, a.quote) for n, a in enumerate(self.appearances))]

    @property
    def last_changed(self) -> dt.date:
        """The newest of reviewed, updated and correction dates: a correction is an update."""
        dates = [d for d in (self.reviewed, self.updated, *(c.date for c in self.corrections)) if d]
        return max(dates) if dates else dt.date.min


def newest_first(claims: Iterable[Claim]) -> list[Claim]:
    """Claims by their last change, newest first; ties in id order."""
    return sorted(sorted(claims, key=lambda c: c.id or ""), key=lambda c: c.last_changed, reverse=True)


# A published claim must have these too; a draft may leave them out.
REQUIRED_TO_PUBLISH = ("rating", "summary", "context", "sources", "reviewed")


class ArticleMeta(Record):
    title: PlainText = Field(description="the article's headline, verbatim; in square brackets, our description of an "
                                         "article whose headline is not known")
    outlet: PlainText = Field(description="the site or publication that ran it")
    url: HttpUrl = Field(description="an http(s) link to the article")
    published: PartialDate = Field(description="a date YYYY-MM-DD, or YYYY-MM or YYYY")
    author: PlainText | None = Field(None, description="the named author, if any")
    archive_url: HttpUrl | None = Field(None, description="an http(s) link to an archived copy")
    language: Language = Field("en", description="a BCP 47 language tag, such as en, ru or pt-BR")
    title_language: Language | None = Field(
        None, description="the headline's language, when it is not the article's: a headline given in translation"
    )
    retrieved: Date | None = Field(None, description="the date the text was retrieved, YYYY-MM-DD")
    notes: Text | None = Field(None, description="what is known about the article")
    excerpt: Flag = Field(
        False, description="true when the body holds only the passages claims quote, not the whole article"
    )


@dataclass(frozen=True)
class Article:
    id: str
    meta: ArticleMeta
    body: str

    @property
    def title_language(self) -> str:
        """The language its headline is written in: pages mark the headline with it."""
        return self.meta.title_language or self.meta.language

    @property
    def headline_known(self) -> bool:
        """False when its title is in square brackets: our words for an article whose headline we could not
        read (an editor's insertion, as brackets mark one in a quote), not the outlet's headline."""
        title = self.meta.title
        return not (title.startswith("[") and title.endswith("]"))


class Rating(Record):
    label: PlainText = Field(description="the label shown to readers")
    meaning: Text = Field(description="one line saying what the rating means")
    colour: Colour = Field(description="a colour #rrggbb")
    value: int = Field(description="a number for structured data: higher is better supported")


class RatingScale(BaseModel):
    """The ordered ratings of a site, best supported first."""

    model_config = ConfigDict(frozen=True)
    ratings: dict[Slug, Rating]

    def __contains__(self, rating_id: object) -> bool:
        return rating_id in self.ratings

    def __getitem__(self, rating_id: str) -> Rating:
        return self.ratings[rating_id]

    @property
    def ids(self) -> list[str]:
        return list(self.ratings)


DEFAULT_RATINGS: dict[str, dict[str, object]] = {
    "supported": {
        "label": "Supported",
        "meaning": "The evidence supports the claim as stated.",
        "colour": "#1b7a3d",
        "value": 5,
    },
    "partly-supported": {
        "label": "Partly supported",
        "meaning": "Part of the claim holds up; part is wrong, missing context or unproven.",
        "colour": "#736300",
        "value": 4,
    },
    "misleading": {
        "label": "Misleading",
        "meaning": "Built on real facts but framed to give a false impression.",
        "colour": "#a35200",
        "value": 3,
    },
    "unsupported": {
        "label": "Unsupported",
        "meaning": "No evidence was found for the claim.",
        "colour": "#7a2e8e",
        "value": 2,
    },
    "false": {
        "label": "False",
        "meaning": "The evidence contradicts the claim.",
        "colour": "#c0182f",
        "value": 1,
    },
    "cannot-verify": {
        "label": "Cannot verify",
        "meaning": "The claim cannot be checked with the evidence available.",
        "colour": "#5c5f66",
        "value": 0,
    },
}
