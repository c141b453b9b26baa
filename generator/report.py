"""Describe articles as JSON records: `clean --format json` and `build-report.json`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

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


def build_report(records: Iterable[str], rejected: list[Problem], problems: list[Problem],
                 learned: list[dict[str, object]] | None = None,
                 rejected_lines: dict[str, list[Any]] | None = None) -> Iterator[str]:
    """Yield the build report in pieces: every article's record (JSON text), rejected files,
    problems, and the boilerplate learned per outlet (with the files each line recurs in).

    Streamed: a report of 10,000 articles is over 100 MB and never held whole in memory.
    """

    def lines_of(items: Iterable[str]) -> Iterator[str]:
        first = True
        for item in items:
            yield ("[\n" if first else ",\n") + item
            first = False
        yield "[]" if first else "\n]"

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    # One record a line: readable, diffable, and written by json's fast C encoder.
    yield '{"articles": '
    yield from lines_of(records)
    yield ',\n"rejected": '
    yield from lines_of(dump({"path": p.path, "line": p.line, "reason": str(p),
                              "lines": (rejected_lines or {}).get(p.path, [])}) for p in rejected)
    yield ',\n"problems": '
    yield from lines_of(dump(str(p)) for p in problems)
    yield ',\n"learned": '
    yield from lines_of(dump(item) for item in learned or [])
    yield "}\n"
