"""Files -> model objects, with every problem found on the way.

Claims are ``claims/<id>.yaml``; articles are Markdown files with YAML front
matter and a verbatim body. Parsing uses yaml-rs where it gives PyYAML's value,
libyaml otherwise; line and column numbers are looked up from libyaml's node
marks only when a problem needs them, so the common case (no problems) stays fast.
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
import yaml_rs
from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import Problem, closest, did_you_mean, one_of
from . import memo
from .memo import remembered
from .markup import markdown_slips
from .paths import hidden, read_bounded, shown_path
from .model import (
    REQUIRED_TO_PUBLISH,
    SLUG_RE,
    compiled,
    Article,
    ArticleMeta,
    Claim,
    Correction,
    fields_of,
    kind_of,
    ordinary_text,
    quote_hint,
    reserved,
    too_long_id,
    windows_reserved,
)

T = TypeVar("T")
FieldPath = tuple[str | int, ...]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """Safe YAML without implicit timestamps: dates stay text and get our own checks."""


class DuplicateKeys(yaml.constructor.ConstructorError):
    """Keys written twice in a document that is otherwise valid YAML. It carries every duplicate (its
    message and place) and the document's value with the first of each key, so that the rest of the file
    is still checked in the same run (plain PyYAML silently keeps the last one)."""

    def __init__(self, duplicates: list[tuple[Any, int, yaml.Mark]], value: Any):
        key, first, mark = duplicates[0]
        super().__init__(None, None, duplicate_key(key, first), mark)
        self.duplicates = duplicates  # (key, the line of its first occurrence, the place of this one)
        self.value = value


def duplicate_key(key: Any, first: int) -> str:
    return f"duplicate key '{key}' (expected each field once; it is also on line {first})"


def _construct_mapping(loader: _Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    """A mapping that keeps the first of duplicate keys and records the others (``DuplicateKeys``)."""
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=deep)  # a merge key '<<' fails here, as a tag
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, "a key that is a list or mapping (expected a field name)", key_node.start_mark)
        if key in mapping:
            loader.duplicate_keys.append((key, lines[key], key_node.start_mark))
            continue
        lines[key] = key_node.start_mark.line + 1
        mapping[key] = loader.construct_object(value_node, deep=deep)
    return mapping


def _construct_document(loader: _Loader, node: yaml.Node) -> Any:
    """PyYAML's construct_document, raising ``DuplicateKeys`` once the whole document is read."""
    loader.duplicate_keys = []
    value = yaml.constructor.BaseConstructor.construct_document(loader, node)
    if loader.duplicate_keys:
        raise DuplicateKeys(loader.duplicate_keys, value)
    return value


def _unknown_tag(loader: _Loader, suffix: str, node: yaml.Node) -> None:
    if node.tag == "tag:yaml.org,2002:merge":
        raise yaml.constructor.ConstructorError(
            None, None, "a merge key '<<' (expected each field written out)", node.start_mark)
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag '{node.tag}' is not allowed (expected plain values without tags)", node.start_mark)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN_TAGS: dict[str, str] = {}  # plain scalar -> its resolved tag, for the values every file repeats


def _resolve(loader: _Loader, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
    """PyYAML's tag resolution (no path resolvers are registered), remembering the tags of short
    plain scalars: field names and the like are resolved once, not once per file."""
    if kind is not yaml.ScalarNode:  # no path resolvers are registered: collections get the default tags
        return _MAP if kind is yaml.MappingNode else _SEQ
    if implicit[0] and len(value) <= 40:
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = yaml.resolver.BaseResolver.resolve(loader, kind, value, implicit)
            if len(_PLAIN_TAGS) < 10_000:
                _PLAIN_TAGS[value] = tag
        return tag
    return yaml.resolver.BaseResolver.resolve(loader, kind, value, implicit)


_Loader.resolve = _resolve  # type: ignore[method-assign]
_Loader.construct_document = _construct_document  # type: ignore[method-assign]
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_multi_constructor("", _unknown_tag)
# YAML 1.1 reads 0x7E9, 0o3751, 02025 (octal), 2_0_2_5 and 33:45 (base 60) as integers: a contributor who
# wrote any of them meant text or a mistake, never a number, so only plain decimals of up to 18 digits
# are numbers (longer ones would also meet Python's limit on converting digits).
_INT_TAG = "tag:yaml.org,2002:int"
_PLAIN_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")
_Loader.yaml_implicit_resolvers = {
    first: [(tag, _PLAIN_INT_RE if tag == _INT_TAG else regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@remembered
def parse_yaml(text: str) -> Any:
    """Safe YAML, as PyYAML with ``_Loader`` reads it: the same values, and the same errors. While
    serving, the result is shared between rebuilds: never mutate it.

    The common case, a mapping of text, lists and mappings, is read by yaml-rs (Rust, about four times
    as fast) when ``_fast`` can tell its value is PyYAML's; every other text, and any text yaml-rs
    refuses, is left to PyYAML, so every problem is PyYAML's, at its line and column.

    There, libyaml parses; the nodes become Python values by a direct walk (``_plain``) when the document
    holds only plain mappings, lists and the core scalars, each node once: the common case, in about
    two thirds of the time ``yaml.load`` takes (tags resolved once per distinct short value helps too).
    Anything else (a tag, an alias, a duplicate
    or complex key) is left to that constructor, which gives the same values and raises the same
    errors as ``yaml.load``."""
    fast = _fast(text)
    if fast is not None:
        return fast
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        try:
            return _plain(loader, node, set())
        except _NotPlain:
            return loader.construct_document(node)
    finally:
        loader.dispose()


# yaml-rs reads YAML 1.2 and PyYAML YAML 1.1; a text is left to PyYAML when it has what the two read
# differently, or what PyYAML refuses and yaml-rs may not: a character outside YAML 1.1's printable ones,
# a tab, a carriage return, a line separator (NEL, U+2028, U+2029: line breaks to YAML 1.1 only) or a
# byte order mark; a tag or an anchor (aliases without anchors are errors to both); a directive or a
# document marker (several documents); a ':' before a flow indicator ('[x:]': libyaml refuses it) and a
# '{' (yaml-rs takes keys over several lines in a flow mapping); and a text without a final line break
# (yaml-rs then keeps a final line break in a block scalar that PyYAML does not).
# Each is searched for on its own (a search for all at once is several times slower).
_NOT_FAST_CHARACTER = "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
_TAG_OR_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])(?:!|&[^\s,\]}])", re.M)
_MARKER_RE = re.compile(r"\n(?:---|\.\.\.|%)")
_COLON_BEFORE_FLOW_RE = re.compile(r":[,?\[\]{}]")


def _fast_text(text: str) -> bool:
    return (text.endswith("\n") and not text.startswith(("---", "...", "%")) and "{" not in text
            and (ordinary_text(text) or not compiled(_NOT_FAST_CHARACTER).search(text)) and not _MARKER_RE.search(text)
            and not _COLON_BEFORE_FLOW_RE.search(text)
            and not (("!" in text or "&" in text) and _TAG_OR_ANCHOR_RE.search(text)))


# The first characters of the plain scalars PyYAML reads as something other than text ('' for the empty
# one), and YAML's indicators, which cannot start a plain scalar: yaml-rs reads '[a: |]' as ['a': '|'],
# libyaml refuses it. A text value that starts with any of them is left to PyYAML.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@` \n")  # and a space or a line break: an empty block scalar is '' to PyYAML, '\n' to yaml-rs
_NOT_FAST_FIRST = frozenset(_Loader.yaml_implicit_resolvers) | _INDICATORS


def _fast(text: str) -> Any:
    """The value of ``text`` read by yaml-rs, when it is certainly PyYAML's; None to leave it to PyYAML.

    Past the text checks above, the value must be a mapping whose keys are text and whose leaves are
    text, numbers, true, false or null. True, false and null are read from the same words by both;
    numbers too, but for those ``_same_numbers`` checks. A text value that PyYAML would read as
    another value had it been written plain (yes, on, 12, ~, '<<') is left to PyYAML, since the value
    does not tell whether it was quoted; but not 'false', 'null' and the like, which yaml-rs reads as
    text only when they are quoted (``_QUOTED``)."""
    if not _fast_text(text):
        return None
    try:
        value = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - whatever yaml-rs refuses (a list as a key is a TypeError) PyYAML reports
        return None
    if type(value) is not dict:
        return None
    numbers: list[int | float] = []
    return value if _all_plain(value, numbers) and (not numbers or _same_numbers(text, numbers)) else None


def _all_plain(value: Any, numbers: list[int | float]) -> bool:
    """Whether ``value`` holds only what yaml-rs and PyYAML read alike; its numbers go to ``numbers``.
    Text, the most common value, is looked at here rather than in a call of its own, and field names
    once (``_PLAIN_KEYS``)."""
    kind = type(value)
    if kind is str:
        return value[:1] not in _NOT_FAST_FIRST or _plain_text(value)
    if kind is dict:
        for key, item in value.items():
            if key not in _PLAIN_KEYS:
                if type(key) is not str or (key[:1] in _NOT_FAST_FIRST and not _plain_text(key)):
                    return False
                if len(_PLAIN_KEYS) < 1000:
                    _PLAIN_KEYS.add(key)
            if type(item) is str:
                if item[:1] in _NOT_FAST_FIRST and not _plain_text(item):
                    return False
            elif not _all_plain(item, numbers):
                return False
        return True
    if kind is list:
        for item in value:
            if type(item) is str:
                if item[:1] in _NOT_FAST_FIRST and not _plain_text(item):
                    return False
            elif not _all_plain(item, numbers):
                return False
        return True
    if kind is int or kind is float:
        numbers.append(value)
        return True
    return value is None or kind is bool


_PLAIN_KEYS: set[str] = set()  # keys found to read alike (field names): each file repeats them


# yaml-rs reads YAML 1.2's numbers, PyYAML (with _Loader) only plain decimals of up to 18 digits, and
# decimals with a point ('0.88', '.5', '2.', '-1.5'). The others are text to PyYAML or another number:
# a leading zero ('010', '0x1F', '0o17', '0b101'), an exponent ('1e3', '1.5e3'), an underscore
# ('1_000', '_5'), a sign before the point ('+.5'), 19 digits or more, infinity and not-a-number. A text with
# a number is left to PyYAML when any of those could be in it (the others anywhere; a leading zero at
# the start of a word, only when yaml-rs read an integer: yaml-rs and PyYAML read '01.5' as 1.5 both).
_NUMBER_START = frozenset(" \n[,")
_LEADING_ZERO_RE = re.compile(r"0[0-9xXoObB_]")
_EXPONENT_RE = re.compile(r"[0-9.][eE][-+]?[0-9]")
_UNDERSCORE_RE = re.compile(r"[-+._0-9]_|_[-+._0-9]")  # yaml-rs skips underscores anywhere in a number: '_.5' is 0.5


def _same_numbers(text: str, numbers: list[int | float]) -> bool:
    integers = floats = False
    for number in numbers:
        if number != number or abs(number) >= 10**18:  # not a number, infinite, or too long for PyYAML
            return False
        if type(number) is int:
            integers = True
        else:
            floats = True
    for zero in _LEADING_ZERO_RE.finditer(text) if integers else ():
        at = zero.start()
        before = text[at - 1] if at else " "
        if before in "-+":
            before = text[at - 2] if at > 1 else " "
        if before in _NUMBER_START:
            return False
    # yaml-rs reads an exponent ('1e3') or a sign before the point ('+.5') only as a float: with no float
    # in the value, neither was read as a number
    return not (_number_underscore(text) or (floats and ("-." in text or "+." in text or _EXPONENT_RE.search(text))))


def _number_underscore(text: str) -> bool:
    """Whether ``text`` has an underscore beside a sign, a point, a digit or another underscore, as
    ``_UNDERSCORE_RE`` finds (looked for from each underscore: most texts have a few, in field names)."""
    at = text.find("_")
    while at != -1:
        if (at and text[at - 1] in _BESIDE_UNDERSCORE) or text[at + 1 : at + 2] in _BESIDE_UNDERSCORE_AFTER:
            return True
        at = text.find("_", at + 1)
    return False


_BESIDE_UNDERSCORE = frozenset("-+._0123456789")
_BESIDE_UNDERSCORE_AFTER = _BESIDE_UNDERSCORE  # a one-character slice: '' at the end of the text is not in it


def _plain_text(value: str) -> bool:
    """Whether PyYAML reads ``value`` as yaml-rs does, for a text that starts like a number, a
    boolean, a null or an indicator."""
    first = value[:1]
    if first in _INDICATORS:
        return False
    if len(value) > LONGEST_WORD and first not in _NUMBER_FIRST:
        return True  # longer than any word PyYAML reads as true, false or null
    return value in _QUOTED or _resolve(_Loader, yaml.ScalarNode, value, (True, False)) == _STR  # type: ignore[arg-type]


LONGEST_WORD = 5  # 'false': of the plain scalars PyYAML reads as true, false or null (tests/test_yaml_loading.py)
_NUMBER_FIRST = frozenset("0123456789+-.<=")


# Words that yaml-rs reads as true, false or null when plain: as text, they were quoted, and PyYAML reads
# them as text too. Asked of yaml-rs itself, so that a version reading them otherwise only costs speed.
_QUOTED = frozenset(word for word in ("true", "True", "TRUE", "false", "False", "FALSE", "null", "Null", "NULL", "~")
                    if type(yaml_rs.loads(f"a: {word}\n")["a"]) is not str)


class _NotPlain(Exception):
    """The walk met a node it leaves to PyYAML's constructor."""


_CORE_SCALARS = {  # tag -> the SafeConstructor method PyYAML would call
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
}


def _plain(loader: _Loader, node: yaml.Node, seen: set[int]) -> Any:
    kind, tag = node.__class__, node.tag
    if kind is yaml.ScalarNode:
        if tag == _STR:
            return node.value
        construct = _CORE_SCALARS.get(tag)
        if construct is None:
            raise _NotPlain
        return construct(loader, node)
    if id(node) in seen:  # an alias: shared values stay PyYAML's
        raise _NotPlain
    seen.add(id(node))
    if kind is yaml.MappingNode and tag == _MAP:
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not yaml.ScalarNode:
                raise _NotPlain
            key = _plain(loader, key_node, seen)
            if key in mapping:
                raise _NotPlain  # the constructor reports it, with both lines
            mapping[key] = _plain(loader, value_node, seen)
        return mapping
    if kind is yaml.SequenceNode and tag == _SEQ:
        return [_plain(loader, item, seen) for item in node.value]
    raise _NotPlain


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
            self._tree = yaml.compose(self.text, Loader=_Loader)
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


def line_and_column(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[at]``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


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
MAX_ALIASES = 20
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s,\]}]")  # no anchor, no alias: the common case is one search
_TAB_INDENT_RE = re.compile(r"^ *\t", re.M)


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


MAX_DEPTH = 32  # a claim nests four levels; libyaml's composer recurses in C and crashes on very deep input
# Cheap signs that a text may nest deeply or use aliases; only then are its events read. Each is linear:
# one try per line start, and no two parts of a pattern can match the same characters.
_DEEP_BLOCK = r"(?m)^[ ]*(?:-[ ]+){%d}|^[ ]{%d,}\S" % (MAX_DEPTH, MAX_DEPTH)
# _DEEP_BLOCK matches only a text with MAX_DEPTH spaces in a row or two dashes with spaces between them,
# each found many times faster than it is
_DASHES_RE = re.compile(r"-[ ]+-")


def _shape(text: str) -> str | None:
    """What is wrong with the shape of a YAML text, read from its events (libyaml's parser keeps its
    own stack: it does not recurse), stopping at the first problem: nesting deeper than MAX_DEPTH
    (brackets inside text do not count), more than MAX_ALIASES aliases, or an alias inside its own
    anchor's value. None when the text is fine or is not valid YAML (parsing reports that)."""
    depth = aliases = 0
    open_anchors: list[str | None] = []
    too_deep = f"nested more than {MAX_DEPTH} levels deep (expected a flat record of fields)"
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return too_deep
                open_anchors.append(event.anchor)
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
                open_anchors.pop()
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                if event.anchor in open_anchors:
                    return f"the alias '*{event.anchor}' is inside its own anchor's value (expected the values written out)"
    except yaml.YAMLError as exc:  # libyaml stops at its own depth limit while looking ahead
        return too_deep if "nesting depth" in str(getattr(exc, "problem", "")) else None
    if aliases > MAX_ALIASES:
        return f"{aliases} aliases (expected at most {MAX_ALIASES}: write the values out)"
    return None


def yaml_shape_problems(text: str, shown: str, line_offset: int = 0) -> list[Problem]:
    """What PyYAML would reject obscurely, or accept dangerously: tabs, deep nesting, alias bombs."""
    deep = text.count("[") + text.count("{") > MAX_DEPTH or ((" " * MAX_DEPTH in text or _DASHES_RE.search(text)) and compiled(_DEEP_BLOCK).search(text))
    found = _shape(text) if deep or ("&" in text and _ANCHOR_RE.search(text)) else None
    if found:
        return [Problem(shown, 1 + line_offset, 1, "yaml", found)]
    tab = _TAB_INDENT_RE.search(text) if "\t" in text else None
    if tab:
        line = text.count("\n", 0, tab.start()) + 1
        return [Problem(shown, line + line_offset, tab.end() - tab.start(), "yaml",
                        f"a tab in the indentation (expected {TAB_FIX})")]
    dash = _NO_SPACE_DASH_RE.search(text) if "-" in text else None
    if dash:
        line, column = line_and_column(text, dash.start("dash"))
        return [Problem(shown, line + line_offset, column, "yaml",
                        f"no space after '-' (expected a space between '-' and the item: '- {dash.group('item')}')")]
    return []


TAB_FIX = "spaces: YAML does not allow tabs for indenting; replace the tab with spaces"
# a list item without its space, under a key that opens a block: 'tags:\n  -economy' reads as the text '-economy'
_NO_SPACE_DASH_RE = re.compile(r":[ ]*\n(?:[ ]*(?:#.*)?\n)*[ ]*(?P<dash>-)(?P<item>[^\s\-\d][^\n]*)")
_KEY_RE = re.compile(r"(?P<indent>[ ]*)(?:- )?(?P<key>[\w-]+):(?:[ ]|$)")


def _explain(text: str, problem: str, line: int, column: int) -> str | None:
    """What a parser message means for the common mistakes, and the fix; None for the others.
    ``line`` and ``column`` are 0-based, in ``text``."""
    lines = text.split("\n")
    here = lines[line] if line < len(lines) else ""
    before = next(iter(_written_above(lines, line)), "")
    key = _KEY_RE.match(here)
    if problem == "did not find expected key" and before.rstrip().endswith(": []") and here.lstrip().startswith("-"):
        name = before.split(":")[0].strip()
        return (f"a list item after '{name}: []', which already ends the list (expected '{name}:' alone on its "
                "line above the items: delete the '[]')")
    if problem == "mapping values are not allowed in this context" and key:
        if key.end("key") == column and key.group("indent") and not before.startswith(" ") and ":" in before:
            return (f"the field '{key.group('key')}' is indented by {len(key.group('indent'))} "
                    f"space{'s' if len(key.group('indent')) != 1 else ''} (expected top-level fields at the "
                    "start of the line: remove the spaces before it)")
        if key.end("key") < column:
            value = here[key.end():].strip()
            return (f"an unquoted ': ' in the value of '{key.group('key')}' (expected the value in quotes: "
                    f"{key.group('key')}: {json.dumps(value, ensure_ascii=False)})")
    return None


def yaml_problems(shown: str, exc: yaml.YAMLError, line_offset: int = 0, text: str = "") -> list[Problem]:
    """``yaml_problem``, and one problem for each key written twice."""
    if isinstance(exc, DuplicateKeys):
        return [Problem(shown, mark.line + 1 + line_offset, mark.column + 1, "yaml",
                        duplicate_key(key, first + line_offset)) for key, first, mark in exc.duplicates]
    return [yaml_problem(shown, exc, line_offset, text)]


def yaml_problem(shown: str, exc: yaml.YAMLError, line_offset: int = 0, text: str = "") -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow: at its own place
        return _reader_problem(shown, exc, line_offset, text)
    mark = getattr(exc, "problem_mark", None)
    line, column = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    if "(expected" in problem:  # our own constructor checks already say what was expected
        return Problem(shown, line, column, "yaml", problem)
    explained = _explain(text, problem, mark.line, mark.column) if mark and text else None
    if explained:
        return Problem(shown, line, column, "yaml", explained)
    placed = _explain_mistake(text, exc) if mark and text else None
    if placed:
        at, explained = placed
        return Problem(shown, at.line + 1 + line_offset, at.column + 1, "yaml", explained)
    context = getattr(exc, "context", None)
    return Problem(shown, line, column, "yaml", f"invalid YAML: {problem} (expected valid YAML{'; ' + context if context else ''})")


def _reader_problem(shown: str, exc: yaml.reader.ReaderError, line_offset: int, text: str) -> Problem:
    at = exc.position if text and isinstance(exc.position, int) and exc.position <= len(text) else 0
    line, column = line_and_column(text, at)
    code = exc.character if isinstance(exc.character, int) else ord(exc.character[:1] or "\0")
    return Problem(shown, line + line_offset, column, "yaml", f"an invisible control character U+{code:04X}, which YAML "
                   "does not allow (expected visible text only: delete it)")


def _explain_mistake(text: str, exc: yaml.YAMLError) -> tuple[yaml.Mark, str] | None:
    """The place of a common syntax mistake and what to write instead, when the parser's message names
    a later place (where it noticed) in its own words; None for the others."""
    problem, context = getattr(exc, "problem", ""), getattr(exc, "context", "") or ""
    found, where = exc.problem_mark, getattr(exc, "context_mark", None)  # type: ignore[attr-defined]
    lines = text.split("\n")
    if problem == "found unexpected end of stream" and context == "while scanning a quoted scalar" and where is not None:
        mark = lines[where.line][where.column : where.column + 1]  # the file ends inside quotes
        if mark not in _QUOTE_NAMES:
            return None
        return where, (f"the {_QUOTE_NAMES[mark]} that opens this value is never closed (expected a closing {mark} at "
                       "the end of the value; as written, the value runs to the end of the file)")
    if problem == "did not find expected key" and context == "while parsing a block mapping":
        return (_quotes_ending_early(text, lines, found.index) or _item_out_of_line(lines, found)
                or _indented_unlike_above(lines, found.line))
    if problem == "could not find expected ':'" and where is not None:  # the line where a key was expected
        here = lines[where.line]
        item = _list_item_without_dash(lines, where.line)
        if item:
            return where, item
        name, _, value = here.strip().partition(" ")
        if ":" in name:  # 'claimant:klas.news'
            name, _, value = here.strip().partition(":")
            return where, ("no space after ':' (expected a space between the field name and its value: "
                           f"'{name}: {value.strip()}')")
        example = f"{name}: {value.strip()}" if value.strip() else f"{name}: ..."
        return where, f"no ':' after the field name '{name}' (expected a field name, ':', a space, then its value: '{example}')"
    if problem == "found character that cannot start any token":  # '`' or '@' starting a value: YAML keeps them
        return _reserved_start(lines, found)
    if problem == "did not find expected comment or line break" and context == "while scanning a block scalar" and where:
        here = lines[where.line]
        indicator, rest = here[where.column], here[where.column + 1:].strip()
        key = _KEY_RE.match(here)
        name = f"{key.group('key')}: " if key and key.end() <= where.column else ""
        return where, (f"text after '{indicator}' on its line (expected '{name}{indicator}' alone, then the value on the "
                       f"lines below it, indented; or the value without the '{indicator}': "
                       f"{name}{json.dumps(rest, ensure_ascii=False)})")
    if problem == "mapping values are not allowed in this context":  # at the ':' of a field out of line
        return _indented_unlike_above(lines, found.line)
    if problem == "did not find expected '-' indicator":
        return found, _list_item_without_dash(lines, found.line) or (
            "a line that is not a list item, inside a list (expected each item to start with '- ', at the same "
            "indentation as the items above it)")
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'") and where is not None:
        opening, closing = ("[", "]") if problem.endswith("']'") else ("{", "}")
        return where, (f"the '{opening}' that opens this value is not closed (expected a '{closing}' at the end of the "
                       "value, on the same line)")
    if problem == "but found another document":
        return found, ("a '---' line starts a second YAML document (expected one record: delete the '---' lines)")
    return None


_QUOTE_NAMES = {'"': 'quotation mark (")', "'": "single quote (')"}


def _quotes_ending_early(text: str, lines: list[str], index: int) -> tuple[yaml.Mark, str] | None:
    """'quote: "He said "this" today"', 'title: 'NATO's move'' and a quote opened and not closed on its
    line: the parser notices only after the quoted value ends, at the text that follows it."""
    quoted = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if token.start_mark.index >= index:
                break
            if isinstance(token, yaml.ScalarToken):
                quoted = token if token.style in ("'", '"') else None
    except yaml.YAMLError:
        pass
    if quoted is None or (quoted.end_mark.line == quoted.start_mark.line
                          and not lines[quoted.end_mark.line][quoted.end_mark.column:].strip()):
        return None  # none, or one on its own line that ends it: closed where it should be
    start, mark = quoted.start_mark, quoted.style
    if quoted.end_mark.line != start.line:  # a quote opened and closed by the next quotation mark, lines below
        return start, (f"the {_QUOTE_NAMES[mark]} that opens this value is not closed on its line (expected a closing "
                       f"{mark} at the end of the value; as written, the value runs on to line {quoted.end_mark.line + 1})")
    here = lines[start.line]
    key = _KEY_RE.match(here)
    written = here[start.column:].strip()
    inner = written[1:-1] if len(written) > 1 and written.endswith(mark) else written[1:]
    name = f"{key.group('key')}: " if key else ""
    if mark == '"':
        if "'" not in inner:
            return start, ("quotation marks inside a value in double quotes end it early (expected the value in "
                           f"single quotes: {name}'{inner}')")
        return start, ("quotation marks inside a value in double quotes end it early (expected the value as a "
                       f"block: '{name}|', then the value on the next line, indented)")
    fix = f"{name}\"{inner}\"" if '"' not in inner else f"{name}'{inner.replace(chr(39), chr(39) * 2)}'"
    return start, (f"an apostrophe inside a value in single quotes ends it early (expected the value in double "
                   f"quotes, or each apostrophe written twice: {fix})")


def _indent(line: str) -> int:
    """How many spaces start ``line``."""
    return len(line) - len(line.lstrip(" "))


def _written_above(lines: list[str], line: int) -> list[str]:
    """The lines above ``line`` that hold YAML (neither blank nor a comment), the nearest first."""
    return [written for written in reversed(lines[:line]) if written.strip() and not written.lstrip().startswith("#")]


def _item_out_of_line(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """A list item indented otherwise than the item above it ('  - a' then ' - b'), where the parser
    stopped: at the item."""
    here = lines[found.line]
    if not here.lstrip(" ").startswith("- "):
        return None
    indent = _indent(here)
    for above in _written_above(lines, found.line):
        level, item = _indent(above), above.lstrip(" ").startswith("- ")
        if level < indent or (level == indent and not item):
            return None  # the item is not below another one
        if item and level != indent:
            column = found.column if found.column == indent else indent
            return (yaml.Mark(found.name, found.index, found.line, column, None, None),
                    f"a list item indented by {indent} space{'s' if indent != 1 else ''}, unlike the item above it "
                    f"(expected {level} space{'s' if level != 1 else ''} before the '-', as above)")
    return None


def _indented_unlike_above(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """A field indented otherwise than the fields of its level above it (one space further in than its
    neighbours, a top-level field one space in), or a line of a block of text indented otherwise than
    the line above it; at its first character. None where the indentation is as the lines above have it."""
    here = lines[line]
    stripped = here.lstrip(" ")
    earlier = _written_above(lines, line)
    if not stripped or not earlier:
        return None
    indent = _indent(here)
    key = _KEY_RE.match(here)
    if key is None or stripped.startswith("- "):  # a line of text: as the line above, unless that opens it
        level = _indent(earlier[0])
        if indent == level or (indent > level and earlier[0].rstrip().endswith((":", "|", ">", "|-", ">-", "|+", ">+"))):
            return None
        what, other = "a line", "the line"
    else:  # a field: at the level of a field above it that it is no further in than ('- key:' counts from the key)
        if indent > _indent(earlier[0]) and earlier[0].rstrip().endswith(":"):
            return None  # the first field of a mapping the line above opens
        levels = (found.start("key") for found in map(_KEY_RE.match, earlier) if found)
        level = next((level for level in levels if level <= indent), indent)
        if level == indent:
            return None
        what, other = f"the field '{key.group('key')}'", "the fields"
    return (yaml.Mark("<text>", 0, line, indent, None, None),
            f"{what} indented by {_spaces(indent)}, unlike {other} above it (expected {_spaces(level)}, as above)")


def _reserved_start(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """A value that starts with '`' or '@', which YAML keeps for later use: it must be quoted."""
    here = lines[found.line]
    character = here[found.column : found.column + 1]
    key = _KEY_RE.match(here)
    if character not in ("`", "@") or key is None or here[key.end():].lstrip(" ") != here[found.column:]:
        return None
    value = here[found.column:].strip()
    return found, (f"a value that starts with '{character}', which YAML does not allow unquoted (expected the value in "
                   f"quotes: {key.group('key')}: {json.dumps(value, ensure_ascii=False)})")


def _spaces(count: int) -> str:
    return "no spaces" if count == 0 else "1 space" if count == 1 else f"{count} spaces"


def _list_item_without_dash(lines: list[str], line: int) -> str | None:
    """Why ``line`` reads as a list item that lost its '- ', if the line above it at its indentation is an item."""
    here = lines[line]
    indent = _indent(here)
    for above in _written_above(lines, line):
        above_indent = _indent(above)
        if above_indent > indent:
            continue  # inside the item above
        if above_indent == indent and above.lstrip().startswith("- "):
            return f"a list item without its '- ' (expected '- {here.strip()}', like the items above it)"
        return None
    return None


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
    rest = readable_rest(text, problems[0].line - 1 - line_offset, shown)
    return (_UNREADABLE if rest is None else rest), problems


@dataclass(frozen=True)
class Readable:
    """What can be read of a YAML text with a syntax error: its value without the fields the error is in."""

    value: dict[str, Any]
    text: str  # the text it was read from: the file's, with every line of those fields emptied
    fields: frozenset[str]  # their names, and the first word of each of their lines (a key mistyped in them)


# A top-level key, at the start of its line: where a field of a claim file starts.
_TOP_KEY_RE = re.compile(r"([A-Za-z_][\w-]*)[ ]*:(?:[ ]|$)")
_FIRST_WORD_RE = re.compile(r"[^A-Za-z_\n]*([A-Za-z_][\w-]*)")  # past any mark: '#context: |', '{claimant: x'
_UNREADABLE_FIELDS = 3  # a text that needs more left out is too broken to check the rest of


def readable_rest(text: str, line: int, shown: str) -> Readable | None:
    """After a syntax error at ``line`` (0-based) of a YAML mapping, the rest of it: the text with every
    line of the top-level field that holds the error emptied (the other lines keep their numbers, so
    their problems keep their places), read again; and again, for an error that then shows in another
    field, up to three fields. None when that gives no mapping, or not one whose keys are exactly those
    that start the lines left (a quote left open may have swallowed the next field into a value, which
    would then be checked as something it is not): the syntax error is then all there is to say."""
    lines = text.split("\n")
    left_out: set[str] = set()
    for _ in range(_UNREADABLE_FIELDS):
        starts = [number for number, written in enumerate(lines) if _TOP_KEY_RE.match(written)]
        first = max((number for number in starts if number <= line), default=None)
        if first is None:
            return None
        end = next((number for number in starts if number > first), len(lines))
        left_out |= {found.group(1) for found in map(_FIRST_WORD_RE.match, lines[first:end]) if found}
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
            line = mark.line
            continue
        keys = {found.group(1) for found in map(_TOP_KEY_RE.match, lines) if found}
        if not isinstance(value, dict) or set(value) != keys:
            return None
        return Readable(value, rest, frozenset(left_out))
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
        source._tree = yaml.compose(text, Loader=_Loader)
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
