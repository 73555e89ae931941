"""Work remembered between rebuilds while ``mkdocs serve`` runs.

Only pure functions of their text argument are remembered, keyed by that whole
text: an edited file has a different text, so nothing stale can be returned.
One build gains nothing from it, so it is off unless switched on (the plugin
does so for ``serve``).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Generic, TypeVar

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


def enabled() -> bool:
    return _enabled


K = TypeVar("K")


class Store(Generic[K, T]):
    """A bounded map kept between rebuilds while serving (empty and unused otherwise): records loaded
    from a file, keyed by the file's whole text, so an unchanged file gives back the very same object
    and the pages built from it can be recognised as unchanged by identity."""

    def __init__(self, limit: int = LIMIT):
        self.limit = limit
        self.items: dict[K, T] = {}

    def get(self, key: K) -> T | None:
        return self.items.get(key) if _enabled else None

    def put(self, key: K, value: T) -> None:
        if not _enabled:
            return
        if len(self.items) >= self.limit:
            self.items.pop(next(iter(self.items)))
        self.items[key] = value


def remembered_pair(function: Callable[[str, str], T]) -> Callable[[str, str], T]:
    """``remembered`` for a pure function of two texts."""
    cached = functools.lru_cache(maxsize=LIMIT)(function)

    @functools.wraps(function)
    def wrapper(first: str, second: str) -> T:
        return cached(first, second) if _enabled else function(first, second)

    return wrapper
