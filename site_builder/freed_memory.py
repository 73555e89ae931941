"""Hand memory the build has freed back to the system. Pure: no MkDocs.

A page's HTML (tens of kilobytes) is allocated by glibc's malloc, outside Python's own small-object
arenas. Once a generated page is written the plugin drops its HTML, but glibc keeps the freed space
in its heap for reuse, and the heap's high-water mark is the build's peak: each page leaves a little
fragmentation behind, so the resident memory keeps growing with the number of pages even though
nothing holds them. ``malloc_trim(0)`` returns every free page of the heap to the system
(``madvise``), so the build's memory follows what it really holds. Elsewhere (another C library, or
another system) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable

_trim: Callable[[int], int] | None = None
if sys.platform.startswith("linux"):
    try:
        _trim = ctypes.CDLL(ctypes.util.find_library("c") or None).malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        _trim = None


def return_freed_memory() -> None:
    """Give the C heap's free pages back to the system, where the C library can (glibc)."""
    if _trim is not None:
        _trim(0)
