"""parse_yaml's fast walk gives exactly what PyYAML's constructor gives, values and errors alike."""

from __future__ import annotations

import pytest
import yaml

from site_builder.load import _Loader, parse_yaml

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
]


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_are_pyyamls(text: str) -> None:
    assert parse_yaml(text) == yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    assert repr(parse_yaml(text)) == repr(yaml.load(text, Loader=_Loader))  # noqa: S506 - types too (1 vs True)


@pytest.mark.parametrize("text", BROKEN)
def test_errors_are_pyyamls(text: str) -> None:
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
    with pytest.raises(yaml.YAMLError) as got:
        parse_yaml(text)
    assert str(got.value) == str(expected.value)
    assert type(got.value) is type(expected.value)
