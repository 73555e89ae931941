"""Pages rendered ahead in a worker process (ahead.py; the plugin's ``render_workers``): a real `mkdocs build`
of a project large enough to use the worker gives the very same site, byte for byte, as a build without
it, and the very same errors; and the worker plumbing itself, with real forked workers."""

from __future__ import annotations

import array
import fcntl
import os
import shutil
import sys
import termios
import time
from pathlib import Path

import pytest

from site_builder.ahead import MIN_PAGES, RenderedAhead, usable_cores, worthwhile

from .conftest import CLAIM, TEMPLATES, Project, make_project, quoting, tree_differences

pytestmark = pytest.mark.skipif(not worthwhile(MIN_PAGES + 1), reason="no fork start method, or a single core")

WORKER_LOG = "claims: pages rendered ahead by worker process"


def large_project(root: Path, claims: int = MIN_PAGES + 20) -> Project:
    """The fixture project and ``claims`` more claims, each quoting its own sentence of a long article."""
    project = make_project(root)
    sentences = [f"Output rose by {number} percent in district {number}." for number in range(claims)]
    project.write_article("long-report", "---\ntitle: A long report\noutlet: example.news\nurl: https://example.news/long\n"
                                         "published: 2025-12-03\n---\n" + "\n\n".join(sentences) + "\n")
    for number, sentence in enumerate(sentences):
        text = quoting(sentence, CLAIM).replace("article: output-article", "article: long-report")
        text = text.replace("title: Output rose by 40% last year", f"title: {sentence}")
        text = text.replace("tags: [economy, output]", f"tags: [economy, district-{number % 7}]")
        project.write_claim(f"district-{number}", text)
    return project


def with_workers(project: Project, workers: int) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("      render_workers: 0\n", "").replace("      render_workers: 1\n", "")
    config.write_text(text.replace("  - claims:\n", f"  - claims:\n      render_workers: {workers}\n"), encoding="utf-8")


MKDOCS = (sys.executable, "-m", "mkdocs", "build", "--strict", "-v")


def build(project: Project, out: str) -> tuple[int, str]:
    result = project.run(*MKDOCS, "-d", out)
    return result.returncode, result.stderr


def built_both_ways(project: Project, command: tuple[str, ...] = MKDOCS) -> tuple[Path, Path]:
    """The project built by ``command`` with the worker (into ahead/) and without it (into here/): both
    builds succeed, and only the first uses the worker."""
    logs = {}
    for workers, out in ((1, "ahead"), (0, "here")):
        with_workers(project, workers)
        result = project.run(*command, "-d", out)
        assert result.returncode == 0, result.stderr
        logs[out] = result.stderr
    assert WORKER_LOG in logs["ahead"]
    assert WORKER_LOG not in logs["here"]
    return project.root / "ahead", project.root / "here"


def test_the_worker_builds_the_same_site_byte_for_byte(tmp_path: Path) -> None:
    ahead, here = built_both_ways(large_project(tmp_path / "project"))
    assert len(list(here.rglob("*.html"))) > MIN_PAGES
    assert (ahead / "claims" / "district-7" / "index.html").read_text(encoding="utf-8").count("district 7") >= 2
    assert tree_differences(ahead, here) == []


def test_properdocs_builds_the_same_site_with_and_without_the_worker(tmp_path: Path) -> None:
    """ProperDocs (a maintained fork of MkDocs 1.6) runs the plugin and its worker as MkDocs does."""
    ahead, here = built_both_ways(large_project(tmp_path / "project"),
                                  (sys.executable, "-m", "properdocs", "build", "--strict", "-v", "-f", "mkdocs.yml"))
    assert 'content="mkdocs-ProperDocs 1.' in (ahead / "index.html").read_text(encoding="utf-8")
    assert len(list(here.rglob("*.html"))) > MIN_PAGES
    assert tree_differences(ahead, here) == []


def test_a_claim_page_the_navigation_names_gets_its_title_there_as_without_the_worker(tmp_path: Path) -> None:
    """The worker sends the metadata of the pages MkDocs puts in the navigation first, and of the others
    with each page; mkdocs.yml's nav may name another (a claim page, without a title of its own): then
    MkDocs' process makes its title itself, before any page shows it."""
    project = large_project(tmp_path / "project")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Data: data.md\n", "  - Data: data.md\n"
                                                                 "  - claims/district-5.md\n"), encoding="utf-8")
    ahead, here = built_both_ways(project)
    assert "Claim: Output rose by 5 percent in district 5 | Rated Supported" in (ahead / "index.html").read_text(encoding="utf-8")
    assert tree_differences(ahead, here) == []


def test_a_page_the_sanitiser_refuses_stops_the_build_with_the_same_error(tmp_path: Path) -> None:
    """A template writing a JSON-LD block that is not JSON: the worker fails on that page, which is then
    rendered in MkDocs' own process, so the error reported is the one a build without the worker reports."""
    project = large_project(tmp_path / "project")
    templates = project.root / "templates"
    shutil.copytree(TEMPLATES, templates)
    claim = templates / "claim.html.j2"
    text = claim.read_text(encoding="utf-8")
    broken = '{% if claim.id == "district-42" %}<script type="application/ld+json">{"a": "</script>"}</script>{% endif %}\n'
    claim.write_text(text.replace("{% if structured_data %}", broken + "{% if structured_data %}", 1), encoding="utf-8")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(TEMPLATES.as_posix(), "templates"), encoding="utf-8")
    code, ahead_log = build(project, "ahead")
    assert WORKER_LOG in ahead_log
    with_workers(project, 0)
    code_here, here_log = build(project, "here")
    assert code == code_here == 1
    errors = [line for line in ahead_log.splitlines() if line.startswith("ERROR")]
    assert errors == [line for line in here_log.splitlines() if line.startswith("ERROR")]
    assert errors[0] == "ERROR   -  Error building page 'claims/district-42.md':"
    assert errors[1].startswith("ERROR   -  claims/district-42.md: a JSON-LD block is not JSON (Unterminated string")


def test_a_project_with_errors_reports_them_as_without_the_worker(tmp_path: Path) -> None:
    project = large_project(tmp_path / "project")
    project.write_claim("district-3", (project.claims / "district-3.yaml").read_text(encoding="utf-8")
                        .replace("rating: supported", "rating: suported"))
    code, ahead_log = build(project, "ahead")
    with_workers(project, 0)
    code_here, here_log = build(project, "here")
    assert code == code_here == 1
    assert "claims/district-3.yaml:6:9: rating: 'suported' is not on the rating scale" in ahead_log
    assert [line for line in ahead_log.splitlines() if "ERROR" in line or "rating:" in line] == \
        [line for line in here_log.splitlines() if "ERROR" in line or "rating:" in line]


# -- the plumbing, with real forked workers -------------------------------------------------------------


def _pages(uris: list[str], fail: str = "", chores: int = 0, chore_fails: bool = False):  # type: ignore[no-untyped-def]
    def render(uri: str) -> str:
        if uri == fail:
            raise ValueError(uri)
        if uri == "die":
            os._exit(3)
        return f"<p>{uri}</p>" * 1000  # 10-20 kB: the pipe fills

    def steps():  # type: ignore[no-untyped-def]
        for number in range(chores):
            if chore_fails and number == chores // 2:
                raise OSError("disk full")
            yield

    def start(send):  # type: ignore[no-untyped-def]
        send({"pages": len(uris)})
        return render, uris, steps()
    return start


def test_pages_come_back_in_order_and_the_chores_are_done() -> None:
    uris = [f"p{number}.md" for number in range(400)]
    ahead = RenderedAhead(_pages(uris, chores=1000))
    assert ahead.receive() == {"pages": 400}
    ahead.expect(uris)
    assert [ahead.take(uri) for uri in uris] == [f"<p>{uri}</p>" * 1000 for uri in uris]
    assert ahead.finished() is True
    assert ahead.connection is None


def test_a_page_out_of_order_is_left_to_the_caller_and_skipped_pages_are_passed() -> None:
    uris = [f"p{number}.md" for number in range(50)]
    ahead = RenderedAhead(_pages(uris))
    ahead.receive()
    ahead.expect(uris)
    assert ahead.take("p3.md") == "<p>p3.md</p>" * 1000  # p0-p2 were never asked for
    assert ahead.take("p1.md") is None  # passed already
    assert ahead.take("elsewhere.md") is None  # not the worker's
    assert ahead.take("p4.md") == "<p>p4.md</p>" * 1000
    assert ahead.finished() is True


def test_a_page_the_worker_cannot_render_and_the_pages_after_it_are_left_to_the_caller() -> None:
    uris = [f"p{number}.md" for number in range(20)]
    ahead = RenderedAhead(_pages(uris, fail="p5.md"))
    ahead.receive()
    ahead.expect(uris)
    assert [ahead.take(uri) is None for uri in uris[:7]] == [False] * 5 + [True, True]
    assert ahead.finished() is False


def test_a_worker_that_dies_leaves_the_rest_to_the_caller() -> None:
    uris = ["a.md", "b.md", "die", "c.md"]
    ahead = RenderedAhead(_pages(uris))
    ahead.receive()
    ahead.expect(uris)
    assert [ahead.take(uri) is None for uri in uris] == [False, False, True, True]
    assert ahead.finished() is False


def test_chores_that_fail_are_reported_undone() -> None:
    uris = [f"p{number}.md" for number in range(10)]
    ahead = RenderedAhead(_pages(uris, chores=10, chore_fails=True))
    ahead.receive()
    ahead.expect(uris)
    assert all(ahead.take(uri) is not None for uri in uris)
    assert ahead.finished() is False


def _waiting_bytes(ahead: RenderedAhead[object]) -> int:
    assert ahead.connection is not None
    count = array.array("i", [0])
    fcntl.ioctl(ahead.connection.fileno(), termios.FIONREAD, count)
    return count[0]


def test_chores_begin_only_once_the_caller_expects_the_pages(tmp_path: Path) -> None:
    """MkDocs empties the site folder after the plugin has started the worker (in on_config): the chores,
    which write there, wait for ``expect`` (on_files), even with the pipe full and nothing else to do."""
    done = tmp_path / "chores"
    uris = [f"p{number}.md" for number in range(20000)]  # far more than the pipe holds, in small pages: the
    # pipe fills to the last few bytes, where the worker turns to its chores (a larger page waits in the write)

    def start(send):  # type: ignore[no-untyped-def]
        def steps():  # type: ignore[no-untyped-def]
            for number in range(5):
                done.mkdir(exist_ok=True)
                (done / str(number)).touch()
                yield
        send("planned")
        return (lambda uri: f"<p>{uri}</p>" * 5), uris, steps()
    ahead = RenderedAhead(start)
    assert ahead.receive() == "planned"
    waiting, deadline = -1, time.monotonic() + 60
    while waiting != (waiting := _waiting_bytes(ahead)) or waiting == 0:  # until the pipe stops filling
        assert time.monotonic() < deadline
        time.sleep(0.3)
    assert not done.exists()  # the worker waits with its chores undone
    ahead.expect(uris)
    assert all(ahead.take(uri) is not None for uri in uris)
    assert ahead.finished() is True
    assert sorted(path.name for path in done.iterdir()) == ["0", "1", "2", "3", "4"]


def test_a_worker_that_fails_at_the_start_sends_nothing() -> None:
    def start(send):  # type: ignore[no-untyped-def]
        raise RuntimeError("no project")
    ahead = RenderedAhead(start)
    assert ahead.receive() is None
    assert ahead.take("a.md") is None


def test_stopping_a_worker_still_at_work_ends_it() -> None:
    uris = [f"p{number}.md" for number in range(5000)]
    ahead = RenderedAhead(_pages(uris))
    ahead.receive()
    ahead.expect(uris)
    assert ahead.take("p0.md") is not None
    ahead.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead.pid, os.WNOHANG)  # reaped


def test_worthwhile_only_with_enough_pages_and_when_asked() -> None:
    assert worthwhile(MIN_PAGES + 1) is (usable_cores() > 1)
    assert worthwhile(MIN_PAGES) is False
    assert worthwhile(10 * MIN_PAGES, workers=0) is False
