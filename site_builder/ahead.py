"""Pages rendered ahead, in a worker process, while the engine writes the ones before. Pure: no MkDocs.

MkDocs builds pages one after the other on one core, and our part of each (rendering a generated page)
waits for its turn. ``RenderedAhead`` forks ONE worker that renders the pages in the order the engine
will ask for them and sends each back, finished, through a pipe; the engine's hook takes the next one.

- The queue is the pipe's buffer (grown to ``PIPE_BYTES`` where Linux allows it, else its 64 KiB): once
  the worker is that far ahead it waits, so memory stays flat however many pages there are.
- The output never depends on the worker. ``take`` gives None (render the page yourself) when the page
  is not the worker's next one (pages the engine did not ask for are skipped; a page asked for again, or
  out of order, gives None), when the worker failed on it (render it here: the same error follows), when
  the worker died, or when it sent nothing for ``STALL_SECONDS``. It never waits longer than that.
- Memory: the worker is a fork, sharing the parent's memory until either writes to it (a page either
  process writes is then held twice). So the worker is started early, before the parent holds much, and
  makes what it renders from itself (``start``: the plugin loads the project in it); what the parent
  needs of that is sent first (``receive``). Once started, the worker moves what it holds out of its
  cycle collector's reach (``gc.freeze``: collections never walk it again), and hands freed memory back
  every ``TRIM_EVERY`` pages.
- Chores: work the parent would otherwise do, which need not be done in order with the pages (the plugin:
  writing the data files), done a step at a time while the pipe is full, so the pages stay ahead. They
  begin only once the parent says what it expects (``expect``): the worker may start before the engine
  has made ready the place the chores write to (MkDocs empties the site folder after the plugin starts
  the worker).
- Only where it pays (``worthwhile``): processes can fork, more than one core is ours, and there are
  more than ``MIN_PAGES`` pages (the plugin counts claim files, before loading them).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import select
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Generic, TypeVar

try:
    import fcntl
except ImportError:  # not a POSIX system: no fork either (worthwhile says no)
    fcntl = None  # type: ignore[assignment]

from .freed_memory import return_freed_memory

T = TypeVar("T")

MIN_PAGES = 300  # below this a build takes a few seconds: a second process is not worth its start
PIPE_BYTES = 1 << 20  # the queue: tens of pages
STALL_SECONDS = 600.0  # nothing for this long from a live worker: it is stopped, the rest done here
TRIM_EVERY = 500  # pages between handing freed memory back (as the plugin does: freed_memory.py)
_FAILED = b""  # what the worker sends instead of a page it could not render (then it stops)


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system says, else the machine's)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worthwhile(pages: int, workers: int = 1) -> bool:
    """Whether rendering ``pages`` ahead in a worker pays: asked for (``workers``), a fork start exists
    (Linux; not macOS or Windows, whose spawned process would load the whole project again), a second
    core, and enough pages."""
    return (workers > 0 and hasattr(os, "fork") and "fork" in multiprocessing.get_all_start_methods()
            and usable_cores() > 1 and pages > MIN_PAGES)


class RenderedAhead(Generic[T]):
    """A forked worker that does ``start(send)``, which may ``send`` the parent what it needs first (see
    ``receive``) and returns the render function, the pages in the order to render them, and chores: an
    iterable whose each step does a little work (writing a data file a piece at a time), done while the
    worker is far enough ahead. Then it renders each page and sends it: ``take`` them in order, and
    ``finished`` says whether the chores were all done."""

    def __init__(self, start: Start):
        self.position: dict[str, int] = {}
        self.count = 0  # pages the worker renders
        self.next = 0  # the position of the next page the worker sends
        for stream in (sys.stdout, sys.stderr):  # what the parent has not written yet is not written twice
            try:
                stream.flush()
            except (AttributeError, OSError, ValueError):
                pass
        read, write = os.pipe()
        go_read, go_write = os.pipe()  # a byte from the parent: the chores may begin (see ``expect``)
        if fcntl is not None and hasattr(fcntl, "F_SETPIPE_SZ"):  # Linux
            try:
                fcntl.fcntl(write, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
            except OSError:
                pass  # the default buffer: less ahead, same pages
        self.pid = os.fork()
        if self.pid == 0:  # the worker: never returns
            os.close(read)
            os.close(go_write)
            _work(start, write, go_read)
        os.close(write)
        os.close(go_read)
        self.connection: Connection | None = Connection(read, writable=False)
        self.go: int | None = go_write

    def receive(self) -> object | None:
        """What the worker sent before its pages (``start``'s ``send``), in order; None if it failed or
        died first (the worker is then stopped)."""
        data = self._receive()
        if data is None or data == _FAILED:
            self.close()
            return None
        return pickle.loads(data)

    def expect(self, uris: Sequence[str]) -> None:
        """The pages the worker renders, in its order (what ``start`` returned); and the worker's chores
        may begin (what they write to is ready)."""
        self.position = {uri: index for index, uri in reversed(list(enumerate(uris)))}  # the first, if repeated
        self.count = len(uris)
        if self.go is not None:
            try:
                os.write(self.go, b"1")
            except OSError:  # the worker ended: take and finished say so
                pass

    def finished(self) -> bool:
        """Whether the worker did all its chores (after the pages the parent did not take); False if it
        failed or died before (then do them yourself). Stops the worker."""
        done = False
        while self.connection is not None and self.next < self.count:
            data = self._receive()
            if data is None or data == _FAILED:
                break
            self.next += 1
        if self.connection is not None and self.next == self.count:
            data = self._receive()
            done = data is not None and data != _FAILED and pickle.loads(data) is True
        self.close(ending=done)
        return done

    def take(self, uri: str) -> T | None:
        """The page at ``uri``, rendered by the worker; None: render it yourself (see the module's notes)."""
        at = self.position.get(uri)
        if self.connection is None or at is None or at < self.next:
            return None
        while self.next <= at:
            data = self._receive()
            if data is None or data == _FAILED:
                self.close()
                return None
            self.next += 1
            if self.next > at:
                return pickle.loads(data)  # type: ignore[no-any-return]
        return None

    def _receive(self) -> bytes | None:
        connection = self.connection
        assert connection is not None
        try:
            if not connection.poll(STALL_SECONDS):
                return None
            return connection.recv_bytes()
        except (EOFError, OSError):  # the worker ended (died, or stopped after a failure)
            return None

    def close(self, *, ending: bool = False) -> None:
        """Stop the worker (if it is still at work) and wait for it; ``ending``: it has sent all it had and
        is ending by itself. Safe to call again."""
        if self.go is not None:
            os.close(self.go)  # a worker waiting to do its chores is let go: it finds the pipe broken
            self.go = None
        if self.connection is None:
            return
        self.connection.close()  # a worker still sending gets a broken pipe and ends
        self.connection = None
        try:
            pid, _ = os.waitpid(self.pid, 0 if ending else os.WNOHANG)
            if pid == 0:  # still rendering a page (or stuck): it is ours to end
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


Start = Callable[[Callable[[object], None]], tuple[Callable[[str], object], Sequence[str], Iterable[object]]]


def _work(start: Start, write: int, go: int) -> None:
    """The worker: ``start``, then each page rendered and sent, in order, and between pages, while the
    parent has pages enough waiting and has said the chores may begin (a byte on ``go``, or ``go``
    closed), a step of the chores; then the rest of the chores, and whether they were all done. Stops at a
    page it could not render or when nobody reads. Ends the process without running the parent's exit
    handlers or flushing its streams."""
    code = 0
    try:
        gc.freeze()  # what the parent made stays out of this process's collections (and is not copied by them)
        connection = Connection(write, readable=False)

        def send(value: object) -> None:
            connection.send_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        try:
            render, uris, chores = start(send)
        except Exception:  # noqa: BLE001 - the parent does it again and reports what it raises
            connection.send_bytes(_FAILED)
            raise
        gc.freeze()  # and so does what start made
        room = select.poll()
        room.register(write, select.POLLOUT)
        room_or_go = select.poll()  # the pipe has room, or the chores may begin
        room_or_go.register(write, select.POLLOUT)
        room_or_go.register(go, select.POLLIN)
        steps: Iterator[object] | None = iter(chores)
        chores_done = False
        allowed = False  # the chores may begin

        def step() -> None:
            nonlocal steps, chores_done
            try:
                next(steps)  # type: ignore[arg-type]
            except StopIteration:
                steps, chores_done = None, True
            except Exception:  # noqa: BLE001 - the parent does them again and reports what they raise
                steps = None
        for count, uri in enumerate(uris, 1):
            while steps is not None and not room.poll(0):  # the pipe is full: the parent has pages enough
                if allowed:
                    step()
                elif any(fd == go for fd, _ in room_or_go.poll()):  # waits for room, or for the go
                    allowed = True
            try:
                page = render(uri)
            except Exception:  # noqa: BLE001 - the parent renders it again and reports what it raises
                connection.send_bytes(_FAILED)
                break
            send(page)
            del page
            if count % TRIM_EVERY == 0:
                return_freed_memory()
        else:
            if steps is not None and not allowed:
                select.select([go], [], [])  # the go (or the parent gone)
            while steps is not None:
                step()
            send(chores_done)
        connection.close()
    except BaseException:  # noqa: BLE001 - a broken pipe (the parent stopped reading), an interrupt
        code = 1
    finally:
        os._exit(code)
