"""Files -> model objects, with every problem found on the way.

Claims are ``claims/<id>.yaml``; articles are Markdown files with YAML front
matter and a verbatim body. The YAML is read by yaml_parse and its mistakes are
explained by yaml_mistakes; line and column numbers are looked up from libyaml's
node marks only when a problem needs them, so the common case (no problems) stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import os
import re
import typing
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem, closest, did_you_mean, line_and_column, one_of
from . import memo
from .markup import markdown_slips
from .paths import hidden, read_bounded, shown_path
from .yaml_mistakes import FIRST_WORD_RE, yaml_problem, yaml_problems, yaml_shape_problems
from .yaml_parse import DuplicateKeys, Loader, parse_yaml
from .model import (
    REQUIRED_TO_PUBLISH,
    SLUG_RE,
    Article,
    ArticleMeta,
    Claim,
    Correction,
    fields_of,
    kind_of,
    quote_hint,
    reserved,
    too_long_id,
    windows_reserved,
)

T = TypeVar("T")
FieldPath = tuple[str | int, ...]




def field_name(path: FieldPath) -> str:
    """('sources', 0, 'url') -> 'sources[0].url'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "(file)"


@dataclass
class SourceFile(Generic[T]):
    """A loaded record with what is needed to point at its lines later."""

    path: str  # as shown to people: relative to the project root
    text: str  # the YAML: the whole file, or an article's front matter
    value: T
    line_offset: int = 0  # lines of the file before the YAML starts
    partial: bool = False  # the value is salvaged from a record with errors: checked, never published
    # top-level fields salvaged from a misspelt name ('ratng: x' checked as the rating): name -> as written
    spelt: dict[str, str] = field(default_factory=dict)
    _tree: yaml.Node | None = field(default=None, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        """Sent from a loading worker without its YAML nodes: they are made again if a position is asked for."""
        return SourceFile, (self.path, self.text, self.value, self.line_offset, self.partial, self.spelt)

    def position(self, path: FieldPath, *, at_key: bool = False) -> tuple[int, int]:
        """(line, column), 1-based, of the value at ``path``; its key when ``at_key``.

        A path that does not exist points at the nearest enclosing node."""
        found = self._nodes(path)
        if found is None:  # no YAML at all, only comments
            return 1 + self.line_offset, 1
        key_node, node = found
        mark = (key_node if at_key and key_node is not None else node).start_mark
        return mark.line + 1 + self.line_offset, mark.column + 1

    def _nodes(self, path: FieldPath) -> tuple[yaml.Node | None, yaml.Node] | None:
        """The key node and value node at ``path``, or of the nearest enclosing node; None without YAML."""
        if self._tree is None:
            self._tree = yaml.compose(self.text, Loader=Loader)
        if self._tree is None:
            return None
        node, key_node = self._tree, None
        if path and path[0] in self.spelt:
            path = (self.spelt[path[0]], *path[1:])  # type: ignore[index]
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            key_node, node = child
        return key_node, node

    def key_as_written(self, path: FieldPath) -> str | None:
        """The key at ``path`` as the file writes it ('false' for a key read as false), if there is one."""
        found = self._nodes(path)
        return str(found[0].value) if found and found[0] is not None else None

    def plain_scalar(self, path: FieldPath) -> str | None:
        """The value at ``path`` as written, when it is written plain (no quotes): 'no', 'on', '1.50'."""
        found = self._nodes(path)
        node = found[1] if found else None
        return node.value if isinstance(node, yaml.ScalarNode) and not node.style else None  # plain: no style

    def character_position(self, path: FieldPath, offset: int, value: str) -> tuple[int, int] | None:
        """(line, column) in the file of ``value[offset]``, a character of the text value at ``path``, when
        the file holds the value's characters as written (not made by an escape such as '\\u202e'); None
        otherwise. A value over many lines (a block, a plain or quoted value) is pointed at its line, not
        at its first one."""
        found = self._nodes(path)
        node = found[1] if found else None
        if not isinstance(node, yaml.ScalarNode) or not 0 <= offset < len(value):
            return None
        start, end = node.start_mark.index, node.end_mark.index
        if node.style == '"' and "\\" in self.text[start:end]:
            return None  # an escape may have made the character, or one before it
        character = value[offset]
        at = start - 1
        for _ in range(value.count(character, 0, offset) + 1):  # the same occurrence of it in the file
            at = self.text.find(character, at + 1, end)
            if at == -1:
                return None
        line, column = line_and_column(self.text, at)
        return line + self.line_offset, column

    def problem(self, path: FieldPath, message: str, *, at_key: bool = False) -> Problem:
        line, column = self.position(path, at_key=at_key)
        return Problem(self.path, line, column, field_name(path), message)

    def problem_within(self, path: FieldPath, line: int | None, column: int, message: str) -> Problem:
        """A problem at (``line``, ``column``), 1-based, of the text value at ``path``. Exact in a literal
        block scalar ('|'), whose lines are the file's lines less their indentation, once the file's line
        is seen to hold the value's; elsewhere (lines folded, quotes and escapes) at the value's start."""
        start = self.position(path)
        found = self._nodes(path)
        node = found[1] if found else None
        if line is not None and isinstance(node, yaml.ScalarNode) and node.style == "|":
            file_line = node.start_mark.line + line  # 0-based: the value starts on the line after the '|'
            written = self.text.split("\n")[file_line] if file_line < self.text.count("\n") + 1 else ""
            value_line = node.value.split("\n")[line - 1] if line <= node.value.count("\n") + 1 else None
            indent = len(written) - len(value_line) if value_line is not None else -1
            if value_line and indent >= 0 and written.endswith(value_line) and not written[:indent].strip():
                return Problem(self.path, file_line + 1 + self.line_offset, indent + column, field_name(path), message)
        return Problem(self.path, *start, field_name(path), message)



def _written_as(written: str, key: object) -> bool:
    """Whether a mapping key written ``written`` reads as ``key``: text, or a number ('12: x') or true/false
    ('false:' in a rating scale) as PyYAML reads a plain key."""
    if isinstance(key, str):
        return written == key
    if isinstance(key, bool):
        return written.lower() in (("yes", "true", "on") if key else ("no", "false", "off"))
    return written == str(key)


def _child(node: yaml.Node | None, part: str | int) -> tuple[yaml.Node | None, yaml.Node] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if _written_as(key.value, part):
                return key, value
    if isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return None, node.value[part]
    return None


# -- pydantic errors in the house format --------------------------------------------------------


def _field_description(model: type[BaseModel], path: FieldPath) -> str:
    current: Any = model
    info = None
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            break
        info = current.model_fields.get(part)
        if info is None:
            break
        current = _inner_model(info.annotation)
    return (info.description if info else None) or "a value"


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _fields_of(model: type[BaseModel], path: FieldPath) -> list[str]:
    current: Any = model
    keyed = False  # the part before was a mapping of ids to records (the rating scale): this part is an id
    for part in path:
        if keyed:
            keyed = False
        elif isinstance(part, str) and isinstance(current, type) and issubclass(current, BaseModel):
            info = current.model_fields.get(part)
            current = _inner_model(info.annotation) if info else None
            keyed = info is not None and typing.get_origin(info.annotation) is dict
    if isinstance(current, type) and issubclass(current, BaseModel):
        return [name for name in current.model_fields if name != "method"]
    return []


def explain_error(model: type[BaseModel], error: dict[str, Any]) -> str:
    kind, value, loc = error["type"], error.get("input"), tuple(error["loc"])
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"required field is missing (expected {_field_description(model, loc)})"
    if kind == "extra_forbidden":
        known = _fields_of(model, loc[:-1])
        hint = did_you_mean(loc[-1], known)
        return f"unknown field ({hint[2:] if hint else 'expected ' + one_of(known)})"
    if kind == "list_type":
        return f"wrong type: got {kind_of(value)} (expected a list)"
    if kind == "dict_type":  # the rating scale: its ids, each with its fields
        return f"wrong type: got {kind_of(value)} (expected a mapping of ids, each to its fields: {', '.join(_fields_of(model, (*loc, '')))})"
    if kind in ("model_type", "model_attributes_type"):
        return f"wrong type: got {kind_of(value)} (expected a mapping of fields: {', '.join(_fields_of(model, loc))})"
    if kind == "invalid_key":  # '12: x': a number where a field name goes
        return f"unknown field (expected {one_of(_fields_of(model, loc[:-1]))})"
    if kind == "literal_error":
        choices = [c.strip(" '") for c in str(ctx.get("expected", "")).replace(" or ", ",").split(",")]
        if value is None:
            return f"is empty (expected {one_of(choices)})"
        return f"{value!r} is not allowed (expected {one_of(choices)}{did_you_mean(value, choices)})"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str) and "max_length" in ctx):
        return f"too long: {len(value)} characters (expected at most {ctx['max_length']})"
    if kind == "too_long" and "actual_length" in ctx:  # a list
        return f"too many: {ctx['actual_length']} (expected at most {ctx['max_length']})"
    if kind in ("float_type", "float_parsing", "int_type", "int_parsing", "int_from_float"):
        return f"wrong type: got {kind_of(value)} (expected a number)"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return f"out of range: {value!r} (expected {_field_description(model, loc)})"
    if kind == "string_pattern_mismatch":
        return f"not valid: {value!r} (expected {_field_description(model, loc)})"
    if kind == "string_type":
        return f"wrong type: got {kind_of(value)} (expected text)"
    return error["msg"]  # our own checks already speak the house format


def validate_record(model: type[T], data: Any, source: SourceFile[Any]) -> tuple[T | None, list[Problem]]:
    """Validate ``data`` against ``model``; on failure, one Problem per error, at its line."""
    value, problems, _ = validate_fields(model, data, source)
    return (None if problems else value), problems


@functools.cache
def _field_adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    return TypeAdapter(model.model_fields[name].rebuild_annotation())


def salvage(model: type[T], data: dict[str, Any], failed: set[str]) -> T:
    """The record as far as it is valid: each top-level field without an error, validated on its own;
    every other field its default, or None. Not for publishing: for the checks of the other fields
    (a rating or a quote is checked even when a date is wrong)."""
    kept: dict[str, Any] = {}
    for name, info in model.model_fields.items():  # type: ignore[attr-defined]
        if name in data and name not in failed:
            try:
                kept[name] = _field_adapter(model, name).validate_python(data[name])  # type: ignore[arg-type]
                continue
            except ValidationError:
                pass
        if info.is_required():
            kept[name] = None
    return model.model_construct(**kept)  # type: ignore[attr-defined,no-any-return]


def validate_fields(model: type[T], data: Any, source: SourceFile[Any]) -> tuple[T | None, list[Problem], bool]:
    """(record, problems, partial): with problems in the fields, the record is salvaged (``partial``)."""
    if not isinstance(data, dict):
        fields = ", ".join(_fields_of(model, ()))  # type: ignore[arg-type]
        what = "has no fields" if data is None else f"wrong type: got {kind_of(data)}"
        return None, [source.problem((), f"{what} (expected a mapping of fields: {fields})")], True
    try:
        with fields_of(source.text):  # one search of the whole text for refused characters, not one per field
            return model.model_validate(data), [], False  # type: ignore[attr-defined]
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A misspelt field (one close to a field the mapping lacks) is reported once, as unknown with a
        # suggestion, not again as missing; and its value is checked as the suggested field's, so that its
        # problems come in the same run, at the value's place.
        spelt: dict[FieldPath, str] = {}  # the suggested field's path -> the name as written
        for error in errors:
            if error["type"] == "extra_forbidden":
                loc = tuple(error["loc"])
                close = closest(str(loc[-1]), _fields_of(model, loc[:-1]))  # type: ignore[arg-type]
                if close and close not in (_value_at(data, loc[:-1]) or {}):
                    spelt[(*loc[:-1], close)] = str(loc[-1])
        errors = [error for error in errors if not (error["type"] == "missing" and tuple(error["loc"]) in spelt)]
        failed = {str(error["loc"][0]) for error in errors if error["loc"]}
        problems = [_field_problem(model, source, error, tuple(error["loc"])) for error in errors]
        as_meant: dict[str, Any] = {}  # top-level misspelt fields whose values are valid: salvaged under their names
        for meant, written in spelt.items():
            value = _value_at(data, (*meant[:-1], written))
            owner = _model_at(model, meant[:-1])
            try:
                _field_adapter(owner, meant[-1]).validate_python(value)
            except ValidationError as inner:
                failed.add(str(meant[0]))
                problems += [_field_problem(model, source, {**error, "loc": (*meant, *error["loc"])},
                                            (*meant[:-1], written, *error["loc"]))
                             for error in inner.errors(include_url=False)]
            else:
                if len(meant) == 1:
                    as_meant[str(meant[0])] = value
                    source.spelt[str(meant[0])] = written
        return salvage(model, {**data, **as_meant}, failed), problems, True


def not_on_scale(rating: str, ratings: Sequence[str]) -> str:
    return f"{rating!r} is not on the rating scale (expected {one_of(ratings)}{did_you_mean(rating, ratings, verdict=True)})"


def _field_problem(model: type[BaseModel], source: SourceFile[Any], error: Any, at: FieldPath) -> Problem:
    """A pydantic error in the house format, at the place ``at`` in the file (its own path, or the path as
    written when a field name was misspelt)."""
    kind, message = error["type"], explain_error(model, error)
    ctx = error.get("ctx") or {}
    if kind in _CHARACTER_ERRORS and isinstance(error.get("input"), str) and isinstance(ctx.get("at"), int):
        # a character no one can see: pointed at itself, not at the value's first line and a count of characters
        place = source.character_position(at, ctx["at"] - 1, error["input"])
        if place:
            return Problem(source.path, *place, field_name(tuple(error["loc"])),
                           message.replace(f" at position {ctx['at']} ", " "))
    if kind == "wrong_type" and ctx.get("hint"):  # 'language: no' read as false: quote the word as written
        written = source.plain_scalar(at)
        if written is not None:
            message = message.replace(ctx["hint"], quote_hint(written))
    # a missing field is pointed at where it belongs (its parent), but named by its own path
    line, column = source.position(at[:-1] if kind == "missing" else at, at_key=kind in ("extra_forbidden", "invalid_key"))
    loc = tuple(error["loc"])
    name = field_name((*loc[:-1], str(loc[-1])) if kind == "invalid_key" else loc)  # the key '12', not item [12]
    return Problem(source.path, line, column, name, message)


_CHARACTER_ERRORS = ("hidden", "noncharacter", "surrogate")  # model.py's checks of text: 'at position N' in the value


def _value_at(data: Any, path: FieldPath) -> Any:
    """The value at ``path`` in parsed YAML, or None."""
    for part in path:
        if (isinstance(data, dict) and part in data) or (isinstance(data, list) and isinstance(part, int)
                                                          and part < len(data)):
            data = data[part]
        else:
            return None
    return data


def _model_at(model: type[BaseModel], path: FieldPath) -> Any:
    """The model of the mapping at ``path`` (list indexes skipped): ``model`` itself for ``()``."""
    current: Any = model
    for part in path:
        if isinstance(part, str):
            current = _inner_model(current.model_fields[part].annotation)
    return current


# -- files ---------------------------------------------------------------------------------------


MAX_CLAIM_BYTES = 256 * 1024
MAX_ARTICLE_BYTES = 2 * 1024 * 1024


def _read(path: str | os.PathLike[str], shown: str, limit: int, expected: str,
          real_root: Path | None = None) -> tuple[str | None, list[Problem]]:
    """The file's text, or why it cannot be read as a contributor's text file. With ``real_root`` (the
    project folder, resolved), a symbolic link must stay inside it (paths.py: the symlink rule)."""
    _, text, problems = _read_file(path, shown, limit, expected, real_root)
    return text, problems


def _read_file(path: str | os.PathLike[str], shown: str, limit: int, expected: str,
               real_root: Path | None = None) -> tuple[bytes | None, str | None, list[Problem]]:
    """``_read``, with the file's bytes as read (``text_of`` them is the text)."""

    def refused(message: str, line: int = 1, column: int = 1) -> tuple[None, None, list[Problem]]:
        return None, None, [Problem(shown, line, column, "(file)", message)]

    data, why = read_bounded(path, limit, real_root)
    if data is None:
        return refused(why or "cannot be read (expected a text file)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (b"\0" in data and _utf16(data)):
        return refused("UTF-16 text (expected a UTF-8 text file; save it as UTF-8)")
    if b"\0" in data:
        return refused("binary content: a NUL byte (expected a UTF-8 text file)")
    if data.startswith(b"\xef\xbb\xbf"):
        return refused("starts with a byte order mark (expected UTF-8 without BOM; save it without BOM)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, None, [not_utf8(shown, data, exc)]
    if not text or text.isspace():  # as 'not text.strip()', without copying the text
        return refused(f"is empty (expected {expected})")
    return data, text.replace("\r\n", "\n"), []  # Windows line endings read as any others


def not_utf8(shown: str, data: bytes, exc: UnicodeDecodeError) -> Problem:
    """The problem of a file whose bytes are not UTF-8, at the first byte that is not."""
    line, column = data.count(b"\n", 0, exc.start) + 1, exc.start - data.rfind(b"\n", 0, exc.start)
    return Problem(shown, line, column, "(file)", f"not UTF-8 text: byte {data[exc.start]:#04x} (expected a UTF-8 text file)")


def _utf16(data: bytes) -> bool:
    """Whether ``data`` looks like UTF-16 without a byte order mark: a NUL in every other byte of most pairs
    (the half of each Latin letter that UTF-8 does not have)."""
    return max(data[0::2].count(0), data[1::2].count(0)) * 4 >= len(data) >= 4


def text_of(data: bytes) -> str:
    """The text ``_read`` gives of a file's bytes that it read."""
    return data.decode("utf-8").replace("\r\n", "\n")




def _shown(path: Path, root: Path) -> str:
    return shown_path(path, root)


PARALLEL_FROM = 2000  # files; below this, starting worker processes costs more than it saves


# While serving: records of files whose text has not changed since the last rebuild, reused as they are.
_claim_records: memo.Store[tuple[str, str], SourceFile[Claim]] = memo.Store()
_article_records: memo.Store[tuple[str, str], SourceFile[Article]] = memo.Store()


@dataclass(frozen=True)
class _Context:
    """What the checks of each claim file need to know beyond the file itself."""

    real_root: Path  # the project folder, resolved: the symlink rule
    ids: dict[str, str]  # every claim file's id -> its path as shown
    today: dt.date  # the build date: no review after it
    todo: list[tuple[str, str, str]] = field(default_factory=list)  # the files to load: (path, as shown, id)
    facts: bool = False  # each record's value is its ClaimFacts, not its Claim
    ratings: tuple[str, ...] = ()  # the rating scale's ids: a rating written as a number is pointed at them


_context: _Context | None = None  # in a worker process, set when it starts: every file it loads shares it


def _start_worker(context: _Context) -> None:
    global _context
    _context = context
    gc.disable()  # a worker lives for one load, and what it makes holds no cycles (see paused_gc)


def claim_file_names(claims_dir: Path) -> list[str]:
    """Every name in ``claims_dir`` (files, folders and links alike) but hidden ones (``paths.hidden``: never
    a claim, whatever it ends in), sorted; none when it cannot be listed. Those ending in '.yaml' are claim
    files; ``stray_claim_files`` tells of the others. Names, not Paths: at 10,000 files, making pathlib's
    objects costs more than listing the folder."""
    try:
        names = os.listdir(claims_dir)
    except OSError:
        return []
    return sorted(name for name in names if not hidden(name))


# What may sit in the claims folder beside the claim files: the editors' schema (site-builder schema), a
# README, hidden files (.gitkeep, .DS_Store) and editors' backups and locks ('x.yaml~', '#x.yaml#').
_NOT_CLAIM_FILES = ("schema.json",)
_YAML_SUFFIX_RE = re.compile(r"\.ya?ml(?=\.|\s*$)", re.IGNORECASE)


def kept_beside_claims(name: str) -> bool:
    """Whether a name in the claims folder that is not a claim file is left alone (not reported)."""
    return (name in _NOT_CLAIM_FILES or name.upper().startswith("README") or hidden(name) or name.startswith("#")
            or name.endswith("~"))


def stray_claim_files(claims_dir: Path, names: list[str], folder: str) -> list[Problem]:
    """A problem for each file in ``claims_dir`` (``names``: its names) that will not be read as a claim
    although it looks like one: a name ending otherwise than in '.yaml' ('x.YAML', 'x.yaml.txt' as some
    editors save it, 'x.yaml ' with a space, 'x.txt'), and YAML files in a sub-folder. '.yml' is reported
    where the claim files are loaded."""
    problems: list[Problem] = []
    for name in names:
        if name.endswith((".yaml", ".yml")) or kept_beside_claims(name):
            continue
        shown = name if folder == "." else f"{folder}/{name}"
        path = os.path.join(claims_dir, name)
        if os.path.isdir(path):  # a link to a folder is not followed: what is outside the project stays unread
            problems += [] if os.path.islink(path) else _claims_in_sub_folder(path, shown, folder)
            continue
        found = _YAML_SUFFIX_RE.search(name)
        stem = name[: found.start()] if found else name.split(".", 1)[0]
        suffix = name[len(stem):]
        what = f"wrong file extension {suffix!r}" if suffix else "no file extension"
        problems.append(Problem(shown, 1, 1, "(file)", f"{what}, so it is not read (expected '.yaml': rename it "
                                f"to '{stem.strip()}.yaml')"))
    return problems


def _claims_in_sub_folder(path: str, shown: str, folder: str) -> list[Problem]:
    """A problem for each YAML file in the sub-folder ``path`` of the claims folder, at any depth."""
    problems = []
    for inside, folders, files in os.walk(path):
        folders[:] = sorted(name for name in folders if not hidden(name))
        for name in sorted(files):
            if _YAML_SUFFIX_RE.search(name) and not kept_beside_claims(name):
                relative = os.path.relpath(os.path.join(inside, name), path).replace(os.sep, "/")
                problems.append(Problem(f"{shown}/{relative}", 1, 1, "(file)", "in a sub-folder, so it is not read "
                                        f"(expected claim files directly in {folder}/: move it there)"))
    return problems


def stem_and_suffix(name: str) -> tuple[str, str]:
    """A file name's stem and suffix, as pathlib splits them ('.yaml' alone is a stem, without suffix)."""
    at = name.rfind(".")
    return (name[:at], name[at:]) if 0 < at < len(name) - 1 else (name, "")


def start_loading_claims(claims_dir: Path, root: Path, names: list[str] | None = None, *, here_too: bool = False,
                         facts: bool = False, ratings: tuple[str, ...] = ()) -> Callable[[], tuple[list[SourceFile[Any]], list[Problem]]]:
    """``load_claims`` in two steps: this starts it (in worker processes, for a large folder) and gives
    back the function that waits for its result, so the caller can do other work meanwhile (load the
    articles). The function must be called: it also stops the workers. ``names``: the folder's
    ``claim_file_names``, if the caller has them already; ``here_too``: this process loads files too
    (see ``_Loading``); ``facts``: each record's value is the claim's ``ClaimFacts``, not the claim (for
    a caller that only checks: what a worker sends back is then a fraction of the record)."""
    problems: list[Problem] = []
    folder = _shown(claims_dir, root)
    directory = os.fspath(claims_dir)
    jobs: list[tuple[str, str, str]] = []  # (path, path as shown, id) of each claim file
    names = claim_file_names(claims_dir) if names is None else names
    for name in names:
        stem, suffix = stem_and_suffix(name)
        shown = name if folder == "." else f"{folder}/{name}"  # string work, not pathlib
        if suffix == ".yml":
            problems.append(Problem(shown, 1, 1, "(file)", "wrong file extension '.yml' (expected '.yaml')"))
        elif suffix == ".yaml":
            jobs.append((os.path.join(directory, name), shown, stem))
    problems += stray_claim_files(claims_dir, names, folder)
    ids = {stem: shown for _, shown, stem in jobs}
    real_root = root.resolve()
    known: dict[str, SourceFile[Claim]] = {}
    if memo.enabled():
        for path, shown, _ in jobs:
            text, found = _read(path, shown, MAX_CLAIM_BYTES, CLAIM_FILE_HOLDS, real_root)
            record = _claim_records.get((shown, text)) if text is not None and not found else None
            if record is not None:
                known[path] = record
    todo = [job for job in jobs if job[0] not in known]
    context = _Context(real_root, ids, dt.date.today(), todo, facts, ratings)
    loading = _Loading(context, here_too)

    def result() -> tuple[list[SourceFile[Claim]], list[Problem]]:
        claims: list[SourceFile[Claim]] = []
        results = iter(loading.results())
        for path, shown, _ in jobs:
            if path in known:
                claims.append(known[path])
                continue
            claim, found = next(results)
            problems.extend(found)
            if claim is not None:
                claims.append(claim)
                if not found and not facts:
                    _claim_records.put((shown, claim.text), claim)
        return claims, problems

    return result


class _Loading:
    """The claim files of ``context.todo`` being loaded: for a large folder, by worker processes, and with
    ``here_too`` by this one as well. The files are split into short runs of consecutive files. A worker
    has the list of files from the start: it is sent only which run to load, and sends back its records
    and problems. With ``here_too``, the workers are kept a run ahead and this process loads the next run
    itself meanwhile, so each loads as many as its speed allows (this one also loads the articles, and
    takes in what the workers send back); otherwise every run goes to the workers, one per core."""

    AHEAD = 2  # runs sent to each worker and not loaded yet: the one it loads, and the next
    SHORTEST = 32  # files in a run, at least: each run sent costs a message both ways

    def __init__(self, context: _Context, here_too: bool = False):
        self.context = context
        cores = os.cpu_count() or 1
        count = len(context.todo)
        self.here_too = here_too
        self.workers = min(cores - 1, 3) if here_too else min(cores, 4)
        self.pool = (ProcessPoolExecutor(max_workers=self.workers, initializer=_start_worker, initargs=(context,))
                     if count >= PARALLEL_FROM and cores > 1 else None)
        loaders = self.workers + here_too
        size = max(self.SHORTEST, count // (32 * loaders))  # short: all end at about the same time
        # and the last runs shorter still: the loader that ends first waits at most for a short run of another
        tail = min(count, (self.AHEAD + 1) * loaders * size)
        self.bounds = [(start, min(start + size, count - tail)) for start in range(0, count - tail, size)]
        self.bounds += [(start, min(start + max(self.SHORTEST, size // 4), count))
                        for start in range(count - tail, count, max(self.SHORTEST, size // 4))]
        self.runs: list[Any] = [None] * len(self.bounds)  # each run's results, or the future of them
        self.next = 0  # the first run neither loaded nor sent to a worker
        self.pending: list[Future[Any]] = []  # runs sent to the workers and not loaded yet
        if self.pool:  # the workers start while the caller does something else (loads the articles)
            self._send(3 * self.AHEAD if here_too else len(self.runs))

    def _send(self, ahead: int) -> None:
        assert self.pool is not None
        self.pending = [future for future in self.pending if not future.done()]
        while self.next < len(self.runs) and len(self.pending) < ahead * self.workers:
            future = self.pool.submit(_load_claim_files, *self.bounds[self.next])
            self.runs[self.next] = future
            self.pending.append(future)
            self.next += 1

    def results(self) -> list[tuple[SourceFile[Claim] | None, list[Problem]]]:
        """Each file's (record, problems), in order; the workers are stopped."""
        context = self.context
        if self.pool is None:
            return [_load_claim_file(*job, context) for job in context.todo]
        try:
            while True:
                self._send(self.AHEAD)
                if self.next >= len(self.runs):
                    break
                start, end = self.bounds[self.next]
                self.runs[self.next] = [_load_claim_file(*job, context) for job in context.todo[start:end]]
                self.next += 1
            return [result for run in self.runs for result in (run.result() if isinstance(run, Future) else run)]
        finally:
            self.pool.shutdown(cancel_futures=True)


def load_claims(claims_dir: Path, root: Path) -> tuple[list[SourceFile[Claim]], list[Problem]]:
    """Every ``*.yaml`` in ``claims_dir``, sorted by file name, and every problem of each file. Large
    folders are read, parsed and checked in worker processes, which send back each record and its
    problems. While serving, a file whose text is unchanged gives back its record from the previous
    rebuild."""
    return start_loading_claims(claims_dir, root)()


def _load_claim_files(start: int, end: int) -> list[tuple[SourceFile[Claim] | None, list[Problem]]]:
    """In a worker: ``_load_claim_file`` for its files from the ``start``-th to the one before ``end``."""
    assert _context is not None  # set when the worker starts
    return [_load_claim_file(*job, _context) for job in _context.todo[start:end]]


def _load_claim_file(path: str, shown: str, claim_id: str, context: _Context) -> tuple[SourceFile[Any] | None, list[Problem]]:
    """A claim file's record (None if it cannot be read or parsed) and its problems; with
    ``context.facts``, its ``FileFacts``."""
    data, text, problems = _read_file(path, shown, MAX_CLAIM_BYTES, CLAIM_FILE_HOLDS, context.real_root)
    if text is None:
        return None, problems
    parsed, problems = parse_fields(text, shown)
    if parsed is _UNREADABLE:
        return None, problems
    unreadable: frozenset[str] = frozenset()
    if isinstance(parsed, Readable):  # a syntax error: the rest of the file is checked without its fields
        parsed, text, unreadable = parsed.value, parsed.text, parsed.fields
        data = text.encode("utf-8")  # what a problem found later points into
    record, found = claim_from(parsed, SourceFile(shown, text, None), claim_id, context.ids, context.today,
                               context.ratings, unreadable)
    if record is not None and problems:  # a syntax error, or keys written twice: checked, never published
        record.partial = True
    problems += found
    if record is not None and context.facts:
        return FileFacts(shown, data, ClaimFacts.of(record.value), record.partial, record.spelt), problems  # type: ignore[arg-type]
    return record, problems


def _parse_claim_file(path: str | os.PathLike[str], shown: str, real_root: Path | None = None) -> tuple[str | None, Any, list[Problem]]:
    """(text, parsed YAML, problems); text is None when the file cannot be read as YAML."""
    text, problems = _read(path, shown, MAX_CLAIM_BYTES, CLAIM_FILE_HOLDS, real_root)
    if text is None:
        return None, None, problems
    parsed, problems = parse_fields(text, shown)
    return (None if problems else text), (None if parsed is _UNREADABLE else parsed), problems


CLAIM_FILE_HOLDS = "the claim's fields in YAML"


_UNREADABLE = object()  # the value of a text that is not valid YAML


def parse_fields(text: str, shown: str, line_offset: int = 0) -> tuple[Any, list[Problem]]:
    """(parsed YAML, problems) of a record's fields: a claim file, or an article's front matter (which
    starts ``line_offset`` lines into its file). If it is not valid YAML: its problem, and what of it
    can still be read (a ``Readable``), else the value ``_UNREADABLE``. A problem for each key written
    twice, and the value with the first of each."""
    problems = yaml_shape_problems(text, shown, line_offset)
    if not problems:
        try:
            return parse_yaml(text), []
        except DuplicateKeys as exc:
            return exc.value, yaml_problems(shown, exc, line_offset, text)
        except yaml.YAMLError as exc:
            problems = [yaml_problem(shown, exc, line_offset, text)]
    rest = readable_rest(text, problems[0].line - 1 - line_offset, shown, line_offset)
    if rest is None:
        return _UNREADABLE, problems
    return rest, [*problems, *rest.problems]


@dataclass(frozen=True)
class Readable:
    """What can be read of a YAML text with a syntax error: its value without the fields the error is in."""

    value: dict[str, Any]
    text: str  # the text it was read from: the file's, with every line of those fields emptied
    fields: frozenset[str]  # their names, and the first word of each of their lines (a key mistyped in them)
    problems: tuple[Problem, ...] = ()  # the syntax errors found in other fields once the first one's was left out


# A top-level key, at the start of its line: where a field of a claim file starts.
_TOP_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ ]*:(?:[ ]|$)")
_UNREADABLE_FIELDS = 3  # a text that needs more left out is too broken to check the rest of


def readable_rest(text: str, line: int, shown: str, line_offset: int = 0) -> Readable | None:
    """After a syntax error at ``line`` (0-based) of a YAML mapping, the rest of it: the text with every
    line of the top-level field that holds the error emptied (the other lines keep their numbers, so
    their problems keep their places), read again; and again, for an error that then shows in another
    field, up to three fields, each such error one of the ``Readable``'s problems. None when that gives no
    mapping, or not one whose keys are exactly those that start the lines left (a quote left open may have
    swallowed the next field into a value, which would then be checked as something it is not): the
    first syntax error is then all there is to say."""
    lines = text.split("\n")
    left_out: set[str] = set()
    later: list[Problem] = []
    for _ in range(_UNREADABLE_FIELDS):
        starts = [number for number, written in enumerate(lines) if _TOP_KEY_RE.match(written)
                  or (number == line and written[:1].isalpha())]  # a field that lost its ':' ('title The US')
        first = max((number for number in starts if number <= line), default=None)
        if first is None:
            return None
        end = next((number for number in starts if number > first), len(lines))
        left_out |= {found.group(1) for found in map(FIRST_WORD_RE.match, lines[first:end]) if found}
        lines[first:end] = [""] * (end - first)
        rest = "\n".join(lines)
        if yaml_shape_problems(rest, shown):
            return None
        try:
            value = parse_yaml(rest)
        except DuplicateKeys:
            return None
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            if mark is None:
                return None
            later.append(yaml_problem(shown, exc, line_offset, rest))
            line = later[-1].line - 1 - line_offset  # where it is explained to be, as for the first
            continue
        keys = {found.group(1) for found in map(_TOP_KEY_RE.match, lines) if found}
        if not isinstance(value, dict) or set(value) != keys:
            return None
        return Readable(value, rest, frozenset(left_out), tuple(later))
    return None


class FileFacts(SourceFile["ClaimFacts"]):
    """A claim file as ``check_project`` keeps it: the claim's ``ClaimFacts``, and the file's bytes, which
    become its text only if a problem needs a line and a column. A loading worker sends these back: most
    files hold text beyond ASCII, which pickling encodes and unpickling decodes, and bytes cost neither."""

    def __init__(self, path: str, data: bytes, value: ClaimFacts, partial: bool, spelt: dict[str, str]):
        super().__init__(path, "", value, partial=partial, spelt=spelt)
        self.data = data

    def __reduce__(self) -> tuple[Any, ...]:
        return FileFacts, (self.path, self.data, self.value, self.partial, self.spelt)

    def position(self, path: FieldPath, *, at_key: bool = False) -> tuple[int, int]:
        if not self.text:
            self.text = text_of(self.data)
        return super().position(path, at_key=at_key)


class ClaimFacts(typing.NamedTuple):
    """What the checks across claims (validate.py's ``check_claims`` and ``advice``) read of a claim, and
    nothing else: ``validate``, which never makes a page, keeps these of each claim, and a loading worker
    sends back these instead of the claim (``FileFacts``)."""

    id: str | None
    title: str | None  # None only in a salvaged record (partial)
    published: bool
    tags: list[str]
    aliases: list[str]
    rating: str | None
    related: list[str]
    article: str | None
    quote: str | None
    appearances: list[AppearanceFacts]
    reviewed: dt.date | None
    claimant: str | None

    @classmethod
    def of(cls, claim: Claim) -> ClaimFacts:
        return cls(claim.id, claim.title, claim.published, claim.tags, claim.aliases, claim.rating, claim.related,
                   claim.article, claim.quote, [AppearanceFacts(a.article, a.quote) for a in claim.appearances],
                   claim.reviewed, claim.claimant)


class AppearanceFacts(typing.NamedTuple):
    article: str
    quote: str


def _future_dates(claim: Claim, source: SourceFile[Any], today: dt.date) -> list[Problem]:
    """A review, update or correction cannot be dated after the build."""
    dated: list[tuple[FieldPath, dt.date | None]] = [(("reviewed",), claim.reviewed), (("updated",), claim.updated)]
    dated += [(("corrections", index, "date"), correction.date) for index, correction in enumerate(claim.corrections or ())
              if isinstance(correction, Correction)]
    return [source.problem(path, f"{day.isoformat()} is after the build date {today.isoformat()} (expected a date "
                                 "that has passed)")
            for path, day in dated if isinstance(day, dt.date) and day > today]


_LISTS_OF_IDS = {"tags": "tag", "related": "claim", "aliases": "alias"}


def _listed_twice(claim: Claim, source: SourceFile[Any]) -> list[Problem]:
    """A tag, related claim or alias written twice in its list (a merge of two branches): it would be shown,
    counted and exported twice."""
    problems = []
    for name, what in _LISTS_OF_IDS.items():
        values: list[str] = getattr(claim, name)
        if len(values) > 1 and len(set(values)) < len(values):
            first: dict[str, int] = {}
            for index, value in enumerate(values):
                if value in first:
                    problems.append(source.problem((name, index), f"{value!r} is listed twice, as {name}[{first[value]}] "
                                                   f"too (expected each {what} once: remove one)"))
                first.setdefault(value, index)
    return problems


def claim_from(data: Any, source: SourceFile[Any], claim_id: str, ids: dict[str, str],
               today: dt.date | None = None, ratings: Sequence[str] = (),
               unreadable: frozenset[str] = frozenset()) -> tuple[SourceFile[Claim] | None, list[Problem]]:
    """A claim record from its parsed YAML, or every problem with it. ``ratings``: the rating scale's ids,
    which a rating written as a number or as true/false is pointed at (quoting it alone would not do).
    ``unreadable``: fields left out of ``data`` for a syntax error in them, which is their problem."""
    shown = source.path
    problems: list[Problem] = []
    if reserved(claim_id):
        problems.append(Problem(shown, 1, 1, "id", f"file name {claim_id!r} is reserved (expected another id: "
                                f"{reserved(claim_id)})"))
    elif not SLUG_RE.fullmatch(claim_id):
        problems.append(
            Problem(shown, 1, 1, "id", f"file name is not a valid id: {claim_id!r} "
                    "(expected lowercase ASCII letters, digits and single hyphens, like 's400-deal.yaml')")
        )
    elif too_long_id(claim_id):
        problems.append(Problem(shown, 1, 1, "id", f"file name {too_long_id(claim_id)}"))
    if not problems and isinstance(data, dict) and "id" not in data:
        data = {"id": claim_id, **data}  # a valid file name is the id: validated with the record, not copied in after
    claim, found, partial = validate_fields(Claim, data, source)
    cut, emptied = comment_problems(source)
    emptied |= unreadable
    problems += [problem for problem in found if problem.field not in emptied]  # the comment says why it is empty
    if claim is None:
        return None, problems + cut
    failed = {problem.field.split("[")[0].split(".")[0] for problem in found}
    written = source.plain_scalar(("rating",)) if ratings and "rating" in failed else None
    if written is not None and written not in ratings and isinstance(data.get("rating"), (bool, int, float)):
        problems = [problem for problem in problems if problem.field != "rating"]  # not: put it in quotes
        problems.append(source.problem(("rating",), not_on_scale(written, ratings)))
    if failed:
        failed |= {closest(name, Claim.model_fields) or name for name in failed if name not in Claim.model_fields}
    if claim.id is not None and claim.id != claim_id:
        clash = f"is already the id of {ids[claim.id]}" if claim.id in ids else "does not match the file name"
        problems.append(source.problem(("id",), f"{claim.id!r} {clash} (expected {claim_id!r}, or no id field)"))
    if claim.published and "status" not in unreadable:  # a draft's status may be in the field left out
        for name in REQUIRED_TO_PUBLISH:
            if not getattr(claim, name) and name not in failed and name not in emptied:
                what = "at least one source is required to publish" if name == "sources" else "required to publish"
                expected = Claim.model_fields[name].description
                problems.append(source.problem((name,), f"{what} (expected {expected}, or status: draft)", at_key=True))
    problems += _future_dates(claim, source, today or dt.date.today())
    problems += _listed_twice(claim, source)
    problems += cut
    if claim.context:
        problems += [source.problem_within(("context",), slip.line, slip.column, slip.message)
                     for slip in markdown_slips(claim.context)]
    source.value = claim if claim.id == claim_id else claim.model_copy(update={"id": claim_id})
    source.partial = partial
    return source, problems


# A line with something before ' #x': the only lines where a comment can cut a value short. A comment
# that starts '#' and then a letter or digit, with no space ('the #1 priority', 'Kommersant #business'),
# is taken for words a person meant as part of the value: a comment written on purpose reads '# note'.
_COMMENT_AFTER_RE = re.compile(r"[ \t]+(#[^\s#].*)$")


def _maybe_cut_by_comment(text: str) -> bool:
    """Whether a line of ``text`` has ' #x' after something that is not a comment already. Each ' #' is
    found with ``str.find`` (an expression over every line's start back-tracked along each line: a
    quarter of a millisecond a claim file; a search for ' #x' over the text: a tenth of that)."""
    for gap in (" #", "\t#"):
        at = text.find(gap)
        while at != -1:
            after = text[at + 2 : at + 3]
            if after and not after.isspace() and after != "#":
                before = text[text.rfind("\n", 0, at) + 1 : at]
                if "#" not in before and before.strip():
                    return True
            at = text.find(gap, at + 1)
    return False


def comment_problems(source: SourceFile[Any]) -> tuple[list[Problem], set[str]]:
    """A problem for each plain value that a ' #' cut short: YAML reads the rest of the line as a comment,
    so 'title: the #1 priority' publishes 'the'. Found in the parsed nodes: a quoted value or a block of
    text keeps its '#'. With the problems, the fields it left empty (their other problems, 'is empty',
    'required to publish', only repeat it)."""
    text = source.text
    if "#" not in text or not _maybe_cut_by_comment(text):
        return [], set()
    if source._tree is None:
        source._tree = yaml.compose(text, Loader=Loader)
    lines = text.split("\n")
    problems: list[Problem] = []
    emptied: set[str] = set()

    def walk(node: yaml.Node | None, path: FieldPath) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, (*path, key.value if isinstance(key, yaml.ScalarNode) else "?"))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, (*path, index))
        elif isinstance(node, yaml.ScalarNode) and not node.style and path:
            end = node.end_mark
            comment = _COMMENT_AFTER_RE.match(lines[end.line][end.column:]) if end.line < len(lines) else None
            if comment is None:
                return
            start = node.start_mark
            written = lines[end.line][start.column:].strip() if start.line == end.line else ""
            name = path[-1]
            fix = (f": {'- ' if isinstance(name, int) else str(name) + ': '}{json.dumps(written, ensure_ascii=False)}"
                   if written else "")
            what = " and left out of the value" if node.value else ", so the field is empty"
            if not node.value:
                emptied.add(field_name(path))
            column = end.column + comment.start(1) + 1
            problems.append(Problem(source.path, end.line + 1 + source.line_offset, column, field_name(path),
                                    f"{comment.group(1)!r} was read as a YAML comment{what} (expected the whole "
                                    f"value in quotes{fix}; or, for a comment, a space after '#')"))

    walk(source._tree, ())
    return problems, emptied


def split_front_matter(text: str) -> tuple[str, str] | None:
    """'---\\n<yaml>\\n---\\n<body>' -> (yaml, body); None without front matter."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    if end == -1:
        return None
    after = text.find("\n", end + 4)
    if text[end + 4 : after if after != -1 else len(text)].strip():
        return None
    return text[4 : end + 1], "" if after == -1 else text[after + 1 :]


def load_articles(articles_dir: Path, root: Path) -> tuple[list[SourceFile[Article]], list[Problem]]:
    """Every ``*.md`` in ``articles_dir`` except ``index.md``, sorted by file name. Anything else there
    but hidden files (which MkDocs leaves out) is a problem: articles are untrusted, and the engine would
    publish ``sub/page.md`` or ``evil.markdown`` as its own page, HTML live, where an article is escaped."""
    articles: list[SourceFile[Article]] = []
    problems: list[Problem] = []
    real_root = root.resolve()
    folder = _shown(articles_dir, root)
    try:
        entries = sorted(os.scandir(articles_dir), key=lambda entry: entry.name)
    except OSError:
        entries = []
    for entry in entries:
        name = entry.name
        if name == "index.md" or hidden(name):
            continue
        path = Path(entry.path)
        if not name.endswith(".md"):
            kind = "a folder" if entry.is_dir() else "not an article"
            problems.append(Problem(_shown(path, root), 1, 1, "(file)",
                                    f"{kind} in {folder} (expected only articles, <id>.md, directly in {folder}: "
                                    f"anything else there would be published unchecked, scripts included; "
                                    f"move it out of {folder})"))
            continue
        article, found = load_article(path, _shown(path, root), real_root)
        problems += found
        if article is not None:
            articles.append(article)
    return articles, problems


def load_article(path: Path, shown: str, real_root: Path | None = None) -> tuple[SourceFile[Article] | None, list[Problem]]:
    text, problems = _read(path, shown, MAX_ARTICLE_BYTES, "front matter, then the article text", real_root)
    if text is None:
        return None, problems
    known = _article_records.get((shown, text))
    if known is not None:
        return known, []
    article, problems = parse_article(text, path.stem, shown)
    if article is not None and not problems:
        _article_records.put((shown, text), article)
    return article, problems


def new_article_problems(text: str, article_id: str, shown: str) -> list[Problem]:
    """What validate would say about an article file a tool is about to write, its size included."""
    size = len(text.encode("utf-8"))
    if size > MAX_ARTICLE_BYTES:
        return [Problem(shown, 1, 1, "(file)", f"too large: {size:,} bytes (expected at most {MAX_ARTICLE_BYTES:,})")]
    if article_id == "index":
        return [Problem(shown, 1, 1, "id", "file name 'index' is reserved (expected another id: the list's own page)")]
    return parse_article(text, article_id, shown)[1]


def parse_article(text: str, article_id: str, shown: str) -> tuple[SourceFile[Article] | None, list[Problem]]:
    """An article file's text -> the article, or every problem with it."""
    problems: list[Problem] = []
    parts = split_front_matter(text)
    if parts is None:
        return None, [Problem(shown, 1, 1, "front matter", "missing (expected the file to start with a line '---', "
                              "then YAML fields, then a line '---', then the article text)")]
    front, body = parts
    data, problems = parse_fields(front, shown, line_offset=1)  # keys written twice: the other fields still checked
    if data is _UNREADABLE:
        return None, problems
    unreadable: frozenset[str] = frozenset()
    if isinstance(data, Readable):  # a syntax error: the other fields are checked without the one it is in
        data, front, unreadable = data.value, data.text, data.fields
    source: SourceFile[Any] = SourceFile(shown, front, None, line_offset=1)
    if not SLUG_RE.fullmatch(article_id):
        problems.append(Problem(shown, 1, 1, "id", f"file name is not a valid id: {article_id!r} "
                                "(expected lowercase ASCII letters, digits and single hyphens)"))
    elif too_long_id(article_id):
        problems.append(Problem(shown, 1, 1, "id", f"file name {too_long_id(article_id)}"))
    elif windows_reserved(article_id):
        problems.append(Problem(shown, 1, 1, "id", f"file name {article_id!r} is reserved (expected another id: "
                                f"{windows_reserved(article_id)})"))
    meta, found, partial = validate_fields(ArticleMeta, data, source)
    partial = partial or bool(problems)
    cut, emptied = comment_problems(source)
    emptied |= unreadable
    problems += [problem for problem in found if problem.field not in emptied] + cut
    if not body.strip():
        problems.append(Problem(shown, text.count("\n", 0, len(text) - len(body)) + 1, 1, "body",
                                "is empty (expected the article text after the front matter)"))
    if meta is None:
        return None, problems
    source.value = Article(id=article_id, meta=meta, body=body)
    source.partial = partial  # its claims' quotes are still checked against its body
    return source, problems
