"""Assemble every output file of a site from its articles: pages, feeds, theme and Pages files."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from jinja2 import Environment

from generator.cache import Memo, key_of, no_memo
from generator.check import check_feeds
from generator.config import Config
from generator.feeds import (
    ATOM_TYPE,
    JSON_FEED_TYPE,
    RSS_TYPE,
    atom_feed,
    json_feed,
    rss_feed,
    tag_slug,
)
from generator.models import Article
from generator.render import (
    PER_PAGE,
    FeedLink,
    PageJob,
    article_content,
    article_jobs,
    language_name,
    newest_first,
    render_site,
    templates_key,
    theme_dir,
)


@dataclass(frozen=True)
class FeedPlan:
    """One RSS feed of a subset of the articles: a language's or a tag's."""

    link: FeedLink
    articles: tuple[Article, ...]  # newest first
    language: str  # the feed's <language>


def static_files(site_dir: Path) -> dict[str, bytes]:
    """Return the theme's static files, overridden file by file by the site's own."""
    files: dict[str, bytes] = {}
    for base in (theme_dir() / "static", site_dir / "static"):
        if base.is_dir():
            for path in sorted(base.rglob("*")):
                if path.is_file() and not path.name.startswith("."):
                    files["static/" + path.relative_to(base).as_posix()] = path.read_bytes()
    return files


def feed_plans(config: Config, ordered: Sequence[Article]) -> list[FeedPlan]:
    """Plan one RSS feed per article language (`fr/feed.xml`) and per tag (`tags/x/feed.xml`).

    Tags whose slugs are equal ("Chine", "chine") share one feed, named after the spelling
    that sorts first.
    """
    plans = []
    for lang in sorted({a.lang for a in ordered}):
        name = language_name(lang, lang)
        plans.append(FeedPlan(
            FeedLink(f"{lang}/feed.xml", f"{config.title} ({name})", RSS_TYPE, lang=lang,
                     label=name),
            tuple(a for a in ordered if a.lang == lang), lang))
    spellings: dict[str, set[str]] = defaultdict(set)
    members: dict[str, list[Article]] = defaultdict(list)  # one pass, newest first kept
    for article in ordered:
        slugs = set()
        for tag in article.tags:
            spellings[tag_slug(tag)].add(tag)
            slugs.add(tag_slug(tag))
        for slug in slugs:
            members[slug].append(article)
    for slug in sorted(spellings):
        tag = sorted(spellings[slug])[0]
        plans.append(FeedPlan(
            FeedLink(f"tags/{slug}/feed.xml", f"{config.title}: {tag}", RSS_TYPE, tag=slug,
                     label=tag),
            tuple(members[slug]), config.language))
    return plans


def sitemap(config: Config, ordered: Sequence[Article]) -> bytes:
    """List every page with its date (sitemaps.org 0.9); the index is dated by its newest."""
    entries: list[tuple[str, str]] = []
    for number in range(1, max(1, -(-len(ordered) // PER_PAGE)) + 1):
        chunk = ordered[(number - 1) * PER_PAGE:number * PER_PAGE]
        newest = next((a.published for a in chunk if a.published), None)
        path = "" if number == 1 else f"page/{number}/"
        entries.append((config.url + path, newest.isoformat() if newest else ""))
    for article in sorted(ordered, key=lambda a: a.url_path):
        entries.append((config.url + article.url_path,
                        article.published.isoformat() if article.published else ""))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for loc, lastmod in entries:
        date = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        lines.append(f"  <url><loc>{escape(loc)}</loc>{date}</url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def pages_files(config: Config) -> dict[str, bytes]:
    """Files GitHub Pages and crawlers look for: robots.txt, .nojekyll, CNAME when configured."""
    files = {
        "robots.txt": f"User-agent: *\nDisallow:\n\nSitemap: {config.url}sitemap.xml\n".encode(),
        # No Jekyll run on Pages: the site is published exactly as built.
        ".nojekyll": b"",
    }
    if config.cname:
        files["CNAME"] = config.cname.strip().encode("utf-8") + b"\n"
    return files


def _site_feeds(config: Config) -> list[FeedLink]:
    """The feeds of the whole site: RSS, Atom, JSON Feed."""
    return [
        FeedLink("feed.xml", config.title, RSS_TYPE, label="RSS"),
        FeedLink("atom.xml", config.title, ATOM_TYPE, label="Atom"),
        FeedLink("feed.json", config.title, JSON_FEED_TYPE, label="JSON Feed"),
    ]


@dataclass(frozen=True)
class SitePlan:
    """The articles of a site newest first and the feeds they make, worked out once a build."""

    ordered: list[Article]  # newest first (`newest_first`)
    site_feeds: list[FeedLink]  # RSS, Atom and JSON Feed of the whole site
    plans: list[FeedPlan]  # the language and tag feeds

    @property
    def feeds(self) -> list[FeedLink]:
        """Every feed: the site's, then the languages' and tags'."""
        return [*self.site_feeds, *(p.link for p in self.plans)]


def plan_site(config: Config, articles: Sequence[Article]) -> SitePlan:
    """Order the articles and plan the feeds of a site."""
    ordered = newest_first(articles)
    return SitePlan(ordered, _site_feeds(config), feed_plans(config, ordered))


def page_jobs(env: Environment, config: Config, site: SitePlan, memo: Memo | None = None,
              key: Callable[[Article], str] = lambda a: a.guid) -> list[PageJob]:
    """List the article pages of the site to be rendered by the caller (those the memo keeps
    left out), each with the feeds it announces; `site_files(..., listed=True)` then makes
    the rest. Lets a build render the article pages before the index pages and feeds take
    memory."""
    return article_jobs(env, config, site.ordered, site.feeds, memo or no_memo(), key)


def site_files(env: Environment, config: Config, site: SitePlan,
               site_dir: Path, memo: Memo | None = None,
               key: Callable[[Article], str] = lambda a: a.guid,
               whole: Callable[[Article], Article] = lambda a: a,
               listed: bool = False) -> dict[str, bytes]:
    """Return {output path: bytes} for pages, feeds and static files (not media).

    With a memo, pages and feeds whose inputs did not change since the last build are left
    out and listed in `memo.kept`; `key` names an article's content (its cache key).
    `listed` says the caller renders the article pages (listed by `page_jobs`), so none are
    made here. When the site's articles (`plan_site`) are summaries (no body blocks), `whole`
    gives each one's article for feed items and pages.
    Raises generator.check.FeedError when a feed would be invalid; nothing is published then.
    """
    memo = memo or no_memo()
    ordered, plans, site_feeds = site.ordered, site.plans, site.site_feeds
    pages = render_site(env, config, ordered, site.feeds, memo, key, whole, listed,
                        ordered=True)
    files = {path: html.encode("utf-8") for path, html in pages.items()}

    contents: dict[str, str] = {}  # rendered once, shared by every feed

    def content(article: Article) -> str:
        if article.guid not in contents:
            contents[article.guid] = article_content(env, config, whole(article))
        return contents[article.guid]

    def categories(article: Article) -> list[str]:
        return [*article.tags, language_name(article.lang, "en")]

    made_with = key_of(templates_key(env), config) if memo.path else ""

    def unchanged(link: FeedLink, items: Sequence[Article]) -> bool:
        shown = [(key(a), a.url_path) for a in items[:config.feed_limit]]
        return memo.reuse(link.href, key_of(made_with, link, shown))

    for link, write in zip(site_feeds, (rss_feed, atom_feed, json_feed), strict=True):
        if not unchanged(link, ordered):
            files[link.href] = write(config, ordered, content, link.href, category_of=categories)
    for plan in plans:
        if unchanged(plan.link, plan.articles):
            continue
        files[plan.link.href] = rss_feed(config, plan.articles, content, plan.link.href,
                                         title=plan.link.title, language=plan.language,
                                         category_of=categories)
    files["sitemap.xml"] = sitemap(config, ordered)
    files.update(pages_files(config))
    files.update(static_files(site_dir))
    check_feeds(files)
    return files

