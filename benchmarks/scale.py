"""How the site build scales with the number of claims, against bare mkdocs-material in the same run.

    .venv/bin/python benchmarks/scale.py                      # N = 2,000, 10,000 and 20,000
    .venv/bin/python benchmarks/scale.py --claims 1000 10000  # chosen sizes
    .venv/bin/python benchmarks/scale.py --quick              # 200-claim smoke run
    make bench                                                # the default run (BENCH_ARGS=... to change)

For each N it writes a synthetic project into a temporary folder (deterministic: the same N and
seed give the same files): N claims over N/10 articles of ~800 words, quotes that really occur in
their articles, tags, related claims, sources, drafts, corrections and aliases. Then, each command in
a fresh process:

1. ``site-builder validate``;
2. the plugin's own work, in-process in a child python: ``load_site`` (load, validate, quote
   location) and ``build_pages`` (page generation), with a breakdown;
3. the full ``mkdocs build`` of the project;
4. the reference: every page the plugin generated, written out as plain pre-written files into a
   project with the same theme, nav, Markdown extensions and plugins minus ``claims``, built by bare
   mkdocs-material (so both builds have the same number of pages with the same content);
5. output size, and the size of ``site/search/search_index.json``;
6. at 2,000 claims (``--plain-claims``), a second reference: stock mkdocs-material building the same
   number of ordinary Markdown pages (headings, paragraphs, lists, links) of similar size, each as
   long in visible text as the generated page it stands for.

At 10,000 claims (``--serve-claims``) it also times ``mkdocs serve`` from saving one claim file to the
reloaded page (median of 3) and checks that the search index and the article page follow the edit,
and times ``site-builder extract --jobs 2`` over 1,000 articles (articles/s). Wall time is measured
around each child; CPU time and peak RSS come from the child's own rusage (``os.wait4``: the same
numbers as ``getrusage(RUSAGE_CHILDREN)`` in a wrapper, without the wrapper's start-up in the time),
and the memory of the whole process tree (worker processes included) is sampled from /proc.

It prints a Markdown table with the goals of the scale issue, PASS or FAIL, and writes every number
to JSON (``--json``; default ``benchmarks/results/scale.json``) to compare commits (``--compare``).
Timings on a shared machine are noisy: the load average is recorded with every run, and CPU times
(less sensitive to other work than wall times) are printed too.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import hashlib
import http.client
import json
import os
import platform
import pstats
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent.parent
DEFAULT_JSON = HERE / "benchmarks" / "results" / "scale.json"
# The checkout measured (--repo; default this one): its site_builder, templates, mkdocs.yml and content.
REPO = HERE
TEMPLATES = REPO / "templates"
DEFAULT_SIZES = [2000, 10000, 20000]
QUICK_SIZE = 200
MODEL_PATH = Path("site_builder/drafting/models/checkworthiness.npz")  # in the checkout measured
MODEL_FILE = REPO / MODEL_PATH
CHILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


def use_repo(path: Path) -> None:
    """Measure the checkout at ``path``: children import its site_builder first (PYTHONPATH), whatever
    the virtual environment has installed, so a snapshot (git archive, git worktree) of another commit
    can be measured with this script while the working tree changes."""
    global REPO, TEMPLATES, MODEL_FILE
    REPO = path.resolve()
    TEMPLATES = REPO / "templates"
    MODEL_FILE = REPO / MODEL_PATH
    CHILD_ENV["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])


def compile_measured() -> None:
    """Byte-compile the measured site_builder once, as installing a package does (pip compiles its modules):
    where PYTHONDONTWRITEBYTECODE is set, every child would otherwise compile it again (20-30 ms a start,
    which validate's timing would count). The files go to its __pycache__ folders, which git ignores."""
    compileall.compile_dir(REPO / "site_builder", quiet=1)

# The goals of the scale issue (issue 13), at 10,000 claims unless said otherwise.
GOAL_N = 10000
GOAL_PLAIN_N = 2000
GOAL_PLAIN_RATIO = 1.0  # build at 2,000 claims / stock mkdocs-material on as many plain Markdown pages
GOAL_OURS_PERCENT = 10.0  # at every size
GOAL_BUILD_RATIO = 0.8  # build / bare at 10,000
GOAL_LINEAR = 2.1  # build time of 20,000 claims / 10,000
GOAL_VALIDATE_S = 2.0
GOAL_PEAK_BIG_MB = 1024.0  # peak memory of the build at 20,000 (at 10,000: at most bare's)
GOAL_SERVE_S = 2.0  # mkdocs serve at 10,000: saving one claim to the served page, median of 3
GOAL_SEARCH_MB = 5.0

MB = 1024 * 1024

# ------------------------------------------------------------------------------------------------
# Vocabulary for synthetic English-like text. Fixed lists: the same seed gives the same site.

FIRST = """Amara Ben Carlos Dana Elena Farid Grace Hiroshi Ines Jonas Kavya Liam Maria Nadia Omar Priya
Quentin Rosa Samuel Tanvi Ulrich Vera Wei Ximena Yusuf Zofia Aisha Bruno Chloe Dmitri Esther Felix
Gabriela Hassan Ivan Julia Kenji Leila Mateo Nina Oscar Paula Rahul Sofia Tomas Ursula Victor Wanjiru
Yara Zain Anders Bianca Cyril Dalia Emeka Fatima Gustavo Hana Idris Jana""".split()
LAST = """Adeyemi Bauer Castillo Dubois Eriksen Fernandes Gallagher Haddad Ibrahim Jensen Kowalski Larsen
Moreau Nakamura Okafor Petrov Quinn Rahman Schmidt Tanaka Underwood Varga Walsh Xu Yilmaz Zimmermann
Alvarez Brennan Chaudhry Demir Eze Fischer Gupta Horvat Iyer Jovanovic Kim Lindqvist Mensah Novak
Oliveira Park Rossi Silva Takahashi Ueda Vasquez Weber Young Zhang Abbott Banerjee Costa Dimitrov Evans
Farouk Goldberg Hughes Ito Juarez Khan Lopez Murphy Nguyen Owusu Patel Reyes Santos Torres Umar Volkov
Wright Yamada""".split()
ROLES = """minister spokesperson director chief economist governor mayor senator chairman secretary
president commissioner adviser analyst professor ambassador spokeswoman head deputy treasurer
researcher""".split()
ORGS = [
    "the Ministry of Finance", "the central bank", "the statistics office", "the World Health Organization",
    "the International Monetary Fund", "the energy regulator", "the city council", "the national railway",
    "the Ministry of Defence", "the trade union federation", "the chamber of commerce", "the election commission",
    "the health ministry", "the environment agency", "the port authority", "the farmers' association",
    "the Institute for Fiscal Studies", "the national audit office", "the European Commission", "the United Nations",
    "the OECD", "the transport ministry", "the housing agency", "the customs service", "the coast guard",
    "the national weather service", "the Ministry of Education", "the water utility", "the power grid operator",
    "the police", "the competition authority", "the migration office", "the space agency", "the army",
    "the state oil company", "the stock exchange", "the medical association", "the teachers' union",
    "the refugee agency", "the development bank",
]
PLACES = """Brazil India Kenya Germany Japan Nigeria Mexico Canada Poland Turkey Indonesia Egypt France
Vietnam Chile Ghana Spain Pakistan Norway Peru Morocco Thailand Ukraine Colombia Sweden Bangladesh Italy
Ethiopia Argentina Malaysia Lagos Mumbai Berlin Nairobi Jakarta Lima Manila Cairo Warsaw Toronto Osaka
Istanbul Santiago Accra Madrid Karachi Oslo Casablanca Bangkok Kyiv Bogota Stockholm Dhaka Milan
Delhi Sao-Paulo Rotterdam Hamburg Marseille Seattle Chicago Texas Ontario Bavaria Punjab Kerala""".replace(
    "Sao-Paulo", "São Paulo").split()
NOUNS = """price wage tax budget deficit loan rate tariff subsidy pension salary export import harvest
factory school hospital clinic road bridge railway port airport pipeline refinery mine farm reactor
vaccine treatment programme policy law bill reform election campaign survey poll report study audit
contract deal agreement treaty summit strike protest shortage surplus crisis recovery outbreak drought
flood wildfire storm earthquake network satellite missile system fleet battalion convoy border
population household family worker student teacher nurse doctor patient farmer tenant landlord voter
company bank startup retailer supplier investor lender borrower court judge ruling verdict inquiry
scandal ministry agency council parliament government coalition party candidate turnout emission
reservoir dam grid battery panel turbine license permit quota reserve stockpile inventory""".split()
PLURALS = {"policy": "policies", "family": "families", "company": "companies", "battery": "batteries",
           "inquiry": "inquiries", "party": "parties", "ministry": "ministries", "agency": "agencies",
           "study": "studies", "supply": "supplies", "treaty": "treaties", "crisis": "crises",
           "tax": "taxes", "bus": "buses", "match": "matches", "loss": "losses", "inventory": "inventories",
           "survey": "surveys", "strike": "strikes", "mine": "mines", "surplus": "surpluses",
           "shortage": "shortages", "coalition": "coalitions"}
ADJECTIVES = """new national regional local annual monthly record historic controversial ambitious modest
costly cheap urgent delayed expanded reduced proposed official independent private public foreign
domestic rural urban northern southern eastern western coastal industrial agricultural digital
nuclear renewable strategic emergency temporary permanent major minor rising falling sharp steady
unprecedented significant limited widespread critical preliminary final revised disputed secret
leaked""".split()
VERBS_PAST = """rose fell doubled tripled halved increased decreased slowed accelerated collapsed recovered
stalled surged dropped grew shrank""".split()
VERBS_TRANS = [("approved", "approve"), ("rejected", "reject"), ("announced", "announce"), ("cut", "cut"),
               ("raised", "raise"), ("delayed", "delay"), ("cancelled", "cancel"), ("signed", "sign"),
               ("blocked", "block"), ("expanded", "expand"), ("funded", "fund"), ("closed", "close"),
               ("opened", "open"), ("built", "build"), ("bought", "buy"), ("sold", "sell"),
               ("suspended", "suspend"), ("reviewed", "review"), ("investigated", "investigate"),
               ("promised", "promise"), ("denied", "deny"), ("confirmed", "confirm"), ("criticised", "criticise"),
               ("launched", "launch"), ("doubled", "double"), ("reduced", "reduce"), ("replaced", "replace")]
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
PERIODS = ["the past year", "the last decade", "the first quarter", "the past six months", "the previous year",
           "the last five years", "the second half of the year", "the past three years"]
OUTLETS = [
    ("The Daily Ledger", "dailyledger.example"), ("Metro Times", "metrotimes.example"),
    ("National Courier", "nationalcourier.example"), ("The Observer Post", "observerpost.example"),
    ("Global Wire", "globalwire.example"), ("Morning Herald", "morningherald.example"),
    ("The Evening Standard Online", "eveningstandard.example"), ("Capital Report", "capitalreport.example"),
    ("Citizen Voice", "citizenvoice.example"), ("The Northern Gazette", "northerngazette.example"),
    ("Harbour News", "harbournews.example"), ("Frontline Daily", "frontlinedaily.example"),
    ("The Policy Review", "policyreview.example"), ("Market Watchers", "marketwatchers.example"),
    ("Valley Tribune", "valleytribune.example"), ("News Today 24", "newstoday24.example"),
    ("The Plain Dealer Digital", "plaindealer.example"), ("Continental Times", "continentaltimes.example"),
    ("The Insight", "theinsight.example"), ("Public Record", "publicrecord.example"),
    ("klas.news", "klas.news"), ("sfreport.news", "sfreport.news"), ("worldupdate.info", "worldupdate.info"),
    ("dailybrief.site", "dailybrief.site"), ("The Chronicle", "chronicle.example"),
    ("Southern Star", "southernstar.example"), ("Economy Now", "economynow.example"),
    ("Health Desk", "healthdesk.example"), ("Defence Monitor", "defencemonitor.example"),
    ("Climate Current", "climatecurrent.example"),
]
SOURCE_PUBLISHERS = ["Statistics Office", "Reuters", "Associated Press", "Ministry of Finance", "World Bank",
                     "IMF", "WHO", "OECD", "Eurostat", "National Audit Office", "BBC News", "Le Monde",
                     "The Hindu", "Nikkei Asia", "Al Jazeera", "Deutsche Welle", "Central Bank", "UN Data",
                     "Court records", "Parliament Hansard", "Energy Regulator", "Our World in Data"]
TAG_TOPICS = """economy inflation jobs trade energy oil gas electricity climate health vaccines hospitals
education schools housing rents migration elections defence military arms security crime police courts
corruption budget taxes pensions transport railways aviation shipping agriculture food water drought
floods wildfires technology internet privacy media press-freedom diplomacy sanctions human-rights
refugees labour strikes banking interest-rates currency debt infrastructure mining space science
research tourism sport culture religion gender youth""".split()
TAG_QUALIFIERS = ["policy", "statistics", "prices", "spending", "reform", "europe", "asia", "africa",
                  "americas", "2024", "2025"]
DRAFT_SIGNALS = ["number", "percentage", "comparison", "source-cited", "named-person", "year", "money"]
RATINGS = [("supported", 20), ("partly-supported", 20), ("misleading", 20), ("unsupported", 10),
           ("false", 20), ("cannot-verify", 10)]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def plural(noun: str) -> str:
    if noun in PLURALS:
        return PLURALS[noun]
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class Writer:
    """Deterministic English-like news text from word lists and sentence templates."""

    def __init__(self, rng: random.Random):
        self.r = rng

    def person(self) -> str:
        return f"{self.r.choice(FIRST)} {self.r.choice(LAST)}"

    def number(self) -> str:
        kind = self.r.random()
        if kind < 0.35:
            return str(self.r.randint(2, 99))
        if kind < 0.7:
            return f"{self.r.randint(100, 99999):,}"
        if kind < 0.85:
            return f"{self.r.randint(1, 40)}.{self.r.randint(1, 9)} million"
        return f"{self.r.randint(2, 900)} billion"

    def pct(self) -> str:
        return f"{self.r.randint(1, 95)}" if self.r.random() < 0.7 else f"{self.r.randint(1, 60)}.{self.r.randint(1, 9)}"

    def money(self) -> str:
        cur = self.r.choice(["$", "€", "£"])
        return f"{cur}{self.r.randint(1, 950)} {self.r.choice(['million', 'billion'])}"

    def year(self) -> int:
        return self.r.randint(1990, 2025)

    def np(self, *, plural_: bool = False) -> str:
        noun = self.r.choice(NOUNS)
        noun = plural(noun) if plural_ else noun
        if self.r.random() < 0.6:
            noun = f"{self.r.choice(ADJECTIVES)} {noun}"
        return noun if plural_ else f"the {noun}"

    def clause(self) -> str:
        r = self.r
        kind = r.randrange(7)
        if kind == 0:
            return f"{self.np(plural_=True)} in {r.choice(PLACES)} {r.choice(VERBS_PAST)} by {self.pct()}% over {r.choice(PERIODS)}"
        if kind == 1:
            return f"{r.choice(ORGS)} had {r.choice(VERBS_TRANS)[0]} {self.np()} worth {self.money()}"
        if kind == 2:
            return f"{self.np()} would be {r.choice(VERBS_TRANS)[0]} before {r.choice(MONTHS)} {self.year()}"
        if kind == 3:
            return f"more than {self.number()} {plural(r.choice(NOUNS))} were affected by {self.np()}"
        if kind == 4:
            return f"{self.np()} in {r.choice(PLACES)} was the largest since {self.year()}"
        if kind == 5:
            return f"{r.choice(ORGS)} never {r.choice(VERBS_TRANS)[0]} {self.np()} it is accused of blocking"
        return f"{self.np(plural_=True)} cost taxpayers {self.money()} a year"

    def quote_words(self) -> str:
        r = self.r
        return r.choice([
            f"we will not accept {self.np()} that hurts {plural(r.choice(NOUNS))}",
            f"this is the most {r.choice(ADJECTIVES)} {r.choice(NOUNS)} in a generation",
            f"the numbers speak for themselves: {self.clause()}",
            f"nobody told us about {self.np()}",
            f"{self.clause()}, and everyone knows it",
        ])

    def sentence(self) -> str:
        r = self.r
        t = r.randrange(20)
        if t == 0:
            return f"{self.person()}, the {r.choice(ROLES)} of {r.choice(ORGS)}, said on {r.choice(WEEKDAYS)} that {self.clause()}."
        if t == 1:
            return f"According to {r.choice(ORGS)}, {self.clause()}."
        if t == 2:
            return f"“{cap(self.quote_words())},” {self.person()} told reporters in {r.choice(PLACES)}."
        if t == 3:
            return (f"{cap(r.choice(ORGS))} reported that {plural(r.choice(NOUNS))} in {r.choice(PLACES)} "
                    f"{r.choice(['rose', 'fell'])} by {self.pct()} per cent between {self.year()} and {self.year()}.")
        if t == 4:
            return f"The {r.choice(ADJECTIVES)} {r.choice(NOUNS)} cost {self.money()}, roughly {r.randint(2, 9)} times the figure for {self.year()}."
        if t == 5:
            return (f"In {r.choice(MONTHS)} {self.year()}, {self.number()} {plural(r.choice(NOUNS))} were "
                    f"{r.choice(VERBS_TRANS)[0]} across {r.choice(PLACES)}, up from {self.number()} a year earlier.")
        if t == 6:
            return f"Critics argue that {self.clause()}, while supporters say {self.clause()}."
        if t == 7:
            return f"{cap(self.clause())}, a claim that {r.choice(ORGS)} has disputed."
        if t == 8:
            return f"Officials in {r.choice(PLACES)} have not commented on {self.np()}."
        if t == 9:
            return f"Reports indicate that {self.clause()}."
        if t == 10:
            return f"{cap(self.np())} is expected to {r.choice(VERBS_TRANS)[1]} {self.np()} by {self.year()}."
        if t == 11:
            return f"Since {self.year()}, {r.choice(ORGS)} has {r.choice(VERBS_TRANS)[0]} more than {self.number()} {plural(r.choice(NOUNS))}."
        if t == 12:
            return f"{self.person()} described {self.np()} as “{r.choice(ADJECTIVES)} and {r.choice(ADJECTIVES)}”."
        if t == 13:
            return (f"Analysts at {r.choice(ORGS)} estimate that {self.pct()}% of {plural(r.choice(NOUNS))} will be "
                    f"{r.choice(VERBS_TRANS)[0]} within {r.randint(2, 15)} years.")
        if t == 14:
            return (f"{r.choice(PLACES)} now accounts for {self.pct()}% of the world’s {plural(r.choice(NOUNS))}, "
                    f"the {r.choice(['second', 'third', 'fourth', 'fifth'])} highest share on record.")
        if t == 15:
            return f"Why {self.np()} was {r.choice(VERBS_TRANS)[0]} so quickly remains unclear."
        if t == 16:
            return f"{cap(self.np())}, which opened in {self.year()}, employs about {self.number()} people."
        if t == 17:
            return f"{self.person()} was not available for comment on {r.choice(WEEKDAYS)}."
        if t == 18:
            return (f"The government’s own figures show that {self.clause()}, although {r.choice(ORGS)} "
                    f"says the data for {self.year()} are incomplete.")
        return f"{self.person()} said the {r.choice(NOUNS)} was “{self.quote_words()}”."

    def words(self, text: str) -> int:
        return len(text.split())

    def sentences(self, count: int) -> str:
        return " ".join(self.sentence() for _ in range(count))

    def title(self) -> str:
        """A neutral claim title, under 75 characters."""
        r = self.r
        options = [
            f"{cap(plural(r.choice(NOUNS)))} in {r.choice(PLACES)} {r.choice(VERBS_PAST)} by {self.pct()}% in {self.year()}",
            f"{cap(r.choice(ORGS))} {r.choice(VERBS_TRANS)[0]} {self.np()}",
            f"{r.choice(PLACES)} spent {self.money()} on {plural(r.choice(NOUNS))}",
            f"{self.person()} said {self.np()} was {r.choice(ADJECTIVES)}",
            f"More than {self.number()} {plural(r.choice(NOUNS))} were {r.choice(VERBS_TRANS)[0]} in {self.year()}",
            f"{cap(self.np())} is the largest since {self.year()}",
        ]
        text = r.choice(options)
        while len(text) >= 75:
            text = text.rsplit(" ", 1)[0]
        return text

    def headline(self) -> str:
        r = self.r
        return r.choice([
            f"{cap(r.choice(ORGS))} Under Fire Over {cap(r.choice(ADJECTIVES))} {cap(r.choice(NOUNS))} Plan",
            f"{r.choice(PLACES)} {cap(plural(r.choice(NOUNS)))} {cap(r.choice(VERBS_PAST))} as {cap(r.choice(NOUNS))} Deepens",
            f"{self.person()} Defends {cap(r.choice(ADJECTIVES))} {cap(r.choice(NOUNS))} Amid Criticism",
            f"What the {cap(r.choice(ADJECTIVES))} {cap(r.choice(NOUNS))} Means for {r.choice(PLACES)}",
            f"{cap(plural(r.choice(NOUNS)))} Hit Record in {r.choice(PLACES)}, Officials Say",
        ])


def iso(day: dt.date) -> str:
    return day.isoformat()


def q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are YAML)."""
    return json.dumps(text, ensure_ascii=False)


def block(text: str, width: int = 100, indent: str = "  ") -> str:
    """Lines of a YAML block scalar: each Markdown line indented, long paragraphs wrapped."""
    out = []
    for line in text.split("\n"):
        if not line.strip():
            out.append("")
            continue
        lead = len(line) - len(line.lstrip())
        wrapped = textwrap.wrap(line.strip(), width=width, subsequent_indent=" " * (lead + 2 if line.lstrip().startswith("- ") else lead),
                                initial_indent=" " * lead, break_long_words=False, break_on_hyphens=False)
        out += wrapped
    return "\n".join(indent + line if line else "" for line in out)


@dataclass
class Corpus:
    """What a synthetic project is made of."""

    articles: dict[str, str] = field(default_factory=dict)  # id -> file text
    claims: dict[str, str] = field(default_factory=dict)  # id -> file text
    published: int = 0
    drafts: int = 0
    words: list[int] = field(default_factory=list)  # words per article body


def make_articles(w: Writer, count: int, used: set[str]) -> list[tuple[str, str, list[str], dt.date, str]]:
    """(id, file text, sentences, published date, outlet) for ``count`` articles of ~800 words."""
    r = w.r
    out = []
    start = dt.date(2023, 1, 1)
    for _ in range(count):
        headline = w.headline()
        article_id = slug(" ".join(headline.split()[:7]))
        base, n = article_id, 2
        while article_id in used:
            article_id, n = f"{base}-{n}", n + 1
        used.add(article_id)
        target = r.randint(740, 860)
        paragraphs: list[list[str]] = []
        total = 0
        while total < target:
            para = [w.sentence() for _ in range(r.randint(2, 4))]
            total += sum(w.words(s) for s in para)
            paragraphs.append(para)
        sentences = [s for p in paragraphs for s in p]
        body = "\n\n".join(" ".join(p) for p in paragraphs) + "\n"
        published = start + dt.timedelta(days=r.randrange(3 * 365 - 60))
        outlet, domain = r.choice(OUTLETS)
        meta = [
            "---",
            f"title: {q(headline)}",
            f"outlet: {q(outlet)}",
            f"url: https://{domain}/{published.year}/{published.month:02d}/{article_id}",
            f"published: {q(iso(published) if r.random() < 0.9 else iso(published)[:7])}",
        ]
        if r.random() < 0.6:
            meta.append(f"author: {q(w.person())}")
        if r.random() < 0.3:
            meta.append(f"archive_url: https://web.archive.org/web/{published.year}0101000000/https://{domain}/{article_id}")
        meta.append("language: en")
        meta.append(f"retrieved: {iso(published + dt.timedelta(days=r.randint(1, 40)))}")
        if r.random() < 0.4:
            meta.append("notes: >-\n" + block(w.sentences(r.randint(1, 3))))
        meta.append("---")
        out.append((article_id, "\n".join(meta) + "\n" + body, sentences, published, outlet))
    return out


def zipf_weights(count: int, s: float = 1.1) -> list[float]:
    return [1 / (rank ** s) for rank in range(1, count + 1)]


def generate(n_claims: int, seed: int) -> Corpus:
    """A deterministic corpus: ``n_claims`` claims over n_claims/10 articles."""
    r = random.Random(seed * 1_000_003 + n_claims)
    w = Writer(r)
    corpus = Corpus()
    n_articles = max(1, n_claims // 10)
    articles = make_articles(w, n_articles, set())
    for article_id, text, sentences, _, _ in articles:
        corpus.articles[article_id] = text
        corpus.words.append(len(text.split("\n---\n", 1)[1].split()))

    # claims per article: one each, the rest at random (about 10 on average, never more than sentences)
    per_article = [1] * n_articles
    for _ in range(n_claims - n_articles):
        index = r.randrange(n_articles)
        while per_article[index] >= len(articles[index][2]) - 1:
            index = r.randrange(n_articles)
        per_article[index] += 1

    claimants = [w.person() for _ in range(18)] + [cap(o) for o in r.sample(ORGS, 9)] + [o for o, _ in r.sample(OUTLETS, 3)]
    claimant_weights = zipf_weights(len(claimants))
    tags = sorted({*TAG_TOPICS, *(f"{t}-{qual}" for t in TAG_TOPICS for qual in TAG_QUALIFIERS)})
    tags = sorted(r.sample(tags, 200))
    tag_weights = zipf_weights(len(tags), 0.8)
    rating_ids, rating_weights = zip(*RATINGS)
    review_start = dt.date(2023, 6, 1)

    # plan every claim first, so related ids can point at any published claim
    plans = []
    used_ids: set[str] = set()
    for (article_id, _, sentences, published, outlet), count in zip(articles, per_article, strict=True):
        picks = sorted(r.sample(range(len(sentences) - 1), count))
        for index in picks:
            title = w.title()
            claim_id = slug(" ".join(title.split()[:6]))[:60].strip("-")
            base, n = claim_id, 2
            while claim_id in used_ids:
                claim_id, n = f"{base}-{n}", n + 1
            used_ids.add(claim_id)
            sentence = sentences[index]
            if r.random() < 0.15:  # two segments of the article, in order, joined with an ellipsis
                words = sentence.split()
                quote = " ".join(words[: max(4, len(words) // 2)]) + " … " + sentences[index + 1]
            else:
                quote = sentence
            draft = r.random() < 0.03
            plans.append((claim_id, title, quote, article_id, published, outlet, draft))

    published_ids = [p[0] for p in plans if not p[6]]
    aliases_taken = set(used_ids)
    for claim_id, title, quote, article_id, published, outlet, draft in plans:
        claimant = r.choices(claimants, claimant_weights)[0]
        attribution = "direct" if "“" in quote else r.choice(["reported", "reported", "vague", "none"])
        if attribution == "none":
            claimant = outlet
        chosen_tags = sorted(set(r.choices(tags, tag_weights, k=r.randint(1, 4))))
        lines = ["# yaml-language-server: $schema=schema.json",
                 f"title: {q(title)}", f"quote: {q(quote)}", f"article: {article_id}",
                 f"claimant: {q(claimant)}", f"attribution: {attribution}"]
        if draft:
            corpus.drafts += 1
            lines += [f"tags: [{', '.join(chosen_tags)}]", "status: draft", "provenance:",
                      "  extractor: site-builder extract", "  version: 0.1.0", "  model: checkworthiness 1",
                      f"  score: {r.uniform(0.5, 0.99):.2f}",
                      f"  signals: [{', '.join(sorted(set(r.choices(DRAFT_SIGNALS, k=3))))}]"]
            corpus.claims[claim_id] = "\n".join(lines) + "\n"
            continue
        corpus.published += 1
        rating = r.choices(rating_ids, rating_weights)[0]
        verdict = {"supported": "Yes.", "partly-supported": "Partly.", "misleading": "Not quite.",
                   "unsupported": "There is no evidence for it.", "false": "No.",
                   "cannot-verify": "It cannot be checked."}[rating]
        summary = verdict + " " + w.sentences(r.randint(1, 2))
        sources = []
        for _ in range(r.randint(2, 4)):
            publisher = r.choice(SOURCE_PUBLISHERS)
            when = published - dt.timedelta(days=r.randint(0, 400))
            url = f"https://{slug(publisher)}.example.org/{when.year}/{slug(w.title())[:50]}"
            source = [f"  - title: {q(w.headline())}", f"    url: {url}", f"    publisher: {q(publisher)}",
                      f"    published: {iso(when) if r.random() < 0.8 else iso(when)[:7]}"]
            if r.random() < 0.2:
                source.append(f"    archive_url: https://web.archive.org/web/{when.year}0101000000/{url}")
            if r.random() < 0.7:
                source.append(f"    note: {q(w.sentence())}")
            sources.append((publisher, url, source))
        # context: 150-250 words of Markdown with bold headings, a list and links to the sources
        target = r.randint(150, 250)
        parts = [w.sentences(2), "", "**What the record shows**", ""]
        for publisher, url, _ in sources:
            parts.append(f"- {w.sentence()[:-1]} ([{publisher}]({url})).")
        parts += ["", f"**Rating: {rating.replace('-', ' ')}**", ""]
        closing = []
        while len(" ".join(parts + closing).split()) < target:
            closing.append(w.sentence())
        parts.append(" ".join(closing))
        context = "\n".join(parts)
        reviewed = min(review_start + dt.timedelta(days=r.randrange(3 * 365)),
                       dt.date(2026, 5, 31))
        reviewed = max(reviewed, published + dt.timedelta(days=1))
        lines += [f"rating: {q(rating) if rating == 'false' else rating}", "summary: >-", block(summary), "context: |", block(context), "sources:"]
        for _, _, source in sources:
            lines += source
        lines.append(f"tags: [{', '.join(chosen_tags)}]")
        related = [x for x in r.sample(published_ids, min(len(published_ids), 4)) if x != claim_id][: r.randint(0, 3)]
        if related:
            lines.append(f"related: [{', '.join(related)}]")
        if r.random() < 0.01:
            alias = f"{claim_id}-old"
            if alias not in aliases_taken:
                aliases_taken.add(alias)
                lines.append(f"aliases: [{alias}]")
        lines.append(f"reviewed: {iso(reviewed)}")
        if r.random() < 0.05:
            fixes = sorted(reviewed + dt.timedelta(days=r.randint(1, 120)) for _ in range(r.randint(1, 2)))
            lines.append(f"updated: {iso(fixes[-1])}")
            lines.append("corrections:")
            for fix in fixes:
                lines += [f"  - date: {iso(fix)}", f"    note: {q(w.sentence())}"]
        lines.append("status: published")
        if r.random() < 0.2:
            lines += ["provenance:", "  extractor: site-builder extract", "  version: 0.1.0",
                      "  model: checkworthiness 1", f"  score: {r.uniform(0.5, 0.99):.2f}"]
        else:
            lines.append("provenance: manual")
        corpus.claims[claim_id] = "\n".join(lines) + "\n"
    return corpus


# ------------------------------------------------------------------------------------------------
# Projects

def repo_config() -> dict[str, Any]:
    """The repository's own mkdocs.yml, made to work from another folder: the synthetic site is built with
    the same theme (and overrides), Markdown extensions, plugins, nav and rating scale as the real one."""
    import yaml

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    config.pop("strict", None)  # warnings are counted and reported instead
    config.pop("watch", None)
    config["site_name"] = "Scale benchmark"
    config.setdefault("site_url", "https://claims.example.org/")
    config["docs_dir"] = "content"
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((REPO / theme["custom_dir"]).resolve())
    if config.get("hooks"):
        config["hooks"] = [str((REPO / hook).resolve()) for hook in config["hooks"]]
    plugins = []
    for entry in config.get("plugins") or []:
        if entry == "claims" or (isinstance(entry, dict) and "claims" in entry):
            options = dict(entry["claims"] or {}) if isinstance(entry, dict) else {}
            options.pop("claims_dir", None)  # the synthetic project has the default layout
            options.pop("articles_dir", None)
            options["templates_dir"] = str((REPO / options.get("templates_dir", "templates")).resolve())
            entry = {"claims": options}
        plugins.append(entry)
    config["plugins"] = plugins
    return config


def claims_config() -> str:
    import yaml

    return yaml.safe_dump(repo_config(), sort_keys=False, allow_unicode=True)


def reference_config() -> str:
    """The same site without the claims plugin (bare mkdocs-material with the same theme, extensions and
    other plugins), with what the plugin adds in on_config, and the generated pages outside the nav."""
    import yaml

    config = repo_config()
    config["site_name"] = "Scale benchmark (reference)"
    config["plugins"] = [e for e in config["plugins"] if e != "claims" and not (isinstance(e, dict) and "claims" in e)]
    extensions = config.setdefault("markdown_extensions", [])
    if not any(e == "attr_list" or (isinstance(e, dict) and "attr_list" in e) for e in extensions):
        extensions.append("attr_list")
    config["extra_css"] = [*config.get("extra_css", []), "assets/claims.css"]
    sections = ("claims", "articles", "ratings", "tags", "claimants")
    config["not_in_nav"] = "".join(f"/{section}/*\n!/{section}/index.md\n" for section in sections)
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def copy_handwritten(root: Path) -> None:
    """The repository's hand-written pages and assets (content/ without the articles)."""
    shutil.copytree(REPO / "content", root / "content", dirs_exist_ok=True,
                    ignore=lambda folder, names: ["articles"] if Path(folder) == REPO / "content" else [])


def write_project(root: Path, corpus: Corpus) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(claims_config(), encoding="utf-8")
    copy_handwritten(root)
    for article_id, text in corpus.articles.items():
        (root / "content" / "articles" / f"{article_id}.md").write_text(text, encoding="utf-8")
    for claim_id, text in corpus.claims.items():
        (root / "claims" / f"{claim_id}.yaml").write_text(text, encoding="utf-8")


def write_reference_base(root: Path) -> None:
    """The reference project, its pages written by the plugin phase (same content as the real build)."""
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(reference_config(), encoding="utf-8")
    copy_handwritten(root)


def write_plain(root: Path, reference_docs: Path, seed: int) -> int:
    """The plain reference: a project like the reference, where each generated page is replaced by an
    ordinary Markdown page (a title, sections with paragraphs, a list with links) about as long in
    visible text as the page it stands for; the other generated files are copied. Returns the pages."""
    (root / "content").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(reference_config().replace("Scale benchmark (reference)", "Scale benchmark (plain)"),
                                     encoding="utf-8")
    copy_handwritten(root)
    handwritten = {path.relative_to(REPO / "content") for path in (REPO / "content").rglob("*") if path.is_file()}
    w = Writer(random.Random(seed * 31 + 7))
    pages = 0
    for path in sorted(reference_docs.rglob("*")):
        relative = path.relative_to(reference_docs)
        if not path.is_file() or relative in handwritten:
            continue
        target = root / "content" / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix != ".md":
            shutil.copyfile(path, target)
            continue
        text = path.read_text(encoding="utf-8")
        title = re.search(r"^title: (.*)$", text, re.M)
        body = text.split("\n---\n", 1)[-1]
        wanted = len(" ".join(re.sub(r"<[^>]*>", " ", body).split()))
        lines = ["---", f"title: {title.group(1) if title else q(w.title())}", "---", "",
                 f"# {json.loads(title.group(1)) if title else w.title()}", ""]
        length, section = 0, 0
        while length < wanted:
            section += 1
            paragraph = w.sentences(3)
            items = [f"- {w.sentence()[:-1]} ([source {n}](https://example.org/{section}/{n}))." for n in range(1, 4)]
            lines += [f"## Section {section}", "", paragraph, "", *items, ""]
            length += len(paragraph) + sum(len(item) for item in items)
        target.write_text("\n".join(lines), encoding="utf-8")
        pages += 1
    return pages


# ------------------------------------------------------------------------------------------------
# Measuring children


@dataclass
class Measured:
    wall_s: float
    cpu_s: float
    peak_mb: float
    returncode: int
    stdout: str
    stderr: str
    peak_tree_mb: float = 0.0

    def summary(self) -> dict[str, Any]:
        return {"wall_s": round(self.wall_s, 3), "cpu_s": round(self.cpu_s, 3), "peak_mb": round(self.peak_mb, 1),
                "peak_tree_mb": round(self.peak_tree_mb, 1), "returncode": self.returncode}


PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def resident(pid: int) -> int:
    """Bytes of memory ``pid`` uses now: its proportional set size (pages shared with other processes,
    such as forked workers, counted once in all), else its RSS."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE


def tree_rss(pid: int) -> int:
    """Bytes in memory in ``pid`` and all its descendants now (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += resident(current)
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(x) for x in (task / "children").read_text().split()]
        except (OSError, ValueError, IndexError):
            continue
    return total


def measure(cmd: list[str], cwd: Path, *, timeout: float = 3600) -> Measured:
    """Run ``cmd`` in a fresh process: wall time; the child's own peak RSS and CPU time (wait4: CPU time
    includes worker processes it waited for, peak RSS is the largest single process); and the peak of
    the whole process tree's RSS, sampled every 0.1 s (what worker processes add up to)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=CHILD_ENV, stdout=out, stderr=err)
        deadline = start + timeout
        peak_tree, next_sample = 0, start
        try:
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                now = time.perf_counter()
                if now > deadline:
                    proc.kill()
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                if now >= next_sample:
                    peak_tree, next_sample = max(peak_tree, tree_rss(proc.pid)), now + 0.1
                time.sleep(0.005)
        except BaseException:  # interrupted: do not leave the child running
            proc.kill()
            proc.wait()
            raise
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, proc.returncode,
                        out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace"),
                        max(peak_tree / MB, usage.ru_maxrss / 1024))


class Failed(Exception):
    """A measured step did not work: recorded in the results, and the other steps go on."""


def check(step: str, measured: Measured) -> None:
    if measured.returncode != 0:
        tail = "\n".join((measured.stdout + measured.stderr).strip().splitlines()[-30:])
        raise Failed(f"{step} failed (exit {measured.returncode}):\n{tail}")


# The plugin's own work, timed inside a child python. Argument: mkdocs.yml, reference docs dir ('' for none),
# profile output path ('' for none). Prints one JSON object.
PLUGIN_CHILD = r"""
import json, os, sys, time
from pathlib import Path
t0 = time.perf_counter()
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.pages import generated_files
from site_builder.render import environment
imports = time.perf_counter() - t0
config, reference, profile_to = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
profiler = None
if profile_to:
    import cProfile
    profiler = cProfile.Profile()
    profiler.enable()
cpu = lambda: sum(os.times()[:4])  # this process and the worker processes it waited for
c0, t0 = cpu(), time.perf_counter()
settings = read_settings(config)
site = load_site(settings)
t1, c1 = time.perf_counter(), cpu()
# one file at a time, as the plugin and `generate` make them (none held once made); only the making is
# timed, not the writing of the bare build's pages
root = Path(reference) if reference else None
count = markdown_pages = size = 0
making, making_cpu = 0.0, 0.0
files = generated_files(site, environment(settings.templates_dir))
while True:
    wall, cpu0 = time.perf_counter(), cpu()
    made = next(files, None)
    if made is None:
        break
    uri, text = made[0], "".join(made[1])
    making += time.perf_counter() - wall
    making_cpu += cpu() - cpu0
    count += 1
    markdown_pages += uri.endswith(".md")
    size += len(text.encode())
    if root is not None:
        path = root / uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
t2, c2 = t1 + making, c1 + making_cpu
if profiler:
    profiler.disable()
    profiler.dump_stats(profile_to)
result = {"imports_s": imports, "load_site_s": t1 - t0, "build_pages_s": t2 - t1, "plugin_s": t2 - t0,
          "plugin_cpu_s": c2 - c0, "pages": count, "markdown_pages": markdown_pages,
          "claims": len(site.claims), "published": len(site.published), "articles": len(site.articles),
          "generated_mb": size / 2**20}
del site
if not profile_to:
    # breakdown, a second pass over the same files (warm file cache): where load_site's time goes
    try:
        from site_builder.load import load_articles, load_claims
        from site_builder.validate import check_claims
        from site_builder.quotes import find
        t = time.perf_counter()
        claims, _ = load_claims(settings.claims_dir, settings.root)
        t_claims = time.perf_counter() - t
        t = time.perf_counter()
        articles, _ = load_articles(settings.articles_dir, settings.root)
        t_articles = time.perf_counter() - t
        t = time.perf_counter()
        check_claims(claims, articles, settings)
        t_check = time.perf_counter() - t
        bodies = {a.value.id: a.value.body for a in articles}
        t = time.perf_counter()
        for record in claims:
            find(record.value.quote, bodies[record.value.article])
        t_find = time.perf_counter() - t
        result["breakdown"] = {"load_claims_s": t_claims, "load_articles_s": t_articles,
                               "check_claims_s": t_check, "quote_location_s": t_find}
    except Exception as exc:  # the core's internals may change; the headline numbers do not depend on them
        result["breakdown"] = {"error": repr(exc)}
print(json.dumps(result))
"""


# Share cards (site_builder/cards.py): one per published claim, drawn into an empty cache, then again from
# the full cache (a rebuild). Prints JSON on its last line. Builds in the benchmark use mkdocs.yml's own
# share_cards setting; this measures what one card per claim would cost at the same N.
CARDS_CHILD = r"""
import json, os, sys, tempfile, time
from pathlib import Path
from site_builder.cards import CardCache
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.share import ShareCards
settings = read_settings(Path(sys.argv[1]))
site = load_site(settings)
share = ShareCards(settings.site_name, settings.site_description, settings.scale, "claim", len(site.published))
for claim in site.published:
    share.for_claim(claim)
cpu = lambda: sum(os.times()[:4])
with tempfile.TemporaryDirectory() as folder:
    cache = CardCache(Path(folder), settings.scale)
    c0, t0 = cpu(), time.perf_counter()
    paths = [cache.path(card) for card in share.cards.values()]
    cold, cold_cpu = time.perf_counter() - t0, cpu() - c0
    t0 = time.perf_counter()
    again = CardCache(Path(folder), settings.scale)
    for card in share.cards.values():
        again.path(card)
    warm = time.perf_counter() - t0
    size = sum(path.stat().st_size for path in paths)
auto = ShareCards(settings.site_name, "", settings.scale, settings.share_cards, len(site.published))
print(json.dumps({"cards": len(paths), "cold_s": cold, "cold_cpu_s": cold_cpu, "warm_s": warm,
                  "redrawn_when_warm": again.drawn, "mb": size / 2**20,
                  "build_mode": "claim" if auto.per_claim else "rating"}))
"""


# `mkdocs build -d site`, timing the claims plugin's own hooks inside the real build (argument "hooks";
# "plain" for the reference, which does not import site_builder). The timings go to stderr, last line.
BUILD_CHILD = r"""
import functools, json, os, sys, time
hooks = {}
cpu = lambda: sum(os.times()[:4])  # this process and the worker processes it waited for
if sys.argv[1] == "hooks":
    from site_builder import plugin
    def timed(name, hook):
        @functools.wraps(hook)  # keeps MkDocs' event priorities
        def wrapper(self, *args, **kwargs):
            wall, cpu0 = time.perf_counter(), cpu()
            try:
                return hook(self, *args, **kwargs)
            finally:
                spent = hooks.setdefault(name, [0.0, 0.0, 0])
                spent[0] += time.perf_counter() - wall
                spent[1] += cpu() - cpu0
                spent[2] += 1
        return wrapper
    for name, hook in list(vars(plugin.ClaimsPlugin).items()):
        if name.startswith("on_") and callable(hook):
            setattr(plugin.ClaimsPlugin, name, timed(name, hook))
from mkdocs.__main__ import cli
sys.argv = ["mkdocs", "build", "-d", "site"]
code = 0
try:
    cli()
except SystemExit as exc:
    code = exc.code
print("SCALE-HOOKS " + json.dumps(hooks), file=sys.stderr)
sys.exit(code)
"""


def hook_times(stderr: str) -> dict[str, Any]:
    for line in reversed(stderr.splitlines()):
        if line.startswith("SCALE-HOOKS "):
            hooks = json.loads(line[len("SCALE-HOOKS "):])
            return {"wall_s": round(sum(h[0] for h in hooks.values()), 3),
                    "cpu_s": round(sum(h[1] for h in hooks.values()), 3),
                    "by_hook": {name: {"wall_s": round(h[0], 3), "cpu_s": round(h[1], 3), "calls": h[2]}
                                for name, h in hooks.items()}}
    return {}


def du(path: Path) -> tuple[int, int]:
    """(bytes, files) under path: the sum of file sizes."""
    total = files = 0
    for folder, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(folder, name))
            files += 1
    return total, files


def warnings_in(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("WARNING", "ERROR"))]


def run_size(n: int, args: argparse.Namespace, work: Path, log) -> tuple[dict[str, Any], Path]:  # type: ignore[no-untyped-def]
    """Every measurement at one N. Returns the results and the project folder."""
    result: dict[str, Any] = {"n": n, "loadavg_start": list(os.getloadavg())}
    root, reference = work / f"claims-{n}", work / f"reference-{n}"
    for folder in (root, reference):
        if folder.exists():
            shutil.rmtree(folder)
    t = time.perf_counter()
    corpus = generate(n, args.seed)
    write_project(root, corpus)
    write_reference_base(reference)
    result["generate_s"] = round(time.perf_counter() - t, 2)
    result["corpus"] = {"claims": len(corpus.claims), "published": corpus.published, "drafts": corpus.drafts,
                        "articles": len(corpus.articles),
                        "words_per_article": round(statistics.mean(corpus.words)),
                        "claims_mb": round(sum(len(x.encode()) for x in corpus.claims.values()) / MB, 2),
                        "articles_mb": round(sum(len(x.encode()) for x in corpus.articles.values()) / MB, 2)}
    log(f"  generated {len(corpus.claims)} claims ({corpus.drafts} drafts) over {len(corpus.articles)} articles "
        f"in {result['generate_s']} s")
    del corpus

    m = measure([sys.executable, "-m", "site_builder", "validate"], root)
    check("site-builder validate", m)
    result["validate"] = m.summary()
    log(f"  validate      {m.wall_s:7.2f} s  {m.peak_tree_mb:6.0f} MB   {m.stdout.strip()}")

    m = measure([sys.executable, "-c", PLUGIN_CHILD, str(root / "mkdocs.yml"), str(reference / "content"), ""], root)
    check("plugin phase", m)
    plugin = json.loads(m.stdout.strip().splitlines()[-1])
    result["plugin"] = {**{k: (round(v, 3) if isinstance(v, float) else v) for k, v in plugin.items() if k != "breakdown"},
                        "breakdown": {k: (round(v, 3) if isinstance(v, float) else v)
                                      for k, v in plugin.get("breakdown", {}).items()},
                        "process": m.summary()}
    log(f"  plugin        {plugin['plugin_s']:7.2f} s  {m.peak_tree_mb:6.0f} MB   load_site {plugin['load_site_s']:.2f} s, "
        f"build_pages {plugin['build_pages_s']:.2f} s, {plugin['pages']} generated files")

    for name, folder in (("build", root), ("bare", reference)):
        m = measure([sys.executable, "-c", BUILD_CHILD, "hooks" if name == "build" else "plain"], folder)
        check(f"mkdocs build ({name})", m)
        warnings = warnings_in(m.stderr)
        size, files = du(folder / "site")
        index = folder / "site" / "search" / "search_index.json"
        result[name] = {**m.summary(), "warnings": len(warnings), "first_warnings": warnings[:5],
                        "claims_hooks": hook_times(m.stderr),
                        "site_mb": round(size / MB, 2), "site_files": files,
                        "search_index_mb": round(index.stat().st_size / MB, 2) if index.exists() else None}
        log(f"  {name:<12}  {m.wall_s:7.2f} s  {m.peak_tree_mb:6.0f} MB   site {size / MB:.1f} MB in {files} files, "
            f"{len(warnings)} warnings")
        # the growth goal compares the fastest of several builds of the claims project at each size (timeit's rule)
        times = [(m.wall_s, m.cpu_s)]
        for _ in range(args.build_repeats - 1 if name == "build" else 0):
            shutil.rmtree(folder / "site")  # each build starts without a site, as the first did
            again = measure([sys.executable, "-c", BUILD_CHILD, "hooks"], folder)
            check("mkdocs build (build, repeated)", again)
            times.append((again.wall_s, again.cpu_s))
        if not args.keep:
            shutil.rmtree(folder / "site")
        result[name]["repeats"] = [{"wall_s": round(w, 2), "cpu_s": round(c, 2)} for w, c in times]
        result[name]["fastest_wall_s"] = round(min(w for w, _ in times), 2)
        result[name]["fastest_cpu_s"] = round(min(c for _, c in times), 2)
        if len(times) > 1:
            log(f"  build again   {', '.join(f'{w:.2f}' for w, _ in times[1:])} s (fastest of {len(times)}: "
                f"{result[name]['fastest_wall_s']:.2f} s)")

    if n <= args.plain_claims:
        plain = work / f"plain-{n}"
        if plain.exists():
            shutil.rmtree(plain)
        pages = write_plain(plain, reference / "content", args.seed)
        m = measure([sys.executable, "-c", BUILD_CHILD, "plain"], plain)
        check("mkdocs build (plain Markdown pages)", m)
        size, files = du(plain / "site")
        result["plain"] = {**m.summary(), "pages": pages, "site_mb": round(size / MB, 2), "site_files": files,
                           "warnings": len(warnings_in(m.stderr))}
        log(f"  {'plain':<12}  {m.wall_s:7.2f} s  {m.peak_tree_mb:6.0f} MB   {pages} plain Markdown pages, site {size / MB:.1f} MB")
        if not args.keep:
            shutil.rmtree(plain)

    if not args.skip_cards:
        m = measure([sys.executable, "-c", CARDS_CHILD, str(root / "mkdocs.yml")], root)
        check("share cards", m)
        cards = json.loads(m.stdout.strip().splitlines()[-1])
        result["cards"] = {k: (round(v, 3) if isinstance(v, float) else v) for k, v in cards.items()}
        result["cards"]["ms_per_card"] = round(1000 * cards["cold_s"] / max(1, cards["cards"]), 1)
        result["cards"]["percent_of_build"] = round(100 * cards["cold_s"] / result["build"]["wall_s"], 1)
        log(f"  share cards   {cards['cold_s']:7.2f} s  {cards['cards']} cards, one per claim, drawn cold "
            f"({result['cards']['ms_per_card']} ms each, {result['cards']['percent_of_build']}% of the build); "
            f"from the cache {cards['warm_s']:.2f} s; this build drew one per {cards['build_mode']}")

    if args.profile:
        out = args.json.parent / f"plugin-{n}.prof"
        m = measure([sys.executable, "-c", PLUGIN_CHILD, str(root / "mkdocs.yml"), "", str(out)], root)
        check("plugin phase (profiled)", m)
        result["profile"] = str(out)
        log(f"  profile       {out}")

    build, bare = result["build"], result["bare"]
    result["derived"] = {
        "build_bare_ratio": round(build["wall_s"] / bare["wall_s"], 3),
        "build_bare_ratio_cpu": round(build["cpu_s"] / bare["cpu_s"], 3),
        "ours_percent": round(100 * plugin["plugin_s"] / build["wall_s"], 1),
        "ours_percent_cpu": round(100 * plugin["plugin_cpu_s"] / build["cpu_s"], 1),
        "hooks_in_build_percent": round(100 * build["claims_hooks"]["wall_s"] / build["wall_s"], 1)
        if build.get("claims_hooks") else None,
        "hooks_in_build_percent_cpu": round(100 * build["claims_hooks"]["cpu_s"] / build["cpu_s"], 1)
        if build.get("claims_hooks") else None,
        "per_claim_ms": round(1000 * build["wall_s"] / n, 2),
        "build_plain_ratio": round(build["wall_s"] / result["plain"]["wall_s"], 3) if "plain" in result else None,
        "build_plain_ratio_cpu": round(build["cpu_s"] / result["plain"]["cpu_s"], 3) if "plain" in result else None,
        "peak_build_bare_ratio": round(build["peak_tree_mb"] / bare["peak_tree_mb"], 3),
        "ours_per_claim_ms": round(1000 * plugin["plugin_s"] / n, 3),
    }
    result["loadavg_end"] = list(os.getloadavg())
    if not args.keep:
        shutil.rmtree(reference)
    return result, root


# ------------------------------------------------------------------------------------------------
# mkdocs serve: saving a claim file to the reloaded page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        conn.close()


def cpu_ticks(pid: int) -> float:
    """utime + stime of a running process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure_serve(root: Path, n: int, log, repeats: int = 3) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    claim_file = sorted(
        p for p in (root / "claims").glob("*.yaml") if "status: published" in p.read_text(encoding="utf-8")
    )[len(list((root / "claims").glob("*.yaml"))) // 2]
    claim_id = claim_file.stem
    original = claim_file.read_text(encoding="utf-8")
    import yaml
    from urllib.parse import urlsplit

    # mkdocs serve mounts the site at the path of site_url
    site_url = (yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}).get("site_url") or "/"
    page = urlsplit(site_url).path.rstrip("/") + f"/claims/{claim_id}/"
    article_id = re.search(r"^article: (\S+)$", original, re.M).group(1)  # type: ignore[union-attr]
    article_page = urlsplit(site_url).path.rstrip("/") + f"/articles/{article_id}/"
    checks: list[dict[str, bool]] = []
    port = free_port()
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=root, env=CHILD_ENV, stdout=subprocess.DEVNULL, stderr=err)
        result: dict[str, Any] = {"n": n, "claim": claim_id}
        try:
            while True:
                if proc.poll() is not None:
                    err.seek(0)
                    raise Failed("mkdocs serve exited:\n" + err.read().decode()[-3000:])
                try:
                    status = get(port, page)[0]
                    if status == 200:
                        break
                    raise Failed(f"mkdocs serve answered {status} for {page}")
                except OSError:
                    pass
                if time.perf_counter() - start > 900:
                    raise Failed("mkdocs serve did not start in 15 minutes")
                time.sleep(0.1)
            result["startup_s"] = round(time.perf_counter() - start, 2)
            baseline = indexed_pages(port, page)
            log(f"  serve: first page after {result['startup_s']} s")
            time.sleep(2)
            before = cpu_ticks(proc.pid)
            time.sleep(5)
            result["idle_cpu_percent"] = round(100 * (cpu_ticks(proc.pid) - before) / 5, 1)
            times = []
            for attempt in range(1, repeats + 1):
                title = f"Serve probe {attempt} {random.Random(attempt).randrange(10**6)}"
                edited = re.sub(r"^title: .*$", f"title: {q(title)}", original, count=1, flags=re.M)
                saved = time.perf_counter()
                claim_file.write_text(edited, encoding="utf-8")
                while True:
                    try:
                        status, html = get(port, page)
                        if status == 200 and title in html:
                            break
                    except OSError:
                        pass
                    if time.perf_counter() - saved > 600:
                        raise Failed("the edited claim did not show up in 10 minutes")
                    time.sleep(0.05)
                times.append(time.perf_counter() - saved)
                log(f"  serve: reload {attempt}: {times[-1]:.2f} s")
                checks.append(serve_checks(port, page, claim_id, article_page, title, baseline))
                time.sleep(3)  # let stray file events settle before the next save
            result["reload_s"] = [round(x, 2) for x in times]
            result["reload_median_s"] = round(statistics.median(times), 2)
            result["checks"] = checks
            result["checks_ok"] = all(all(c.values()) for c in checks)
        finally:
            claim_file.write_text(original, encoding="utf-8")
            for stop in (lambda: proc.send_signal(signal.SIGINT), proc.terminate, proc.kill):
                stop()
                try:
                    proc.wait(timeout=5)
                    break
                except subprocess.TimeoutExpired:
                    continue
    return result


def indexed_pages(port: int, page: str) -> set[str]:
    index = json.loads(get(port, page.split("/claims/")[0] + "/search/search_index.json")[1])
    return {doc["location"].split("#")[0] for doc in index["docs"]}


def serve_checks(port: int, page: str, claim_id: str, article_page: str, title: str, baseline: set[str]) -> dict[str, bool]:
    """After a reload: the search index has the claim under its new title and still every other page's
    entries; the article page's highlight of the quote carries the new title ("Claim: <title> Rated <label>")."""
    mount = page.split("/claims/")[0]
    index = json.loads(get(port, mount + "/search/search_index.json")[1])
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    titles = [doc["title"] for doc in index["docs"] if doc["location"].split("#")[0] == f"claims/{claim_id}/"]
    return {"search_has_new_title": titles == [title],
            "search_keeps_other_pages": pages == baseline,
            "article_page_follows": f'title="Claim: {title} Rated ' in get(port, article_page)[1]}


# ------------------------------------------------------------------------------------------------
# site-builder extract


def measure_extract(work: Path, count: int, seed: int, log) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    if not MODEL_FILE.exists():
        message = f"skipped: the check-worthiness model file is missing ({MODEL_FILE.relative_to(REPO)})"
        log(f"  extract: {message}")
        return {"skipped": message}
    root = work / f"extract-{count}"
    if root.exists():
        shutil.rmtree(root)
    (root / "claims").mkdir(parents=True)
    (root / "content" / "articles").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(claims_config(), encoding="utf-8")
    w = Writer(random.Random(seed * 7919 + count))
    ids = []
    for article_id, text, _, _, _ in make_articles(w, count, set()):
        (root / "content" / "articles" / f"{article_id}.md").write_text(text, encoding="utf-8")
        ids.append(article_id)
    m = measure([sys.executable, "-m", "site_builder", "extract", "--jobs", "2", "--dry-run", "--format", "json",
                 "--min-score", "0.5", *ids], root)
    check("site-builder extract", m)
    rows = json.loads(m.stdout)
    result = {**m.summary(), "articles": count, "drafts_proposed": sum(r.get("action") != "skipped" for r in rows),
              "articles_per_s": round(count / m.wall_s, 1)}
    log(f"  extract: {count} articles in {m.wall_s:.1f} s = {result['articles_per_s']} articles/s")
    shutil.rmtree(root)
    return result


# ------------------------------------------------------------------------------------------------
# Report


def fmt(value: Any, spec: str = ".2f") -> str:
    return "n/a" if value is None else format(value, spec)


def by_n(runs: list[dict[str, Any]], n: int) -> dict[str, Any] | None:
    return next((r for r in runs if r["n"] == n), None)


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    runs = results["runs"]
    at = by_n(runs, GOAL_N)
    big = by_n(runs, 2 * GOAL_N)
    small = by_n(runs, GOAL_PLAIN_N)
    serve = results.get("serve") or {}
    out = []

    def goal(name: str, value: float | None, limit: float | None, unit: str, needs: str, below: bool = False,
             cpu: float | None = None) -> None:
        def verdict(v: float | None) -> str:
            if v is None or limit is None:
                return f"n/a (needs {needs})"
            return "PASS" if (v < limit if below else v <= limit) else "FAIL"

        out.append({"goal": name, "value": value, "limit": limit, "unit": unit, "verdict": verdict(value),
                    "cpu_value": cpu, "cpu_verdict": verdict(cpu) if cpu is not None else "-"})

    goal("build / stock mkdocs-material on as many plain Markdown pages, at 2,000",
         small and small["derived"].get("build_plain_ratio"), GOAL_PLAIN_RATIO, "x", "N=2,000",
         cpu=small and small["derived"].get("build_plain_ratio_cpu"))
    goal("build / bare mkdocs-material at 10,000", at and at["derived"]["build_bare_ratio"], GOAL_BUILD_RATIO, "x",
         "N=10,000", cpu=at and at["derived"]["build_bare_ratio_cpu"])
    def fastest(run: dict[str, Any], clock: str) -> float:  # results written before --build-repeats: the one build
        return run["build"].get(f"fastest_{clock}", run["build"][clock])

    goal("build time 20,000 / 10,000 claims (fastest build of each size)",
         at and big and round(fastest(big, "wall_s") / fastest(at, "wall_s"), 3), GOAL_LINEAR, "x",
         "N=10,000 and 20,000", cpu=at and big and round(fastest(big, "cpu_s") / fastest(at, "cpu_s"), 3))
    for run in runs:
        goal(f"our own work, % of the build at {run['n']:,} (load_site and build_pages alone, one process)",
             run["derived"]["ours_percent"], GOAL_OURS_PERCENT, "%", "", cpu=run["derived"]["ours_percent_cpu"])
        # what the real build spends in (wall) and on (CPU, a render worker's included) the plugin's hooks
        goal(f"our hooks inside the real build, % of the build at {run['n']:,}",
             run["derived"].get("hooks_in_build_percent"), GOAL_OURS_PERCENT, "%", "the hooks' timings",
             cpu=run["derived"].get("hooks_in_build_percent_cpu"))
    goal("peak memory of the build at 10,000 (limit: bare's peak)", at and at["build"]["peak_tree_mb"],
         at and at["bare"]["peak_tree_mb"], "MB", "N=10,000")
    goal("peak memory of the build at 20,000", big and big["build"]["peak_tree_mb"], GOAL_PEAK_BIG_MB, "MB",
         "N=20,000", below=True)
    serve_ok = serve.get("checks_ok")
    goal(f"mkdocs serve at {serve.get('n', GOAL_N):,}: saved claim to served page, median of 3"
         + ("" if serve_ok in (None, True) else " (FAILED checks: search or article page did not follow)"),
         serve.get("reload_median_s") if serve.get("n") == GOAL_N and serve_ok else None, GOAL_SERVE_S, "s",
         "serve at 10,000 with its checks passing")
    goal("site-builder validate at 10,000", at and at["validate"]["wall_s"], GOAL_VALIDATE_S, "s", "N=10,000", below=True,
         cpu=at and at["validate"]["cpu_s"])
    goal("search index at 10,000", at and at["build"]["search_index_mb"], GOAL_SEARCH_MB, "MB", "N=10,000")
    return out


def main_table(runs: list[dict[str, Any]]) -> list[str]:
    lines = [
        "| N | validate s | plugin s | build s | bare s | build/bare | plain s | build/plain | ours % of build "
        "| peak MB | bare peak MB | site MB | search index MB | per-claim ms |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in runs:
        d = r["derived"]
        plain = r.get("plain")
        lines.append(
            f"| {r['n']:,} | {r['validate']['wall_s']:.2f} | {r['plugin']['plugin_s']:.2f} | {r['build']['wall_s']:.2f} "
            f"| {r['bare']['wall_s']:.2f} | {d['build_bare_ratio']:.2f} | {fmt(plain and plain['wall_s'])} "
            f"| {fmt(d.get('build_plain_ratio'))} | {d['ours_percent']:.1f} "
            f"| {r['build']['peak_tree_mb']:.0f} | {r['bare']['peak_tree_mb']:.0f} | {r['build']['site_mb']:.1f} "
            f"| {fmt(r['build']['search_index_mb'])} | {d['per_claim_ms']:.2f} |")
    return lines


def goals_table(results: dict[str, Any]) -> list[str]:
    lines = ["| goal | value | limit | verdict | by CPU time | verdict by CPU time |", "|---|---:|---:|---|---:|---|"]
    for g in results["goals"]:
        unit = g["unit"]
        limit = "-" if g["limit"] is None else f"{g['limit']:g} {unit}"
        lines.append(f"| {g['goal']} | {fmt(g['value'], 'g')} {unit if g['value'] is not None else ''} "
                     f"| {limit} | {g['verdict']} "
                     f"| {fmt(g['cpu_value'], 'g') + ' ' + unit if g['cpu_value'] is not None else '-'} | {g['cpu_verdict']} |")
    return lines


README_START, README_END = "<!-- scale results: written by benchmarks/scale.py --readme -->", "<!-- end of scale results -->"


def readme_section(results: dict[str, Any]) -> str:
    """The results part of benchmarks/README.md, from a results JSON."""
    code = results.get("code", {})
    loads = [x for r in results["runs"] for x in (r["loadavg_start"][0], r["loadavg_end"][0])]
    lines = [README_START, "",
             f"`{results.get('command', 'scale.py')}` on {results['date'][:10]}, commit {code.get('commit', '?')[:7]}"
             f"{' (with uncommitted changes)' if code.get('dirty') else ''}, {results['machine']['cpus']} cores, "
             f"load average {min(loads, default=0):.1f}-{max(loads, default=0):.1f} during the run; "
             "the JSON: " + ", ".join(f"`{name}`" for name in results.get("json_files", [f"results/{DEFAULT_JSON.name}"]))
             + ".", "", *main_table(results["runs"]), "",
             "The same in CPU seconds (user + sys of each child; much less disturbed by other work on the machine):", "",
             "| N | validate | plugin | build | bare | build/bare | plain | build/plain | ours % |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results["runs"]:
        d, plain = r["derived"], r.get("plain")
        lines.append(f"| {r['n']:,} | {r['validate']['cpu_s']:.2f} | {r['plugin']['plugin_cpu_s']:.2f} | {r['build']['cpu_s']:.2f} "
                     f"| {r['bare']['cpu_s']:.2f} | {d['build_bare_ratio_cpu']:.2f} | {fmt(plain and plain['cpu_s'])} "
                     f"| {fmt(d.get('build_plain_ratio_cpu'))} | {d['ours_percent_cpu']:.1f} |")
    lines.append("")
    serve = results.get("serve")
    if serve and "reload_median_s" in serve:
        lines.append(f"`mkdocs serve` at {serve['n']:,} claims: {serve['reload_median_s']:.2f} s from saving a claim to "
                     f"the served page (median of {serve['reload_s']}; first page after start {serve['startup_s']} s); "
                     f"search index and article page followed the edit: {'yes' if serve.get('checks_ok') else 'NO'}.")
        lines.append("")
    lines += [*goals_table(results), "", README_END]
    return "\n".join(lines)


def update_readme(results: dict[str, Any], readme: Path) -> None:
    text = readme.read_text(encoding="utf-8")
    if README_START not in text or README_END not in text:
        raise SystemExit(f"{readme}: no '{README_START}' ... '{README_END}' section to replace")
    before, rest = text.split(README_START, 1)
    after = rest.split(README_END, 1)[1]
    readme.write_text(before + readme_section(results) + after, encoding="utf-8")


def report(results: dict[str, Any]) -> str:
    runs = results["runs"]
    lines = main_table(runs)
    lines += ["", "CPU seconds (user + sys of each child; less sensitive to other work on the machine):", "",
              "| N | validate | plugin | build | bare | build/bare | ours % | bare peak MB | load avg (start, end) |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        d = r["derived"]
        lines.append(
            f"| {r['n']:,} | {r['validate']['cpu_s']:.2f} | {r['plugin']['plugin_cpu_s']:.2f} | {r['build']['cpu_s']:.2f} "
            f"| {r['bare']['cpu_s']:.2f} | {d['build_bare_ratio_cpu']:.2f} | {d['ours_percent_cpu']:.1f} "
            f"| {r['bare']['peak_tree_mb']:.0f} | {r['loadavg_start'][0]:.1f}, {r['loadavg_end'][0]:.1f} |")
    lines += ["", "Plugin breakdown (s; load_site = load + validate + quote location):", "",
              "| N | load_site | build_pages | load claims | load articles | cross-checks | of which quote location "
              "| claims hooks inside the build (% of build) | generated files | search index share of site |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        p, b, hooks = r["plugin"], r["plugin"].get("breakdown", {}), r["build"].get("claims_hooks") or {}
        share = (r["build"]["search_index_mb"] or 0) / r["build"]["site_mb"] * 100 if r["build"]["site_mb"] else 0
        lines.append(
            f"| {r['n']:,} | {p['load_site_s']:.2f} | {p['build_pages_s']:.2f} | {fmt(b.get('load_claims_s'))} "
            f"| {fmt(b.get('load_articles_s'))} | {fmt(b.get('check_claims_s'))} | {fmt(b.get('quote_location_s'))} "
            f"| {fmt(hooks.get('wall_s'))} ({fmt(r['derived'].get('hooks_in_build_percent'), '.1f')}%) "
            f"| {p['pages']:,} | {share:.0f}% |")
    lines.append("")
    sizes = [r["n"] for r in runs]
    for small, large in zip(sizes, sizes[1:]):
        a, b = by_n(runs, small), by_n(runs, large)
        assert a and b
        fastest = ""  # results written before --build-repeats have one build a size
        if "repeats" in a["build"] and "repeats" in b["build"]:
            builds = "; ".join(f"{r['n']:,}: " + ", ".join(f"{t['wall_s']:.1f}" for t in r["build"]["repeats"]) + " s"
                               for r in (a, b))
            fastest = f" (fastest of each size x{b['build']['fastest_wall_s'] / a['build']['fastest_wall_s']:.2f}, builds {builds})"
        lines.append(f"Growth {large:,} / {small:,} claims (x{large / small:g}): build x{b['build']['wall_s'] / a['build']['wall_s']:.2f}"
                     f"{fastest}, bare x{b['bare']['wall_s'] / a['bare']['wall_s']:.2f}, "
                     f"plugin x{b['plugin']['plugin_s'] / a['plugin']['plugin_s']:.2f}, "
                     f"validate x{b['validate']['wall_s'] / a['validate']['wall_s']:.2f}")
    for r in runs:
        cards = r.get("cards")
        if cards:
            lines.append(f"Share cards at {r['n']:,} claims, one per claim: {cards['cold_s']:.1f} s drawn into an empty cache "
                         f"({cards['ms_per_card']} ms each, CPU {cards['cold_cpu_s']:.1f} s; {cards['percent_of_build']}% "
                         f"of the build), {cards['warm_s']:.2f} s from a full cache; {cards['mb']:.1f} MB. "
                         f"The build itself drew one card per {cards['build_mode']} (share_cards: auto)")
    serve = results.get("serve")
    if serve is None:
        lines.append("Serve: not measured (--skip-serve)")
    elif "error" in serve:
        lines.append("Serve: FAILED (see below)")
        serve = None
    else:
        lines.append(f"Serve at {serve['n']:,} claims: save -> reloaded page {serve['reload_median_s']:.2f} s median of "
                     f"{serve['reload_s']} (first page after start {serve['startup_s']} s; idle CPU "
                     f"{serve['idle_cpu_percent']}% of a core); search index and article page followed each edit: "
                     f"{'yes' if serve.get('checks_ok') else 'NO ' + json.dumps(serve.get('checks'))}")
    extract = results.get("extract")
    if extract is None:
        lines.append("Extract: not measured (--skip-extract)")
    elif "skipped" in extract:
        lines.append(f"Extract: {extract['skipped']}")
    elif "error" in extract:
        lines.append("Extract: FAILED (see below)")
    else:
        lines.append(f"Extract --jobs 2 over {extract['articles']:,} articles: {extract['articles_per_s']} articles/s "
                     f"({extract['wall_s']:.1f} s, peak {extract['peak_tree_mb']:.0f} MB, {extract['drafts_proposed']} drafts proposed)")
    lines += ["", *goals_table(results)]
    lines.append("| site-builder extract --jobs 2 | "
                 + (f"{extract['articles_per_s']} articles/s" if extract and "articles_per_s" in extract else "n/a")
                 + " | - | reported | - | - |")
    return "\n".join(lines)


COMPARED = [("validate", "wall_s"), ("plugin", "plugin_s"), ("build", "wall_s"), ("bare", "wall_s"),
            ("build", "cpu_s"), ("build", "peak_tree_mb"), ("build", "site_mb"), ("build", "search_index_mb")]


def compare(old: dict[str, Any], new: dict[str, Any]) -> str:
    lines = ["| N | measure | before | after | change |", "|---:|---|---:|---:|---:|"]
    for run in new["runs"]:
        before = by_n(old.get("runs", []), run["n"])
        if before is None:
            continue
        for section, key in COMPARED:
            a, b = before.get(section, {}).get(key), run.get(section, {}).get(key)
            if a and b is not None:
                lines.append(f"| {run['n']:,} | {section} {key} | {a:g} | {b:g} | {100 * (b - a) / a:+.0f}% |")
    return "\n".join(lines)


def code_state() -> dict[str, Any]:
    """The commit, whether the tree is dirty, and a hash of the code and templates that were measured."""
    digest = hashlib.sha256()
    for path in sorted([*(REPO / "site_builder").rglob("*.py"), *TEMPLATES.glob("*")]):
        digest.update(path.relative_to(REPO).as_posix().encode())
        digest.update(path.read_bytes())

    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True, check=False).stdout.strip()
        except OSError:
            return ""

    return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--", "site_builder", "templates")),
            "code_sha256": digest.hexdigest()[:16]}


def versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    out = {"python": platform.python_version()}
    for name in ("mkdocs", "mkdocs-material", "pydantic", "jinja2", "markdown"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = "missing"
    return out


def print_profile(path: Path, top: int = 25) -> None:
    stats = pstats.Stats(str(path))
    stats.strip_dirs().sort_stats("cumulative").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--claims", type=int, nargs="+", action="extend", metavar="N",
                        help=f"numbers of claims (repeat or list; default {' '.join(map(str, DEFAULT_SIZES))})")
    parser.add_argument("--json", type=Path, default=DEFAULT_JSON, help="where to write the results (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help=f"smoke run: {QUICK_SIZE} claims, serve at {QUICK_SIZE}, extract 50 articles")
    parser.add_argument("--build-repeats", type=int, default=3, metavar="N",
                        help="builds of the claims project at each size; the growth goal compares the fastest of "
                        "each (a loaded or noisy machine only ever makes a build slower) (default %(default)s)")
    parser.add_argument("--skip-serve", action="store_true", help="do not time mkdocs serve")
    parser.add_argument("--skip-cards", action="store_true", help="do not time drawing one share card per claim")
    parser.add_argument("--skip-extract", action="store_true", help="do not time site-builder extract")
    parser.add_argument("--serve-claims", type=int, default=GOAL_N, help="claims in the serve project (default %(default)s)")
    parser.add_argument("--plain-claims", type=int, default=GOAL_PLAIN_N,
                        help="build the plain-Markdown reference at every N up to this (default %(default)s)")
    parser.add_argument("--extract-articles", type=int, default=1000, help="articles for extract (default %(default)s)")
    parser.add_argument("--profile", action="store_true",
                        help="also run the plugin phase under cProfile at each N: PLUGIN-N.prof next to --json, top 25 printed")
    parser.add_argument("--compare", type=Path, help="a previous results JSON: print the changes")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic data (default %(default)s)")
    parser.add_argument("--workdir", type=Path, help="where to make the temporary folder (default: the system's)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects and built sites")
    parser.add_argument("--repo", type=Path, default=HERE,
                        help="the checkout to measure, e.g. a `git archive` snapshot of a commit (default: this one)")
    parser.add_argument("--label", default="", help="a note stored with the results, e.g. the commit of a snapshot")
    parser.add_argument("--readme", action="store_true",
                        help="write the results table and goals into benchmarks/README.md (from this run, or --from-json)")
    parser.add_argument("--from-json", type=Path, nargs="+", metavar="PATH",
                        help="measure nothing: report (and --readme) the results in these JSON files (runs of "
                             "several files are put together, e.g. sizes measured in separate processes)")
    args = parser.parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json[0].read_text(encoding="utf-8"))
        for more in args.from_json[1:]:
            other = json.loads(more.read_text(encoding="utf-8"))
            results["runs"] = sorted(results["runs"] + other["runs"], key=lambda run: run["n"])
            results["command"] += " + " + other.get("command", "")
            for key in ("serve", "extract"):
                if key not in results and key in other:
                    results[key] = other[key]
        results["json_files"] = [f"results/{path.name}" for path in args.from_json]
        results["goals"] = goals(results)
        print(report(results))
        if args.readme:
            update_readme(results, HERE / "benchmarks" / "README.md")
        return 0
    use_repo(args.repo)
    compile_measured()
    # `kill PID` stops the run like Ctrl-C: the mkdocs serve child is stopped, the temporary folder removed
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if args.quick:
        sizes = args.claims or [QUICK_SIZE]
        args.serve_claims, args.extract_articles = min(args.serve_claims, QUICK_SIZE), min(args.extract_articles, 50)
    else:
        sizes = args.claims or DEFAULT_SIZES
    sizes = sorted(set(sizes))
    if any(n < 10 for n in sizes):
        parser.error("--claims: at least 10 claims (N/10 articles)")
    args.json = args.json.resolve()
    args.json.parent.mkdir(parents=True, exist_ok=True)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    if args.workdir:
        Path(args.workdir).mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="claim-explainer-scale-", dir=args.workdir))
    started = time.perf_counter()
    results: dict[str, Any] = {
        "benchmark": "scale", "version": 1,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.argv[0]).name, *(argv if argv is not None else sys.argv[1:])]),
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "loadavg": list(os.getloadavg())},
        "repo": str(REPO), "label": args.label,
        "versions": versions(), "code": code_state(), "seed": args.seed, "runs": [],
    }
    log(f"work folder {work}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")

    def save() -> None:  # after every step: a failure or an interrupted run keeps what was measured
        results["total_s"] = round(time.perf_counter() - started, 1)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    def failed(step: str, exc: BaseException) -> dict[str, Any]:
        log(f"  FAILED: {exc}")
        results.setdefault("failures", []).append({"step": step, "error": str(exc)[-3000:]})
        return {"error": str(exc)[-3000:]}

    try:
        def serve(root: Path | None) -> None:
            log(f"serve at {args.serve_claims:,} claims")
            try:
                if root is None:
                    root = work / f"serve-{args.serve_claims}"
                    write_project(root, generate(args.serve_claims, args.seed))
                results["serve"] = measure_serve(root, args.serve_claims, log)
            except (Failed, OSError) as exc:
                results["serve"] = failed("serve", exc)
            save()
            if not args.keep:
                shutil.rmtree(root, ignore_errors=True)

        for n in sizes:
            log(f"N = {n:,}")
            try:
                run, root = run_size(n, args, work, log)
            except Failed as exc:
                failed(f"N={n}", exc)
                save()
                continue
            results["runs"].append(run)
            save()
            if n == args.serve_claims and not args.skip_serve:
                serve(root)  # right away, with the project at hand (and before a long larger size)
            elif not args.keep:
                shutil.rmtree(root)
        if not args.skip_serve and "serve" not in results:
            serve(None)
        if not args.skip_extract:
            log(f"extract over {args.extract_articles:,} articles")
            try:
                results["extract"] = measure_extract(work, args.extract_articles, args.seed, log)
            except (Failed, OSError, ValueError) as exc:
                results["extract"] = failed("extract", exc)
            save()
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            log(f"kept {work}")
    after = code_state()
    if after["code_sha256"] != results["code"]["code_sha256"]:
        results["code"]["changed_during_run"] = after["code_sha256"]
        log("warning: site_builder/ or templates/ changed during the run: the numbers mix two versions")
    results["goals"] = goals(results)
    save()
    print(report(results))
    if args.readme:
        update_readme(results, HERE / "benchmarks" / "README.md")
    print(f"\nTotal {results['total_s']:.0f} s; load average at the end {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
          f"(shared machine: timings are noisy). Results: {args.json}")
    if args.compare:
        print("\nChanges against", args.compare)
        print(compare(json.loads(args.compare.read_text(encoding="utf-8")), results))
    if args.profile:
        for run in results["runs"]:
            print(f"\nProfile of the plugin phase at {run['n']:,} claims (cumulative time, top 25):")
            print_profile(Path(run["profile"]))
    for failure in results.get("failures", []):
        print(f"\nFAILED {failure['step']}:\n{failure['error']}")
    return 1 if results.get("failures") else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
