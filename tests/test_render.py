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
