"""Python's cycle collector, around the build's long-lived objects: one place for its policy. Pure: no MkDocs.

Loading makes hundreds of thousands of objects that stay alive to the end (``paused_gc``); while
serving, a full build's objects stay alive until the next full build (``keep_out_of_collections``,
``back_in_collections``). The two meet in ``paused_gc``, which must not unfreeze what serving froze.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

# Whether keep_out_of_collections froze a full build's objects (gc.get_freeze_count says so too, but
# counts them one by one: 0.1 s with a build of 10,000 claims frozen, twice in each rebuild).
_frozen = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Python's cycle collector off while loading. Loading makes a few hundred thousand objects that
    all stay alive (records, their texts, their fields), and the collector would walk every one of
    them again and again as they pile up. What loading throws away holds no cycles (the PyYAML loader
    is disposed), and the collector is on again, as it was, afterwards.

    The objects made meanwhile are then put in the collector's oldest generation at once (gc.freeze
    and gc.unfreeze move every object there without looking at it): otherwise its next collection of
    the youngest walks all of them (0.2-0.4 s at 10,000 claims). They are still collected as any
    other, by the next full collection. Not when something is frozen already (while serving, what a
    full build made is): unfreezing would give that back to the collector."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not _frozen and gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if was_on:
            gc.enable()


def keep_out_of_collections() -> None:
    """After a full build while serving: what it made (the project, MkDocs' pages and navigation, the
    search entries: millions of objects at 10,000 claims) is left out of the garbage collector's full
    collections, which otherwise walk all of it during each rebuild (0.5-0.8 s at 10,000 claims). What
    an edit replaces is still freed when nothing refers to it; what only a collection could free (a
    cycle) waits for the next full build, which gives everything back to the collector first
    (``back_in_collections``)."""
    global _frozen
    gc.collect()
    gc.freeze()
    _frozen = True


def back_in_collections() -> None:
    """Before a full build while serving: the last full build's objects can be collected again."""
    global _frozen
    gc.unfreeze()
    _frozen = False
