"""The package's shape: which module may import which."""

from __future__ import annotations

import subprocess
import sys


def test_page_generation_does_not_import_the_module_that_reads_mkdocs_yml() -> None:
    code = ("import sys, site_builder.pages, site_builder.exports, site_builder.project; "
            "print(sorted(m for m in sys.modules if m in ('site_builder.config', 'mkdocs')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"
