"""Which files of a project may be read and published: the symlink rule, and reading with bounds.

The rule: every file the build reads or publishes (claims, articles, pages and static files in
docs_dir, templates) must resolve inside the project folder (the folder of mkdocs.yml). A symbolic
link whose target is outside it is refused, as are dangling links and link loops: otherwise a pull
request adding ``content/x.txt -> /proc/self/environ`` would publish the build machine's secrets.
Messages never show a link's target. Files are read only if they are regular files, and never more
than their size limit: a FIFO, a device or a folder named ``x.yaml`` is refused, not read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import Problem

OUTSIDE = ("a symbolic link to a target outside the project folder "
           "(expected a file inside the project folder; copy the file in instead)")
DANGLING = "a symbolic link to a target that does not exist (expected a file inside the project folder)"
LOOP = "a symbolic link loop (expected a link that ends at a file inside the project folder)"


def hidden(name: str) -> bool:
    """Whether a file or folder name is hidden, and so never read, listed or published by anything of ours,
    as MkDocs excludes it too: an editor's lock ('.#x.yaml', a link to nowhere while Emacs has unsaved
    changes), a macOS copy's metadata ('._x.yaml'), '.gitkeep', '.DS_Store', '.git'."""
    return name.startswith(".")


def shown_path(path: Path, root: Path) -> str:
    """A path as problems show it: relative to the project root when it is inside."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return path.as_posix()


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def link_problem(path: str | os.PathLike[str], real_root: Path) -> str | None:
    """Why the symbolic link (or a path through one) at ``path`` may not be read; None if it may.

    ``real_root`` is the project folder, resolved."""
    try:
        target = Path(os.path.realpath(path, strict=True))
    except RuntimeError:
        return LOOP
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return LOOP
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return DANGLING
        return f"cannot be read: {exc.strerror or 'an error'} (expected a readable file)"
    return None if _inside(target, real_root) else OUTSIDE


def folder_problems(folders: Iterable[tuple[str, Path]], root: Path) -> list[Problem]:
    """Every link in the project's ``folders`` ((setting name, folder) pairs) that breaks the rule.

    A folder the site's owner configured outside the project folder (shared templates, say) is
    allowed, and the links in it must stay in it; a link in the project folder that makes one of the
    folders point outside (``claims -> /etc``) is refused. Links to folders are followed (each real
    folder once, so a loop ends). With ``docs_dir`` and ``articles_dir`` among the folders, a link in
    docs_dir to the articles, or to a folder holding them (``content/mirror -> articles``), is refused
    too: MkDocs would publish the articles again through it, as Markdown pages with their HTML live."""
    real_root = root.resolve()
    problems: list[Problem] = []
    reals = {name: folder.resolve() for name, folder in folders if folder.exists()}
    try:
        top = [path for path in root.iterdir() if path.is_symlink()]
    except OSError:
        top = []
    refused: list[Path] = []
    for path in top:
        found = link_problem(path, real_root)
        if found is None:
            continue
        target = Path(os.path.realpath(path))
        if found != OUTSIDE or any(_inside(real, target) for real in reals.values()):
            problems.append(Problem(shown_path(path, root), 1, 1, "(file)", found))
            refused.append(target)
    articles = reals.get("articles_dir")
    shield = (reals["docs_dir"], articles) if articles is not None and "docs_dir" in reals else None
    seen: set[Path] = set()  # real folders walked: each once, even when the folders overlap (docs_dir first)
    for name, real in sorted(reals.items(), key=lambda item: item[0] != "docs_dir"):
        if not any(_inside(real, target) for target in refused):  # else reached through a refused link
            problems += _walk(real, real_root if _inside(real, real_root) else real, root, seen,
                              shield if name == "docs_dir" else None)
    return problems


def _articles_link(folder: str) -> str:
    """Why a link in docs_dir may not lead to the articles in ``folder`` (as messages show it)."""
    return (f"a symbolic link to the articles in {folder} (expected no link to them: MkDocs would publish them "
            "again through it, unchecked, scripts included; remove the link)")


def _walk(folder: Path, area: Path, root: Path, seen: set[Path],
          shield: tuple[Path, Path] | None = None) -> list[Problem]:
    """The links under ``folder`` that break the rule; ``shield``: (docs_dir, the articles folder), both
    real, when ``folder`` is docs_dir (see ``folder_problems``)."""
    problems: list[Problem] = []
    stack = [folder]
    while stack:
        folder = stack.pop()
        real = folder.resolve()
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:  # a Path only for the entries that need one: a folder holds thousands of files
            if hidden(entry.name):
                continue  # never read: the loaders skip them too
            if entry.is_symlink():
                path = Path(entry.path)
                found = link_problem(path, area)
                if not found and shield is not None and not _inside(real, shield[1]):
                    target = Path(os.path.realpath(path))
                    if _inside(target, shield[1]) or _inside(shield[1], target):
                        found = _articles_link(shown_path(shield[1], root))
                if found:
                    problems.append(Problem(shown_path(path, root), 1, 1, "(file)", found))
                elif entry.is_dir():
                    stack.append(path)
            elif entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
    return problems


def collected_problems(paths: Iterable[Path], root: Path) -> list[Problem]:
    """The rule for files another program collected (MkDocs' list of files): each path inside the
    project folder as written must resolve inside it too. Paths elsewhere (the theme's own files
    in its package) are not the project's."""
    real_root = root.resolve()
    lexical_root = Path(os.path.abspath(root))
    problems = []
    for path in paths:
        absolute = Path(os.path.abspath(path))
        if _inside(absolute, lexical_root) or _inside(absolute, real_root):
            found = link_problem(absolute, real_root)
            if found:
                problems.append(Problem(shown_path(absolute, root), 1, 1, "(file)", found))
    return problems


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def read_bounded(path: str | os.PathLike[str], limit: int, real_root: Path | None) -> tuple[bytes | None, str | None]:
    """(the bytes of ``path``, None) or (None, why it cannot be read as a contributor's file).

    Only a regular file inside ``real_root`` (when given) is read, and never more than ``limit``
    bytes: the size is checked before reading, and the read stops past the limit whatever the file
    claims its size to be."""
    checked = real_root is None
    if not checked and not _NOFOLLOW and os.path.islink(path):
        found = link_problem(path, real_root)  # type: ignore[arg-type]
        if found:
            return None, found
        checked = True
    try:
        try:  # a link is not opened at first (the common case, a file, takes no look at the path beforehand)
            descriptor = os.open(path, _OPEN if checked else _OPEN | _NOFOLLOW)
        except OSError as exc:
            if checked or exc.errno not in (errno.ELOOP, errno.EMLINK) or not os.path.islink(path):
                raise
            found = link_problem(path, real_root)  # type: ignore[arg-type]
            if found:
                return None, found
            descriptor = os.open(path, _OPEN)  # a link that stays inside the project folder: read through it
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return None, LOOP
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return None, DANGLING if os.path.islink(path) else "does not exist (expected a file)"
        if exc.errno == errno.EISDIR:
            return None, "not a regular file but a folder (expected a text file)"
        return None, f"cannot be read: {exc.strerror or 'an error'} (expected a readable text file)"
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = next((name for test, name in _KINDS if test(status.st_mode)), "a special file")
            return None, f"not a regular file but {kind} (expected a text file)"
        if status.st_size > limit:
            return None, f"too large: {status.st_size:,} bytes (expected at most {limit:,})"
        first = os.read(descriptor, status.st_size + 1)  # the whole file in one read, as a rule
        if len(first) == status.st_size:  # its size, and not a byte more: the end of the file
            return first, None
        chunks, total = [first], len(first)
        while total <= limit:
            chunk = os.read(descriptor, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:
            return None, f"too large: more than {limit:,} bytes (expected at most {limit:,})"
        return b"".join(chunks), None
    except OSError as exc:
        return None, f"cannot be read: {exc.strerror or 'an error'} (expected a readable text file)"
    finally:
        os.close(descriptor)
