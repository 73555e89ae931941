"""Importing articles and drafting claims from them, through the real command line."""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from site_builder.drafting.sentences import split_sentences

from .conftest import CLAIM, REPO, Project

DEMO = "india-considers-additional-s400"

HTML = """<!doctype html>
<html lang="en"><head><title>Port traffic doubled, says authority | Harbour Times</title>
<meta property="og:site_name" content="Harbour Times">
<meta property="og:title" content="Port traffic doubled, says authority">
<link rel="canonical" href="https://harbour.example/port-traffic">
<meta property="article:published_time" content="2025-11-02T09:00:00Z">
</head><body><nav>Home | World | Sport</nav>
<article><h1>Port traffic doubled, says authority</h1>
<p>Container traffic at the port doubled in the first half of the year, the port authority said on Monday.</p>
<p>According to the authority, 1.2 million containers passed through the port between January and June.</p>
<p>Reports indicate that the new terminal cost more than planned, but officials declined to comment.</p>
</article><footer>Copyright Harbour Times</footer></body></html>
"""


@pytest.fixture
def demo(tmp_path: Path) -> Project:
    """A copy of the demo project, to run commands that write files."""
    root = tmp_path / "demo"
    for name in ("claims", "content", "templates"):
        shutil.copytree(REPO / name, root / name)
    shutil.copy(REPO / "mkdocs.yml", root)
    return Project(root)


def site_builder(project: Project, *args: str):  # type: ignore[no-untyped-def]
    return project.run(sys.executable, "-m", "site_builder", *args)


def test_import_text_keeps_the_body_verbatim(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("A Headline\n\nFirst line.\nSecond  line, “verbatim”.\n", encoding="utf-8")
    result = site_builder(project, "import-article", str(source), "--outlet", "x.news",
                          "--url", "https://x.news/a", "--published", "2025-12")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "wrote content/articles/a-headline.md\n"
    assert (project.articles / "a-headline.md").read_text() == (
        '---\ntitle: "A Headline"\noutlet: "x.news"\nurl: "https://x.news/a"\npublished: "2025-12"\n---\n'
        "First line.\nSecond  line, “verbatim”.\n")
    assert project.validate().returncode == 0


def test_import_refuses_to_overwrite_and_says_what_is_missing(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "story.txt"
    source.write_text("A Headline\nText.\n", encoding="utf-8")
    missing = site_builder(project, "import-article", str(source), "--id", "story")
    assert missing.returncode == 1
    assert missing.stderr == (  # the file it would have written does not exist: each problem by its option
        "Error: content/articles/story.md was not written; the article would not validate:\n"
        "--outlet: required field is missing (expected the site or publication that ran it)\n"
        "--url: required field is missing (expected an http(s) link to the article)\n"
        "--published: required field is missing (expected a date YYYY-MM-DD, or YYYY-MM or YYYY)\n")
    assert not (project.articles / "story.md").exists()
    args = ("import-article", str(source), "--id", "output-article", "--outlet", "x", "--url", "https://x/a",
            "--published", "2025")
    before = (project.articles / "output-article.md").read_text()
    for force in ((), ("--force",)):  # another article (another url): --force does not replace it either
        refused = site_builder(project, *args, *force)
        assert refused.returncode == 1
        assert refused.stderr == ("Error: content/articles/output-article.md holds another article "
                                  "(https://example.news/output), not https://x/a (expected --force only to replace "
                                  "the same article: choose another --id)\n")
        assert (project.articles / "output-article.md").read_text() == before


def test_import_markdown_with_front_matter(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "story.md"
    source.write_text("---\ntitle: Made Up\noutlet: y.news\nurl: https://y.news/1\npublished: 2024-05-06\n---\nBody *as is*.\n")
    result = site_builder(project, "import-article", str(source))
    assert result.returncode == 0, result.stderr
    assert (project.articles / "made-up.md").read_text().endswith("---\nBody *as is*.\n")


@pytest.mark.parametrize("name, text", [
    ("story.md", "---\ntitle: Made Up\noutlet: y.news\nurl: https://y.news/1\npublished: 2024-05-06\n---\n# Made  up\n\nBody *as is*.\n"),
    ("story.txt", "Made Up\n\nMade Up\nBody *as is*.\n"),
    ("page.html", "<html><head><title>Made Up</title><meta property='og:site_name' content='y.news'></head><body><article>"
                  "<h1>Made Up</h1><p>Body as is, a long enough paragraph for the extractor to keep as the text of the "
                  "article page.</p><p>A second paragraph of the article, also long enough to count as its text.</p>"
                  "</article></body></html>"),
])
def test_import_keeps_a_repeated_headline_out_of_the_body(project: Project, tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    result = site_builder(project, "import-article", str(source), "--id", "made-up", "--outlet", "y.news",
                          "--url", "https://y.news/1", "--published", "2024-05-06")
    assert result.returncode == 0, result.stderr
    body = (project.articles / "made-up.md").read_text().split("\n---\n", 1)[1]
    assert body.startswith("Body") and "Made" not in body


def test_import_saved_html_page(project: Project, tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(HTML, encoding="utf-8")
    result = site_builder(project, "import-article", str(source), "--id", "port-traffic")
    assert result.returncode == 0, result.stderr
    text = (project.articles / "port-traffic.md").read_text()
    assert 'title: "Port traffic doubled, says authority"' in text
    assert 'outlet: "Harbour Times"' in text and 'url: "https://harbour.example/port-traffic"' in text
    assert 'published: "2025-11-02"' in text
    assert "1.2 million containers passed through the port" in text
    assert "Copyright" not in text and "Home | World" not in text


def test_import_writes_the_language_of_the_page_or_of_its_text(project: Project, tmp_path: Path) -> None:
    # without it an Arabic article was built as English, left to right, and validate said nothing
    page = tmp_path / "ar.html"
    page.write_text(HTML.replace('<html lang="en">', '<html lang="ar" dir="rtl">'), encoding="utf-8")
    assert site_builder(project, "import-article", str(page), "--id", "ar-page").returncode == 0
    assert 'language: "ar"' in (project.articles / "ar-page.md").read_text()
    story = tmp_path / "ru.txt"
    story.write_text("Песков: поставки С-400 на повестке визита\n\n" + "Пресс-секретарь президента России Дмитрий "
                     "Песков заявил журналистам, что тема поставок зенитных ракетных систем С-400 в Индию находится на "
                     "повестке дня визита и будет обсуждаться на высшем уровне во время переговоров в Нью-Дели.\n",
                     encoding="utf-8")
    args = ("--outlet", "ria.example", "--url", "https://ria.example/1", "--published", "2025-12-02")
    result = site_builder(project, "import-article", str(story), "--id", "ru-story", *args)
    assert result.stdout == ("wrote content/articles/ru-story.md (language 'ru', detected from its text: pass "
                             "--language if it is another)\n"), result.stderr
    assert 'language: "ru"' in (project.articles / "ru-story.md").read_text()
    told = site_builder(project, "import-article", str(story), "--id", "uk-story", "--language", "uk", *args[:2],
                        "--url", "https://ria.example/2", *args[4:])
    assert told.stdout == "wrote content/articles/uk-story.md\n" and 'language: "uk"' in (project.articles / "uk-story.md").read_text()
    assert project.validate().returncode == 0


def test_extract_writes_valid_drafts_once_and_never_touches_them_again(demo: Project) -> None:
    for path in demo.claims.glob("*.yaml"):
        path.unlink()  # start from an article with no claims
    first = site_builder(demo, "extract", DEMO, "--min-score", "0.3")
    assert first.returncode == 0, first.stderr
    drafts = sorted(demo.claims.glob("*.yaml"))
    assert drafts and first.stdout.count("created: claims/") == len(drafts)
    assert demo.validate().returncode == 0, demo.validate().stderr
    text = drafts[0].read_text()
    assert text.startswith("# yaml-language-server: $schema=schema.json\n")
    assert "status: draft" in text and "extractor: \"site-builder extract\"" in text and "signals: [" in text
    drafts[0].write_text(text + "# edited by a person\n")
    again = site_builder(demo, "extract", DEMO, "--min-score", "0.3")
    assert again.returncode == 0, again.stderr
    assert "created:" not in again.stdout
    assert again.stdout.count("skipped: overlaps the quote of claims/") == len(drafts)
    assert sorted(demo.claims.glob("*.yaml")) == drafts
    assert drafts[0].read_text().endswith("# edited by a person\n")


def test_extract_skips_sentences_that_already_have_a_claim(demo: Project) -> None:
    result = site_builder(demo, "extract", DEMO, "--min-score", "0", "--top", "1000", "--dry-run", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    body = (demo.articles / f"{DEMO}.md").read_text().split("---\n", 2)[2]
    assert len(rows) == len(split_sentences(body))  # every sentence, with its score
    for row in rows:
        assert {"quote", "score", "claimant", "attribution", "signals"} <= set(row)
        assert 0 <= row["score"] <= 1
    ninety = next(r for r in rows if r["quote"].startswith("Reports indicate that the Russian system"))
    assert ninety["attribution"] == "vague" and ninety["claimant"] == "klas.news"
    assert any(signal.startswith("the sign “%” (+") for signal in ninety["signals"])  # the model's own reason
    assert ninety["action"] == "skipped"  # the demo has a claim for it
    names = sorted(p.name for p in demo.claims.iterdir())
    assert names == sorted(p.name for p in (REPO / "claims").iterdir())  # a dry run writes nothing


HINDI = ("भारत ने रूस से अतिरिक्त एस-400 वायु रक्षा प्रणालियाँ खरीदने पर विचार किया है। रक्षा मंत्रालय ने "
         "27 नवंबर को पाँच प्रणालियों की खरीद को मंज़ूरी दी। विश्लेषकों का कहना है कि यह सौदा 5.4 अरब डॉलर का है।\n")


@pytest.mark.parametrize(("front", "why"), [
    ("", "its text looks like language 'hi' (detected, probability 0.99)"),
    ("language: hi\n", "its front matter says language: hi"),
])
def test_extract_says_plainly_it_cannot_score_a_language_it_was_not_trained_on(
        demo: Project, front: str, why: str) -> None:
    (demo.articles / "hindi.md").write_text(
        f'---\ntitle: "S-400"\noutlet: "x.news"\nurl: "https://x.news/s400"\npublished: "2025-11-28"\n{front}---\n{HINDI}',
        encoding="utf-8")
    before = sorted(p.name for p in demo.claims.iterdir())
    result = site_builder(demo, "extract", "hindi")
    assert result.returncode == 1
    hint = "" if front else ", or set `language:` in its front matter if the detection is wrong"
    assert result.stderr.splitlines()[-1] == (
        f"Error: article 'hindi': {why}, and the check-worthiness model was trained on en only, so its scores "
        f"would mean nothing; no drafts are made. Draft claims from it by hand with "
        f"`site-builder new --article hindi`{hint}.")
    assert sorted(p.name for p in demo.claims.iterdir()) == before


HEADLINES = {  # Cyrillic, Devanagari, Arabic: readable ASCII ids, each its own
    "ru.txt": ("Россия подтвердила интерес Турции к С-400", "rossiya-podtverdila-interes-turtsii-k-s-400"),
    "hi.txt": ("भारत ने रूस से एस-400 खरीदने की पुष्टि की", "bhart-ne-rus-se-es-400-khridne-ki-pusti-ki"),
    "ar.txt": ("روسيا تؤكد اهتمام تركيا بمنظومة إس-400", "rwsy-tu-kd-htmm-trky-bmndhwmh-s-400"),
}


def import_headline(project: Project, tmp_path: Path, name: str, headline: str, url: str, *more: str):  # type: ignore[no-untyped-def]
    source = tmp_path / name
    source.write_text(f"{headline}\n\nThe text of the article.\n", encoding="utf-8")
    return site_builder(project, "import-article", str(source), "--outlet", "x.news", "--url", url,
                        "--published", "2025-12-01", *more)


def test_import_gives_headlines_in_any_script_readable_distinct_ids(project: Project, tmp_path: Path) -> None:
    for number, (name, (headline, article_id)) in enumerate(sorted(HEADLINES.items())):
        result = import_headline(project, tmp_path, name, headline, f"https://x.news/{number}")
        assert (result.returncode, result.stdout) == (0, f"wrote content/articles/{article_id}.md\n"), result.stderr
    assert project.validate().returncode == 0


def test_a_second_article_with_the_same_title_gets_a_number_and_is_told(project: Project, tmp_path: Path) -> None:
    first = import_headline(project, tmp_path, "a.txt", "Россия подтвердила интерес", "https://one.example/a")
    assert first.stdout == "wrote content/articles/rossiya-podtverdila-interes.md\n", first.stderr
    for force in ((), ("--force",)):  # another url: another article, even with --force
        second = import_headline(project, tmp_path, "b.txt", "Россия подтвердила интерес", "https://two.example/b", *force)
        assert second.stdout == ("wrote content/articles/rossiya-podtverdila-interes-2.md (the id "
                                 "'rossiya-podtverdila-interes' is taken: content/articles/rossiya-podtverdila-interes.md "
                                 "is another article)\n"), second.stderr
    assert "https://one.example/a" in (project.articles / "rossiya-podtverdila-interes.md").read_text()
    third = import_headline(project, tmp_path, "c.txt", "Россия подтвердила интерес", "https://three.example/c")
    assert third.stdout.startswith("wrote content/articles/rossiya-podtverdila-interes-3.md ("), third.stderr
    # the same article again (the same url): refused without --force, replaced with it
    again = import_headline(project, tmp_path, "a.txt", "Россия подтвердила интерес", "https://one.example/a")
    assert (again.returncode, again.stderr) == (1, "Error: content/articles/rossiya-podtverdila-interes.md already "
                                                   "exists (pass --force to replace it)\n")
    (tmp_path / "a.txt").write_text("Россия подтвердила интерес\n\nThe corrected text.\n", encoding="utf-8")
    forced = site_builder(project, "import-article", str(tmp_path / "a.txt"), "--outlet", "x.news", "--url",
                          "https://one.example/a", "--published", "2025-12-01", "--force")
    assert forced.stdout == "wrote content/articles/rossiya-podtverdila-interes.md\n", forced.stderr
    assert "The corrected text." in (project.articles / "rossiya-podtverdila-interes.md").read_text()
    assert project.validate().returncode == 0


def test_force_keeps_an_article_file_whose_fields_a_person_edited(project: Project, tmp_path: Path) -> None:
    # the same url is the same article, but not the same record: --force dropped the notes, retrieved and
    # language a person had added, and validate still said OK
    first = import_headline(project, tmp_path, "a.txt", "Peskov on the S-400", "https://one.example/a")
    assert first.returncode == 0, first.stderr
    path = project.articles / "peskov-on-the-s-400.md"
    edited = path.read_text(encoding="utf-8").replace(
        "---\nThe text", "retrieved: 2026-01-05\nlanguage: ru\nnotes: Checked against the print edition.\n---\nThe text")
    path.write_text(edited, encoding="utf-8")
    forced = import_headline(project, tmp_path, "a.txt", "Peskov on the S-400", "https://one.example/a", "--force")
    assert (forced.returncode, forced.stderr) == (1, (
        "Error: content/articles/peskov-on-the-s-400.md differs from this import in language, retrieved, notes; the "
        "file is kept (expected --force only to replace the same article with nothing but its text changed: edit "
        "the file by hand, or delete it and import again)\n"))
    assert path.read_text(encoding="utf-8") == edited


def test_force_replaces_only_the_text_and_never_a_passage_a_claim_quotes(project: Project, tmp_path: Path) -> None:
    """--force takes the new text only: the front matter stays as the person keeps it (comments and all), and
    a text without a passage a claim quotes is refused, as validate would then fail on the claim."""
    first = import_headline(project, tmp_path, "a.txt", "Peskov on the S-400", "https://one.example/a")
    assert first.returncode == 0, first.stderr
    path = project.articles / "peskov-on-the-s-400.md"
    commented = path.read_text(encoding="utf-8").replace("---\nThe text", "# the url checked on 2 December\n---\nThe text")
    path.write_text(commented, encoding="utf-8")
    project.write_claim("text-of-the-article", CLAIM.replace("quote: Output rose by 40% last year", "quote: The text of the article")
                        .replace("article: output-article", "article: peskov-on-the-s-400"))
    assert project.validate().returncode == 0
    source = tmp_path / "a.txt"
    source.write_text("Peskov on the S-400\n\nThe corrected text.\n", encoding="utf-8")
    args = ("import-article", str(source), "--outlet", "x.news", "--url", "https://one.example/a", "--published", "2025-12-01", "--force")
    refused = site_builder(project, *args)
    assert (refused.returncode, refused.stderr) == (1, (
        "Error: content/articles/peskov-on-the-s-400.md: the new text does not have the quote of "
        "claims/text-of-the-article.yaml; the file is kept (expected the same article with the passages claims quote: "
        "fix those claims first, or edit the article by hand)\n"))
    assert path.read_text(encoding="utf-8") == commented
    source.write_text("Peskov on the S-400\n\nThe text of the article, corrected.\n", encoding="utf-8")
    forced = site_builder(project, *args)
    assert forced.stdout == "wrote content/articles/peskov-on-the-s-400.md\n", forced.stderr
    assert path.read_text(encoding="utf-8") == commented.replace("The text of the article.", "The text of the article, corrected.")
    assert project.validate().returncode == 0


@pytest.mark.parametrize("title, article_id", [
    ("2025", "article-2025"),  # a number is a page of a list
    ("Index", "article-index"),  # the list's own page
    ("CON", "article-con"),  # a device on Windows
    ("!!! ???", "article"),  # nothing to make an id from
    ("Output rose by forty percent last year, the minister of the economy said on Monday in the capital",
     "output-rose-by-forty-percent-last-year-the-minister-of-the"),  # at most 60 characters, cut at a word
])
def test_ids_made_from_titles_are_short_and_never_reserved(title: str, article_id: str) -> None:
    from site_builder.drafting.importer import Imported

    assert Imported({"title": title}, "").suggested_id() == article_id
    assert len(article_id) <= 60


def test_draft_ids_are_short_never_reserved_and_never_taken() -> None:
    from site_builder.drafting.extract import unique_id

    assert unique_id("114", set()) == "claim-114"  # a Hindi article once gave claims/114.yaml
    assert unique_id("Index", set()) == "claim-index"
    assert unique_id("Россия подтвердила интерес", {"rossiya-podtverdila-interes"}) == "rossiya-podtverdila-interes-2"
    long = unique_id("Extraordinarily comprehensive internationalisation characteristically "
                     "overwhelms counterrevolutionary bureaucratisation", set())
    assert long == "extraordinarily-comprehensive-internationalisation" and len(long) <= 60


COPY = "lachronicle-india-considers-additional-s400"
# the claim the copy's "Western analytical institutions" sentence repeats most closely
WESTERN = REPO / "claims" / "western-intelligence-acknowledged-s400.yaml"


def _without_the_copys_appearance(demo: Project) -> str:
    """The demo as if the lachronicle copy had not been linked yet: every appearance in it removed from
    every claim file. Returns the text of the claim its Western sentence repeats."""
    for path in sorted(demo.claims.glob("*.yaml")):
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        while f"  - article: {COPY}\n" in lines:
            start = lines.index(f"  - article: {COPY}\n")
            end = next((n for n in range(start + 1, len(lines)) if not lines[n].startswith("    ")), len(lines))
            lines[start:end] = []
            if lines[start - 1] == "appearances:\n" and (start == len(lines) or not lines[start].startswith("  - ")):
                del lines[start - 1]  # the list is empty now
        path.write_text("".join(lines), encoding="utf-8")
    return (demo.claims / WESTERN.name).read_text(encoding="utf-8")


def _files(project: Project) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for folder in (project.claims, project.articles) for p in sorted(folder.iterdir())}


def test_extract_reports_the_copys_sentence_as_repeating_the_claim_and_touches_no_file(demo: Project) -> None:
    _without_the_copys_appearance(demo)
    before = _files(demo)
    result = site_builder(demo, "extract", COPY)
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "Shugayev emphasized" in line)
    assert re.fullmatch(r"repeats western-intelligence-acknowledged-s400 \(similarity 0\.\d\d\): Shugayev emphasized that "
                        r"Western analytical institutions have independ", line), line
    assert 0.5 <= float(line.split("similarity ")[1][:4]) < 1
    assert "created:" not in result.stdout
    assert re.search(r"^0 created, \d+ skipped, \d+ repeat existing claims$", result.stdout, re.M), result.stdout
    assert _files(demo) == before  # without --add-appearances, no file is touched


def test_extract_json_says_for_each_sentence_which_claim_it_repeats(demo: Project) -> None:
    _without_the_copys_appearance(demo)
    result = site_builder(demo, "extract", COPY, "--format", "json", "--min-score", "0", "--top", "1000")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all("repeats" in row for row in rows)
    western = next(row for row in rows if row["quote"].startswith("Shugayev emphasized"))
    assert western["action"] == "repeats" and western["file"] == "claims/western-intelligence-acknowledged-s400.yaml"
    assert western["repeats"]["claim"] == "western-intelligence-acknowledged-s400" and 0.5 <= western["repeats"]["similarity"] < 1
    assert western["repeats"]["article"] != COPY and western["repeats"]["quote"]  # the quote it is most like
    assert all(row["repeats"] is None for row in rows if row["action"] != "repeats")
    assert sum(row["action"] == "repeats" for row in rows) >= 3  # the copy repeats other claims too


def test_add_appearances_appends_the_sentence_to_the_claim_keeping_every_other_line(demo: Project) -> None:
    text = _without_the_copys_appearance(demo)
    path = demo.claims / WESTERN.name
    text = text.replace("claimant: klas.news, attributing to Dmitry Shugayev\n",
                        "# who said it: checked by a person\nclaimant: klas.news, attributing to Dmitry Shugayev  # the outlet\n")
    path.write_text(text, encoding="utf-8")
    others = {name: data for name, data in _files(demo).items() if name != WESTERN.name}
    result = site_builder(demo, "extract", COPY, "--add-appearances", "--top", "1")
    assert result.returncode == 0, result.stderr
    assert re.search(r"^repeats western-intelligence-acknowledged-s400 \(similarity 0\.\d\d\), appearance added to "
                     r"claims/western-intelligence-acknowledged-s400\.yaml: Shugayev emphasized", result.stdout, re.M), result.stdout
    sentence = ("Shugayev emphasized that Western analytical institutions have independently validated the system’s "
                "superiority, noting a 90% success rate in intercepting aerial threats—nearly double that of the U.S. "
                "Patriot system, which stands at 50%.")
    added = f'  - article: {COPY}\n    quote: "{sentence}"\n'
    assert path.read_text(encoding="utf-8") == text.replace("# who said it", added + "# who said it")
    assert demo.validate().returncode == 0, demo.validate().stderr
    changed = {name for name, data in _files(demo).items() if others.get(name, data) != data}
    assert changed == {name for name in changed if name.endswith(".yaml")}  # only claim files that the copy repeats
    again = site_builder(demo, "extract", COPY, "--add-appearances", "--top", "1")
    assert again.returncode == 0, again.stderr
    assert "repeats western-intelligence-acknowledged-s400" not in again.stdout  # now an appearance: its sentence overlaps it
    assert path.read_text(encoding="utf-8") == text.replace("# who said it", added + "# who said it")


def test_an_appearance_validate_would_refuse_is_not_added(demo: Project) -> None:
    """A sentence holding a right-to-left override (U+202E, which can make text read as other text)
    repeats a claim, but validate refuses such a quote: it is reported, and the claim's file is left as
    it was."""
    _without_the_copys_appearance(demo)
    article = demo.articles / f"{COPY}.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Western analytical", "Western\u202e analytical"),
                       encoding="utf-8")
    before = (demo.claims / WESTERN.name).read_bytes()
    result = site_builder(demo, "extract", COPY, "--add-appearances")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if "Shugayev emphasized" in line)
    assert re.fullmatch(r"repeats western-intelligence-acknowledged-s400 \(similarity 0\.\d\d\), appearance not added: would not "
                        r"validate: appearances\[\d\]\.quote: contains an invisible control character U\+202E "
                        r"\(expected visible text only\): Shugayev emphasized that Western\u202e analytical institutions have indepen",
                        line), line
    assert (demo.claims / WESTERN.name).read_bytes() == before


def test_a_copy_extracted_with_its_original_repeats_the_claims_drafted_from_it(demo: Project) -> None:
    for path in demo.claims.glob("*.yaml"):
        path.unlink()  # start from articles with no claims
    first = site_builder(demo, "extract", DEMO, COPY, "--min-score", "0.3", "--add-appearances")
    assert first.returncode == 0, first.stderr
    drafted = {p.stem for p in demo.claims.glob("*.yaml")}
    repeats = re.findall(r"^repeats ([a-z0-9-]+) \(similarity 0\.\d\d\), appearance not added: its claim is drafted by "
                         r"this run; run the command again to add it: ", first.stdout, re.M)
    assert repeats and set(repeats) <= drafted, first.stdout  # the copy's sentences repeat the new drafts
    assert not any(p.read_text(encoding="utf-8").count("appearances:") for p in demo.claims.glob("*.yaml"))
    again = site_builder(demo, "extract", COPY, "--min-score", "0.3", "--add-appearances")
    assert again.returncode == 0, again.stderr
    added = re.findall(r"^repeats ([a-z0-9-]+) \(similarity 0\.\d\d\), appearance added to claims/\1\.yaml: ",
                       again.stdout, re.M)
    assert set(added) == set(repeats), again.stdout
    assert {p.stem for p in demo.claims.glob("*.yaml")} == drafted  # nothing new drafted from the copy's repeats
    assert demo.validate().returncode == 0, demo.validate().stderr


TRANSCRIPT = """---
title: "The mayoral debate, transcript"
outlet: "harbour.example"
url: "https://harbour.example/debate"
published: "2025-11"
---
The two candidates met at the town hall on Tuesday.

HOLT: Good evening. Mr. Grant, you said crime fell by 20 percent last year. Is that right?

GRANT: Crime fell by 20 percent in 2024, the largest drop since 1990. We hired 300 officers.

HOLT: Ms. Ruiz, do you agree?

RUIZ: No. The city lost 4,000 jobs while he was mayor.
"""


def test_extract_reads_a_transcripts_turns_as_its_speakers(demo: Project) -> None:
    """In a transcript ("NAME: words"), each sentence is its speaker's, without the "NAME:", and the model's
    speaker features count: a moderator who mostly asks is ranked down, and says why."""
    (demo.articles / "mayoral-debate.md").write_text(TRANSCRIPT, encoding="utf-8")
    result = site_builder(demo, "extract", "mayoral-debate", "--min-score", "0", "--top", "1000", "--dry-run",
                          "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {row["quote"]: row for row in json.loads(result.stdout)}
    assert not any(quote.startswith(("HOLT:", "GRANT:", "RUIZ:")) for quote in rows)
    crime = rows["Crime fell by 20 percent in 2024, the largest drop since 1990."]
    assert (crime["speaker"], crime["claimant"], crime["attribution"]) == ("Grant", "Grant", "direct")
    assert "speaker_values" not in crime
    jobs = rows["The city lost 4,000 jobs while he was mayor."]
    assert (jobs["speaker"], jobs["claimant"]) == ("Ruiz", "Ruiz")
    first = rows["The two candidates met at the town hall on Tuesday."]
    assert (first["speaker"], first["claimant"], first["attribution"]) == (None, "harbour.example", "none")
    asked = rows["Mr. Grant, you said crime fell by 20 percent last year."]
    assert asked["speaker"] == "Holt" and asked["score"] < crime["score"]
    assert any(signal.startswith("its speaker's share of questions (-") for signal in asked["signals"])


def test_import_knows_its_article_in_a_file_saved_with_a_byte_order_mark(project: Project, tmp_path: Path) -> None:
    # a BOM hid the url: the same article was called 'another article' and written again as '-2'
    story = tmp_path / "story.txt"
    story.write_text("A Headline\n\nFirst line.\n", encoding="utf-8")
    args = ("import-article", str(story), "--outlet", "x.news", "--url", "https://x.news/a", "--published", "2025-12")
    assert site_builder(project, *args).returncode == 0
    saved = project.articles / "a-headline.md"
    saved.write_bytes(b"\xef\xbb\xbf" + saved.read_bytes())
    again = site_builder(project, *args)
    assert again.stderr == "Error: content/articles/a-headline.md already exists (pass --force to replace it)\n"
    assert not (project.articles / "a-headline-2.md").exists()
