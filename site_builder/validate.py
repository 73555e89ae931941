"""Checks across records: unique ids, references that resolve, quotes found in articles."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .errors import Problem, did_you_mean
from .load import FieldPath, SourceFile, claim_from, not_on_scale
from .load import field_name as field_label
from .model import SLUG_RE, Article, Claim, reserved, slugify
from .quotes import Span, find, has_cjk, nearest, normalise
from .routes import oldest_first
from .yaml_mistakes import yaml_problem, yaml_shape_problems
from .yaml_parse import parse_yaml

if TYPE_CHECKING:
    from .load import ClaimFacts
    from .settings import Settings

    ClaimRecord = SourceFile[Claim] | SourceFile[ClaimFacts]  # a claim, or what these checks read of it (validate)


def check_claims(
    claims: Sequence[ClaimRecord],
    articles: Sequence[SourceFile[Article]],
    settings: Settings,
    claim_files: frozenset[str] = frozenset(),
    article_files: frozenset[str] = frozenset(),
) -> tuple[Placements, list[Problem]]:
    """Every cross-record problem, and where each quote was found in its article.

    ``claim_files`` and ``article_files`` hold the ids of every claim and article file, loaded or
    not: a reference to a file that failed to load is not reported again (its own problems already
    are)."""
    scale = settings.scale
    problems: list[Problem] = []
    bodies = {a.value.id: a.value.body for a in articles}
    articles_by_id = {a.value.id: a.value for a in articles}
    by_id = {record.value.id: record for record in claims}  # unique: ids are file names
    spans: dict[str, list[Span]] = {}
    appearance_spans: dict[str, list[list[Span] | None]] = {}
    passages: dict[tuple[str, int, int], tuple[ClaimRecord, FieldPath]] = {}  # who quoted each passage first
    aliased: dict[str, str] = {}
    for record in claims:
        claim = record.value
        for field_name, values in (("tags", claim.tags), ("aliases", claim.aliases)):
            for index, value in enumerate(values):
                if reserved(value):
                    problems.append(record.problem((field_name, index), f"{value!r} is reserved (expected another "
                                                   f"id: {reserved(value)})"))
        for index, alias in enumerate(claim.aliases):
            if reserved(alias):
                continue
            if alias in by_id:
                problems.append(record.problem(("aliases", index), f"{alias!r} is the id of "
                                               f"{by_id[alias].path} (expected a former id that no claim uses)"))
            elif alias in aliased and aliased[alias] != claim.id:
                problems.append(record.problem(("aliases", index), f"{alias!r} is already an alias of claim "
                                               f"{aliased[alias]!r} (expected each alias once)"))
            aliased.setdefault(alias, claim.id)  # type: ignore[arg-type]
        if claim.rating is not None and claim.rating not in scale:
            problems.append(record.problem(("rating",), not_on_scale(claim.rating, scale.ids)))
        for index, related in enumerate(claim.related):
            target = by_id.get(related)
            if target is None and related in claim_files:
                continue
            if target is None:
                problems.append(record.problem(("related", index), f"no claim {related!r} "
                                               f"(expected the id of a file in {settings.claims_folder}/{did_you_mean(related, by_id)})"))
            elif related == claim.id:
                problems.append(record.problem(("related", index), "the claim lists itself (expected another claim's id)"))
            elif claim.published and not target.value.published:
                problems.append(record.problem(("related", index), f"claim {related!r} is a draft "
                                               "(expected a published claim)"))
        if claim.article is None:  # its own problem is reported already
            continue
        found = None
        if claim.quote is not None:
            found = _locate(record, (), claim.article, claim.quote, bodies, settings, article_files, problems)
        elif claim.article not in bodies and claim.article not in article_files:
            _locate(record, (), claim.article, "", bodies, settings, article_files, problems)
        if found is not None:
            spans[claim.id] = found  # type: ignore[index]
        placed = [found]
        for index, appearance in enumerate(claim.appearances):
            placed.append(_locate(record, ("appearances", index), appearance.article, appearance.quote, bodies,
                                  settings, article_files, problems))
        if any(p is not None for p in placed[1:]):
            appearance_spans[claim.id] = placed[1:]  # type: ignore[index]
        articles_quoted = [claim.article, *(appearance.article for appearance in claim.appearances)]
        for index, (article_id, where) in enumerate(zip(articles_quoted, placed)):
            if where is not None:
                field = ("quote",) if index == 0 else ("appearances", index - 1, "quote")
                problem = _same_passage(record, field, article_id, where, passages)
                if problem is not None:
                    problems.append(problem)
        if claim.article in articles_by_id:
            published = articles_by_id[claim.article].meta.published
            if claim.reviewed is not None and isinstance(published, str) and claim.reviewed.isoformat()[:len(published)] < published:
                problems.append(record.problem(("reviewed",), f"{claim.reviewed.isoformat()} is before the article was "
                                               f"published ({published}) (expected the date of a review of the "
                                               "published article)"))
    return Placements(spans, appearance_spans), problems


def _same_passage(record: ClaimRecord, field: FieldPath, article_id: str, where: list[Span],
                  passages: dict[tuple[str, int, int], tuple[ClaimRecord, FieldPath]]) -> Problem | None:
    """A problem when another quote (of this claim or an earlier one) covers the same passage of the same
    article: the words from the first segment's start to the last one's end. Claims come in file order,
    so the later file is the one reported, and it names the first."""
    key = (article_id, where[0].start, where[-1].end)
    first = passages.setdefault(key, (record, field))
    other, other_field = first
    if other is record and other_field == field:
        return None
    line, column = other.position(other_field)
    shown = "the quote" if other_field == ("quote",) else field_label(other_field)
    if other is record:
        return record.problem(field, f"the same passage of article {article_id!r} as {shown} of this claim "
                                     "(expected each appearance once)")
    return record.problem(field, f"the same passage of article {article_id!r} as {shown} at {other.path}:{line}:"
                                 f"{column} (expected one claim per passage: merge the two claims, or quote the "
                                 "part each one checks)")


@dataclass(frozen=True)
class Placements:
    """Where each claim's words are: its first quote in its article, and each appearance's quote in its own."""

    quotes: dict[str, list[Span]]  # claim id -> spans of its quote
    appearances: dict[str, list[list[Span] | None]]  # claim id -> spans of each appearance (None: not found)


def quoted_by(article_id: str, spans: list[Span], claims: Mapping[str, Claim], placements: Placements) -> str | None:
    """Which claim already quotes this passage of the article (the same first and last word, as the
    duplicate check compares), e.g. "the quote of claim 'x'" or "appearances[1].quote of claim 'x'"."""
    extent = (spans[0].start, spans[-1].end)
    for claim_id, claim in sorted(claims.items()):
        placed = [placements.quotes.get(claim_id), *placements.appearances.get(claim_id, [])]
        for (field, quoted_article, _), at in zip(claim.passages, placed, strict=False):  # none placed: the quote alone
            if quoted_article == article_id and at and (at[0].start, at[-1].end) == extent:
                return f"{field} of claim {claim_id!r}"
    return None


def _locate(record: ClaimRecord, at: FieldPath, article_id: str, quote: str, bodies: dict[str, str],
            settings: Settings, article_files: frozenset[str], problems: list[Problem]) -> list[Span] | None:
    """Where ``quote`` is in article ``article_id``; a problem (at ``at`` + article/quote) if it is not."""
    body = bodies.get(article_id)
    if body is None:
        if article_id not in article_files:
            problems.append(record.problem((*at, "article"), f"no article {article_id!r} (expected the id of a "
                                           f"file in {settings.articles_folder}{did_you_mean(article_id, bodies)})"))
        return None
    if not quote:
        return None
    found = find(quote, body)
    if found is None:
        problems.append(record.problem((*at, "quote"), quote_not_found(quote, article_id, body)))
    return found


def quote_not_found(quote: str, article_id: str, body: str) -> str:
    """Why a quote is not the article's words: the first words that differ, and the nearest passage."""
    near = nearest(quote, body)
    return (f"not found in article {article_id!r} (expected the article's exact words; {difference(near.passage, near.segment)}"
            f"closest passage, {near.similarity}% similar: \"{near.passage}\")")


def difference(passage: str, quote: str) -> str:
    """'the article has "fell", the quote has "fallen"; ' for the first words that differ, or ''."""
    ours, theirs = _words(passage), _words(quote)
    matcher = difflib.SequenceMatcher(None, [w.casefold() for w in ours], [w.casefold() for w in theirs], autojunk=False)
    blocks = [b for b in matcher.get_opcodes() if b[0] != "equal"]
    if not passage or not blocks:
        return ""
    # differences at the ends are where the passage was cut, not what differs, unless nothing else does
    inner = [b for b in blocks if not (b[0] == "delete" and (b[1] == 0 or b[2] == len(ours)))] or blocks
    kind, i1, i2, j1, j2 = inner[0]
    has, written = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
    if kind == "replace" and has_cjk(has + written):  # no spaces: a 'word' is a whole sentence
        has, written = _characters_that_differ(has, written)
    if kind == "replace":
        return f"the article has \"{has}\", the quote has \"{written}\"{_unlike(has, written)}; "
    if kind == "insert":
        return f"the article does not have \"{written}\"; "
    return f"the quote leaves out \"{has}\"; "


def _characters_that_differ(has: str, written: str, around: int = 4) -> tuple[str, str]:
    """The first stretch where two texts without spaces differ (Chinese, Japanese), with a few characters
    either side: '示，“这' and '示,"这', not two whole sentences."""
    matcher = difflib.SequenceMatcher(None, has, written, autojunk=False)
    blocks = [b for b in matcher.get_opcodes() if b[0] != "equal"]
    # the passage runs on before and after the quote: what it has there is not what differs
    inner = [b for b in blocks if not (b[0] == "delete" and (b[1] == 0 or b[2] == len(has)))] or blocks
    if not inner:
        return has, written
    _, i1, i2, j1, j2 = inner[0]
    return has[max(0, i1 - around) : i2 + around], written[max(0, j1 - around) : j2 + around]


def _unlike(has: str, written: str) -> str:
    """Where two words that look alike differ, by name: ' (the article has U+06CC FARSI YEH where the quote
    has U+064A ARABIC LETTER YEH)'; '' for words that differ to the eye."""
    if len(has) != len(written) or has.casefold() == written.casefold():
        return ""
    pairs = [(a, b) for a, b in zip(has, written) if a != b]
    if len(pairs) != 1 or (pairs[0][0].isascii() and pairs[0][1].isascii()):
        return ""  # 'fell' and 'fall': the words say it
    ours, theirs = pairs[0]
    return (f" (the article has U+{ord(ours):04X} {unicodedata.name(ours, 'a character')} where the quote has "
            f"U+{ord(theirs):04X} {unicodedata.name(theirs, 'another')})")


def _words(text: str) -> list[str]:
    """Words without the punctuation around them: 'fell.' differs from 'fallen' by its word, not its stop."""
    return [word for word in (w.strip(".,;:!?\"'()[]") for w in normalise(text).split()) if word]


GOOGLE_TITLE_LIMIT = 75


def advice(claims: Sequence[ClaimRecord], articles: Sequence[SourceFile[Article]] = ()) -> list[Problem]:
    """Warnings: things that work but could be better. They never stop a build."""
    found = []
    titles: dict[str, ClaimRecord] = {}
    checked = [record for record in claims if not record.partial]
    for record in checked:
        title = record.value.title
        first = titles.setdefault(title_key(title), record)
        if first is not record:
            line, column = first.position(("title",))
            found.append(_warning(record, ("title",), f"nearly the same as the title of {first.path}:{line}:{column} "
                                  "(expected a title that tells the two claims apart; if they are one claim, merge "
                                  "them)", "titles are nearly the same as another claim's"))
        if record.value.published and len(title) >= GOOGLE_TITLE_LIMIT:
            found.append(_warning(record, ("title",), f"{len(title)} characters is long for search results (expected "
                                  f"under {GOOGLE_TITLE_LIMIT}: Google shows shorter claimReviewed titles)",
                                  f"titles are {GOOGLE_TITLE_LIMIT} characters or longer"))
    return found + tag_typos(checked) + claimant_spellings(checked) + articles_twice(articles)


def articles_twice(articles: Sequence[SourceFile[Article]]) -> list[Problem]:
    """A warning for each article file with the url and archived copy of an earlier one (by file name): one
    page imported twice, whose claims are split between two article pages. Two captures of a page that
    changed are two articles, each with its own archive_url."""
    first: dict[tuple[str, str | None], SourceFile[Article]] = {}
    found = []
    for source in articles:
        meta = source.value.meta
        earlier = first.setdefault((str(meta.url), meta.archive_url and str(meta.archive_url)), source)
        if earlier is not source:
            line, column = earlier.position(("url",))
            found.append(_warning(source, ("url",), f"the same url as {earlier.path}:{line}:{column} (expected one "
                                  "file per article: if both are the same page, keep one and point its claims at "
                                  "its id; two captures of a page that changed each give their archive_url)",
                                  "articles have the same url as another"))
    return found


def claimant_spellings(claims: Sequence[ClaimRecord]) -> list[Problem]:
    """A warning for each claimant name written otherwise than an older claim's name that gives the same
    address ('Dmitriy Peskov' after 'Дмитрий Песков'): two pages, where there is most likely one claimant."""
    published = [record for record in claims if record.value.claimant and record.value.published]
    slugs = {name: slugify(name) for name in {record.value.claimant for record in published}}
    if len(set(slugs.values())) == len(slugs):  # most sites: each name its own address, nothing to sort
        return []
    first: dict[str, tuple[str, ClaimRecord]] = {}
    found = []
    for record in sorted(published, key=lambda record: oldest_first(record.value)):  # as pages give addresses
        name = record.value.claimant
        earlier, where = first.setdefault(slugs[name], (name, record))
        if earlier != name:
            line, column = where.position(("claimant",))
            found.append(_warning(record, ("claimant",), f"{name!r} is written otherwise than {earlier!r} "
                                  f"({where.path}:{line}:{column}), which keeps the page both would have (expected "
                                  "one spelling for one claimant; two people get two pages)",
                                  "claimant names are written otherwise than an older claim's"))
    return found


def _warning(record: SourceFile[Any], path: FieldPath, message: str, summary: str) -> Problem:
    line, column = record.position(path)
    return Problem(record.path, line, column, field_label(path), message, "warning", summary)


def title_key(title: str) -> str:
    """A title with case, punctuation, symbols and spacing set aside (letters, marks and digits kept: '50%'
    and '90%' are two claims): titles equal under it are nearly the same."""
    folded = title.casefold()
    if folded.isascii():
        return " ".join(_NOT_ALPHANUMERIC_RE.sub(" ", folded).split())
    return " ".join("".join(c if unicodedata.category(c)[0] in "LMN" else " " for c in folded).split())


_NOT_ALPHANUMERIC_RE = re.compile(r"[^a-z0-9]+")


TAG_TYPO_MIN = 4  # characters: shorter tags are too alike to guess between ('eu', 'us')


def tag_typos(claims: Sequence[ClaimRecord]) -> list[Problem]:
    """A warning on each tag that only one claim uses and that is a typo away from a tag several claims
    use: 'miltary' beside 'military'. Numbers are significant ('s-300' is not a typo of 's-400')."""
    users = Counter(tag for record in claims for tag in set(record.value.tags))
    common = [tag for tag, count in users.items() if count > 1]
    found = []
    for record in claims:
        for index, tag in enumerate(record.value.tags):
            if users[tag] != 1 or len(tag) < TAG_TYPO_MIN:
                continue
            close = process.extract(tag, common, scorer=OSA.distance, score_cutoff=1 if len(tag) < 8 else 2, limit=None)
            digits = _DIGITS_RE.findall(tag)
            choices = sorted((distance, -users[other], other) for other, distance, _ in close
                             if _DIGITS_RE.findall(other) == digits)
            if choices:
                _, minus_count, other = choices[0]
                found.append(_warning(record, ("tags", index), f"{tag!r} is used by no other claim (expected a tag other "
                                      f"claims use; did you mean {other!r}, used by {-minus_count} claims?)",
                                      "tags are used by one claim only and look like a typo of a tag others use"))
    return found


_DIGITS_RE = re.compile(r"\d+")


def id_problem(value: str, what: str = "id") -> str | None:
    """Why ``value`` cannot be the id of a file (given on a command line), if it cannot."""
    if not SLUG_RE.fullmatch(value):
        return (f"not a valid {what}: {value!r} (expected lowercase ASCII letters, digits and single hyphens, "
                "like 's400-deal')")
    if reserved(value):
        return f"{what} {value!r} is reserved (expected another id: {reserved(value)})"
    return None


def new_claim_problems(text: str, claim_id: str, article: Article, settings: Settings,
                       claim_files: frozenset[str] = frozenset(), article_files: frozenset[str] = frozenset(),
                       more: Sequence[Article] = ()) -> list[Problem]:
    """What validate would say about a claim file a tool is about to write (``more``: the articles of its
    appearances): tools never write a file that validation refuses."""
    shown = settings.shown(settings.claim_file(claim_id))
    problems = yaml_shape_problems(text, shown)
    if problems:
        return problems
    try:
        data = parse_yaml(text)
    except yaml.YAMLError as exc:
        return [yaml_problem(shown, exc, text=text)]
    record, problems = claim_from(data, SourceFile(shown, text, None), claim_id, {}, ratings=settings.scale.ids)
    if record is None:
        return problems
    sources = [SourceFile(settings.shown(settings.article_file(a.id)), "", a) for a in {a.id: a for a in (article, *more)}.values()]
    _, found = check_claims([record], sources, settings, claim_files | {claim_id}, article_files | {a.id for a in (article, *more)})
    return problems + found
