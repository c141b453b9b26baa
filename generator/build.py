"""Build a site: the pipeline stages in order, like Zola's Site::build."""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.cache import ArticleCache, Entry, FactsCache, Memo, entry_key, fingerprint
from generator.config import Config
from generator.extract import extract
from generator.learn import Facts, Learned, facts_of, learn_from_facts
from generator.models import Article, Problem
from generator.read import find_inputs, kind_of, read_input
from generator.render import make_env
from generator.report import article_record, build_report
from generator.site import site_files
from generator.write import (
    WriteStats,
    check_output,
    finish_pending,
    publish,
    published,
    state_dir,
    write_beside,
)

log = logging.getLogger("newsdigest")

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif")  # no SVG: it can script
REPORT_NAME = "build-report.json"
PARALLEL_MIN = 16  # fewer inputs per worker than this are cleaned in-process


@dataclass(frozen=True)
class BuildResult:
    """What a build made and what went wrong."""

    articles: tuple[Article, ...]
    rejected: tuple[Problem, ...]  # inputs left out, one problem each
    problems: tuple[Problem, ...]  # every warning and error, in input order
    stats: WriteStats | None
    report_path: Path | None
    cleaned: int = 0  # inputs cleaned in this build; the others came from the cache
    pages: int = 0  # HTML pages in the site
    feeds: int = 0  # RSS, Atom and JSON feeds in the site

    @property
    def exit_code(self) -> int:
        """0 when every input was built, 1 when any was rejected."""
        return 1 if self.rejected else 0


def repo_roots(*places: Path) -> list[Path]:
    """Return the version-control roots above the given folders (never to be overwritten)."""
    roots = []
    for place in places:
        for folder in [place.resolve(), *place.resolve().parents]:
            if (folder / ".git").exists() or (folder / ".hg").exists():
                roots.append(folder)
                break
    return roots


def find_images(source: Path) -> dict[str, str]:
    """Map each image file name in the source folder to its output path below `media/`."""
    found: dict[str, str] = {}
    for path in sorted(source.rglob("*"), key=lambda p: p.as_posix()):
        if path.suffix.lower() in IMAGE_SUFFIXES and path.is_file():
            found.setdefault(path.name, "media/" + path.relative_to(source).as_posix())
    return found


def assign_slugs(articles: list[Article]) -> list[Article]:
    """Make slugs unique per language: the earliest article keeps the plain slug."""
    groups: dict[tuple[str, str], list[Article]] = defaultdict(list)
    for article in articles:
        groups[(article.lang, article.slug or "article")].append(article)
    result = []
    for (_, slug), group in sorted(groups.items()):
        group.sort(key=lambda a: (a.published is None, a.published and a.published.timestamp(),
                                  a.path))
        for i, article in enumerate(group):
            suffix = hashlib.sha1(article.guid.encode()).hexdigest()[:6]
            unique = slug if i == 0 and article.slug else f"{slug}-{suffix}"
            result.append(replace(article, slug=unique))
    return sorted(result, key=lambda a: a.path)


def media_files(source: Path) -> dict[str, bytes]:
    """Return the images found in the source folder, keyed by their output path."""
    return {out_path: (source / out_path.removeprefix("media/")).read_bytes()
            for out_path in find_images(source).values()}


def process_input(data: bytes, shown: str, config: Config, images: dict[str, str],
                  learned: Learned | None = None) -> Entry:
    """Read, clean and extract one input: a pure function of its bytes, name and settings."""
    raw = read_input(data, shown)
    errors = [p for p in raw.problems if p.severity == "error"]
    if not errors and not any(line.strip() for line in raw.lines):
        errors = [Problem(raw.path, 0, "file is empty" if not raw.lines else
                          "file holds only white space", "add the article's text or "
                          "remove the file", severity="error")]
        raw = replace(raw, problems=raw.problems + tuple(errors))
    if errors:
        return Entry(None, "", raw.problems)
    try:
        article = extract(raw, config, images, learned)
    except Exception as exc:  # one bad file must never stop the build
        log.debug("extract failed on %s", raw.path, exc_info=True)
        reason = Problem(raw.path, 0, f"could not be cleaned ({type(exc).__name__}: {exc})",
                         "please report this with the file", severity="error")
        return Entry(None, "", (*raw.problems, reason))
    fields = article_record(article)
    del fields["url"]  # final only once slugs are settled across all articles; see with_url
    record = json.dumps(fields, ensure_ascii=False)
    if not article.lead and not article.blocks:
        reason = Problem(raw.path, 0, "no article text found (every line is boilerplate)",
                         "check the file, or see its lines in the build report",
                         severity="error")
        return Entry(None, record, (*article.problems, reason))  # its lines go in the report
    return Entry(replace(article, lines=()), record, article.problems)


_WORKER: dict[str, Any] = {}


def _init_worker(config: Config, images: dict[str, str]) -> None:
    _WORKER.update(config=config, images=images)


Item = tuple[bytes, str, "Learned | None"]  # input bytes, name, what was learned for it


def _work(item: Item) -> Entry:
    return process_input(item[0], item[1], _WORKER["config"], _WORKER["images"], item[2])


def _run(items: list[Item], config: Config, images: dict[str, str],
         jobs: int) -> Iterator[Entry]:
    """Process inputs in order, in a pool of `jobs` processes when there are enough."""
    if jobs <= 1 or len(items) < 2 * PARALLEL_MIN:
        for data, shown, learned in items:
            yield process_input(data, shown, config, images, learned)
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(config, images)) as pool:
        yield from pool.map(_work, items, chunksize=max(1, min(64, len(items) // (4 * jobs))))


@dataclass
class Loaded:
    """The articles of a build and what went wrong, in input order."""

    articles: list[Article] = field(default_factory=list)
    records: dict[str, str] = field(default_factory=dict)  # path -> report record (JSON)
    rejected_lines: dict[str, list[Any]] = field(default_factory=dict)  # labelled lines, by path
    rejected: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    key_of: dict[str, str] = field(default_factory=dict)  # article path -> its cache key
    learned: list[dict[str, object]] = field(default_factory=list)  # outlet boilerplate learned
    cleaned: int = 0  # inputs cleaned in this build (the others came from the cache)


def learn_inputs(names: list[str], datas: list[bytes], code: str,
                 cache: FactsCache | None = None) -> Learned:
    """Learn the outlets' boilerplate from every text input, measuring only uncached ones."""
    facts: list[Facts] = []
    for name, data in zip(names, datas, strict=True):
        if kind_of(name) != "text":
            continue
        key = entry_key(code, name, data)
        found = cache.get(key) if cache else None
        if found is None:
            found = facts_of(read_input(data, name))
            if cache is not None:
                cache.put(key, found)
        facts.append(found)
    if cache is not None:
        cache.save(entry_key(code, n, d) for n, d in zip(names, datas, strict=True)
                   if kind_of(n) == "text")
    return learn_from_facts(facts)


def load_articles(source: Path, config: Config, cache: ArticleCache | None = None,
                  jobs: int = 1, on_progress: Callable[[int, int], None] | None = None,
                  facts: FactsCache | None = None) -> Loaded:
    """Read, clean and extract every input, from the cache when it has them."""
    images = find_images(source)
    code = fingerprint(config, repr(sorted(images.items())))
    base = source.resolve()
    loaded = Loaded()
    names: list[str] = []
    datas: list[bytes] = []
    for path in find_inputs(source):
        names.append(path.resolve().relative_to(base.parent).as_posix())  # "seeds/x.txt"
        datas.append(path.read_bytes())
    learned = learn_inputs(names, datas, code, facts)
    loaded.learned = learned.report()
    todo: list[tuple[int, str]] = []
    entries: list[Entry | None] = []
    items: list[Item] = []
    for shown, data in zip(names, datas, strict=True):
        mine = learned.by_path.get(shown)
        own = Learned({shown: mine}) if mine else None
        key = entry_key(code, shown, data + repr(sorted(
            (k, v.rule) for k, v in mine.items())).encode() if mine else data)
        loaded.keys.append(key)
        loaded.key_of[shown] = key
        entry = cache.get(key) if cache else None
        if entry is None:
            todo.append((len(entries), key))
            items.append((data, shown, own))
        entries.append(entry)
    del datas
    results = _run(items, config, images, jobs)
    for done, ((index, key), entry) in enumerate(zip(todo, results, strict=True), start=1):
        entries[index] = entry
        if cache is not None:
            cache.put(key, entry)
        if on_progress:
            on_progress(done, len(todo))
    loaded.cleaned = len(todo)
    for name, entry in zip(names, entries, strict=True):
        assert entry is not None
        loaded.problems += entry.problems
        if entry.article is None:
            loaded.rejected.append(next(p for p in reversed(entry.problems)
                                        if p.severity == "error"))
            if entry.record:
                loaded.rejected_lines[name] = json.loads(entry.record)["lines"]
        else:
            loaded.articles.append(entry.article)
            loaded.records[name] = entry.record
    loaded.articles = assign_slugs(loaded.articles)
    return loaded


def build(source: Path, out: Path, config: Config, site_dir: Path, jobs: int | None = None,
          on_progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Build the site from `source` into `out`; the report goes beside `out`."""
    check_output(out, [source, site_dir, site_dir / "templates", site_dir / "static",
                       Path.cwd(), *repo_roots(source, site_dir)])
    finish_pending(out)
    cache = ArticleCache(state_dir(out) / "articles")
    loaded = load_articles(source, config, cache, jobs or os.cpu_count() or 1, on_progress,
                           FactsCache(state_dir(out) / "learned.pickle"))
    cache.prune(loaded.keys)
    env = make_env(site_dir)
    memo = Memo(state_dir(out) / "pages.pickle", published(out))
    files = site_files(env, config, loaded.articles, site_dir, memo,
                       lambda a: loaded.key_of[a.path])
    files.update(media_files(source))
    stats = publish(out, files, memo.kept)
    memo.save(stats.digests)
    urls = {a.path: a.url_path for a in loaded.articles}
    records = [with_url(loaded.records[a.path], urls[a.path])
               for a in sorted(loaded.articles, key=lambda a: a.path)]
    report = write_beside(out, REPORT_NAME, build_report(
        records, loaded.rejected, loaded.problems, loaded.learned, loaded.rejected_lines))
    feeds = sum(1 for p in stats.digests if p.endswith(("feed.xml", "atom.xml", "feed.json")))
    pages = sum(1 for p in stats.digests if p.endswith(".html"))
    return BuildResult(tuple(loaded.articles), tuple(loaded.rejected), tuple(loaded.problems),
                       stats, report, loaded.cleaned, pages, feeds)


def with_url(record: str, url: str) -> str:
    """Put the article's final URL into its JSON record (slugs are settled after cleaning)."""
    return '{"url": ' + json.dumps(url) + ", " + record[1:]
