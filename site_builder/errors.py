"""Problems found in contributors' files, and how they are reported.

Every check gathers problems instead of stopping at the first one; the caller
reports them all at once (``path:line:column: field: message``) and stops.
The message says what is wrong, then in brackets what was expected.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Iterable

# Characters a terminal or CI log would act on, or a reader could not see: C0/C1 controls (newline
# included: a line starting '::' is a GitHub Actions command), bidi controls, zero-width characters, soft hyphens.
_UNSEEN_RE = re.compile("[\x00-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u061c]")


def visible(text: str) -> str:
    """``text`` with every unseen character shown as an escape, e.g. '\\n', '\\u00ad' or '\\u202e'."""
    return _UNSEEN_RE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return match.group().encode("unicode_escape").decode("ascii") if code < 0x80 else f"\\u{code:04x}"  # not '\\xad'


def line_and_column(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of ``text[at]``."""
    return text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at)


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    severity: str = "error"  # or "warning": reported, but the build goes on
    summary: str = field(default="", compare=False)  # a group of these, counted: 'titles are 75 characters or longer'

    def __post_init__(self) -> None:  # a problem is printed: it must not smuggle in controls
        object.__setattr__(self, "path", visible(self.path))
        object.__setattr__(self, "field", visible(self.field))
        object.__setattr__(self, "message", visible(self.message))

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {prefix}{self.message}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "column": self.column, "field": self.field,
                "message": self.message, "severity": self.severity}

    def github(self, path_prefix: str = "") -> str:
        """A GitHub Actions workflow command: shown on the changed line of a pull request."""

        def data(text: str) -> str:
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        def prop(text: str) -> str:
            return data(text).replace(":", "%3A").replace(",", "%2C")

        return (f"::{self.severity} file={prop(path_prefix + self.path)},line={self.line},col={self.column},"
                f"title={prop(self.field)}::{data(self.field + ': ' + self.message)}")


class Refused(Exception):
    """A command cannot do what was asked; the message says why and what to do instead."""


class ProblemsFound(Exception):
    """Raised once, after every problem has been gathered."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found")
        return "\n".join(lines)


ANNOTATIONS_PER_KIND = 10  # GitHub shows only so many annotations; the rest are counted


def _groups(problems: Iterable[Problem]) -> list[list[Problem]]:
    """Problems of one kind together (the same summary; or the same field and message but for its
    numbers), in order."""
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in sorted(problems):
        key = (problem.severity, problem.summary, "") if problem.summary else (
            problem.severity, problem.field, re.sub(r"\d[\d,.]*", "#", problem.message))
        groups.setdefault(key, []).append(problem)
    return sorted(groups.values(), key=lambda group: group[0])


def _summary(group: list[Problem]) -> str:
    first = group[0]
    what = first.summary or f"{first.severity}s like this one on {first.field}"
    return f"{len(group):,} {what}"


def counts(errors: int, warnings: int) -> str:
    return f"{errors:,} error{'s' if errors != 1 else ''}, {warnings:,} warning{'s' if warnings != 1 else ''}"


def text_report(errors: list[Problem], warnings: list[Problem]) -> list[str]:
    """Every error; warnings of one kind as one line with their count and the first; then the counts."""
    lines = [str(problem) for problem in sorted(errors)]
    for group in _groups(warnings):
        lines.append(str(group[0]) if len(group) == 1 else f"{_summary(group)}; first: {group[0]}")
    return lines


def github_report(errors: list[Problem], warnings: list[Problem], path_prefix: str = "") -> list[str]:
    """Annotations: every error, at most ANNOTATIONS_PER_KIND warnings of each kind, and a line counting
    each kind that had more."""
    lines = [problem.github(path_prefix) for problem in sorted(errors)]
    for group in _groups(warnings):
        lines += [problem.github(path_prefix) for problem in group[:ANNOTATIONS_PER_KIND]]
        if len(group) > ANNOTATIONS_PER_KIND:
            lines.append(f"::notice title={group[0].field}::{_summary(group)}; the first {ANNOTATIONS_PER_KIND} "
                         "are annotated (site-builder validate lists them all)")
    lines.append(f"::notice title=site-builder validate::{counts(len(errors), len(warnings))}")
    return lines


def closest(value: object, choices: Iterable[str], *, verdict: bool = False) -> str | None:
    """The choice ``value`` was probably meant to be: the same but for case, else a close spelling.

    ``verdict``: the choices are ratings, where a wrong guess flips a verdict ('unsupported' is close
    to 'supported' and to 'partly-supported'): a spelling that differs at its start by a word put
    before it ('un', 'not-', 'partly-') is no typo, and gets no answer."""
    if not isinstance(value, str):
        return None
    choices = list(choices)
    written = re.sub(r"<[^>]*>", "", value).strip().casefold() if verdict else value.casefold()  # '<b>Supported</b>'
    if verdict:
        written = re.sub(r"[\s_]+", "-", written)  # 'partly supported', 'Partly_supported': a rating id's words
    same = [choice for choice in choices if choice.casefold() == written]
    if same:
        return same[0]
    close = difflib.get_close_matches(written if verdict else value, choices, n=1, cutoff=0.6)
    if close and verdict and (_another_start(written, close[0]) or _another_word(written, close[0])):
        return None
    return close[0] if close else None


def _another_word(value: str, choice: str) -> bool:
    """Whether two hyphenated spellings differ by a whole word ('partly-false', 'partly-supported'), or in
    how many words they have ('not-misleading', 'misleading')."""
    ours, theirs = value.split("-"), choice.split("-")
    return len(ours) != len(theirs) or any(
        difflib.SequenceMatcher(None, a, b).ratio() < 0.6 for a, b in zip(ours, theirs))


def _another_start(value: str, choice: str) -> bool:
    """Whether two spellings differ at their start by two characters or more ('un' + 'supported',
    'partly-' + 'supported'), the rest the same: a word put before, not a slip of the keys."""
    if value[:1] == choice[:1]:
        return False
    tail = 0
    while tail < min(len(value), len(choice)) and value[-1 - tail] == choice[-1 - tail]:
        tail += 1
    return tail >= 3 and max(len(value), len(choice)) - tail >= 2


def did_you_mean(value: object, choices: Iterable[str], *, verdict: bool = False) -> str:
    """``; did you mean 'x'?`` when a choice is close to ``value``, else ``''`` (``verdict``: see closest)."""
    close = closest(value, choices, verdict=verdict)
    return f"; did you mean '{close}'?" if close else ""


def one_of(choices: Iterable[str]) -> str:
    return "one of: " + ", ".join(choices)
