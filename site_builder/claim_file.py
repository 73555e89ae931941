"""The one writer of the claim file format: what ``new`` scaffolds and what ``extract`` drafts.

Both write the same fields, in the order of the model, each value in a form that reads back as
itself (strings as double-quoted YAML, ids plain). ``scaffold`` writes every field with a comment
saying what goes there; ``draft`` writes what the extractor found, with its provenance. Files are
created, never replaced (files.create_new).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from .files import create_new
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
