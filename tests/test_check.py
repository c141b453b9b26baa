"""The feed check (at build time and in `newsdigest check`) and the site crawl."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build
from generator.check import FeedError, check_site, feed_problems
from generator.config import make_config
from tests.conftest import ROOT, SEEDS
from tests.test_publish import BASE, build_site

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>T</title><link>https://x.example/</link><description>D</description>
{self}<lastBuildDate>Wed, 20 Sep 2023 14:40:00 +0700</lastBuildDate>
<item><title>Hợp tác</title><link>{link}</link><guid isPermaLink="false">urn:x:1</guid>
<pubDate>{date}</pubDate><description><![CDATA[Chapeau]]></description>
<content:encoded><![CDATA[{content}]]></content:encoded></item>
</channel></rss>"""
SELF = '<atom:link href="https://x.example/feed.xml" rel="self" type="application/rss+xml"/>'
GOOD = dict(self=SELF, link="https://x.example/vi/a/", date="Wed, 20 Sep 2023 14:40:00 +0700",
            content='<p>Texte <a href="https://x.example/b/">b</a></p>'
                    '<img src="https://x.example/media/a.jpg" alt="">')


def rss(**changes: str) -> bytes:
    return RSS.format(**{**GOOD, **changes}).encode("utf-8")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><id>https://x.example/atom.xml</id><title>T</title>
<updated>{updated}</updated>{self}
<entry><id>urn:x:1</id><title>A</title><updated>{updated}</updated>
<link href="https://x.example/a/" rel="alternate"/>
<content type="html">{content}</content></entry></feed>"""


def atom(**changes: str) -> bytes:
    good = dict(updated="2023-09-20T14:40:00+07:00", content="&lt;p&gt;ok&lt;/p&gt;",
                self='<link href="https://x.example/atom.xml" rel="self"/>')
    return ATOM.format(**{**good, **changes}).encode("utf-8")


def test_valid_feeds_have_no_problems():
    assert feed_problems("feed.xml", rss()) == []
    assert feed_problems("atom.xml", atom()) == []


@pytest.mark.parametrize(("changes", "expected"), [
    ({"content": '<p><a href="../b/">b</a></p>'},
     'feed.xml: item 1 "Hợp tác" (urn:x:1): <content:encoded>: relative URL "../b/" in <a href>'),
    ({"content": '<img src="/media/a.jpg" alt="">'},
     'relative URL "/media/a.jpg" in <img src>'),
    ({"content": '<img srcset="a.jpg 1x, https://x.example/b.jpg 2x" alt="">'},
     'relative URL "a.jpg" in <img srcset>'),
    ({"content": '<a href="#note">n</a>'}, 'relative URL "#note" in <a href>'),
    ({"link": "vi/a/"}, 'item 1 "Hợp tác" (urn:x:1): relative URL "vi/a/" in <link>'),
    ({"date": "Wed, 20 Sep 2023 14:40:00"},
     'item 1 "Hợp tác" (urn:x:1): <pubDate>: date "Wed, 20 Sep 2023 14:40:00" is not an RFC '
     "822 date with its zone"),
    ({"date": "mer., 20 sept. 2023 14:40:00 +0700"},
     'date "mer., 20 sept. 2023 14:40:00 +0700" is not an RFC 822 date'),
    ({"date": "2023-09-20T14:40:00+07:00"}, "is not an RFC 822 date"),
    ({"self": ""}, 'feed.xml: missing self link (<atom:link rel="self" href="...">)'),
    ({"content": "ok\x01"}, "feed.xml: invalid XML (not well-formed"),
    ({"content": "<p>ok</p>]]><b>"}, "feed.xml: invalid XML"),
])
def test_rss_problems_name_the_item_and_the_reason(changes, expected):
    problems = feed_problems("feed.xml", rss(**changes))
    assert len(problems) == 1 and expected in problems[0], problems


@pytest.mark.parametrize(("changes", "expected"), [
    ({"updated": "2023-09-20T14:40:00"}, 'date "2023-09-20T14:40:00" is not an RFC 3339 date'),
    ({"updated": "20/09/2023 14:40"}, "is not an RFC 3339 date"),
    ({"self": ""}, 'atom.xml: missing self link (<link rel="self" href="...">)'),
    ({"content": '&lt;img src="x.png"&gt;'},
     'atom.xml: item 1 "A" (urn:x:1): <content>: relative URL "x.png" in <img src>'),
])
def test_atom_problems(changes, expected):
    problems = feed_problems("atom.xml", atom(**changes))
    assert problems and all(expected in p or "RFC 3339" in p for p in problems), problems
    assert expected in problems[0]


def test_json_feed_problems():
    good = {"version": "https://jsonfeed.org/version/1.1", "title": "T",
            "feed_url": "https://x.example/feed.json", "home_page_url": "https://x.example/",
            "items": [{"id": "urn:x:1", "url": "https://x.example/a/", "title": "A",
                       "content_html": "<p>ok</p>",
                       "date_published": "2023-09-20T14:40:00+07:00"}]}
    assert feed_problems("feed.json", json.dumps(good).encode()) == []
    bad = {**good, "feed_url": None, "items": [{**good["items"][0], "url": "a/",
                                                "content_html": '<img src="m.png">',
                                                "date_published": "2023-09-20 14:40"}]}
    problems = feed_problems("feed.json", json.dumps(bad).encode())
    assert problems[0] == "feed.json: missing self link (feed_url)"
    assert any('relative URL "a/" in url' in p for p in problems)
    assert any('relative URL "m.png" in <img src>' in p for p in problems)
    assert any('date "2023-09-20 14:40" is not an RFC 3339 date' in p for p in problems)
    assert feed_problems("feed.json", b"{not json")[0].startswith("feed.json: invalid JSON")


def bad_theme(site_dir: Path) -> None:
    """A site whose content template links relative to the page: fine on pages, not in feeds."""
    (site_dir / "templates").mkdir(parents=True)
    (site_dir / "templates" / "_content.html").write_text(
        '<p>{{ article.lead }} <a href="../../">home</a></p>\n', encoding="utf-8")


def test_build_refuses_to_publish_a_bad_feed(tmp_path):
    out = tmp_path / "_site"
    build(SEEDS, out, make_config({}, base_url=BASE), tmp_path)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad_theme(tmp_path)
    with pytest.raises(FeedError) as caught:
        build(SEEDS, out, make_config({}, base_url=BASE), tmp_path)
    message = str(caught.value)
    assert ('feed.xml: item 2 "Hợp tác kinh tế, thương mại Trung Quốc-Nga ngày càng trở nên sâu '
            'sắc" (urn:uuid:') in message
    assert 'relative URL "../../" in <a href>' in message
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before  # old site kept


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_cli_build_exits_non_zero_with_the_feed_problem(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    bad_theme(tmp_path)
    run = run_cli("build", cwd=tmp_path)
    assert run.returncode == 1
    assert "error: feed check failed:" in run.stderr
    assert 'relative URL "../../" in <a href>' in run.stderr
    assert not (tmp_path / "_site" / "feed.xml").exists()


def test_check_passes_a_good_site_and_lists_every_problem_of_a_bad_one(tmp_path):
    out = build_site(tmp_path)
    run = run_cli("check", "--base-url", BASE, cwd=tmp_path)
    assert run.returncode == 0, run.stdout
    assert run.stdout.strip().endswith("no problems")
    # Break it: a missing page, a stylesheet outside the sub-path, a relative URL in a feed.
    shutil.rmtree(next(out.glob("vi/hop-tac-*")))
    index = out / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        'href="static/style.css"', 'href="/static/style.css"'), encoding="utf-8")
    feed = out / "atom.xml"
    feed.write_text(feed.read_text(encoding="utf-8").replace(
        f'href="{BASE}fr/', 'href="fr/'), encoding="utf-8")
    run = run_cli("check", "--base-url", BASE, cwd=tmp_path)
    assert run.returncode == 1
    lines = run.stdout.splitlines()
    assert any(line.startswith("index.html: broken link <a href=\"vi/hop-tac-") for line in lines)
    assert ('index.html: <link href="/static/style.css"> points outside the site\'s path /repo/; '
            "it breaks when the site is served under it") in lines
    assert any(line.startswith("atom.xml: item") and 'relative URL "fr/' in line
               for line in lines)
    assert any(line.startswith("sitemap.xml: <loc>") for line in lines)
    assert lines[-1].endswith("problems") and "no problems" not in lines[-1]


def test_check_reports_a_site_built_for_another_url(tmp_path):
    out = build_site(tmp_path)
    report = check_site(out, make_config({}, base_url="https://elsewhere.example/"))
    assert any("feed.xml: self link is" in p and "built for another URL" in p
               for p in report.problems)


def test_check_on_a_missing_site(tmp_path):
    report = check_site(tmp_path / "_site", make_config({}))
    assert report.problems == [f"{tmp_path / '_site'}/index.html: missing; build the site first"]
