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
