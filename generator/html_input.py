"""Saved HTML pages -> RawDoc: main text and metadata by trafilatura, then cleaned as a dump.

trafilatura (a well-kept extractor of the field) finds the article's text blocks and its metadata
in the page: title, publication date, author, canonical URL and language. The text becomes the
dump's lines (headline first) and the metadata becomes front-matter-like `meta`, so a saved page
goes through the same cleaning, extraction and report as a text dump.
"""

from __future__ import annotations

import logging
import re
import warnings
from typing import Any

import trafilatura  # type: ignore[import-untyped,unused-ignore]

from generator.models import Problem, RawDoc

log = logging.getLogger(__name__)

_HTML_LANG = re.compile(rb"<html\b[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_PUBLISHED = re.compile(  # the full publication time, when the page states it in a meta tag
    rb"<meta\b[^>]*(?:property|name|itemprop)\s*=\s*[\"'](?:article:published_time|datePublished|"
    rb"pubdate|publishdate|og:published_time)[\"'][^>]*content\s*=\s*[\"']([^\"']{10,40})",
    re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": True, "original_date": True,
                "outputformat": "%Y-%m-%dT%H:%M:%S%z"}


def _page_language(data: bytes) -> str | None:
    """Return the language the page declares in <html lang>, e.g. "fr"."""
    m = _HTML_LANG.search(data[:4096])
    return m[1].decode("ascii").lower()[:2] if m else None


def _iso_date(value: str | None) -> str | None:
    """Return trafilatura's date as ISO 8601 ("+0100" becomes "+01:00"); date only at midnight."""
    if not value:
        return None
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value.strip())
    return value.removesuffix("T00:00:00")


def _extract(data: bytes) -> dict[str, Any]:
    """Run trafilatura on the page; return its fields as a dict (empty when nothing was found)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True,
            favor_recall=True, date_extraction_params=_DATE_PARAMS)
    if doc is None:
        return {}
    fields: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return fields


def html_to_rawdoc(data: bytes, shown: str) -> RawDoc:
    """Turn a saved HTML page into a RawDoc: text lines (headline first) and metadata in meta."""
    fields = _extract(data)
    text = str(fields.get("text") or "")
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    title = str(fields.get("title") or "").strip()
    if title and not any(ln == title for ln in lines[:3]):
        lines.insert(0, title)
    meta: dict[str, Any] = {}
    if title:
        meta["title"] = title
    if date := _iso_date(fields.get("date")):
        stated = _PUBLISHED.search(data)
        full = stated[1].decode("ascii", "replace").strip() if stated else ""
        meta["date"] = full if full.startswith(date) and len(full) > len(date) else date
    if author := str(fields.get("author") or "").strip():
        meta["author"] = author
    url = str(fields.get("url") or "").strip()
    if url.startswith(("http://", "https://")):
        meta["source"] = url
    lang = _page_language(data) or (str(fields.get("language") or "")[:2] or None)
    if lang:
        meta["lang"] = lang
    problems: tuple[Problem, ...] = ()
    if not lines:
        log.warning("%s: no article text found in the HTML page", shown)
        problems = (Problem(shown, 0, "no article text found in the HTML page",
                            "check that the file is a saved article page, or save it as text"),)
    return RawDoc(path=shown, kind="text", lines=tuple(lines), first_line=1,
                  meta=tuple(sorted(meta.items())), problems=problems)
