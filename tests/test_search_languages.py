"""The site search is set up for the languages of the site and its articles (search_languages.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import material

from site_builder.search_languages import (
    LUNR_LANGUAGES,
    UNUSABLE,
    lunr_language,
    search_languages,
    separator_splitting_signs,
)

from .conftest import Project

RUSSIAN = """\
---
title: "Песков: вопрос о поставках С-400 на повестке дня"
outlet: kommersant.example
url: https://kommersant.example/doc/1
published: 2025-12-02
language: ru
excerpt: true
---
«Эта тема находится на повестке дня», — сообщил Дмитрий Песков на брифинге.
"""

PERSIAN = """\
---
title: "گزارش"
outlet: persian.example
url: https://persian.example/1
published: 2025-12-02
language: fa
---
این یک گزارش است.
"""


def _search_config(project: Project) -> dict[str, object]:
    result = project.build()
    assert result.returncode == 0, result.stderr
    return dict(json.loads((project.root / "site/search/search_index.json").read_text(encoding="utf-8"))["config"])


def test_the_known_languages_are_the_lunr_languages_the_installed_theme_ships() -> None:
    folder = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min"
    shipped = {path.name.split(".")[1] for path in folder.glob("lunr.*.min.js")} - {"stemmer", "multi"}
    assert LUNR_LANGUAGES | UNUSABLE == shipped | {"en"}
    assert not LUNR_LANGUAGES & UNUSABLE


def test_language_tags_become_lunr_codes() -> None:
    assert [lunr_language(tag) for tag in ("ru", "pt-BR", "zh-Hant", "nb", "nn-NO", "iw", "AR", "fa", "uk", "be", "jp")] == [
        "ru", "pt", "zh", "no", "no", "he", "ar", None, "ru", "ru", None]


def test_the_site_language_comes_first_then_the_others_once_each_in_order() -> None:
    chosen = search_languages("en", ["ru", "en", "ar-EG", "ru", "en-GB"])
    assert chosen.languages == ("en", "ar", "ru") and chosen.unsupported == ()
    assert search_languages("de", ["en"]).languages == ("de", "en")


def test_the_theme_default_stays_for_one_language_or_any_language_lunr_lacks() -> None:
    assert search_languages("en", ["en", "en-US"]).languages is None
    assert search_languages("en", []).languages is None
    unsupported = search_languages("en", ["ru", "fa", "uk"])
    assert unsupported.languages is None and unsupported.unsupported == ("fa",)
    assert search_languages("en", ["uk", "zh"]).languages == ("en", "ru", "zh")  # Ukrainian searched as Russian
    assert search_languages("kk", ["ru"]).unsupported == ("kk",)


def test_the_separator_also_splits_at_percent_and_currency_signs() -> None:
    assert separator_splitting_signs(r"[\s\-]+") == r"[\s\-%$€£¥₹₽]+"
    assert separator_splitting_signs(r"[\s\-　、。，．]+") == r"[\s\-　、。，．%$€£¥₹₽]+"
    assert separator_splitting_signs(r"\s+|-+") == r"(?:\s+|-+)|[%$€£¥₹₽]+"
    assert separator_splitting_signs(r"[\s%]+") == r"[\s%$€£¥₹₽]+"
    assert separator_splitting_signs(r"[\s%$€£¥₹₽]+") == r"[\s%$€£¥₹₽]+"
    for separator in (separator_splitting_signs(r"[\s\-]+"), separator_splitting_signs(r"\s+|-+")):
        assert [word for word in re.split(separator, "$100bn, 90% ₽5") if word] == ["100bn,", "90", "5"]


def test_a_russian_article_puts_russian_in_the_search_index_settings(project: Project) -> None:
    config = _search_config(project)  # English only: the theme's defaults
    assert (config["lang"], config["separator"]) == (["en"], r"[\s\-]+")
    project.write_article("russian-article", RUSSIAN)
    config = _search_config(project)
    assert (config["lang"], config["separator"]) == (["en", "ru"], r"[\s\-%$€£¥₹₽]+")


def test_a_separator_set_in_mkdocs_yml_is_kept(project: Project) -> None:
    project.write_article("russian-article", RUSSIAN)
    mkdocs_yml = project.root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text().replace("  - search\n", "  - search:\n      separator: '[\\s]+'\n"))
    config = _search_config(project)
    assert (config["lang"], config["separator"]) == (["en", "ru"], r"[\s]+")


def test_a_language_lunr_lacks_keeps_the_theme_default_and_says_why(project: Project) -> None:
    project.write_article("russian-article", RUSSIAN)
    project.write_article("persian-article", PERSIAN)
    result = project.build()
    assert result.returncode == 0, result.stderr
    config = json.loads((project.root / "site/search/search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["en"]
    assert ("INFO    -  claims: site search left in the theme's language: lunr.js has no support for fa "
            "(listing the others would drop their words from the index)") in result.stderr


def test_a_lang_set_in_mkdocs_yml_is_kept(project: Project) -> None:
    project.write_article("russian-article", RUSSIAN)
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - search\n", "  - search:\n      lang: [en, de]\n"))
    assert _search_config(project)["lang"] == ["en", "de"]
