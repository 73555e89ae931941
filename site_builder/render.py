"""The Jinja2 environment over a project's templates/.

Templates write Markdown pages whose content is mostly HTML, so autoescaping is
on for every template and undefined names are errors. Values that end up in
front matter are read by the theme without escaping: the ``meta`` filter
escapes them as HTML inside a JSON (and so YAML) string.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from html import escape
from pathlib import Path

import jinja2
import jinja2.bccache
from jinja2.compiler import CodeGenerator, Frame
from markupsafe import Markup

from .appearances import direction, foreign_language

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def human_date(value: dt.date | str | None) -> str:
    """2025-12-03 -> '3 December 2025'; partial dates '2025-12' -> 'December 2025', '2025' -> '2025'."""
    if value is None:
        return ""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = text.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return text


def iso_date(value: dt.date | str | None) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, dt.date) else str(value)


# What YAML cannot hold as is in a quoted scalar: characters outside its printable set (parsers refuse
# them) and the line breaks YAML 1.1 adds to \n and \r (NEL, U+2028, U+2029: folded into spaces).
_NOT_YAML_PRINTABLE_RE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _yaml_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    # a lone surrogate is not a character: no escape can carry it (validation refuses them in fields)
    return "\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def yaml_quoted(value: str) -> str:
    """A double-quoted YAML scalar that every YAML parser reads back as ``value``, whatever its characters.

    Written as UTF-8 text, never as JSON's ``\\ud83d\\ude80`` surrogate pairs: YAML parsers refuse
    those, and MkDocs then shows a page's front matter as Markdown (a stored script injection)."""
    if value.isprintable() and '"' not in value and "\\" not in value:
        # what the line below gives for such a value (JSON escapes only '"', "\\" and C0 controls; every
        # character YAML cannot hold is a control, separator, surrogate or noncharacter, none printable)
        return f'"{value}"'
    return _NOT_YAML_PRINTABLE_RE.sub(_yaml_escape, json.dumps(value, ensure_ascii=False))


def meta(value: str) -> Markup:
    """A front-matter value: HTML-escaped (themes print it raw), on one line, as a quoted string."""
    return Markup(yaml_quoted(escape(" ".join(value.split()), quote=True)))


def yaml_str(value: str) -> Markup:
    """A YAML string for a YAML template; not HTML-escaped."""
    return Markup(yaml_quoted(value))


def one_line(value: str) -> str:
    return " ".join(value.split())


def join_names(names: list[str]) -> str:
    """['A'] -> 'A'; ['A', 'B', 'C'] -> 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, for rebuilds while serving: a template whose source is
    unchanged is not compiled again (an edited one has another checksum, and is)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


def _replaced(value: str) -> str:
    return (value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:  # MarkupSafe 3's own escaping of a str, in C (one pass, the same object back when nothing changes)
    from markupsafe import _escape_inner as _escaped_str
except ImportError:  # pragma: no cover - an older MarkupSafe: its replacements, in its order
    _escaped_str = _replaced


def escaped_text(value: object) -> str:
    """``str(markupsafe.escape(value))``: the same characters, as plain text rather than a Markup object
    (MarkupSafe's own function for a str, without the Markup it wraps the result in: a claim page writes
    about 70 values, and the C escaping is a tenth of the five replacements it replaced).
    tests/test_render.py compares the two."""
    if type(value) is str:
        return _escaped_str(value)
    if hasattr(value, "__html__"):
        return value.__html__()  # type: ignore[no-any-return]
    return _escaped_str(str(value))


class _TextOutput(CodeGenerator):
    """Compiles each ``{{ value }}`` of an autoescaped template to ``escaped_text(value)`` instead of
    Jinja's ``escape(value)``: the same characters, without a Markup object made for every value only to
    be joined into the page (a claim page writes about 70; rendering it costs a fifth less, measured on
    the benchmark's 2,000 claims). What a template keeps as a value (a macro's result, a ``{% set %}``
    block) is still made Markup by Jinja itself, so nothing is escaped twice."""

    def _output_child_pre(self, node: jinja2.nodes.Expr, frame: Frame, finalize: object) -> None:
        if frame.eval_ctx.autoescape and not frame.eval_ctx.volatile and finalize.src is None:  # type: ignore[attr-defined]
            self.write("environment.escaped_text(")  # closed by _output_child_post
        else:
            super()._output_child_pre(node, frame, finalize)  # type: ignore[arg-type]


class TemplateEnvironment(jinja2.Environment):
    """The templates' environment: Jinja's, with ``{{ value }}`` written as plain escaped text."""

    code_generator_class = _TextOutput
    escaped_text = staticmethod(escaped_text)


def environment(templates_dir: Path, compiled: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    env = TemplateEnvironment(
        bytecode_cache=compiled,
        loader=jinja2.FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,
    )
    env.filters.update(direction=direction, foreign_language=foreign_language, join_names=join_names, human_date=human_date,
                       iso_date=iso_date, meta=meta, one_line=one_line, yaml_str=yaml_str)
    return env
