"""The ``site-builder`` command: parses arguments, calls the core, prints. Nothing else."""

from __future__ import annotations

import gc
import json
import sys
from pathlib import Path

import click

from .config import read_settings
from .drafting import DEFAULT_MIN_SCORE, DEFAULT_TOP
from .errors import ProblemsFound, Refused, counts, github_report, text_report
from .project import check_project, load_project, repository_prefix

config_option = click.option("--config", "-f", "config_file", type=click.Path(dir_okay=False, path_type=Path),
                             default=Path("mkdocs.yml"), show_default=True, help="The site's mkdocs.yml.")


class Commands(click.Group):
    """The core refuses with a message (Refused, ProblemsFound); the command prints it and exits 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (Refused, ProblemsFound) as refused:
            raise click.ClickException(str(refused)) from None


@click.group(cls=Commands)
@click.version_option(package_name="claim-explainer")
def main() -> None:
    """Build and check a site of claim explainers."""


@main.command()
@click.option("--format", "output", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="github: GitHub Actions annotations; json: for tools.")
@config_option
@click.pass_context
def validate(ctx: click.Context, output: str, config_file: Path) -> None:
    """Check every claim and article; report every problem as path:line:column: field: message."""
    gc.disable()  # a run that keeps what it loads until it ends: the cycle collector would only walk it all again
    settings = read_settings(config_file)
    site = check_project(settings)
    ctx.ensure_object(dict)["exit_at_once"] = True  # once its output is written (__main__.py)
    if output == "json":
        click.echo(json.dumps([p.as_dict() for p in sorted(site.errors) + sorted(site.warnings)], ensure_ascii=False, indent=2))
    elif output == "github":
        click.echo("\n".join(github_report(site.errors, site.warnings, repository_prefix(settings.root))))
    else:
        for line in text_report(site.errors, site.warnings):
            click.echo(line, err=True)
        ok = f"OK: {site.published} published claims, {site.drafts} drafts, {site.articles} articles; "
        click.echo(f"{counts(len(site.errors), len(site.warnings))} found" if site.errors else ok + counts(0, len(site.warnings)),
                   err=bool(site.errors))
    if site.errors:
        raise SystemExit(1)


@main.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@config_option
def generate(out: Path, config_file: Path) -> None:
    """Write OUT/docs (every page as a file) and OUT/mkdocs.yml, for engines that run no plugins (Zensical)."""
    from .generate import write_engine_project  # the templates load only for this command
    click.echo(write_engine_project(read_settings(config_file), config_file, out))


@main.command("import-article")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "article_id", help="Article id (default: made from the title).")
@click.option("--title", help="Headline, if the source has none.")
@click.option("--outlet", help="The site or publication that ran it.")
@click.option("--url", help="Link to the article.")
@click.option("--published", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--author", help="The named author.")
@click.option("--archive-url", help="Link to an archived copy.")
@click.option("--language", help="Its language, a tag such as 'ar' or 'pt-BR' (default: the page's, else detected).")
@click.option("--force", is_flag=True, help="Replace the text of the same article (same url, same fields).")
@config_option
def import_article(source: Path, article_id: str | None, force: bool, config_file: Path, **fields: str | None) -> None:
    """Write content/articles/<id>.md from a .txt (first line the title), .md or saved .html SOURCE."""
    from .drafting.importer import import_article as write_article  # trafilatura loads only for this command
    settings = read_settings(config_file)
    click.echo(f"wrote {write_article(source, settings, article_id=article_id, force=force, **fields)}")


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--min-score", type=click.FloatRange(0, 1), default=DEFAULT_MIN_SCORE, show_default=True,
              help="Lowest check-worthiness score to draft.")
@click.option("--top", type=click.IntRange(1), default=DEFAULT_TOP, show_default=True, help="Most drafts per article.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Score articles in this many processes.")
@click.option("--add-appearances", is_flag=True, help="Add each sentence that repeats a claim to that claim's file.")
@config_option
def extract(articles: tuple[str, ...], min_score: float, top: int, dry_run: bool, output: str, jobs: int,
            add_appearances: bool, config_file: Path) -> None:
    """Draft claim files from the check-worthy sentences of ARTICLES (ids or paths); report sentences that
    repeat an existing claim."""
    from . import claim_file  # ruamel.yaml loads only for the commands that write claim files
    from .drafting.extract import extract as draft  # numpy and the model load only for this command
    project = load_project(read_settings(config_file))
    if project.errors:
        raise click.ClickException(ProblemsFound(project.errors).report()
                                   + "\nfix these first: drafts must not duplicate existing claims")
    chosen, unknown = [], []
    for name in articles:  # every name that is not an article, in one run
        try:
            chosen.append(project.article_named(name))
        except Refused as refused:
            unknown.append(str(refused))
    if unknown:
        raise Refused("\n".join(unknown))
    with click.progressbar(length=len(chosen), label="Scoring articles", file=sys.stderr) as bar:
        done = draft(project, chosen, min_score=min_score, top=top, dry_run=dry_run, add_appearances=add_appearances,
                     jobs=jobs, progress=bar.update)
    for path, text in done.drafts:
        if not claim_file.write_new(path, text):
            raise click.ClickException(f"{project.settings.shown(path)} appeared while writing; run again")
    for edit in done.edits:
        claim_file.apply(edit)  # refuses if a person changed the file meanwhile
    click.echo(json.dumps(done.rows, ensure_ascii=False, indent=2) if output == "json" else "\n".join(done.lines()))


@main.command()
@config_option
def schema(config_file: Path) -> None:
    """Write claims/schema.json, the JSON Schema of a claim record, for editors."""
    from .schema import write_schema  # not loaded by the other commands
    click.echo(f"wrote {write_schema(read_settings(config_file))}")


@main.command()
@click.option("--article", "article_id", required=True, help="The article the claim comes from.")
@click.option("--quote", help="The quote, verbatim; without it, choose a sentence of the article.")
@click.option("--id", "claim_id", help="The claim id (default: made from the sentence).")
@config_option
def new(article_id: str, quote: str | None, claim_id: str | None, config_file: Path) -> None:
    """Scaffold claims/<id>.yaml with the fields a claim needs, and comments on what to write."""
    from . import claim_file
    from .drafting.extract import quotable_sentences, scaffold
    project = load_project(read_settings(config_file))
    article = project.article_named(article_id)
    if quote is None:
        sentences = quotable_sentences(article)
        for number, sentence in enumerate(sentences, 1):
            click.echo(f"{number:3}. {sentence}")
        quote = sentences[click.prompt("Number of the sentence to quote", type=click.IntRange(1, len(sentences))) - 1]
    path, text = scaffold(project, article, quote, claim_id)
    if not claim_file.write_new(path, text):
        raise click.ClickException(f"{project.settings.shown(path)} already exists (choose another --id)")
    click.echo(f"wrote {project.settings.shown(path)}; fill it in, then run site-builder validate")
