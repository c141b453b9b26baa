"""Describe articles as JSON records: `clean --format json` and `build-report.json`."""

from __future__ import annotations

import json
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


def build_report(records: list[str], rejected: list[Problem], problems: list[Problem],
                 learned: list[dict[str, object]] | None = None,
                 rejected_lines: dict[str, list[Any]] | None = None) -> bytes:
    """Return the build report: every article's record (JSON text), rejected files, problems,
    and the boilerplate learned per outlet (with the files each line recurs in)."""

    def lines_of(items: list[str]) -> str:
        return "[\n" + ",\n".join(items) + "\n]" if items else "[]"

    def dump(value: object) -> str:
        return json.dumps(value, ensure_ascii=False)

    # One record a line: readable, diffable, and written by json's fast C encoder.
    rejected_items = [dump({"path": p.path, "line": p.line, "reason": str(p),
                            "lines": (rejected_lines or {}).get(p.path, [])}) for p in rejected]
    text = (f'{{"articles": {lines_of(records)},\n"rejected": {lines_of(rejected_items)},\n'
            f'"problems": {lines_of([dump(str(p)) for p in problems])},\n'
            f'"learned": {lines_of([dump(item) for item in learned or []])}}}\n')
    return text.encode("utf-8")
