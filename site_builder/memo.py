"""Work remembered between rebuilds while ``mkdocs serve`` runs.

Only pure functions of their text argument are remembered, keyed by that whole
text: an edited file has a different text, so nothing stale can be returned.
One build gains nothing from it, so it is off unless switched on (the plugin
does so for ``serve``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
LIMIT = 50_000
_enabled = False


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


def remembered(function: Callable[[str], T]) -> Callable[[str], T]:
    cached = functools.lru_cache(maxsize=LIMIT)(function)

    @functools.wraps(function)
    def wrapper(text: str) -> T:
        return cached(text) if _enabled else function(text)

    return wrapper
