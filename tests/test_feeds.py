"""Feeds: valid RSS from feedgen, reproducible, escaped once, limited."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser

from generator.config import make_config
from generator.feeds import rss_feed
from generator.models import Article

PARIS = ZoneInfo("Europe/Paris")


def item(i: int, **kw) -> Article:
    base = dict(path=f"seeds/{i}.txt", title=f"Titre {i}", lang="fr",
                published=datetime(2024, 1, i, 9, 30, tzinfo=PARIS), author="Jean Dupont",
                source_url=None, lead=f"Chapeau {i}.", blocks=(), lines=(), slug=f"t{i}",
                guid=f"urn:x:{i}", tags=("Politique",))
    base.update(kw)
    return Article(**base)


def content(a: Article) -> str:
    return f"<p>{a.lead}</p>"


def test_feed_fields_and_limit():
    config = make_config({"feed_limit": 2, "url": "https://x.example/d/"})
    articles = [item(3), item(2), item(1)]
    feed = feedparser.parse(rss_feed(config, articles, content))
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Titre 3", "Titre 2"]
    first = feed.entries[0]
    assert first.link == "https://x.example/d/fr/t3/"
    assert first.id == "urn:x:3"
    assert first.published == "Wed, 03 Jan 2024 09:30:00 +0100"
    assert first.author == "Jean Dupont"
    assert [t.term for t in first.tags] == ["Politique"]
    assert first.content[0].value == "<p>Chapeau 3.</p>"
    assert feed.feed.updated == "Wed, 03 Jan 2024 09:30:00 +0100"


def test_empty_feed_is_reproducible():
    config = make_config({})
    first = rss_feed(config, [], content)
    assert first == rss_feed(config, [], content)
    assert b"<lastBuildDate>Thu, 01 Jan 1970 00:00:00 +0000</lastBuildDate>" in first


def test_text_is_escaped_exactly_once_and_cdata_is_safe():
    hostile = item(1, title="A < B & C", lead="x ]]> y")
    raw = rss_feed(make_config({}), [hostile], lambda a: "<p>A &lt; B ]]> end</p>")
    assert b"&amp;lt;" not in raw
    feed = feedparser.parse(raw)
    assert not feed.bozo
    assert feed.entries[0].title == "A < B & C"
    assert feed.entries[0].content[0].value == "<p>A &lt; B ]]&gt; end</p>"
