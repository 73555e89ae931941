"""The package's shape: which module may import which."""

from __future__ import annotations

import subprocess
import sys


def test_page_generation_does_not_import_the_module_that_reads_mkdocs_yml() -> None:
    code = ("import sys, site_builder.pages, site_builder.exports, site_builder.project; "
            "print(sorted(m for m in sys.modules if m in ('site_builder.config', 'mkdocs')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "[]\n"


def test_only_the_glue_imports_mkdocs() -> None:
    """The core is pure: MkDocs is imported by plugin.py and serve_rebuild.py (mkdocs serve) only."""
    import ast
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "site_builder"
    importing = set()
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(name == "mkdocs" or name.startswith("mkdocs.") for name in names):
                importing.add(path.relative_to(package).as_posix())
    assert importing == {"plugin.py", "serve_rebuild.py"}


def test_the_readme_names_every_module() -> None:
    """README's Development section has a row for each module, so docs and code stay in step."""
    from pathlib import Path

    repo = Path(__file__).resolve().parent.parent
    readme = (repo / "README.md").read_text(encoding="utf-8")
    development = readme[readme.index("## Development") :]
    package = repo / "site_builder"
    modules = [p.relative_to(package).as_posix() for p in sorted(package.rglob("*.py"))
               if not p.name.startswith("__") and "models" not in p.parts]
    missing = [name for name in modules if f"| `{name}` |" not in development]
    assert not missing, f"add a row for each to README.md's Development section: {missing}"
    named = {line.split("`")[1] for line in development.splitlines() if line.startswith("  | `")}
    assert not named - set(modules), f"README names modules that do not exist: {sorted(named - set(modules))}"


def test_the_command_line_only_parses_and_prints() -> None:
    """cli.py stays glue: short, and it reaches the core through project, not the loader's internals."""
    import ast
    from pathlib import Path

    source = (Path(__file__).resolve().parent.parent / "site_builder" / "cli.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 160
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert not imported & {"load", "validate", "quotes", "pages"}, imported
