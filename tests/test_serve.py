"""Live preview: work is reused between rebuilds, and an edit is always visible."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from site_builder import memo
from site_builder.pages import build_pages
from site_builder.config import read_settings
from site_builder.project import load_site
from site_builder.render import environment

from .conftest import CLAIM, Project


@pytest.fixture
def remembering():  # type: ignore[no-untyped-def]
    memo.enable(True)
    yield
    memo.enable(False)


def pages_of(project: Project) -> dict[str, str]:
    settings = read_settings(project.root / "mkdocs.yml")
    return build_pages(load_site(settings), environment(settings.templates_dir))


def test_edits_are_visible_while_work_is_remembered(project: Project, remembering: None) -> None:
    before = pages_of(project)["claims/output-rose-40-percent.md"]
    assert "January" in before
    # the same length, the same modification time: only the content differs
    path = project.claims / "output-rose-40-percent.yaml"
    stat = path.stat()
    path.write_text(CLAIM.replace("in **January**", "in **Februar**"), encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    after = pages_of(project)["claims/output-rose-40-percent.md"]
    assert "<strong>Februar</strong>" in after and "<strong>January</strong>" not in after
    path.write_text(CLAIM, encoding="utf-8")
    assert pages_of(project)["claims/output-rose-40-percent.md"] == before


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.read().decode()
    except OSError:
        return ""


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if text in _get(url):
            return True
        time.sleep(0.2)
    return False


def test_mkdocs_serve_shows_an_edited_claim(project: Project) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    url = f"http://127.0.0.1:{port}/claims/output-rose-40-percent/"
    try:
        assert _wait_for(url, "Output rose by 40% last year", 60)
        for title in ("Output rose by a record 40%", "Output rose sharply last year"):
            project.write_claim("output-rose-40-percent", CLAIM.replace("title: Output rose by 40% last year",
                                                                         f"title: {title}"))
            assert _wait_for(url, title, 60), f"the edit to {title!r} never showed"
    finally:
        server.terminate()
        server.wait(10)
