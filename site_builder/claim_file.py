"""The one writer of the claim file format: what ``new`` scaffolds, what ``extract`` drafts, and the
appearances ``extract --add-appearances`` adds to a person's claim file.

New files have the fields in the order of the model, each value in a form that reads back as itself
(strings as double-quoted YAML, ids plain). ``scaffold`` writes every field with a comment saying
what goes there; ``draft`` writes what the extractor found, with its provenance. New files are
created, never replaced (files.create_new).

An existing file is changed only by adding appearances, in two steps: ``with_appearances`` reads it
and makes its new text through a comment-preserving round trip (ruamel.yaml): the new lines are
inserted and every other line stays as it was, or it refuses; ``apply`` writes that text atomically
(a temporary file in the same folder, then os.replace), refusing if the file changed since it was read.
"""

from __future__ import annotations

import difflib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from .errors import Refused
from .files import create_new, replace
from .yaml_parse import parse_yaml
from .quotes import canonical
from .schema import SCHEMA_COMMENT

# What goes in each field, for people filling in a scaffold.
HELP = {
    "title": "The claim in one neutral sentence, at most 120 characters (under 75 shows best in search results).",
    "quote": "The article's words, verbatim. Join segments with … when you skip words.",
    "claimant": "Who made the claim: a person, an organisation, or the outlet when the article says it in its own voice.",
    "attribution": 'direct (quoted words) | reported (indirect speech) | vague ("Reports indicate") | none (the article\'s own)',
    "summary": "The short answer: two or three plain sentences.",
    "context": "The explainer, in Markdown: what the evidence shows, what is disputed, what cannot be verified.",
    "reviewed": "The date of your review, YYYY-MM-DD.",
}
# Examples sit under their key, commented out: removing the '# ' of their lines gives valid YAML (the
# keys are written with no value, which reads as an empty list, not as '[]', which would end the list).
SOURCE_EXAMPLE = """\
  # - title: The headline of the source
  #   url: https://...
  #   publisher: Who published it
  #   published: YYYY-MM-DD  # or YYYY-MM, or YYYY
  #   archive_url: https://web.archive.org/...  # optional
  #   note: What this source supports  # optional
"""
TAGS_EXAMPLE = "  # - a-tag-id\n"
RELATED_EXAMPLE = "  # - another-claim-id\n"
SCAFFOLD_HEADER = """\
# A new claim record. Fill in every field, check it with `site-builder validate`, then set
# status: published. Field reference: README.md and CONTRIBUTING.md.
"""
DRAFT_HEADER = """\
# Drafted by {extractor} {version}: check every field against the article.
# To publish, add rating, summary, context, sources and reviewed, then set status: published.
"""


def yaml_string(value: str) -> str:
    """A double-quoted YAML string (JSON is YAML) that reads back as ``value``: line and paragraph
    separators escaped too, since YAML would read them as line breaks."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def flow_list(values: Iterable[str]) -> str:
    """Ids as a one-line list: ``[a, b]``."""
    return f"[{', '.join(values)}]"


def _line(name: str, value: str = "", help_text: bool = False) -> str:
    comment = f"# {HELP[name]}\n" if help_text and name in HELP else ""
    return f"{comment}{name}: {value}".rstrip() + "\n"


def scaffold(*, title: str, quote: str, article: str, claimant: str, attribution: str,
             rating_ids: Sequence[str]) -> str:
    """A new claim record for a person to fill in: every field, a comment for each."""
    return "".join([
        SCHEMA_COMMENT + "\n",
        SCAFFOLD_HEADER,
        "\n",
        _line("title", yaml_string(title), True),
        _line("quote", yaml_string(quote), True),
        _line("article", article),
        _line("claimant", yaml_string(claimant), True),
        _line("attribution", attribution, True),
        f"# One of: {', '.join(rating_ids)}\n",
        _line("rating"),
        _line("summary", "", True),
        _line("context", "", True),
        _line("sources"),
        SOURCE_EXAMPLE,
        _line("tags"),
        TAGS_EXAMPLE,
        _line("related"),
        RELATED_EXAMPLE,
        _line("reviewed", "", True),
        _line("status", "draft"),
        _line("provenance", "manual"),
    ])


def draft(*, title: str, quote: str, article: str, claimant: str, attribution: str, tags: Sequence[str],
          extractor: str, version: str, model: str, score: float, signals: Sequence[str]) -> str:
    """A machine-drafted claim record: what the extractor found, with its provenance."""
    provenance: Mapping[str, str] = {
        "extractor": yaml_string(extractor), "version": yaml_string(version), "model": yaml_string(model),
        "score": str(score), "signals": flow_list(yaml_string(signal) for signal in signals),  # the model's words
    }
    return "".join([
        SCHEMA_COMMENT + "\n",
        DRAFT_HEADER.format(extractor=extractor, version=version),
        _line("title", yaml_string(title)),
        _line("quote", yaml_string(quote)),
        _line("article", article),
        _line("claimant", yaml_string(claimant)),
        _line("attribution", attribution),
        _line("tags", flow_list(tags)),
        _line("status", "draft"),
        "provenance:\n",
        *(f"  {name}: {value}\n" for name, value in provenance.items()),
    ])


def write_new(path: Path, text: str) -> bool:
    """Create the claim file ``path`` atomically; False, and nothing written, if it exists."""
    return create_new(path, text)


# How people indent lists in claim files: "  - item" under its key (the demo's and the drafts' style),
# or "- item" at the key's column. A file is rewritten in the first style that gives it back unchanged.
INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))


@dataclass(frozen=True)
class Edit:
    """A claim file's new text, and its bytes as they were read: ``apply`` writes it only over those."""

    path: Path
    shown: str  # the path as messages show it
    before: bytes
    text: str


def _round_trip(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _dump(yaml: YAML, data: object) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _only_inserted(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with one run of lines inserted and nothing else changed."""
    changes = [op for op in difflib.SequenceMatcher(None, before.splitlines(True), after.splitlines(True),
                                                    autojunk=False).get_opcodes() if op[0] != "equal"]
    return len(changes) == 1 and changes[0][0] == "insert"


def _move_comment(source: CommentedMap, key: object, target: CommentedMap, target_key: object) -> None:
    """Move the comment lines that follow ``source[key]`` (not a comment at the end of its own line) to
    follow ``target[target_key]``: they belong above whatever comes next, and new lines go between."""
    slots = source.ca.items.get(key)
    if not slots or len(slots) < 3 or slots[2] is None:
        return
    token = slots[2]
    own_line, newline, rest = token.value.partition("\n")
    if not rest:
        return
    token.value = own_line + newline
    moved = type(token)("\n" + rest, token.start_mark, None)
    target.ca.items[target_key] = [None, None, moved, None]


def with_appearances(path: Path, shown: str, appearances: Sequence[Mapping[str, str]]) -> Edit:
    """The claim file ``path`` with ``appearances`` (each an article and a quote, maybe a note) added
    at the end of its ``appearances`` list (made after ``article`` when it has none). Refused if it
    already lists one of them (the same article and the same words), or if the round trip would change
    any other line of the file."""
    before = path.read_bytes()
    try:
        text = before.decode("utf-8")
        indent = next((i for i in INDENTS if _dump(_round_trip(i), _round_trip(i).load(text)) == text), None)
    except (UnicodeDecodeError, YAMLError) as exc:
        raise Refused(f"{shown}: cannot read it to add an appearance ({exc})") from None
    if indent is None:
        raise Refused(f"{shown}: writing it back would change lines other than the new appearance (its layout is "
                      "not one ruamel.yaml reproduces); add the appearance by hand")
    yaml = _round_trip(indent)
    data = yaml.load(text)
    listed = data.get("appearances")
    for appearance in appearances:
        for number, old in enumerate(listed or []):
            if (isinstance(old, Mapping) and old.get("article") == appearance["article"]
                    and canonical(" ".join(str(old.get("quote", "")).split())) == canonical(" ".join(appearance["quote"].split()))):
                raise Refused(f"{shown} already has this appearance: appearances[{number}] quotes the same words "
                              f"of article {appearance['article']!r}")
    items = [CommentedMap((name, DoubleQuotedScalarString(value) if name != "article" else value)
                          for name, value in appearance.items()) for appearance in appearances]
    if listed is None:
        if "appearances" in data:  # "appearances:" with nothing after it
            data["appearances"] = CommentedSeq(items)
        else:
            data.insert(list(data).index("article") + 1, "appearances", CommentedSeq(items))
            _move_comment(data, "article", items[-1], list(items[-1])[-1])
    else:
        if listed and isinstance(listed[-1], CommentedMap) and listed[-1]:
            _move_comment(listed[-1], list(listed[-1])[-1], items[-1], list(items[-1])[-1])
        listed.extend(items)
    after = _dump(yaml, data)
    read_back = parse_yaml(after)  # as validate reads it
    if read_back.get("appearances", [])[-len(items):] != [dict(appearance) for appearance in appearances]:
        raise Refused(f"{shown}: the appearance would not read back as written; add it by hand")
    if not _only_inserted(text, after):
        raise Refused(f"{shown}: writing it back would change lines other than the new appearance; add the "
                      "appearance by hand")
    return Edit(path, shown, before, after)


def apply(edit: Edit) -> None:
    """Write ``edit`` atomically (files.replace). Refused, and nothing written, if the file's bytes are no
    longer those that were read."""
    if not replace(edit.path, edit.text, before=edit.before):
        raise Refused(f"{edit.shown} changed since it was read; nothing was written to it (run the command again)")
