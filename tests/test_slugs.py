"""Slugs made from text (claimant pages, draft and article ids): readable in any script, bounded, and
for claimants one page per name, never shared, whatever the names are."""

from __future__ import annotations

import hashlib
import itertools
import random

import pytest

from site_builder.model import SLUG_LIMIT, SLUG_RE, slugify
from site_builder.routes import claimant_slugs


@pytest.mark.parametrize(("text", "slug"), [
    ("Dmitry Shugayev", "dmitry-shugayev"),
    ("Дмитрий Песков", "dmitriy-peskov"),
    ("Владимир Путин", "vladimir-putin"),
    ("Recep Tayyip Erdoğan", "recep-tayyip-erdogan"),
    ("Ελευθέριος Βενιζέλος", "eleytherios-venizelos"),
    ("习近平", "xijinping"),
    ("नरेन्द्र मोदी", "nrendr-modi"),
    ("𝒯he 𝐁old ＡＢＣ", "the-bold-abc"),
    ("🚀", "rocket"),
    ("", "unnamed"),
    ("— …", "unnamed"),
])
def test_slugify_transliterates_any_script(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_slugs_are_bounded_and_cut_at_a_hyphen() -> None:
    assert slugify("word " * 100) == "-".join(["word"] * 16)  # 79 characters
    assert len(slugify("x" * 1000)) == SLUG_LIMIT
    assert len(slugify("Песков " * 1000)) <= SLUG_LIMIT


def digest(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def test_names_that_slugify_alike_get_distinct_pages() -> None:
    slugs = claimant_slugs(["Дмитрий Песков", "Dmitriy Peskov", "Vladimir Putin", "Unnamed", "!!!"])
    assert slugs == {
        "Дмитрий Песков": "dmitriy-peskov",  # the first to arrive (the caller gives the oldest claim's first)
        "Dmitriy Peskov": f"dmitriy-peskov-{digest('Dmitriy Peskov')[:8]}",
        "Vladimir Putin": "vladimir-putin",
        "Unnamed": "unnamed",
        "!!!": f"unnamed-{digest('!!!')[:8]}",
    }


def test_a_claimant_keeps_its_address_when_a_later_name_slugifies_alike() -> None:
    # 'Dmitriy Peskov' in a new claim moved the published /claimants/dmitriy-peskov/ to a hashed address
    before = claimant_slugs(["Vladimir Putin", "Дмитрий Песков"])
    after = claimant_slugs(["Vladimir Putin", "Дмитрий Песков", "Dmitriy Peskov"])
    assert before.items() <= after.items() and after["Dmitriy Peskov"] != after["Дмитрий Песков"]


def test_a_name_equal_to_another_names_hashed_slug_does_not_take_its_page() -> None:
    """'Unnamed 1a2b3c4d' slugifies to what '!!!' would get: the literal name keeps its plain slug, the
    hashed one takes more digits; a listing's own URL ('index', numbers) is never a claimant's."""
    literal = f"Unnamed {digest('!!!')[:8]}"
    slugs = claimant_slugs(["Unnamed", "!!!", literal, "index", "2"])
    assert slugs["Unnamed"] == "unnamed" and slugs[literal] == f"unnamed-{digest('!!!')[:8]}"
    assert slugs["!!!"] == f"unnamed-{digest('!!!')[:16]}"
    assert slugs["index"] == f"index-{digest('index')[:8]}" and slugs["2"] == f"2-{digest('2')[:8]}"
    assert len(set(slugs.values())) == 5


def test_claimant_slugs_are_distinct_valid_and_stable_for_hostile_name_sets() -> None:
    """Sets built to collide: names, look-alikes in other scripts, and names spelled as the hashed slugs
    of the others at every length. Every name gets its own slug, a valid id under 255 bytes (a file
    name), and the same slugs for the same names in the same order."""
    rng = random.Random(9)
    base = ["Дмитрий Песков", "Dmitriy Peskov", "DMITRIY PESKOV", "dmitriy-peskov", "Unnamed", "", " ", "!!!",
            "index", "2", "🚀", "rocket", "x" * 300, "x" * 301, "习近平", "XiJinPing"]
    names = list(base)
    for name in base:
        for length in (8, 16, 32, 64):
            names.append(f"{slugify(name)} {digest(name)[:length]}")
    names.append(f"{slugify('!!!')} {digest('!!!')} 2")
    for _ in range(3):
        order = names[:]
        rng.shuffle(order)
        slugs = claimant_slugs(order)
        assert set(slugs) == set(names)
        assert len(set(slugs.values())) == len(set(names)), "two names share a page"
        assert all(SLUG_RE.fullmatch(s) and len(s.encode()) < 255 for s in slugs.values()), slugs
        assert slugs == claimant_slugs(order)


def test_a_lone_name_keeps_its_slug_when_others_arrive() -> None:
    before = claimant_slugs(["Vladimir Putin", "Дмитрий Песков"])
    after = claimant_slugs(["Vladimir Putin", "Дмитрий Песков", "Sergey Lavrov"])
    assert before.items() <= after.items()


def test_many_names_sharing_one_slug() -> None:
    names = ["".join(p) for p in itertools.permutations("Ab!?", 4)]  # 'Ab!?' '?!bA'... slugify to 'ab' or 'ba'
    slugs = claimant_slugs(names)
    assert len(set(slugs.values())) == len(names)


def test_the_longest_ids_and_names_build(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Ids, tags and aliases at the 100-character limit and a claimant name of 2,000 characters in a
    non-Latin script: every page is written (file names stop at 255 bytes; this once crashed the build)."""
    from .conftest import CLAIM_ELSEWHERE, make_project

    project = make_project(tmp_path / "project")
    long_id, tag, alias = "a" * 100, "-".join(["tag"] * 25), "b" * 100
    assert len(tag) == 99
    text = (CLAIM_ELSEWHERE.replace("claimant: The minister", f"claimant: {'Песков ' * 285}Д")
            .replace("tags: [economy, output]", f"tags: [economy, {tag}]")
            .replace("related: [exports-doubled]", f"related: [exports-doubled]\naliases: [{alias}]"))
    project.write_claim(long_id, text)
    result = project.build()
    assert result.returncode == 0, result.stderr
    slug = claimant_slugs(["Песков " * 285 + "Д"])["Песков " * 285 + "Д"]
    assert len(slug) <= SLUG_LIMIT
    for page in (f"claims/{long_id}", f"tags/{tag}", f"claims/{alias}", f"claimants/{slug}"):
        assert (project.root / "site" / page / "index.html").is_file(), page
