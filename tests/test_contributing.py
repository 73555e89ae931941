"""CONTRIBUTING.md's example output is what the commands print: the example is run on a copy of the demo."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _validate(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "site_builder", "validate"], cwd=root, capture_output=True,
                          text=True, check=False)


def test_contributing_validation_examples_are_what_validate_prints(tmp_path: Path) -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    ok = re.search(r"\$ site-builder validate\n(.*)\n```", guide).group(1)  # type: ignore[union-attr]
    broken = re.search(r"a word missing from the quote:\n\n```text\n(.*?)```", guide, re.S).group(1)  # type: ignore[union-attr]
    for name in ("mkdocs.yml", "claims", "content", "overrides", "templates"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, tmp_path / name)
    assert _validate(tmp_path).stdout == ok + "\n"
    claim = tmp_path / "claims" / "russia-s400-supply-top-priority.yaml"
    text = claim.read_text(encoding="utf-8")
    claim.write_text(text.replace("the supply of advanced S-400", "the supply of S-400")
                     .replace("rating: partly-supported", "rating: suported"), encoding="utf-8")
    result = _validate(tmp_path)
    assert result.returncode == 1
    assert result.stderr == broken
