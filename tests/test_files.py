"""files.py: writing over a file a person keeps keeps what they set up around it."""

from __future__ import annotations

import os
from pathlib import Path

from site_builder.files import create_new, replace


def test_replacing_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "claim.yaml"
    shared.parent.mkdir()
    shared.write_text("old\n", encoding="utf-8")
    link = tmp_path / "claims" / "claim.yaml"
    link.parent.mkdir()
    link.symlink_to(shared)
    assert replace(link, "new\n") is True
    assert link.is_symlink() and link.resolve() == shared  # still a link
    assert shared.read_text(encoding="utf-8") == "new\n"
    assert sorted(os.listdir(link.parent)) == ["claim.yaml"] and sorted(os.listdir(shared.parent)) == ["claim.yaml"]


def test_replacing_keeps_the_files_permissions(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o640)
    assert replace(path, "new\n") is True
    assert (path.read_text(encoding="utf-8"), path.stat().st_mode & 0o777) == ("new\n", 0o640)


def test_a_file_changed_or_removed_since_it_was_read_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "claim.yaml"
    path.write_text("saved by a person\n", encoding="utf-8")
    assert replace(path, "ours\n", before=b"as read\n") is False
    assert path.read_text(encoding="utf-8") == "saved by a person\n"
    path.unlink()
    assert replace(path, "ours\n", before=b"as read\n") is False
    assert not path.exists() and os.listdir(tmp_path) == []  # no temporary file left either
    assert replace(path, "ours\n") is True and path.read_text(encoding="utf-8") == "ours\n"
    assert create_new(path, "again\n") is False and path.read_text(encoding="utf-8") == "ours\n"
