"""YAML text -> Python values, exactly as PyYAML's safe loader reads it (without implicit timestamps:
dates stay text and get our own checks), with the same errors. yaml-rs reads the common case, several
times faster, when its value is certainly PyYAML's; libyaml reads the rest."""

from __future__ import annotations

import re
from typing import Any

import yaml
import yaml_rs

from .memo import remembered
from .model import compiled, ordinary_text


class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
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


def _construct_mapping(loader: Loader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
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


def _construct_document(loader: Loader, node: yaml.Node) -> Any:
    """PyYAML's construct_document, raising ``DuplicateKeys`` once the whole document is read."""
    loader.duplicate_keys = []
    value = yaml.constructor.BaseConstructor.construct_document(loader, node)
    if loader.duplicate_keys:
        raise DuplicateKeys(loader.duplicate_keys, value)
    return value


def _unknown_tag(loader: Loader, suffix: str, node: yaml.Node) -> None:
    if node.tag == "tag:yaml.org,2002:merge":
        raise yaml.constructor.ConstructorError(
            None, None, "a merge key '<<' (expected each field written out)", node.start_mark)
    raise yaml.constructor.ConstructorError(
        None, None, f"the tag '{node.tag}' is not allowed (expected plain values without tags)", node.start_mark)


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN_TAGS: dict[str, str] = {}  # plain scalar -> its resolved tag, for the values every file repeats


def _resolve(loader: Loader, kind: type, value: str, implicit: tuple[bool, bool]) -> str:
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


Loader.resolve = _resolve  # type: ignore[method-assign]
Loader.construct_document = _construct_document  # type: ignore[method-assign]
Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
Loader.add_multi_constructor("", _unknown_tag)
# YAML 1.1 reads 0x7E9, 0o3751, 02025 (octal), 2_0_2_5 and 33:45 (base 60) as integers: a contributor who
# wrote any of them meant text or a mistake, never a number, so only plain decimals of up to 18 digits
# are numbers (longer ones would also meet Python's limit on converting digits).
_INT_TAG = "tag:yaml.org,2002:int"
_PLAIN_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]{0,17})$")
Loader.yaml_implicit_resolvers = {
    first: [(tag, _PLAIN_INT_RE if tag == _INT_TAG else regexp) for tag, regexp in resolvers
            if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@remembered
def parse_yaml(text: str) -> Any:
    """Safe YAML, as PyYAML with ``Loader`` reads it: the same values, and the same errors. While
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
    loader = Loader(text)
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
_NOT_FAST_FIRST = frozenset(Loader.yaml_implicit_resolvers) | _INDICATORS


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


# yaml-rs reads YAML 1.2's numbers, PyYAML (with Loader) only plain decimals of up to 18 digits, and
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
    return value in _QUOTED or _resolve(Loader, yaml.ScalarNode, value, (True, False)) == _STR  # type: ignore[arg-type]


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


def _plain(loader: Loader, node: yaml.Node, seen: set[int]) -> Any:
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
