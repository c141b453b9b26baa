"""Write feeds with feedgen: RSS 2.0 with full content. Returns bytes, writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator

from generator import __version__
from generator.config import Config
from generator.models import Article

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # lastBuildDate of an empty feed, never the clock


def _cdata_safe(html: str) -> str:
    """Keep "]]>" in article text from closing the CDATA section early."""
    return html.replace("]]>", "]]&gt;")


def rss_feed(
    config: Config,
    articles: Sequence[Article],
    content: Callable[[Article], str],
    feed_path: str = "feed.xml",
    title: str | None = None,
    language: str | None = None,
    category_of: Callable[[Article], list[str]] | None = None,
) -> bytes:
    """Build an RSS 2.0 feed of the newest articles (already sorted newest first)."""
    items = list(articles)[: config.feed_limit]
    fg = FeedGenerator()
    fg.load_extension("dc")
    fg.title(title or config.title)
    # feedgen takes the RSS <link> from the last link set: self first, then the site.
    fg.link(href=config.url + feed_path, rel="self", type="application/rss+xml")
    fg.link(href=config.url, rel="alternate")
    fg.description(config.description or config.title)
    fg.language(language or config.language)
    fg.generator("newsdigest", __version__, "https://pypi.org/project/newsdigest/")
    if config.author:
        fg.dc.dc_creator(config.author)
    newest = max((a.published for a in items if a.published), default=EPOCH)
    fg.lastBuildDate(newest)
    fg.pubDate(newest)
    for article in items:
        entry = fg.add_entry(order="append")
        entry.title(article.title)
        entry.link(href=config.url + article.url_path)
        entry.guid(article.guid, permalink=False)
        if article.published:
            entry.pubDate(article.published)
        entry.description(article.lead or article.title)
        entry.content(_cdata_safe(content(article)), type="CDATA")
        if article.author:
            entry.dc.dc_creator(article.author)
        for term in category_of(article) if category_of else list(article.tags):
            entry.category(term=term)
    return bytes(fg.rss_str(pretty=True))
