"""Reading mkdocs.yml outside MkDocs (the CLI): the ``claims`` plugin's options -> Settings.

Lenient: theme tags such as ``!!python/name:`` are for MkDocs and not needed here.
Page generation never imports this module; it gets Settings already made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, ProblemsFound
from .load import not_utf8
from .settings import PLUGIN_NAME, Settings, settings_from_options
from .yaml_mistakes import yaml_problem


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs itself (!ENV, !!python/name:...)."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping (MkDocs' own tags read as nothing); every reason it cannot be read is a
    problem in the house format."""
    shown = config_file.name
    try:
        data = config_file.read_bytes()
    except FileNotFoundError:
        raise ProblemsFound([Problem(str(config_file), 1, 1, "(file)", "not found (expected mkdocs.yml; "
                                     "run from the project folder or pass --config)")]) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemsFound([not_utf8(shown, data, exc)]) from None
    try:
        config = yaml.load(text, Loader=_LenientLoader) or {}  # noqa: S506
    except yaml.YAMLError as exc:
        raise ProblemsFound([yaml_problem(shown, exc, text=text.replace("\r\n", "\n"))]) from None
    return config if isinstance(config, dict) else {}


def plugin_options(config: dict[str, Any]) -> tuple[dict[str, Any] | None, tuple[str | int, ...]]:
    """The ``claims`` plugin's options in mkdocs.yml, and where they are (('plugins', index, 'claims'));
    (None, ()) when the plugin is not enabled."""
    options: dict[str, Any] | None = None
    at: tuple[str | int, ...] = ()
    for index, entry in enumerate(config.get("plugins") or []):
        if entry == PLUGIN_NAME:
            options, at = {}, ("plugins", index, PLUGIN_NAME)
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options, at = entry[PLUGIN_NAME] or {}, ("plugins", index, PLUGIN_NAME)
    return options, at


def plugin_location(config_file: Path) -> tuple[str | int, ...]:
    """Where the plugin's options are in mkdocs.yml, to point at a problem in them (() if unknown)."""
    try:
        return plugin_options(read_config(config_file))[1]
    except ProblemsFound:
        return ()


def read_settings(config_file: Path) -> Settings:
    """Settings for the CLI, read from mkdocs.yml."""
    config_file = config_file.resolve()
    config = read_config(config_file)
    options, at = plugin_options(config)
    if options is None:
        raise ProblemsFound([Problem(config_file.name, 1, 1, "plugins", "the 'claims' plugin is not enabled "
                                     "(expected '- claims' under plugins:)")])
    root = config_file.parent
    return settings_from_options(
        options if isinstance(options, dict) else {},
        config_file=config_file,
        docs_dir=(root / str(config.get("docs_dir", "docs"))).resolve(),
        site=config,
        at=at,
    )
