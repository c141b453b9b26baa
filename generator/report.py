"""Describe articles as JSON records: `clean --format json` and `build-report.json`."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.cache import read_state, write_state
from generator.models import Article, Problem


def article_record(article: Article, path: str | None = None) -> dict[str, Any]:
    """Return the JSON record of one article; every input line is listed with its rule."""
    return {
        "path": path if path is not None else article.path,
        "title": article.title,
        "lang": article.lang,
        "published": article.published.isoformat() if article.published else None,
        "author": article.author,
        "source_url": article.source_url,
        "lead": article.lead,
        "body": list(article.body),
        "figures": [
            {"image": f.image, "caption": f.caption, "credit": f.credit}
            for f in article.figures
        ],
        "url": article.url_path,
        "guid": article.guid,
        "title_derived": article.title_derived,
        "warnings": [str(p) for p in article.problems],
        "lines": [
            {"n": ln.n, "text": ln.text, "label": ln.label, "rule": ln.rule}
            for ln in article.lines
        ],
    }


def _list(items: Iterable[str]) -> Iterator[str]:
    """Yield a JSON list of JSON texts, one item a line."""
    first = True
    for item in items:
        yield ("[\n" if first else ",\n") + item
        first = False
    yield "[]" if first else "\n]"


def _dump(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def build_report(records: Iterable[str], rejected: list[Problem], problems: list[Problem],
                 learned: list[dict[str, object]] | None = None,
                 rejected_lines: dict[str, list[Any]] | None = None) -> Iterator[str]:
    """Yield the build report in pieces: every article's record (JSON text), rejected files,
    problems, and the boilerplate learned per outlet (with the files each line recurs in).

    Streamed: a report of 10,000 articles is over 100 MB and never held whole in memory.
    """
    # One record a line: readable, diffable, and written by json's fast C encoder.
    yield '{"articles": '
    yield from _list(records)
    yield from _report_tail(rejected, problems, learned, rejected_lines)


def _report_tail(rejected: list[Problem], problems: list[Problem],
                 learned: list[dict[str, object]] | None,
                 rejected_lines: dict[str, list[Any]] | None) -> Iterator[str]:
    """Yield the report after its article records."""
    yield ',\n"rejected": '
    yield from _list(_dump({"path": p.path, "line": p.line, "reason": str(p),
                            "lines": (rejected_lines or {}).get(p.path, [])}) for p in rejected)
    yield ',\n"problems": '
    yield from _list(_dump(str(p)) for p in problems)
    yield ',\n"learned": '
    yield from _list(_dump(item) for item in learned or [])
    yield "}\n"


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _copy(src: int, dst: int, offset: int, count: int) -> None:
    """Append `count` bytes of `src` from `offset` to `dst` (in the kernel when it can)."""
    while count > 0:
        try:
            done = os.copy_file_range(src, dst, count, offset)
        except (AttributeError, OSError):  # not Linux, or a file system that cannot
            done = 0
        if done <= 0:
            chunk = os.pread(src, min(count, 1 << 22), offset)
            if not chunk:
                raise OSError(f"the last report shrank while being copied, at byte {offset}")
            _write_all(dst, chunk)
            done = len(chunk)
        offset += done
        count -= done


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns)


def write_report(dest: Path, index: Path,
                 articles: Iterable[tuple[str, Callable[[], str]]],
                 rejected: list[Problem], problems: list[Problem],
                 learned: list[dict[str, object]] | None = None,
                 rejected_lines: dict[str, list[Any]] | None = None) -> Path:
    """Write the build report (`build_report`) to `dest` atomically, spliced from the last one.

    `articles` gives, in order, each record's name (what the record is a pure function of)
    and how to make it. A record whose name the last report holds is copied from that file,
    in the kernel and by runs, so a rebuild after one edit neither reads 10,000 records back
    from the cache nor encodes 100 MB again; an unchanged report is not written at all.
    `index` keeps where each record lies in `dest`, with the file's identity (size, mtime,
    inode, ctime): a report changed by anyone else since is not used.
    """
    items = list(articles)
    tail = "".join(_report_tail(rejected, problems, learned, rejected_lines))
    state = read_state(index)
    here = _identity(dest)
    ok = here is not None and isinstance(state, dict) and state.get("identity") == here
    old: dict[str, tuple[int, int]] = state["spans"] if ok else {}
    if ok and state.get("tail") == tail and list(old) == [name for name, _ in items]:
        return dest
    spans: dict[str, tuple[int, int]] = {}
    tmp = dest.with_name(dest.name + ".tmp")
    src = os.open(dest, os.O_RDONLY) if old else -1
    dst = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        pending = bytearray()  # new text not yet written
        run = [0, 0]  # old bytes not yet copied: offset, length
        pos = 0  # bytes in the new file so far

        def flush() -> None:
            _write_all(dst, bytes(pending))
            pending.clear()
            if run[1]:
                _copy(src, dst, run[0], run[1])
                run[0] = run[1] = 0

        def text(piece: str) -> None:
            nonlocal pos
            if run[1]:
                flush()
            data = piece.encode("utf-8")
            pending.extend(data)
            pos += len(data)
            if len(pending) > 1 << 20:
                flush()

        text('{"articles": ')
        for i, (name, make) in enumerate(items):
            span = old.get(name)
            if span is not None and i and run[1] and run[0] + run[1] + 2 == span[0]:
                run[1] += 2 + span[1]  # the old file has ",\n" between the two: copied too
                spans[name] = (pos + 2, span[1])
                pos += 2 + span[1]
                continue
            text(",\n" if i else "[\n")
            if span is None:
                start = pos
                text(make())
                spans[name] = (start, pos - start)
                continue
            flush()
            run[:] = span
            spans[name] = (pos, span[1])
            pos += span[1]
        text("\n]" if items else "[]")
        text(tail)
        flush()
    except BaseException:
        os.close(dst)
        tmp.unlink(missing_ok=True)
        raise
    finally:
        if src >= 0:
            os.close(src)
    os.close(dst)
    os.replace(tmp, dest)
    write_state(index, {"identity": _identity(dest), "spans": spans, "tail": tail})
    return dest
