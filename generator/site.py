"""Assemble every output file of a site from its articles: pages, feeds, theme files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment

from generator.config import Config
from generator.feeds import rss_feed
from generator.models import Article
from generator.render import article_content, language_name, newest_first, render_site, theme_dir


def static_files(site_dir: Path) -> dict[str, bytes]:
    """Return the theme's static files, overridden file by file by the site's own."""
    files: dict[str, bytes] = {}
    for base in (theme_dir() / "static", site_dir / "static"):
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files["static/" + path.relative_to(base).as_posix()] = path.read_bytes()
    return files


def site_files(env: Environment, config: Config, articles: Sequence[Article],
               site_dir: Path) -> dict[str, bytes]:
    """Return {output path: bytes} for pages, feeds and static files (not media)."""
    pages = render_site(env, config, articles)
    files = {path: html.encode("utf-8") for path, html in pages.items()}
    files["feed.xml"] = rss_feed(
        config, newest_first(articles), lambda a: article_content(env, config, a),
        category_of=lambda a: [*a.tags, language_name(a.lang, "en")],
    )
    files.update(static_files(site_dir))
    return files
