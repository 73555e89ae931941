"""parse_yaml's fast paths (yaml-rs, and the walk of libyaml's nodes) give exactly what PyYAML's
constructor gives, values and errors alike."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from benchmarks.yaml_mistakes import slip
from site_builder import load, yaml_parse
from site_builder.yaml_parse import Loader, parse_yaml

ROOT = Path(__file__).parent.parent

DOCUMENTS = [
    "title: Plain text\nquote: 'quoted'\nsummary: >-\n  folded\n  text\n",
    "a: yes\nb: no\nc: on\nd: off\ne: True\nf: NO\n",  # YAML 1.1 booleans, as PyYAML reads them
    "a: 010\nb: 0x1F\nc: 1_000\nd: 1:30\ne: +12\nf: 0b101\n",  # YAML 1.1 integers
    "a: 1.5\nb: .inf\nc: -.Inf\nd: .nan\ne: 1e3\nf: 6.8523015e+5\n",
    "a: ~\nb: null\nc: Null\nd:\n",
    "published: 2025-12-03\nwhen: 2025-12-03 10:00:00\nyear: 2025\n",  # no implicit timestamps
    "tags: [a, b, 'c']\nnested:\n  - {x: 1, y: [2, 3]}\n  - - deep\n",
    "a: &x [1, 2]\nb: *x\n",  # an alias: values shared as PyYAML shares them
    "a: !!binary aGVsbG8=\n",
    "a: !!str 12\nb: !!int '12'\n",
    "1: one\n2.5: two\nnull: three\nfalse: four\n",
    "'': empty key\n",
    "",
    "# only a comment\n",
    "just a string\n",
    "- a list\n- at the top\n",
    # what yaml-rs (YAML 1.2) reads otherwise than PyYAML (YAML 1.1): left to PyYAML
    "a: 007\nb: 0o17\nc: 0b101\nd: 12345678901234567890\ne: 1.5e3\nf: 1E+3\ng: +.5\n",
    "rating: 'false'\nb: \"null\"\nc: 'yes'\nd: '12'\ne: \"~\"\nf: ''\ng: 'On'\n",
    "a: |\n\nb: >\n  x\n\n  y\nc: |+\n  kept\n\nd: |-\n  x\n",
    "a: |\n  no final line break",
    "a: |\n",  # an empty block scalar at the end: '' to PyYAML, '\\n' to yaml-rs
    "a: \"x\\u00e9\\x41\\N\\_\\L\\P\\/\\ \\t\"\nb: 'it''s'\nc: \"folded\n\n  quoted \"\n",
    "a: \"x\x85y\"\n", "a: x\ufeffy\n", "a: x\r y\n",  # line breaks to YAML 1.1 only
    "a: [b: c, d]\nb: [x:y]\n", "tags: [a, b,]\n", "a:\n  - [x]\n  - y\n",
    "a: 'x'  # comment\nb: x#not a comment\nc: http://x.org/#frag\n",
    "yes: key\n'on': key\n'<<': key\n'=': key\n",
    "a: '**bold**'\nb: |\n  **bold**\n  > quote\n",
    "a: R&D\nb: x & y\nc: wow!\nd: '!x'\n",
    "title: \u201cQuoted\u201d \u2014 \u05e2\u05d1\u05e8\u05d9\u05ea \U0001F600\n",
]

BROKEN = [
    "a: 1\na: 2\n",  # duplicate key
    "a: 1\nb:\n  c: 1\n  c: 2\n",  # duplicate key, nested
    "<<: {a: 1}\n",  # merge key
    "? [a]\n: b\n",  # a list as a key
    "a: !custom x\n",  # a tag
    "a: [unclosed\n",  # a syntax error
    "a: *missing\n",  # an undefined alias
    "1: one\ntrue: two\n",  # 1 and true are the same key to Python
    "sources:\n  - {a: 1, a: 2}\nb: 1\nb: 2\n",  # two errors: the first PyYAML meets is reported
    # what yaml-rs accepts and libyaml refuses: left to PyYAML, which reports it
    "a: [b: |]\n",  # an indicator starts a plain scalar in a flow collection
    "tags: [x:]\n",
    "k: {a\n  b: }\n",  # a flow mapping's key over two lines
    "a: =\n",  # the YAML 1.1 value key
    "a: \x01\n",  # a control character
    "a: x\u2028y\n",  # a line break to YAML 1.1 only, in a plain scalar
    "a: 1\n---\nb: 2\n",  # two documents
    "a: \"\\q\"\n",  # an escape YAML does not have
    "a: !!python/object:os.system x\n",
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_are_pyyamls(text: str) -> None:
    assert parse_yaml(text) == yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    assert repr(parse_yaml(text)) == repr(yaml.load(text, Loader=Loader))  # noqa: S506 - types too (1 vs True)


@pytest.mark.parametrize("text", BROKEN)
def test_errors_are_pyyamls(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    with pytest.raises(yaml.YAMLError) as got:
        parse_yaml(text)
    assert str(got.value) == str(expected.value)
    assert type(got.value) is type(expected.value)


def _same(text: str) -> None:
    """parse_yaml gives what PyYAML with Loader gives: the same value (types and order too) or the same error."""
    try:
        expected = yaml.load(text, Loader=Loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError as error:
        with pytest.raises(yaml.YAMLError) as got:
            parse_yaml(text)
        assert (type(got.value), str(got.value)) == (type(error), str(error)), text
    else:
        assert repr(parse_yaml(text)) == repr(expected), text


def _texts(folder: Path) -> list[str]:
    texts = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            texts.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue  # not text: refused before parsing
    return texts


CLAIMS = _texts(ROOT / "claims")
HOSTILE = _texts(ROOT / "tests" / "hostile" / "claims")


@pytest.mark.parametrize("text", CLAIMS + HOSTILE)
def test_claim_files_read_as_pyyaml_reads_them(text: str) -> None:
    _same(text)


def test_yaml_rs_reads_most_demo_claims() -> None:
    """The fast path is taken: the demo's claims without a number are read by yaml-rs (the equality
    tests above would also pass if it never were)."""
    fast = [text for text in CLAIMS if yaml_parse._fast(text) is not None]
    assert len(fast) >= len(CLAIMS) // 2
    assert yaml_parse._fast("title: A claim\nrating: 'false'\ntags: [a, b]\nsummary: >-\n  Two\n  lines.\n") == {
        "title": "A claim", "rating": "false", "tags": ["a", "b"], "summary": "Two lines."}


# Pieces of YAML syntax, inserted into real claim files at random places, and removed from them: the
# mutants cover what contributors get wrong, and what the two parsers read differently.
PIECES = ["[", "]", "{", "}", ": |", ": >", "|", ">", ", ", ",", ":", ": ", "- ", "\n- ", "? ", "#", " #", "'", '"',
          "\\", "*", "&a ", "*a", "!", "!!str ", "@", "`", "%", "<<: ", "---\n", "...\n", "\t", "\n", "\n  ",
          "  ", "~", "yes", "no", "0x1", "007", "1e3", "1.5", ".inf", "2023", "null", "true", "''", '""',
          ": |\n", ": |+\n", ": |-\n", ": >\n", "\n\n", "\u00a0", "\u2028", "\x85", "\ufeff", "\U0001F600", "x:]",
          "0.88", "2019", "-0", "+.5", ".5e3", "1E+3", "_5", "_.5", "1_000", "0x_1", "1e_3", "0o7", "0b1", ", 01", "1,000",
          "1234567890123456789", "-.inf", ".NaN", "1:30"]


def test_mutated_claim_files_read_as_pyyaml_reads_them() -> None:
    """Thousands of broken and odd variants of the demo's and the hostile corpus's claims: each gives
    PyYAML's value or PyYAML's error (seeded: the same mutants every run)."""
    rng = random.Random(13)
    seeds = [text for text in CLAIMS + HOSTILE if len(text) < 20_000]
    fast = 0
    for _ in range(3000):
        text = rng.choice(seeds)
        for _ in range(rng.choice((1, 1, 2, 3))):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.7:
                text = text[:at] + rng.choice(PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 3):]
        fast += yaml_parse._fast(text) is not None
        _same(text)
    assert fast > 500  # the fast path was tried on many of them


def test_random_documents_read_as_pyyaml_reads_them() -> None:
    """Short documents made of random pieces: each gives PyYAML's value or PyYAML's error."""
    rng = random.Random(7)
    starts = ["k: ", "", "- ", "k:\n  ", "k: [", "k: |\n  "]
    words = ["a", "x y", "é", "“", " ", "\n", "\n  ", "\nk: ", "\n- ", "e", "E", "1", "0", ".", "y", "n", "o"]
    fast = 0
    for _ in range(10_000):
        text = rng.choice(starts) + "".join(rng.choice(PIECES + words) for _ in range(rng.randint(1, 8))) + "\n"
        fast += yaml_parse._fast(text) is not None
        _same(text)
    assert fast > 1000


def test_longest_word() -> None:
    """PyYAML reads no plain scalar longer than LONGEST_WORD as true, false or null (yaml_parse._plain_text
    counts on it)."""
    for first, resolvers in Loader.yaml_implicit_resolvers.items():
        for tag, regexp in resolvers:
            if tag in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"):
                words = re.sub(r"\s", "", regexp.pattern).removeprefix("^(?:").removesuffix(")$").split("|")
                assert max(map(len, words)) == yaml_parse.LONGEST_WORD or tag.endswith("null")
                assert max(map(len, words)) <= yaml_parse.LONGEST_WORD


REPO = Path(__file__).resolve().parent.parent


def test_a_slip_on_one_line_of_a_valid_claim_file_is_its_only_problem(tmp_path: Path) -> None:
    """One-line slips in the demo's claim files (a mark put in, a character taken out, a line indented or
    not): each that breaks the YAML is reported in plain words with the fix (yaml_mistakes.py; not the
    parser's own message), and the rest of the file is read and checked without a word more (the field
    the slip is in is left out, never called missing). benchmarks/yaml_mistakes.py counts more slips."""
    rng = random.Random(13)
    marks = ['"', "'", ":", "- ", "[", "{", "\t", " ", "#", "*", "|", ">"]
    folder = tmp_path / "claims"
    folder.mkdir()
    broken = read_on = 0
    for path in sorted((REPO / "claims").glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for _ in range(30):
            number = rng.randrange(len(lines) - 1)
            slipped = slip(lines[number], rng, marks)
            text = "\n".join([*lines[:number], slipped, *lines[number + 1:]])
            if not load.parse_fields(text, path.name)[1]:
                continue  # still YAML
            (folder / path.name).write_text(text, encoding="utf-8")
            records, problems = load.load_claims(folder, tmp_path)
            broken += 1
            read_on += len(records)
            assert [problem.field for problem in problems] == ["yaml"], (slipped, [str(p) for p in problems])
            assert not problems[0].message.startswith("invalid YAML:"), (slipped, str(problems[0]))  # in plain words
        (folder / path.name).unlink()
    assert broken >= 100 and read_on >= 0.95 * broken, (broken, read_on)
