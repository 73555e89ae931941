"""A raw article (.txt, .md with front matter, or a saved .html page) -> an article file.

Pure apart from trafilatura's parsing and ``import_article``, which reads the
source and writes the article file, never over another unless told to. The body is kept verbatim for text and Markdown; for HTML it is the
main text as trafilatura extracts it.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import Refused
from ..files import create_new, replace
from ..load import MAX_ARTICLE_BYTES, new_article_problems, parse_yaml, split_front_matter, yaml_problem, yaml_shape_problems
from ..paths import read_bounded
from ..render import join_names
from ..validate import id_problem
from ..model import ArticleMeta, generated_id
from ..quotes import find, normalise
from ..settings import Settings

FIELD_ORDER = list(ArticleMeta.model_fields)


class ImportFailed(Exception):
    """The source cannot be read as an article; the message says why and what to do. With ``lines``,
    the message is already problem lines naming the source."""

    def __init__(self, message: str, *, lines: bool = False) -> None:
        super().__init__(message)
        self.lines = lines


SOURCE_LIMIT = 16 * 1024 * 1024  # bytes of a source file: a saved page may be much larger than its text
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", re.I)


def decode_html(data: bytes) -> str:
    """A saved page's text: its byte order mark, else the charset its <meta> declares (charset= or
    http-equiv Content-Type), else UTF-8 if it is valid UTF-8, else what charset_normalizer detects."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            encoding = None
        if encoding and encoding not in ("utf-16-le", "utf-16-be", "utf-16", "utf-32"):  # a page saying utf-16 in ASCII bytes is not
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise ImportFailed("the page's text encoding cannot be recognised (expected UTF-8, or a page that declares "
                           "its charset)")
    return str(best)


def _comparable(text: str) -> str:
    return " ".join(normalise(text).casefold().split())


@dataclass(frozen=True)
class Imported:
    meta: dict[str, Any]
    body: str

    def with_options(self, **options: Any) -> Imported:
        given = {key: value for key, value in options.items() if value is not None}
        return Imported({**self.meta, **given}, self.body)

    def without_headline(self) -> Imported:
        """The body without its first line when that line is the title again (pages often repeat their
        headline above the text): it would show twice on the article page and be drafted as a claim."""
        title = _comparable(str(self.meta.get("title") or ""))
        stripped = self.body.lstrip("\n")
        first, _, rest = stripped.partition("\n")
        if title and _comparable(first.lstrip("#").strip()) == title and rest.strip():
            return Imported(self.meta, rest.lstrip("\n"))
        return self

    def suggested_id(self) -> str:
        """An id made from the title in any script: short, cut at a word, never reserved ('2025' or 'con'
        would not do)."""
        return generated_id(str(self.meta.get("title") or ""), "article")


def from_text(text: str) -> Imported:
    """First line the title, the rest the body (blank lines after the title dropped)."""
    title, _, body = text.lstrip("\ufeff").partition("\n")
    if not title.strip():
        raise ImportFailed("the first line is empty (expected the article's title on the first line)")
    return Imported({"title": title.strip()}, body.lstrip("\r\n"))


def from_markdown(text: str, shown: str = "(source)") -> Imported:
    """Front matter and body; the front matter is checked as an article's is (aliases, nesting) before
    it is parsed."""
    parts = split_front_matter(text)
    if parts is None:
        return from_text(text)
    front, body = parts
    problems = yaml_shape_problems(front, shown, line_offset=1)
    if problems:
        raise ImportFailed("\n".join(str(p) for p in problems), lines=True)
    try:
        meta = parse_yaml(front) or {}
    except yaml.YAMLError as exc:
        raise ImportFailed(str(yaml_problem(shown, exc, line_offset=1)), lines=True) from None
    if not isinstance(meta, dict):
        raise ImportFailed("the front matter is not a mapping of fields")
    keys = [key for key in meta if not isinstance(key, str)]
    if keys:
        raise ImportFailed(f"the front matter has a field name that is not text: {keys[0]!r} (expected field names "
                           f"such as {', '.join(FIELD_ORDER[:4])})")
    return Imported(meta, body)


def from_html(html: str) -> Imported:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None or not (document.text or "").strip():
        raise ImportFailed("no article text found in the page (expected a saved article page)")
    meta: dict[str, Any] = {
        "title": document.title,
        "outlet": document.sitename or document.hostname,
        "url": document.url,
        "published": document.date,
        "author": document.author,
        "language": document.language or page_language(html),  # trafilatura reads no <html lang>
    }
    return Imported({k: v for k, v in meta.items() if v}, document.text.strip() + "\n")


_HTML_LANG_RE = re.compile(r"<html\b[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.IGNORECASE)


def page_language(html: str) -> str | None:
    """The language a page declares on its <html> element ('ar', 'pt-BR'), if any."""
    found = _HTML_LANG_RE.search(html[:20_000])
    return found.group(1).replace("_", "-") if found else None


LANGUAGE_SURE = 0.95  # the detector's probability above which an import writes the language it found
LANGUAGE_TEXT = 200  # characters of text, at least, for a detection to be trusted


def with_language(imported: Imported) -> tuple[Imported, str]:
    """``imported`` with the language of its text when neither the source nor an option said it (an article
    without one is built as the site's language: an Arabic text left to right), and what the command says
    about it; unchanged when the text is short or the detector unsure (validate then says nothing either)."""
    from .language import detect

    if imported.meta.get("language") or len(imported.body.strip()) < LANGUAGE_TEXT:
        return imported, ""
    code, probability = detect(imported.body)
    if probability < LANGUAGE_SURE:
        return imported, ""
    return (imported.with_options(language=code),
            f" (language {code!r}, detected from its text: pass --language if it is another)")


def read_source(path: Path) -> Imported:
    data, why = read_bounded(path, SOURCE_LIMIT, None)
    if data is None:
        raise ImportFailed(why or "cannot be read")
    if path.suffix.lower() in (".html", ".htm"):
        return from_html(decode_html(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"not UTF-8 text: byte {data[exc.start]:#04x} at offset {exc.start} (expected a UTF-8 "
                           "text file; save it as UTF-8)") from None
    if path.suffix.lower() in (".md", ".markdown"):
        return from_markdown(text.lstrip("\ufeff").replace("\r\n", "\n"), str(path))
    return from_text(text)


def article_text(imported: Imported) -> str:
    """Front matter in a fixed field order, then the body, unchanged."""
    lines = ["---"]
    for name in FIELD_ORDER:
        value = imported.meta.get(name)
        if value is None or value == "":
            continue
        if isinstance(value, dt.date):
            value = value.isoformat()
        lines.append(f"{name}: {json.dumps(value, ensure_ascii=False) if isinstance(value, str) else value}")
    extra = sorted(set(imported.meta) - set(FIELD_ORDER))
    lines += [f"{name}: {json.dumps(imported.meta[name], ensure_ascii=False, default=str)}" for name in extra]
    lines.append("---")
    body = imported.body if imported.body.endswith("\n") else imported.body + "\n"
    return "\n".join(lines) + "\n" + body


FLAGS = {"outlet", "url", "published", "title", "author", "archive_url", "language"}  # fields a command-line option can give


def import_article(source: Path, settings: Settings, *, article_id: str | None, force: bool, **fields: str | None) -> str:
    """Write the article file made from ``source`` (with ``fields`` over what it says), checked as
    validate checks it; what was written, as the command says it: the file's path as messages show it,
    and why its id has a number when the id made from the title is another article's. Refused, and
    nothing written, if the source cannot be read, the article would not validate, or the file exists:
    ``force`` replaces it only when it is the same article (the same url) with the same front matter, so
    that only its text changes: never another article, and never a file whose fields a person edited."""
    if article_id is not None and id_problem(article_id, "--id"):
        raise Refused(id_problem(article_id, "--id"))
    try:
        imported = read_source(source).with_options(**fields).without_headline()
    except ImportFailed as exc:
        raise Refused(str(exc) if exc.lines else f"{source}: {exc}") from None
    imported, detected = with_language(imported)
    chosen = article_id
    article_id = article_id or imported.suggested_id()
    text = article_text(imported)
    problems = new_article_problems(text, article_id, settings.shown(settings.article_file(article_id)))
    if problems:  # the file is not written: each problem by the option that mends it, else by its field
        said = [f"--{p.field.replace('_', '-')}: {p.message}" if p.field in FLAGS else f"{p.field}: {p.message}"
                for p in sorted(problems, key=lambda p: _field_rank(p.field))]
        raise Refused(f"{settings.shown(settings.article_file(article_id))} was not written; the article would not "
                      "validate:\n" + "\n".join(said))
    url = str(imported.meta["url"]).strip()  # validated: present
    note = ""
    if chosen is None:  # an id made from the title: another article's is never taken, a number is added
        article_id, note = _free_id(article_id, url, settings)
    path = settings.article_file(article_id)
    shown = settings.shown(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        held = _url_of(path)
        if held != url:
            what = f"another article ({held})" if held else "an article whose url cannot be read"
            raise Refused(f"{shown} holds {what}, not {url} (expected --force only to replace the same article: "
                          "choose another --id)")
        if not force:
            raise Refused(f"{shown} already exists (pass --force to replace it)")
        changed = _changed_fields(path, text)
        if changed:  # a person's fields (notes, retrieved, language...) are never dropped or overwritten
            raise Refused(f"{shown} differs from this import in {', '.join(changed)}; the file is kept (expected "
                          "--force only to replace the same article with nothing but its text changed: edit the "
                          "file by hand, or delete it and import again)")
        before = path.read_bytes()
        text = _with_new_body(before, text)  # the front matter as the person keeps it: comments, quoting, order
        lost = _quotes_lost(settings, article_id, split_front_matter(text)[1])  # type: ignore[index]
        if lost:
            raise Refused(f"{shown}: the new text does not have {join_names(lost)}; the file is kept (expected "
                          "the same article with the passages claims quote: fix those claims first, or edit "
                          "the article by hand)")
        if not replace(path, text, before=before):
            raise Refused(f"{shown} changed while importing; nothing was written to it (run the command again)")
    elif not create_new(path, text):
        raise Refused(f"{shown} already exists (pass --force to replace it)")
    return shown + note + detected


def _with_new_body(held: bytes, text: str) -> str:
    """The article file ``held`` with the body of ``text`` (an import of the same article with the same
    fields) in place of its own: its front matter kept as written."""
    own = held.decode("utf-8-sig").replace("\r\n", "\n")
    _, body = split_front_matter(own)  # type: ignore[misc]  # readable: its fields were compared
    return own[: len(own) - len(body)] + split_front_matter(text)[1]  # type: ignore[index]


def _quotes_lost(settings: Settings, article_id: str, body: str) -> list[str]:
    """Each claim quote (or appearance) from article ``article_id`` that ``body`` does not have, as
    "the quote of claims/x.yaml"."""
    from ..project import load_project  # every claim: only --force over an existing article needs them
    project = load_project(settings, briefly=True)
    return [f"{field} of {settings.shown(settings.claim_file(claim_id))}"
            for claim_id, claim in sorted(project.claims.items()) for field, quoted_article, quote in claim.passages
            if quoted_article == article_id and find(quote, body) is None]


def _field_rank(field: str) -> tuple[int, str]:
    """Where a field comes in an article's front matter (FIELD_ORDER), for messages in that order."""
    name = field.split(".")[0].split("[")[0]
    return (FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER), field)


def _free_id(article_id: str, url: str, settings: Settings) -> tuple[str, str]:
    """``article_id``, or with the first number (-2, -3, ...) that no other article's file holds; and
    what the command says about it."""
    candidate, number = article_id, 2
    while settings.article_file(candidate).exists() and _url_of(settings.article_file(candidate)) != url:
        candidate, number = f"{article_id}-{number}", number + 1
    if candidate == article_id:
        return candidate, ""
    taken = settings.shown(settings.article_file(article_id))
    return candidate, f" (the id {article_id!r} is taken: {taken} is another article)"


def _changed_fields(path: Path, text: str) -> list[str]:
    """The front-matter fields of the article file ``path`` that ``text`` (an import of the same article)
    would drop, add or change, in the order an import writes them; every field when it cannot be read."""
    held = _front_matter_of(path)
    new = _front_matter(text) or {}
    if held is None:
        return ["every field (the file cannot be read)"]
    names = [*FIELD_ORDER, *sorted((set(held) | set(new)) - set(FIELD_ORDER), key=str)]
    return [str(name) for name in names if not _same_value(held.get(name), new.get(name))]


def _front_matter(text: str) -> dict[Any, Any] | None:
    parts = split_front_matter(text.replace("\r\n", "\n"))
    try:  # a person's file: its shape is checked (aliases, nesting) before it is parsed
        meta = parse_yaml(parts[0]) if parts is not None and not yaml_shape_problems(parts[0], "") else None
    except (yaml.YAMLError, RecursionError):
        return None
    return meta if isinstance(meta, dict) else None


def _front_matter_of(path: Path) -> dict[Any, Any] | None:
    """The front matter of an existing article file, or None when it cannot be read."""
    data, _ = read_bounded(path, MAX_ARTICLE_BYTES, None)
    try:
        return _front_matter(data.decode("utf-8-sig")) if data is not None else None
    except UnicodeDecodeError:
        return None


def _same_value(held: Any, new: Any) -> bool:
    """Whether a field holds the same value in both: '2025' written unquoted (a number) and quoted is one date."""
    if held == new:
        return True
    scalars = (str, int, float, dt.date)
    return (isinstance(held, scalars) and isinstance(new, scalars) and not isinstance(held, bool)
            and str(held).strip() == str(new).strip())


def _url_of(path: Path) -> str | None:
    """The url an existing article file gives, or None when it cannot be read."""
    meta = _front_matter_of(path)
    url = meta.get("url") if meta is not None else None
    return url.strip() if isinstance(url, str) else None
