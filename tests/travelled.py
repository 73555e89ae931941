"""Claims that travel, for the golden files and the browser tests: the test project (conftest.py) plus a
claim published in three more articles (one word changed, one copy word for word, one earlier and
reworded) and a claim with an Arabic appearance and its translation. Made-up articles and claims."""

from __future__ import annotations

from .conftest import Project

WIRE = """\
---
title: "Factory Output Jumps, Office Says"
outlet: wire.example
url: https://wire.example/output
published: 2025-12-02
---
Factory output rose by 40% in 2025, the statistics office said.

Officials expect further growth next year.
"""


def _copy(outlet: str, published: str, text: str) -> str:
    return f"""\
---
title: "Output Up, Says Office"
outlet: {outlet}
url: https://{outlet}/output
published: {published}
excerpt: true
---
{text}

[…]
"""


COPIES = {
    "copy-one": _copy("copy-one.example", "2025-12-04", "Factory output rose by 50% in 2025, the office said."),
    "copy-two": _copy("copy-two.example", "2025-12-06", "Factory output rose by 40% in 2025, officials said."),
    "copy-three": _copy("copy-three.example", "2025-11-30", "Output at factories rose by 40% in 2025, it said."),
}

ARABIC = """\
---
title: "المسؤولون يتوقعون مزيدا من النمو"
outlet: الوكالة العربية
url: https://arabic.example/growth
published: 2025-12-03
language: ar
excerpt: true
---
يتوقع المسؤولون مزيدا من النمو في العام المقبل، حسب مكتب الإحصاء.

[…]
"""

THREE_COPIES_ID = "factory-output-40-percent"
THREE_COPIES = """\
title: Factory output rose by 40% in 2025
quote: Factory output rose by 40% in 2025
article: wire-article
appearances:
  - article: copy-one
    quote: Factory output rose by 50% in 2025
    note: "Numbers changed: 50% for 40%."
  - article: copy-two
    quote: Factory output rose by 40% in 2025
  - article: copy-three
    quote: Output at factories rose by 40% in 2025
    note: Reworded; the earliest copy found.
claimant: The statistics office
attribution: reported
rating: supported
summary: The office's annual release gives 40%.
context: The copies change the figure and the wording.
sources:
  - title: Output statistics 2025
    url: https://stats.example.org/output
    publisher: Statistics Office
    published: 2026-01-10
tags: [economy]
reviewed: 2026-01-12
status: published
provenance: manual
"""

RTL_ID = "officials-expect-growth"
RTL = """\
title: Officials expect further growth next year
quote: Officials expect further growth next year.
article: wire-article
appearances:
  - article: arabic-article
    quote: يتوقع المسؤولون مزيدا من النمو في العام المقبل
    translation: Officials expect more growth next year
    note: The Arabic report names the statistics office.
claimant: Officials
attribution: vague
rating: misleading
summary: No official forecast says so.
context: The forecast was not published.
sources:
  - title: Forecasts 2026
    url: https://stats.example.org/forecasts
    publisher: Statistics Office
    published: 2026-01
tags: [economy]
reviewed: 2026-01-12
status: published
provenance: manual
"""

# A claim whose claimant is named in Arabic: listed among the claimants with its count after it.
ARABIC_CLAIMANT_ID = "statistics-office-expects-growth"
ARABIC_CLAIMANT = """\
title: The statistics office expects growth next year
quote: حسب مكتب الإحصاء
article: arabic-article
claimant: مكتب الإحصاء
attribution: reported
rating: misleading
summary: The office has published no forecast for next year.
context: The report gives no forecast of the office's.
sources:
  - title: Forecasts 2026
    url: https://stats.example.org/forecasts
    publisher: Statistics Office
    published: 2026-01
tags: [economy]
reviewed: 2026-01-12
status: published
provenance: manual
"""


def add_travelled(project: Project) -> Project:
    project.write_article("wire-article", WIRE)
    for article_id, text in COPIES.items():
        project.write_article(article_id, text)
    project.write_article("arabic-article", ARABIC)
    project.write_claim(THREE_COPIES_ID, THREE_COPIES)
    project.write_claim(RTL_ID, RTL)
    project.write_claim(ARABIC_CLAIMANT_ID, ARABIC_CLAIMANT)
    return project
