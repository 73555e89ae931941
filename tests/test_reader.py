"""What a reader takes away, on real builds: the verdict in every title, link preview and feed item; the
head of a claim page; share cards; ratings in words on article pages; the corrections log; the report
link; the rating definitions from mkdocs.yml; placeholders reported."""

from __future__ import annotations

import sys

import html as htmllib
import itertools
import json
import re
import xml.etree.ElementTree as ET
from io import BytesIO

import pytest
import yaml
from coloraide import Color
from PIL import Image

from site_builder.cards import draw, drawable
from site_builder.model import DEFAULT_RATINGS, RatingScale
from site_builder.share import Card, rating_text, verdict_description

from .conftest import CLAIM, CLAIM_2, REPO, Project
from .schemaorg_vocab import check
from .test_publishing import json_ld

META_RE = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')
TITLE_RE = re.compile(r"<title>(.*?)</title>")
PUBLISHED = {
    "output-rose-40-percent": ("Claim: Output rose by 40% last year | Rated Supported",
                               "Supported. Official figures show a 40% rise. The figure is for the whole year."),
    "exports-doubled": ("Claim: Exports to the US market doubled | Rated Misleading",
                        "Misleading. Exports rose, but from a very low base."),
}


def head(page: str) -> dict[str, str]:
    """The page's <meta> tags, by property or name, unescaped."""
    return {key: htmllib.unescape(value) for key, value in META_RE.findall(page.split("</head>")[0])}


def text_of(page: str) -> str:
    """The content's text, tags removed, whitespace folded."""
    content = page.split('<article class="md-content__inner md-typeset">')[1].split("</article>")[0]
    inline_tags_removed = re.sub(r"</?(?:a|span|time|strong|em|code|mark)\b[^>]*>", "", content)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", inline_tags_removed)).split())


def set_option(project: Project, line: str) -> None:
    """Set one option of the claims plugin in the project's mkdocs.yml (replacing an earlier value)."""
    config = project.root / "mkdocs.yml"
    text = re.sub(rf"^      {line.split(':')[0]}:.*\n", "", config.read_text(), flags=re.M)
    config.write_text(text.replace("  - claims:\n", f"  - claims:\n      {line}\n"))


@pytest.fixture
def project(project: Project) -> Project:
    """The test project with the site's theme overrides, where the link-preview tags are written."""
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  name: material\n", f"  name: material\n  custom_dir: {(REPO / 'overrides').as_posix()}\n"))
    return project


@pytest.fixture
def built(project: Project) -> Project:
    project.write_claim("exports-doubled", CLAIM_2.replace(
        "reviewed: 2026-01-11", "authors: [Ana Lima, Joe Bloggs]\nreviewers: [Ravi Menon]\nreviewed: 2026-01-11"))
    result = project.build()
    assert result.returncode == 0, result.stderr
    return project


def test_every_claim_page_carries_its_verdict_in_title_and_link_previews(built: Project) -> None:
    for claim_id, (title, description) in PUBLISHED.items():
        page = built.html(f"claims/{claim_id}")
        tags = head(page)
        assert htmllib.unescape(TITLE_RE.search(page).group(1)) == f"{title} - Test claims"
        assert tags["og:title"] == tags["twitter:title"] == title
        assert tags["og:description"] == tags["twitter:description"] == tags["description"] == description
        assert tags["og:type"] == "article"
        assert tags["og:url"] == f"https://claims.example.org/claims/{claim_id}/"
        assert tags["og:site_name"] == "Test claims"
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["og:image"] == tags["twitter:image"]
        assert re.fullmatch(rf"https://claims\.example\.org/assets/cards/claim-{claim_id}-[0-9a-f]{{16}}\.png",
                            tags["og:image"])
        label = title.split("| Rated ")[1]
        assert tags["og:image:alt"] == tags["twitter:image:alt"] == f"Rated {label}: {title[7:].split(' |')[0]}"
        assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:type"]) == ("1200", "630", "image/png")
        card = built.root / "site" / tags["og:image"].removeprefix("https://claims.example.org/")
        with Image.open(card) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))


def test_the_home_page_previews_as_the_site(built: Project) -> None:
    """A shared link to the home page shows the site's name, not the page's own title ("Home")."""
    tags = head(built.html(""))
    assert tags["og:title"] == tags["twitter:title"] == "Test claims"
    assert tags["og:description"] == tags["description"]
    assert head(built.html("claims"))["og:title"] == "All claims"  # any other page keeps its own title


@pytest.mark.parametrize(("summary", "label", "expected"), [
    ("Exports rose, but from a very low base.", "Misleading", "Misleading. Exports rose, but from a very low base."),
    ("  No official\nfigure supports it. ", "Unsupported", "Unsupported. No official figure supports it."),
    # a summary that opens with its verdict is not given it twice ("False. False: ...")
    ("False: no official figure supports it.", "False", "False: no official figure supports it."),
    ("Mostly false. The rate was 9%.", "Mostly false", "Mostly false. The rate was 9%."),
    ("misleading, as exports rose from a low base.", "Misleading", "misleading, as exports rose from a low base."),
    ("Falsely attributed to the minister.", "False", "False. Falsely attributed to the minister."),
])
def test_a_description_says_the_verdict_once(summary: str, label: str, expected: str) -> None:
    assert verdict_description(summary, label) == expected


def test_a_link_to_a_former_id_previews_as_the_claim_does(project: Project) -> None:
    """A link shared before a claim was renamed (aliases) shows the claim's verdict, short answer and card."""
    project.write_claim("output-rose-40-percent", CLAIM.replace("tags:", "aliases: [output-rose]\ntags:"))
    assert project.build().returncode == 0
    claim = head(project.html("claims/output-rose-40-percent"))
    redirect = project.html("claims/output-rose")
    moved = head(redirect)
    shared = ("description", "og:type", "og:site_name", "og:title", "og:description", "og:url", "og:image",
              "og:image:type", "og:image:width", "og:image:height", "og:image:alt", "twitter:card", "twitter:title",
              "twitter:description", "twitter:image", "twitter:image:alt")
    assert {key: moved.get(key) for key in shared} == {key: claim[key] for key in shared}
    assert moved["og:title"] == "Claim: Output rose by 40% last year | Rated Supported"
    assert moved["viewport"] == "width=device-width,initial-scale=1" and moved["robots"] == "noindex"
    assert '<script>location.replace("../output-rose-40-percent/" + location.hash)</script>' in redirect


def test_feed_items_carry_the_verdict_and_the_authors(built: Project) -> None:
    rss = ET.fromstring((built.root / "site/feed.xml").read_bytes())
    items = {i.findtext("link"): i for i in rss.findall("./channel/item")}
    feed = json.loads((built.root / "site/feed.json").read_text())
    for claim_id, (title, _) in PUBLISHED.items():
        url = f"https://claims.example.org/claims/{claim_id}/"
        assert items[url].findtext("title") == title
        [item] = [i for i in feed["items"] if i["url"] == url]
        assert item["title"] == title
    dc = "{http://purl.org/dc/elements/1.1/}creator"
    exports = items["https://claims.example.org/claims/exports-doubled/"]
    assert [e.text for e in exports.findall(dc)] == ["Ana Lima", "Joe Bloggs"]
    assert "By Ana Lima and Joe Bloggs. Reviewed by Ravi Menon." in exports.findtext("description")
    assert "Corrected" in [e.text for e in exports.findall("category")]
    output = items["https://claims.example.org/claims/output-rose-40-percent/"]
    assert [e.text for e in output.findall(dc)] == ["Test claims"]  # no authors: the publisher
    assert feed["items"][0]["authors"] == [{"name": "Ana Lima"}, {"name": "Joe Bloggs"}]


def test_every_page_links_the_feeds_for_feed_readers_when_the_site_has_them(project: Project) -> None:
    assert project.build().returncode == 0
    for path, root in (("", ""), ("claims", "../"), ("claims/output-rose-40-percent", "../../"),
                       ("articles/output-article", "../../"), ("methodology", "../")):
        links = (f'<link rel="alternate" type="application/rss+xml" href="{root}feed.xml" title="Test claims (RSS)">\n'
                 f'  <link rel="alternate" type="application/feed+json" href="{root}feed.json" '
                 'title="Test claims (JSON Feed)">')
        assert links in project.html(path).split("</head>")[0], path
    config = project.root / "mkdocs.yml"  # no site_url: no feeds, and no links to them
    config.write_text(config.read_text().replace("site_url: https://claims.example.org/\n", ""))
    assert project.run(sys.executable, "-m", "mkdocs", "build", "-d", "site").returncode == 0  # --strict stops at its warning
    assert not (project.root / "site/feed.xml").exists()
    assert 'rel="alternate"' not in project.html("")


def test_the_head_of_a_claim_page_in_reading_order(built: Project) -> None:
    text = text_of(built.html("claims/exports-doubled"))
    expected = [
        "Exports to the US market doubled",
        "Claimed by The ministry in example.news, 3 December 2025",
        "Rated Misleading Built on real facts but framed to give a false impression.",
        "Short answer: Exports rose, but from a very low base.",
        "By Ana Lima and Joe Bloggs · Reviewed by Ravi Menon, 11 January 2026 · Corrected 15 January 2026",
        "How we decide ratings · Report an error",
        "The claim",
    ]
    positions = [text.find(part) for part in expected]
    assert -1 not in positions, [part for part in expected if part not in text]
    assert positions == sorted(positions)
    other = text_of(built.html("claims/output-rose-40-percent"))
    assert "By Test claims · Reviewed 12 January 2026 How we decide ratings" in other  # the publisher; not updated


def test_a_corrected_claim_says_so_at_the_top_and_links_its_corrections(built: Project) -> None:
    """A reader who saw the first version must see, before the claim, that it was corrected: the byline
    says when, and takes them to the note. Corrected the day it was reviewed still says so."""
    byline = re.compile(r'<p class="claim-byline"[^>]*>(.*?)</p>', re.S)
    page = built.html("claims/exports-doubled")  # updated and corrected on 15 January
    assert byline.search(page).group(1).endswith(
        ' · <a href="#corrections">Corrected</a> <time datetime="2026-01-15">15 January 2026</time>')
    assert page.index('href="#corrections"') < page.index('id="corrections"')
    built.write_claim("output-rose-40-percent", CLAIM.replace("reviewed: 2026-01-12", "reviewed: 2026-01-12\nupdated: 2026-02-03") + (
        "corrections:\n  - date: 2026-01-12\n    note: The month was wrong.\n"))
    assert built.build().returncode == 0
    line = htmllib.unescape(re.sub(r"<[^>]+>", "", byline.search(built.html("claims/output-rose-40-percent")).group(1)))
    assert line == "By Test claims · Reviewed 12 January 2026 · Corrected 12 January 2026 · Updated 3 February 2026"


def test_the_scale_shows_where_the_rating_sits_in_words(built: Project) -> None:
    page = built.html("claims/exports-doubled")
    scale = re.search(r'<ol class="rating-scale"[^>]*>(.*?)</ol>', page, re.S).group(1)
    steps = re.findall(r'<li class="rating-step rating-([a-z-]+)( rating-step-current)?[^"]*">', scale)
    assert [step for step, _ in steps] == list(DEFAULT_RATINGS)
    assert [step for step, current in steps if current] == ["misleading"]
    assert "The rating scale, best supported first:" in page
    assert "(this claim’s rating: Built on real facts" in scale
    # cannot-verify (value 0) is no point on the scale: set apart, and said so
    outside = re.findall(r'<li class="rating-step rating-([a-z-]+)[^"]* rating-step-outside">', scale)
    assert outside == ["cannot-verify"] and scale.count("(not a point on the scale)") == 1


def test_claim_review_names_the_people(built: Project) -> None:
    [review] = json_ld(built.html("claims/exports-doubled"))
    assert check(review) == []
    assert review["author"] == {"@type": "Organization", "name": "Test claims", "url": "https://claims.example.org/"}
    assert review["creator"] == [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Joe Bloggs"}]
    assert review["editor"] == [{"@type": "Person", "name": "Ravi Menon"}]
    [plain] = json_ld(built.html("claims/output-rose-40-percent"))
    assert "creator" not in plain and "editor" not in plain and check(plain) == []


def test_home_and_listing_pages_show_the_site_card(built: Project) -> None:
    images = set()
    for path in ("", "claims", "ratings", "corrections", "methodology"):
        tags = head(built.html(path))
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["og:image:alt"].startswith("Test claims: claims rated Supported, Partly supported")
        images.add(tags["og:image"])
    [image] = images
    assert re.fullmatch(r"https://claims\.example\.org/assets/cards/site-[0-9a-f]{16}\.png", image)
    assert (built.root / "site" / image.removeprefix("https://claims.example.org/")).is_file()


def test_cards_are_drawn_once_and_redrawn_only_when_their_claim_changes(built: Project) -> None:
    cache = built.root / ".cache/claims"
    before = {p.name: p.read_bytes() for p in cache.glob("*/*.png")}
    assert len(before) == 3  # two claims and the site
    again = built.build()
    assert "drew" not in again.stderr
    built.write_claim("output-rose-40-percent", CLAIM.replace("rating: supported", "rating: partly-supported"))
    changed = built.build()
    assert "claims: drew 1 share card(s)" in changed.stderr
    after = {p.name: p.read_bytes() for p in cache.glob("*/*.png")}
    assert len(after) == 3 and len(set(after) - set(before)) == 1  # the stale card is removed
    assert not (built.root / "site/.cache").exists() and "claims" not in {p.name for p in (built.root / "site").iterdir()} - {"claims"}


def test_one_card_per_rating_when_asked(project: Project) -> None:
    set_option(project, "share_cards: rating")
    assert project.build().returncode == 0
    tags = head(project.html("claims/exports-doubled"))
    assert re.search(r"/assets/cards/rating-misleading-[0-9a-f]{16}\.png$", tags["og:image"])
    assert tags["og:image:alt"] == "Rated Misleading, on a scale from Supported to Cannot verify"
    assert tags["og:title"] == PUBLISHED["exports-doubled"][0]


def test_a_card_is_the_same_bytes_every_time() -> None:
    scale = RatingScale.model_validate({"ratings": DEFAULT_RATINGS})
    card = Card("Site", "Claim", "Дмитрий Песков said a very long thing " * 8, "false")
    first = draw(card, scale)
    assert draw(card, scale) == first
    with Image.open(BytesIO(first)) as image:
        assert image.size == (1200, 630)


def test_a_card_never_draws_characters_its_font_lacks() -> None:
    # DejaVu Sans has no Chinese: the title would be a row of empty boxes beside the verdict
    scale = RatingScale.model_validate({"ratings": DEFAULT_RATINGS})
    assert drawable("Дмитрий Песков, 90%: “Triumf” …") and not drawable("普京将访问印度")
    chinese = draw(Card("Site", "Claim", "普京将于12月4日访问印度", "false"), scale)
    assert chinese == draw(Card("Site", "Claim", rating_text(scale["false"].label), "false"), scale)
    assert chinese != draw(Card("Site", "Claim", "Putin will visit India on 4 December", "false"), scale)
    assert draw(Card("事实核查", "Claim", "A claim", "false"), scale) == draw(Card("", "Claim", "A claim", "false"), scale)


def test_article_highlights_say_their_rating_in_words(built: Project) -> None:
    page = built.html("articles/output-article")
    marks = re.findall(r'<a class="claim-mark rating-([a-z-]+)"[^>]*>(.*?)</a>', page)
    assert len(marks) == 2
    labels = {"supported": "Supported", "misleading": "Misleading"}
    for rating, inner in marks:
        assert inner.endswith(f'</mark> <span class="claim-mark-label"><span class="visually-hidden">Rated </span>'
                              f"{labels[rating]}</span>")
    legend = re.search(r'<ul class="rating-legend"[^>]*>(.*?)</ul>', page, re.S).group(1)
    assert re.findall(r"</span>([^<]+)</li>", legend) == [r["label"] for r in DEFAULT_RATINGS.values()]
    assert page.index("rating-legend") < page.index("claim-mark")


def scales() -> list[tuple[str, RatingScale]]:
    config = yaml.load((REPO / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    [options] = [p["claims"] for p in config["plugins"] if isinstance(p, dict) and "claims" in p]
    return [("mkdocs.yml", RatingScale.model_validate({"ratings": options["ratings"]})),
            ("built-in default", RatingScale.model_validate({"ratings": DEFAULT_RATINGS}))]


@pytest.mark.parametrize(("where", "scale"), scales(), ids=["mkdocs.yml", "default"])
def test_rating_colours_are_distinct_and_readable(where: str, scale: RatingScale) -> None:
    """Every pair of rating colours differs by at least 20 (CIEDE2000: 2.3 is just noticeable); white
    badge text on each, and body text on each highlight's tint, reach 4.5:1."""
    colours = {rating_id: Color(rating.colour) for rating_id, rating in scale.ratings.items()}
    close = [(a, b, round(colours[a].delta_e(colours[b], method="2000"), 1))
             for a, b in itertools.combinations(colours, 2) if colours[a].delta_e(colours[b], method="2000") < 20]
    assert close == [], f"{where}: colours too alike"
    for rating_id, colour in colours.items():
        assert colour.contrast("white") >= 4.5, f"{where}: white on {rating_id}"
        tint = Color("white").mix(colour, 0.18, space="srgb")  # the highlight: 18% of the colour on white
        text = tint.mix(Color("black"), 0.87, space="srgb")  # the theme's text: black at 87%
        assert text.contrast(tint) >= 4.5, f"{where}: text on {rating_id}"


def test_the_corrections_log_lists_every_correction_newest_first(built: Project) -> None:
    built.write_claim("output-rose-40-percent", CLAIM + (
        "corrections:\n  - date: 2026-01-13\n    note: The month was wrong.\n"
        "  - date: 2026-02-01\n    note: A source link was broken.\n"))
    assert built.build().returncode == 0
    page = built.html("corrections")
    log = re.search(r'<ol class="corrections-log">(.*?)</ol>', page, re.S).group(1)
    entries = [" ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", item)).split())
               for item in re.findall(r"<li>(.*?)</li>", log, re.S)]
    assert entries == [
        "1 February 2026 : Output rose by 40% last year Supported A source link was broken.",
        "15 January 2026 : Exports to the US market doubled Misleading The base year was wrong.",
        "13 January 2026 : Output rose by 40% last year Supported The month was wrong.",
    ]
    assert 'href="../claims/output-rose-40-percent/"' in log
    assert re.search(r'href="corrections/"[^>]*>\s*(<span[^>]*>\s*)?Corrections', built.html(""))  # in the nav


def test_every_claim_page_links_to_report_an_error(built: Project) -> None:
    page = built.html("claims/exports-doubled")
    assert ('<a href="https://github.com/example/claims/issues/new?title=Error%20report%3A%20exports-doubled&amp;'
            "body=Claim%20page%3A%20https%3A%2F%2Fclaims.example.org%2Fclaims%2Fexports-doubled%2F%0A%0AWhat%20is%20"
            'wrong%2C%20and%20the%20evidence%20for%20it%3A%0A" rel="nofollow">Report an error</a>') in page
    assert '<a href="../../methodology/">How we decide ratings</a>' in page


def test_the_report_link_can_be_configured_or_left_out(project: Project) -> None:
    set_option(project, 'report_url: "https://example.org/report?claim={id}&page={url}"')
    assert project.build().returncode == 0
    assert ('<a href="https://example.org/report?claim=exports-doubled&amp;page=https%3A%2F%2Fclaims.example.org%2F'
            'claims%2Fexports-doubled%2F" rel="nofollow">Report an error</a>') in project.html("claims/exports-doubled")
    set_option(project, 'report_url: ""')
    assert project.build().returncode == 0
    assert "Report an error" not in project.html("claims/exports-doubled")


def test_the_methodology_gets_its_rating_definitions_from_the_scale(project: Project) -> None:
    (project.root / "content/methodology.md").write_text(
        "# Methodology\n\n## Ratings\n\n<!-- claims:ratings -->\n\n## Values\n\n<!-- claims:rating-values -->\n")
    assert project.build().returncode == 0
    page = project.html("methodology")
    definitions = re.search(r'<dl class="rating-definitions">(.*?)</dl>', page, re.S).group(1)
    pairs = re.findall(r'<dt id="rating-([a-z-]+)"><span[^>]*>([^<]+)</span></dt><dd>([^<]+)</dd>', definitions)
    assert pairs == [(key, r["label"], htmllib.escape(r["meaning"], quote=True)) for key, r in DEFAULT_RATINGS.items()]
    assert "<tr><td>False</td><td>1</td></tr>" in page
    assert "<tr><td>Cannot verify</td><td>none: not a point on the scale" in page


def test_placeholders_are_reported_at_every_build(project: Project) -> None:
    (project.root / "content/about.md").write_text(
        "# About\n\nWe are funded by [Placeholder: who funds the site].\n\nWrite to "
        "[Placeholder: a contact address].\n")
    result = project.build()
    assert result.returncode == 0, result.stderr
    assert ("INFO    -  content/about.md:3:18: placeholder: [Placeholder: who funds the site] "
            "(expected the site's own text before it is published)") in result.stderr
    assert "content/about.md:5:10: placeholder: [Placeholder: a contact address]" in result.stderr
    set_option(project, "placeholders: warn")
    strict = project.build()
    assert strict.returncode == 1
    assert "WARNING -  content/about.md:3:18: placeholder: [Placeholder: who funds the site]" in strict.stderr
