"""The preview's polling of the claims folder: what a look sees, and what the thread reports."""

from __future__ import annotations

import os
import queue
import threading
from pathlib import Path

from site_builder.polled_folder import PolledFolder, changes, look


def test_a_look_is_each_file_of_the_folder_with_its_time_and_size(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("title: a\n", encoding="utf-8")
    (tmp_path / "inside").mkdir()
    (tmp_path / "inside" / "b.yaml").write_text("title: b\n", encoding="utf-8")
    info = os.stat(tmp_path / "a.yaml")
    assert look(str(tmp_path)) == {str(tmp_path / "a.yaml"): (info.st_mtime_ns, 9)}
    assert look(str(tmp_path / "gone")) == {}


def test_changes_are_the_added_removed_and_edited_files_sorted() -> None:
    before = {"/c/a.yaml": (1, 10), "/c/b.yaml": (1, 10), "/c/c.yaml": (1, 10)}
    now = {"/c/a.yaml": (1, 10), "/c/b.yaml": (2, 10), "/c/d.yaml": (1, 5)}
    assert changes(before, now) == {"/c/b.yaml": (2, 10), "/c/c.yaml": None, "/c/d.yaml": (1, 5)}
    assert list(changes(before, now)) == ["/c/b.yaml", "/c/c.yaml", "/c/d.yaml"]
    assert changes(now, dict(now)) == {}


def test_the_thread_reports_each_change_once_and_never_while_the_server_is_busy(tmp_path: Path) -> None:
    claim = tmp_path / "a.yaml"
    claim.write_text("title: a\n", encoding="utf-8")
    reports: queue.Queue[dict[str, tuple[int, int] | None]] = queue.Queue()
    idle = threading.Event()
    idle.set()
    polling = PolledFolder(str(tmp_path), 0.05, reports.put, idle)
    polling.start()
    try:
        claim.write_text("title: edited\n", encoding="utf-8")
        assert reports.get(timeout=5) == {str(claim): (os.stat(claim).st_mtime_ns, 14)}
        idle.clear()  # a rebuild runs: no look
        claim.unlink()
        new = tmp_path / "b.yaml"
        new.write_text("title: b\n", encoding="utf-8")
        assert reports.empty() and not _reported_within(reports, 0.5)
        idle.set()  # the look after it sees both
        assert reports.get(timeout=5) == {str(claim): None, str(new): (os.stat(new).st_mtime_ns, 9)}
        assert not _reported_within(reports, 0.3)  # nothing changed since
    finally:
        polling.stop()
    assert not polling.thread.is_alive()


def _reported_within(reports: queue.Queue[dict[str, tuple[int, int] | None]], seconds: float) -> bool:
    try:
        reports.get(timeout=seconds)
    except queue.Empty:
        return False
    return True
