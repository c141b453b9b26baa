"""Write feeds: RSS 2.0 and Atom with feedgen, JSON Feed 1.1 with json. Writes nothing.

Every feed carries the full cleaned article (`content`, whose URLs the caller made absolute), the
permanent GUID of each article (from its input file's name, never its URL) and only dates with
their zone; no date comes from the clock, so the same articles give the same bytes.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from slugify import slugify

from generator import __version__
from generator.config import Config
from generator.models import Article

if TYPE_CHECKING:
    from feedgen.feed import FeedGenerator

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # date of an empty feed or an undated Atom entry
GENERATOR_URI = "https://pypi.org/project/newsdigest/"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"

# Characters XML 1.0 forbids (C0 controls but tab/newline/return, surrogates, U+FFFE/U+FFFF),
# plus C1 controls and DEL, which are legal but make readers show garbage.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")

RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"
JSON_FEED_TYPE = "application/feed+json"

Content = Callable[[Article], str]  # article -> full HTML with absolute URLs
Categories = Callable[[Article], list[str]]  # article -> category terms


def clean_text(text: str) -> str:
    """Remove the characters that make a feed invalid XML or unreadable."""
    return CONTROL_CHARS.sub("", text)


@cache
def tag_slug(tag: str) -> str:
    """Return the URL segment of a tag: ASCII, lower case, e.g. "Việt Nam" -> "viet-nam".

    Tags that differ only in case or accents share a slug (and a feed). A tag with no letters or
    digits in any script gets a stable hash instead of an empty segment.
    """
    return slugify(tag, max_length=60, word_boundary=True) or (
        "tag-" + hashlib.sha1(tag.encode("utf-8")).hexdigest()[:8])


def _cdata(text: str) -> Any:
    """Wrap text for feedgen to write as a CDATA section."""
    from lxml.etree import CDATA  # type: ignore[import-untyped]  # lxml comes with feedgen

    return CDATA(text)


def _cdata_safe(html: str) -> str:
    """Keep "]]>" in article text from closing the CDATA section early."""
    return html.replace("]]>", "]]&gt;")


def _newest(items: Sequence[Article]) -> datetime:
    return max((a.published for a in items if a.published), default=EPOCH)


def _terms(article: Article, category_of: Categories | None) -> list[str]:
    terms = category_of(article) if category_of else list(article.tags)
    return [clean_text(t) for t in terms if clean_text(t).strip()]


def _generator(config: Config, feed_path: str, title: str | None, language: str | None,
               mime: str) -> FeedGenerator:
    from feedgen.feed import FeedGenerator  # with lxml, 35 ms to import: only when a feed is made

    fg = FeedGenerator()
    fg.title(clean_text(title or config.title))
    fg.id(config.url + feed_path)
    # feedgen takes the RSS <link> from the last link set: self first, then the site.
    fg.link(href=config.url + feed_path, rel="self", type=mime)
    fg.link(href=config.url, rel="alternate", type="text/html")
    fg.language(language or config.language)
    fg.generator("newsdigest", __version__, GENERATOR_URI)
    return fg


def rss_feed(
    config: Config,
    articles: Sequence[Article],
    content: Content,
    feed_path: str = "feed.xml",
    title: str | None = None,
    language: str | None = None,
    category_of: Categories | None = None,
) -> bytes:
    """Build an RSS 2.0 feed of the newest articles (already sorted newest first)."""
    items = list(articles)[: config.feed_limit]
    fg = _generator(config, feed_path, title, language, RSS_TYPE)
    fg.load_extension("dc")
    fg.description(clean_text(config.description or config.title))
    if config.author:
        fg.dc.dc_creator(clean_text(config.author))
    newest = _newest(items)
    fg.lastBuildDate(newest)
    fg.pubDate(newest)
    for article in items:
        entry = fg.add_entry(order="append")
        entry.title(clean_text(article.title))
        entry.link(href=config.url + article.url_path)
        entry.guid(article.guid, permalink=False)
        if article.published:
            entry.pubDate(article.published)
        # Readers take <description> as HTML: the lead is escaped once as HTML, in CDATA so the
        # XML carries it as is (no "&amp;lt;"), and "<img src=x>" in a lead stays text.
        entry.description(_cdata(_cdata_safe(html.escape(clean_text(article.lead or article.title),
                                                        quote=False))))
        entry.content(_cdata_safe(clean_text(content(article))), type="CDATA")
        if article.author:
            entry.dc.dc_creator(clean_text(article.author))
        for term in _terms(article, category_of):
            entry.category(term=term)
    return bytes(fg.rss_str(pretty=True))


def atom_feed(
    config: Config,
    articles: Sequence[Article],
    content: Content,
    feed_path: str = "atom.xml",
    title: str | None = None,
    language: str | None = None,
    category_of: Categories | None = None,
) -> bytes:
    """Build an Atom 1.0 feed; an undated article is dated 1970-01-01 (Atom requires a date)."""
    items = list(articles)[: config.feed_limit]
    fg = _generator(config, feed_path, title, language, ATOM_TYPE)
    fg.subtitle(clean_text(config.description or config.title))
    # Atom wants an author for the feed unless every entry has one: the site stands in.
    fg.author({"name": clean_text(config.author or config.title)})
    fg.updated(_newest(items))
    for article in items:
        entry = fg.add_entry(order="append")
        entry.id(article.guid)
        entry.title(clean_text(article.title))
        entry.link(href=config.url + article.url_path, rel="alternate", type="text/html")
        entry.updated(article.published or EPOCH)
        if article.published:
            entry.published(article.published)
        entry.summary(clean_text(article.lead or article.title))
        # HTML in CDATA, as in the RSS feed: escaped once, and "]]>" kept from closing it.
        entry.content(_cdata(_cdata_safe(clean_text(content(article)))), type="html")
        if article.author:
            entry.author({"name": clean_text(article.author)})
        for term in _terms(article, category_of):
            entry.category(term=term)
    return bytes(fg.atom_str(pretty=True))


def json_feed(
    config: Config,
    articles: Sequence[Article],
    content: Content,
    feed_path: str = "feed.json",
    title: str | None = None,
    language: str | None = None,
    category_of: Categories | None = None,
) -> bytes:
    """Build a JSON Feed 1.1 (https://jsonfeed.org/version/1.1).

    Items carry no plain-text `summary`: `content_html` starts with the lead, and a reader that
    showed a summary as HTML would run markup quoted in a lead.
    """
    items: list[dict[str, Any]] = []
    for article in list(articles)[: config.feed_limit]:
        item: dict[str, Any] = {
            "id": article.guid,
            "url": config.url + article.url_path,
            "title": clean_text(article.title),
            "content_html": clean_text(content(article)),
            "language": article.lang,
        }
        if article.source_url:
            item["external_url"] = article.source_url
        if article.published:
            item["date_published"] = article.published.isoformat()
        if article.author:
            item["authors"] = [{"name": clean_text(article.author)}]
        terms = _terms(article, category_of)
        if terms:
            item["tags"] = terms
        items.append(item)
    feed: dict[str, Any] = {
        "version": JSON_FEED_VERSION,
        "title": clean_text(title or config.title),
        "home_page_url": config.url,
        "feed_url": config.url + feed_path,
        "description": clean_text(config.description or config.title),
        "language": language or config.language,
    }
    if config.author:
        feed["authors"] = [{"name": clean_text(config.author)}]
    feed["items"] = items
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
