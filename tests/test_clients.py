"""The site and its feeds, proved with the clients users run.

- newsboat (Debian) loads each RSS/Atom feed and sees every item, with its GUID;
- feedparser parses every feed with bozo false;
- the Nu HTML Checker (npm vnu-jar, on the machine's Java) finds zero errors in every page;
- Chromium (Debian, headless, driven by npm playwright-core, never a downloaded browser) loads
  the index, an article and the 404 page served under a sub-path on 127.0.0.1, with no console
  error and no failed request; screenshots at 1280 and 390 px go to test-artifacts/; axe-core
  finds no serious or critical accessibility violation.

`.ci/run` installs the tools. A test skips, saying what is missing, only where a tool is not
installed; with CI=true it fails instead.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest

from generator.serve import make_server
from tests.conftest import ROOT
from tests.test_publish import ALL_FEEDS, NOTE_SLUG, SAMPLE_FR, SAMPLE_VI, XML_FEEDS, build_site

BASE = "https://user.github.io/repo/"
NODE_MODULES = Path(os.environ.get("NEWSDIGEST_NODE_MODULES", ROOT / ".ci" / "node_modules"))
CHROMIUM = os.environ.get("NEWSDIGEST_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


def missing(what: str) -> None:
    """Skip for lack of a tool, or fail in CI, where `.ci/run` must have installed it."""
    message = f"{what}; run .ci/run (or see it) to install the test clients"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true but {message}")
    pytest.skip(message)


def need_program(name: str, path: str | None = None) -> str:
    found = path if path and Path(path).is_file() else shutil.which(name)
    if not found:
        missing(f"{name} is not installed (Debian package {name})")
    return str(found)


def need_node_module(relative: str) -> Path:
    path = NODE_MODULES / relative
    if not path.exists():
        missing(f"{path} is missing (npm package {relative.split('/')[0]})")
    return path


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples plus a tagged Markdown item with an image, built for a sub-path."""
    return build_site(tmp_path_factory.mktemp("clients"))


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site served under /repo/ on 127.0.0.1, as GitHub Pages serves a project site."""
    httpd = make_server(site, "/repo/", "127.0.0.1", 0)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/repo/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("feed", XML_FEEDS)
def test_newsboat_sees_every_item(site, tmp_path, feed):
    newsboat = need_program("newsboat")
    expected = feedparser.parse((site / feed).read_bytes())
    home = tmp_path / "home"
    (home / ".newsboat").mkdir(parents=True)
    urls, config, cache = tmp_path / "urls", tmp_path / "config", tmp_path / "cache.db"
    urls.write_text(f"file://{site / feed}\n", encoding="utf-8")
    config.write_text("", encoding="utf-8")
    env = {**os.environ, "HOME": str(home), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local")}
    base = [newsboat, "-u", str(urls), "-C", str(config), "-c", str(cache)]
    reload = subprocess.run([*base, "-x", "reload"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    assert reload.returncode == 0, reload.stdout + reload.stderr
    unread = subprocess.run([*base, "-x", "print-unread"], env=env, capture_output=True,
                            text=True, timeout=60, check=False)
    assert unread.stdout.strip() == f"{len(expected.entries)} unread articles", unread
    with sqlite3.connect(cache) as db:
        items = db.execute("SELECT guid, title, url, content FROM rss_item "
                           "ORDER BY pubDate DESC").fetchall()
    assert [(guid, title, url) for guid, title, url, _ in items] == [
        (e.id, e.title, e.link) for e in expected.entries]
    assert all(content.strip() for *_, content in items)
    if feed in ("feed.xml", "vi/feed.xml"):
        vi = next(content for guid, _, url, content in items if url == BASE + SAMPLE_VI)
        assert "Bộ Ngoại giao Trung Quốc" in vi and "Bình luận" not in vi


@pytest.mark.parametrize("feed", [f for f in ALL_FEEDS if not f.endswith(".json")])
def test_feedparser_accepts_every_feed(site, feed):
    parsed = feedparser.parse((site / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries and all(e.id and e.link.startswith(BASE) for e in parsed.entries)
    assert all(e.published_parsed for e in parsed.entries)


def test_nu_html_checker_finds_no_error(site):
    java = need_program("java")
    vnu = need_node_module("vnu-jar/build/dist/vnu.jar")
    pages = sorted(str(p) for p in site.rglob("*.html"))
    assert len(pages) == 5
    run = subprocess.run([java, "-jar", str(vnu), "--errors-only", "--also-check-css",
                          "--format", "json", *pages, str(site / "static" / "style.css")],
                         capture_output=True, text=True, timeout=300, check=False)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    errors = [f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
              for m in messages if m.get("type") == "error"
              or m.get("subType") == "fatal"]
    assert errors == [] and run.returncode == 0, errors or run.stderr


def browser(urls: dict[str, str], shots: Path) -> list[dict[str, object]]:
    node = need_program("node")
    chromium = need_program("chromium", CHROMIUM)
    need_node_module("playwright-core/package.json")
    need_node_module("axe-core/axe.min.js")
    shots.mkdir(parents=True, exist_ok=True)
    args = {"modules": str(NODE_MODULES), "chromium": chromium, "urls": urls,
            "widths": [1280, 390], "shots": str(shots)}
    run = subprocess.run([node, str(ROOT / "tests" / "browser_check.mjs"), json.dumps(args)],
                         capture_output=True, text=True, timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    pages: list[dict[str, object]] = json.loads(run.stdout)["pages"]
    return pages


def test_chromium_loads_pages_under_a_sub_path_cleanly_and_accessibly(server):
    pages = browser({"index": server, "article": server + SAMPLE_VI,
                     "markdown": server + f"fr/{NOTE_SLUG}/", "french": server + SAMPLE_FR},
                    ARTIFACTS / "browser")
    assert len(pages) == 12  # 1280 and 390 px light, 390 px dark
    for page in pages:
        where = f"{page['name']} at {page['width']} px, {page['scheme']}"
        assert page["status"] == 200, where
        assert page["console"] == [], where
        assert page["failed"] == [], where
        assert page["stylesheets"] == 1, where
        assert page["overflow"] is False, f"{where}: wider than the screen"
        serious = [v for v in page["violations"]  # type: ignore[attr-defined]
                   if v["impact"] in ("serious", "critical")]
        assert serious == [], f"{where}: {serious}"
        assert Path(str(page["screenshot"])).stat().st_size > 5000, where


def test_chromium_shows_the_404_page_styled_at_any_depth(server):
    pages = browser({"404": server + "no/such/page/"}, ARTIFACTS / "browser")
    for page in pages:
        assert page["status"] == 404
        assert page["console"] == [] or all(  # the browser logs the 404 of the page itself
            "404" in line for line in page["console"])  # type: ignore[attr-defined]
        assert [f for f in page["failed"]  # type: ignore[attr-defined]
                if "no/such/page" not in f] == []
        assert page["stylesheets"] == 1
