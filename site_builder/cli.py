"""The ``site-builder`` command. Each command is a few lines calling the core."""

from __future__ import annotations

from pathlib import Path

import click

from .errors import ProblemsFound
from .project import Settings, load_site, read_settings

config_option = click.option(
    "--config", "-f", "config_file", type=click.Path(dir_okay=False, path_type=Path),
    default=Path("mkdocs.yml"), show_default=True, help="The site's mkdocs.yml.",
)


def _settings(config_file: Path) -> Settings:
    try:
        return read_settings(config_file)
    except ProblemsFound as found:
        raise click.ClickException(found.report()) from None


@click.group()
@click.version_option(package_name="claim-explainer")
def main() -> None:
    """Build and check a site of claim explainers."""


@main.command()
@config_option
def validate(config_file: Path) -> None:
    """Check every claim and article; report every problem as path:line:column: field: message."""
    settings = _settings(config_file)
    try:
        site = load_site(settings)
    except ProblemsFound as found:
        click.echo(found.report(), err=True)
        raise SystemExit(1) from None
    drafts = len(site.claims) - len(site.published)
    click.echo(f"OK: {len(site.published)} published claims, {drafts} drafts, {len(site.articles)} articles; no problems found")
