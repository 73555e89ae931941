"""The templates' environment (render.py): values written as escaped text, byte for byte as Jinja's own
escaping writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup, escape

from site_builder.render import environment, escaped_text

from .conftest import REPO


class _Html:
    def __html__(self) -> str:
        return "<b>already safe</b>"


VALUES = ["", "plain", "a & b < c > d 'e' \"f\"", "&amp; &#39; already escaped text", "\u2028 ’ € \U0001f680 \ud800",
          Markup("<em>markup</em> & co"), _Html(), 42, 2.5, None, True, dt.date(2026, 11, 30), ["a", "<b>"]]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_escaped_text_writes_what_markupsafe_escape_writes(value: object) -> None:
    assert escaped_text(value) == str(escape(value))
    assert type(escaped_text(value)) in (str, Markup)


def test_every_template_writes_its_values_as_escaped_text(tmp_path: Path) -> None:
    """Each {{ value }} of our templates compiles to escaped_text (Jinja's escape never appears): a Jinja
    release that stopped calling the hook would show here, not only as a slower build."""
    env = environment(REPO / "templates")
    for name in env.list_templates(filter_func=lambda name: name.endswith(".j2")):
        source = env.compile(env.loader.get_source(env, name)[0], name, raw=True)  # type: ignore[union-attr]
        assert " escape(" not in source and "(escape(" not in source, name
    assert "environment.escaped_text(" in env.compile("{{ x }}", raw=True)


def test_values_are_escaped_once_in_pages_macros_and_blocks() -> None:
    env = environment(Path("."))
    env.loader = jinja2.DictLoader({
        "m.j2": "{% macro m(x) %}<i>{{ x }}</i>{% endmacro %}",
        "page.j2": '{% from "m.j2" import m %}{% set kept %}<u>{{ x }}</u>{% endset %}'
                   "{{ x }}|{{ m(x) }}|{{ kept }}|{{ y }}|{{ n }}",
    })
    out = env.get_template("page.j2").render(x="<&'\">", y=Markup("<s>ok</s>"), n=3)
    assert out == "&lt;&amp;&#39;&#34;&gt;|<i>&lt;&amp;&#39;&#34;&gt;</i>|<u>&lt;&amp;&#39;&#34;&gt;</u>|<s>ok</s>|3"
