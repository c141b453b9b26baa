"""Publishing like the best generators: feeds of every kind, stable GUIDs, Pages files, sub-paths."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

import feedparser
import pytest
import yaml

from generator.build import build
from generator.check import check_site
from generator.config import make_config
from tests.conftest import ROOT, SEEDS

BASE = "https://user.github.io/repo/"
NOTE_SLUG = "note-de-la-redaction"
XML_FEEDS = ("feed.xml", "atom.xml", "fr/feed.xml", "vi/feed.xml", "tags/chine/feed.xml",
             "tags/russie/feed.xml")
ALL_FEEDS = (*XML_FEEDS, "feed.json")
SAMPLE_FR = "fr/deux-hauts-responsables-chinois-et-russes-ont-declare-leur-volonte-de-renforcer/"
SAMPLE_VI = "vi/hop-tac-kinh-te-thuong-mai-trung-quoc-nga-ngay-cang-tro-nen-sau-sac/"
NOTE = f"""---
title: Note de la rédaction
date: 2024-11-13T09:00:00+01:00
lang: fr
tags: [Chine, chine, Russie]
---
Cette note explique comment ce digest est construit à partir des articles publiés par la presse.

Elle renvoie à [l'article sur Pékin]({SAMPLE_FR}) et à [l'accueil](/), montre la carte
ci-dessous et cite [la source](https://example.org/source#haut) & [le haut de page](#main).

![Carte de la région](media/carte.png)

## Carte

Les deux pays partagent une longue frontière.
"""


def png(width: int = 24, height: int = 16) -> bytes:
    """Return a small valid PNG (a blue rectangle), for an image the browser really loads."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    rows = b"".join(b"\x00" + b"\x0b\x57\xd0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0,
                                                               0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def sample_seeds(folder: Path) -> Path:
    """Write the two sample dumps, a tagged Markdown item and its image into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for dump in sorted(SEEDS.glob("*.txt")):
        shutil.copy(dump, folder)
    (folder / "note.md").write_text(NOTE, encoding="utf-8")
    (folder / "carte.png").write_bytes(png())
    return folder


def build_site(root: Path, url: str = BASE, **settings: object) -> Path:
    """Build the sample seeds (plus the Markdown note) into root/_site for `url`."""
    seeds = root / "seeds" if (root / "seeds").is_dir() else sample_seeds(root / "seeds")
    out = root / "_site"
    result = build(seeds, out, make_config(dict(settings), base_url=url), root)
    assert result.exit_code == 0, result.rejected
    return out


def guids(out: Path, feed: str) -> list[str]:
    """The item ids of one feed, in order."""
    data = (out / feed).read_bytes()
    if feed.endswith(".json"):
        return [item["id"] for item in json.loads(data)["items"]]
    parsed = feedparser.parse(data)
    assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    return [entry.id for entry in parsed.entries]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(tmp_path_factory.mktemp("pub"), cname="news.example.org")


def test_every_feed_kind_is_published_and_parses(site):
    for feed in XML_FEEDS:
        parsed = feedparser.parse((site / feed).read_bytes())
        assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
        assert any(link.rel == "self" and link.href == BASE + feed for link in parsed.feed.links)
    atom = feedparser.parse((site / "atom.xml").read_bytes())
    assert atom.version == "atom10"
    assert [e.updated for e in atom.entries] == [
        "2024-11-13T09:00:00+01:00", "2024-11-12T16:49:38+07:00", "2023-09-20T14:40:00+07:00"]
    feed = json.loads((site / "feed.json").read_bytes())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == BASE + "feed.json" and feed["home_page_url"] == BASE
    assert [i["date_published"] for i in feed["items"]] == [
        "2024-11-13T09:00:00+01:00", "2024-11-12T16:49:38+07:00", "2023-09-20T14:40:00+07:00"]
    assert feed["items"][2]["url"] == BASE + SAMPLE_VI
    assert feed["items"][2]["authors"] == [{"name": "H Lan (tổng hợp)"}]
    assert feed["items"][1]["external_url"].startswith("https://thanhnien.vn/")


def test_language_and_tag_feeds_hold_their_items(site):
    fr = feedparser.parse((site / "fr/feed.xml").read_bytes())
    vi = feedparser.parse((site / "vi/feed.xml").read_bytes())
    assert fr.feed.language == "fr" and vi.feed.language == "vi"
    assert [e.title for e in fr.entries] == ["Note de la rédaction", fr.entries[1].title]
    assert fr.entries[1].link == BASE + SAMPLE_FR
    assert [e.link for e in vi.entries] == [BASE + SAMPLE_VI]
    # "Chine" and "chine" share one slug, so one feed, named after the first spelling.
    chine = feedparser.parse((site / "tags/chine/feed.xml").read_bytes())
    assert chine.feed.title == "News digest: Chine"
    assert [e.title for e in chine.entries] == ["Note de la rédaction"]
    assert sorted(p.parent.name for p in (site / "tags").glob("*/feed.xml")) == ["chine",
                                                                                "russie"]


def test_item_content_is_full_with_absolute_urls(site):
    note = feedparser.parse((site / "feed.xml").read_bytes()).entries[0]
    content = note.content[0].value
    assert f'href="{BASE}{SAMPLE_FR}"' in content
    assert f'href="{BASE}"' in content  # "/" in Markdown is the site root, not the domain's
    assert f'src="{BASE}media/carte.png"' in content
    assert f'href="{BASE}fr/{NOTE_SLUG}/#main"' in content
    assert 'href="https://example.org/source#haut"' in content
    assert "Les deux pays partagent une longue frontière." in content
    assert "&amp;amp;" not in content and "&amp;lt;" not in (site / "feed.xml").read_text("utf-8")
    # On the page the same links are relative to the page, so any sub-path works.
    page = (site / f"fr/{NOTE_SLUG}/index.html").read_text(encoding="utf-8")
    assert f'href="../../{SAMPLE_FR}"' in page and 'src="../../media/carte.png"' in page
    assert 'href="#main"' in page


def test_guids_survive_a_new_url_https_and_recleaning(tmp_path):
    root = tmp_path / "digest"
    out = build_site(root, "http://example.org/digest/")
    before = {feed: guids(out, feed) for feed in ALL_FEEDS}
    assert len(set(before["feed.xml"])) == 3
    # Move the site: another host, https, no sub-path; re-clean an article (new boilerplate
    # line, edited text) and add one.
    seeds = root / "seeds"
    vi = next(seeds.glob("004_*.txt"))
    vi.write_text(vi.read_text(encoding="utf-8").replace("sâu sắc", "sâu sắc hơn", 1)
                  + "\n(0) Bình luận\n", encoding="utf-8")
    (seeds / "extra.txt").write_text(
        "---\ntitle: Một bài mới\ndate: 2024-12-01T08:00:00+07:00\n---\n"
        "Đây là nội dung của một bài báo mới được thêm vào sau khi trang đã chuyển nhà, với "
        "đủ chữ để trở thành một đoạn văn thật sự của bài báo.\n"
        "Đoạn thứ hai kể tiếp câu chuyện, cũng dài như một đoạn văn bình thường trong báo.\n",
        encoding="utf-8")
    out = build_site(root, "https://news.example.com/")
    after = {feed: guids(out, feed) for feed in ALL_FEEDS}
    for feed in ALL_FEEDS:
        assert set(before[feed]) <= set(after[feed]), feed
    new = set(after["feed.xml"]) - set(before["feed.xml"])
    assert len(new) == 1 and set(after["feed.json"]) - set(before["feed.json"]) == new
    assert after["feed.xml"] == after["atom.xml"] == after["feed.json"]
    parsed = feedparser.parse((out / "feed.xml").read_bytes())
    assert all(e.link.startswith("https://news.example.com/") for e in parsed.entries)


def test_pages_files(site):
    assert (site / ".nojekyll").read_bytes() == b""
    assert (site / "CNAME").read_text(encoding="utf-8") == "news.example.org\n"
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.splitlines()[-1] == f"Sitemap: {BASE}sitemap.xml"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = ET.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    locs = {u.findtext("s:loc", namespaces=ns): u.findtext("s:lastmod", namespaces=ns)
            for u in urls}
    assert locs == {BASE: "2024-11-13T09:00:00+01:00",
                    BASE + SAMPLE_FR: "2024-11-12T16:49:38+07:00",
                    BASE + SAMPLE_VI: "2023-09-20T14:40:00+07:00",
                    f"{BASE}fr/{NOTE_SLUG}/": "2024-11-13T09:00:00+01:00"}
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/repo/static/style.css"' in not_found and 'href="/repo/"' in not_found


def test_no_cname_without_config(tmp_path):
    out = build_site(tmp_path)
    assert not (out / "CNAME").exists()


def test_autodiscovery_in_every_head(site):
    def alternates(page: str) -> set[tuple[str, str]]:
        html = (site / page).read_text(encoding="utf-8")
        head = html[:html.index("</head>")]
        return set(re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" '
                              r'href="([^"]+)"', head))

    index = alternates("index.html")
    assert index == {("application/rss+xml", "feed.xml"), ("application/atom+xml", "atom.xml"),
                     ("application/feed+json", "feed.json"),
                     ("application/rss+xml", "fr/feed.xml"),
                     ("application/rss+xml", "vi/feed.xml"),
                     ("application/rss+xml", "tags/chine/feed.xml"),
                     ("application/rss+xml", "tags/russie/feed.xml")}
    assert alternates(SAMPLE_VI + "index.html") == {
        ("application/rss+xml", "../../feed.xml"), ("application/atom+xml", "../../atom.xml"),
        ("application/feed+json", "../../feed.json"),
        ("application/rss+xml", "../../vi/feed.xml")}
    note = alternates(f"fr/{NOTE_SLUG}/index.html")
    assert ("application/rss+xml", "../../tags/chine/feed.xml") in note
    assert ("application/rss+xml", "../../vi/feed.xml") not in note
    assert ("application/rss+xml", "/repo/fr/feed.xml") in alternates("404.html")


def test_whole_site_crawls_under_the_sub_path(site):
    report = check_site(site, make_config({}, base_url=BASE))
    assert report.problems == []
    assert report.pages == 5  # index, three articles, 404
    assert report.feeds == len(ALL_FEEDS)
    assert report.links > 50


def test_control_characters_never_reach_a_feed(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ctrl.md").write_text(
        "---\ntitle: \"Titre\\x01 avec \\x1b[31mcontrôle\\x7f\"\nlang: fr\n"
        "date: 2024-01-02T10:00:00+01:00\n---\n"
        "Un paragraphe assez long pour être un vrai chapeau d'article de presse ici.\n",
        encoding="utf-8")
    out = tmp_path / "_site"
    result = build(seeds, out, make_config({}, base_url=BASE), tmp_path)
    assert result.exit_code == 0
    for feed in ("feed.xml", "atom.xml", "fr/feed.xml"):
        parsed = feedparser.parse((out / feed).read_bytes())
        assert not parsed.bozo, feed
        assert parsed.entries[0].title == "Titre avec [31mcontrôle"
    assert json.loads((out / "feed.json").read_bytes())["items"][0]["title"] == \
        "Titre avec [31mcontrôle"


def test_pages_workflow_is_the_official_flow():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    steps = [s for job in workflow["jobs"].values() for s in job["steps"]]
    uses = [s["uses"].split("@")[0] for s in steps if "uses" in s]
    assert uses == ["actions/checkout", "actions/setup-python", "actions/configure-pages",
                    "actions/upload-pages-artifact", "actions/deploy-pages"]
    configure = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages"))
    build_step = next(s for s in steps if "build" in s.get("run", ""))
    assert "--base-url" in build_step["run"]
    assert f"steps.{configure['id']}.outputs.base_url" in build_step["run"]
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-"))
    assert upload["with"]["path"] == "_site"
    install = next(s for s in steps if "pip install" in s.get("run", ""))
    assert re.search(r"pip install \.(\s|$)", install["run"])


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m generator` from this checkout in another folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_workflow_build_command_works_with_the_pages_base_url(tmp_path):
    """configure-pages gives base_url without a trailing slash, e.g. https://u.github.io/repo."""
    sample_seeds(tmp_path / "seeds")
    run = cli("build", "--base-url", "https://u.github.io/repo/", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    check = cli("check", "--base-url", "https://u.github.io/repo/", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "no problems" in check.stdout
