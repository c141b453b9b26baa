"""`newsdigest serve`: the site under its sub-path, as GitHub Pages serves it, rebuilt on changes."""

from __future__ import annotations

import http.client
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.build import build
from generator.config import load_config
from generator.serve import make_server, serve
from tests.conftest import ROOT, SEEDS

SLUG = "vi/hop-tac-kinh-te-thuong-mai-trung-quoc-nga-ngay-cang-tro-nen-sau-sac/"


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[int, Path]]:
    out = tmp_path / "_site"
    build(SEEDS, out, load_config(None, "https://user.github.io/repo/"), tmp_path)
    server = make_server(out, "/repo/", "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield int(server.server_address[1]), out
    server.shutdown()
    server.server_close()


def test_serves_the_site_under_its_sub_path(served):
    port, out = served
    status, headers, body = get(port, "/repo/")
    assert status == 200 and body == (out / "index.html").read_bytes()
    assert headers["content-type"].startswith("text/html")
    status, _, body = get(port, "/repo/" + SLUG)
    assert status == 200 and "Hợp tác kinh tế" in body.decode("utf-8")
    status, headers, _ = get(port, "/repo/static/style.css")
    assert status == 200 and headers["content-type"] == "text/css"
    status, headers, _ = get(port, "/repo/feed.xml")
    assert status == 200 and "xml" in headers["content-type"]


def test_redirects_to_the_sub_path_and_to_folders(served):
    port, _ = served
    for path, target in (("/", "/repo/"), ("/repo", "/repo/"),
                         ("/repo/" + SLUG.rstrip("/"), "/repo/" + SLUG)):
        status, headers, _ = get(port, path)
        assert status == 301 and headers["location"] == target, path


def test_missing_pages_get_the_sites_404_page(served):
    port, out = served
    for path in ("/repo/no/such/page/", "/elsewhere/index.html", "/static/style.css"):
        status, _, body = get(port, path)
        assert status == 404 and body == (out / "404.html").read_bytes(), path


def wait_for(condition, timeout: float = 30.0, again=None) -> bool:
    """Poll until `condition()`; call `again()` every 5 s meanwhile (a change made before the
    watcher started is missed, as in any watcher, so the test makes it again)."""
    deadline = time.monotonic() + timeout
    nudge = time.monotonic() + 5
    while time.monotonic() < deadline:
        if condition():
            return True
        if again is not None and time.monotonic() > nudge:
            again()
            nudge = time.monotonic() + 5
        time.sleep(0.2)
    return False


def test_serve_builds_then_rebuilds_on_changes(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "site.toml").write_text('url = "http://127.0.0.1:8000/digest/"\n'
                                        'title = "Premier titre"\n', encoding="utf-8")
    out, stop, ports = tmp_path / "_site", threading.Event(), []

    def build_once() -> str:
        config = load_config(tmp_path / "site.toml")
        result = build(tmp_path / "seeds", out, config, tmp_path)
        return f"built {len(result.articles)}"

    thread = threading.Thread(target=serve, kwargs=dict(
        build_once=build_once, out=out, source=tmp_path / "seeds", site_dir=tmp_path,
        base_path="/digest/", port=0, ready=lambda s: ports.append(s.server_address[1]),
        stop=stop), daemon=True)
    thread.start()
    try:
        assert wait_for(lambda: bool(ports))
        port = ports[0]

        def index() -> str:
            return get(port, "/digest/")[2].decode("utf-8")

        assert "Premier titre" in index()

        def add_article() -> None:
            (tmp_path / "seeds" / "new.md").write_text(
                "---\ntitle: Article ajouté pendant le service\nlang: fr\n"
                "date: 2025-01-01T10:00:00+01:00\n---\n"
                "Un paragraphe assez long pour être le chapeau d'un article de presse ajouté.\n",
                encoding="utf-8")

        def retitle() -> None:
            (tmp_path / "site.toml").write_text('url = "http://127.0.0.1:8000/digest/"\n'
                                                'title = "Second titre"\n', encoding="utf-8")

        def restyle() -> None:
            (tmp_path / "static").mkdir(exist_ok=True)
            (tmp_path / "static" / "style.css").write_text("body { color: #123456; }\n",
                                                           encoding="utf-8")

        add_article()
        assert wait_for(lambda: "Article ajouté pendant le service" in index(),
                        again=add_article), index()
        retitle()
        assert wait_for(lambda: "Second titre" in index(), again=retitle)
        restyle()
        assert wait_for(lambda: b"#123456" in get(port, "/digest/static/style.css")[2],
                        again=restyle)
        # A broken template: the rebuild fails, is reported, and the last good site stays up.
        (tmp_path / "templates").mkdir()
        (tmp_path / "templates" / "index.html").write_text("{% if %}", encoding="utf-8")
        time.sleep(2)
        assert "Second titre" in index()
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_cli_serve_prints_its_address_and_serves(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", "0", "--base-url",
         "https://user.github.io/repo/"], cwd=tmp_path, env=env, stderr=subprocess.PIPE,
        text=True)
    try:
        assert process.stderr is not None
        address = None
        for _ in range(50):
            line = process.stderr.readline()
            match = re.search(r"serving .* at http://127\.0\.0\.1:(\d+)/repo/", line)
            if match:
                address = int(match.group(1))
                break
        assert address, "no 'serving ... at' line"
        status, _, body = get(address, "/repo/")
        assert status == 200 and b"News digest" in body
    finally:
        process.terminate()
        process.wait(timeout=10)
