"""A progress bar for long builds: shown on a terminal after a second, silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

from tqdm import tqdm


class Progress(Protocol):
    """Called with the number of inputs cleaned so far and the number to clean."""

    def __call__(self, done: int, total: int) -> None: ...


@contextmanager
def progress(quiet: bool = False) -> Iterator[Progress]:
    """Yield a callback that advances a bar (on a terminal, and only after one second)."""
    enabled = not quiet and sys.stderr.isatty()
    bar = tqdm(total=0, delay=1.0, disable=not enabled, unit="article", file=sys.stderr,
               desc="cleaning", leave=False, dynamic_ncols=True)

    def advance(done: int, total: int) -> None:
        if bar.total != total:
            bar.total = total
        bar.update(done - bar.n)

    try:
        yield advance
    finally:
        bar.close()
