"""Article text -> ranked draft claims, and the scaffold of a claim chosen by hand. Pure: the CLI
writes the files these return, through claim_file.

Each sentence of an article is scored for check-worthiness; the chosen ones
become draft claim records with the quote verbatim, a proposed title,
claimant and attribution, the tags it can infer, and provenance (extractor,
version, model, score, signals: the features that moved the model's score of
the sentence most, from ``CheckworthinessModel.explain``). Claimant and
attribution come from ``attribution.attribute_all`` over the whole article
(quotes that go on, "he said", titles, publications); an unnamed source
(``vague``) or no source (``none``) has the outlet as claimant: the outlet is
who asserts it. An article in a language the model was not trained on is
refused, never silently scored. A sentence that overlaps an existing claim's
quote or appearance in the same article is skipped, never duplicated.

A sentence that repeats an existing claim in other words (a reworded copy,
copies.py) is not drafted: it is reported as repeating that claim, with the
similarity, and with ``add_appearances`` becomes an appearance of it, added
to the claim's file by claim_file (only when the result validates).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from .. import __version__, claim_file
from . import DEFAULT_MIN_SCORE, DEFAULT_TOP  # noqa: F401  (re-exported)
from ..errors import ProblemsFound, Refused
from ..model import Article, generated_id
from ..validate import Placements, id_problem, new_claim_problems, quoted_by
from ..project import Project
from ..quotes import Span, find, nearest
from .attribution import Attribution, attribute, attribute_all
from .checkworthiness import CheckworthinessModel, default_model, normalize, speaker_features
from .copies import QuoteIndex, Quoted, Repeat
from .language import article_language, unsupported_message
from .sentences import Sentence, split_sentences
from .turns import Turn, speakers_of, turns

EXTRACTOR = "site-builder extract"
TITLE_LIMIT = 120
SIGNALS = 5  # the model's largest contributions recorded in a draft's provenance
SENTENCE_LIMIT = 1_000  # characters: longer sentences are not drafted (the quote limit is QUOTE_LIMIT)
_MARKUP_RE = re.compile(r"[<>]|&(?=#?\w+;)")
# Characters a title or a name made from article text must not carry: controls, bidi and zero-width
# characters, noncharacters. (A quote keeps the article's words as they are: a sentence holding one
# is not drafted, since validation would refuse the draft.)
_INVISIBLE_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c"
                           "\ufdd0-\ufdef\ufffe\uffff]")


@dataclass(frozen=True)
class Candidate:
    """One sentence of an article, scored, with what the extractor made of it."""

    article: str
    start: int
    end: int
    quote: str
    score: float
    claimant: str
    attribution: str
    cue: str | None
    signals: list[str]
    title: str
    tags: list[str] = field(default_factory=list)
    speaker: str | None = None  # in a transcript ("NAME: words"), who says it
    # its speaker features over the whole transcript, for its signals (not part of the JSON rows)
    speaker_values: tuple[float, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


def propose_title(sentence: str) -> str:
    """The sentence on one line, without markup characters, cut at a word to fit a title."""
    text = " ".join(_INVISIBLE_RE.sub("", _MARKUP_RE.sub("", sentence)).split())
    if len(text) <= TITLE_LIMIT:
        return text
    cut = text[: TITLE_LIMIT - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


def infer_tags(sentence: str, known_tags: Iterable[str]) -> list[str]:
    """Known tags whose words appear in the sentence ('s-400' in 'the S-400 system')."""
    lowered = sentence.lower()
    found = []
    for tag in sorted(known_tags):
        words = [tag, tag.replace("-", " ")]
        if any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", lowered) for w in words):
            found.append(tag)
    return found


def candidates(article: Article, model: CheckworthinessModel, known_tags: Iterable[str] = ()) -> list[Candidate]:
    """Every sentence of the article that could be a claim's quote, scored, in reading order. A sentence
    longer than a quote may be is left out before any other work: attribution looks around each verb
    of a sentence, so its work grows faster than the sentence."""
    sentences = [s for s in split_sentences(article.body) if len(s.text) <= SENTENCE_LIMIT]
    found_turns = turns(article.body)
    speakers: list[str | None] | None = None
    values: list[tuple[float, ...]] = [()] * len(sentences)
    if found_turns:  # a transcript: the sentences without their "NAME:", each with its speaker
        opening = {turn.start: turn for turn in found_turns}
        sentences = [_after_turn_name(s, opening.get(s.start)) for s in sentences]
        sentences = [s for s in sentences if s.text]
        speakers = speakers_of([s.start for s in sentences], found_turns)
        features = speaker_features([normalize(s.text) for s in sentences], speakers)
        values = [tuple(float(v) for v in row) for row in features]
    texts = [s.text for s in sentences]
    # A transcript: the transcript's weights with its speakers; any other article: the article scorer.
    scores = model.score(texts, speakers) if found_turns else model.article_scorer.score(texts)
    tags = list(known_tags)
    out = []
    attributions = attribute_all(texts)
    for i, (sentence, score, found) in enumerate(zip(sentences, scores, attributions, strict=True)):
        speaker = speakers[i] if speakers else None
        if speaker is not None and found.kind == "none":  # the speaker's own words
            found = Attribution(speaker, "direct", f"{speaker}:")
        claimant = _claimant(found, article)
        out.append(
            Candidate(
                article=article.id,
                start=sentence.start,
                end=sentence.end,
                quote=" ".join(sentence.text.split()),
                score=round(score, 3),
                claimant=" ".join(_INVISIBLE_RE.sub("", _MARKUP_RE.sub("", claimant)).split()) or article.meta.outlet,
                attribution=found.kind,
                cue=found.cue,
                signals=[],  # filled in by explained() for the sentences that are drafted
                title=propose_title(sentence.text),
                tags=infer_tags(sentence.text, tags),
                speaker=speaker,
                speaker_values=values[i],
            )
        )
    return out


def _after_turn_name(sentence: Sentence, turn: Turn | None) -> Sentence:
    """The sentence without the "NAME: " of the turn it opens, if it opens one."""
    if turn is None or turn.end > sentence.end:
        return sentence
    rest = sentence.text[turn.end - sentence.start :]
    return Sentence(sentence.end - len(rest.lstrip()), sentence.end, rest.strip())


def _claimant(found, article: Article) -> str:  # type: ignore[no-untyped-def]
    """A named source's name; for an unnamed source (``vague``) or none, the outlet, whose word it is."""
    return found.claimant if found.kind in ("direct", "reported") and found.claimant else article.meta.outlet


def explained(chosen: Sequence[Candidate], model: CheckworthinessModel) -> list[Candidate]:
    """The candidates with their signals: the largest contributions to each one's score, by the weights that
    scored it (a transcript's sentence, which has its speaker values: the transcript's; any other: the
    article scorer's)."""
    in_turns = [i for i, c in enumerate(chosen) if c.speaker_values]
    others = [i for i, c in enumerate(chosen) if not c.speaker_values]
    reasons: dict[int, list] = {}
    reasons.update(zip(in_turns, model.explain([chosen[i].quote for i in in_turns], top=SIGNALS,
                                               speaker_values=[chosen[i].speaker_values for i in in_turns])))
    reasons.update(zip(others, model.article_scorer.explain([chosen[i].quote for i in others], top=SIGNALS)))
    return [replace(c, signals=[str(reason) for reason in reasons[i]]) for i, c in enumerate(chosen)]


def select(found: Sequence[Candidate], *, min_score: float, top: int) -> list[Candidate]:
    """The ``top`` best-scoring candidates at or above ``min_score``, back in reading order."""
    best = sorted((c for c in found if c.score >= min_score), key=lambda c: (-c.score, c.start))[:top]
    return sorted(best, key=lambda c: c.start)


@dataclass(frozen=True)
class Planned:
    """What to do with one selected candidate: create ``claim_id``, or skip it and say why."""

    candidate: Candidate
    claim_id: str | None
    skipped: str | None = None


Place = tuple[str, str, list[Span]]  # a claim id, an article id, where the claim's words are in that article


def places(project: Project) -> list[Place]:
    """Where every claim's words are: its first quote and each located appearance."""
    found = [(claim_id, claim.article, spans) for claim_id, claim in project.claims.items()
             if (spans := project.quotes.get(claim_id))]
    for claim_id, spans_list in project.appearance_quotes.items():
        appearances = project.claims[claim_id].appearances if claim_id in project.claims else []
        found += [(claim_id, appearance.article, spans) for appearance, spans in zip(appearances, spans_list)
                  if spans]
    return found


def overlapping(candidate: Candidate, placed: Iterable[Place]) -> str | None:
    """The first claim (by id) whose words overlap the candidate's sentence in its article, if any."""
    return min((claim_id for claim_id, article_id, spans in placed if article_id == candidate.article
                and any(s.start < candidate.end and candidate.start < s.end for s in spans)), default=None)


def plan(
    chosen: Sequence[Candidate],
    placed: Sequence[Place],
    taken_ids: Iterable[str],
    claims_folder: str,
) -> list[Planned]:
    """Decide the file for each candidate. ``placed``: where existing claims' words are;
    ``claims_folder`` is the claims folder as messages name it."""
    taken = set(taken_ids)
    out = []
    for candidate in chosen:
        clash = overlapping(candidate, placed)
        if clash is not None:
            out.append(Planned(candidate, None, f"overlaps the quote of {claims_folder}/{clash}.yaml"))
            continue
        claim_id = unique_id(candidate.title, taken)
        taken.add(claim_id)
        out.append(Planned(candidate, claim_id))
    return out


def unique_id(title: str, taken: set[str]) -> str:
    """An id made from the first eight words of ``title`` (at most 60 characters, cut at a word, never
    reserved: see ``generated_id``), with a number added when it is taken."""
    base = "-".join(generated_id(title, "claim").split("-")[:8])
    claim_id, number = base, 2
    while claim_id in taken:
        claim_id, number = f"{base}-{number}", number + 1
    return claim_id


def draft_yaml(candidate: Candidate, model_name: str) -> str:
    """The text of a draft claim file; it passes validation as it is."""
    return claim_file.draft(
        title=candidate.title, quote=candidate.quote, article=candidate.article, claimant=candidate.claimant,
        attribution=candidate.attribution, tags=candidate.tags, extractor=EXTRACTOR, version=__version__,
        model=model_name, score=candidate.score, signals=candidate.signals,
    )


def as_json(planned: Sequence[Planned], *, dry_run: bool, claims_folder: str) -> list[dict[str, object]]:
    rows = []
    for item in planned:
        row = asdict(item.candidate)
        del row["speaker_values"]
        if item.skipped:
            row.update(action="skipped", reason=item.skipped)
        else:
            row.update(action="would create" if dry_run else "created", file=f"{claims_folder}/{item.claim_id}.yaml")
        row["repeats"] = None
        rows.append(row)
    return rows


def repeat_row(candidate: Candidate, repeat: Repeat, claims_folder: str) -> dict[str, object]:
    """The row of a sentence that repeats an existing claim: ``repeats`` says which, how alike, and the
    quote it is most like."""
    row = asdict(candidate)
    del row["speaker_values"]
    row.update(action="repeats", file=f"{claims_folder}/{repeat.claim}.yaml",
               repeats={"claim": repeat.claim, "similarity": repeat.similarity,
                        "article": repeat.quote.article, "quote": repeat.quote.quote})
    return row


def quote_index(project: Project) -> QuoteIndex:
    """Every claim's first quote and every appearance's quote, to find sentences that repeat them."""
    quoted = []
    for claim_id, claim in sorted(project.claims.items()):
        quoted.append(Quoted(claim_id, claim.article, claim.quote))
        quoted += [Quoted(claim_id, appearance.article, appearance.quote) for appearance in claim.appearances]
    return QuoteIndex(quoted)


def score_articles(articles: Sequence[Article], known_tags: list[str], jobs: int,
                   progress: Callable[[int], object] = lambda done: None) -> list[list[Candidate]]:
    """Candidates for each article, in order; with ``jobs`` > 1, in that many processes.
    ``progress(1)`` is called as each article is done."""
    work = functools.partial(candidates_with_default_model, known_tags=known_tags)
    results = []
    if jobs == 1 or len(articles) == 1:
        for article in articles:
            results.append(work(article))
            progress(1)
        return results
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(work, articles, chunksize=max(1, len(articles) // (jobs * 8))):
            results.append(result)
            progress(1)
    return results


def candidates_with_default_model(article: Article, known_tags: list[str]) -> list[Candidate]:
    return candidates(article, default_model(), known_tags)


@dataclass(frozen=True)
class Extraction:
    rows: list[dict[str, object]]  # one per selected or repeating sentence: what was (or would be) done, and why
    drafts: list[tuple[Path, str]]  # the claim files to create, in order
    edits: list[claim_file.Edit] = field(default_factory=list)  # the claim files to add appearances to
    dry_run: bool = False

    def lines(self) -> list[str]:
        """The report, a line for each row and the counts."""
        out = []
        for row in self.rows:
            quote = str(row["quote"])[:70]
            if row["action"] in ("repeats", "added appearance", "would add appearance"):
                said = f"repeats {row['repeats']['claim']} (similarity {row['repeats']['similarity']:.2f})"  # type: ignore[index]
                if row["action"] != "repeats":
                    said += f", appearance {'added to' if row['action'] == 'added appearance' else 'to add to'} {row['file']}"
                elif row.get("reason"):
                    said += f", appearance not added: {row['reason']}"
                out.append(f"{said}: {quote}")
            else:
                out.append(f"{row['action']}: {row.get('file') or row['reason']} ({row['score']:.2f}) {quote}")
        created = sum(row["action"] in ("created", "would create") for row in self.rows)
        skipped = sum(row["action"] == "skipped" for row in self.rows)
        repeats = len(self.rows) - created - skipped
        added = sum(row["action"] in ("added appearance", "would add appearance") for row in self.rows)
        summary = f"{created} {'to create' if self.dry_run else 'created'}, {skipped} skipped"
        if repeats:
            summary += f", {repeats} {'repeats an existing claim' if repeats == 1 else 'repeat existing claims'}"
        if added:
            summary += f" ({added} appearance{'s' if added > 1 else ''} {'to add' if self.dry_run else 'added'})"
        return out + [summary]


def extract(project: Project, articles: Sequence[Article], *, min_score: float, top: int, dry_run: bool,
            add_appearances: bool = False, jobs: int = 1,
            progress: Callable[[int], object] = lambda done: None) -> Extraction:
    """Draft claims from the check-worthy sentences of ``articles`` of a project that loaded without
    errors; never a sentence that overlaps an existing claim's words, never one that repeats an existing
    claim (reported instead, and with ``add_appearances`` added to it as an appearance), never an id
    already taken."""
    settings = project.settings
    placed = places(project)
    known_tags = sorted({tag for claim in project.claims.values() for tag in claim.tags})
    model = default_model()
    refused = [m for a in articles if (m := unsupported_message(a.id, article_language(a), model.languages))]
    if refused:
        raise Refused("\n".join(refused))
    scored = score_articles(articles, known_tags, jobs, progress)
    index = quote_index(project)
    rows: list[dict[str, object]] = []
    drafts: list[tuple[Path, str]] = []
    taken = set(project.claims) | project.claim_files | set(project.aliases)
    for article, found in zip(articles, scored, strict=True):
        repeated = {c.start: (c, r) for c in found if not overlapping(c, placed) and (r := index.repeats(c.quote))}
        fresh = [c for c in found if c.start not in repeated]
        planned = plan(explained(select(fresh, min_score=min_score, top=top), model), placed, taken,
                       settings.claims_folder)
        for number, item in enumerate(planned):
            if item.claim_id is None:
                continue
            text = draft_yaml(item.candidate, f"{model.name} {model.version}")
            refused = new_claim_problems(text, item.claim_id, article, settings, project.claim_files, project.article_files)
            if refused:  # never write what validate refuses: skip it, and say why
                planned[number] = Planned(item.candidate, None, f"would not validate: {refused[0].field}: {refused[0].message}")
                continue
            taken.add(item.claim_id)
            placed.append((item.claim_id, article.id, [item.candidate.span]))
            drafts.append((settings.claim_file(item.claim_id), text))
            index.add(Quoted(item.claim_id, article.id, item.candidate.quote))  # a copy later in this run repeats it
        article_rows = as_json(planned, dry_run=dry_run, claims_folder=settings.claims_folder)
        article_rows += [repeat_row(c, r, settings.claims_folder) for c, r in repeated.values()]
        rows += sorted(article_rows, key=lambda row: row["start"])  # type: ignore[arg-type, return-value]
    edits = appearance_edits(project, rows, dry_run) if add_appearances else []
    return Extraction(rows, [] if dry_run else drafts, [] if dry_run else edits, dry_run)


def appearance_edits(project: Project, rows: list[dict[str, object]], dry_run: bool) -> list[claim_file.Edit]:
    """For each claim that sentences repeat, its file with those sentences added as appearances, if the
    result validates; each row says whether its appearance is (or would be) added, or why not."""
    settings = project.settings
    wanted: dict[str, list[dict[str, object]]] = {}
    for row in rows:
        if row["action"] == "repeats":
            wanted.setdefault(row["repeats"]["claim"], []).append(row)  # type: ignore[index]
    edits = []
    for claim_id, claim_rows in sorted(wanted.items()):
        claim = project.claims.get(claim_id)
        if claim is None:  # drafted in this run: its file is not written yet
            for row in claim_rows:
                row["reason"] = "its claim is drafted by this run; run the command again to add it"
            continue
        path = settings.claim_file(claim_id)
        if not path.exists() and path.with_suffix(".yml").exists():
            path = path.with_suffix(".yml")
        added = [{"article": str(row["article"]), "quote": str(row["quote"])} for row in claim_rows]
        try:
            edit = claim_file.with_appearances(path, settings.shown(path), added)
        except Refused as refused:
            for row in claim_rows:
                row["reason"] = str(refused)
            continue
        more = [project.articles[a] for a in sorted({*(a.article for a in claim.appearances), *(a["article"] for a in added)})]
        problems = new_claim_problems(edit.text, claim_id, project.articles[claim.article], settings,
                                      project.claim_files, project.article_files, more)
        if problems:  # never write what validate refuses
            for row in claim_rows:
                row["reason"] = f"would not validate: {problems[0].field}: {problems[0].message}"
            continue
        for row in claim_rows:
            row["action"] = "would add appearance" if dry_run else "added appearance"
        edits.append(edit)
    return edits


def quotable_sentences(article: Article) -> list[str]:
    """The article's sentences on one line each, for a person choosing the quote of a new claim."""
    return [" ".join(sentence.text.split()) for sentence in split_sentences(article.body)]


def scaffold(project: Project, article: Article, quote: str, claim_id: str | None) -> tuple[Path, str]:
    """The file and text of a new claim on ``quote`` for a person to fill in; Refused if the quote is
    not in the article."""
    spans = find(quote, article.body)
    if spans is None:
        near = nearest(quote, article.body)
        raise Refused(f"the quote is not in article {article.id!r} (closest passage, "
                      f"{near.similarity}% similar: \"{near.passage}\")")
    taken = quoted_by(article.id, spans, project.claims, Placements(project.quotes, project.appearance_quotes))
    if taken:  # validate refuses two claims on one passage
        raise Refused(f"the quote is the same passage of article {article.id!r} as {taken} (expected a passage "
                      "no claim quotes: add to that claim, or quote the part the new claim checks)")
    if claim_id is not None and id_problem(claim_id, "--id"):
        raise Refused(id_problem(claim_id, "--id"))
    yml = project.settings.claims_dir / f"{claim_id}.yml"
    if claim_id is not None and yml.exists():  # a person's claim under the wrong extension: the same id twice
        raise Refused(f"{project.settings.shown(yml)} already holds claim {claim_id!r} (expected another --id; "
                      f"or rename that file to {claim_id}.yaml and edit it)")
    if claim_id in project.aliases:  # validate refuses an id that another claim keeps as an alias
        owner = project.settings.shown(project.settings.claim_file(project.aliases[claim_id]))
        raise Refused(f"--id {claim_id!r} is an alias of {owner}, a former id that keeps its old links working "
                      "(expected an id no claim has or had)")
    found = attribute(quote)
    claim_id = claim_id or unique_id(propose_title(quote), set(project.claim_files) | set(project.aliases))
    text = claim_file.scaffold(title=propose_title(quote), quote=quote, article=article.id, attribution=found.kind,
                               claimant=_claimant(found, article), rating_ids=project.settings.scale.ids)
    refused = new_claim_problems(text, claim_id, article, project.settings, project.claim_files, project.article_files)
    if refused:  # never write what validate refuses
        raise Refused(ProblemsFound(refused).report())
    return project.settings.claim_file(claim_id), text
