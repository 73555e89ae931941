"""Memory a build has freed goes back to the system (site_builder/freed_memory.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from site_builder import freed_memory

# Pages' worth of HTML (40 kB strings, in glibc's heap) freed between small strings that stay: glibc keeps
# the freed space resident until it is trimmed. Run in a fresh process, so the heap is only this.
_FREE_THEN_TRIM = textwrap.dedent("""\
    from site_builder.freed_memory import return_freed_memory

    def resident_mb():
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    kept, dropped = [], []
    for number in range(4000):
        dropped.append("x" * 40_000 + str(number))
        kept.append("y" * 600 + str(number))
    dropped.clear()
    freed = resident_mb()
    return_freed_memory()
    print(freed, resident_mb())
""")


@pytest.mark.skipif(freed_memory._trim is None, reason="needs glibc's malloc_trim (Linux)")
def test_freed_page_html_leaves_the_resident_memory() -> None:
    result = subprocess.run([sys.executable, "-c", _FREE_THEN_TRIM], capture_output=True, text=True, check=True)
    freed, trimmed = map(float, result.stdout.split())
    assert freed > 120, f"the freed strings were not kept resident to begin with ({freed:.0f} MB)"
    assert trimmed < freed - 100, f"{freed:.0f} MB resident before trimming, {trimmed:.0f} MB after"


# A contributor's Markdown of about 5 kB (paragraphs, links, emphasis, a table, a list, raw HTML) converted
# 3,000 times by cmark-gfm in a fresh process. cmarkgfm's own call keeps each document tree and HTML string
# (measured: 381 MB more resident after the 3,000 calls, 127 kB a call); markup._cmark_html frees both (0.04 MB).
_CONVERT_AGAIN_AND_AGAIN = textwrap.dedent("""\
    import sys
    from site_builder import markup

    def resident_mb():
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * 4096 / 2**20

    convert = getattr(markup, sys.argv[1])
    paragraph = ("The minister said **unemployment fell by 3%** last year; the [statistics office](https://e.org/s?y=2024&t=1) "
                 "says it *rose*, ~~as first reported~~ as <b>corrected</b> on 12 March. ")
    text = "\\n\\n".join([paragraph * 3, "| year | rate |\\n|---|--:|\\n" + "| 2023 | 5.1% |\\n" * 20,
                            "- one\\n- two [x](https://e.org/x)\\n" * 10, "### Sources\\n\\n" + paragraph * 20])
    assert 4_500 < len(text) < 5_500, len(text)
    for _ in range(100):
        convert(text)
    before = resident_mb()
    for _ in range(3000):
        convert(text)
    print(before, resident_mb())
""")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/statm")
def test_converting_markdown_keeps_no_memory() -> None:
    result = subprocess.run([sys.executable, "-c", _CONVERT_AGAIN_AND_AGAIN, "_cmark_html"],
                            capture_output=True, text=True, check=True)
    before, after = map(float, result.stdout.split())
    assert after - before < 8, f"{before:.0f} MB resident before 3,000 conversions, {after:.0f} MB after"
