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


def test_atom_feed_is_valid_reproducible_and_keeps_the_guid():
    from generator.feeds import atom_feed

    config = make_config({"url": "https://x.example/d/"})
    articles = [item(2), item(1, published=None)]
    raw = atom_feed(config, articles, content)
    assert raw == atom_feed(config, articles, content)
    feed = feedparser.parse(raw)
    assert not feed.bozo and feed.version == "atom10"
    assert feed.feed.updated == "2024-01-02T09:30:00+01:00"  # newest item, not the clock
    assert any(ln.rel == "self" and ln.href == "https://x.example/d/atom.xml"
               for ln in feed.feed.links)
    first, undated = feed.entries
    assert first.id == "urn:x:2" and first.link == "https://x.example/d/fr/t2/"
    assert first.published == "2024-01-02T09:30:00+01:00"
    assert first.content[0].type == "text/html" and first.content[0].value == "<p>Chapeau 2.</p>"
    assert first.author == "Jean Dupont" and [t.term for t in first.tags] == ["Politique"]
    assert undated.updated == "1970-01-01T00:00:00+00:00" and "published" not in undated


def test_json_feed_1_1():
    import json

    from generator.feeds import json_feed

    config = make_config({"url": "https://x.example/d/", "author": "Rédaction"})
    raw = json_feed(config, [item(2, source_url="https://src.example/a")], content)
    feed = json.loads(raw)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "https://x.example/d/feed.json"
    assert feed["authors"] == [{"name": "Rédaction"}]
    assert feed["items"] == [{
        "id": "urn:x:2", "url": "https://x.example/d/fr/t2/", "title": "Titre 2",
        "content_html": "<p>Chapeau 2.</p>", "language": "fr",
        "external_url": "https://src.example/a", "date_published": "2024-01-02T09:30:00+01:00",
        "authors": [{"name": "Jean Dupont"}], "tags": ["Politique"]}]


def test_control_characters_are_removed_from_every_feed():
    from generator.feeds import atom_feed, json_feed

    dirty = item(1, title="Ti\x00tre\x1b\x7f\x85", lead="Cha\x0bpeau", author="J\x01D")
    for write in (rss_feed, atom_feed):
        feed = feedparser.parse(write(make_config({}), [dirty], lambda a: "<p>x\x08y</p>"))
        assert not feed.bozo
        assert feed.entries[0].title == "Titre" and feed.entries[0].author == "JD"
        assert feed.entries[0].content[0].value == "<p>xy</p>"
    assert b"\\u0000" not in json_feed(make_config({}), [dirty], content)


def test_lead_is_html_escaped_once_in_the_description():
    raw = rss_feed(make_config({}), [item(1, lead='Voir <img src=x onerror=alert(1)> & co')],
                   content)
    assert b"<![CDATA[Voir &lt;img src=x onerror=alert(1)&gt; &amp; co]]>" in raw
    assert b"&amp;lt;" not in raw
    summary = feedparser.parse(raw).entries[0].summary
    assert "<img" not in summary and "&lt;img src=x" in summary


def test_tag_slugs_are_ascii_shared_by_spellings_and_never_empty():
    from generator.feeds import tag_slug

    assert tag_slug("Việt Nam") == "viet-nam"
    assert tag_slug("Chine") == tag_slug("chine") == tag_slug("CHINE") == "chine"
    assert tag_slug("Élections 2024") == "elections-2024"
    assert tag_slug("中国") == "zhong-guo"
    odd = tag_slug("!!!")
    assert odd.startswith("tag-") and len(odd) == 12 and odd == tag_slug("!!!")
    assert tag_slug("?") != odd
