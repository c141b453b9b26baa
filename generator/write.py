"""Publish {path: bytes} into the output folder atomically. The only output I/O.

Files that changed are first written to a staging folder in `.newsdigest-cache/<out>/` beside
the output, with a journal listing every file of the new site. Only when all of them are
written does the short final step run: each changed file is moved into place with one rename,
files of the old site that the new one lacks are deleted, and the journal is removed. A build
that is killed before the journal is complete leaves the old site untouched; one killed during
the final step leaves a complete journal, and the next build (or `newsdigest build` with nothing
changed) finishes the step before doing anything else. Unchanged files are never rewritten, so a
rebuild after editing one article touches a handful of files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

CACHE_DIR = ".newsdigest-cache"


class InterruptedAfterPublish(KeyboardInterrupt):
    """Ctrl-C after the new site was published, while the build report and caches were
    being written."""


class OutputError(Exception):
    """The output folder is unsafe to write; the message says why and what to do."""


@dataclass(frozen=True)
class WriteStats:
    """What a publish did."""

    written: int  # files created or changed
    unchanged: int  # files left as they were
    deleted: int  # files of the old site removed
    digests: dict[str, str] = field(default_factory=dict, compare=False, repr=False)  # all files


def state_dir(out: Path) -> Path:
    """Return the folder holding the staging area and journal of an output folder."""
    return out.parent / CACHE_DIR / out.name


def check_output(out: Path, protected: list[Path]) -> None:
    """Refuse an output folder that is, or contains, a protected folder (sources, repo root)."""
    target = out.resolve()
    if target == Path(target.anchor) or target == Path.home().resolve():
        raise OutputError(f"{out}: refusing to write a site into {target}; choose --out _site")
    for folder in protected:
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise OutputError(
                f"{out}: the output folder would contain {folder}, which the build reads; "
                "choose another --out such as _site"
            )
    if target.exists() and not target.is_dir():
        raise OutputError(f"{out}: exists and is not a folder; remove it or choose another --out")
    manifest = state_dir(target) / "manifest.json"
    if target.is_dir() and any(target.iterdir()) and not manifest.exists():
        raise OutputError(
            f"{out}: folder is not empty and was not built by newsdigest; empty it or choose "
            "another --out (the build never deletes files it did not write)"
        )


def _safe_relpath(path: str) -> str:
    """Return an output path in POSIX form, refusing any that would leave the output folder."""
    if path and all(part not in ("", ".", "..") for part in path.split("/")):
        return path  # already plain: most are (a build names 10,000 of them)
    rel = PurePosixPath(path)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise OutputError(f"refusing to write {path!r} outside the output folder")
    return rel.as_posix()


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _same(dest: Path, data: bytes, digest: str, known: str | None) -> bool:
    """Say whether the published file already holds `data` (by digest, or by bytes if unknown)."""
    if known:
        return known == digest and dest.is_file()
    try:
        return dest.stat().st_size == len(data) and dest.read_bytes() == data
    except OSError:
        return False


def _read_manifest(out: Path) -> dict[str, str]:
    """Return {path: digest} of the files the last build published."""
    manifest = state_dir(out) / "manifest.json"
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if isinstance(data, list):  # written by 0.1.0 before digests: every file counts as changed
        return dict.fromkeys(data, "")
    return dict(data) if isinstance(data, dict) else {}


def _write_manifest(out: Path, files: dict[str, str]) -> None:
    manifest = state_dir(out) / "manifest.json"
    tmp = manifest.with_suffix(".tmp")
    tmp.write_text(json.dumps(files, sort_keys=True), encoding="utf-8")
    os.replace(tmp, manifest)


def finish_pending(out: Path) -> bool:
    """Complete a final step that an earlier build was cut off in; return True if one was."""
    state = state_dir(out)
    journal = state / "journal.json"
    if not journal.exists():
        shutil.rmtree(state / "staging", ignore_errors=True)
        return False
    plan = json.loads(journal.read_text(encoding="utf-8"))
    files = plan["files"] if isinstance(plan["files"], dict) else dict.fromkeys(plan["files"], "")
    _apply(out, state / "staging", plan["changed"], files)
    _write_manifest(out, files)
    journal.unlink()
    shutil.rmtree(state / "staging", ignore_errors=True)
    return True


def _apply(out: Path, staging: Path, changed: list[str], keep: dict[str, str]) -> int:
    """Delete what the new site lacks, then move staged files into place; return deletions."""
    deleted = 0
    for rel in _read_manifest(out):
        if rel not in keep and (out / rel).is_file():
            (out / rel).unlink()
            deleted += 1
            _prune(out, (out / rel).parent)
    for rel in changed:
        src = staging / rel
        if not src.exists():  # an earlier attempt already moved it
            continue
        dest = out / rel
        for parent in reversed(PurePosixPath(rel).parents[:-1]):  # a file where a folder goes
            if (out / parent).is_file():
                (out / parent).unlink()
        if dest.is_dir():  # a folder where a file goes: nothing in it belongs to the new site
            shutil.rmtree(dest)
        dest.parent.mkdir(parents=True, exist_ok=True)
        os.replace(src, dest)
    return deleted


def _prune(out: Path, folder: Path) -> None:
    """Remove folders left empty below the output root."""
    while folder != out and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def published(out: Path) -> Callable[[str, str], bool]:
    """Return a test of whether the output folder holds a file with a given digest (as the
    last build's manifest records it), so a build can keep it without making it again."""
    manifest = _read_manifest(out)
    root = os.path.join(os.fspath(out), "")

    def holds(rel: str, digest: str) -> bool:
        if not digest or manifest.get(rel) != digest:
            return False
        try:
            return stat.S_ISREG(os.stat(root + rel).st_mode)
        except (OSError, ValueError):
            return False
    return holds


class Stage:
    """One publish in progress: changed files go to the staging folder, then `commit` runs the
    final step. `put` is safe to call from forked worker processes (each file is its own)."""

    def __init__(self, out: Path) -> None:
        finish_pending(out)
        self.out = out
        self.state = state_dir(out)
        self.staging = self.state / "staging"
        shutil.rmtree(self.staging, ignore_errors=True)
        self.state.mkdir(parents=True, exist_ok=True)
        self.old = _read_manifest(out)
        self.fresh = not out.exists() or not any(out.iterdir())

    def put(self, path: str, data: bytes) -> tuple[str, str, bool]:
        """Stage one file unless the output already holds it; return (path, digest, changed)."""
        rel = _safe_relpath(path)
        digest = _digest(data)
        if not self.fresh and _same(self.out / rel, data, digest, self.old.get(rel)):
            return rel, digest, False
        tmp = self.staging / rel
        try:
            tmp.write_bytes(data)
        except FileNotFoundError:
            tmp.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
        return rel, digest, True

    def commit(self, digests: dict[str, str], changed: list[str]) -> WriteStats:
        """Make the output hold exactly the files in `digests`: the short final step."""
        out, staging = self.out, self.staging
        changed = sorted(changed)
        if self.fresh:  # nothing to preserve: the staged tree becomes the site in one rename
            staging.mkdir(parents=True, exist_ok=True)
            with _deferred_interrupt():
                if out.exists():
                    out.rmdir()
                os.replace(staging, out)
                _write_manifest(out, digests)
            return WriteStats(len(changed), 0, 0, digests)
        journal = self.state / "journal.json"
        pending = journal.with_suffix(".tmp")
        pending.write_text(json.dumps({"changed": changed, "files": digests}), encoding="utf-8")
        with _deferred_interrupt():
            os.replace(pending, journal)  # from here on the new site is committed
            deleted = _apply(out, staging, changed, digests)
            _write_manifest(out, digests)
            journal.unlink()
            shutil.rmtree(staging, ignore_errors=True)  # empty folders by now: quick
        return WriteStats(len(changed), len(digests) - len(changed), deleted, digests)


def publish(out: Path, files: dict[str, bytes], kept: dict[str, str] | None = None,
            stage: Stage | None = None,
            staged: Iterable[tuple[str, str, bool]] = ()) -> WriteStats:
    """Make the output folder hold exactly `files`, rewriting only what changed.

    `kept` lists files that stay as published ({path: digest}), checked by `published`;
    `staged` lists files already put (by `stage.put`, perhaps in other processes).
    """
    stage = stage or Stage(out)
    digests: dict[str, str] = {} if stage.fresh else {
        _safe_relpath(rel): digest for rel, digest in (kept or {}).items()}
    changed: list[str] = []
    for rel, digest, was_changed in [*staged, *(stage.put(p, files[p]) for p in sorted(files))]:
        digests[rel] = digest
        if was_changed:
            changed.append(rel)
    return stage.commit(digests, changed)


@contextmanager
def _deferred_interrupt() -> Iterator[None]:
    """Hold Ctrl-C during the final step: it is short, and stopping inside it leaves a mix."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        logging.getLogger("newsdigest").warning(
            "interrupted during the final step; it was finished, the new site is published")
