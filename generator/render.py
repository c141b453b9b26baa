"""Render Articles into HTML pages with Jinja2. Writes nothing."""

from __future__ import annotations

import hashlib
import html
import posixpath
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from itertools import groupby
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_gmt
from jinja2 import (
    ChoiceLoader,
    Environment,
    FileSystemBytecodeCache,
    FileSystemLoader,
    StrictUndefined,
    select_autoescape,
)

from generator import __version__
from generator.cache import Memo, key_of, no_memo
from generator.config import Config
from generator.feeds import RSS_TYPE, tag_slug
from generator.models import Article

PER_PAGE = 50  # index entries per page
# href/src attributes in sanitised (nh3) HTML, which always double-quotes attribute values.
URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')


@dataclass(frozen=True)
class FeedLink:
    """A feed as announced in a page's head (autodiscovery) and footer."""

    href: str  # feed file below the site root, e.g. "fr/feed.xml"
    title: str  # e.g. "News digest (français)"
    type: str  # MIME type, e.g. "application/rss+xml"
    lang: str = ""  # language of a language feed, e.g. "fr"; empty for the others
    tag: str = ""  # slug of a tag feed, e.g. "chine"; empty for the others
    label: str = ""  # short name shown in the footer, e.g. "RSS", "Atom", "français"

    @property
    def site_wide(self) -> bool:
        """True for the feeds of the whole site (RSS, Atom, JSON Feed)."""
        return not self.lang and not self.tag


SITE_FEEDS = (  # what render_site announces when the caller passes no catalog
    FeedLink("feed.xml", "", RSS_TYPE, label="RSS"),
)


def theme_dir() -> Path:
    """Return the folder holding the default theme's `templates/` and `static/`."""
    packaged = Path(__file__).parent / "theme"
    return packaged if (packaged / "templates").is_dir() else Path(__file__).parent.parent


def make_env(site_dir: Path | None = None, cache_dir: Path | None = None) -> Environment:
    """Build the Jinja environment: the site's own templates first, then the default theme.
    With `cache_dir`, compiled templates are kept there (Jinja checks each against its source),
    so a rebuild does not compile them again."""
    loaders = []
    if site_dir is not None and (site_dir / "templates").is_dir():
        loaders.append(FileSystemLoader(site_dir / "templates"))
    loaders.append(FileSystemLoader(theme_dir() / "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(cache_dir))
    env.globals.update(version=__version__)
    env.filters.update(iso=iso, host=host, rebase=rebase)
    return env


def templates_key(env: Environment) -> str:
    """Hash every template the environment can load (site's and theme's), for page memos."""
    loader = env.loader
    assert loader is not None
    return key_of(*((name, loader.get_source(env, name)[0]) for name in loader.list_templates()))


def rebase(fragment: str, root: str, page_url: str = "") -> str:
    """Resolve relative href/src URLs in sanitised HTML against the site root.

    Markdown items link site files as `media/x.jpg` or `/media/x.jpg`; both mean the site root,
    never the domain root, so they work under a sub-path. `root` is a relative prefix on pages
    ("../../") and the absolute site URL in feeds, where a "#fragment" gets `page_url` in front.
    Absolute URLs (http:, https:, mailto:) are left alone.
    """
    def fix(match: re.Match[str]) -> str:
        url = html.unescape(match.group(2))
        parts = urlsplit(url)
        if parts.scheme or (not url and not page_url):
            return match.group(0)
        if url.startswith("//"):  # scheme-relative: give it the site's scheme in feeds
            new = urljoin(root, url) if "://" in root else url
        elif url.startswith("#") or not url:
            new = page_url + url if page_url else url
        else:
            new = root + url.lstrip("/")
        return match.group(1) + html.escape(new, quote=True) + match.group(3)

    return URL_ATTRIBUTE.sub(fix, fragment)


def iso(value: datetime | None) -> str:
    """Format a time as ISO 8601 with its offset, e.g. 2023-09-20T14:40:00+07:00."""
    return value.isoformat() if value else ""


def host(url: str | None) -> str:
    """Return a URL's host without "www.", e.g. "thanhnien.vn"."""
    name = (urlsplit(url).hostname or "") if url else ""
    return name.removeprefix("www.")


def locale_for(lang: str, fallback: str = "en") -> Locale:
    """Return the Babel locale of a language, or of the fallback when Babel has none."""
    for code in (lang, fallback, "en"):
        try:
            return Locale.parse(code)
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")  # pragma: no cover


def date_label(value: datetime | None, lang: str) -> str:
    """Localize a time with its zone, e.g. "Thứ Tư, 20 tháng 9, 2023 14:40 (GMT+07:00)"."""
    if value is None:
        return ""
    loc = locale_for(lang)
    return (f"{format_date(value, 'full', locale=loc)} {format_time(value, 'short', locale=loc)}"
            f" ({get_timezone_gmt(value, 'long', locale='en')})")


def day_label(day: datetime, lang: str) -> str:
    """Localize a day heading, e.g. "Wednesday, September 20, 2023"."""
    return format_date(day, "full", locale=locale_for(lang))


@cache
def language_name(lang: str, ui: str) -> str:
    """Name a language in the UI language, e.g. "Vietnamese"; the code when unknown."""
    try:
        name = locale_for(ui).languages.get(lang)
    except (UnknownLocaleError, ValueError):  # pragma: no cover
        name = None
    return str(name) if name else lang


@dataclass(frozen=True)
class Page:
    """A page to render: its output path and the links it needs."""

    path: str  # output file below the site root, e.g. "vi/hop-tac/index.html"

    @property
    def url(self) -> str:
        """Path of the page as linked, e.g. "vi/hop-tac/" (empty for the home page)."""
        return self.path.removesuffix("index.html")

    @property
    def root(self) -> str:
        """Relative link from this page to the site root, e.g. "../../"."""
        depth = self.path.count("/")
        return "../" * depth


def newest_first(articles: Sequence[Article]) -> list[Article]:
    """Sort articles newest first; undated ones last; ties broken by path."""
    return sorted(articles, key=lambda a: (0, -a.published.timestamp(), a.path)
                  if a.published else (1, 0.0, a.path))


def _common(config: Config, page: Page, lang: str, feeds: Sequence[FeedLink],
            root: str | None = None, article_page: bool = False) -> dict[str, Any]:
    return {
        "site": config,
        "root": page.root if root is None else root,
        "page_lang": lang,
        "canonical": config.url + page.url,
        "feeds": [f if f.title else replace(f, title=config.title) for f in feeds],
        # The footer names the site's and languages' feeds; an article's also its tags' feeds.
        "footer_feeds": [f if f.title else replace(f, title=config.title) for f in feeds
                         if not f.tag or article_page],
    }


def feeds_for(feeds: Sequence[FeedLink], article: Article | None = None) -> list[FeedLink]:
    """Pick the feeds a page announces: all of them on the index, and on an article page the
    site's feeds, its language's and its tags' (so the page depends on its article alone)."""
    if article is None:
        return list(feeds)
    tags = {tag_slug(t) for t in article.tags}
    return [f for f in feeds if f.site_wide or f.lang == article.lang or f.tag in tags]


def _feed_picker(feeds: Sequence[FeedLink]) -> Callable[[Article], tuple[FeedLink, ...]]:
    """Return `feeds_for` of a fixed list of feeds, fast for many articles and many tags."""
    site = [i for i, f in enumerate(feeds) if f.site_wide]
    by_lang: dict[str, list[int]] = {}
    by_tag: dict[str, list[int]] = {}
    for i, f in enumerate(feeds):
        if f.lang:
            by_lang.setdefault(f.lang, []).append(i)
        if f.tag:
            by_tag.setdefault(f.tag, []).append(i)

    def pick(article: Article) -> tuple[FeedLink, ...]:
        chosen = set(site).union(by_lang.get(article.lang, ()))
        for tag in article.tags:
            chosen.update(by_tag.get(tag_slug(tag), ()))
        return tuple(feeds[i] for i in sorted(chosen))
    return pick


def render_article(env: Environment, config: Config, article: Article,
                   feeds: Sequence[FeedLink] = SITE_FEEDS) -> str:
    """Render one article page."""
    page = Page(article.url_path + "index.html")
    return env.get_template("article.html").render(
        **_common(config, page, article.lang, feeds_for(feeds, article), article_page=True),
        article=article,
        date_label=date_label(article.published, article.lang),
        language_name=language_name(article.lang, config.language),
        media_root=page.root,
        page_url="",
    )


def article_content(env: Environment, config: Config, article: Article) -> str:
    """Render the article body as HTML with absolute URLs, for feeds."""
    return env.get_template("_content.html").render(
        site=config, article=article, media_root=config.url,
        page_url=config.url + article.url_path,
    ).strip()


def _days(articles: list[Article], config: Config) -> list[dict[str, Any]]:
    zone = ZoneInfo(config.timezone)

    def day_of(a: Article) -> str:
        return a.published.astimezone(zone).date().isoformat() if a.published else ""

    days = []
    for key, group in groupby(articles, key=day_of):
        items = list(group)
        first = items[0].published
        label = day_label(first.astimezone(zone), config.language) if first else ""
        days.append({"iso": key, "label": label, "articles": items})
    return days


def index_pages(env: Environment, config: Config, articles: list[Article],
                feeds: Sequence[FeedLink] = SITE_FEEDS, memo: Memo | None = None,
                key: Callable[[Article], str] = lambda a: a.guid,
                ) -> Iterator[tuple[str, str]]:
    """Render the digest: newest first, grouped by day, PER_PAGE articles a page.

    Pages the memo keeps (same articles, templates and settings as last build) are skipped.
    """
    memo = memo or no_memo()
    theme = templates_key(env) if memo.path else ""
    chunks = [articles[i:i + PER_PAGE] for i in range(0, len(articles), PER_PAGE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        page = Page("index.html" if number == 1 else f"page/{number}/index.html")
        if memo.reuse(page.path, key_of(theme, config, feeds, number, len(chunks),
                                        [(key(a), a.url_path) for a in chunk])):
            continue
        prev_url = None if number == 1 else ("" if number == 2 else f"page/{number - 1}/")
        next_url = f"page/{number + 1}/" if number < len(chunks) else None
        html = env.get_template("index.html").render(
            **_common(config, page, config.language, feeds),
            days=_days(chunk, config),
            page_number=number,
            page_count=len(chunks),
            prev_url=prev_url,
            next_url=next_url,
            language_name=lambda code: language_name(code, config.language),
            time_label=lambda a: format_time(a.published, "short",
                                             locale=locale_for(config.language)),
        )
        yield page.path, html


PageJob = tuple[str, Article, list["FeedLink"]]  # output path, article, the feeds it announces


def article_jobs(env: Environment, config: Config, ordered: Sequence[Article],
                 feeds: Sequence[FeedLink] = SITE_FEEDS, memo: Memo | None = None,
                 key: Callable[[Article], str] = lambda a: a.guid) -> list[PageJob]:
    """List the article pages to render; those the memo keeps are left out."""
    memo = memo or no_memo()
    site = key_of(templates_key(env), config) if memo.path else ""
    pick = _feed_picker(feeds)
    shared: dict[tuple[FeedLink, ...], Any] = {}  # a digest of what the pages announcing
    # the same feeds share (templates, settings, feeds), made once and copied for each page
    jobs = []
    for article in ordered:
        path = article.url_path + "index.html"
        mine = pick(article)
        digest = shared.get(mine)
        if digest is None:
            digest = shared[mine] = hashlib.blake2b(key_of(site, mine).encode(), digest_size=16)
        digest = digest.copy()
        digest.update(f"{key(article)}\0{article.url_path}".encode())
        if not memo.reuse(path, digest.hexdigest()):
            jobs.append((path, article, list(mine)))
    return jobs


def render_site(env: Environment, config: Config, articles: Sequence[Article],
                feeds: Sequence[FeedLink] = SITE_FEEDS, memo: Memo | None = None,
                key: Callable[[Article], str] = lambda a: a.guid,
                whole: Callable[[Article], Article] = lambda a: a,
                listed: bool = False, ordered: bool = False) -> dict[str, str]:
    """Render every page of the site: {output path: html}. `feeds` are announced in heads.

    With a memo, pages whose inputs did not change since the last build are left out (the memo
    lists them as kept); `key` names an article's content (its cache key). `listed` says the
    caller renders the article pages itself (listed by `article_jobs`, for worker processes):
    only the other pages are made. `whole` gives the article of a summary (see
    `cache.split_entry`) for its page. `ordered` says the articles come newest first.
    """
    newest = list(articles) if ordered else newest_first(articles)
    pages = dict(index_pages(env, config, newest, feeds, memo, key))
    if not listed:
        for path, article, mine in article_jobs(env, config, newest, feeds, memo, key):
            pages[path] = render_article(env, config, whole(article), mine)
    not_found = Page("404.html")
    # 404.html is served for any missing path, at any depth: its links start at the site root.
    pages["404.html"] = env.get_template("404.html").render(
        **_common(config, not_found, config.language, feeds, root=config.base_path),
    )
    return pages


def relative(from_page: str, to_path: str) -> str:
    """Return a relative link between two output paths."""
    return posixpath.relpath(to_path, posixpath.dirname(from_page) or ".")
