"""Check a site as its readers will see it: every feed valid, every internal link resolving.

`feed_problems()` validates one feed (RSS 2.0, Atom or JSON Feed) the way strict readers do: XML
well-formed, a self link, absolute URLs everywhere (also inside the item HTML), and dates that
carry their zone in the format the spec wants. The build calls `check_feeds()` on the files it is
about to publish and refuses to publish a bad feed; `newsdigest check` runs the same checks, plus
feedparser, on a built folder and crawls every page from the index under the site's sub-path.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from generator.config import Config

ATOM_NS = "http://www.w3.org/2005/Atom"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
FEED_NAMES = ("feed.xml", "atom.xml", "feed.json")  # file names of feeds, at any depth
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "cite", "action", "data"}
ABSOLUTE_SCHEMES = {"http", "https", "mailto", "tel", "data"}
# RFC 822 as RSS 2.0 wants it: English names, a four-digit year and a numeric zone (or GMT/UT).
RFC822 = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
    r"\d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT)")
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class FeedError(Exception):
    """A feed the build was about to publish is invalid; the message lists every problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("feed check failed:\n  " + "\n  ".join(problems)
                         + "\nno file was published; fix the template or input named above")
        self.problems = problems


def is_absolute(url: str) -> bool:
    """True for a URL a reader can follow from anywhere: http(s) with a host, mailto:, data:..."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return bool(parts.netloc)
    return scheme in ABSOLUTE_SCHEMES


class _LinkParser(HTMLParser):
    """Collect (tag, attribute, URL) of every link, and every id, of an HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []
        self.ids: set[str] = set()
        self.rels: dict[int, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        for name, value in attrs:
            if name not in URL_ATTRIBUTES or value is None:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((tag, name, candidate.split()[0]))
            elif not (tag == "object" and name != "data"):
                self.links.append((tag, name, value))


def html_links(html: str) -> list[tuple[str, str, str]]:
    """Return (tag, attribute, URL) for every URL in an HTML document or fragment."""
    parser = _LinkParser()
    parser.feed(html)
    parser.close()
    return parser.links


def _html_problems(html: str, where: str) -> Iterator[str]:
    if CONTROL.search(html):
        yield f"{where}: control character in the text; remove it from the input"
    for tag, attr, url in html_links(html):
        if not is_absolute(url):
            yield (f'{where}: relative URL "{url}" in <{tag} {attr}>; feed readers resolve it '
                   "against the wrong page: make it absolute")


def _date_problems(value: str | None, where: str, rss: bool) -> Iterator[str]:
    if value is None:
        return
    text = value.strip()
    if rss:
        if not RFC822.fullmatch(text):
            yield (f'{where}: date "{text}" is not an RFC 822 date with its zone '
                   '(e.g. "Wed, 20 Sep 2023 14:40:00 +0700")')
            return
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            yield f'{where}: date "{text}" does not exist'
            return
        if parsed.tzinfo is None:
            yield f'{where}: date "{text}" has no zone (naive); give it its offset'
    elif not RFC3339.fullmatch(text):
        yield (f'{where}: date "{text}" is not an RFC 3339 date with its zone '
               '(e.g. "2023-09-20T14:40:00+07:00")')


def _url_problem(url: str | None, where: str, what: str) -> Iterator[str]:
    if url is not None and not is_absolute(url):
        yield f'{where}: relative URL "{url}" in {what}; make it absolute'


def _rss_problems(path: str, root: ET.Element) -> Iterator[str]:
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        yield f"{path}: not an RSS 2.0 document (no <rss><channel>)"
        return
    selfs = [ln for ln in channel.findall(f"{{{ATOM_NS}}}link") if ln.get("rel") == "self"]
    if not selfs:
        yield f'{path}: missing self link (<atom:link rel="self" href="...">)'
    for link in channel.findall(f"{{{ATOM_NS}}}link"):
        yield from _url_problem(link.get("href"), path, "<atom:link href>")
    yield from _url_problem(channel.findtext("link"), path, "<channel><link>")
    for name in ("pubDate", "lastBuildDate"):
        yield from _date_problems(channel.findtext(name), f"{path}: <channel><{name}>", rss=True)
    for n, item in enumerate(channel.findall("item"), start=1):
        where = _item_name(path, n, item.findtext("title"), item.findtext("guid"))
        if not (item.findtext("guid") or "").strip():
            yield f"{where}: missing <guid>; every item needs a permanent id"
        yield from _url_problem(item.findtext("link"), where, "<link>")
        for enclosure in item.findall("enclosure"):
            yield from _url_problem(enclosure.get("url"), where, "<enclosure url>")
        yield from _date_problems(item.findtext("pubDate"), f"{where}: <pubDate>", rss=True)
        yield from _html_problems(item.findtext("description") or "", f"{where}: <description>")
        yield from _html_problems(item.findtext(f"{{{CONTENT_NS}}}encoded") or "",
                                  f"{where}: <content:encoded>")


def _atom_problems(path: str, root: ET.Element) -> Iterator[str]:
    def links(element: ET.Element) -> list[ET.Element]:
        return element.findall(f"{{{ATOM_NS}}}link")

    if not any(ln.get("rel") == "self" for ln in links(root)):
        yield f'{path}: missing self link (<link rel="self" href="...">)'
    for link in links(root):
        yield from _url_problem(link.get("href"), path, "<link href>")
    yield from _date_problems(root.findtext(f"{{{ATOM_NS}}}updated"), f"{path}: <updated>",
                              rss=False)
    for n, entry in enumerate(root.findall(f"{{{ATOM_NS}}}entry"), start=1):
        where = _item_name(path, n, entry.findtext(f"{{{ATOM_NS}}}title"),
                           entry.findtext(f"{{{ATOM_NS}}}id"))
        if not (entry.findtext(f"{{{ATOM_NS}}}id") or "").strip():
            yield f"{where}: missing <id>; every entry needs a permanent id"
        for link in links(entry):
            yield from _url_problem(link.get("href"), where, "<link href>")
        for name in ("updated", "published"):
            yield from _date_problems(entry.findtext(f"{{{ATOM_NS}}}{name}"),
                                      f"{where}: <{name}>", rss=False)
        for name in ("content", "summary"):
            element = entry.find(f"{{{ATOM_NS}}}{name}")
            if element is not None and element.get("type") in ("html", "xhtml"):
                yield from _html_problems(element.text or "", f"{where}: <{name}>")


def _json_problems(path: str, data: bytes) -> Iterator[str]:
    try:
        feed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        yield f"{path}: invalid JSON ({exc})"
        return
    if not isinstance(feed, dict) or not str(feed.get("version", "")).startswith(
            "https://jsonfeed.org/version/"):
        yield f"{path}: not a JSON Feed (no version https://jsonfeed.org/version/1.1)"
        return
    if not feed.get("feed_url"):
        yield f"{path}: missing self link (feed_url)"
    for key in ("feed_url", "home_page_url"):
        yield from _url_problem(feed.get(key), path, key)
    for n, item in enumerate(feed.get("items") or [], start=1):
        where = _item_name(path, n, item.get("title"), item.get("id"))
        if not str(item.get("id") or "").strip():
            yield f"{where}: missing id; every item needs a permanent id"
        for key in ("url", "external_url", "image", "banner_image"):
            yield from _url_problem(item.get(key), where, key)
        for key in ("date_published", "date_modified"):
            yield from _date_problems(item.get(key), f"{where}: {key}", rss=False)
        yield from _html_problems(str(item.get("content_html") or ""), f"{where}: content_html")
        for key in ("title", "summary", "content_text"):  # plain text in JSON Feed
            if CONTROL.search(str(item.get(key) or "")):
                yield f"{where}: control character in {key}; remove it from the input"


def _item_name(path: str, n: int, title: str | None, guid: str | None) -> str:
    shown = (title or "").strip()
    shown = shown if len(shown) <= 80 else shown[:79] + "…"
    return f'{path}: item {n} "{shown}" ({(guid or "no id").strip()})'


def feed_problems(path: str, data: bytes) -> list[str]:
    """Return what is wrong with one feed (RSS, Atom or JSON Feed); empty when it is valid."""
    if path.endswith(".json"):
        return list(_json_problems(path, data))
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        return [f"{path}: invalid XML ({exc}); a control character or unescaped text in an item?"]
    if root.tag == f"{{{ATOM_NS}}}feed":
        return list(_atom_problems(path, root))
    return list(_rss_problems(path, root))


def is_feed(path: str) -> bool:
    """True for the output paths of feeds (feed.xml, atom.xml, feed.json at any depth)."""
    return posixpath.basename(path) in FEED_NAMES


def check_feeds(files: Mapping[str, bytes]) -> None:
    """Validate every feed among a site's files; raise FeedError listing every problem."""
    problems = [p for path in sorted(files) if is_feed(path)
                for p in feed_problems(path, files[path])]
    if problems:
        raise FeedError(problems)


# ---- newsdigest check: a built folder ------------------------------------------------------


@dataclass
class CheckReport:
    """What `newsdigest check` looked at and what it found wrong."""

    pages: int = 0  # HTML pages crawled
    links: int = 0  # internal links, images and stylesheets followed
    feeds: int = 0  # feeds validated
    problems: list[str] = field(default_factory=list)


def _feedparser_problems(path: str, data: bytes) -> list[str]:
    import feedparser  # type: ignore[import-untyped]

    if path.endswith(".json"):
        return []  # feedparser reads XML feeds only
    parsed: Any = feedparser.parse(data)
    if parsed.bozo:
        return [f"{path}: feedparser rejects the feed ({parsed.get('bozo_exception')})"]
    return []


def url_to_file(out: Path, base: str, url: str) -> Path | None:
    """Map an absolute URL under the site URL to the file serving it (index.html for folders)."""
    parts = urlsplit(url)
    base_parts = urlsplit(base)
    if (parts.scheme, parts.netloc) != (base_parts.scheme, base_parts.netloc):
        return None
    path = unquote(parts.path)
    if not path.startswith(base_parts.path):
        return None
    rel = path[len(base_parts.path):]
    if rel == "" or rel.endswith("/"):
        rel += "index.html"
    target = out / rel
    return target if target.resolve().is_relative_to(out.resolve()) else None


def _site_host(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


def check_site(out: Path, config: Config) -> CheckReport:
    """Crawl a built site from its index under the site URL, and validate every feed."""
    report = CheckReport()
    base = config.url
    if not (out / "index.html").is_file():
        report.problems.append(f"{out}/index.html: missing; build the site first")
        return report
    queue = [base, base + "404.html"]
    seen: set[str] = set(queue)
    ids: dict[str, set[str]] = {}
    fragments: list[tuple[str, str, str]] = []  # (page, target page URL, fragment)
    feeds: set[Path] = set()
    while queue:
        page_url = queue.pop(0)
        page_file = url_to_file(out, base, page_url)
        if page_file is None or not page_file.is_file():
            continue
        report.pages += 1
        name = page_file.relative_to(out).as_posix()
        parser = _LinkParser()
        parser.feed(page_file.read_text(encoding="utf-8"))
        parser.close()
        ids[urlunsplit(urlsplit(page_url)._replace(fragment=""))] = parser.ids
        for tag, attr, ref in parser.links:
            target = urljoin(page_url, ref)
            parts = urlsplit(target)
            if parts.scheme not in ("http", "https"):
                continue
            if _site_host(target) != _site_host(base) or not parts.path.startswith(
                    urlsplit(base).path):
                if _site_host(target) == _site_host(base):
                    report.problems.append(
                        f'{name}: <{tag} {attr}="{ref}"> points outside the site\'s path '
                        f"{urlsplit(base).path}; it breaks when the site is served under it")
                continue
            report.links += 1
            page_only = urlunsplit(parts._replace(fragment="", query=""))
            file = url_to_file(out, base, page_only)
            if file is None or not file.is_file():
                report.problems.append(f'{name}: broken link <{tag} {attr}="{ref}"> '
                                       f"(no file {file.relative_to(out) if file else target})")
                continue
            if parts.fragment:
                fragments.append((name, page_only, unquote(parts.fragment)))
            if is_feed(file.name):
                feeds.add(file)
            elif file.suffix == ".html" and page_only not in seen:
                seen.add(page_only)
                queue.append(page_only)
    for name, target, fragment in fragments:
        if target in ids and fragment not in ids[target]:
            report.problems.append(f'{name}: link to "#{fragment}" on {target}, which has no '
                                   "element with that id")
    feeds.update(p for p in out.rglob("*") if p.is_file() and is_feed(p.name))
    for path in sorted(feeds):
        rel = path.relative_to(out).as_posix()
        data = path.read_bytes()
        report.feeds += 1
        problems = feed_problems(rel, data)
        report.problems += problems or _feedparser_problems(rel, data)
        report.problems += _self_link_problems(rel, data, base)
    report.problems += _sitemap_problems(out, base)
    robots = out / "robots.txt"
    if not robots.is_file() or f"Sitemap: {base}sitemap.xml" not in robots.read_text("utf-8"):
        report.problems.append(f"robots.txt: missing, or no line Sitemap: {base}sitemap.xml")
    report.problems = list(dict.fromkeys(report.problems))  # a link repeated on a page, once
    return report


def _self_link_problems(path: str, data: bytes, base: str) -> list[str]:
    """A feed's self link must be its own URL under the site URL."""
    expected = base + path
    if path.endswith(".json"):
        try:
            found = json.loads(data).get("feed_url")
        except (ValueError, AttributeError):
            return []
        return [] if found == expected else [
            f'{path}: feed_url is "{found}", expected "{expected}" (built for another URL?)']
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []
    links = root.iter(f"{{{ATOM_NS}}}link")
    selfs = [ln.get("href") for ln in links if ln.get("rel") == "self"]
    if selfs and expected not in selfs:
        return [f'{path}: self link is "{selfs[0]}", expected "{expected}" '
                "(built for another URL? pass the same --base-url to check)"]
    return []


def _sitemap_problems(out: Path, base: str) -> list[str]:
    sitemap = out / "sitemap.xml"
    if not sitemap.is_file():
        return ["sitemap.xml: missing"]
    try:
        root = ET.fromstring(sitemap.read_bytes())
    except ET.ParseError as exc:
        return [f"sitemap.xml: invalid XML ({exc})"]
    problems = []
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    for loc in root.iter(f"{ns}loc"):
        file = url_to_file(out, base, (loc.text or "").strip())
        if file is None or not file.is_file():
            problems.append(f'sitemap.xml: <loc>{loc.text}</loc> is not a page of the site')
    return problems
