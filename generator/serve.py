"""Preview a site: build it, serve it under its sub-path, rebuild when a source changes.

`newsdigest serve` with `url = "https://user.github.io/repo/"` serves the site at
http://127.0.0.1:8000/repo/, as GitHub Pages will: `/repo/x/` serves `x/index.html`, a missing
file gets `404.html` with status 404, and anything outside `/repo/` is not the site (`/`
redirects to it). Changes in `seeds/`, `templates/`, `static/` or `site.toml` rebuild the site;
a failed rebuild is reported and the previous site stays up.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("newsdigest")

WATCHED_FOLDERS = ("templates", "static")  # beside site.toml, besides the source folder
WATCHED_FILES = ("site.toml",)


class SiteHandler(SimpleHTTPRequestHandler):
    """Serve a built folder under a URL path prefix, with its 404.html for missing files."""

    base_path = "/"  # set per server by make_server, e.g. "/repo/"

    def __init__(self, *args: Any, base_path: str = "/", **kwargs: Any) -> None:
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def send_head(self) -> Any:
        """Map /<base>/x to x in the folder; redirect / to the base; 404 elsewhere."""
        path = urlsplit(self.path).path
        if path + "/" == self.base_path or (path == "/" and self.base_path != "/"):
            self.send_response(HTTPStatus.MOVED_PERMANENTLY)
            self.send_header("Location", self.base_path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if not path.startswith(self.base_path):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def translate_path(self, path: str) -> str:
        """Drop the base path, then resolve inside the served folder."""
        parts = urlsplit(path)
        rest = parts.path[len(self.base_path) - 1:] if parts.path.startswith(
            self.base_path) else parts.path
        return super().translate_path(rest)

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        """Answer a missing file with the site's own 404.html, as GitHub Pages does."""
        page = Path(self.directory) / "404.html"
        if code != HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        """Never let a browser cache a preview: every rebuild shows at once."""
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Log requests at debug level only; errors still show."""
        log.debug("%s - " + format, self.address_string(), *args)


SiteHandler.extensions_map = {
    **SimpleHTTPRequestHandler.extensions_map,
    ".json": "application/json",  # feed.json; browsers show it instead of downloading it
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
}


def make_server(folder: Path, base_path: str, bind: str = "127.0.0.1",
                port: int = 8000) -> ThreadingHTTPServer:
    """Return an HTTP server for `folder` under `base_path` (port 0 picks a free port)."""
    handler = partial(SiteHandler, directory=str(folder), base_path=base_path)
    server = ThreadingHTTPServer((bind, port), handler)
    server.daemon_threads = True
    return server


def watched_paths(source: Path, site_dir: Path) -> list[Path]:
    """Return what a change in triggers a rebuild: the source folder and the site's own theme
    folders and site.toml (the folders need not exist yet: the site folder is watched)."""
    return [source.resolve(), *(site_dir.resolve() / n for n in WATCHED_FOLDERS),
            *(site_dir.resolve() / n for n in WATCHED_FILES)]


def change_filter(paths: Iterable[Path], ignore: Iterable[Path]) -> Callable[[Any, str], bool]:
    """Return a watchfiles filter accepting changes under `paths` but not under `ignore`."""
    wanted = [p.resolve() for p in paths]
    skipped = [p.resolve() for p in ignore]

    def accept(_change: Any, name: str) -> bool:
        path = Path(name).resolve()
        if any(path == s or path.is_relative_to(s) for s in skipped):
            return False
        if any(part.startswith(".") for part in path.parts[-1:]):
            return False  # editor swap files, .DS_Store
        return any(path == w or path.is_relative_to(w) for w in wanted)

    return accept


def watch(rebuild: Callable[[], None], source: Path, site_dir: Path, out: Path,
          stop: threading.Event) -> None:
    """Call `rebuild` after each batch of changes in the watched paths until `stop` is set."""
    import watchfiles

    roots = {source.resolve(), site_dir.resolve()}
    roots = {r for r in roots if not any(r != o and r.is_relative_to(o) for o in roots)}
    ignored = [out, out.parent / ".newsdigest-cache", out.parent / "build-report.json"]
    accept = change_filter(watched_paths(source, site_dir), ignored)
    for changes in watchfiles.watch(*sorted(roots), watch_filter=accept, stop_event=stop,
                                    debounce=300, step=50, rust_timeout=500):
        names = sorted({Path(name).name for _, name in changes})
        log.info("changed: %s; rebuilding", ", ".join(names))
        rebuild()


def serve(build_once: Callable[[], str], out: Path, source: Path, site_dir: Path,
          base_path: str, bind: str = "127.0.0.1", port: int = 8000,
          ready: Callable[[ThreadingHTTPServer], None] | None = None,
          stop: threading.Event | None = None) -> None:
    """Build, serve `out` under `base_path` and rebuild on changes until interrupted.

    `build_once` builds the site and returns a one-line summary; it raises on failure (then
    the previous site stays up). `ready` is called with the running server (tests use it).
    """
    stop = stop or threading.Event()

    def rebuild() -> None:
        try:
            log.info("%s", build_once())
        except Exception as exc:  # a preview server reports and keeps going
            log.error("error: %s; the previous site is still served", exc)

    rebuild()
    server = make_server(out, base_path, bind, port)
    host, real_port = str(server.server_address[0]), int(server.server_address[1])
    shown = f"[{host}]" if ":" in host else host
    log.info("serving %s at http://%s:%d%s (Ctrl+C stops)", out, shown, real_port, base_path)
    watcher = threading.Thread(target=watch, args=(rebuild, source, site_dir, out, stop),
                               daemon=True, name="newsdigest-watch")
    watcher.start()
    server_thread = threading.Thread(target=server.serve_forever, daemon=True,
                                     name="newsdigest-serve")
    server_thread.start()
    if ready:
        ready(server)
    try:
        while not stop.wait(0.5):
            pass
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        watcher.join(timeout=5)
