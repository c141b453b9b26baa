"""The build cache: cleaned articles keyed by their input and by everything that shapes them.

An entry is stored per input in `.newsdigest-cache/<out>/articles.sqlite` beside the output
folder, under a key that hashes the input's bytes and name together with the fingerprint of the
code, the rules, the configuration and the package version. Change any of those and the key
changes, so a stale entry is never used; entries no input refers to any more are removed.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, BinaryIO

from generator import __version__
from generator.config import Config
from generator.learn import Facts
from generator.models import Article, Block, Problem

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
    record: str  # the article's JSON record for the build report ("" if none, or not loaded)
    problems: tuple[Problem, ...]  # found while reading and cleaning


Parts = tuple[bytes, bytes, bytes]  # an entry as stored: see split_entry


def summary_of(entry: Entry) -> Entry:
    """Return an entry without its record and its article's body blocks: all that index
    pages, feeds' metadata and slugs need, so a build holds 10,000 summaries, not articles."""
    article = entry.article
    return replace(entry, record="", article=article and replace(article, blocks=()))


def split_entry(entry: Entry) -> Parts:
    """Return an entry pickled without its record, the record as UTF-8, and its summary
    pickled (for the building process, which needs no more)."""
    return (pickle.dumps(replace(entry, record=""), protocol=pickle.HIGHEST_PROTOCOL),
            entry.record.encode("utf-8"),
            pickle.dumps(summary_of(entry), protocol=pickle.HIGHEST_PROTOCOL))


def load_entry(blob: bytes | None) -> Entry | None:
    """Unpickle a stored entry or summary; None when absent or unreadable."""
    entry = loads(blob)
    return entry if isinstance(entry, Entry) else None


def _connect(path: Path, setup: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """Open a cache database and set up its tables; a damaged file is started afresh."""
    def open_() -> sqlite3.Connection:
        db = sqlite3.connect(path, isolation_level="DEFERRED")
        setup(db)
        return db

    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return open_()
    except sqlite3.DatabaseError:  # not a database (damaged)
        path.unlink(missing_ok=True)
        return open_()


class DamagedEntry(LookupError):
    """An article the build holds a summary of can no longer be read from the cache."""

    def __init__(self, message: str, key: str) -> None:
        super().__init__(message, key)  # both in args: the error crosses process boundaries
        self.key = key

    def __str__(self) -> str:
        return str(self.args[0])


class ArticleCache:
    """Entries in one SQLite file (a 10,000-article build would otherwise create as many small
    files, which costs more than cleaning them on some file systems). An entry's report record
    is stored apart from its pickled article: a build reads an article only to render its
    page or feed item (`Summaries` holds the rest), and a record only when the report lacks
    it. Writes are committed once, by `close`; a build cut off
    before then loses only this build's new entries."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._pid = os.getpid()  # the process that opened _db
        self._readers: dict[int, sqlite3.Connection] = {}  # forked workers' own, by process id
        self._keys: set[str] | None = None

    def _conn(self) -> sqlite3.Connection:
        if self._db is None:  # opened on first use: after worker processes are forked
            self._pid = os.getpid()
            self._db = _connect(self.path, self._setup)
        return self._db

    def _reader(self) -> sqlite3.Connection:
        """This process's connection for reading: in a forked worker its own (the parent's
        must not be used, nor closed, there)."""
        if os.getpid() == self._pid:
            return self._conn()
        reader = self._readers.get(os.getpid())
        if reader is None:
            reader = self._readers[os.getpid()] = sqlite3.connect(self.path)
        return reader

    def _setup(self, db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE IF EXISTS entries")  # 0.1.0: article and record in one blob
        columns = [row[1] for row in db.execute("PRAGMA table_info(articles)")]
        if columns and columns != ["key", "entry", "record"]:  # another version's layout
            db.execute("DROP TABLE articles")
        db.execute("CREATE TABLE IF NOT EXISTS articles "
                   "(key TEXT PRIMARY KEY, entry BLOB, record BLOB)")
        self._keys = {row[0] for row in db.execute("SELECT key FROM articles")}

    def has(self, key: str) -> bool:
        """Say whether an entry is stored for a key (it may still prove unreadable)."""
        self._conn()
        assert self._keys is not None
        return key in self._keys

    def get(self, key: str) -> Entry | None:
        """Return the entry of a key without its record (see `record`), or None when absent or
        unreadable."""
        row = self._reader().execute("SELECT entry FROM articles WHERE key = ?",
                                     (key,)).fetchone()
        return None if row is None else load_entry(row[0])

    def blocks(self, key: str) -> tuple[Block, ...]:
        """Return the body blocks of a key's article (forked page workers can call it)."""
        entry = self.get(key)
        if entry is None or entry.article is None:
            raise DamagedEntry(f"{self.path}: entry {key} is missing or damaged", key)
        return entry.article.blocks

    def forget(self, key: str) -> None:
        """Delete a key's entry (damaged: its input is to be cleaned again)."""
        self._conn().execute("DELETE FROM articles WHERE key = ?", (key,))
        assert self._keys is not None
        self._keys.discard(key)

    def record(self, key: str) -> str | None:
        """Return the report record of a key's entry ("" when it has none), None when absent."""
        row = self._conn().execute("SELECT record FROM articles WHERE key = ?", (key,)).fetchone()
        if row is None or not isinstance(row[0], bytes):
            return None
        try:
            return row[0].decode("utf-8")
        except UnicodeDecodeError:
            return None

    def put(self, key: str, entry: Entry) -> None:
        """Store an entry."""
        self.put_parts(split_entry(entry), key=key)

    def put_parts(self, parts: Parts, *, key: str) -> None:
        """Store an entry split by `split_entry` (in a worker process)."""
        self._conn().execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?)",
                             (key, parts[0], parts[1]))
        assert self._keys is not None
        self._keys.add(key)

    def prune(self, keep: Iterable[str]) -> int:
        """Delete entries whose keys are not in `keep`; return how many."""
        self._conn()
        assert self._keys is not None
        gone = self._keys - set(keep)
        self._conn().executemany("DELETE FROM articles WHERE key = ?", ((k,) for k in gone))
        self._keys -= gone
        return len(gone)

    def commit(self) -> None:
        """Make this build's entries last (`close` does too)."""
        if self._db is not None:
            self._db.commit()

    def close(self) -> None:
        """Commit this build's entries and close the file."""
        if self._db is not None:
            self._db.commit()
            self._db.close()
            self._db = None


def read_state(path: Path | None) -> Any:
    """Return what a state file holds, or None when it is absent, damaged or outdated."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def write_state(path: Path, data: object) -> None:
    """Replace a state file atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    with tmp.open("wb") as handle:
        pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _read_summaries(path: Path | None) -> dict[str, bytes]:
    """Return the (key, pickled summary) records of a summaries file; none when it is absent,
    damaged or of an older layout (the article cache gives them back)."""
    found: dict[str, bytes] = {}
    if path is None:
        return found
    try:
        with path.open("rb") as handle:
            reader = pickle.Unpickler(handle)
            while True:
                try:
                    record = reader.load()
                except EOFError:
                    return found
                if not (isinstance(record, tuple) and len(record) == 2
                        and isinstance(record[0], str) and isinstance(record[1], bytes)):
                    return {}
                found[record[0]] = record[1]
    except (OSError, pickle.UnpicklingError, AttributeError, ImportError, ValueError):
        return {}


class Summaries:
    """Every article's summary (`summary_of`) by cache key, each pickled apart, in one state
    file of (key, pickled summary) records. Read at once, this costs a third of reading 10,000
    summaries from the article cache. The records are written as the build puts them (a cold
    build holds none of them in memory), each the bytes read when it did not change: a build
    that cleaned one input does not pickle 10,000 summaries again. The file is replaced only
    when a summary, or the set of keys, changed."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: remember nothing
        self.old = _read_summaries(path)
        if path is not None:  # what a build that was killed while writing left
            for stale in path.parent.glob(f"{path.stem}.*.tmp"):
                stale.unlink(missing_ok=True)
        self.changed = False
        self._put = 0  # keys put in this build (each once: a key names an input)
        self._out: BinaryIO | None = None  # the file being written, opened on the first put
        self._writer: pickle.Pickler | None = None

    def get(self, key: str) -> bytes | None:
        """Return the pickled summary of a key (`load_entry` reads it), or None."""
        return self.old.get(key)

    def put(self, key: str, summary: bytes) -> None:
        """Keep a key's pickled summary for the next build."""
        self._put += 1
        self.changed = self.changed or self.old.get(key) is not summary
        if self.path is None:
            return
        if self._writer is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._out = self.path.with_suffix(f".{os.getpid()}.tmp").open("wb")
            self._writer = pickle.Pickler(self._out, protocol=pickle.HIGHEST_PROTOCOL)
        self._writer.dump((key, summary))
        self._writer.clear_memo()

    def save(self) -> None:
        """Keep the summaries put in this build, when they differ from the last build's."""
        if self.path is None:
            return
        if self._out is None:  # nothing put: no article any more
            self.path.unlink(missing_ok=True)
            return
        self._out.close()
        tmp = Path(self._out.name)
        self._out = self._writer = None
        if self.changed or self._put != len(self.old):
            os.replace(tmp, self.path)
        else:
            tmp.unlink()


class FactsCache:
    """What learning measured of each input (`learn.Facts`) by entry key, and what learning
    made of it: the grouping into outlets and each outlet's learned lines, each under a key of
    what it was made from. One SQLite file beside the article cache.

    A Facts is stored as its signature (domain, top and foot lines: all that grouping needs)
    apart from its lines and with their digest, so a build reads every input's signature but
    the lines only of the outlets whose members' lines changed (an edited paragraph changes
    no outlet's).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None  # opened on first use, by the process using
        # it (learning may run in a forked child: see build.learn_apart)
        self._pid = os.getpid()
        self._inherited: list[sqlite3.Connection] = []  # a parent's, never used nor closed here
        self.used: set[str] = set()  # memo names asked for in this build

    @property
    def db(self) -> sqlite3.Connection:
        """This process's connection (a forked child opens its own: SQLite's may not cross a
        fork; the parent's is kept, unused, since closing it would drop this process's locks)."""
        if self._db is not None and self._pid != os.getpid():
            self._inherited.append(self._db)
            self._db = None
        if self._db is None:
            self._pid = os.getpid()
            self._db = _connect(self.path, self._setup)
        return self._db

    def keys(self) -> set[str]:
        """Return the keys of every stored Facts."""
        return {row[0] for row in self.db.execute("SELECT key FROM measured")}

    @staticmethod
    def _setup(db: sqlite3.Connection) -> None:
        db.execute("DROP TABLE IF EXISTS facts")  # the earlier layout, without lines digests
        db.execute("CREATE TABLE IF NOT EXISTS measured "
                   "(key TEXT PRIMARY KEY, signature BLOB, digest BLOB, lines BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS memo (name TEXT PRIMARY KEY, value BLOB)")

    def signatures(self) -> dict[str, tuple[bytes, bytes]]:
        """Return the pickled signature (a Facts without lines) and the digest of the lines of
        every stored key."""
        return {key: (signature, digest) for key, signature, digest
                in self.db.execute("SELECT key, signature, digest FROM measured")}

    def lines(self, key: str) -> tuple[tuple[str, str], ...] | None:
        """Return the lines of a key's Facts, None when absent or unreadable."""
        row = self.db.execute("SELECT lines FROM measured WHERE key = ?", (key,)).fetchone()
        value = loads(row[0]) if row else None
        return value if isinstance(value, tuple) else None

    def put(self, key: str, facts: Facts) -> tuple[bytes, bytes]:
        """Store an input's Facts; return its pickled signature and the digest of its lines."""
        signature = pickle.dumps(replace(facts, lines=()), protocol=pickle.HIGHEST_PROTOCOL)
        lines = pickle.dumps(facts.lines, protocol=pickle.HIGHEST_PROTOCOL)
        digest = hashlib.blake2b(lines, digest_size=16).digest()
        self.db.execute("INSERT OR REPLACE INTO measured VALUES (?, ?, ?, ?)",
                        (key, signature, digest, lines))
        return signature, digest

    def recall(self, name: str) -> Any:
        """Return what was remembered under a name (None if nothing), and keep it."""
        self.used.add(name)
        row = self.db.execute("SELECT value FROM memo WHERE name = ?", (name,)).fetchone()
        return loads(row[0]) if row else None

    def remember(self, name: str, value: object) -> None:
        self.used.add(name)
        self.db.execute("INSERT OR REPLACE INTO memo VALUES (?, ?)",
                        (name, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))

    def close(self, keep: Iterable[str]) -> None:
        """Forget the Facts of keys not in `keep` and what was not recalled; commit; close."""
        wanted = set(keep)
        gone = [(k,) for (k,) in self.db.execute("SELECT key FROM measured") if k not in wanted]
        self.db.executemany("DELETE FROM measured WHERE key = ?", gone)
        old = [(n,) for (n,) in self.db.execute("SELECT name FROM memo") if n not in self.used]
        self.db.executemany("DELETE FROM memo WHERE name = ?", old)
        self.db.commit()
        self.db.close()
        self._db = None


def loads(blob: object) -> Any:
    """Unpickle a stored value; None when it is not readable."""
    if not isinstance(blob, bytes):
        return None
    try:
        return pickle.loads(blob)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError,
            ValueError):
        return None


class Digests:
    """The SHA-256 of each input, kept by its file's identity (size, mtime, inode, ctime) as
    git's index does, so an unchanged input is not read again to learn that it is unchanged.

    A file whose recorded mtime lies within RACY_NS of the moment the table was written is
    hashed again: it could have changed since without its mtime moving (coarse clocks).
    """

    RACY_NS = 2_000_000_000

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: remember nothing
        data = read_state(path)
        ok = isinstance(data, dict) and isinstance(data.get("table"), dict)
        self.written: int = data["written"] if ok else 0  # when the table was written, in ns
        self.old: dict[str, tuple[tuple[int, ...], bytes]] = data["table"] if ok else {}
        self.new: dict[str, tuple[tuple[int, ...], bytes]] = {}

    def of(self, path: Path) -> bytes:
        """Return the SHA-256 of a file's bytes (of its error when it cannot be read: the
        build then reports that error)."""
        name = os.fspath(path)
        try:
            info = os.stat(name)
        except OSError as exc:
            return _unreadable(exc)
        stamp = (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)
        old = self.old.get(name)
        if old is not None and old[0] == stamp \
                and max(info.st_mtime_ns, info.st_ctime_ns) < self.written - self.RACY_NS:
            digest = old[1]
        else:
            try:
                digest = hashlib.sha256(path.read_bytes()).digest()
            except OSError as exc:
                return _unreadable(exc)
        self.new[name] = (stamp, digest)
        return digest

    def save(self) -> None:
        """Write the table of the files asked about in this build."""
        if self.path is not None:
            write_state(self.path, {"written": time.time_ns(), "table": self.new})


def _unreadable(exc: OSError) -> bytes:
    """The digest standing for an input that cannot be read (its worker reports why)."""
    return hashlib.sha256(f"unreadable: {exc.errno}".encode()).digest()


def key_of(*parts: object) -> str:
    """Hash the reprs of some values into a memo key."""
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


class Memo:
    """Output files of the last build that need not be made again, by a key of their inputs.

    A page, a feed or the sitemap is a pure function of what its key hashes (the articles it
    shows, by cache key and URL; the templates; the configuration). When the key is the one
    recorded for that output path and the output folder still holds that file (`published`
    checks the manifest's digest), the file is kept as it is: not rendered, not checked, not
    rewritten. Stored in one file beside the article cache.
    """

    def __init__(self, path: Path | None, published: Callable[[str, str], bool]) -> None:
        self.path = path
        self.published = published
        data = read_state(path)
        self.known: dict[str, tuple[str, str]] = data if isinstance(data, dict) else {}
        # output path -> (key, digest)
        self.keys: dict[str, str] = {}  # output path -> key, for every file asked about
        self.kept: dict[str, str] = {}  # output path -> digest, for the files kept

    def reuse(self, out_path: str, key: str) -> bool:
        """Say whether the file at out_path, made from `key`, can be kept as published."""
        self.keys[out_path] = key
        old = self.known.get(out_path)
        if old is not None and old[0] == key and self.published(out_path, old[1]):
            self.kept[out_path] = old[1]
            return True
        return False

    def save(self, digests: dict[str, str]) -> None:
        """Record the key and published digest of every file asked about in this build."""
        if self.path is None:
            return
        table = {p: (k, digests[p]) for p, k in self.keys.items() if p in digests}
        if table != self.known:
            write_state(self.path, table)


def no_memo() -> Memo:
    """A memo that keeps nothing: every file is made."""
    return Memo(None, lambda path, digest: False)
