"""Reading mkdocs.yml outside MkDocs (the CLI): the ``claims`` plugin's options -> Settings.

Lenient: theme tags such as ``!!python/name:`` are for MkDocs and not needed here.
Page generation never imports this module; it gets Settings already made.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import Problem, ProblemsFound
from .settings import PLUGIN_NAME, Settings, settings_from_options


class _LenientLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags for MkDocs itself (!ENV, !!python/name:...)."""


_LenientLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_LenientLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as a mapping (MkDocs' own tags read as nothing)."""
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}  # noqa: S506
    except FileNotFoundError:
        raise ProblemsFound([Problem(str(config_file), 1, 1, "(file)", "not found (expected mkdocs.yml; "
                                     "run from the project folder or pass --config)")]) from None
    return config if isinstance(config, dict) else {}


def read_settings(config_file: Path) -> Settings:
    """Settings for the CLI, read from mkdocs.yml."""
    config_file = config_file.resolve()
    config = read_config(config_file)
    options: dict[str, Any] | None = None
    at: tuple[str | int, ...] = ()
    for index, entry in enumerate(config.get("plugins") or []):
        if entry == PLUGIN_NAME:
            options, at = {}, ("plugins", index, PLUGIN_NAME)
        elif isinstance(entry, dict) and PLUGIN_NAME in entry:
            options, at = entry[PLUGIN_NAME] or {}, ("plugins", index, PLUGIN_NAME)
    if options is None:
        raise ProblemsFound([Problem(config_file.name, 1, 1, "plugins", "the 'claims' plugin is not enabled "
                                     "(expected '- claims' under plugins:)")])
    root = config_file.parent
    return settings_from_options(
        options,
        config_file=config_file,
        docs_dir=(root / config.get("docs_dir", "docs")).resolve(),
        site=config,
        at=at,
    )
