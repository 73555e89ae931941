"""A YAML text's problems in the house format: what PyYAML would reject obscurely or accept dangerously
(tabs, deep nesting, alias bombs, a list item without its space), looked for before it is parsed, and
each syntax error the parser raises, in plain words at the line of the mistake, with the fix."""

from __future__ import annotations

import json
import re

import yaml

from .errors import Problem, line_and_column
from .model import Appearance, ArticleMeta, Claim, Correction, Provenance, Source, compiled
from .yaml_parse import DuplicateKeys, Loader, duplicate_key

MAX_ALIASES = 20
_ANCHOR_RE = re.compile(r"(?:^|[\s\[{,])&[^\s,\]}]")  # no anchor, no alias: the common case is one search
_TAB_INDENT_RE = re.compile(r"^ *\t", re.M)
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
        for event in yaml.parse(text, Loader=Loader):
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
_BLOCK_OPENERS = ("|", ">", "|-", ">-", "|+", ">+")  # what ends the line of a field whose text is on the lines below


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
            return _top_level_indented(key.group("key"), len(key.group("indent")))
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
    placed = (_stray_mark_near(text, exc) or _explain_mistake(text, exc)) if mark and text else None
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
        return (_quotes_ending_early(text, lines, found.index) or _bracket_start(lines, found)
                or _comment_ends_block(lines, found.line) or _item_after_value(lines, found)
                or _item_out_of_line(lines, found) or _indented_unlike_above(lines, found.line))
    if problem == "could not find expected ':'" and where is not None:  # the line where a key was expected
        here = lines[where.line]
        item = _list_item_without_dash(lines, where.line)
        if item:
            return where, item
        outside = _comment_ends_block(lines, where.line) or _out_of_block(lines, where.line)
        return outside or (where, _missing_colon(here))
    if problem == "found character that cannot start any token":  # '`', '@' or '%' starting a value
        return (_indicator_start(lines, found) or _after_closing_quote(lines, found) or _mark_before_text(lines, found)
                or _mark_in_brackets(lines, found) or _tab_after_dash(lines, found))
    if problem == "did not find expected node content" and context == "while parsing a flow node":  # '[a, :b]'
        return _mark_in_brackets(lines, found)
    if problem == "found unexpected ':'" and context == "while scanning a plain scalar":  # 'tags: [a:, b]'
        return _colon_in_brackets(lines, found)
    if problem == "did not find expected alphabetic or numeric character" and where is not None:  # '*word*', '& x'
        return (_indicator_start(lines, where) or _after_closing_quote(lines, where)
                or _comment_ends_block(lines, where.line) or _out_of_block(lines, where.line)
                or _indented_unlike_above(lines, where.line))
    if problem == "did not find expected whitespace or line break" and where is not None:  # '!"x"'
        return _indicator_start(lines, where)
    if problem.startswith("found undefined alias") or problem == "mapping keys are not allowed in this context":
        # '*word' without its '&word'; '? x'; '"2025-12"?'
        return _indicator_start(lines, found) or _after_closing_quote(lines, found)
    if problem == "block sequence entries are not allowed in this context":  # 'tags: - x'; '"x"- '
        return _item_on_key_line(lines, found) or _after_closing_quote(lines, found)
    if problem == "did not find expected <document start>":  # the first field one space in
        return _first_field_indented(lines) or _indented_unlike_above(lines, found.line)
    if problem == "did not find expected comment or line break" and context == "while scanning a block scalar" and where:
        here = lines[where.line]
        indicator, rest = here[where.column], here[where.column + 1:].strip()
        key = _KEY_RE.match(here)
        name = f"{key.group('key')}: " if key and key.end() <= where.column else ""
        return where, (f"text after '{indicator}' on its line (expected '{name}{indicator}' alone, then the value on the "
                       f"lines below it, indented; or the value without the '{indicator}': "
                       f"{name}{json.dumps(rest, ensure_ascii=False)})")
    if problem == "mapping values are not allowed in this context":  # at the ':' of a field out of line
        return (_field_above_without_colon(lines, found.line) or _text_without_block_indicator(lines, found)
                or _indented_unlike_above(lines, found.line))
    if problem == "did not find expected '-' indicator":
        return found, _list_item_without_dash(lines, found.line) or (
            "a line that is not a list item, inside a list (expected each item to start with '- ', at the same "
            "indentation as the items above it)")
    if problem in ("did not find expected ',' or ']'", "did not find expected ',' or '}'") and where is not None:
        opening, closing = ("[", "]") if problem.endswith("']'") else ("{", "}")
        return where, (f"the '{opening}' that opens this value is not closed (expected a '{closing}' at the end of the "
                       "value, on the same line)")
    if context == "while scanning a directive" and where is not None and lines[where.line].startswith("%"):
        return where, ("a line that starts with '%', which YAML reads as a directive (expected the '%' deleted, or "
                       "the line indented as the lines above it)")
    if problem == "but found another document":
        return found, ("a '---' line starts a second YAML document (expected one record: delete the '---' lines)")
    return None


_QUOTE_NAMES = {'"': 'quotation mark (")', "'": "single quote (')"}


def _quotes_ending_early(text: str, lines: list[str], index: int) -> tuple[yaml.Mark, str] | None:
    """'quote: "He said "this" today"', 'title: 'NATO's move'' and a quote opened and not closed on its
    line: the parser notices only after the quoted value ends, at the text that follows it."""
    quoted = None
    try:
        for token in yaml.scan(text, Loader=Loader):
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
    name = f"{key.group('key')}: " if key else ""
    if len(written) < 2 or not written.endswith(mark):  # '"Pivotal moment" is wrong': the quotes are the text's
        return start, _quoted_phrase_first(name, written, mark)
    inner = written[1:-1]
    if mark == '"':
        if "'" not in inner:
            return start, ("quotation marks inside a value in double quotes end it early (expected the value in "
                           f"single quotes: {name}'{inner}')")
        return start, ("quotation marks inside a value in double quotes end it early (expected the value as a "
                       f"block: '{name}|', then the value on the next line, indented)")
    return start, (f"an apostrophe inside a value in single quotes ends it early (expected the value in double "
                   f"quotes, or each apostrophe written twice: {name}{_in_quotes(inner)})")


def _quoted_phrase_first(name: str, written: str, mark: str) -> str:
    """A value that starts with a quoted phrase and goes on after it: YAML reads the phrase as the whole
    value, then stops at the rest. ``name``: what comes before the value on its line ('key: ')."""
    return (f"a value that starts with a {_QUOTE_NAMES[mark]} and goes on after the closing one (expected the whole "
            f"value in quotes: {name}{_in_quotes(written)})")


def _in_quotes(text: str) -> str:
    """``text`` as a YAML value in quotes that reads as ``text``: in double quotes, or in single quotes
    with each apostrophe written twice when it holds a quotation mark."""
    return f'"{text}"' if '"' not in text else "'" + text.replace("'", "''") + "'"


def _after_closing_quote(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'"2025-12"@': a character right after a quoted value's closing quote, where YAML allows none."""
    match = _VALUE_RE.match(lines[found.line])
    if match is None or match.group("value")[0] not in _QUOTE_NAMES or found.column <= match.start("value"):
        return None
    written = match.group("value").rstrip()
    return (_at(found.line, match.start("value")),
            _quoted_phrase_first(match.string[match.end("indent") : match.start("value")], written, written[0]))


def _mark_before_text(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'@ **Rating: supported**': a mark typed before a line of a block of text, further out than the text,
    which ends the text there; YAML then stops at the mark."""
    here = lines[found.line]
    if found.column != _indent(here) or here[found.column] not in _STRAY_MARKS:
        return None
    above = next((n for n in range(found.line - 1, -1, -1) if lines[n].strip()), None)
    if above is not None and _opens_block(lines[above]):  # the text's first line: as the lines below it
        below = next((written for written in lines[found.line + 1 :] if written.strip()), "")
        block = _indent(below) if _indent(below) > _indent(lines[above]) else None
    else:
        block = _block_above(lines, found.line)
    if block is None or found.column >= block:
        return None
    return found, (f"a stray '{here[found.column]}' before a line of text (expected the line without it, indented "
                   f"like the text: {_spaces(block)})")


def _mark_in_brackets(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'tags: [economy, %output]': an item of a list in brackets that starts with a mark YAML reads otherwise."""
    here = lines[found.line]
    mark = here[found.column : found.column + 1]
    if mark not in _STRAY_MARKS | {":"} or here[:found.column].rstrip(" ")[-1:] not in ("[", ","):
        return None
    item = here[found.column : _item_end(here, found.column)].strip()
    return found, (f"an item of a list in brackets that starts with '{mark}', which YAML does not allow unquoted "
                   f"(expected the item in quotes: {json.dumps(item, ensure_ascii=False)}; or the '{mark}' deleted)")


def _item_end(line: str, at: int) -> int:
    """Where the item of a list in brackets that holds column ``at`` of ``line`` ends: its ',' or ']'."""
    return min((end for end in (line.find(",", at), line.find("]", at)) if end >= 0), default=len(line))


def _tab_after_dash(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'- \ttitle: x': a tab between a list item's '-' and its text, where YAML allows only spaces."""
    here = lines[found.line]
    if here[found.column : found.column + 1] != "\t" or not here[:found.column].rstrip(" ").endswith("-"):
        return None
    return found, f"a tab after '-' (expected {TAB_FIX})"


def _colon_in_brackets(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'tags: [india-russia:, economy]': a ':' right after an item of a list in brackets."""
    here = lines[found.line]
    start = max(here.rfind("[", 0, found.column), here.rfind(",", 0, found.column)) + 1
    if not start or here[found.column : found.column + 1] != ":":
        return None
    item = here[start : _item_end(here, found.column)].strip()
    return found, (f"a ':' in the item '{item}' of a list in brackets (expected the item without it, or in quotes: "
                   f"{json.dumps(item, ensure_ascii=False)})")


def _at(line: int, column: int) -> yaml.Mark:
    """The place of a mistake, 0-based, as the parser gives one (only its line and column are read)."""
    return yaml.Mark("<text>", 0, line, column, None, None)


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
            return (_at(found.line, column),
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
        if indent == level or (indent > level and earlier[0].rstrip().endswith((":", *_BLOCK_OPENERS))):
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
    return (_at(line, indent),
            f"{what} indented by {_spaces(indent)}, unlike {other} above it (expected {_spaces(level)}, as above)")


# A value on the line of its field ('key: value'), list item ('- value') or both ('- key: value'), from its
# first character.
_VALUE_RE = re.compile(r"(?P<indent>[ ]*)(?:(?:-[ ]+)?(?P<key>[\w-]+):[ ]+|-[ ]+)(?P<value>\S.*)")


def _value_fix(match: re.Match[str]) -> str:
    """The line of ``_VALUE_RE``'s match with its value in quotes, without its indentation."""
    written = match.string[match.end("indent") : match.start("value")]
    return f"{written}{json.dumps(match.group('value').rstrip(), ensure_ascii=False)}"


def _indicator_start(lines: list[str], at: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """A value that starts with a character YAML reads otherwise ('*' a reference to another value, '&'
    a name for this one, '%', '@' and '`' kept for later use, '? ' a complex key): it must be quoted.
    ``at``: where the parser read that character; None unless it starts the value."""
    match = _VALUE_RE.match(lines[at.line])
    if match is None or match.start("value") != at.column:
        return None
    return at, (f"a value that starts with '{match.group('value')[0]}', which YAML does not allow unquoted (expected "
                f"the value in quotes: {_value_fix(match)})")


def _bracket_start(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """Text that starts with '[' or '{' ('[sic] he said', '{sic}'): YAML reads a list or a mapping up to
    the closing bracket, then stops at the text after it (``found``)."""
    match = _VALUE_RE.match(lines[found.line])
    if match is None or match.group("value")[0] not in "[{" or found.column <= match.start("value"):
        return None
    value = match.group("value")
    opening, closing = value[0], "]" if value[0] == "[" else "}"
    what = "a list in brackets" if opening == "[" else "a mapping in braces"
    return (_at(found.line, match.start("value")),
            f"a value that starts with '{opening}' and goes on after its '{closing}' (expected text in quotes: "
            f"{_value_fix(match)}; {what} ends at its '{closing}')")


def _item_after_value(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'quote: x' then '- economy' at the same indentation: a list item under a field that has its value."""
    here = lines[found.line]
    above = next(iter(_written_above(lines, found.line)), "")
    match = _VALUE_RE.match(above)
    if (not here.lstrip(" ").startswith("- ") or match is None or not match.group("key")
            or _indent(above) != _indent(here) or found.column != _indent(here)):
        return None
    return found, (f"a list item after the field '{match.group('key')}', which has its value on its line (expected "
                   "the item with the other items of its list, under the name of the field that holds the list)")


_STRAY_MARKS = frozenset("`@%*?!&{[")


def _stray_mark(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """A mark typed before a field or a list item, or on a line of its own ('`  published: x', '*publisher:
    x', '!  - item', '%'): YAML reads it as the start of something else and stops there or later."""
    if line >= len(lines):
        return None
    here = lines[line]
    indent = _indent(here)
    mark, after = here[indent : indent + 1], here[indent + 1 :].lstrip(" ")
    key = _KEY_RE.match(after)
    if mark not in _STRAY_MARKS or not (key or not after.strip() or after.startswith("- ")):
        return None
    at = _at(line, indent)
    if not after.strip():
        return at, f"a stray '{mark}' on a line of its own (expected the line without it)"
    what = "a list item" if after.startswith("- ") else f"the field '{key.group('key')}'"
    return at, f"a stray '{mark}' before {what} (expected the line without it: '{after.rstrip()}')"


def _mark_before_block_indicator(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """'summary: [>-': a mark typed before the '|' or '>' that opens a block of text."""
    match = _VALUE_RE.match(lines[line]) if line < len(lines) else None
    if match is None or not match.group("key"):
        return None
    value = match.group("value").rstrip()
    if value[0] not in _STRAY_MARKS or value[1:] not in _BLOCK_OPENERS:
        return None
    return (_at(line, match.start("value")),
            f"a stray '{value[0]}' before '{value[1:]}' (expected the line without it: "
            f"'{match.group('key')}: {value[1:]}')")


def _stray_mark_near(text: str, exc: yaml.YAMLError) -> tuple[yaml.Mark, str] | None:
    """``_stray_mark`` on the line where the parser stopped, the line above it or the line it was reading from."""
    lines = text.split("\n")
    found, where = getattr(exc, "problem_mark", None), getattr(exc, "context_mark", None)
    near = ([found.line, found.line - 1] if found is not None else []) + ([where.line] if where is not None else [])
    for line in near:
        stray = (_stray_mark(lines, line) or _mark_before_block_indicator(lines, line)) if line >= 0 else None
        if stray:
            return stray
    return None


def _first_field_indented(lines: list[str]) -> tuple[yaml.Mark, str] | None:
    """The file's first field indented, and the next one not: YAML reads the second as a new document."""
    first = next((number for number, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None)
    key = _KEY_RE.match(lines[first]) if first is not None else None
    if key is None or not key.group("indent") or lines[first].lstrip().startswith("- "):
        return None
    indent = len(key.group("indent"))
    return _at(first, indent), _top_level_indented(key.group("key"), indent)


def _top_level_indented(name: str, indent: int) -> str:
    return (f"the field '{name}' is indented by {_spaces(indent)} (expected top-level fields at the start of the "
            "line: remove the spaces before it)")


def _opens_block(line: str) -> bool:
    """Whether ``line`` is a field whose text is a block on the lines below ('context: |', 'note: >-  # x')."""
    opener = line.split(" #")[0].rstrip()
    return bool(_KEY_RE.match(opener)) and opener.endswith(_BLOCK_OPENERS)


def _block_above(lines: list[str], line: int) -> int | None:
    """The indentation of a block of text ('key: |' and the lines below it) whose lines end right above
    ``line`` (blank lines and lines at the start of the line aside: the mistakes themselves); None
    without one. Lines of the text further in (a nested Markdown list) count as its lines."""
    least = None  # the least indentation of the lines read so far, walking up
    for number in range(line - 1, -1, -1):
        written = lines[number]
        if not written.strip() or (least is None and not _indent(written)):
            continue
        indent = _indent(written)
        if least is not None and indent < least and _opens_block(written):
            return least
        least = indent if least is None else min(least, indent)
        if not least:
            return None
    return None


# Field names: a line after a block of text that starts with one is a field that lost its ':', not text
_FIELD_NAMES = frozenset({*Claim.model_fields, *ArticleMeta.model_fields})
# The fields of the records in a claim's lists (sources, corrections, appearances) and of its provenance
_RECORD_FIELD_NAMES = frozenset({*Source.model_fields, *Correction.model_fields, *Appearance.model_fields,
                                 *Provenance.model_fields})
_ANY_FIELD_NAMES = _FIELD_NAMES | _RECORD_FIELD_NAMES
_ITEM_START_RE = re.compile(r"[ ]*(?:-[ ]+)?")
# The first word of a line, past any mark before it ('#context: |', '{claimant: x', "'sources:")
FIRST_WORD_RE = re.compile(r"[^A-Za-z_\n]*([A-Za-z_][\w-]*)")
_NAME_RE = re.compile(r"[\w-]+")


def _out_of_block(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """A line of a block of text written at the start of the line (a pasted paragraph): YAML reads it as a field."""
    block = _block_above(lines, line)
    first_word = FIRST_WORD_RE.match(lines[line])
    if block is None or _indent(lines[line]) >= block or (first_word and first_word.group(1) in _FIELD_NAMES):
        return None
    indent = _indent(lines[line])
    return (_at(line, indent),
            f"a line indented by {_spaces(indent)}, unlike the lines of the text above it (expected "
            f"{_spaces(block)}, as above)")


def _comment_ends_block(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """A line of a block of text that starts with '#' at the start of the line ('## Sources' in a context),
    or anywhere further out than the text: YAML reads it as a comment that ends the text, and stops at the
    next line of the text (``line``)."""
    comment = next((number for number in range(line - 1, -1, -1) if lines[number].strip()), None)
    if comment is None or not lines[comment].lstrip(" ").startswith("#"):
        return None
    block, indent = _block_above(lines, comment), _indent(lines[comment])
    if block is None or _indent(lines[line]) < block or indent >= block:
        return None
    where = "at the start of the line" if not indent else f"indented by {_spaces(indent)}"
    return (_at(comment, indent),
            f"a line of text that starts with '#' {where}, which YAML reads as a comment that ends the text above "
            f"(expected it indented like the text: {_spaces(block)}, as above)")


def _missing_colon(here: str) -> str:
    """A field's line without its ':' ('claimant The minister') or without the space after it ('claimant:x'),
    '- ' before it in a list of records."""
    written = here.strip().removeprefix("- ").lstrip(" ")
    word = _NAME_RE.match(written)
    name = word.group() if word else written.partition(" ")[0]
    value = written[len(name):]
    if value.startswith(":#"):  # 'title:# "India..."': a comment only after a space; the value's text otherwise
        return (f"a '#' right after '{name}:' (expected a space after ':', then the value: "
                f"'{name}: {value[2:].strip()}'; a value that starts with '#' goes in quotes, since ' #' starts a "
                "comment)")
    if value.startswith(":"):  # 'claimant:klas.news'
        return f"no space after ':' (expected a space between the field name and its value: '{name}: {value[1:].strip()}')"
    example = f"{name}: {value.strip()}" if value.strip() else f"{name}: ..."
    return f"no ':' after the field name '{name}' (expected a field name, ':', a space, then its value: '{example}')"


def _field_above_without_colon(lines: list[str], line: int) -> tuple[yaml.Mark, str] | None:
    """'title The US...' above 'quote: ...': YAML reads the field without its ':' as the start of a text that
    runs on into the next field, and stops at that field's ':'."""
    number = next((n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None)
    above = lines[number] if number is not None else ""
    start = _ITEM_START_RE.match(above).end()  # the name's column: past '- ' in a list of records
    word = _NAME_RE.match(above, start)  # 'quote"He said...' too
    name = word.group() if word else ""
    if name not in _ANY_FIELD_NAMES or _KEY_RE.match(above) or start != _indent(lines[line]):
        return None
    return _at(number, start), _missing_colon(above)


def _text_without_block_indicator(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'context:' with its '|' deleted: YAML reads the indented text below it as one plain value, which
    cannot hold ': ', and stops at the first one (``found``), maybe many lines below the field. The field is
    the first line above that is further out than every line of the text below it (a Markdown list item's
    lines further in than its first are text too)."""
    number, key, least = None, None, _indent(lines[found.line])
    for above in range(found.line - 1, -1, -1):
        written = lines[above]
        if written.strip() and _indent(written) < least:
            number, key, least = above, _KEY_RE.match(written), _indent(written)
            if key or not least:
                break
    if key is None or lines[number][key.end():].split(" #")[0].strip():
        return None  # no field above the text, or one with its value on its line
    first = next(written for written in lines[number + 1 :] if written.strip())
    if _KEY_RE.match(first) or first.lstrip().startswith(("-", "#")):
        return None  # the field holds fields or a list
    name = key.group("key")
    return (_at(number, key.start("key")),
            f"no '|' after '{name}:', so YAML reads the text below it as one line, which cannot hold ': ', and stops "
            f"at the one on line {found.line + 1} (expected '{name}: |' or '{name}: >-', then the text on the lines "
            "below it, indented)")


def _item_on_key_line(lines: list[str], found: yaml.Mark) -> tuple[yaml.Mark, str] | None:
    """'tags: - economy': a list item on its field's line, where YAML allows none."""
    match = _VALUE_RE.match(lines[found.line])
    if match is None or not match.group("key") or match.start("value") != found.column:
        return None
    item = match.group("value")
    return found, (f"a list item on the same line as '{match.group('key')}:' (expected '{match.group('key')}:' alone on "
                   f"its line, then each item on a line of its own below it, indented: '  {item}')")


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
            item = here.strip()
            if item.startswith("- ") or item == "-":
                return None  # an item with its dash: the mistake is elsewhere
            if item.startswith("-"):  # '-title: c': the dash is there, its space is not
                return f"no space after '-' (expected a space between '-' and the item: '- {item[1:]}')"
            return f"a list item without its '- ' (expected '- {item}', like the items above it)"
        return None
    return None
