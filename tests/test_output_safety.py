"""What keeps a field of ours from ever becoming markup on a generated page: the front matter the pages
carry (valid YAML for any text) and the sanitiser every generated page goes through."""

from __future__ import annotations

import yaml
from mkdocs.utils.meta import get_data

from site_builder.render import meta, yaml_quoted

# Every kind of character a field can hold, and those no field may hold but a tool might still meet.
HOSTILE_TEXT = [
    "🚀 Yes. [Read more](javascript:alert(1)) *x*{: onmouseover=alert(1) }",  # outside the BMP, and Markdown
    "🇺🇦 𝒯he 𝐁old ✍🏽 😀",  # flags, mathematical letters, a modifier
    "NEL\x85LS\u2028PS\u2029CR\rLF\nTAB\t",  # line breaks YAML folds if written raw
    "\ufffe\uffff\U0001fffe\U0010ffff\x7f\x9f\x00\x1b",  # noncharacters and controls YAML refuses raw
    'quote " backslash \\ \\ud83d colon: hash # dash - { [ * & ! | > % @ `',  # YAML and JSON syntax
]


def test_yaml_quoted_reads_back_as_the_same_text_with_pyyaml_and_libyaml() -> None:
    for text in HOSTILE_TEXT:
        assert yaml.load(yaml_quoted(text), yaml.SafeLoader) == text
        assert yaml.load(yaml_quoted(text), yaml.CSafeLoader) == text
    assert yaml.load(yaml_quoted("lone \ud800 surrogate"), yaml.CSafeLoader) == "lone \ufffd surrogate"


def test_yaml_quoted_writes_characters_not_surrogate_pairs() -> None:
    """JSON's ensure_ascii writes '\\ud83d\\ude80', which YAML parsers refuse (the stored script injection)."""
    assert yaml_quoted("🚀") == '"🚀"'
    assert yaml_quoted("a\x85b\ufffe") == '"a\\u0085b\\ufffe"'


def test_meta_is_front_matter_mkdocs_reads_as_one_escaped_line() -> None:
    for text in HOSTILE_TEXT:
        page = f"---\ntitle: {meta(text)}\ndescription: {meta(text)}\n---\n\n<p>body</p>\n"
        body, data = get_data(page)
        assert body.strip() == "<p>body</p>", f"the front matter of {text!r} was not read as YAML"
        shown = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        assert data["title"] == shown.replace('"', "&quot;").replace("'", "&#x27;")
