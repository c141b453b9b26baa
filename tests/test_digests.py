"""Input digests are kept by file identity, as git's index keeps them, and never trusted when racy."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator.cache import Digests


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def saved_long_ago(table: Path, file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Record file's digest in a table written a minute after the file's mtime."""
    known = Digests(table)
    assert known.of(file) == sha(file.read_bytes())
    later = max(os.stat(file).st_mtime_ns, os.stat(file).st_ctime_ns) + 60 * 10**9
    monkeypatch.setattr(cache_module.time, "time_ns", lambda: later)
    known.save()
    monkeypatch.undo()


def test_an_unchanged_file_is_not_read_again(tmp_path, monkeypatch):
    file, table = tmp_path / "a.txt", tmp_path / "inputs.pickle"
    file.write_bytes(b"one")
    saved_long_ago(table, file, monkeypatch)

    def no_reading(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    assert Digests(table).of(file) == sha(b"one")


def test_a_changed_file_is_hashed_again(tmp_path, monkeypatch):
    file, table = tmp_path / "a.txt", tmp_path / "inputs.pickle"
    file.write_bytes(b"one")
    saved_long_ago(table, file, monkeypatch)
    file.write_bytes(b"two!")
    assert Digests(table).of(file) == sha(b"two!")


def test_a_racy_entry_is_hashed_again(tmp_path, monkeypatch):
    # Written right after the file changed: its unchanged stamp could hide a later change in
    # the same clock tick, so the file is read again although nothing about it moved.
    file, table = tmp_path / "a.txt", tmp_path / "inputs.pickle"
    file.write_bytes(b"one")
    known = Digests(table)
    known.of(file)
    known.save()
    reads: list[Path] = []
    real = Path.read_bytes

    def counted(self: Path) -> bytes:
        reads.append(self)
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counted)
    assert Digests(table).of(file) == sha(b"one")
    assert reads == [file]


def test_an_unreadable_input_gets_the_digest_of_its_error(tmp_path):
    assert Digests(None).of(tmp_path / "gone.txt") == sha(b"unreadable: 2")  # ENOENT
