"""The ``site-builder`` command. Each command is a few lines calling the core."""

from __future__ import annotations

import functools
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import claim_file
from .errors import ProblemsFound
from .drafting.attribution import attribute
from .files import create_new, replace
from .drafting.importer import ImportFailed, article_text, read_source
from .config import read_settings
from .load import parse_article
from .model import Article
from .project import Project, load_project
from .settings import Settings
from .quotes import find, nearest
from .schema import schema_text
from .drafting.sentences import split_sentences

if TYPE_CHECKING:
    from .drafting.extract import Candidate

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
@click.option("--format", "output", type=click.Choice(["text", "github", "json"]), default="text",
              show_default=True, help="github: GitHub Actions annotations; json: for tools.")
@config_option
def validate(output: str, config_file: Path) -> None:
    """Check every claim and article; report every problem as path:line:column: field: message."""
    settings = _settings(config_file)
    site = load_project(settings)
    failed = bool(site.errors)
    problems = site.errors or site.warnings
    if output == "json":
        click.echo(json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2))
    elif output == "github":
        prefix = repository_prefix(settings.root)
        for problem in problems:
            click.echo(problem.github(prefix))
    elif failed:
        click.echo(ProblemsFound(problems).report(), err=True)
    else:
        for warning in problems:
            click.echo(str(warning), err=True)
        drafts = len(site.claims) - len(site.published)
        click.echo(f"OK: {len(site.published)} published claims, {drafts} drafts, {len(site.articles)} articles; "
                   "no problems found")
    if failed:
        raise SystemExit(1)


def repository_prefix(root: Path) -> str:
    """The project folder's path inside its git repository ('' at the top), for annotation paths."""
    for folder in (root, *root.parents):
        if (folder / ".git").exists():
            relative = root.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


@main.command("import-article")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--id", "article_id", help="Article id (default: made from the title).")
@click.option("--title", help="Headline, if the source has none.")
@click.option("--outlet", help="The site or publication that ran it.")
@click.option("--url", help="Link to the article.")
@click.option("--published", help="Publication date: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--author", help="The named author.")
@click.option("--archive-url", help="Link to an archived copy.")
@click.option("--force", is_flag=True, help="Replace an existing article file.")
@config_option
def import_article(source: Path, article_id: str | None, force: bool, config_file: Path, **fields: str | None) -> None:
    """Write content/articles/<id>.md from a .txt (first line the title), .md or saved .html SOURCE."""
    settings = _settings(config_file)
    try:
        imported = read_source(source).with_options(**fields)
    except (ImportFailed, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{source}: {exc}") from None
    article_id = article_id or imported.suggested_id()
    path = settings.articles_dir / f"{article_id}.md"
    shown = path.relative_to(settings.root).as_posix()
    text = article_text(imported)
    _, problems = parse_article(text, article_id, shown)
    if problems:
        flags = {"outlet", "url", "published", "title", "author", "archive_url"}
        hint = "; ".join(sorted(f"pass --{p.field.replace('_', '-')}" for p in problems if p.field in flags))
        raise click.ClickException("\n".join(str(p) for p in problems) + (f"\n{hint}" if hint else ""))
    path.parent.mkdir(parents=True, exist_ok=True)
    if force:
        replace(path, text)
    elif not create_new(path, text):
        raise click.ClickException(f"{shown} already exists (pass --force to replace it)")
    click.echo(f"wrote {shown}")


@main.command()
@click.argument("articles", nargs=-1, required=True)
@click.option("--min-score", type=click.FloatRange(0, 1), default=0.5, show_default=True,
              help="Lowest check-worthiness score to draft.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Most drafts per article.")
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Score articles in this many processes.")
@config_option
def extract(articles: tuple[str, ...], min_score: float, top: int, dry_run: bool, output: str, jobs: int,
            config_file: Path) -> None:
    """Draft claim files from the check-worthy sentences of ARTICLES (ids or paths)."""
    settings = _settings(config_file)
    project = load_project(settings)
    if project.errors:
        raise click.ClickException(ProblemsFound(project.errors).report()
                                   + "\nfix these first: drafts must not duplicate existing claims")
    by_id = project.articles
    chosen = [_article_id(name, project) for name in articles]
    existing = {claim_id: (claim.article, project.quotes.get(claim_id)) for claim_id, claim in project.claims.items()}
    known_tags = sorted({tag for claim in project.claims.values() for tag in claim.tags})
    from .drafting.checkworthiness import default_model  # numpy and the model load only for this command
    from .drafting.extract import as_json, draft_yaml, plan, select

    model = default_model()
    scored = score_articles([by_id[a] for a in chosen], known_tags, jobs)
    rows, taken = [], set(existing)
    for article_id, found in zip(chosen, scored, strict=True):
        planned = plan(select(found, min_score=min_score, top=top), existing, taken)
        for item in planned:
            if item.claim_id is None:
                continue
            taken.add(item.claim_id)
            existing[item.claim_id] = (article_id, [item.candidate.span])
            if not dry_run and not claim_file.write_new(settings.claim_file(item.claim_id),
                                                        draft_yaml(item.candidate, f"{model.name} {model.version}")):
                raise click.ClickException(f"claims/{item.claim_id}.yaml appeared while writing; run again")
        rows += as_json(planned, dry_run=dry_run)
    if output == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        where = row.get("file") or row["reason"]
        click.echo(f"{row['action']}: {where} ({row['score']:.2f}) {row['quote'][:70]}")
    created = sum(row["action"] != "skipped" for row in rows)
    click.echo(f"{created} {'to create' if dry_run else 'created'}, {len(rows) - created} skipped")


def _article_id(name: str, project: Project) -> str:
    article_id = Path(name).stem if name.endswith(".md") else name
    if article_id not in project.articles:
        if article_id in project.article_files:
            shown = project.settings.shown(project.settings.article_file(article_id))
            raise click.ClickException(ProblemsFound(project.errors_in(shown)).report())
        raise click.ClickException(f"no article {article_id!r} (expected one of: {', '.join(sorted(project.articles))})")
    return article_id


def score_articles(articles: list[Article], known_tags: list[str], jobs: int) -> list[list[Candidate]]:
    """Candidates for each article, in order; with ``jobs`` > 1, in that many processes."""
    work = functools.partial(candidates_with_default_model, known_tags=known_tags)
    with click.progressbar(length=len(articles), label="Scoring articles", file=sys.stderr) as bar:
        if jobs == 1 or len(articles) == 1:
            results = []
            for article in articles:
                results.append(work(article))
                bar.update(1)
            return results
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = []
            for result in pool.map(work, articles, chunksize=max(1, len(articles) // (jobs * 8))):
                results.append(result)
                bar.update(1)
            return results


def candidates_with_default_model(article: Article, known_tags: list[str]) -> list[Candidate]:
    from .drafting.checkworthiness import default_model
    from .drafting.extract import candidates

    return candidates(article, default_model(), known_tags)


@main.command()
@config_option
def schema(config_file: Path) -> None:
    """Write claims/schema.json, the JSON Schema of a claim record, for editors."""
    settings = _settings(config_file)
    path = settings.claims_dir / "schema.json"
    replace(path, schema_text(settings.scale))
    click.echo(f"wrote {path.relative_to(settings.root).as_posix()}")


@main.command()
@click.option("--article", "article_id", required=True, help="The article the claim comes from.")
@click.option("--quote", help="The quote, verbatim; without it, choose a sentence of the article.")
@click.option("--id", "claim_id", help="The claim id (default: made from the sentence).")
@config_option
def new(article_id: str, quote: str | None, claim_id: str | None, config_file: Path) -> None:
    """Scaffold claims/<id>.yaml with every field and a comment for each."""
    settings = _settings(config_file)
    project = load_project(settings)
    article = project.articles[_article_id(article_id, project)]
    if quote is None:
        sentences = split_sentences(article.body)
        for number, sentence in enumerate(sentences, 1):
            click.echo(f"{number:3}. {' '.join(sentence.text.split())}")
        chosen = click.prompt("Number of the sentence to quote", type=click.IntRange(1, len(sentences)))
        quote = " ".join(sentences[chosen - 1].text.split())
    if find(quote, article.body) is None:
        near = nearest(quote, article.body)
        raise click.ClickException(f"the quote is not in article {article.id!r} (closest passage, "
                                   f"{near.similarity}% similar: \"{near.passage}\")")
    from .drafting.extract import propose_title, unique_id

    found = attribute(quote)
    claim_id = claim_id or unique_id(propose_title(quote), set(project.claim_files))
    text = claim_file.scaffold(title=propose_title(quote), quote=quote, article=article.id, attribution=found.kind,
                               claimant=found.claimant or article.meta.outlet, rating_ids=settings.scale.ids)
    path = settings.claim_file(claim_id)
    if not claim_file.write_new(path, text):
        raise click.ClickException(f"{path.relative_to(settings.root).as_posix()} already exists (choose another --id)")
    click.echo(f"wrote {path.relative_to(settings.root).as_posix()}; fill it in, then run site-builder validate")
