"""Writing files without ever losing what a person wrote."""

from __future__ import annotations

import os
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


def replace(path: Path, text: str) -> None:
    """Write ``path`` atomically, replacing it if it exists."""
    os.replace(temporary_beside(path, text), path)
