"""Writing files without ever losing what a person wrote."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def temporary_beside(path: Path, text: str) -> Path:
    """``text`` written to a new temporary file in the folder of ``path`` (so os.replace is atomic)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    return temporary


def create_new(path: Path, text: str) -> bool:
    """Write ``path`` atomically unless it exists; False (and nothing written) if it does."""
    temporary = temporary_beside(path, text)
    try:
        os.link(temporary, path)  # atomic, and fails rather than replace an existing file
        return True
    except FileExistsError:
        return False
    finally:
        temporary.unlink()


def replace(path: Path, text: str, *, before: bytes | None = None) -> bool:
    """Write ``path`` atomically, replacing it if it exists; through a symbolic link, the file it points to
    (the link stays a link), and with that file's permissions. ``before``: write only if the file still
    holds these bytes (a person may have saved it since it was read); False, and nothing written, if not."""
    target = path.resolve() if path.is_symlink() else path
    temporary = temporary_beside(target, text)
    try:
        if before is not None and (not target.is_file() or target.read_bytes() != before):
            return False
        if target.exists():
            os.chmod(temporary, stat.S_IMODE(target.stat().st_mode))
        os.replace(temporary, target)
        return True
    finally:
        temporary.unlink(missing_ok=True)
