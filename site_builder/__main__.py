"""``python -m site_builder``; ``run`` is also the ``site-builder`` command."""

import os
import sys

from .cli import main


def run() -> None:
    """The command line, in a process of its own. A command that asks to (``validate``) ends the process as
    soon as its output is written, with its exit status, as mypy does: Python's teardown would free every
    object it made and every module one by one first (40 ms at 10,000 claims), for nothing."""
    asked: dict[str, bool] = {}  # what the command asked of its process (cli.py)
    try:
        main(obj=asked)
    except SystemExit as end:
        if asked.get("exit_at_once") and isinstance(end.code, int):
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except OSError:  # what cannot be written is Python's to report as it exits
                raise end from None
            os._exit(end.code)
        raise


if __name__ == "__main__":
    run()
