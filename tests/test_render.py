"""Rendering: pages with escaped text, relative links and localized dates."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

from generator.config import make_config
from generator.models import Article, Block, Figure
from generator.render import Page, date_label, make_env, newest_first, render_site
from tests.conftest import ROOT

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def article(**kw) -> Article:
    base = dict(path="seeds/a.txt", title="Titre", lang="fr",
                published=datetime(2024, 11, 12, 16, 49, tzinfo=HANOI), author=None,
                source_url=None, lead="Chapeau.", blocks=(Block("p", "Texte."),), lines=(),
                slug="titre", guid="urn:x:1")
    base.update(kw)
    return Article(**base)


def test_page_root_and_url():
    assert Page("index.html").root == "" and Page("index.html").url == ""
    assert Page("vi/slug/index.html").root == "../../"
    assert Page("vi/slug/index.html").url == "vi/slug/"
    assert Page("page/2/index.html").root == "../../"


def test_date_label_is_localized_with_zone():
    when = datetime(2023, 9, 20, 14, 40, tzinfo=HANOI)
    assert date_label(when, "vi") == "Thứ Tư, 20 tháng 9, 2023 14:40 (GMT+07:00)"
    assert date_label(when, "fr") == "mercredi 20 septembre 2023 14:40 (GMT+07:00)"
    assert date_label(when, "xx") == "Wednesday, September 20, 2023 2:40\u202fPM (GMT+07:00)"
    assert date_label(None, "fr") == ""


def test_article_text_is_escaped():
    hostile = article(title="<script>alert(1)</script> {{ 7*7 }}",
                      lead='"><img src=x onerror=alert(1)>',
                      blocks=(Block("p", "{% raw %}<b>x</b>"),
                              Block("figure", figure=Figure("a.jpg", "<i>c</i>", "<u>d</u>"))),
                      author="<em>A</em>")
    pages = render_site(make_env(ROOT), make_config({}), [hostile])
    page = pages["fr/titre/index.html"]
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "{% raw %}&lt;b&gt;x&lt;/b&gt;" in page
    assert "&lt;i&gt;c&lt;/i&gt;" in page and "&lt;u&gt;d&lt;/u&gt;" in page
    assert "a.jpg" not in page  # an image not found in the sources is never named
    assert "&lt;em&gt;A&lt;/em&gt;" in page


def test_index_paginates_newest_first():
    articles = [article(path=f"seeds/{i:03d}.txt", slug=f"a{i}", guid=f"urn:x:{i}",
                        published=datetime(2024, 1, 1 + i % 28, tzinfo=HANOI))
                for i in range(120)]
    pages = render_site(make_env(ROOT), make_config({}), articles)
    assert {"index.html", "page/2/index.html", "page/3/index.html"} <= set(pages)
    assert "page/4/index.html" not in pages
    second = pages["page/2/index.html"]
    assert 'rel="prev" href="../../"' in second and 'rel="next" href="../../page/3/"' in second
    assert 'href="../../static/style.css"' in second
    order = newest_first(articles)
    assert all(a.published >= b.published for a, b in pairwise(order))


def test_undated_articles_come_last():
    dated = article(path="seeds/b.txt")
    undated = article(path="seeds/a.txt", published=None)
    assert newest_first([undated, dated]) == [dated, undated]


def test_markdown_html_urls_are_rebased_on_pages_and_made_absolute_in_feeds():
    from generator.render import article_content, rebase

    fragment = ('<p><a href="fr/autre/" rel="noopener nofollow">a</a> <a href="/">home</a> '
                '<img src="media/x.jpg" alt="x"> <a href="#note">n</a> '
                '<a href="https://ex.example/?a=1&amp;b=2">e</a> <a href="mailto:a@b.c">m</a> '
                '<img src="//cdn.example/i.png" alt=""></p>')
    on_page = rebase(fragment, "../../")
    assert 'href="../../fr/autre/"' in on_page and 'href="../../"' in on_page
    assert 'src="../../media/x.jpg"' in on_page and 'href="#note"' in on_page
    assert 'href="https://ex.example/?a=1&amp;b=2"' in on_page
    assert 'href="mailto:a@b.c"' in on_page and 'src="//cdn.example/i.png"' in on_page
    base = "https://u.github.io/repo/"
    in_feed = rebase(fragment, base, base + "fr/note/")
    assert f'href="{base}fr/autre/"' in in_feed and f'href="{base}"' in in_feed
    assert f'src="{base}media/x.jpg"' in in_feed and f'href="{base}fr/note/#note"' in in_feed
    assert 'src="https://cdn.example/i.png"' in in_feed
    assert 'href="https://ex.example/?a=1&amp;b=2"' in in_feed
    item = article(blocks=(Block("html", fragment),))
    config = make_config({}, base_url=base)
    assert f'src="{base}media/x.jpg"' in article_content(make_env(ROOT), config, item)
    page = render_site(make_env(ROOT), config, [item])["fr/titre/index.html"]
    assert 'src="../../media/x.jpg"' in page


def test_head_announces_the_feeds_of_the_page():
    from generator.render import FeedLink

    feeds = [FeedLink("feed.xml", "T", "application/rss+xml", label="RSS"),
             FeedLink("fr/feed.xml", "T (français)", "application/rss+xml", lang="fr",
                      label="français"),
             FeedLink("vi/feed.xml", "T (Tiếng Việt)", "application/rss+xml", lang="vi",
                      label="Tiếng Việt"),
             FeedLink("tags/chine/feed.xml", "T: Chine", "application/rss+xml", tag="chine",
                      label="Chine"),
             FeedLink("tags/nga/feed.xml", "T: Nga", "application/rss+xml", tag="nga",
                      label="Nga")]
    pages = render_site(make_env(ROOT), make_config({}), [article(tags=("CHINE",))], feeds)
    page = pages["fr/titre/index.html"]
    head = page[:page.index("</head>")]
    assert 'href="../../feed.xml"' in head and 'href="../../fr/feed.xml" hreflang="fr"' in head
    assert 'href="../../tags/chine/feed.xml"' in head
    assert "vi/feed.xml" not in page and "tags/nga" not in page
    index = pages["index.html"]
    assert all(f'href="{f.href}"' in index for f in feeds)
    assert '>#Chine</a>' in page and "#Nga" not in index  # tag feeds in an article's footer only
