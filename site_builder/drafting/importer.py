"""A raw article (.txt, .md with front matter, or a saved .html page) -> an article file.

Pure apart from trafilatura's parsing and ``import_article``, which reads the
source and writes the article file, never over another unless told to. The body is kept verbatim for text and Markdown; for HTML it is the
main text as trafilatura extracts it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import Refused
from ..files import create_new, replace
from ..load import parse_article, parse_yaml, split_front_matter
from ..model import ArticleMeta, slugify
from ..settings import Settings

FIELD_ORDER = list(ArticleMeta.model_fields)


class ImportFailed(Exception):
    """The source cannot be read as an article; the message says why and what to do."""


@dataclass(frozen=True)
class Imported:
    meta: dict[str, Any]
    body: str

    def with_options(self, **options: Any) -> Imported:
        given = {key: value for key, value in options.items() if value is not None}
        return Imported({**self.meta, **given}, self.body)

    def suggested_id(self) -> str:
        words = slugify(str(self.meta.get("title") or "article")).split("-")
        out = ""
        for word in words:
            if len(out) + len(word) + 1 > 60:
                break
            out = f"{out}-{word}" if out else word
        return out or "article"


def from_text(text: str) -> Imported:
    """First line the title, the rest the body (blank lines after the title dropped)."""
    title, _, body = text.lstrip("\ufeff").partition("\n")
    if not title.strip():
        raise ImportFailed("the first line is empty (expected the article's title on the first line)")
    return Imported({"title": title.strip()}, body.lstrip("\r\n"))


def from_markdown(text: str) -> Imported:
    parts = split_front_matter(text)
    if parts is None:
        return from_text(text)
    front, body = parts
    meta = parse_yaml(front) or {}
    if not isinstance(meta, dict):
        raise ImportFailed("the front matter is not a mapping of fields")
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
        "language": document.language,
    }
    return Imported({k: v for k, v in meta.items() if v}, document.text.strip() + "\n")


def read_source(path: Path) -> Imported:
    text = path.read_text(encoding="utf-8", errors="strict")
    if path.suffix.lower() in (".html", ".htm"):
        return from_html(text)
    if path.suffix.lower() in (".md", ".markdown"):
        return from_markdown(text)
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


FLAGS = {"outlet", "url", "published", "title", "author", "archive_url"}  # fields a command-line option can give


def import_article(source: Path, settings: Settings, *, article_id: str | None, force: bool, **fields: str | None) -> str:
    """Write the article file made from ``source`` (with ``fields`` over what it says), checked as
    validate checks it; the file's path as messages show it. Refused, and nothing written, if the
    source cannot be read, the article would not validate, or the file exists (without ``force``)."""
    try:
        imported = read_source(source).with_options(**fields)
    except (ImportFailed, UnicodeDecodeError) as exc:
        raise Refused(f"{source}: {exc}") from None
    article_id = article_id or imported.suggested_id()
    path = settings.article_file(article_id)
    shown = settings.shown(path)
    text = article_text(imported)
    _, problems = parse_article(text, article_id, shown)
    if problems:
        hint = "; ".join(sorted(f"pass --{p.field.replace('_', '-')}" for p in problems if p.field in FLAGS))
        raise Refused("\n".join(str(p) for p in problems) + (f"\n{hint}" if hint else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    if force:
        replace(path, text)
    elif not create_new(path, text):
        raise Refused(f"{shown} already exists (pass --force to replace it)")
    return shown
