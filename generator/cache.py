"""The build cache: cleaned articles keyed by their input and by everything that shapes them.

An entry is stored per input in `.newsdigest-cache/<out>/articles/` beside the output folder,
named by a key that hashes the input's bytes and name together with the fingerprint of the
code, the rules, the configuration and the package version. Change any of those and the key
changes, so a stale entry is never used; entries no input refers to any more are removed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.config import Config
from generator.models import Article, Problem

CODE_DIR = Path(__file__).parent


def fingerprint(config: Config, *extra: str) -> str:
    """Hash the package's code and data files, the version and the configuration."""
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(CODE_DIR.rglob("*")):
        if path.suffix in (".py", ".json", ".txt") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(CODE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update(repr(config).encode())
    for item in extra:
        digest.update(item.encode())
    return digest.hexdigest()


def entry_key(code: str, name: str, data: bytes) -> str:
    """Return the cache key of one input: its name and bytes under a code fingerprint."""
    digest = hashlib.sha256(code.encode())
    digest.update(name.encode())
    digest.update(b"\0")
    digest.update(data)
    return digest.hexdigest()


@dataclass(frozen=True)
class Entry:
    """What the build keeps of one cleaned input."""

    article: Article | None  # without its labelled lines (they live in `record`); None if rejected
    record: str  # the article's JSON record for the build report, or "" if rejected
    problems: tuple[Problem, ...]  # found while reading and cleaning


class ArticleCache:
    """Entries on disk, one file each; reads are lazy, writes are atomic."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> Entry | None:
        """Return the entry of a key, or None when absent or unreadable."""
        try:
            with self._path(key).open("rb") as handle:
                entry = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return entry if isinstance(entry, Entry) else None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry (write to a temporary file, then rename)."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(entry, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)

    def prune(self, keep: Iterable[str]) -> int:
        """Delete entries whose keys are not in `keep`; return how many."""
        wanted = set(keep)
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.stem not in wanted or path.suffix != ".pickle":
                path.unlink(missing_ok=True)
                removed += 1
        return removed
