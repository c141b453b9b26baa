"""Tests of generator.write: atomic publish of {path: bytes}, safety checks, crash recovery."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from generator.write import (
    CACHE_DIR,
    OutputError,
    WriteStats,
    check_output,
    finish_pending,
    publish,
    state_dir,
)

OLD_SITE = {
    "index.html": b"<h1>old</h1>",
    "feed.xml": b"<rss/>",
    "vi/hop-tac/index.html": "Hợp tác".encode(),
    "fr/deux-hauts/index.html": b"deux",
    "static/style.css": b"body{}",
}


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder as {posix path: bytes}."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def folders(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir())


def age(out: Path, seconds: int = 1000) -> dict[str, int]:
    """Move every file's mtime into the past; return the new mtimes in ns."""
    stamps = {}
    for p in out.rglob("*"):
        if p.is_file():
            st = p.stat()
            os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns - seconds * 10**9))
            stamps[p.relative_to(out).as_posix()] = p.stat().st_mtime_ns
    return stamps


def mtimes(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns
            for p in out.rglob("*") if p.is_file()}


# --- publish ----------------------------------------------------------------------------------


def test_publish_writes_exactly_the_files_given(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    stats = publish(out, OLD_SITE)
    assert stats == WriteStats(written=5, unchanged=0, deleted=0)
    assert tree(out) == OLD_SITE
    # Bookkeeping lives beside the output, never inside it.
    state = tmp_path / CACHE_DIR / "_site"
    assert state_dir(out) == state
    assert sorted(json.loads((state / "manifest.json").read_text(encoding="utf-8"))) == sorted(OLD_SITE)
    assert not (state / "journal.json").exists()
    assert not (state / "staging").exists()


def test_publish_creates_missing_parent_folders(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "er" / "_site"
    assert publish(out, {"a.txt": b"a"}) == WriteStats(1, 0, 0)
    assert tree(out) == {"a.txt": b"a"}


def test_second_publish_of_the_same_files_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    before = age(out)
    inodes = {p: (out / p).stat().st_ino for p in OLD_SITE}
    stats = publish(out, dict(OLD_SITE))
    assert stats == WriteStats(written=0, unchanged=5, deleted=0)
    assert tree(out) == OLD_SITE
    assert mtimes(out) == before
    assert {p: (out / p).stat().st_ino for p in OLD_SITE} == inodes


def test_changed_files_are_rewritten_and_only_they(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    before = age(out)
    new = dict(OLD_SITE)
    new["index.html"] = b"<h1>new</h1>"
    new["feed.xml"] = b"<rss>"  # same length as before, different bytes
    stats = publish(out, new)
    assert stats == WriteStats(written=2, unchanged=3, deleted=0)
    assert tree(out) == new
    after = mtimes(out)
    assert [p for p in sorted(after) if after[p] != before[p]] == ["feed.xml", "index.html"]


def test_dropped_files_are_deleted_and_empty_folders_pruned(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    site = dict(OLD_SITE)
    site["vi/a/b/c/deep.html"] = b"deep"
    site["vi/a/keep.html"] = b"keep"
    publish(out, site)
    new = {k: v for k, v in site.items()
           if k not in ("fr/deux-hauts/index.html", "vi/a/b/c/deep.html", "feed.xml")}
    stats = publish(out, new)
    assert stats == WriteStats(written=0, unchanged=4, deleted=3)
    assert tree(out) == new
    assert folders(out) == ["static", "vi", "vi/a", "vi/hop-tac"]
    assert out.is_dir()


def test_publishing_nothing_empties_the_site_but_keeps_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    assert publish(out, {}) == WriteStats(0, 0, 5)
    assert out.is_dir()
    assert list(out.iterdir()) == []


def test_files_the_build_did_not_write_are_never_deleted(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"index.html": b"i", "vi/x/index.html": b"x"})
    (out / "vi" / "x" / "notes.txt").write_bytes(b"mine")
    stats = publish(out, {"index.html": b"i"})
    assert stats == WriteStats(0, 1, 1)
    assert tree(out) == {"index.html": b"i", "vi/x/notes.txt": b"mine"}


@pytest.mark.parametrize(
    "path", ["../evil.html", "/etc/evil.html", "a/../../evil.html", "vi/../../evil", ""]
)
def test_paths_outside_the_output_are_refused(tmp_path: Path, path: str) -> None:
    out = tmp_path / "site" / "_site"
    with pytest.raises(OutputError) as info:
        publish(out, {path: b"x", "index.html": b"i"})
    assert str(info.value) == f"refusing to write {path!r} outside the output folder"
    assert not (tmp_path / "site" / "evil.html").exists()
    assert not (tmp_path / "evil.html").exists()
    assert tree(out) == {}


def test_equivalent_spellings_of_a_path_are_the_same_file(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"./x.html": b"x"})
    assert publish(out, {"x.html": b"x"}) == WriteStats(0, 1, 0)
    assert tree(out) == {"x.html": b"x"}


def test_a_file_can_become_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"feed": b"old"})
    assert publish(out, {"feed/index.html": b"new"}) == WriteStats(1, 0, 1)
    assert tree(out) == {"feed/index.html": b"new"}


def test_a_folder_can_become_a_file(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"feed/index.html": b"old"})
    assert publish(out, {"feed": b"new"}) == WriteStats(1, 0, 1)
    assert tree(out) == {"feed": b"new"}


# --- check_output -----------------------------------------------------------------------------


def test_check_output_accepts_a_new_an_empty_and_a_built_folder(tmp_path: Path) -> None:
    source = tmp_path / "seeds"
    source.mkdir()
    out = tmp_path / "_site"
    check_output(out, [source, tmp_path / "templates"])  # does not exist yet
    out.mkdir()
    check_output(out, [source])  # empty
    publish(out, {"index.html": b"i"})
    check_output(out, [source])  # built by newsdigest
    check_output(Path(os.path.relpath(out)), [source])


def test_check_output_refuses_the_source_folder(tmp_path: Path) -> None:
    source = tmp_path / "seeds"
    source.mkdir()
    with pytest.raises(OutputError) as info:
        check_output(source, [source])
    assert str(info.value) == (
        f"{source}: the output folder would contain {source.resolve()}, which the build "
        "reads; choose another --out such as _site"
    )


def test_check_output_refuses_the_source_folder_spelled_differently(tmp_path: Path) -> None:
    source = tmp_path / "seeds"
    source.mkdir()
    with pytest.raises(OutputError, match="would contain"):
        check_output(tmp_path / "x" / ".." / "seeds", [source])


def test_check_output_refuses_a_folder_that_contains_the_source(tmp_path: Path) -> None:
    source = tmp_path / "project" / "seeds"
    source.mkdir(parents=True)
    with pytest.raises(OutputError) as info:
        check_output(tmp_path / "project", [source])
    assert str(info.value) == (
        f"{tmp_path / 'project'}: the output folder would contain {source.resolve()}, which "
        "the build reads; choose another --out such as _site"
    )


def test_check_output_allows_a_sibling_with_a_common_prefix(tmp_path: Path) -> None:
    source = tmp_path / "site-src"
    source.mkdir()
    check_output(tmp_path / "site", [source])


def test_check_output_refuses_a_foreign_non_empty_folder(tmp_path: Path) -> None:
    out = tmp_path / "docs"
    out.mkdir()
    (out / "README.md").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        check_output(out, [])
    assert str(info.value) == (
        f"{out}: folder is not empty and was not built by newsdigest; empty it or choose "
        "another --out (the build never deletes files it did not write)"
    )


def test_check_output_refuses_a_file(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    out.write_bytes(b"not a folder")
    with pytest.raises(OutputError) as info:
        check_output(out, [tmp_path / "seeds"])
    assert str(info.value) == (
        f"{out}: exists and is not a folder; remove it or choose another --out"
    )


def test_check_output_refuses_the_filesystem_root_and_home() -> None:
    with pytest.raises(OutputError, match="refusing to write a site into /"):
        check_output(Path("/"), [])
    with pytest.raises(OutputError, match="refusing to write a site into"):
        check_output(Path.home(), [])


# --- crash recovery ---------------------------------------------------------------------------


NEW_SITE = {
    "index.html": b"<h1>new</h1>",
    "feed.xml": b"<rss/>",
    "vi/hop-tac/index.html": "Hợp tác".encode(),
    "vi/moi/index.html": b"new article",
    "static/style.css": b"body{}",
}
CHANGED = ["index.html", "vi/moi/index.html"]  # fr/deux-hauts/index.html is dropped


def crash_after_commit(out: Path, moved: tuple[str, ...] = ()) -> Path:
    """Leave the state publish(out, NEW_SITE) has after the journal is written.

    `moved` are changed files the final step had already renamed into place.
    """
    state = state_dir(out)
    for rel in CHANGED:
        target = (out if rel in moved else state / "staging") / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(NEW_SITE[rel])
    journal = state / "journal.json"
    journal.write_text(json.dumps({"changed": CHANGED, "files": sorted(NEW_SITE)}),
                       encoding="utf-8")
    return journal


@pytest.mark.parametrize("moved", [(), ("index.html",)], ids=["none-moved", "one-moved"])
def test_finish_pending_completes_a_committed_journal(tmp_path: Path, moved: tuple[str]) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    journal = crash_after_commit(out, moved)
    assert tree(out) != NEW_SITE
    assert finish_pending(out) is True
    assert tree(out) == NEW_SITE
    assert "fr" not in folders(out)
    state = state_dir(out)
    assert not journal.exists()
    assert not (state / "staging").exists()
    assert sorted(json.loads((state / "manifest.json").read_text(encoding="utf-8"))) == sorted(NEW_SITE)
    assert finish_pending(out) is False  # nothing left to do
    assert tree(out) == NEW_SITE


def test_publish_finishes_a_pending_journal_first(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    crash_after_commit(out)
    stats = publish(out, NEW_SITE)
    assert stats == WriteStats(written=0, unchanged=5, deleted=0)
    assert tree(out) == NEW_SITE
    assert not (state_dir(out) / "journal.json").exists()


def test_publish_of_another_site_after_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    crash_after_commit(out)
    stats = publish(out, {"index.html": b"third"})
    assert stats == WriteStats(written=1, unchanged=0, deleted=4)
    assert tree(out) == {"index.html": b"third"}
    assert folders(out) == []


def test_crash_before_commit_leaves_the_old_site(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, OLD_SITE)
    state = state_dir(out)
    staged = state / "staging" / "index.html"
    staged.parent.mkdir(parents=True)
    staged.write_bytes(b"half-built")
    (state / "journal.tmp").write_text('{"changed": ["index.h', encoding="utf-8")
    assert finish_pending(out) is False
    assert tree(out) == OLD_SITE
    assert not (state / "staging").exists()
    assert publish(out, OLD_SITE) == WriteStats(0, 5, 0)


def test_finish_pending_on_a_folder_never_built(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    assert finish_pending(out) is False
    assert not out.exists()


